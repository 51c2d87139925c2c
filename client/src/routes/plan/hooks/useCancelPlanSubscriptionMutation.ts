import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql/index.js';
import { WALLET_PLAN_QUERY } from './usePlanSubscription';

export const CANCEL_PLAN_SUBSCRIPTION_MUTATION = graphql(`
  mutation CancelPlanSubscription($id: ID!) {
    cancelPlanSubscription(id: $id) {
      subscription {
        ...PlanSubscriptionFields
      }
    }
  }
`);

/** Ends the subscription now; the page's plan is fetched again (the wallet then has none). */
export function useCancelPlanSubscriptionMutation() {
  return useMutation(CANCEL_PLAN_SUBSCRIPTION_MUTATION, { refetchQueries: [WALLET_PLAN_QUERY], awaitRefetchQueries: true });
}
