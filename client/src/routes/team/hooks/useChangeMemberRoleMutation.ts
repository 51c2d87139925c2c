import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql/index.js';

/** Gives a member another role (never the account's last owner). */
export const CHANGE_MEMBER_ROLE_MUTATION = graphql(`
  mutation ChangeMemberRole($input: ChangeMemberRoleInput!) {
    changeMemberRole(input: $input) {
      user {
        ...TeamMemberFields
      }
    }
  }
`);

/** The `changeMemberRole` mutation; the answer (cached by id) updates the row. Its promise rejects on failure. */
export function useChangeMemberRoleMutation() {
  return useMutation(CHANGE_MEMBER_ROLE_MUTATION);
}
