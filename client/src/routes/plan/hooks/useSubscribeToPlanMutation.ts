import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql/index.js';
import { WALLET_PLAN_QUERY } from './usePlanSubscription';

export const SUBSCRIBE_TO_PLAN_MUTATION = graphql(`
  mutation SubscribeToPlan($input: SubscribeToPlanInput!) {
    subscribeToPlan(input: $input) {
      subscription {
        ...PlanSubscriptionFields
      }
    }
  }
`);

/** Subscribes the wallet (its first fee is debited at once); the page's plan is fetched again. */
export function useSubscribeToPlanMutation() {
  return useMutation(SUBSCRIBE_TO_PLAN_MUTATION, { refetchQueries: [WALLET_PLAN_QUERY], awaitRefetchQueries: true });
}
