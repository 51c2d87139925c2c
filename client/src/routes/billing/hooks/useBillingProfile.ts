import { useQuery } from '@apollo/client/react';
import { graphql } from '../../../gql/index.js';

/** Every field of the billing profile the page shows and edits. */
export const BILLING_PROFILE_FIELDS = graphql(`
  fragment BillingProfileFields on BillingProfile {
    accountId
    legalName
    addressLine1
    addressLine2
    city
    postalCode
    country
    state
    vatNumber
    email
  }
`);

/** The account's billing profile (OWNER, SUPPORT and PLATFORM_ADMIN change it), and the EU member states the form knows the VAT number field by. */
export const BILLING_PROFILE_QUERY = graphql(`
  query BillingProfile($accountId: ID) {
    billingProfile(accountId: $accountId) {
      ...BillingProfileFields
    }
    euCountries {
      code
      name
    }
  }
`);

/** The billing profile of `accountId`, from the cache and then the server. */
export function useBillingProfile(accountId: string) {
  return useQuery(BILLING_PROFILE_QUERY, { variables: { accountId }, fetchPolicy: 'cache-and-network' });
}
