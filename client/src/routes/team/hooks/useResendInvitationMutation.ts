import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql/index.js';

/** Mails an open invitation again with a new link (the earlier link stops working). */
export const RESEND_INVITATION_MUTATION = graphql(`
  mutation ResendInvitation($id: ID!) {
    resendInvitation(id: $id) {
      invitation {
        ...TeamInvitationFields
      }
    }
  }
`);

/** The `resendInvitation` mutation; the answer (cached by id) updates the row. Its promise rejects on failure. */
export function useResendInvitationMutation() {
  return useMutation(RESEND_INVITATION_MUTATION);
}
