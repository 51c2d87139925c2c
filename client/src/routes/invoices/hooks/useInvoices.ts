import { useQuery } from '@apollo/client/react';
import { graphql } from '../../../gql/index.js';

/** An invoice or credit note as the Invoices page lists it. */
export const INVOICE_LIST_FIELDS = graphql(`
  fragment InvoiceListFields on Invoice {
    id
    number
    kind
    issuedAt
    net
    tax
    total
    currency
    taxLabel
    reverseCharge
    creditedInvoiceNumber
    pdfUrl
  }
`);

/** A page of the account's documents, newest first. */
export const INVOICES_QUERY = graphql(`
  query Invoices($first: Int, $after: String) {
    invoices(first: $first, after: $after) {
      edges {
        cursor
        node {
          ...InvoiceListFields
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

/** Documents shown per page (the server allows up to 100). */
export const INVOICES_PAGE_SIZE = 20;

/** The caller's account's invoices and credit notes; `fetchMore({ variables: { after } })` adds the next page. */
export function useInvoices() {
  return useQuery(INVOICES_QUERY, {
    variables: { first: INVOICES_PAGE_SIZE },
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: true,
  });
}
