import { Field, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { NotificationKind } from '../../domain/notifications/notification-kind.js';

registerEnumType(NotificationKind, {
  name: 'NotificationKind',
  description:
    'What a user can be e-mailed about: alert kinds (balance, payments, closing, numbers, sender IDs, spend caps), the receipt of each card top-up, and the daily and monthly usage reports.',
  valuesConfig: {
    LOW_BALANCE: { description: "A wallet's balance fell to a low-balance threshold." },
    BALANCE_DEPLETED: { description: "A wallet's balance reached zero." },
    PAYMENT_FAILED: { description: 'A card top-up failed.' },
    AUTO_RECHARGE_FAILED: { description: 'An automatic recharge failed.' },
    AUTO_RECHARGE_PAUSED: { description: 'Automatic recharge paused itself.' },
    ACCOUNT_CLOSING: { description: 'The account will be closed soon for lack of funds.' },
    TOP_UP_RECEIPT: { description: 'The receipt of each successful card top-up.' },
    SPEND_CAP_WARNING: { description: 'Spend reached 80 % of a daily or monthly spend cap.' },
    SPEND_CAP_REACHED: { description: 'A daily or monthly spend cap was reached: spend is refused until it resets.' },
    NUMBER_RENEWAL_FAILED: {
      description: "A phone number's monthly renewal could not be paid (in grace, or owed while the wallet is suspended).",
    },
    NUMBER_RELEASED: { description: 'A phone number was released: its grace ended or its account was closed.' },
    SENDER_ID_APPROVED: { description: 'Support approved a sender ID; its monthly fee is charged.' },
    SENDER_ID_REJECTED: { description: 'Support rejected a sender ID, with the reason.' },
    SENDER_ID_RENEWAL_FAILED: {
      description: "A sender ID's monthly renewal could not be paid (in grace, or owed while the wallet is suspended).",
    },
    SENDER_ID_CANCELLED: {
      description: 'A sender ID was cancelled (by the account, at the end of its grace, or when the account closed).',
    },
    DAILY_USAGE_REPORT: {
      description: "Each morning, the previous day's spend (UTC) by kind, campaign and country. Off unless turned on.",
    },
    MONTHLY_USAGE_REPORT: {
      description: "On the 1st, the previous month's spend (UTC) by kind, campaign and country. Off unless turned on.",
    },
  },
});

@ObjectType('NotificationPreference', {
  description: 'Whether the signed-in user gets e-mail of one kind (on unless turned off; the usage reports off unless turned on).',
})
export class NotificationPreferenceObject {
  @Field(() => NotificationKind, { description: 'What the e-mail is about.' })
  kind!: NotificationKind;

  @Field(() => Boolean, { description: 'True when the user is e-mailed about it.' })
  email!: boolean;
}

@InputType('SetNotificationPreferenceInput', { description: 'Turns e-mail of one kind on or off for the signed-in user.' })
export class SetNotificationPreferenceInput {
  @Field(() => NotificationKind, { description: 'The kind to change.' })
  kind!: NotificationKind;

  @Field(() => Boolean, { description: 'True to receive e-mail of this kind, false to stop it.' })
  email!: boolean;
}

@ObjectType('SetNotificationPreferencePayload', { description: 'The result of setNotificationPreference.' })
export class SetNotificationPreferencePayload {
  @Field(() => NotificationPreferenceObject, { description: 'The preference as now stored.' })
  preference!: NotificationPreferenceObject;

  @Field(() => [NotificationPreferenceObject], { description: 'Every kind for the user after the change.' })
  preferences!: NotificationPreferenceObject[];
}
