/**
 * The overview's GraphQL documents; their result types are generated (client/src/gql/graphql.ts:
 * `OverviewWalletFieldsFragment`, `OverviewCampaignFieldsFragment`, `XQuery`, `XSubscription`).
 */
import { graphql } from '../../gql/index.js';

/** Campaigns listed to find the ones stopped for funds: the server's page size cap is 100. */
export const OVERVIEW_CAMPAIGNS_FIRST = 50;

/** Most recent transactions the overview shows. */
export const RECENT_TRANSACTIONS_COUNT = 5;

/** The wallet as the overview follows it: figures, burn inputs, status, the auto-recharge line and its balance alert thresholds (the low-balance banner's lines). */
export const OVERVIEW_WALLET_FIELDS = graphql(`
  fragment OverviewWalletFields on Wallet {
    id
    currency
    balance
    reserved
    available
    status
    sequence
    burn {
      ratePerMinute
      timeToEmptySeconds
      limitedBy
      limitReachedInSeconds
      spendCap {
        period
        scope
        reachedInSeconds
        resetsAt
      }
      activeCalls
      meteredPerMinute
      windowUsage
      windowSeconds
      coveredSeconds
      planFeesPerMinute
    }
    autoRecharge {
      walletId
      enabled
      threshold
      target
      pausedReason
    }
    lowBalanceThresholds
  }
`);

/**
 * The wallet's figures, burn inputs, status and auto-recharge line: its state now, then again after
 * every change of balance, reserved credit or status (a state feed: never a stale state after a
 * newer one).
 */
export const OVERVIEW_WALLET_UPDATED_SUBSCRIPTION = graphql(`
  subscription OverviewWalletUpdated($walletId: ID!) {
    walletUpdated(walletId: $walletId) {
      ...OverviewWalletFields
    }
  }
`);

/** A campaign as the overview follows it. */
export const OVERVIEW_CAMPAIGN_FIELDS = graphql(`
  fragment OverviewCampaignFields on Campaign {
    id
    walletId
    name
    status
    activeCalls
    version
  }
`);

/** The caller's newest campaigns (every wallet of the account; the page keeps its wallet's). */
export const OVERVIEW_CAMPAIGNS_QUERY = graphql(`
  query OverviewCampaigns($first: Int!) {
    campaigns(first: $first) {
      edges {
        node {
          ...OverviewCampaignFields
        }
      }
      pageInfo {
        hasNextPage
      }
    }
  }
`);

/** One campaign now, then after every change (status, calls starting and ending). */
export const OVERVIEW_CAMPAIGN_UPDATED_SUBSCRIPTION = graphql(`
  subscription OverviewCampaignUpdated($campaignId: ID!) {
    campaignUpdated(campaignId: $campaignId) {
      ...OverviewCampaignFields
    }
  }
`);

/**
 * The newest transactions and the wallet's `sequence` answered with them (the point from which
 * live transactions go on top: utils/live-transactions.ts `pageBaseline`).
 */
export const RECENT_TRANSACTIONS_QUERY = graphql(`
  query RecentTransactions($walletId: ID!, $first: Int!) {
    wallet(id: $walletId) {
      id
      sequence
      transactions(first: $first) {
        edges {
          node {
            ...TransactionRowFields
          }
        }
      }
    }
  }
`);

/** Unacknowledged alerts the overview's alerts card lists at first (newest first): the server's page size cap is 100. */
export const OVERVIEW_ALERTS_FIRST = 20;

/**
 * An alert as the overview's alerts card shows it. `sequence` is the alert's feed position under
 * the name the live socket resumes by (apollo/resumable-subscriptions.ts): after a reconnect the
 * feed goes on after the last alert delivered, with no gap.
 */
export const OVERVIEW_ALERT_FIELDS = graphql(`
  fragment OverviewAlertFields on Alert {
    id
    sequence: position
    kind
    severity
    walletId
    campaignId
    message
    raisedAt
    acknowledgedAt
  }
`);

/**
 * The account's unacknowledged alerts (newest first), and its newest alert of all: the feed position
 * from which `alertRaised` goes on with no gap (utils in overview/account-alerts.ts `feedStartOf`).
 */
export const OVERVIEW_ALERTS_QUERY = graphql(`
  query OverviewAlerts($first: Int!) {
    unacknowledged: alerts(acknowledged: false, first: $first) {
      edges {
        node {
          ...OverviewAlertFields
        }
      }
      pageInfo {
        hasNextPage
      }
      acknowledgedThrough
    }
    newest: alerts(first: 1) {
      edges {
        node {
          id
          sequence: position
        }
      }
    }
  }
`);

/**
 * The account's alerts raised after `$afterSequence` (a feed position: replayed first, then live),
 * each exactly once. The variable's name makes the live socket resume it after a reconnect.
 */
export const OVERVIEW_ALERT_RAISED_SUBSCRIPTION = graphql(`
  subscription OverviewAlertRaised($afterSequence: String) {
    alertRaised(afterPosition: $afterSequence) {
      ...OverviewAlertFields
    }
  }
`);

/**
 * The account's alerts as they are acknowledged (here, in another tab, by a teammate or by support)
 * after `afterAcknowledgementPosition`: each leaves the card live. The variable's name makes the
 * live socket resume it after a reconnect.
 */
export const OVERVIEW_ALERT_ACKNOWLEDGED_SUBSCRIPTION = graphql(`
  subscription OverviewAlertAcknowledged($afterAcknowledgementPosition: String) {
    alertAcknowledged(afterAcknowledgementPosition: $afterAcknowledgementPosition) {
      id
      acknowledgementPosition
    }
  }
`);

/** Acknowledges one alert of the account (records who and when); it then leaves the card. */
export const OVERVIEW_ACKNOWLEDGE_ALERT_MUTATION = graphql(`
  mutation OverviewAcknowledgeAlert($id: ID!) {
    acknowledgeAlert(id: $id) {
      alert {
        ...OverviewAlertFields
      }
    }
  }
`);
