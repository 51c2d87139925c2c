import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql/index.js';
import { TEAM_QUERY } from './useTeam.js';

/** Invites someone into an account with a role: the server e-mails them the link; the answer's token is shown once. */
export const INVITE_USER_MUTATION = graphql(`
  mutation InviteUser($input: InviteUserInput!) {
    inviteUser(input: $input) {
      token
      invitation {
        ...TeamInvitationFields
      }
    }
  }
`);

/** The `inviteUser` mutation (OWNER); the team list is read again after it. Its promise rejects on failure; the form shows why. */
export function useInviteUserMutation() {
  return useMutation(INVITE_USER_MUTATION, { refetchQueries: [TEAM_QUERY], awaitRefetchQueries: true });
}
