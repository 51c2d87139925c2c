import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql/index.js';

/**
 * Replaces a wallet's low-balance alert thresholds (`[]` turns balance alerts off). OWNER,
 * CAMPAIGN_MANAGER, SUPPORT and PLATFORM_ADMIN; INTEGRATOR keys are FORBIDDEN.
 */
export const SET_LOW_BALANCE_THRESHOLDS_MUTATION = graphql(`
  mutation SetLowBalanceThresholds($input: SetLowBalanceThresholdsInput!) {
    setLowBalanceThresholds(input: $input) {
      thresholds
      wallet {
        ...BalanceAlertThresholdsFields
      }
    }
  }
`);

/**
 * The `setLowBalanceThresholds` mutation. The answer's wallet (cached by id) carries the
 * thresholds as the server stored them, so every query showing them follows. Its promise rejects
 * on failure; the form shows why.
 */
export function useSetLowBalanceThresholdsMutation() {
  return useMutation(SET_LOW_BALANCE_THRESHOLDS_MUTATION);
}
