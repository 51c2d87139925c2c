import { useQuery } from '@apollo/client/react';
import { graphql } from '../../../gql/index.js';

/** One period of a cap, as the Settings card shows it. */
export const SPEND_CAP_PERIOD_FIELDS = graphql(`
  fragment SpendCapPeriodFields on SpendCapPeriod {
    cap
    spent
    startsOn
    resetsAt
  }
`);

/** The account's spend caps: its timezone, the account's caps per currency and each wallet's, with this period's spend. */
export const SPEND_CAPS_QUERY = graphql(`
  query SpendCaps {
    spendCaps {
      accountId
      timezone
      caps {
        scope
        walletId
        currency
        daily {
          ...SpendCapPeriodFields
        }
        monthly {
          ...SpendCapPeriodFields
        }
      }
    }
  }
`);

/** The account's spend caps (network first: spend moves all the time; the card polls while open). */
export function useSpendCaps() {
  return useQuery(SPEND_CAPS_QUERY, { fetchPolicy: 'cache-and-network', pollInterval: 15_000 });
}
