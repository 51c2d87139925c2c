import { useQuery } from '@apollo/client/react';
import { graphql } from '../../../gql/index.js';

/** The signed-in user's e-mail choice per notification kind (null user: an API key, which has none). */
export const NOTIFICATION_PREFERENCES_QUERY = graphql(`
  query NotificationPreferences {
    me {
      user {
        id
        email
        notificationPreferences {
          kind
          email
        }
      }
    }
  }
`);

/** The signed-in user's notification preferences, from the cache and then the server. */
export function useNotificationPreferences() {
  return useQuery(NOTIFICATION_PREFERENCES_QUERY, { fetchPolicy: 'cache-and-network' });
}
