import { useQuery } from '@apollo/client/react';
import { graphql } from '../../../gql/index.js';

/** A subscription plan as the page shows it. */
export const SUBSCRIPTION_PLAN_FIELDS = graphql(`
  fragment SubscriptionPlanFields on SubscriptionPlan {
    id
    name
    currency
    monthlyFee
    includedMinutes
    overagePerMinute
  }
`);

/** A wallet's subscription with its period's allowance. */
export const PLAN_SUBSCRIPTION_FIELDS = graphql(`
  fragment PlanSubscriptionFields on PlanSubscription {
    id
    walletId
    status
    periodStart
    periodEnd
    allowanceSeconds
    usedSeconds
    reservedSeconds
    remainingSeconds
    endedAt
    overageThisPeriod {
      seconds
      cost
    }
    plan {
      ...SubscriptionPlanFields
    }
  }
`);

export const WALLET_PLAN_QUERY = graphql(`
  query WalletPlan($walletId: ID!) {
    wallet(id: $walletId) {
      id
      planSubscription {
        ...PlanSubscriptionFields
      }
    }
    subscriptionPlans {
      ...SubscriptionPlanFields
    }
  }
`);

/** How often the allowance is read again while the page is open (calls that end use it), in milliseconds. */
export const ALLOWANCE_POLL_MS = 5_000;

/** The wallet's active subscription (null when none) and the plans on offer; the allowance is polled. */
export function usePlanSubscription(walletId: string) {
  return useQuery(WALLET_PLAN_QUERY, {
    variables: { walletId },
    fetchPolicy: 'cache-and-network',
    nextFetchPolicy: 'cache-first',
    pollInterval: ALLOWANCE_POLL_MS,
  });
}
