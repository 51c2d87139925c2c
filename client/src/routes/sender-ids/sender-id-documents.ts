import { graphql } from '../../gql/index.js';

export const SENDER_ID_FIELDS = graphql(`
  fragment SenderIdRowFields on SenderId {
    id
    sender
    status
    monthlyFee
    decisionReason
    decidedAt
    periodsPaid
    renewsAt
    graceUntil
    cancelReason
    createdAt
  }
`);

export const SENDER_IDS_QUERY = graphql(`
  query SenderIds($first: Int!) {
    senderIds(first: $first) {
      edges {
        node {
          ...SenderIdRowFields
        }
      }
      pageInfo {
        hasNextPage
      }
    }
  }
`);

export const REGISTER_SENDER_ID_MUTATION = graphql(`
  mutation RegisterSenderId($input: RegisterSenderIdInput!) {
    registerSenderId(input: $input) {
      senderId {
        ...SenderIdRowFields
      }
    }
  }
`);

export const CANCEL_SENDER_ID_MUTATION = graphql(`
  mutation CancelSenderId($id: ID!) {
    cancelSenderId(id: $id) {
      senderId {
        ...SenderIdRowFields
      }
    }
  }
`);
