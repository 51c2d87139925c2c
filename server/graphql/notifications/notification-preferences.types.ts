import { Field, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { NotificationKind } from '../../domain/notifications/notification-kind.js';

registerEnumType(NotificationKind, {
  name: 'NotificationKind',
  description: 'What a user can be e-mailed about: eight alert kinds and the receipt of each card top-up.',
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
  },
});

@ObjectType('NotificationPreference', { description: 'Whether the signed-in user gets e-mail of one kind (on unless turned off).' })
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
