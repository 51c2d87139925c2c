import { useQuery } from '@apollo/client/react';
import { graphql } from '../../../gql/index.js';
import type { UsagePeriod } from '../../../gql/graphql.js';

/** A day's or month's usage report of an account (the last completed one without `from`): what the report e-mails show. */
export const USAGE_REPORT_QUERY = graphql(`
  query UsageReport($accountId: ID!, $period: UsagePeriod!, $from: DateTime) {
    usageReport(accountId: $accountId, period: $period, from: $from) {
      accountId
      period
      label
      timeZone
      wallets {
        walletId
        currency
        opening
        closing
        spent
        other
        byKind {
          key
          label
          transactions
          amount
        }
        byCampaign {
          key
          label
          amount
        }
        byCountry {
          key
          label
          amount
        }
      }
    }
  }
`);

/** The report of `period` containing `from` (an ISO instant), or the latest completed one when null. */
export function useUsageReport(accountId: string, period: UsagePeriod, from: string | null) {
  return useQuery(USAGE_REPORT_QUERY, { variables: { accountId, period, from }, fetchPolicy: 'cache-and-network' });
}
