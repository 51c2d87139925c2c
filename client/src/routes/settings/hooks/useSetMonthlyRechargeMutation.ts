import { useMutation } from '@apollo/client/react';
import { writeAutoRecharge } from './useSetAutoRechargeMutation';
import { graphql } from '../../../gql/index.js';

/** Turns the monthly recharge on or off, with its day (1–28, UTC) and whole amount. OWNER only. */
export const SET_MONTHLY_RECHARGE_MUTATION = graphql(`
  mutation SetMonthlyRecharge($input: SetMonthlyRechargeInput!) {
    setMonthlyRecharge(input: $input) {
      autoRecharge {
        ...AutoRechargeFields
      }
    }
  }
`);

/** The `setMonthlyRecharge` mutation. Its promise rejects on failure; the form shows why. */
export function useSetMonthlyRechargeMutation() {
  return useMutation(SET_MONTHLY_RECHARGE_MUTATION, {
    update: (cache, { data }) => {
      if (data) writeAutoRecharge(cache, data.setMonthlyRecharge.autoRecharge);
    },
  });
}
