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

/**
 * The transaction fields the transaction table shows, and `paymentIntentId`, by which the top-up
 * panel recognises the TOP_UP transaction that credited its payment.
 */
export type TransactionRow = Pick<
  Transaction,
  'id' | 'sequence' | 'type' | 'kind' | 'amount' | 'balanceBefore' | 'balanceAfter' | 'description' | 'status' | 'paymentIntentId' | 'createdAt'
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

/** `PaymentsMode`: STRIPE takes cards with Stripe Elements; SANDBOX with the offline loopback sandbox's test cards. */
export type PaymentsMode = 'STRIPE' | 'SANDBOX';

/** `SandboxTestCard`: a test card of the offline sandbox; its `id` is sent as `paymentMethodId`. */
export interface SandboxTestCard {
  id: string;
  label: string;
  /** e.g. "visa". */
  brand: string;
  last4: string;
  /** What a tester should expect, in one sentence. */
  behaviour: string;
}

/** `PaymentsConfig`: what the dashboard needs to take a card payment. */
export interface PaymentsConfig {
  mode: PaymentsMode;
  /** For Stripe Elements (STRIPE mode). */
  publishableKey: string | null;
  /** SANDBOX mode: the sandbox's base URL, for its simulated 3-D Secure challenge. */
  sandboxUrl: string | null;
  /** SANDBOX mode: the test cards; empty in STRIPE mode. */
  testCards: SandboxTestCard[];
}

/** `TaxTreatment`: which tax rule applied to a top-up. */
export type TaxTreatment = 'UK_VAT' | 'EU_VAT' | 'EU_REVERSE_CHARGE' | 'US_SALES_TAX' | 'NONE';

/** `TopUpQuote`: the checkout summary of a top-up, tax included. */
export interface TopUpQuote {
  walletId: string;
  currency: string;
  /** Credited to the wallet. */
  amount: Money;
  tax: Money;
  /** Percentage as a decimal string, e.g. "20", "7.25", "0". */
  taxRate: string;
  taxTreatment: TaxTreatment;
  /** e.g. "VAT 20% (United Kingdom)". */
  taxLabel: string;
  /** Charged to the card: amount + tax. */
  total: Money;
  /** Smallest top-up in this currency. */
  minimum: Money;
}

/** Values of `TopUpStatus`, in schema order. */
export const TOP_UP_STATUSES = ['REQUIRES_PAYMENT_METHOD', 'REQUIRES_ACTION', 'PROCESSING', 'SUCCEEDED', 'FAILED', 'CANCELED'] as const;
/** `TopUpStatus`: where a card top-up stands; only SUCCEEDED has credited the wallet. */
export type TopUpStatus = (typeof TOP_UP_STATUSES)[number];

/** `Receipt`: the receipt of a successful top-up. */
export interface Receipt {
  receiptNumber: string;
  /** The TOP_UP transaction that credited the wallet. */
  transactionId: string;
  topUpId: string;
  amount: Money;
  tax: Money;
  taxRate: string;
  taxLabel: string;
  total: Money;
  currency: string;
  paidAt: DateTime;
  /** e.g. "visa". */
  cardBrand: string | null;
  cardLast4: string | null;
  paymentIntentId: string;
}

/** `TopUp`: a card top-up and its Stripe PaymentIntent (fields this client uses). */
export interface TopUp {
  id: string;
  walletId: string;
  status: TopUpStatus;
  currency: string;
  amount: Money;
  tax: Money;
  taxRate: string;
  taxLabel: string;
  total: Money;
  /** For Stripe.js or the sandbox's 3-D Secure; null once SUCCEEDED or CANCELED. */
  clientSecret: string | null;
  paymentIntentId: string | null;
  cardBrand: string | null;
  cardLast4: string | null;
  /** Stripe's decline or error code, e.g. insufficient_funds. */
  failureCode: string | null;
  /** What to tell the customer. */
  failureReason: string | null;
  /** Once SUCCEEDED. */
  receipt: Receipt | null;
  createdAt: DateTime;
  updatedAt: DateTime;
}

/** `PaymentMethod`: a saved card (brand, last 4 digits and expiry only). */
export interface PaymentMethod {
  /** Stripe's PaymentMethod id. */
  id: string;
  brand: string;
  last4: string;
  expMonth: number;
  expYear: number;
  /** Pre-selected at checkout. */
  isDefault: boolean;
  createdAt: DateTime;
}

/** `TopUpInput`. */
export interface TopUpInput {
  walletId: string;
  /** Whole units, at least the currency's minimum. */
  amount: Money;
  /** A saved card, a new PaymentMethod (Elements' or a sandbox test card), or null for the default card. */
  paymentMethodId: string | null;
  /** Keep a new card for later top-ups. */
  savePaymentMethod: boolean;
  /** The same key with the same request returns the same top-up. */
  idempotencyKey: string;
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

/** The top-up fields the top-up panel follows. */
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
