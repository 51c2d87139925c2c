import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql/index.js';
import { SPEND_CAPS_QUERY } from './useSpendCaps';

/** Sets the account's timezone (where the caps' days and months begin). OWNER and PLATFORM_ADMIN. */
export const SET_ACCOUNT_TIMEZONE_MUTATION = graphql(`
  mutation SetAccountTimezone($timezone: String!) {
    setAccountTimezone(timezone: $timezone) {
      accountId
      timezone
    }
  }
`);

/** The `setAccountTimezone` mutation; the caps (their periods) are read again after it. */
export function useSetAccountTimezoneMutation() {
  return useMutation(SET_ACCOUNT_TIMEZONE_MUTATION, { refetchQueries: [SPEND_CAPS_QUERY], awaitRefetchQueries: true });
}
