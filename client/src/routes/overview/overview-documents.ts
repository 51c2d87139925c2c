/**
 * The overview's GraphQL documents; their result types are generated (client/src/gql/graphql.ts:
 * `OverviewWalletFieldsFragment`, `OverviewCampaignFieldsFragment`, `XQuery`, `XSubscription`).
 */
import { graphql } from '../../gql/index.js';

/** Campaigns listed to find the ones stopped for funds: the server's page size cap is 100. */
export const OVERVIEW_CAMPAIGNS_FIRST = 50;

/** Most recent transactions the overview shows. */
export const RECENT_TRANSACTIONS_COUNT = 5;

/** The wallet as the overview follows it: figures, burn inputs, status and the auto-recharge line. */
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
