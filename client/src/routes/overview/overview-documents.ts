/**
 * The overview's GraphQL documents and the subsets of the generated schema types they select
 * (each a `Pick`, so a renamed or retyped schema field fails to compile here).
 */
import { gql, type TypedDocumentNode } from '@apollo/client';
import type { PageInfo, TransactionRow, Wallet } from '../../apollo/types';
import type { AutoRecharge, Campaign, WalletBurn } from '../../apollo/generated/schema-types';
import { TRANSACTION_ROW_FIELDS } from '../../components/TransactionTable';

/** Campaigns listed to find the ones stopped for funds: the server's page size cap is 100. */
export const OVERVIEW_CAMPAIGNS_FIRST = 50;

/** Most recent transactions the overview shows. */
export const RECENT_TRANSACTIONS_COUNT = 5;

/** The wallet as the overview follows it: `walletUpdated`. */
export type OverviewWallet = Pick<Wallet, 'id' | 'currency' | 'balance' | 'reserved' | 'available' | 'status' | 'sequence'> & {
  burn: Pick<WalletBurn, 'activeCalls' | 'callsPerMinute' | 'recentSpend' | 'recentWindowSeconds'>;
  autoRecharge: Pick<AutoRecharge, 'walletId' | 'enabled' | 'threshold' | 'target' | 'pausedReason'> | null;
};

/** Result of the `OverviewWalletUpdated` subscription: the wallet now, then after every change. */
export interface OverviewWalletUpdatedSubscription {
  walletUpdated: OverviewWallet;
}

/** Variables of the `OverviewWalletUpdated` subscription. */
export interface OverviewWalletUpdatedSubscriptionVariables {
  walletId: string;
}

/**
 * The wallet's figures, burn inputs, status and auto-recharge line: its state now, then again after
 * every change of balance, reserved credit or status (a state feed: never a stale state after a
 * newer one).
 */
export const OVERVIEW_WALLET_UPDATED_SUBSCRIPTION: TypedDocumentNode<OverviewWalletUpdatedSubscription, OverviewWalletUpdatedSubscriptionVariables> = gql`
  subscription OverviewWalletUpdated($walletId: ID!) {
    walletUpdated(walletId: $walletId) {
      id
      currency
      balance
      reserved
      available
      status
      sequence
      burn {
        activeCalls
        callsPerMinute
        recentSpend
        recentWindowSeconds
      }
      autoRecharge {
        walletId
        enabled
        threshold
        target
        pausedReason
      }
    }
  }
`;

/** A campaign as the overview follows it. */
export type OverviewCampaign = Pick<Campaign, 'id' | 'walletId' | 'name' | 'status' | 'activeCalls' | 'version'>;

/** Result of the `OverviewCampaigns` query. */
export interface OverviewCampaignsQuery {
  campaigns: {
    edges: { node: OverviewCampaign }[];
    pageInfo: Pick<PageInfo, 'hasNextPage'>;
  };
}

/** Variables of the `OverviewCampaigns` query. */
export interface OverviewCampaignsQueryVariables {
  /** Page size, 1..100. */
  first: number;
}

const OVERVIEW_CAMPAIGN_FIELDS = gql`
  fragment OverviewCampaignFields on Campaign {
    id
    walletId
    name
    status
    activeCalls
    version
  }
`;

/** The caller's newest campaigns (every wallet of the account; the page keeps its wallet's). */
export const OVERVIEW_CAMPAIGNS_QUERY: TypedDocumentNode<OverviewCampaignsQuery, OverviewCampaignsQueryVariables> = gql`
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
  ${OVERVIEW_CAMPAIGN_FIELDS}
`;

/** Result of the `OverviewCampaignUpdated` subscription. */
export interface OverviewCampaignUpdatedSubscription {
  campaignUpdated: OverviewCampaign;
}

/** Variables of the `OverviewCampaignUpdated` subscription. */
export interface OverviewCampaignUpdatedSubscriptionVariables {
  campaignId: string;
}

/** One campaign now, then after every change (status, calls starting and ending). */
export const OVERVIEW_CAMPAIGN_UPDATED_SUBSCRIPTION: TypedDocumentNode<OverviewCampaignUpdatedSubscription, OverviewCampaignUpdatedSubscriptionVariables> = gql`
  subscription OverviewCampaignUpdated($campaignId: ID!) {
    campaignUpdated(campaignId: $campaignId) {
      ...OverviewCampaignFields
    }
  }
  ${OVERVIEW_CAMPAIGN_FIELDS}
`;

/** Result of the `RecentTransactions` query. */
export interface RecentTransactionsQuery {
  /** Null only if the wallet vanished. */
  wallet:
    | (Pick<Wallet, 'id' | 'sequence'> & {
        transactions: { edges: { node: TransactionRow }[] };
      })
    | null;
}

/** Variables of the `RecentTransactions` query. */
export interface RecentTransactionsQueryVariables {
  walletId: string;
  /** Page size, 1..100. */
  first: number;
}

/**
 * The newest transactions and the wallet's `sequence` answered with them (the point from which
 * live transactions go on top: utils/live-transactions.ts `pageBaseline`).
 */
export const RECENT_TRANSACTIONS_QUERY: TypedDocumentNode<RecentTransactionsQuery, RecentTransactionsQueryVariables> = gql`
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
  ${TRANSACTION_ROW_FIELDS}
`;
