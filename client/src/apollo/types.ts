/**
 * The client's API types, in two kinds:
 *
 * - Schema types, generated: the types and value arrays re-exported below come from
 *   `./generated/schema-types.ts`, which `npm run codegen` (and `npm run schema:emit`) writes from
 *   schema/schema.graphql; never edit it by hand. Each has every field of its schema type,
 *   nullable as `| null`, so a query result is a `Pick` of it. New code may import any other
 *   schema type from there directly.
 * - Query subsets, written here: the fields one query, fragment or subscription selects
 *   (`WalletSummary`, `TransactionRow`, `SavedCard`, `TopUpState`, `XQuery`/`XMutation`/
 *   `XSubscription` and their `…Variables`), each built from the generated types with `Pick`, so a
 *   renamed or retyped schema field fails to compile here. Keep each in step with its document: the
 *   fragments live next to the components that render them (components/BalanceSummary.tsx
 *   `WalletSummaryFields`, components/TransactionTable.tsx `TransactionRowFields`,
 *   hooks/useTopUpMutation.ts `TopUpFields`), and the queries that feed those components spread them.
 *
 * `TopUpInput` is the one exception: the schema's input with every field the client always sends
 * made required (see below).
 */
import type {
  Account,
  Money,
  PageInfo,
  PaymentMethod,
  PaymentsConfig,
  Principal,
  TopUp,
  TopUpInput as SchemaTopUpInput,
  TopUpQuote,
  Transaction,
  TransactionKind,
  TransactionType,
  Wallet,
} from './generated/schema-types.js';

export type {
  Account,
  DateTime,
  Money,
  PageInfo,
  PaymentMethod,
  PaymentsConfig,
  PaymentsMode,
  Principal,
  Receipt,
  Role,
  SandboxTestCard,
  TaxTreatment,
  TopUp,
  TopUpQuote,
  TopUpStatus,
  Transaction,
  TransactionConnection,
  TransactionEdge,
  TransactionKind,
  TransactionStatus,
  TransactionType,
  Wallet,
} from './generated/schema-types.js';
export { TOP_UP_STATUSES, TRANSACTION_KINDS, TRANSACTION_STATUSES, TRANSACTION_TYPES } from './generated/schema-types.js';

/**
 * `TopUpInput` as this client sends it: the schema's input (schema-types.ts `TopUpInput`), with
 * every field present, `savePaymentMethod` a boolean and the retry key always set, so a retry can
 * never pay twice.
 */
export type TopUpInput = Required<Pick<SchemaTopUpInput, 'walletId' | 'amount' | 'paymentMethodId'>> & {
  savePaymentMethod: boolean;
  idempotencyKey: string;
};

/** The wallet fields the dashboard's balance summary shows: fragment `WalletSummaryFields` (components/BalanceSummary.tsx). */
export type WalletSummary = Pick<Wallet, 'id' | 'currency' | 'balance' | 'available' | 'reserved' | 'sequence'>;

/** Result of the `Me` query (routes/wallet/WalletPage.tsx). */
export interface MeQuery {
  me: Pick<Principal, 'role' | 'accountId'> & {
    account: (Pick<Account, 'id' | 'name'> & { wallets: WalletSummary[] }) | null;
  };
}

/** Variables of the `Me` query: none. */
export type MeQueryVariables = Record<string, never>;

/**
 * The transaction fields the transaction table shows, `paymentIntentId`, by which the top-up panel
 * recognises the TOP_UP transaction that credited its payment, and `campaignId`, by which the
 * history places a live row under its campaign filter: fragment `TransactionRowFields`
 * (components/TransactionTable.tsx).
 */
export type TransactionRow = Pick<
  Transaction,
  | 'id'
  | 'sequence'
  | 'type'
  | 'kind'
  | 'amount'
  | 'balanceBefore'
  | 'balanceAfter'
  | 'description'
  | 'status'
  | 'paymentIntentId'
  | 'createdAt'
  | 'campaignId'
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

/** Result of the `PaymentsConfig` query (hooks/usePaymentsConfig.ts). */
export interface PaymentsConfigQuery {
  paymentsConfig: PaymentsConfig;
}

/** Variables of the `PaymentsConfig` query: none. */
export type PaymentsConfigQueryVariables = Record<string, never>;

/** Result of the `QuoteTopUp` query (hooks/useTopUpQuote.ts). */
export interface QuoteTopUpQuery {
  quoteTopUp: TopUpQuote;
}

/** Variables of the `QuoteTopUp` query. */
export interface QuoteTopUpQueryVariables {
  walletId: string;
  amount: Money;
}

/** A saved card as the checkout lists it. */
export type SavedCard = Pick<PaymentMethod, 'id' | 'brand' | 'last4' | 'expMonth' | 'expYear' | 'isDefault'>;

/** Result of the `PaymentMethods` query (hooks/useSavedCards.ts). */
export interface PaymentMethodsQuery {
  paymentMethods: SavedCard[];
}

/** Variables of the `PaymentMethods` query: the caller's account. */
export type PaymentMethodsQueryVariables = Record<string, never>;

/** The top-up fields the top-up panel follows: fragment `TopUpFields` (hooks/useTopUpMutation.ts). */
export type TopUpState = Pick<
  TopUp,
  | 'id'
  | 'walletId'
  | 'status'
  | 'currency'
  | 'amount'
  | 'tax'
  | 'taxRate'
  | 'taxLabel'
  | 'total'
  | 'clientSecret'
  | 'paymentIntentId'
  | 'cardBrand'
  | 'cardLast4'
  | 'failureCode'
  | 'failureReason'
  | 'receipt'
  | 'updatedAt'
>;

/** Result of the `TopUp` mutation (hooks/useTopUpMutation.ts). */
export interface TopUpMutation {
  topUp: { topUp: TopUpState };
}

/** Variables of the `TopUp` mutation. */
export interface TopUpMutationVariables {
  input: TopUpInput;
}

/** Result of the `RefreshTopUp` mutation (hooks/useRefreshTopUpMutation.ts). */
export interface RefreshTopUpMutation {
  refreshTopUp: { topUp: TopUpState };
}

/** Variables of the `RefreshTopUp` mutation. */
export interface RefreshTopUpMutationVariables {
  id: string;
}
