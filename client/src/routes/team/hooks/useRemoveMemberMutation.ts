import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql/index.js';
import { TEAM_QUERY } from './useTeam.js';

/** Removes a member: they can no longer sign in (never the account's last owner). */
export const REMOVE_MEMBER_MUTATION = graphql(`
  mutation RemoveMember($input: RemoveMemberInput!) {
    removeMember(input: $input) {
      user {
        id
      }
    }
  }
`);

/** The `removeMember` mutation; the list is read again (the member leaves it). Its promise rejects on failure. */
export function useRemoveMemberMutation() {
  return useMutation(REMOVE_MEMBER_MUTATION, { refetchQueries: [TEAM_QUERY], awaitRefetchQueries: true });
}
