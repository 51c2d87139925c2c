import { useQuery } from '@apollo/client/react';
import { graphql } from '../../../gql/index.js';

/** The tax a top-up would carry under a profile not yet saved (the server's rules: the same answer quoteTopUp gives). */
export const TAX_PREVIEW_QUERY = graphql(`
  query TaxPreview($amount: Money!, $country: String, $state: String, $vatNumber: String) {
    taxPreview(amount: $amount, country: $country, state: $state, vatNumber: $vatNumber) {
      amount
      tax
      total
      taxRate
      taxTreatment
      taxLabel
      vatNumber
      vatNumberAccepted
    }
  }
`);

/** Variables of {@link useTaxPreview}. */
export interface TaxPreviewVariables {
  amount: string;
  country: string | null;
  state: string | null;
  vatNumber: string | null;
}

/** The preview for `variables`; while a new one loads, the previous answer stays on screen. */
export function useTaxPreview(variables: TaxPreviewVariables) {
  return useQuery(TAX_PREVIEW_QUERY, { variables, fetchPolicy: 'cache-first' });
}
