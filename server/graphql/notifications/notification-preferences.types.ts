import { Field, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { NotificationKind } from '../../domain/notifications/notification-kind.js';

registerEnumType(NotificationKind, {
  name: 'NotificationKind',
  description: 'What a user can be e-mailed about: six alert kinds and the receipt of each card top-up.',
});

@ObjectType('NotificationPreference', { description: 'Whether the signed-in user gets e-mail of one kind (on unless turned off).' })
export class NotificationPreferenceObject {
  @Field(() => NotificationKind)
  kind!: NotificationKind;

  @Field(() => Boolean)
  email!: boolean;
}

@InputType('SetNotificationPreferenceInput')
export class SetNotificationPreferenceInput {
  @Field(() => NotificationKind)
  kind!: NotificationKind;

  @Field(() => Boolean, { description: 'True to receive e-mail of this kind, false to stop it.' })
  email!: boolean;
}

@ObjectType('SetNotificationPreferencePayload')
export class SetNotificationPreferencePayload {
  @Field(() => NotificationPreferenceObject, { description: 'The preference as now stored.' })
  preference!: NotificationPreferenceObject;

  @Field(() => [NotificationPreferenceObject], { description: 'Every kind for the user after the change.' })
  preferences!: NotificationPreferenceObject[];
}
