import { graphql } from '../../gql/index.js';

/** What the console shows of an alert, wherever it appears (the feed, an account's page). */
export const SUPPORT_ALERT_FIELDS = graphql(`
  fragment SupportAlertFields on Alert {
    id
    position
    kind
    severity
    accountId
    walletId
    campaignId
    message
    raisedAt
    acknowledgedAt
    acknowledger {
      ...SupportActorFields
    }
  }
`);

/** Who did something, as the console names them. */
export const SUPPORT_ACTOR_FIELDS = graphql(`
  fragment SupportActorFields on Actor {
    kind
    id
    role
    name
    email
    staff
  }
`);

/** Acknowledges one or several alerts, all or none. */
export const ACKNOWLEDGE_ALERTS_MUTATION = graphql(`
  mutation SupportAcknowledgeAlerts($ids: [ID!]!) {
    acknowledgeAlerts(ids: $ids) {
      alerts {
        ...SupportAlertFields
      }
    }
  }
`);
