import type { ApolloCache } from '@apollo/client';
import { useMutation } from '@apollo/client/react';
import type { AutoRechargeFieldsFragment as AutoRechargeSettings } from '../../../gql/graphql.js';
import { graphql } from '../../../gql/index.js';

/** Turns auto-recharge on (resuming it when paused) or off, with its threshold and target. OWNER only. */
export const SET_AUTO_RECHARGE_MUTATION = graphql(`
  mutation SetAutoRecharge($input: SetAutoRechargeInput!) {
    setAutoRecharge(input: $input) {
      autoRecharge {
        ...AutoRechargeFields
      }
    }
  }
`);

/**
 * Writes a funding mutation's answer into its Wallet's `autoRecharge` field in the cache (the
 * settings have no id, so Apollo cannot merge them by itself): every query showing them follows.
 */
export function writeAutoRecharge(cache: ApolloCache, settings: AutoRechargeSettings): void {
  cache.modify({
    id: cache.identify({ __typename: 'Wallet', id: settings.walletId }),
    fields: { autoRecharge: () => ({ __typename: 'AutoRecharge', ...settings }) },
  });
}

/** The `setAutoRecharge` mutation. Its promise rejects on failure; the form shows why. */
export function useSetAutoRechargeMutation() {
  return useMutation(SET_AUTO_RECHARGE_MUTATION, {
    update: (cache, { data }) => {
      if (data) writeAutoRecharge(cache, data.setAutoRecharge.autoRecharge);
    },
  });
}
