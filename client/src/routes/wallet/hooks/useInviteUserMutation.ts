import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql/index.js';

/** Invites someone into an account with a role; the answer's token is shown once. */
export const INVITE_USER_MUTATION = graphql(`
  mutation InviteUser($input: InviteUserInput!) {
    inviteUser(input: $input) {
      token
      invitation {
        id
        email
        role
        expiresAt
      }
    }
  }
`);

/** The `inviteUser` mutation (OWNER). Its promise rejects on failure; the form shows why. */
export function useInviteUserMutation() {
  return useMutation(INVITE_USER_MUTATION);
}
