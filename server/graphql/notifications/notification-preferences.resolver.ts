import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.js';
import {
  listNotificationPreferences,
  setNotificationPreference,
  type NotificationPreference,
} from '../../domain/notifications/notification-preferences.service.js';
import { UserObject } from '../users/users.resolver.js';
import {
  NotificationPreferenceObject,
  SetNotificationPreferenceInput,
  SetNotificationPreferencePayload,
} from './notification-preferences.types.js';

function toObject(preference: NotificationPreference): NotificationPreferenceObject {
  return Object.assign(new NotificationPreferenceObject(), preference);
}

/** Notification settings: each signed-in user chooses which e-mails they get. */
@Resolver(() => UserObject)
export class NotificationPreferencesResolver {
  @FieldResolver(() => [NotificationPreferenceObject], {
    description: 'Signed-in user only (their own): e-mail on or off per kind, every kind listed. FORBIDDEN for anyone else.',
  })
  async notificationPreferences(@Root() user: UserObject, @Ctx() { em, principal }: Context): Promise<NotificationPreferenceObject[]> {
    return (await listNotificationPreferences(em, { principal, userId: user.id })).map(toObject);
  }

  @Mutation(() => SetNotificationPreferencePayload, {
    description:
      'Signed-in user (session cookie): turns e-mail of one kind on or off for themself. FORBIDDEN for API keys and the operator token.',
  })
  async setNotificationPreference(
    @Arg('input', () => SetNotificationPreferenceInput, { description: 'The kind and whether to e-mail it.' })
    input: SetNotificationPreferenceInput,
    @Ctx() { em, principal, spend }: Context,
  ): Promise<SetNotificationPreferencePayload> {
    const preferences = await setNotificationPreference(em, { principal, kind: input.kind, email: input.email, nowMs: spend.clock.now() });
    return Object.assign(new SetNotificationPreferencePayload(), {
      preference: toObject(preferences.find((preference) => preference.kind === input.kind)!),
      preferences: preferences.map(toObject),
    });
  }
}
