import { useQuery } from '@apollo/client/react';
import { graphql } from '../../../gql/index.js';

/** A member as the Team page lists them. */
export const TEAM_MEMBER_FIELDS = graphql(`
  fragment TeamMemberFields on User {
    id
    name
    email
    role
    createdAt
  }
`);

/** An invitation as the Team page lists it. */
export const TEAM_INVITATION_FIELDS = graphql(`
  fragment TeamInvitationFields on Invitation {
    id
    email
    role
    status
    sentAt
    sendCount
    expiresAt
  }
`);

/** The account's members and open invitations, and who is signed in (to mark "you"). */
export const TEAM_QUERY = graphql(`
  query Team($accountId: ID!) {
    team(accountId: $accountId) {
      accountId
      members {
        ...TeamMemberFields
      }
      invitations {
        ...TeamInvitationFields
      }
    }
    me {
      user {
        id
      }
    }
  }
`);

/** The team of an account (OWNER; others are refused FORBIDDEN). */
export function useTeam(accountId: string, skip: boolean) {
  return useQuery(TEAM_QUERY, { variables: { accountId }, fetchPolicy: 'cache-and-network', skip });
}
