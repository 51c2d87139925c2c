/**
 * Hand-written TypeScript for the parts of schema/schema.graphql this client uses, named as in
 * the schema. A later issue replaces this file with generated types; until then keep it in step
 * with the schema by hand.
 */

/** `Money`: a decimal string with at most 6 fraction digits ("12.5", "0.0085", "-3"). Never a number. */
export type Money = string;

/** `DateTime`: an RFC 3339 string at UTC ("2026-11-22T01:37:12.932Z"). */
export type DateTime = string;

/** `Role`: what a credential may do. */
export type Role = 'OWNER' | 'CAMPAIGN_MANAGER' | 'INTEGRATOR' | 'SUPPORT' | 'PLATFORM_ADMIN';

/** Values of `TransactionType`, in schema order. */
export const TRANSACTION_TYPES = ['CREDIT', 'DEBIT'] as const;
/** `TransactionType`: direction from the wallet's point of view. */
export type TransactionType = (typeof TRANSACTION_TYPES)[number];

/** Values of `TransactionKind`, in schema order. The server may add kinds later. */
export const TRANSACTION_KINDS = ['TOP_UP', 'CHARGE', 'ADJUSTMENT', 'REFUND', 'GRANT'] as const;
/** `TransactionKind`: what a transaction was for. */
export type TransactionKind = (typeof TRANSACTION_KINDS)[number];

/** Values of `TransactionStatus`, in schema order. */
export const TRANSACTION_STATUSES = ['PENDING', 'COMPLETED', 'FAILED'] as const;
/** `TransactionStatus`. */
export type TransactionStatus = (typeof TRANSACTION_STATUSES)[number];

/** `Principal`: the caller. */
export interface Principal {
  role: Role;
  /** Null for platform roles. */
  accountId: string | null;
  /** Null for the operator token. */
  apiKeyId: string | null;
  /** Null for platform roles. */
  account: Account | null;
}

/** `Account`: a tenant (its `apiKeys` field is not used by this client). */
export interface Account {
  id: string;
  name: string;
  createdAt: DateTime;
  wallets: Wallet[];
}

/** `Wallet`: a tenant's prepaid balance in one currency. */
export interface Wallet {
  id: string;
  accountId: string;
  /** ISO 4217 code, e.g. "USD". */
  currency: string;
  balance: Money;
  reserved: Money;
  /** balance − reserved. */
  available: Money;
  /** Sequence of the last transaction, "0" when none. */
  sequence: string;
  createdAt: DateTime;
  transactions: TransactionConnection;
}

/** `TransactionConnection`: newest first, Relay style. */
export interface TransactionConnection {
  edges: TransactionEdge[];
  pageInfo: PageInfo;
}

/** `TransactionEdge`. */
export interface TransactionEdge {
  cursor: string;
  node: Transaction;
}

/** `PageInfo`. */
export interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}

/** `Transaction`: one immutable movement on a wallet. */
export interface Transaction {
  id: string;
  walletId: string;
  /** Gap-free per-wallet position, "1", "2", … */
  sequence: string;
  type: TransactionType;
  kind: TransactionKind;
  /** Always positive; `type` gives the direction. */
  amount: Money;
  balanceBefore: Money;
  balanceAfter: Money;
  description: string;
  status: TransactionStatus;
  paymentIntentId: string | null;
  idempotencyKey: string | null;
  campaignId: string | null;
  createdAt: DateTime;
}

/** The wallet fields the dashboard's balance summary shows. */
export type WalletSummary = Pick<Wallet, 'id' | 'currency' | 'balance' | 'available' | 'reserved' | 'sequence'>;

/** Result of the `Me` query (routes/wallet/WalletPage.tsx). */
export interface MeQuery {
  me: Pick<Principal, 'role' | 'accountId'> & {
    account: (Pick<Account, 'id' | 'name'> & { wallets: WalletSummary[] }) | null;
  };
}

/** Variables of the `Me` query: none. */
export type MeQueryVariables = Record<string, never>;

/** The transaction fields the transaction table shows. */
export type TransactionRow = Pick<
  Transaction,
  'id' | 'sequence' | 'type' | 'kind' | 'amount' | 'balanceBefore' | 'balanceAfter' | 'description' | 'status' | 'createdAt'
>;

/** Result of the `WalletTransactions` query (routes/wallet/WalletTransactions.tsx). */
export interface WalletTransactionsQuery {
  /** Null only if the wallet vanished; the server answers NOT_FOUND for wallets the key may not see. */
  wallet:
    | (Pick<Wallet, 'id' | 'sequence'> & {
        transactions: {
          edges: { cursor: string; node: TransactionRow }[];
          pageInfo: PageInfo;
        };
      })
    | null;
}

/** Variables of the `WalletTransactions` query. */
export interface WalletTransactionsQueryVariables {
  walletId: string;
  /** Page size, 1..100. */
  first: number;
  /** endCursor of the previous page; null for the newest page. */
  after: string | null;
  type: TransactionType | null;
  kind: TransactionKind | null;
}

/** Result of the `BalanceChanged` subscription (hooks/useLiveWallet.ts): the wallet after one change. */
export interface BalanceChangedSubscription {
  balanceChanged: WalletSummary;
}

/** Variables of the `BalanceChanged` subscription. */
export interface BalanceChangedSubscriptionVariables {
  walletId: string;
}

/** Result of the `TransactionAdded` subscription (hooks/useLiveWallet.ts): one transaction, in sequence order. */
export interface TransactionAddedSubscription {
  transactionAdded: TransactionRow;
}

/** Variables of the `TransactionAdded` subscription. */
export interface TransactionAddedSubscriptionVariables {
  walletId: string;
  /** Replay every transaction after this sequence first ("0": all of them); null starts live. */
  afterSequence: string | null;
}
