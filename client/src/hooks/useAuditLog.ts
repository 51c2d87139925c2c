import { useQuery } from '@apollo/client/react';
import { graphql } from '../gql/index.js';

/** Entries per page of the audit log (the server allows up to auditLogPageSizeMax, default 100). */
export const AUDIT_LOG_PAGE_SIZE = 25;

/** A page of the audit log, newest first: an account's (an owner's own when omitted). */
export const AUDIT_LOG_QUERY = graphql(`
  query AuditLog($accountId: ID, $first: Int, $after: String) {
    auditLog(accountId: $accountId, first: $first, after: $after) {
      edges {
        cursor
        node {
          id
          action
          targetType
          targetId
          clientIp
          before
          after
          createdAt
          actor {
            kind
            id
            name
            email
            role
            staff
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

/** The audit log of `accountId` (null: the caller's own account), with a way to load older entries. */
export function useAuditLog(accountId: string | null) {
  return useQuery(AUDIT_LOG_QUERY, {
    variables: { accountId, first: AUDIT_LOG_PAGE_SIZE },
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: true,
  });
}
