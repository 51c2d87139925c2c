import { gql, type TypedDocumentNode } from '@apollo/client';
import { useMutation } from '@apollo/client/react';
import type { InviteUserMutation, InviteUserMutationVariables } from '../apollo/user-types.js';

/** Invites someone into an account with a role; the answer's token is shown once. */
export const INVITE_USER_MUTATION: TypedDocumentNode<InviteUserMutation, InviteUserMutationVariables> = gql`
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
`;

/** The `inviteUser` mutation (OWNER). Its promise rejects on failure; the form shows why. */
export function useInviteUserMutation() {
  return useMutation(INVITE_USER_MUTATION);
}
