import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql/index.js';
import { NOTIFICATION_PREFERENCES_QUERY } from './useNotificationPreferences';

/** Turns e-mail of one kind on or off for the signed-in user; answers every kind as now stored. */
export const SET_NOTIFICATION_PREFERENCE_MUTATION = graphql(`
  mutation SetNotificationPreference($input: SetNotificationPreferenceInput!) {
    setNotificationPreference(input: $input) {
      preference {
        kind
        email
      }
      preferences {
        kind
        email
      }
    }
  }
`);

/**
 * The `setNotificationPreference` mutation. The stored list it answers replaces the cached user's
 * (preferences have no id of their own, so the cache is written by hand). Rejects on failure.
 */
export function useSetNotificationPreferenceMutation() {
  return useMutation(SET_NOTIFICATION_PREFERENCE_MUTATION, {
    update(cache, result) {
      const preferences = result.data?.setNotificationPreference.preferences;
      if (!preferences) return;
      cache.updateQuery({ query: NOTIFICATION_PREFERENCES_QUERY }, (current) =>
        current?.me.user
          ? { ...current, me: { ...current.me, user: { ...current.me.user, notificationPreferences: preferences } } }
          : current,
      );
    },
  });
}
