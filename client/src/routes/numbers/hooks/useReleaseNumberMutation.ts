import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql/index.js';

export const RELEASE_NUMBER_MUTATION = graphql(`
  mutation ReleaseNumber($id: ID!) {
    releaseNumber(id: $id) {
      phoneNumber {
        ...PhoneNumberRowFields
      }
    }
  }
`);

/** Gives a number up at once, without refund; the returned number updates its row in the cache. */
export function useReleaseNumberMutation() {
  return useMutation(RELEASE_NUMBER_MUTATION);
}
