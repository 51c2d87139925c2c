import { gql, type TypedDocumentNode } from '@apollo/client';
import { useMutation } from '@apollo/client/react';
import type { SetMonthlyRechargeMutation, SetMonthlyRechargeMutationVariables } from '../apollo/account-pages-types';
import { AUTO_RECHARGE_FIELDS } from './useAutoRecharge';
import { writeAutoRecharge } from './useSetAutoRechargeMutation';

/** Turns the monthly recharge on or off, with its day (1–28, UTC) and whole amount. OWNER only. */
export const SET_MONTHLY_RECHARGE_MUTATION: TypedDocumentNode<SetMonthlyRechargeMutation, SetMonthlyRechargeMutationVariables> = gql`
  mutation SetMonthlyRecharge($input: SetMonthlyRechargeInput!) {
    setMonthlyRecharge(input: $input) {
      autoRecharge {
        ...AutoRechargeFields
      }
    }
  }
  ${AUTO_RECHARGE_FIELDS}
`;

/** The `setMonthlyRecharge` mutation. Its promise rejects on failure; the form shows why. */
export function useSetMonthlyRechargeMutation() {
  return useMutation(SET_MONTHLY_RECHARGE_MUTATION, {
    update: (cache, { data }) => {
      if (data) writeAutoRecharge(cache, data.setMonthlyRecharge.autoRecharge);
    },
  });
}
