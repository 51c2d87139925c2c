// Generated from schema/schema.graphql by `npm run codegen` (server/scripts/generate-client-types.ts);
// `npm run schema:emit` runs it too. Do not edit: change the schema and generate again.
// Nullable fields are `| null` (and optional in inputs); fields' arguments are left out.
// test/client/generated-types.test.ts fails while this file is stale.

/** Reads. Every request needs a credential (API key or session cookie) and sees only what its role may see: another tenant's objects are NOT_FOUND. */
export interface Query {
  /** Who the credential in use is. */
  me: Principal;
  /** The caller’s account (any account for platform roles). NOT_FOUND otherwise. */
  account: Account | null;
  /** A wallet's messages, newest first (optionally of one campaign, status or direction). */
  messages: MessageConnection;
  /** A message of the caller (any for SUPPORT and PLATFORM_ADMIN); NOT_FOUND otherwise. */
  message: Message | null;
  /** Encoding, parts and price of a message under a rate plan, without sending it. */
  estimateMessage: MessageEstimate;
  /** The caller's phone numbers (every tenant's for SUPPORT and PLATFORM_ADMIN), newest first. */
  phoneNumbers: PhoneNumberConnection;
  /** A phone number of the caller; NOT_FOUND otherwise. */
  phoneNumber: PhoneNumber | null;
  /** Every subscription plan (public to every caller). */
  subscriptionPlans: SubscriptionPlan[];
  /** Every rate plan (prices are public to every caller). */
  ratePlans: RatePlan[];
  /** A campaign of the caller (any for SUPPORT and PLATFORM_ADMIN); NOT_FOUND otherwise. */
  campaign: Campaign | null;
  /** The caller's campaigns, newest first. */
  campaigns: CampaignConnection;
  /** A campaign's calls, newest first. */
  calls: CallConnection;
  /** A call of the caller; NOT_FOUND otherwise. */
  call: Call | null;
  /** What a campaign of so many calls of an average duration would cost, against a wallet. */
  estimateCampaignCost: CampaignCostEstimate;
  /** A wallet of the caller (any wallet for SUPPORT and PLATFORM_ADMIN). NOT_FOUND otherwise. */
  wallet: Wallet | null;
  /** How the dashboard takes card payments: Stripe Elements, or the offline sandbox with its test cards. */
  paymentsConfig: PaymentsConfig;
  /** The checkout summary of a top-up: amount, tax (from the account's billing country and VAT number) and total. BAD_USER_INPUT below the minimum, above the cap, or not a whole amount. */
  quoteTopUp: TopUpQuote;
  /** A top-up of the caller; NOT_FOUND otherwise. */
  topUp: TopUp | null;
  /** The account's saved cards, default first (the caller's account unless a platform role names one). */
  paymentMethods: PaymentMethod[];
  /** The account's billing country, US state, VAT number and e-mail. */
  billingProfile: BillingProfile;
  /** A bank transfer of the caller; NOT_FOUND otherwise. */
  bankTransfer: BankTransfer | null;
  /** Alerts newest first: an account's own for account roles; every account's (or the named one's) for SUPPORT and PLATFORM_ADMIN. */
  alerts: AlertConnection;
  /** An account’s webhook endpoints, oldest first (the caller’s own account when omitted). OWNER and INTEGRATOR of the account, or PLATFORM_ADMIN; others FORBIDDEN. */
  webhookEndpoints: WebhookEndpoint[];
  /** One webhook endpoint. OWNER and INTEGRATOR of the account, or PLATFORM_ADMIN; others FORBIDDEN. */
  webhookEndpoint: WebhookEndpoint;
  /** One webhook delivery with its attempts. OWNER and INTEGRATOR of the account, or PLATFORM_ADMIN; others FORBIDDEN. */
  webhookDelivery: WebhookDelivery;
}

/** The caller. */
export interface Principal {
  /** What the credential in use may do. */
  role: Role;
  /** The caller’s account; null for platform roles. */
  accountId: string | null;
  /** The API key in use; null for the operator token. */
  apiKeyId: string | null;
  /** Null for platform roles. */
  account: Account | null;
  /** The signed-in user (session cookie); null for API keys and the operator token. */
  user: User | null;
}

/** Values of `Role`, in schema order. */
export const ROLES = [
  /** Runs the account: keys, users, campaigns, calls, messages, numbers, cards, billing, automatic funding, plans and webhooks. */
  'OWNER',
  /** Manages campaigns, charges, card top-ups, saved cards and alerts; no calls, messages, numbers, keys or webhooks. */
  'CAMPAIGN_MANAGER',
  /** A system integration: charges, campaigns, calls, messages, numbers, webhooks and card top-ups; no saved cards. */
  'INTEGRATOR',
  /** Platform staff: reads every account, adjusts balances, grants and refunds credit, settles bank transfers. */
  'SUPPORT',
  /** The operator: creates accounts, rate plans and plans, and may do anything. */
  'PLATFORM_ADMIN',
] as const;
/** What a credential may do. */
export type Role = (typeof ROLES)[number];

/** A tenant of the platform. */
export interface Account {
  /** Unique id of the account. */
  id: string;
  /** Display name of the tenant (1 to 200 characters). */
  name: string;
  /** When the account was created. */
  createdAt: DateTime;
  /** CLOSED after its wallets stayed suspended for the configured period (30 days). */
  status: AccountStatus;
  /** When the account was closed; null while ACTIVE. */
  closedAt: DateTime | null;
  /** The account's wallets, one per currency, oldest first. */
  wallets: Wallet[];
  /** OWNER, SUPPORT and PLATFORM_ADMIN only. */
  apiKeys: ApiKey[];
  /** The account’s webhook endpoints, oldest first. OWNER and INTEGRATOR of the account, or PLATFORM_ADMIN; others FORBIDDEN. */
  webhookEndpoints: WebhookEndpoint[];
}

/**
 * `DateTime`: A date-time string at UTC, such as 2007-12-03T10:15:30Z, compliant with the `date-time` format outlined in section 5.6 of the RFC 3339 profile of the ISO 8601 standard for representation of dates and times using the Gregorian calendar.
 *
 * An RFC 3339 string at UTC, e.g. "2026-11-22T01:37:12.932Z".
 */
export type DateTime = string;

/** Values of `AccountStatus`, in schema order. */
export const ACCOUNT_STATUSES = [
  /** Open: its keys and users work. */
  'ACTIVE',
  /** Closed after its wallets stayed suspended for accountCloseAfterDays (default 30): its numbers were released. */
  'CLOSED',
] as const;
/** CLOSED: unfunded for too long; its numbers were released. */
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

/** A tenant's prepaid balance in one currency. */
export interface Wallet {
  /** Unique id of the wallet. */
  id: string;
  /** The account that owns it. */
  accountId: string;
  /** ISO 4217 code, e.g. "USD". */
  currency: string;
  /** Posted balance. */
  balance: Money;
  /** Held for in-flight calls and messages. */
  reserved: Money;
  /** What may be spent now: balance − reserved. */
  available: Money;
  /** Sequence of the last transaction, "0" when none. */
  sequence: string;
  /** When the wallet was created. */
  createdAt: DateTime;
  /** The active plan subscription with its remaining minutes; null when none. */
  planSubscription: PlanSubscription | null;
  /** SUSPENDED once it ran out (nothing left, nothing held) until it is funded again. */
  status: WalletStatus;
  /** When it was suspended; null while ACTIVE. */
  suspendedAt: DateTime | null;
  /** Newest first; first is 1..100 (default 20). */
  transactions: TransactionConnection;
  /** Card top-ups, newest first (first: 1–100, default 20). */
  topUps: TopUp[];
  /** Automatic funding settings; null when never set. */
  autoRecharge: AutoRecharge | null;
  /** Unused paid card credit that may be refunded to the cards that paid it (grants and used funds are not). */
  refundable: Money;
  /** Refunds to cards, newest first. */
  creditRefunds: CreditRefund[];
  /** Bank transfers, newest first; PENDING ones are credit on its way. */
  bankTransfers: BankTransfer[];
  /** What the wallet is spending now: active calls' per-minute prices and recent debits. */
  burn: WalletBurn;
  /** Low-balance thresholds, highest first (LOW_BALANCE when the balance falls to one; 0 is BALANCE_DEPLETED). */
  lowBalanceThresholds: Money[];
}

/**
 * `Money`: An amount of money in the currency of its wallet, as a decimal string with at most 6 fraction digits, e.g. "12.5", "0.0085", "-3". Output is canonical: no trailing zeros.
 *
 * A decimal string, never a number: parse and format it with utils/money.ts, never with parseFloat.
 */
export type Money = string;

/** A wallet's subscription to a plan and its current period's allowance. */
export interface PlanSubscription {
  /** Unique id of the plan subscription. */
  id: string;
  /** The wallet that pays the fee and whose calls use the allowance. */
  walletId: string;
  /** The plan subscribed to. */
  planId: string;
  /** ACTIVE, CANCELED by the owner, or LAPSED (a fee could not be paid). */
  status: PlanSubscriptionStatus;
  /** Start of the current monthly period. */
  periodStart: DateTime;
  /** When the next monthly fee is due. */
  periodEnd: DateTime;
  /** This period's allowance of call time, in seconds (the plan's included minutes × 60). */
  allowanceSeconds: number;
  /** Used by ended calls this period. */
  usedSeconds: number;
  /** Held by calls in progress. */
  reservedSeconds: number;
  /** Remaining allowance this period, in seconds: allowance − used − reserved. */
  remainingSeconds: number;
  /** When it was canceled or lapsed; null while ACTIVE. */
  endedAt: DateTime | null;
  /** The plan subscribed to. */
  plan: SubscriptionPlan;
}

/** Values of `PlanSubscriptionStatus`, in schema order. */
export const PLAN_SUBSCRIPTION_STATUSES = [
  /** In force: calls use its allowance first. */
  'ACTIVE',
  /** Ended by the owner. */
  'CANCELED',
  /** Ended because a monthly fee could not be paid from the wallet. */
  'LAPSED',
] as const;
/** LAPSED: a monthly fee could not be paid from the wallet. */
export type PlanSubscriptionStatus = (typeof PLAN_SUBSCRIPTION_STATUSES)[number];

/** A monthly allowance of call minutes for a fee paid from the wallet; beyond it, calls pay the overage rate from the wallet. */
export interface SubscriptionPlan {
  /** Unique id of the subscription plan. */
  id: string;
  /** Display name. */
  name: string;
  /** ISO 4217 code of its fee; only wallets of that currency may subscribe. */
  currency: string;
  /** Paid from the wallet at subscription and every month on the same day. */
  monthlyFee: Money;
  /** Call minutes included each month. */
  includedMinutes: number;
  /** Per minute beyond the allowance; null: each destination's own rate. */
  overagePerMinute: Money | null;
  /** When the subscription plan was created. */
  createdAt: DateTime;
}

/** Values of `WalletStatus`, in schema order. */
export const WALLET_STATUSES = [
  /** Usable. */
  'ACTIVE',
  /** Ran out (nothing left, nothing held): calls and messages are refused (WALLET_SUSPENDED) until it is funded. */
  'SUSPENDED',
] as const;
/** SUSPENDED: ran out; no new calls or messages until funded. */
export type WalletStatus = (typeof WALLET_STATUSES)[number];

/** Transactions newest first, Relay style. */
export interface TransactionConnection {
  /** This page of transactions, in order. */
  edges: TransactionEdge[];
  /** Whether another page follows, and the cursor to fetch it. */
  pageInfo: PageInfo;
}

/** One transaction of a page and its cursor. */
export interface TransactionEdge {
  /** Opaque position of this item: pass it as `after` to get the items after it. */
  cursor: string;
  /** The transaction. */
  node: Transaction;
}

/** One immutable movement on a wallet. */
export interface Transaction {
  /** Unique id of the transaction. */
  id: string;
  /** The wallet it moved. */
  walletId: string;
  /** Gap-free per-wallet position, "1", "2", … in commit order. */
  sequence: string;
  /** CREDIT adds to the balance, DEBIT takes from it. */
  type: TransactionType;
  /** What it was for. */
  kind: TransactionKind;
  /** Always positive; type gives the direction. */
  amount: Money;
  /** The posted balance just before it. */
  balanceBefore: Money;
  /** The posted balance just after it. */
  balanceAfter: Money;
  /** What it was for, in words (a charge's description, an adjustment's reason, …). */
  description: string;
  /** COMPLETED once posted; PENDING and FAILED are for recorded operations that settle later. */
  status: TransactionStatus;
  /** Stripe PaymentIntent id, for top-ups. */
  paymentIntentId: string | null;
  /** The key the operation was sent with; null when none. */
  idempotencyKey: string | null;
  /** The campaign it belongs to (its calls, messages and charges); null otherwise. */
  campaignId: string | null;
  /** When the transaction was created. */
  createdAt: DateTime;
}

/** Values of `TransactionType`, in schema order. */
export const TRANSACTION_TYPES = [
  /** Adds to the balance. */
  'CREDIT',
  /** Takes from the balance. */
  'DEBIT',
] as const;
/** Direction from the wallet's point of view. */
export type TransactionType = (typeof TRANSACTION_TYPES)[number];

/** Values of `TransactionKind`, in schema order. */
export const TRANSACTION_KINDS = [
  /** Money paid in: a card top-up or a completed bank transfer. */
  'TOP_UP',
  /** A debit made with the charge mutation. */
  'CHARGE',
  /** A correction by support, with its reason. */
  'ADJUSTMENT',
  /** Money given back: unused credit refunded to a card, or a number refunded to the wallet. */
  'REFUND',
  /** Trial or promotional credit: spent first, never refunded. */
  'GRANT',
  /** The cost of an ended call. */
  'CALL',
  /** The price of a delivered or received SMS. */
  'SMS',
  /** A phone number's purchase (with its first month) or monthly renewal. */
  'NUMBER',
  /** A plan subscription's monthly fee. */
  'SUBSCRIPTION',
] as const;
/** What the transaction was for. */
export type TransactionKind = (typeof TRANSACTION_KINDS)[number];

/** Values of `TransactionStatus`, in schema order. */
export const TRANSACTION_STATUSES = [
  /** Recorded, to settle later. */
  'PENDING',
  /** Posted: the balance moved. */
  'COMPLETED',
  /** Did not settle: the balance did not move. */
  'FAILED',
] as const;
/** Whether a transaction has moved the balance. */
export type TransactionStatus = (typeof TRANSACTION_STATUSES)[number];

/** Where a page ends and whether another follows (Relay). */
export interface PageInfo {
  /** True when more items follow this page. */
  hasNextPage: boolean;
  /** Cursor of the last item of this page: pass it as `after` for the next page; null when the page is empty. */
  endCursor: string | null;
}

/** A card top-up and its Stripe PaymentIntent. */
export interface TopUp {
  /** Unique id of the top-up. */
  id: string;
  /** The wallet credited on success. */
  walletId: string;
  /** The account that pays. */
  accountId: string;
  /** Who started it. */
  origin: TopUpOrigin;
  /** Where the payment stands; only SUCCEEDED has credited the wallet. */
  status: TopUpStatus;
  /** ISO 4217 code of the amounts (the wallet's). */
  currency: string;
  /** Credited to the wallet on success. */
  amount: Money;
  /** Tax charged on top of the amount. */
  tax: Money;
  /** Percentage as a decimal string, e.g. "20", "7.25", "0". */
  taxRate: string;
  /** How the tax is named on the receipt. */
  taxLabel: string;
  /** Charged to the card. */
  total: Money;
  /** For Stripe.js / the sandbox's 3-D Secure: confirm or authenticate with it. */
  clientSecret: string | null;
  /** The Stripe PaymentIntent (pi_…); null before it was created. */
  paymentIntentId: string | null;
  /** Brand of the card that paid, e.g. "visa"; null until known. */
  cardBrand: string | null;
  /** Last 4 digits of the card that paid; null until known. */
  cardLast4: string | null;
  /** Set once SUCCEEDED. */
  receiptNumber: string | null;
  /** Stripe's decline or error code, e.g. insufficient_funds, expired_card, authentication_required. */
  failureCode: string | null;
  /** What to tell the customer about a failure, in words (e.g. the card was declined: try another card); null unless FAILED. */
  failureReason: string | null;
  /** The TOP_UP transaction, once SUCCEEDED. */
  transactionId: string | null;
  /** Credit of this top-up refunded to the card so far. */
  refunded: Money;
  /** Once SUCCEEDED. */
  receipt: Receipt | null;
  /** When the top-up was created. */
  createdAt: DateTime;
  /** When its status last changed. */
  updatedAt: DateTime;
}

/** Values of `TopUpOrigin`, in schema order. */
export const TOP_UP_ORIGINS = [
  /** A person called topUp. */
  'MANUAL',
  /** The wallet's available balance fell below its auto-recharge threshold. */
  'AUTO_RECHARGE',
  /** The wallet's monthly recharge day came. */
  'MONTHLY_RECHARGE',
] as const;
/** Who started a top-up: a person, the auto-recharge, or the monthly recharge. */
export type TopUpOrigin = (typeof TOP_UP_ORIGINS)[number];

/** Values of `TopUpStatus`, in schema order. */
export const TOP_UP_STATUSES = [
  /** Waiting for a card: confirm the clientSecret with Stripe Elements. */
  'REQUIRES_PAYMENT_METHOD',
  /** 3-D Secure: complete it with the clientSecret, then the webhook settles the top-up. */
  'REQUIRES_ACTION',
  /** Paid or being paid; the wallet is credited when Stripe confirms it (webhook or reconciliation). */
  'PROCESSING',
  /** Credited once, with a receipt. */
  'SUCCEEDED',
  /** Declined or not authenticated: see failureReason. Never credited. */
  'FAILED',
  /** Abandoned. Never credited. */
  'CANCELED',
] as const;
/** Where a card top-up stands; mirrors its Stripe PaymentIntent. Only SUCCEEDED has credited the wallet. */
export type TopUpStatus = (typeof TOP_UP_STATUSES)[number];

/** The receipt of a successful top-up. */
export interface Receipt {
  /** Receipt number, unique and sequential per year, e.g. "SW-2026-00000042". */
  receiptNumber: string;
  /** The TOP_UP transaction that credited the wallet. */
  transactionId: string;
  /** The top-up it is the receipt of. */
  topUpId: string;
  /** Credited to the wallet. */
  amount: Money;
  /** Tax charged on top of the amount. */
  tax: Money;
  /** Percentage as a decimal string, e.g. "20". */
  taxRate: string;
  /** How the tax is named on the receipt, e.g. "VAT 20% (United Kingdom)". */
  taxLabel: string;
  /** Charged to the card: amount + tax. */
  total: Money;
  /** ISO 4217 code of the amounts. */
  currency: string;
  /** When the payment succeeded. */
  paidAt: DateTime;
  /** e.g. "visa". */
  cardBrand: string | null;
  /** Last 4 digits of the card; null when Stripe did not say. */
  cardLast4: string | null;
  /** The Stripe PaymentIntent that was paid. */
  paymentIntentId: string;
}

/** A wallet's automatic funding from its account's default card. */
export interface AutoRecharge {
  /** The wallet it funds. */
  walletId: string;
  /** Whether threshold recharges run. */
  enabled: boolean;
  /** Recharge when the available balance falls below this. */
  threshold: Money;
  /** Bring the available balance back to this, in one payment. */
  target: Money;
  /** The recharge in flight (at most one per wallet). */
  inFlightTopUpId: string | null;
  /** When the last automatic recharge was tried; null when never. */
  lastAttemptAt: DateTime | null;
  /** Failed automatic recharges in a row; it pauses at autoRechargeFailuresMax (default 3). */
  consecutiveFailures: number;
  /** Set when automatic funding stopped; enabling again resumes it. */
  pausedAt: DateTime | null;
  /** REPEATED_FAILURES, AUTHENTICATION_REQUIRED or NO_PAYMENT_METHOD. */
  pausedReason: string | null;
  /** Whether the monthly recharge (a fixed top-up on monthlyDay) runs. */
  monthlyEnabled: boolean;
  /** Day of the month (1–28, UTC). */
  monthlyDay: number | null;
  /** The monthly top-up's amount; null when never set. */
  monthlyAmount: Money | null;
}

/** Unused paid credit refunded to the card of one top-up. */
export interface CreditRefund {
  /** Unique id of the card refund. */
  id: string;
  /** The top-up whose card is refunded. */
  topUpId: string;
  /** The Stripe PaymentIntent refunded. */
  paymentIntentId: string;
  /** Credit taken from the wallet. */
  amount: Money;
  /** Back to the card: the credit plus its share of the tax. */
  cardAmount: Money;
  /** Where the card refund stands. */
  status: CreditRefundStatus;
  /** The Stripe Refund (re_…); null until Stripe answered. */
  stripeRefundId: string | null;
  /** When FAILED: why (the credit went back to the wallet). */
  failureReason: string | null;
  /** When the card refund was created. */
  createdAt: DateTime;
}

/** Values of `CreditRefundStatus`, in schema order. */
export const CREDIT_REFUND_STATUSES = [
  /** Sent to Stripe; waiting for its answer. */
  'PENDING',
  /** Refunded to the card. */
  'SUCCEEDED',
  /** Stripe refused it; the credit went back to the wallet. */
  'FAILED',
] as const;
/** A card refund: PENDING until Stripe answers; FAILED restored the credit to the wallet. */
export type CreditRefundStatus = (typeof CREDIT_REFUND_STATUSES)[number];

/** A bank transfer into a wallet, PENDING until support confirms it (expected within bankTransferBusinessDays, default 3 business days). */
export interface BankTransfer {
  /** Unique id of the bank transfer. */
  id: string;
  /** The wallet credited when it completes. */
  walletId: string;
  /** Announced amount, in the wallet's currency. */
  amount: Money;
  /** The reference on the bank statement. */
  reference: string;
  /** Where the transfer stands; only COMPLETED has credited the wallet. */
  status: BankTransferStatus;
  /** When the money should have arrived (bankTransferBusinessDays business days, default 3). */
  expectedBy: DateTime;
  /** The TOP_UP credit, once COMPLETED. */
  transactionId: string | null;
  /** When it was announced. */
  createdAt: DateTime;
  /** When support completed or canceled it; null while PENDING. */
  settledAt: DateTime | null;
}

/** Values of `BankTransferStatus`, in schema order. */
export const BANK_TRANSFER_STATUSES = [
  /** Announced; nothing credited yet. */
  'PENDING',
  /** The money arrived and the wallet was credited, once. */
  'COMPLETED',
  /** The money will not come; nothing was credited. */
  'CANCELED',
] as const;
/** PENDING until support confirms the money arrived (COMPLETED: credited) or that it never will. */
export type BankTransferStatus = (typeof BANK_TRANSFER_STATUSES)[number];

/** What the wallet is burning now, for the dashboard's burn rate and time-to-empty: its active calls' per-minute prices and its recent debits. Select it in walletUpdated to follow it live. */
export interface WalletBurn {
  /** Calls on the wallet in progress now. */
  activeCalls: number;
  /** Sum of the active calls' per-minute prices. */
  callsPerMinute: Money;
  /** Debits (ended calls, messages, numbers, charges) over the last recentWindowSeconds. */
  recentSpend: Money;
  /** Length of the window recentSpend covers, in seconds. */
  recentWindowSeconds: number;
}

/** A credential; its secret is shown only when created. */
export interface ApiKey {
  /** Unique id of the API key. */
  id: string;
  /** Null for SUPPORT and PLATFORM_ADMIN keys. */
  accountId: string | null;
  /** What the key may do. */
  role: Role;
  /** A label to tell keys apart (1 to 200 characters). */
  name: string;
  /** First characters of the secret, to tell keys apart. */
  prefix: string;
  /** When the API key was created. */
  createdAt: DateTime;
  /** When the key was revoked (it is refused from then on); null while in use. */
  revokedAt: DateTime | null;
}

/** Where an account’s events are POSTed, signed with the endpoint’s secret (shown only at creation and rotation). */
export interface WebhookEndpoint {
  /** Unique id of the webhook endpoint. */
  id: string;
  /** The account whose events it receives. */
  accountId: string;
  /** Where events are POSTed. */
  url: string;
  /** A note for people ("" when none). */
  description: string;
  /** The event types sent to it (at least one). */
  eventTypes: WebhookEventType[];
  /** A disabled endpoint gets no new events; its pending deliveries wait until it is enabled. */
  enabled: boolean;
  /** When the webhook endpoint was created. */
  createdAt: DateTime;
  /** When it was last changed (or its secret rotated). */
  updatedAt: DateTime;
  /** The delivery log, newest first, each with its newest attempts. */
  deliveries: WebhookDeliveryConnection;
}

/** Values of `WebhookEventType`, in schema order. */
export const WEBHOOK_EVENT_TYPES = [
  /** Every wallet transaction. */
  'TRANSACTION_CREATED',
  /** Every alert, of any kind. */
  'ALERT_RAISED',
  /** Alerts of kind CALLS_STOPPED, with the count of calls stopped. */
  'CALLS_STOPPED',
  /** A card top-up succeeded and was credited. */
  'TOP_UP_SUCCEEDED',
  /** A card payment failed. */
  'TOP_UP_FAILED',
] as const;
/** What a webhook endpoint subscribes to. */
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** Deliveries newest first, Relay style. */
export interface WebhookDeliveryConnection {
  /** This page of deliveries, in order. */
  edges: WebhookDeliveryEdge[];
  /** Whether another page follows, and the cursor to fetch it. */
  pageInfo: PageInfo;
}

/** One delivery of a page and its cursor. */
export interface WebhookDeliveryEdge {
  /** Opaque position of this item: pass it as `after` to get the items after it. */
  cursor: string;
  /** The delivery. */
  node: WebhookDelivery;
}

/** One event for one endpoint. */
export interface WebhookDelivery {
  /** Unique id of the delivery. */
  id: string;
  /** The endpoint it is for. */
  endpointId: string;
  /** The event id (evt_…): the same on every attempt and replay. */
  eventId: string;
  /** The event type. */
  eventType: WebhookEventType;
  /** Where the delivery stands. */
  status: WebhookDeliveryStatus;
  /** POSTs made so far. */
  attemptCount: number;
  /** When the next attempt is due (PENDING only). */
  nextAttemptAt: DateTime | null;
  /** A failed attempt at or after this time makes the delivery FAILED. */
  deliverUntil: DateTime;
  /** The last 2xx. */
  deliveredAt: DateTime | null;
  /** When it was queued. */
  createdAt: DateTime;
  /** The exact JSON body POSTed: { id, type, createdAt, accountId, data }. */
  payload: string;
  /** Newest first (at most 50). */
  attempts: WebhookAttempt[];
}

/** Values of `WebhookDeliveryStatus`, in schema order. */
export const WEBHOOK_DELIVERY_STATUSES = [
  /** Not yet answered with a 2xx: retried with backoff until deliverUntil. */
  'PENDING',
  /** The receiver answered 2xx. */
  'DELIVERED',
  /** Retries ran out; replayWebhookDelivery sends it again. */
  'FAILED',
] as const;
/** PENDING until a 2xx (DELIVERED) or until retries ran out after the retry window (FAILED). */
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

/** One POST of a delivery. */
export interface WebhookAttempt {
  /** Unique id of the attempt. */
  id: string;
  /** When the POST was sent. */
  attemptedAt: DateTime;
  /** The receiver’s HTTP status; null when it gave none (refused, timed out, reset). */
  statusCode: number | null;
  /** Null when the attempt succeeded; otherwise why it failed, one of: TIMEOUT, CONNECTION_REFUSED, CONNECTION_RESET, HOST_UNREACHABLE, DNS_FAILURE, TLS_ERROR, FORBIDDEN_TARGET (the host resolved to a non-public address: nothing was sent), REDIRECT (a 3xx: redirects are not followed), HTTP_ERROR (another non-2xx status), INVALID_RESPONSE, CONNECTION_FAILED. The receiver’s answer is never kept. */
  error: string | null;
  /**
   * Always null: the receiver's answer is no longer kept.
   * @deprecated Always null: the receiver’s answer is no longer kept (it could show what an internal service answered). Use statusCode and error.
   */
  responseBody: string | null;
  /** How long the attempt took until its answer or failure, in milliseconds. */
  durationMs: number;
  /** True when the receiver answered 2xx. */
  succeeded: boolean;
}

/** Someone who signs in to the dashboard with e-mail and password (POST /auth/sign-in). */
export interface User {
  /** Unique id of the user. */
  id: string;
  /** Null for platform staff. */
  accountId: string | null;
  /** The sign-in e-mail address (lower case). */
  email: string;
  /** Display name. */
  name: string;
  /** What the user may do. */
  role: Role;
  /** When the user was created. */
  createdAt: DateTime;
  /** Signed-in user only (their own): e-mail on or off per kind, every kind listed. FORBIDDEN for anyone else. */
  notificationPreferences: NotificationPreference[];
}

/** Whether the signed-in user gets e-mail of one kind (on unless turned off). */
export interface NotificationPreference {
  /** What the e-mail is about. */
  kind: NotificationKind;
  /** True when the user is e-mailed about it. */
  email: boolean;
}

/** Values of `NotificationKind`, in schema order. */
export const NOTIFICATION_KINDS = [
  /** A wallet's balance fell to a low-balance threshold. */
  'LOW_BALANCE',
  /** A wallet's balance reached zero. */
  'BALANCE_DEPLETED',
  /** A card top-up failed. */
  'PAYMENT_FAILED',
  /** An automatic recharge failed. */
  'AUTO_RECHARGE_FAILED',
  /** Automatic recharge paused itself. */
  'AUTO_RECHARGE_PAUSED',
  /** The account will be closed soon for lack of funds. */
  'ACCOUNT_CLOSING',
  /** The receipt of each successful card top-up. */
  'TOP_UP_RECEIPT',
] as const;
/** What a user can be e-mailed about: six alert kinds and the receipt of each card top-up. */
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** Messages newest first, Relay style. */
export interface MessageConnection {
  /** This page of messages, in order. */
  edges: MessageEdge[];
  /** Whether another page follows, and the cursor to fetch it. */
  pageInfo: PageInfo;
}

/** One message of a page and its cursor. */
export interface MessageEdge {
  /** Opaque position of this item: pass it as `after` to get the items after it. */
  cursor: string;
  /** The message. */
  node: Message;
}

/** One SMS to or from one number. An outbound message holds its price until its delivery report. */
export interface Message {
  /** Unique id of the message. */
  id: string;
  /** The wallet that pays it. */
  walletId: string;
  /** The campaign it was sent for; null otherwise. */
  campaignId: string | null;
  /** OUTBOUND (sent by the account) or INBOUND (received on one of its numbers). */
  direction: MessageDirection;
  /** E.164 number or alphanumeric sender id. */
  from: string;
  /** E.164 number. */
  to: string;
  /** The text, 1 to 1600 characters. */
  body: string;
  /** How the body is encoded, which decides how many characters fit in a part. */
  encoding: SmsEncoding;
  /** Parts it is sent in; each is billed as one SMS. */
  segments: number;
  /** Segments × the per-segment price of its destination (inbound: of its sender). Charged only when DELIVERED or RECEIVED. */
  price: Money;
  /** Held on the wallet now: the price while PENDING, else 0. */
  hold: Money;
  /** Where the message stands; see MessageStatus. */
  status: MessageStatus;
  /** When it was sent or received. */
  createdAt: DateTime;
  /** When it became final (delivered, failed, expired or received). */
  finalizedAt: DateTime | null;
  /** Outbound: when its hold lapses if no delivery report came (it then EXPIRES, free). */
  expiresAt: DateTime | null;
  /** The SMS transaction of its price, once charged. */
  transactionId: string | null;
  /** Grows with every change. */
  version: string;
}

/** Values of `MessageDirection`, in schema order. */
export const MESSAGE_DIRECTIONS = [
  /** Sent by the account (sendMessage). */
  'OUTBOUND',
  /** Received on one of the account's numbers (receiveMessage). */
  'INBOUND',
] as const;
/** Which way a message travelled, from the account's point of view. */
export type MessageDirection = (typeof MESSAGE_DIRECTIONS)[number];

/** Values of `SmsEncoding`, in schema order. */
export const SMS_ENCODINGS = [
  /** The GSM 03.38 alphabet: 160 characters in one part, 153 per part beyond. */
  'GSM7',
  /** Anything else (emoji, most non-Latin scripts): 70 in one part, 67 per part beyond. */
  'UCS2',
] as const;
/** GSM7: the GSM 03.38 alphabet, 160 characters in one part, 153 per part beyond. UCS2: anything else, 70 in one part, 67 per part beyond. */
export type SmsEncoding = (typeof SMS_ENCODINGS)[number];

/** Values of `MessageStatus`, in schema order. */
export const MESSAGE_STATUSES = [
  /** Sent; its price is held until the delivery report (or until it expires). */
  'PENDING',
  /** Delivered: its price was charged. */
  'DELIVERED',
  /** Not delivered: the hold was released, nothing charged. */
  'FAILED',
  /** No delivery report in time: the hold was released, nothing charged. */
  'EXPIRED',
  /** Inbound: charged on arrival. */
  'RECEIVED',
] as const;
/** PENDING: its price is held until the delivery report. DELIVERED: charged. FAILED, EXPIRED: released, nothing charged. RECEIVED: inbound, charged on arrival. */
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

/** What sendMessage would hold for a message, without sending it. */
export interface MessageEstimate {
  /** ISO 4217 code of the amounts (the rate plan's). */
  currency: string;
  /** The encoding the body needs. */
  encoding: SmsEncoding;
  /** Characters of the body (UTF-16 code units, as the 1600 limit counts). */
  characters: number;
  /** Size as sent: GSM7 septets (extension characters such as € count 2) or UCS2 code units. */
  units: number;
  /** Parts per recipient. */
  segments: number;
  /** The price per recipient, in the order given. */
  recipients: MessageRecipientPrice[];
  /** Sum of the recipients' prices: what sendMessage would hold. */
  total: Money;
}

/** What one recipient of an estimated message would cost. */
export interface MessageRecipientPrice {
  /** The recipient, E.164. */
  to: string;
  /** The rate prefix that prices it. */
  prefix: string;
  /** Price of one part to this recipient. */
  perSegment: Money;
  /** Parts × per-segment price: what would be held for this recipient. */
  price: Money;
}

/** A message to price without sending it. */
export interface EstimateMessageInput {
  /** The rate plan that would price it. */
  ratePlanId: string;
  /** Recipients, E.164, 1 to messageRecipientsMax (default 1000). */
  to: string[];
  /** The text, 1 to 1600 characters. */
  body: string;
}

/** Phone numbers newest first, Relay style. */
export interface PhoneNumberConnection {
  /** This page of phone numbers, in order. */
  edges: PhoneNumberEdge[];
  /** Whether another page follows, and the cursor to fetch it. */
  pageInfo: PageInfo;
}

/** One phone number of a page and its cursor. */
export interface PhoneNumberEdge {
  /** Opaque position of this item: pass it as `after` to get the items after it. */
  cursor: string;
  /** The phone number. */
  node: PhoneNumber;
}

/** A number rented from a wallet: bought for a one-time price plus its first month, renewed monthly on the purchase's day of the month (the month's last day when shorter). */
export interface PhoneNumber {
  /** Unique id of the phone number. */
  id: string;
  /** The account that holds (or held) it. */
  accountId: string;
  /** The wallet that pays it. */
  walletId: string;
  /** The rate plan it was priced from. */
  ratePlanId: string;
  /** E.164. */
  number: string;
  /** Where the rental stands. */
  status: PhoneNumberStatus;
  /** One-time price paid at purchase. */
  purchasePrice: Money;
  /** Monthly rental (the first month was paid with the purchase). */
  monthlyPrice: Money;
  /** When it was bought. */
  purchasedAt: DateTime;
  /** When the next month is due (in GRACE: the renewal that could not be paid); null once released or refunded. */
  renewsAt: DateTime | null;
  /** In GRACE: when it is released unless the wallet can pay before. */
  graceUntil: DateTime | null;
  /** When it was released or refunded; null while held. */
  releasedAt: DateTime | null;
  /** Why it was given up; null while held. */
  releaseReason: NumberReleaseReason | null;
  /** Months paid, the first with the purchase. */
  periodsPaid: number;
  /** The NUMBER transaction of the purchase and first month; null for a free number. */
  transactionId: string | null;
  /** The REFUND transaction, once refunded. */
  refundTransactionId: string | null;
}

/** Values of `PhoneNumberStatus`, in schema order. */
export const PHONE_NUMBER_STATUSES = [
  /** Paid up to renewsAt. */
  'ACTIVE',
  /** Its renewal could not be paid: retried until graceUntil, then released. */
  'GRACE',
  /** Given up: see releaseReason. */
  'RELEASED',
  /** Given back within the refund window; its purchase and first month were credited back. */
  'REFUNDED',
] as const;
/** ACTIVE and GRACE numbers are held by their account; RELEASED and REFUNDED ones may be bought again by anyone. */
export type PhoneNumberStatus = (typeof PHONE_NUMBER_STATUSES)[number];

/** Values of `NumberReleaseReason`, in schema order. */
export const NUMBER_RELEASE_REASONS = [
  /** Given up with releaseNumber. */
  'RELEASED_BY_CUSTOMER',
  /** Its renewal could not be paid before graceUntil. */
  'RENEWAL_FAILED',
  /** Its account was closed. */
  'ACCOUNT_CLOSED',
  /** Given back with refundNumber. */
  'REFUNDED',
] as const;
/** Why a number stopped being held. */
export type NumberReleaseReason = (typeof NUMBER_RELEASE_REASONS)[number];

/** A price list in one currency: a rate per destination prefix, for calls, SMS and numbers. */
export interface RatePlan {
  /** Unique id of the rate plan. */
  id: string;
  /** Display name. */
  name: string;
  /** ISO 4217 code of its prices; it prices only wallets of that currency. */
  currency: string;
  /** Longest prefix first. */
  rates: Rate[];
  /** When the rate plan was created. */
  createdAt: DateTime;
}

/** The price of calls to numbers starting with a prefix (longest prefix wins). */
export interface Rate {
  /** Destination digits without "+"; "" matches every number. */
  prefix: string;
  /** Price of a minute of call to the prefix, in the plan's currency. */
  perMinute: Money;
  /** Minimum billed seconds (the first increment). */
  firstIncrementSeconds: number;
  /** Billing step after the first increment, in seconds. */
  nextIncrementSeconds: number;
  /** Charged once per connected call. */
  connectFee: Money;
  /** Per segment of an outbound SMS to the prefix; null when SMS is not offered there. */
  smsPerSegment: Money | null;
  /** Per segment of an inbound SMS from the prefix. */
  smsInboundPerSegment: Money;
  /** One-time price of a number under the prefix; null when numbers are not sold there. */
  numberPurchase: Money | null;
  /** Monthly rental of a number under the prefix. */
  numberMonthly: Money | null;
}

/** Calls dialed against one wallet and rate plan, stopped when the money or the budget runs out. */
export interface Campaign {
  /** Unique id of the campaign. */
  id: string;
  /** The account that owns it. */
  accountId: string;
  /** The wallet that pays its calls and messages. */
  walletId: string;
  /** The rate plan that prices its calls and messages. */
  ratePlanId: string;
  /** Display name. */
  name: string;
  /** Where the campaign stands; only RUNNING places calls. */
  status: CampaignStatus;
  /** Hard cap on spend; null for none. */
  budget: Money | null;
  /** Cost of ended calls plus what active calls have cost so far. */
  spent: Money;
  /** Spent plus what active calls hold reserved: what the budget is checked against. */
  committed: Money;
  /** Calls in progress now. */
  activeCalls: number;
  /** Current burn: the per-minute prices of its active calls, summed. */
  spendPerMinute: Money;
  /** At the wallet's current burn (all its active calls), seconds until its available balance is used up; null when nothing is burning. */
  timeToEmptySeconds: number | null;
  /** Dialed by the built-in simulator. */
  simulate: boolean;
  /** Grows with every change; a state with a higher version is newer. */
  version: string;
  /** When the campaign was created. */
  createdAt: DateTime;
  /** Posted spend per minute over the last `minutes` (1–1440, default 60), oldest first, every minute present: the campaign page's chart. Active calls' running cost is in `spent`. */
  spendByMinute: SpendPoint[];
}

/** Values of `CampaignStatus`, in schema order. */
export const CAMPAIGN_STATUSES = [
  /** Created, never started. */
  'DRAFT',
  /** Places calls. */
  'RUNNING',
  /** Paused by a person: no new calls; calls in progress run on. */
  'PAUSED',
  /** Stopped by the server: the wallet could not fund a call. startCampaign resumes it. */
  'STOPPED_INSUFFICIENT_FUNDS',
  /** Stopped by the server: its budget is spent. startCampaign resumes it (after raising the budget). */
  'STOPPED_BUDGET_REACHED',
  /** Finished: it cannot be started again. */
  'COMPLETED',
] as const;
/** Only RUNNING campaigns place calls. */
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

/** Spend posted in one minute. */
export interface SpendPoint {
  /** Start of the minute (UTC). */
  minute: DateTime;
  /** Debits minus credits (refunds) of the campaign posted in that minute. */
  spent: Money;
}

/** Campaigns newest first, Relay style. */
export interface CampaignConnection {
  /** This page of campaigns, in order. */
  edges: CampaignEdge[];
  /** Whether another page follows, and the cursor to fetch it. */
  pageInfo: PageInfo;
}

/** One campaign of a page and its cursor. */
export interface CampaignEdge {
  /** Opaque position of this item: pass it as `after` to get the items after it. */
  cursor: string;
  /** The campaign. */
  node: Campaign;
}

/** Calls newest first, Relay style. */
export interface CallConnection {
  /** This page of calls, in order. */
  edges: CallEdge[];
  /** Whether another page follows, and the cursor to fetch it. */
  pageInfo: PageInfo;
}

/** One call of a page and its cursor. */
export interface CallEdge {
  /** Opaque position of this item: pass it as `after` to get the items after it. */
  cursor: string;
  /** The call. */
  node: Call;
}

/** One call of a campaign, metered by the billing clock while ACTIVE: credit is reserved one increment ahead and released or billed when it ends. */
export interface Call {
  /** Unique id of the call. */
  id: string;
  /** The campaign that placed it. */
  campaignId: string;
  /** The wallet that pays it. */
  walletId: string;
  /** Destination, E.164. */
  to: string;
  /** ACTIVE while it runs; then COMPLETED (hung up), STOPPED (the server ended it) or REFUSED (never connected). */
  status: CallStatus;
  /** Why it ended (HANGUP) or was stopped or refused; null while ACTIVE. */
  endReason: CallEndReason | null;
  /** When it started (or was refused). */
  startedAt: DateTime;
  /** When it ended; null while ACTIVE. */
  endedAt: DateTime | null;
  /** While active: until when it is paid for. */
  fundedUntil: DateTime | null;
  /** Seconds billed: final once ended, so far while active (rounded up by the increments). */
  billedSeconds: number;
  /** Cost: final once ended, so far while active. */
  cost: Money;
  /** Credit the call holds on the wallet now. */
  reserved: Money;
  /** Price of a minute of this call, from the rate of its destination (or the plan subscription's overage rate). */
  perMinute: Money;
  /** The CALL transaction of its cost, once posted. */
  transactionId: string | null;
  /** Grows with every change. */
  version: string;
}

/** Values of `CallStatus`, in schema order. */
export const CALL_STATUSES = [
  /** In progress: credit is reserved one increment ahead. */
  'ACTIVE',
  /** Hung up by a party (endCall). */
  'COMPLETED',
  /** Ended by the server at the end of its last funded increment (see endReason). */
  'STOPPED',
  /** Never connected: its first increment could not be reserved (see endReason). */
  'REFUSED',
] as const;
/** Where a call stands. */
export type CallStatus = (typeof CALL_STATUSES)[number];

/** Values of `CallEndReason`, in schema order. */
export const CALL_END_REASONS = [
  /** A party hung up. */
  'HANGUP',
  /** The wallet's available balance could not fund the next increment. */
  'INSUFFICIENT_FUNDS',
  /** The campaign's budget could not fund the next increment. */
  'BUDGET_REACHED',
  /** The wallet is suspended until funded. */
  'WALLET_SUSPENDED',
] as const;
/** Why a call ended or was refused. */
export type CallEndReason = (typeof CALL_END_REASONS)[number];

/** A check before a campaign: what its calls would cost and whether the wallet covers it. */
export interface CampaignCostEstimate {
  /** ISO 4217 code of the amounts (the rate plan's). */
  currency: string;
  /** The rate that prices the destination (longest matching prefix). */
  rate: Rate;
  /** Billed seconds of an average call (increments and minimum applied). */
  billedSecondsPerCall: number;
  /** Cost of one average call: connect fee plus the billed seconds at the per-minute price. */
  costPerCall: Money;
  /** Cost of all the calls. */
  total: Money;
  /** The wallet’s available balance, when walletId was given. */
  available: Money | null;
  /** What is missing to cover the total (0 when covered), when walletId was given. */
  shortfall: Money | null;
  /** How many such calls the available balance covers, when walletId was given. */
  coveredCalls: number | null;
}

/** A campaign to price before starting it. */
export interface EstimateCampaignCostInput {
  /** The rate plan that would price the calls. */
  ratePlanId: string;
  /** A typical destination (E.164): its rate prices the estimate. */
  to: string;
  /** Calls expected, 1..10,000,000. */
  calls: number;
  /** Average call duration in seconds, 0..86,400. */
  averageDurationSeconds: number;
  /** Compare with this wallet’s available balance. */
  walletId?: string | null;
}

/** What the dashboard needs to take a card payment. */
export interface PaymentsConfig {
  /** Which payment backend the server talks to. */
  mode: PaymentsMode;
  /** For Stripe Elements (STRIPE mode). */
  publishableKey: string | null;
  /** SANDBOX mode: the sandbox's base URL, for its simulated 3-D Secure challenge. */
  sandboxUrl: string | null;
  /** SANDBOX mode: the test cards. */
  testCards: SandboxTestCard[];
}

/** Values of `PaymentsMode`, in schema order. */
export const PAYMENTS_MODES = [
  /** Real Stripe, with test or live keys: use Stripe Elements with publishableKey. */
  'STRIPE',
  /** The loopback Stripe-compatible sandbox (offline): use testCards. */
  'SANDBOX',
] as const;
/** STRIPE: real Stripe (test or live keys). SANDBOX: the loopback Stripe-compatible sandbox (offline). */
export type PaymentsMode = (typeof PAYMENTS_MODES)[number];

/** A test card of the offline sandbox. */
export interface SandboxTestCard {
  /** Use as paymentMethodId. */
  id: string;
  /** Name of the test card, e.g. "Visa". */
  label: string;
  /** Card brand, e.g. "visa". */
  brand: string;
  /** Last 4 digits shown for it. */
  last4: string;
  /** What a payment with it does: succeeds, is declined (and why) or asks for 3-D Secure. */
  behaviour: string;
}

/** The checkout summary: what the card is charged for a top-up, tax included. */
export interface TopUpQuote {
  /** The wallet the quote is for. */
  walletId: string;
  /** ISO 4217 code of the amounts (the wallet's). */
  currency: string;
  /** Credited to the wallet. */
  amount: Money;
  /** Tax charged on top of the amount (0 when none applies). */
  tax: Money;
  /** Percentage as a decimal string, e.g. "20", "7.25", "0". */
  taxRate: string;
  /** Which tax rule applied. */
  taxTreatment: TaxTreatment;
  /** e.g. "VAT 20% (United Kingdom)", "VAT reverse charge (…)". */
  taxLabel: string;
  /** Charged to the card: amount + tax. */
  total: Money;
  /** Smallest top-up in this currency. */
  minimum: Money;
}

/** Values of `TaxTreatment`, in schema order. */
export const TAX_TREATMENTS = [
  /** United Kingdom VAT. */
  'UK_VAT',
  /** VAT of the customer's EU country (no valid VAT number). */
  'EU_VAT',
  /** EU business with a VAT number: no VAT charged (reverse charge). */
  'EU_REVERSE_CHARGE',
  /** Sales tax of the customer's US state. */
  'US_SALES_TAX',
  /** No tax applies. */
  'NONE',
] as const;
/** Which tax rule applied, from the account's billing country and VAT number. */
export type TaxTreatment = (typeof TAX_TREATMENTS)[number];

/** A saved card: brand, last 4 digits and expiry only (card numbers stay with Stripe). */
export interface PaymentMethod {
  /** Stripe's PaymentMethod id. */
  id: string;
  /** Card brand, e.g. "visa". */
  brand: string;
  /** Last 4 digits of the card number. */
  last4: string;
  /** Expiry month, 1..12. */
  expMonth: number;
  /** Expiry year, four digits. */
  expYear: number;
  /** The default card: used by automatic funding and by top-ups without a card, and pre-selected at checkout. */
  isDefault: boolean;
  /** When it was saved. */
  createdAt: DateTime;
}

/** Where the account is billed: decides the tax on top-ups. */
export interface BillingProfile {
  /** The account billed. */
  accountId: string;
  /** ISO 3166-1 alpha-2, e.g. "GB". */
  country: string | null;
  /** US state code. */
  state: string | null;
  /** EU VAT number (normalized); exempts EU customers from VAT (reverse charge). */
  vatNumber: string | null;
  /** Where receipts and billing e-mail go; null when unset. */
  email: string | null;
}

/** Alerts newest first, Relay style. */
export interface AlertConnection {
  /** This page of alerts, in order. */
  edges: AlertEdge[];
  /** Whether another page follows, and the cursor to fetch it. */
  pageInfo: PageInfo;
}

/** One alert of a page and its cursor. */
export interface AlertEdge {
  /** Opaque position of this item: pass it as `after` to get the items after it. */
  cursor: string;
  /** The alert. */
  node: Alert;
}

/** Something about an account that people should know, raised once per cause. */
export interface Alert {
  /** Unique id of the alert. */
  id: string;
  /** Position in the alert feed (commit order across all accounts): resume alertRaised with afterPosition set to the last one seen. */
  position: string;
  /** What the alert is about. */
  kind: AlertKind;
  /** How urgent it is. */
  severity: AlertSeverity;
  /** The account it concerns. */
  accountId: string;
  /** The wallet it concerns; null when it is about the account as a whole. */
  walletId: string | null;
  /** The campaign it concerns (CALLS_STOPPED, BUDGET_REACHED); null otherwise. */
  campaignId: string | null;
  /** Currency of the amounts. */
  currency: string | null;
  /** The threshold crossed (LOW_BALANCE, BALANCE_DEPLETED). */
  threshold: Money | null;
  /** The posted balance right after the cause. */
  balance: Money | null;
  /** The amount at stake: a payment's amount, a budget, a number's monthly price. */
  amount: Money | null;
  /** CALLS_STOPPED: how many calls were stopped. */
  callsStopped: number | null;
  /** What happened, in a sentence for people (amounts formatted in the currency). */
  message: string;
  /** When the alert was raised. */
  raisedAt: DateTime;
  /** When someone acknowledged it; null while not yet acknowledged. */
  acknowledgedAt: DateTime | null;
  /** Who acknowledged it (the key or user). */
  acknowledgedBy: string | null;
}

/** Values of `AlertKind`, in schema order. */
export const ALERT_KINDS = [
  /** The posted balance fell to or below one of the wallet's low-balance thresholds. */
  'LOW_BALANCE',
  /** The posted balance reached zero (the 0 threshold). */
  'BALANCE_DEPLETED',
  /** A depleted wallet has money again. */
  'BALANCE_RECOVERED',
  /** The server stopped calls for lack of funds or budget; callsStopped counts them. */
  'CALLS_STOPPED',
  /** The wallet ran out with nothing held: calls and messages are refused until it is funded. */
  'WALLET_SUSPENDED',
  /** The account will be closed soon because its wallets stay unfunded. */
  'ACCOUNT_CLOSING',
  /** A top-up was declined or failed. */
  'PAYMENT_FAILED',
  /** An automatic recharge failed. */
  'AUTO_RECHARGE_FAILED',
  /** Automatic recharge paused itself (repeated failures, authentication needed, no card). */
  'AUTO_RECHARGE_PAUSED',
  /** A phone number's monthly renewal could not be paid; the number is in its grace period. */
  'NUMBER_RENEWAL_FAILED',
  /** A campaign reached its budget and stopped dialing. */
  'BUDGET_REACHED',
] as const;
/** What an alert is about. */
export type AlertKind = (typeof ALERT_KINDS)[number];

/** Values of `AlertSeverity`, in schema order. */
export const ALERT_SEVERITIES = [
  /** Nothing to do. */
  'INFO',
  /** Act soon. */
  'WARNING',
  /** Service is or is about to be interrupted. */
  'CRITICAL',
] as const;
/** INFO: nothing to do; WARNING: act soon; CRITICAL: service is or is about to be interrupted. */
export type AlertSeverity = (typeof ALERT_SEVERITIES)[number];

/** Writes. A mutation answered with an error wrote nothing unless its code says otherwise (OPERATION_TIMEOUT). Money mutations take an idempotencyKey: retrying with the same key is safe. */
export interface Mutation {
  /** PLATFORM_ADMIN: opens a tenant with an empty wallet and an OWNER key. */
  createAccount: CreateAccountPayload;
  /** OWNER (own account, tenant roles) or PLATFORM_ADMIN. */
  createApiKey: CreateApiKeyPayload;
  /** OWNER (own account) or PLATFORM_ADMIN. Takes effect on the next request. */
  revokeApiKey: RevokeApiKeyPayload;
  /** OWNER, INTEGRATOR, PLATFORM_ADMIN: sends one message per recipient, all or nothing: holds the total on the wallet (and campaign); each message is charged when delivered, released when it fails or expires. INSUFFICIENT_FUNDS (reason BUDGET_REACHED for the campaign budget) and WALLET_SUSPENDED write nothing; also BAD_USER_INPUT, CAMPAIGN_NOT_RUNNING, IDEMPOTENCY_KEY_REUSED, NOT_FOUND. */
  sendMessage: SendMessagePayload;
  /** OWNER, INTEGRATOR, PLATFORM_ADMIN: a carrier's delivery report: DELIVERED charges the held price, FAILED and EXPIRED release it. A message already final is returned unchanged. NOT_FOUND for a message the caller may not see. */
  reportMessageDelivery: ReportMessageDeliveryPayload;
  /** OWNER, INTEGRATOR, PLATFORM_ADMIN: an inbound SMS to one of the platform's numbers, charged to the number's wallet on arrival; refused (nothing written) with INSUFFICIENT_FUNDS or WALLET_SUSPENDED when the wallet cannot pay. NOT_FOUND when no held number matches `to`. */
  receiveMessage: ReceiveMessagePayload;
  /** OWNER, INTEGRATOR, PLATFORM_ADMIN: buys a number, debiting its one-time price plus the first month as one NUMBER transaction (INSUFFICIENT_FUNDS: nothing is written). Renewed monthly from the wallet. */
  purchaseNumber: PurchaseNumberPayload;
  /** OWNER, INTEGRATOR, PLATFORM_ADMIN: gives a held number up at once, without refund. */
  releaseNumber: ReleaseNumberPayload;
  /** OWNER, PLATFORM_ADMIN: within the refund window after purchase, gives a held number back and credits its purchase and first month back, once. */
  refundNumber: RefundNumberPayload;
  /** PLATFORM_ADMIN: a new plan. */
  createSubscriptionPlan: CreateSubscriptionPlanPayload;
  /** OWNER: subscribes a wallet; the first monthly fee is paid from it at once (INSUFFICIENT_FUNDS otherwise). */
  subscribeToPlan: PlanSubscriptionPayload;
  /** OWNER: ends a subscription now; calls then go pay-as-you-go. */
  cancelPlanSubscription: PlanSubscriptionPayload;
  /** PLATFORM_ADMIN: a new price list. */
  createRatePlan: CreateRatePlanPayload;
  /** OWNER, CAMPAIGN_MANAGER, INTEGRATOR, PLATFORM_ADMIN: a new campaign in DRAFT; startCampaign lets it place calls. BAD_USER_INPUT (name, budget, a rate plan in another currency), NOT_FOUND. */
  createCampaign: CreateCampaignPayload;
  /** OWNER, CAMPAIGN_MANAGER, INTEGRATOR, PLATFORM_ADMIN: RUNNING: calls may be placed (also resumes a stopped or paused campaign). INVALID_STATE for a COMPLETED campaign. */
  startCampaign: StartCampaignPayload;
  /** OWNER, CAMPAIGN_MANAGER, INTEGRATOR, PLATFORM_ADMIN: PAUSED: no new calls; calls in progress run on. INVALID_STATE unless RUNNING. */
  pauseCampaign: PauseCampaignPayload;
  /** OWNER, INTEGRATOR, PLATFORM_ADMIN: reserves the first increment and starts metering; a call that cannot be funded comes back REFUSED (and stops the campaign). CAMPAIGN_NOT_RUNNING, LIMIT_EXCEEDED (concurrentCallsPerAccountMax active calls, default 2000), BAD_USER_INPUT (`to` not E.164 or without a rate), IDEMPOTENCY_KEY_REUSED. */
  startCall: StartCallPayload;
  /** OWNER, INTEGRATOR, PLATFORM_ADMIN: hangs up: bills the time used (rounded by the increments) and releases the rest. An ended call comes back as it is. NOT_FOUND. */
  endCall: EndCallPayload;
  /** OWNER, CAMPAIGN_MANAGER, INTEGRATOR, PLATFORM_ADMIN: debits a wallet; refused whole with INSUFFICIENT_FUNDS when available does not cover it. BAD_USER_INPUT (amount ≤ 0 or over operationAmountMicrosMax, description over 500 characters), IDEMPOTENCY_KEY_REUSED, NOT_FOUND. */
  charge: ChargePayload;
  /** SUPPORT and PLATFORM_ADMIN: credit or debit any wallet with a reason. */
  adjustWallet: AdjustWalletPayload;
  /** OWNER, CAMPAIGN_MANAGER, INTEGRATOR: pays into a wallet by card. Creates a Stripe PaymentIntent for amount + tax; the wallet is credited only when Stripe confirms the payment (webhook), once. Declines come back as status FAILED with failureReason; 3-D Secure as REQUIRES_ACTION with the clientSecret. */
  topUp: TopUpPayload;
  /** Asks Stripe for the top-up's current state now (after 3-D Secure, or when the balance has not moved after paying) instead of waiting for the webhook. Any role that may see the top-up; NOT_FOUND otherwise, PAYMENT_PROVIDER_ERROR when Stripe cannot be reached. */
  refreshTopUp: TopUpPayload;
  /** OWNER, CAMPAIGN_MANAGER: saves a card through a Stripe SetupIntent (3-D Secure may be needed: REQUIRES_ACTION). */
  addPaymentMethod: AddPaymentMethodPayload;
  /** OWNER, CAMPAIGN_MANAGER: makes a saved card the default (used by automatic funding). */
  setDefaultPaymentMethod: PaymentMethodPayload;
  /** OWNER, CAMPAIGN_MANAGER: removes a saved card (detached from the Stripe Customer). */
  removePaymentMethod: PaymentMethodPayload;
  /** OWNER: auto-recharge below a threshold back to a target, from the default card, with a cooldown, daily and monthly caps, and a pause after failures. */
  setAutoRecharge: AutoRechargePayload;
  /** OWNER: a fixed top-up from the default card on a chosen day of each month. */
  setMonthlyRecharge: AutoRechargePayload;
  /** OWNER, SUPPORT, PLATFORM_ADMIN: billing country, US state, VAT number (EU: reverse charge) and e-mail. */
  updateBillingProfile: UpdateBillingProfilePayload;
  /** SUPPORT, PLATFORM_ADMIN: refunds unused paid credit to the cards that paid it (used funds and grants are not refundable). */
  refundUnusedCredit: RefundUnusedCreditPayload;
  /** SUPPORT, PLATFORM_ADMIN: trial or promotional credit, a GRANT kept apart from paid credit (spent first, never refunded). */
  grantCredit: GrantCreditPayload;
  /** OWNER, SUPPORT, PLATFORM_ADMIN: announces a bank transfer; PENDING (nothing credited) until support confirms it. */
  recordBankTransfer: BankTransferPayload;
  /** SUPPORT, PLATFORM_ADMIN: the money arrived: credits the wallet once (INVALID_STATE when already settled). */
  completeBankTransfer: BankTransferPayload;
  /** SUPPORT, PLATFORM_ADMIN: the money will not come; nothing is credited. */
  cancelBankTransfer: BankTransferPayload;
  /** OWNER (own account), PLATFORM_ADMIN: invites someone with a role; the token is shown once. */
  inviteUser: InviteUserPayload;
  /** PLATFORM_ADMIN: creates a user with a password (an account’s first OWNER, or platform staff). */
  createUser: CreateUserPayload;
  /** OWNER, CAMPAIGN_MANAGER, SUPPORT, PLATFORM_ADMIN: records who acknowledged the alert and when (once: acknowledging again returns it unchanged). NOT_FOUND. */
  acknowledgeAlert: AcknowledgeAlertPayload;
  /** OWNER, CAMPAIGN_MANAGER, SUPPORT, PLATFORM_ADMIN: replaces the wallet's low-balance thresholds (default 5 and 0 in its currency). BAD_USER_INPUT (negative, repeated, more than lowBalanceThresholdsMax, default 10), NOT_FOUND. */
  setLowBalanceThresholds: SetLowBalanceThresholdsPayload;
  /** Signed-in user (session cookie): turns e-mail of one kind on or off for themself. FORBIDDEN for API keys and the operator token. */
  setNotificationPreference: SetNotificationPreferencePayload;
  /** Registers an endpoint; events from now on are POSTed to it. OWNER and INTEGRATOR of the account, or PLATFORM_ADMIN; others FORBIDDEN. */
  createWebhookEndpoint: CreateWebhookEndpointPayload;
  /** Changes url, event types, description or enabled. OWNER and INTEGRATOR of the account, or PLATFORM_ADMIN; others FORBIDDEN. */
  updateWebhookEndpoint: WebhookEndpointPayload;
  /** Deletes an endpoint with its delivery log; returns it as it was. OWNER and INTEGRATOR of the account, or PLATFORM_ADMIN; others FORBIDDEN. */
  deleteWebhookEndpoint: WebhookEndpointPayload;
  /** Replaces the signing secret at once. OWNER and INTEGRATOR of the account, or PLATFORM_ADMIN; others FORBIDDEN. */
  rotateWebhookEndpointSecret: RotateWebhookEndpointSecretPayload;
  /** Re-sends one delivery now (same event id), with a fresh retry window. OWNER and INTEGRATOR of the account, or PLATFORM_ADMIN; others FORBIDDEN. */
  replayWebhookDelivery: ReplayWebhookDeliveryPayload;
  /** Re-sends to one endpoint every stored event of its types whose cause happened in [from, to); at most 1000 (else LIMIT_EXCEEDED). OWNER and INTEGRATOR of the account, or PLATFORM_ADMIN; others FORBIDDEN. */
  replayWebhookEvents: ReplayWebhookEventsPayload;
}

/** The result of createAccount: the account, its first (empty) wallet and its OWNER key. */
export interface CreateAccountPayload {
  /** The new account. */
  account: Account;
  /** Its first wallet, with a zero balance. */
  wallet: Wallet;
  /** The OWNER key’s secret. Shown this once; store it now. */
  apiKey: string;
}

/** A new tenant: its name and the currency of its first wallet. */
export interface CreateAccountInput {
  /** Display name of the tenant, 1 to 200 characters. */
  name: string;
  /** ISO 4217 code of the first wallet. Default "USD". */
  currency?: string | null;
}

/** The result of createApiKey: the key and its secret, shown this once. */
export interface CreateApiKeyPayload {
  /** The secret. Shown this once; store it now. */
  apiKey: string;
  /** The key as stored (without its secret). */
  key: ApiKey;
}

/** A new API key: the account it acts for, its role and a label. */
export interface CreateApiKeyInput {
  /** Required for tenant roles; omitted for SUPPORT and PLATFORM_ADMIN. */
  accountId?: string | null;
  /** What the key may do. Tenant roles need accountId; SUPPORT and PLATFORM_ADMIN keys are made by PLATFORM_ADMIN only. */
  role: Role;
  /** A label to tell keys apart, 1 to 200 characters. */
  name: string;
}

/** The result of revokeApiKey. */
export interface RevokeApiKeyPayload {
  /** The key, now with revokedAt set. */
  key: ApiKey;
}

/** The result of sendMessage: one message per recipient and the total held. */
export interface SendMessagePayload {
  /** One per recipient, in the order of `to`. */
  messages: Message[];
  /** Held on the wallet at send: the sum of the prices. Charged per message on delivery. */
  held: Money;
  /** True when the idempotency key already sent this request; nothing new happened. */
  replayed: boolean;
}

/** An SMS to one or more recipients, paid from a wallet. */
export interface SendMessageInput {
  /** The wallet that pays. */
  walletId: string;
  /** A RUNNING campaign on the wallet: its rate plan prices the messages and its budget caps them. */
  campaignId?: string | null;
  /** The rate plan that prices the messages; required without campaignId, and with it only the campaign's own. */
  ratePlanId?: string | null;
  /** E.164 number, or a sender id of 1 to 11 letters, digits and spaces with at least one letter. */
  from: string;
  /** Distinct E.164 numbers, 1 to the server's messageRecipientsMax (default 1000): one message each. */
  to: string[];
  /** 1 to 1600 characters. */
  body: string;
  /** Retry-safe key (per account): the same key and request return the same messages. */
  idempotencyKey?: string | null;
}

/** The result of reportMessageDelivery. */
export interface ReportMessageDeliveryPayload {
  /** As it is now: a message already final is returned unchanged. */
  message: Message;
}

/** A carrier's delivery report for one outbound message. */
export interface ReportMessageDeliveryInput {
  /** The outbound message it reports on. */
  messageId: string;
  /** What the report says. */
  status: MessageDeliveryStatus;
}

/** Values of `MessageDeliveryStatus`, in schema order. */
export const MESSAGE_DELIVERY_STATUSES = [
  /** Delivered to the handset: charge the held price. */
  'DELIVERED',
  /** Not delivered: release the hold. */
  'FAILED',
  /** The carrier gave up: release the hold. */
  'EXPIRED',
] as const;
/** What a carrier's delivery report says. */
export type MessageDeliveryStatus = (typeof MESSAGE_DELIVERY_STATUSES)[number];

/** The result of receiveMessage. */
export interface ReceiveMessagePayload {
  /** The inbound message, RECEIVED and charged. */
  message: Message;
  /** True when the idempotency key already recorded this message; nothing new happened. */
  replayed: boolean;
}

/** An inbound SMS handed over by the carrier. */
export interface ReceiveMessageInput {
  /** The sender: E.164 number or alphanumeric sender id. */
  from: string;
  /** One of the platform's numbers (E.164); its account pays. */
  to: string;
  /** 1 to 1600 characters. */
  body: string;
  /** Retry-safe key, e.g. the carrier's message id: the same key returns the same message. */
  idempotencyKey?: string | null;
}

/** The result of purchaseNumber. */
export interface PurchaseNumberPayload {
  /** The number, ACTIVE and paid for its first month. */
  phoneNumber: PhoneNumber;
}

/** A number to buy from a wallet. */
export interface PurchaseNumberInput {
  /** The wallet that pays the purchase and every month. */
  walletId: string;
  /** Prices the number (longest prefix that sells numbers); in the wallet's currency. */
  ratePlanId: string;
  /** E.164, e.g. "+447700900123". */
  number: string;
  /** Retrying with the same key returns the same number and charges nothing more. */
  idempotencyKey?: string | null;
}

/** The result of releaseNumber. */
export interface ReleaseNumberPayload {
  /** The number, now RELEASED. */
  phoneNumber: PhoneNumber;
}

/** The result of refundNumber. */
export interface RefundNumberPayload {
  /** The number, now REFUNDED, with its refund transaction. */
  phoneNumber: PhoneNumber;
}

/** The result of createSubscriptionPlan. */
export interface CreateSubscriptionPlanPayload {
  /** The new plan. */
  subscriptionPlan: SubscriptionPlan;
}

/** A new subscription plan. */
export interface CreateSubscriptionPlanInput {
  /** Display name, 1 to 200 characters. */
  name: string;
  /** ISO 4217 code, e.g. "USD". */
  currency: string;
  /** Fee paid from the wallet each month, ≥ 0. */
  monthlyFee: Money;
  /** 0..44,640. */
  includedMinutes: number;
  /** Per minute beyond the allowance; omit to use each destination's own rate. */
  overagePerMinute?: Money | null;
}

/** The result of subscribeToPlan and cancelPlanSubscription. */
export interface PlanSubscriptionPayload {
  /** The subscription after the change. */
  subscription: PlanSubscription;
}

/** A wallet to subscribe to a plan. */
export interface SubscribeToPlanInput {
  /** The wallet that pays (in the plan's currency, without an ACTIVE subscription). */
  walletId: string;
  /** The plan. */
  planId: string;
}

/** The result of createRatePlan. */
export interface CreateRatePlanPayload {
  /** The new rate plan. */
  ratePlan: RatePlan;
}

/** A new price list. */
export interface CreateRatePlanInput {
  /** Display name, 1 to 200 characters. */
  name: string;
  /** ISO 4217 code of its prices, e.g. "USD". */
  currency: string;
  /** At least one rate, each prefix once; at most ratesPerPlanMax (default 10,000). Add "" to price every other number. */
  rates: RateInput[];
}

/** The prices for numbers starting with one prefix. */
export interface RateInput {
  /** Destination digits ("44", "+447"); "" for every number. At most 15 digits. */
  prefix: string;
  /** Price per minute, ≥ 0; sub-cent prices are exact. */
  perMinute: Money;
  /** 1..3600. */
  firstIncrementSeconds: number;
  /** 1..3600. */
  nextIncrementSeconds: number;
  /** Default 0. */
  connectFee?: Money | null;
  /** Per outbound SMS segment; omit when SMS is not offered. */
  smsPerSegment?: Money | null;
  /** Per inbound SMS segment. Default 0. */
  smsInboundPerSegment?: Money | null;
  /** One-time number price; with numberMonthly, or omit both when numbers are not sold. */
  numberPurchase?: Money | null;
  /** Monthly number rental. */
  numberMonthly?: Money | null;
}

/** The result of createCampaign. */
export interface CreateCampaignPayload {
  /** The new campaign, in DRAFT. */
  campaign: Campaign;
}

/** A new campaign. */
export interface CreateCampaignInput {
  /** The wallet that pays (one of the caller's). */
  walletId: string;
  /** Display name, 1 to 200 characters. */
  name: string;
  /** The rate plan that prices its calls and messages; in the wallet's currency. */
  ratePlanId: string;
  /** Optional hard cap on spend. */
  budget?: Money | null;
  /** Let the built-in dialer simulator place its calls. Default false. */
  simulate?: boolean | null;
}

/** The result of startCampaign. */
export interface StartCampaignPayload {
  /** The campaign, now RUNNING. */
  campaign: Campaign;
}

/** The result of pauseCampaign. */
export interface PauseCampaignPayload {
  /** The campaign, now PAUSED. */
  campaign: Campaign;
}

/** The result of startCall. */
export interface StartCallPayload {
  /** ACTIVE, or REFUSED with its endReason. */
  call: Call;
}

/** A call to place on a campaign. */
export interface StartCallInput {
  /** A RUNNING campaign of the caller (CAMPAIGN_NOT_RUNNING otherwise). */
  campaignId: string;
  /** E.164 destination, e.g. "+447700900123". */
  to: string;
  /** Retry-safe key per campaign: the same key returns the same call. */
  idempotencyKey?: string | null;
}

/** The result of endCall. */
export interface EndCallPayload {
  /** The call as ended: its final billed seconds and cost. */
  call: Call;
}

/** The call to hang up. */
export interface EndCallInput {
  /** Id of the call. */
  callId: string;
}

/** The result of charge. */
export interface ChargePayload {
  /** The CHARGE debit (on a replay: the one the key first made). */
  transaction: Transaction;
  /** The wallet right after this charge (on a replay: as it is now). */
  wallet: Wallet;
  /** True when this answers a repeated idempotency key: nothing new was charged. */
  replayed: boolean;
}

/** A debit of a wallet for something the platform sold. */
export interface ChargeInput {
  /** The wallet to debit (one of the caller's). */
  walletId: string;
  /** Positive amount to debit, in the wallet currency. */
  amount: Money;
  /** What it is for (1–500 characters). Default "Charge". */
  description?: string | null;
  /** Retry-safe key, scoped to the account: the same key and parameters return the first result. */
  idempotencyKey?: string | null;
  /** The campaign the charge belongs to (it then counts against its budget). */
  campaignId?: string | null;
}

/** The result of adjustWallet. */
export interface AdjustWalletPayload {
  /** The ADJUSTMENT transaction. */
  transaction: Transaction;
  /** The wallet right after it (on a replay: as it is now). */
  wallet: Wallet;
  /** True when this answers a repeated idempotency key: nothing new was written. */
  replayed: boolean;
}

/** A manual correction of a wallet by support. */
export interface AdjustWalletInput {
  /** The wallet to correct. */
  walletId: string;
  /** Signed: positive credits, negative debits. */
  amount: Money;
  /** Why (1–500 characters); recorded as the description. */
  reason: string;
  /** Retry-safe key: the same key and request return the first result. */
  idempotencyKey?: string | null;
}

/** The result of topUp and refreshTopUp. */
export interface TopUpPayload {
  /** The top-up as it stands now. */
  topUp: TopUp;
}

/** A card payment into a wallet. */
export interface TopUpInput {
  /** The wallet to credit (one of the caller's). */
  walletId: string;
  /** Credit wanted: whole units of the wallet's currency, at least its top-up minimum (topUpMinimumMicros, default 10) and at most the cap (100,000); BAD_USER_INPUT otherwise. */
  amount: Money;
  /** A saved card id, a new PaymentMethod (Stripe Elements, or a test card such as pm_card_visa), or null for the default card (none: confirm the clientSecret in the browser). */
  paymentMethodId?: string | null;
  /** Keep the card for later top-ups and automatic funding. Default false. */
  savePaymentMethod?: boolean | null;
  /** The same key with the same request returns the same top-up (and PaymentIntent). */
  idempotencyKey?: string | null;
}

/** The result of addPaymentMethod: the SetupIntent's outcome. */
export interface AddPaymentMethodPayload {
  /** SUCCEEDED: the card is saved. REQUIRES_ACTION or REQUIRES_PAYMENT_METHOD: finish with clientSecret. FAILED: see failureReason. */
  status: AddCardStatus;
  /** The Stripe SetupIntent (seti_…). */
  setupIntentId: string;
  /** For REQUIRES_ACTION / REQUIRES_PAYMENT_METHOD: finish in the browser; the card is saved when Stripe reports success. */
  clientSecret: string | null;
  /** The saved card once SUCCEEDED; null otherwise. */
  paymentMethod: PaymentMethod | null;
  /** When FAILED: what to tell the customer. */
  failureReason: string | null;
}

/** Values of `AddCardStatus`, in schema order. */
export const ADD_CARD_STATUSES = [
  /** The card is saved. */
  'SUCCEEDED',
  /** 3-D Secure: finish it in the browser with clientSecret; the card is saved when Stripe reports success. */
  'REQUIRES_ACTION',
  /** No card yet: collect one with Stripe Elements and clientSecret. */
  'REQUIRES_PAYMENT_METHOD',
  /** The card was declined: see failureReason. */
  'FAILED',
] as const;
/** Outcome of addCard's SetupIntent. */
export type AddCardStatus = (typeof ADD_CARD_STATUSES)[number];

/** A card to save on an account. */
export interface AddPaymentMethodInput {
  /** The account; default the caller's. */
  accountId?: string | null;
  /** A PaymentMethod to set up now; null returns a SetupIntent client secret for Stripe Elements. */
  paymentMethodId?: string | null;
  /** Make it the default card. Default false (the first card always becomes the default). */
  makeDefault?: boolean | null;
}

/** The result of setDefaultPaymentMethod and removePaymentMethod. */
export interface PaymentMethodPayload {
  /** The card as it is after the change (as it was, when removed). */
  paymentMethod: PaymentMethod;
}

/** The result of setAutoRecharge and setMonthlyRecharge. */
export interface AutoRechargePayload {
  /** The settings after the change. */
  autoRecharge: AutoRecharge;
}

/** A wallet's threshold recharge settings. */
export interface SetAutoRechargeInput {
  /** The wallet to fund. */
  walletId: string;
  /** Turn threshold recharges on or off; turning on also resumes a paused one. */
  enabled: boolean;
  /** Recharge when the available balance falls below this (≥ 0). */
  threshold: Money;
  /** At least threshold + the minimum top-up. */
  target: Money;
}

/** A wallet's monthly recharge settings. */
export interface SetMonthlyRechargeInput {
  /** The wallet to fund. */
  walletId: string;
  /** Turn the monthly recharge on or off. */
  enabled: boolean;
  /** 1–28. */
  dayOfMonth: number;
  /** Whole units, at least the minimum top-up. */
  amount: Money;
}

/** The result of updateBillingProfile. */
export interface UpdateBillingProfilePayload {
  /** The profile after the change. */
  billingProfile: BillingProfile;
}

/** Changes to where an account is billed; omitted fields stay as they are. */
export interface UpdateBillingProfileInput {
  /** The account; the caller's own when omitted. */
  accountId?: string | null;
  /** ISO 3166-1 alpha-2 code, e.g. "GB"; BAD_USER_INPUT when unknown. */
  country?: string | null;
  /** US state code, e.g. "CA" (United States only). */
  state?: string | null;
  /** EU VAT number with its country prefix; validated in form and normalized. */
  vatNumber?: string | null;
  /** Billing e-mail address. */
  email?: string | null;
}

/** The result of refundUnusedCredit. */
export interface RefundUnusedCreditPayload {
  /** The REFUND debit. */
  transaction: Transaction;
  /** The wallet after the debit. */
  wallet: Wallet;
  /** One card refund per top-up refunded, newest top-up first. */
  refunds: CreditRefund[];
}

/** Unused paid credit to refund to the cards that paid it. */
export interface RefundUnusedCreditInput {
  /** The wallet to refund from. */
  walletId: string;
  /** Credit to refund; default all that is refundable (wallet.refundable). */
  amount?: Money | null;
  /** Why (1 to 500 characters); recorded as the REFUND's description. */
  reason: string;
  /** Retry-safe key: the same key and request return the first result and refund nothing more. */
  idempotencyKey?: string | null;
}

/** The result of grantCredit. */
export interface GrantCreditPayload {
  /** The GRANT credit. */
  transaction: Transaction;
  /** The wallet after the credit. */
  wallet: Wallet;
}

/** Trial or promotional credit for a wallet. */
export interface GrantCreditInput {
  /** The wallet to credit. */
  walletId: string;
  /** Credit to grant, > 0, in the wallet's currency. */
  amount: Money;
  /** Why (1 to 500 characters); recorded as the GRANT's description. */
  reason: string;
  /** Retry-safe key: the same key and request return the first grant. */
  idempotencyKey?: string | null;
}

/** The result of recordBankTransfer, completeBankTransfer and cancelBankTransfer. */
export interface BankTransferPayload {
  /** The transfer after the change. */
  bankTransfer: BankTransfer;
}

/** A bank transfer on its way to a wallet. */
export interface RecordBankTransferInput {
  /** The wallet to credit when the money arrives. */
  walletId: string;
  /** Amount sent, > 0, in the wallet's currency. */
  amount: Money;
  /** The transfer reference on the bank statement. */
  reference: string;
}

/** The result of inviteUser. */
export interface InviteUserPayload {
  /** The invitation. */
  invitation: Invitation;
  /** Shown once: the invitee accepts with it. */
  token: string;
}

/** An invitation into an account; accepted at POST /auth/accept-invitation with its token. */
export interface Invitation {
  /** Unique id of the invitation. */
  id: string;
  /** The account the invitee joins. */
  accountId: string;
  /** Who is invited. */
  email: string;
  /** The role the invitee gets. */
  role: Role;
  /** Last moment it can be accepted (invitationTtlMs after it was sent, default 7 days). */
  expiresAt: DateTime;
}

/** Someone to invite into an account. */
export interface InviteUserInput {
  /** Default the caller's account. */
  accountId?: string | null;
  /** Their e-mail address. */
  email: string;
  /** OWNER, CAMPAIGN_MANAGER or INTEGRATOR. */
  role: Role;
}

/** The result of createUser. */
export interface CreateUserPayload {
  /** The new user. */
  user: User;
}

/** A user with a password, made by PLATFORM_ADMIN. */
export interface CreateUserInput {
  /** Null for SUPPORT and PLATFORM_ADMIN users. */
  accountId?: string | null;
  /** The sign-in e-mail address, unique. */
  email: string;
  /** Display name, 1 to 200 characters. */
  name: string;
  /** What the user may do (tenant roles need accountId). */
  role: Role;
  /** 10 to 200 characters; stored as a scrypt hash. */
  password: string;
}

/** The result of acknowledgeAlert. */
export interface AcknowledgeAlertPayload {
  /** The alert with acknowledgedAt and acknowledgedBy set. */
  alert: Alert;
}

/** The result of setLowBalanceThresholds. */
export interface SetLowBalanceThresholdsPayload {
  /** The wallet after the change. */
  wallet: Wallet;
  /** The thresholds now, highest first. */
  thresholds: Money[];
}

/** A wallet's new list of low-balance thresholds. */
export interface SetLowBalanceThresholdsInput {
  /** The wallet whose thresholds are replaced. */
  walletId: string;
  /** Amounts ≥ 0 in the wallet currency, at most 10, all different; 0 is the "depleted" alert; [] turns balance alerts off. */
  thresholds: Money[];
}

/** The result of setNotificationPreference. */
export interface SetNotificationPreferencePayload {
  /** The preference as now stored. */
  preference: NotificationPreference;
  /** Every kind for the user after the change. */
  preferences: NotificationPreference[];
}

/** Turns e-mail of one kind on or off for the signed-in user. */
export interface SetNotificationPreferenceInput {
  /** The kind to change. */
  kind: NotificationKind;
  /** True to receive e-mail of this kind, false to stop it. */
  email: boolean;
}

/** The result of createWebhookEndpoint: the endpoint and its signing secret, shown this once. */
export interface CreateWebhookEndpointPayload {
  /** The new endpoint, enabled. */
  endpoint: WebhookEndpoint;
  /** The signing secret (whsec_…). Shown this once; store it now. */
  secret: string;
}

/** A new webhook endpoint. */
export interface CreateWebhookEndpointInput {
  /** The caller’s own account when omitted (required for PLATFORM_ADMIN). */
  accountId?: string | null;
  /** https://…, or http:// to localhost, 127.0.0.0/8 or [::1]. At most 2048 characters. */
  url: string;
  /** At least one. */
  eventTypes: WebhookEventType[];
  /** A note for people, up to 500 characters. */
  description?: string | null;
}

/** The result of updateWebhookEndpoint and deleteWebhookEndpoint. */
export interface WebhookEndpointPayload {
  /** The endpoint after the change (as it was, when deleted). */
  endpoint: WebhookEndpoint;
}

/** Omitted fields stay as they are. */
export interface UpdateWebhookEndpointInput {
  /** Id of the endpoint to change. */
  id: string;
  /** New URL (same rules as at creation). */
  url?: string | null;
  /** New event types (at least one). */
  eventTypes?: WebhookEventType[] | null;
  /** New note, up to 500 characters. */
  description?: string | null;
  /** false stops new events; true resumes them, pending deliveries included. */
  enabled?: boolean | null;
}

/** The result of rotateWebhookEndpointSecret: the new secret, shown this once. */
export interface RotateWebhookEndpointSecretPayload {
  /** The endpoint. */
  endpoint: WebhookEndpoint;
  /** The new signing secret, in force at once. Shown this once. */
  secret: string;
}

/** The result of replayWebhookDelivery. */
export interface ReplayWebhookDeliveryPayload {
  /** The delivery, PENDING again and due now. */
  delivery: WebhookDelivery;
}

/** The result of replayWebhookEvents. */
export interface ReplayWebhookEventsPayload {
  /** Deliveries queued (at most 1000 per call). */
  queued: number;
}

/** Stored events to send to one endpoint again. */
export interface ReplayWebhookEventsInput {
  /** The endpoint to send them to. */
  endpointId: string;
  /** Events whose cause happened at or after this time… */
  from: DateTime;
  /** …and before this one (exclusive). No upper bound when omitted. */
  to?: DateTime | null;
}

/** Live feeds over WebSocket (graphql-ws protocol, path /graphql). Resumable feeds take afterSequence or afterPosition; state feeds send the latest state. */
export interface Subscription {
  /** The campaign now, then again after every change (status, calls starting and ending, increments reserved). A state feed: a slow reader gets the latest state, never a stale one; `version` orders states. */
  campaignUpdated: Campaign;
  /** The campaign's calls as they start and end (STOPPED with its endReason the moment the server stops one). Starts with the campaign's active calls; each call's states arrive in version order. */
  callUpdated: Call;
  /** Every transaction of the wallet, in sequence order, exactly once. With afterSequence: first every transaction after it (replay), then live, with no gap or duplicate at the seam. Without: from the next transaction on. Resumes from any sequence: transactions are never deleted. */
  transactionAdded: Transaction;
  /** The wallet as it is after each change, in sequence order. With afterSequence: first its state after each later change (replay), then live; without: from the next change on. The states after each change are kept outboxResumeWindowMs (7 days by default): resuming from further back answers RESUME_WINDOW_EXCEEDED (transactionAdded resumes from any sequence). */
  balanceChanged: Wallet;
  /** The wallet now, then again after every change of its balance, reserved credit (calls reserving increments, message holds) or status. A state feed: a slow reader gets the latest state, never a stale one. balanceChanged follows transactions only, resumably. */
  walletUpdated: Wallet;
  /** Alerts as they are raised, in position order, exactly once. Account roles get their own account's; SUPPORT and PLATFORM_ADMIN every account's, or the named one's. With afterPosition: first every alert after it (replay), then live, with no gap across accounts. Acknowledged alerts are deleted a year after their acknowledgement (alertRetentionMs): resuming from before a deleted one answers RESUME_WINDOW_EXCEEDED. */
  alertRaised: Alert;
}

/** Values of `ErrorCode`, in schema order. */
export const ERROR_CODES = [
  /** No credential, or an unknown, revoked or expired one (HTTP 401). Send a valid API key (Authorization: Bearer …) or sign in again. */
  'UNAUTHENTICATED',
  /** The caller is known but its role may not do this, or a session-cookie request came from another site (HTTP 403). Nothing was written. */
  'FORBIDDEN',
  /** Nothing of that id that the caller may see; another tenant's objects are answered so too. `extensions.id` echoes the id (at most 100 characters). */
  'NOT_FOUND',
  /** An argument is malformed or out of its limits (a Money value that does not parse, a page size beyond its maximum, …). `extensions.field` names the input field at fault. Nothing was written. */
  'BAD_USER_INPUT',
  /** The wallet's available balance (balance − reserved) does not cover the debit, or a campaign's budget does not; nothing was written. */
  'INSUFFICIENT_FUNDS',
  /** The idempotency key was already used with other parameters or for another operation (`extensions.field` is "idempotencyKey"). Use a new key for a new request. */
  'IDEMPOTENCY_KEY_REUSED',
  /** The object's current status does not allow the operation (e.g. pausing a completed campaign, completing a settled bank transfer). Nothing was written. */
  'INVALID_STATE',
  /** startCall on a campaign that is not RUNNING (`extensions.campaignId`, `extensions.status`): start it first. Nothing was written. */
  'CAMPAIGN_NOT_RUNNING',
  /** A configured limit would be exceeded (calls active per account, recipients, saved cards, open subscriptions per socket, …): `extensions.limit` names the setting and `extensions.max` its value. */
  'LIMIT_EXCEEDED',
  /** The wallet is SUSPENDED (it ran out) and has not been funded since: no new calls or messages until it is (`extensions.walletId`). */
  'WALLET_SUSPENDED',
  /** Stripe could not be reached or answered with an error that is not about the card; nothing was charged by us. Retrying with the same idempotency key is safe. */
  'PAYMENT_PROVIDER_ERROR',
  /** A rate limit or lockout refused the request (HTTP 429 with Retry-After): `extensions.limit` names it and `extensions.retryAfterSeconds` says when to retry. */
  'RATE_LIMITED',
  /** A subscription asked to resume from a position older than the server still keeps: nothing is replayed (`extensions.field`, `extensions.window`). Subscribe again without a resume position and re-read current state. */
  'RESUME_WINDOW_EXCEEDED',
  /** The operation ran past its execution deadline (operationDeadlineMs, default 10 s); its remaining database work was not started. A mutation may have committed: retry it with the same idempotency key. */
  'OPERATION_TIMEOUT',
  /** The operation is over a query limit (cost, depth, aliases, directives or tokens): `extensions.limit` names the setting and `extensions.max` its value (HTTP 400). Ask for less in one operation. */
  'QUERY_TOO_COMPLEX',
  /** The query text is not valid GraphQL syntax (HTTP 400). */
  'GRAPHQL_PARSE_FAILED',
  /** The operation does not fit the schema: an unknown field, a wrong argument type, a missing variable, … (HTTP 400). */
  'GRAPHQL_VALIDATION_FAILED',
  /** The HTTP request itself is malformed: a body that is not JSON, a missing query, a URL that is not valid percent-encoding, headers too large, … (HTTP 400). */
  'BAD_REQUEST',
  /** The request names an operationName the document does not contain, or sends several operations without naming one. */
  'OPERATION_RESOLUTION_FAILURE',
  /** Automatic persisted queries: the server does not know that hash yet. Send the query text with it once. */
  'PERSISTED_QUERY_NOT_FOUND',
  /** Automatic persisted queries are not enabled on this server: send the query text. */
  'PERSISTED_QUERY_NOT_SUPPORTED',
  /** The HTTP method is not allowed on this path (HTTP 405): GraphQL takes POST (and GET for queries). */
  'METHOD_NOT_ALLOWED',
  /** The request body is larger than the endpoint accepts (HTTP 413; requestBodyBytesMax, default 100,000 bytes, for /graphql). */
  'PAYLOAD_TOO_LARGE',
  /** The request body has an unsupported content encoding or charset (HTTP 415): send UTF-8 JSON. */
  'UNSUPPORTED_MEDIA_TYPE',
  /** Anything unexpected: a bug or an outage. The cause is logged on the server and masked in the answer. Retrying a mutation with the same idempotency key is safe. */
  'INTERNAL_SERVER_ERROR',
] as const;
/** Every value `errors[].extensions.code` may take in an answer (HTTP and WebSocket). Branch on the code, never on the message. Details come in the other extensions named beside each code. */
export type ErrorCode = (typeof ERROR_CODES)[number];
