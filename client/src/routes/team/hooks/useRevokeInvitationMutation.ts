import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql/index.js';
import { TEAM_QUERY } from './useTeam.js';

/** Revokes an open invitation: its link is refused from now on. */
export const REVOKE_INVITATION_MUTATION = graphql(`
  mutation RevokeInvitation($id: ID!) {
    revokeInvitation(id: $id) {
      invitation {
        ...TeamInvitationFields
      }
    }
  }
`);

/** The `revokeInvitation` mutation; the list is read again (a revoked invitation leaves it). Its promise rejects on failure. */
export function useRevokeInvitationMutation() {
  return useMutation(REVOKE_INVITATION_MUTATION, { refetchQueries: [TEAM_QUERY], awaitRefetchQueries: true });
}
