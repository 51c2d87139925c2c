// Generated from schema/schema.graphql by `npm run codegen` (server/scripts/generate-client-types.ts);
// `npm run schema:emit` runs it too. Do not edit: change the schema and generate again.
// Nullable fields are `| null` (and optional in inputs); fields' arguments are left out.
// test/client/generated-types.test.ts fails while this file is stale.

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
export const ROLES = ['OWNER', 'CAMPAIGN_MANAGER', 'INTEGRATOR', 'SUPPORT', 'PLATFORM_ADMIN'] as const;
/** What a credential may do. */
export type Role = (typeof ROLES)[number];

/** A tenant of the platform. */
export interface Account {
  id: string;
  name: string;
  createdAt: DateTime;
  /** CLOSED after its wallets stayed suspended for the configured period (30 days). */
  status: AccountStatus;
  closedAt: DateTime | null;
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
export const ACCOUNT_STATUSES = ['ACTIVE', 'CLOSED'] as const;
/** CLOSED: unfunded for too long; its numbers were released. */
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

/** A tenant's prepaid balance in one currency. */
export interface Wallet {
  id: string;
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
  createdAt: DateTime;
  /** The active subscription, if any (seed 004: remaining minutes). */
  planSubscription: PlanSubscription | null;
  /** SUSPENDED once it ran out (nothing left, nothing held) until it is funded again. */
  status: WalletStatus;
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
  /** Bank transfers, newest first; PENDING ones are credit on its way (seed 000). */
  bankTransfers: BankTransfer[];
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
  id: string;
  walletId: string;
  planId: string;
  status: PlanSubscriptionStatus;
  periodStart: DateTime;
  /** When the next monthly fee is due. */
  periodEnd: DateTime;
  allowanceSeconds: number;
  /** Used by ended calls this period. */
  usedSeconds: number;
  /** Held by calls in progress. */
  reservedSeconds: number;
  /** Seed 004's “remaining minutes”, in seconds: allowance − used − reserved. */
  remainingSeconds: number;
  endedAt: DateTime | null;
  plan: SubscriptionPlan;
}

/** Values of `PlanSubscriptionStatus`, in schema order. */
export const PLAN_SUBSCRIPTION_STATUSES = ['ACTIVE', 'CANCELED', 'LAPSED'] as const;
/** LAPSED: a monthly fee could not be paid from the wallet. */
export type PlanSubscriptionStatus = (typeof PLAN_SUBSCRIPTION_STATUSES)[number];

/** Seed 004: a monthly allowance of call minutes; beyond it, the overage rate from the wallet. */
export interface SubscriptionPlan {
  id: string;
  name: string;
  currency: string;
  /** Paid from the wallet at subscription and every month on the same day. */
  monthlyFee: Money;
  includedMinutes: number;
  /** Per minute beyond the allowance; null: each destination's own rate. */
  overagePerMinute: Money | null;
  createdAt: DateTime;
}

/** Values of `WalletStatus`, in schema order. */
export const WALLET_STATUSES = ['ACTIVE', 'SUSPENDED'] as const;
/** SUSPENDED: ran out; no new calls or messages until funded. */
export type WalletStatus = (typeof WALLET_STATUSES)[number];

/** Transactions newest first, Relay style. */
export interface TransactionConnection {
  edges: TransactionEdge[];
  pageInfo: PageInfo;
}

export interface TransactionEdge {
  cursor: string;
  node: Transaction;
}

/** One immutable movement on a wallet. */
export interface Transaction {
  id: string;
  walletId: string;
  /** Gap-free per-wallet position, "1", "2", … in commit order. */
  sequence: string;
  type: TransactionType;
  kind: TransactionKind;
  /** Always positive; type gives the direction. */
  amount: Money;
  balanceBefore: Money;
  balanceAfter: Money;
  description: string;
  status: TransactionStatus;
  /** Stripe PaymentIntent id, for top-ups. */
  paymentIntentId: string | null;
  idempotencyKey: string | null;
  campaignId: string | null;
  createdAt: DateTime;
}

/** Values of `TransactionType`, in schema order. */
export const TRANSACTION_TYPES = ['CREDIT', 'DEBIT'] as const;
/** Direction from the wallet's point of view. */
export type TransactionType = (typeof TRANSACTION_TYPES)[number];

/** Values of `TransactionKind`, in schema order. */
export const TRANSACTION_KINDS = [
  'TOP_UP',
  'CHARGE',
  'ADJUSTMENT',
  'REFUND',
  'GRANT',
  'CALL',
  'SMS',
  'NUMBER',
  'SUBSCRIPTION',
] as const;
/** What the transaction was for. */
export type TransactionKind = (typeof TRANSACTION_KINDS)[number];

/** Values of `TransactionStatus`, in schema order. */
export const TRANSACTION_STATUSES = ['PENDING', 'COMPLETED', 'FAILED'] as const;
/** `TransactionStatus`. */
export type TransactionStatus = (typeof TRANSACTION_STATUSES)[number];

export interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}

/** A card top-up and its Stripe PaymentIntent. */
export interface TopUp {
  id: string;
  walletId: string;
  accountId: string;
  origin: TopUpOrigin;
  status: TopUpStatus;
  currency: string;
  /** Credited to the wallet on success. */
  amount: Money;
  tax: Money;
  taxRate: string;
  taxLabel: string;
  /** Charged to the card. */
  total: Money;
  /** For Stripe.js / the sandbox's 3-D Secure: confirm or authenticate with it. */
  clientSecret: string | null;
  paymentIntentId: string | null;
  cardBrand: string | null;
  cardLast4: string | null;
  /** Set once SUCCEEDED. */
  receiptNumber: string | null;
  /** Stripe's decline or error code, e.g. insufficient_funds, expired_card, authentication_required. */
  failureCode: string | null;
  /** What to tell the customer (seed 004 troubleshooting). */
  failureReason: string | null;
  /** The TOP_UP transaction, once SUCCEEDED. */
  transactionId: string | null;
  /** Credit of this top-up refunded to the card so far. */
  refunded: Money;
  /** Once SUCCEEDED. */
  receipt: Receipt | null;
  createdAt: DateTime;
  updatedAt: DateTime;
}

/** Values of `TopUpOrigin`, in schema order. */
export const TOP_UP_ORIGINS = ['MANUAL', 'AUTO_RECHARGE', 'MONTHLY_RECHARGE'] as const;
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

/** Seed 002's receipt of a successful top-up. */
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

/** A wallet's automatic funding from its account's default card. */
export interface AutoRecharge {
  walletId: string;
  enabled: boolean;
  /** Recharge when the available balance falls below this. */
  threshold: Money;
  /** Bring the available balance back to this, in one payment. */
  target: Money;
  /** The recharge in flight (at most one per wallet). */
  inFlightTopUpId: string | null;
  lastAttemptAt: DateTime | null;
  consecutiveFailures: number;
  /** Set when automatic funding stopped; enabling again resumes it. */
  pausedAt: DateTime | null;
  /** REPEATED_FAILURES, AUTHENTICATION_REQUIRED or NO_PAYMENT_METHOD. */
  pausedReason: string | null;
  /** Seed 002's monthly recharge. */
  monthlyEnabled: boolean;
  /** Day of the month (1–28, UTC). */
  monthlyDay: number | null;
  monthlyAmount: Money | null;
}

/** Unused paid credit refunded to the card of one top-up. */
export interface CreditRefund {
  id: string;
  topUpId: string;
  paymentIntentId: string;
  /** Credit taken from the wallet. */
  amount: Money;
  /** Back to the card: the credit plus its share of the tax. */
  cardAmount: Money;
  status: CreditRefundStatus;
  stripeRefundId: string | null;
  failureReason: string | null;
  createdAt: DateTime;
}

/** Values of `CreditRefundStatus`, in schema order. */
export const CREDIT_REFUND_STATUSES = ['PENDING', 'SUCCEEDED', 'FAILED'] as const;
/** A card refund: PENDING until Stripe answers; FAILED restored the credit to the wallet. */
export type CreditRefundStatus = (typeof CREDIT_REFUND_STATUSES)[number];

/** Seed 000: a bank transfer, PENDING until support confirms it (up to 3 business days). */
export interface BankTransfer {
  id: string;
  walletId: string;
  amount: Money;
  reference: string;
  status: BankTransferStatus;
  expectedBy: DateTime;
  transactionId: string | null;
  createdAt: DateTime;
  settledAt: DateTime | null;
}

/** Values of `BankTransferStatus`, in schema order. */
export const BANK_TRANSFER_STATUSES = ['PENDING', 'COMPLETED', 'CANCELED'] as const;
/** PENDING until support confirms the money arrived (COMPLETED: credited) or that it never will. */
export type BankTransferStatus = (typeof BANK_TRANSFER_STATUSES)[number];

/** What the wallet is burning now, for the dashboard's burn rate and time-to-empty: its active calls' per-minute prices and its recent debits. Select it in walletUpdated to follow it live. */
export interface WalletBurn {
  activeCalls: number;
  /** Sum of the active calls' per-minute prices. */
  callsPerMinute: Money;
  /** Debits (ended calls, messages, numbers, charges) over the last recentWindowSeconds. */
  recentSpend: Money;
  recentWindowSeconds: number;
}

/** A credential; its secret is shown only when created. */
export interface ApiKey {
  id: string;
  /** Null for SUPPORT and PLATFORM_ADMIN keys. */
  accountId: string | null;
  role: Role;
  name: string;
  /** First characters of the secret, to tell keys apart. */
  prefix: string;
  createdAt: DateTime;
  revokedAt: DateTime | null;
}

/** Where an account’s events are POSTed, signed with the endpoint’s secret (shown only at creation and rotation). */
export interface WebhookEndpoint {
  id: string;
  accountId: string;
  url: string;
  description: string;
  eventTypes: WebhookEventType[];
  /** A disabled endpoint gets no new events; its pending deliveries wait until it is enabled. */
  enabled: boolean;
  createdAt: DateTime;
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
  edges: WebhookDeliveryEdge[];
  pageInfo: PageInfo;
}

export interface WebhookDeliveryEdge {
  cursor: string;
  node: WebhookDelivery;
}

/** One event for one endpoint. */
export interface WebhookDelivery {
  id: string;
  endpointId: string;
  /** The event id (evt_…): the same on every attempt and replay. */
  eventId: string;
  eventType: WebhookEventType;
  status: WebhookDeliveryStatus;
  attemptCount: number;
  /** When the next attempt is due (PENDING only). */
  nextAttemptAt: DateTime | null;
  /** A failed attempt at or after this time makes the delivery FAILED. */
  deliverUntil: DateTime;
  /** The last 2xx. */
  deliveredAt: DateTime | null;
  createdAt: DateTime;
  /** The exact JSON body POSTed: { id, type, createdAt, accountId, data }. */
  payload: string;
  /** Newest first (at most 50). */
  attempts: WebhookAttempt[];
}

/** Values of `WebhookDeliveryStatus`, in schema order. */
export const WEBHOOK_DELIVERY_STATUSES = ['PENDING', 'DELIVERED', 'FAILED'] as const;
/** PENDING until a 2xx (DELIVERED) or until retries ran out after the retry window (FAILED). */
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

/** One POST of a delivery. */
export interface WebhookAttempt {
  id: string;
  attemptedAt: DateTime;
  /** The receiver’s HTTP status; null when it gave none (refused, timed out, reset). */
  statusCode: number | null;
  /** Null when the attempt succeeded; otherwise why it failed, one of: TIMEOUT, CONNECTION_REFUSED, CONNECTION_RESET, HOST_UNREACHABLE, DNS_FAILURE, TLS_ERROR, FORBIDDEN_TARGET (the host resolved to a non-public address: nothing was sent), REDIRECT (a 3xx: redirects are not followed), HTTP_ERROR (another non-2xx status), INVALID_RESPONSE, CONNECTION_FAILED. The receiver’s answer is never kept. */
  error: string | null;
  /** @deprecated Always null: the receiver’s answer is no longer kept (it could show what an internal service answered). Use statusCode and error. */
  responseBody: string | null;
  durationMs: number;
  succeeded: boolean;
}

/** Someone who signs in to the dashboard with e-mail and password (POST /auth/sign-in). */
export interface User {
  id: string;
  /** Null for platform staff. */
  accountId: string | null;
  email: string;
  name: string;
  role: Role;
  createdAt: DateTime;
  /** Signed-in user only (their own): e-mail on or off per kind, every kind listed. FORBIDDEN for anyone else. */
  notificationPreferences: NotificationPreference[];
}

/** Whether the signed-in user gets e-mail of one kind (on unless turned off). */
export interface NotificationPreference {
  kind: NotificationKind;
  email: boolean;
}

/** Values of `NotificationKind`, in schema order. */
export const NOTIFICATION_KINDS = [
  'LOW_BALANCE',
  'BALANCE_DEPLETED',
  'PAYMENT_FAILED',
  'AUTO_RECHARGE_FAILED',
  'AUTO_RECHARGE_PAUSED',
  'ACCOUNT_CLOSING',
  'TOP_UP_RECEIPT',
] as const;
/** What a user can be e-mailed about: six alert kinds and the receipt of each card top-up. */
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** Messages newest first, Relay style. */
export interface MessageConnection {
  edges: MessageEdge[];
  pageInfo: PageInfo;
}

export interface MessageEdge {
  cursor: string;
  node: Message;
}

/** One SMS to or from one number. An outbound message holds its price until its delivery report. */
export interface Message {
  id: string;
  walletId: string;
  campaignId: string | null;
  direction: MessageDirection;
  /** E.164 number or alphanumeric sender id. */
  from: string;
  /** E.164 number. */
  to: string;
  body: string;
  encoding: SmsEncoding;
  /** Parts it is sent in; each is billed as one SMS. */
  segments: number;
  /** Segments × the per-segment price of its destination (inbound: of its sender). Charged only when DELIVERED or RECEIVED. */
  price: Money;
  /** Held on the wallet now: the price while PENDING, else 0. */
  hold: Money;
  status: MessageStatus;
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
export const MESSAGE_DIRECTIONS = ['OUTBOUND', 'INBOUND'] as const;
/** Which way a message travelled, from the account's point of view. */
export type MessageDirection = (typeof MESSAGE_DIRECTIONS)[number];

/** Values of `SmsEncoding`, in schema order. */
export const SMS_ENCODINGS = ['GSM7', 'UCS2'] as const;
/** GSM7: the GSM 03.38 alphabet, 160 characters in one part, 153 per part beyond. UCS2: anything else, 70 in one part, 67 per part beyond. */
export type SmsEncoding = (typeof SMS_ENCODINGS)[number];

/** Values of `MessageStatus`, in schema order. */
export const MESSAGE_STATUSES = ['PENDING', 'DELIVERED', 'FAILED', 'EXPIRED', 'RECEIVED'] as const;
/** PENDING: its price is held until the delivery report. DELIVERED: charged. FAILED, EXPIRED: released, nothing charged. RECEIVED: inbound, charged on arrival. */
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

/** What sendMessage would hold for a message, without sending it. */
export interface MessageEstimate {
  currency: string;
  encoding: SmsEncoding;
  /** Characters of the body (UTF-16 code units, as the 1600 limit counts). */
  characters: number;
  /** Size as sent: GSM7 septets (extension characters such as € count 2) or UCS2 code units. */
  units: number;
  /** Parts per recipient. */
  segments: number;
  recipients: MessageRecipientPrice[];
  total: Money;
}

export interface MessageRecipientPrice {
  to: string;
  /** The rate prefix that prices it. */
  prefix: string;
  perSegment: Money;
  price: Money;
}

export interface EstimateMessageInput {
  ratePlanId: string;
  to: string[];
  body: string;
}

/** Phone numbers newest first, Relay style. */
export interface PhoneNumberConnection {
  edges: PhoneNumberEdge[];
  pageInfo: PageInfo;
}

export interface PhoneNumberEdge {
  cursor: string;
  node: PhoneNumber;
}

/** A number rented from a wallet: bought for a one-time price plus its first month, renewed monthly on the purchase's day of the month (the month's last day when shorter). */
export interface PhoneNumber {
  id: string;
  accountId: string;
  /** The wallet that pays it. */
  walletId: string;
  /** The rate plan it was priced from. */
  ratePlanId: string;
  /** E.164. */
  number: string;
  status: PhoneNumberStatus;
  /** One-time price paid at purchase. */
  purchasePrice: Money;
  /** Monthly rental (the first month was paid with the purchase). */
  monthlyPrice: Money;
  purchasedAt: DateTime;
  /** When the next month is due (in GRACE: the renewal that could not be paid); null once released or refunded. */
  renewsAt: DateTime | null;
  /** In GRACE: when it is released unless the wallet can pay before. */
  graceUntil: DateTime | null;
  releasedAt: DateTime | null;
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
export const NUMBER_RELEASE_REASONS = ['RELEASED_BY_CUSTOMER', 'RENEWAL_FAILED', 'ACCOUNT_CLOSED', 'REFUNDED'] as const;
/** Why a number stopped being held. */
export type NumberReleaseReason = (typeof NUMBER_RELEASE_REASONS)[number];

export interface RatePlan {
  id: string;
  name: string;
  currency: string;
  /** Longest prefix first. */
  rates: Rate[];
  createdAt: DateTime;
}

/** The price of calls to numbers starting with a prefix (longest prefix wins). */
export interface Rate {
  /** Destination digits without "+"; "" matches every number. */
  prefix: string;
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
  id: string;
  accountId: string;
  walletId: string;
  ratePlanId: string;
  name: string;
  status: CampaignStatus;
  /** Hard cap on spend; null for none. */
  budget: Money | null;
  /** Cost of ended calls plus what active calls have cost so far. */
  spent: Money;
  /** Spent plus what active calls hold reserved: what the budget is checked against. */
  committed: Money;
  activeCalls: number;
  /** Current burn: the per-minute prices of its active calls, summed. */
  spendPerMinute: Money;
  /** At the wallet's current burn (all its active calls), seconds until its available balance is used up; null when nothing is burning. */
  timeToEmptySeconds: number | null;
  /** Dialed by the built-in simulator. */
  simulate: boolean;
  /** Grows with every change; a state with a higher version is newer. */
  version: string;
  createdAt: DateTime;
  /** Posted spend per minute over the last `minutes` (1–1440, default 60), oldest first, every minute present: the campaign page's chart. Active calls' running cost is in `spent`. */
  spendByMinute: SpendPoint[];
}

/** Values of `CampaignStatus`, in schema order. */
export const CAMPAIGN_STATUSES = [
  'DRAFT',
  'RUNNING',
  'PAUSED',
  'STOPPED_INSUFFICIENT_FUNDS',
  'STOPPED_BUDGET_REACHED',
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

export interface CampaignConnection {
  edges: CampaignEdge[];
  pageInfo: PageInfo;
}

export interface CampaignEdge {
  cursor: string;
  node: Campaign;
}

export interface CallConnection {
  edges: CallEdge[];
  pageInfo: PageInfo;
}

export interface CallEdge {
  cursor: string;
  node: Call;
}

export interface Call {
  id: string;
  campaignId: string;
  walletId: string;
  to: string;
  status: CallStatus;
  endReason: CallEndReason | null;
  startedAt: DateTime;
  endedAt: DateTime | null;
  /** While active: until when it is paid for. */
  fundedUntil: DateTime | null;
  /** Seconds billed: final once ended, so far while active (rounded up by the increments). */
  billedSeconds: number;
  /** Cost: final once ended, so far while active. */
  cost: Money;
  /** Credit the call holds on the wallet now. */
  reserved: Money;
  perMinute: Money;
  /** The CALL transaction of its cost, once posted. */
  transactionId: string | null;
  /** Grows with every change. */
  version: string;
}

/** Values of `CallStatus`, in schema order. */
export const CALL_STATUSES = ['ACTIVE', 'COMPLETED', 'STOPPED', 'REFUSED'] as const;
/** `CallStatus`. */
export type CallStatus = (typeof CALL_STATUSES)[number];

/** Values of `CallEndReason`, in schema order. */
export const CALL_END_REASONS = ['HANGUP', 'INSUFFICIENT_FUNDS', 'BUDGET_REACHED', 'WALLET_SUSPENDED'] as const;
/** Why a call ended or was refused. */
export type CallEndReason = (typeof CALL_END_REASONS)[number];

/** Seed 004’s pre-campaign check: what the calls would cost and whether the wallet covers it. */
export interface CampaignCostEstimate {
  currency: string;
  rate: Rate;
  /** Billed seconds of an average call (increments and minimum applied). */
  billedSecondsPerCall: number;
  costPerCall: Money;
  total: Money;
  /** The wallet’s available balance, when walletId was given. */
  available: Money | null;
  /** What is missing to cover the total (0 when covered), when walletId was given. */
  shortfall: Money | null;
  /** How many such calls the available balance covers, when walletId was given. */
  coveredCalls: number | null;
}

export interface EstimateCampaignCostInput {
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
  mode: PaymentsMode;
  /** For Stripe Elements (STRIPE mode). */
  publishableKey: string | null;
  /** SANDBOX mode: the sandbox's base URL, for its simulated 3-D Secure challenge. */
  sandboxUrl: string | null;
  /** SANDBOX mode: the test cards. */
  testCards: SandboxTestCard[];
}

/** Values of `PaymentsMode`, in schema order. */
export const PAYMENTS_MODES = ['STRIPE', 'SANDBOX'] as const;
/** STRIPE: real Stripe (test or live keys). SANDBOX: the loopback Stripe-compatible sandbox (offline). */
export type PaymentsMode = (typeof PAYMENTS_MODES)[number];

/** A test card of the offline sandbox. */
export interface SandboxTestCard {
  /** Use as paymentMethodId. */
  id: string;
  label: string;
  brand: string;
  last4: string;
  behaviour: string;
}

/** Seed 002's checkout summary: what the card is charged for a top-up, tax included. */
export interface TopUpQuote {
  walletId: string;
  currency: string;
  /** Credited to the wallet. */
  amount: Money;
  tax: Money;
  /** Percentage as a decimal string, e.g. "20", "7.25", "0". */
  taxRate: string;
  taxTreatment: TaxTreatment;
  /** e.g. "VAT 20% (United Kingdom)", "VAT reverse charge (…)". */
  taxLabel: string;
  /** Charged to the card: amount + tax. */
  total: Money;
  /** Smallest top-up in this currency. */
  minimum: Money;
}

/** Values of `TaxTreatment`, in schema order. */
export const TAX_TREATMENTS = ['UK_VAT', 'EU_VAT', 'EU_REVERSE_CHARGE', 'US_SALES_TAX', 'NONE'] as const;
/** Which tax rule applied, from the account's billing country and VAT number. */
export type TaxTreatment = (typeof TAX_TREATMENTS)[number];

/** A saved card: brand, last 4 digits and expiry only (card numbers stay with Stripe). */
export interface PaymentMethod {
  /** Stripe's PaymentMethod id. */
  id: string;
  brand: string;
  last4: string;
  expMonth: number;
  expYear: number;
  /** Used by automatic funding and pre-selected at checkout (seed 004). */
  isDefault: boolean;
  createdAt: DateTime;
}

/** Where the account is billed: decides the tax on top-ups (seed 003). */
export interface BillingProfile {
  accountId: string;
  /** ISO 3166-1 alpha-2, e.g. "GB". */
  country: string | null;
  /** US state code. */
  state: string | null;
  /** EU VAT number (normalized); exempts EU customers from VAT (reverse charge). */
  vatNumber: string | null;
  email: string | null;
}

/** Alerts newest first, Relay style. */
export interface AlertConnection {
  edges: AlertEdge[];
  pageInfo: PageInfo;
}

export interface AlertEdge {
  cursor: string;
  node: Alert;
}

/** Something about an account that people should know, raised once per cause. */
export interface Alert {
  id: string;
  /** Position in the alert feed (commit order across all accounts): resume alertRaised with afterPosition set to the last one seen. */
  position: string;
  kind: AlertKind;
  severity: AlertSeverity;
  accountId: string;
  walletId: string | null;
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
  message: string;
  raisedAt: DateTime;
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
export const ALERT_SEVERITIES = ['INFO', 'WARNING', 'CRITICAL'] as const;
/** INFO: nothing to do; WARNING: act soon; CRITICAL: service is or is about to be interrupted. */
export type AlertSeverity = (typeof ALERT_SEVERITIES)[number];

export interface Mutation {
  /** PLATFORM_ADMIN: opens a tenant with an empty wallet and an OWNER key. */
  createAccount: CreateAccountPayload;
  /** OWNER (own account, tenant roles) or PLATFORM_ADMIN. */
  createApiKey: CreateApiKeyPayload;
  /** OWNER (own account) or PLATFORM_ADMIN. Takes effect on the next request. */
  revokeApiKey: RevokeApiKeyPayload;
  /** Sends one message per recipient, all or nothing: holds the total on the wallet (and campaign); each message is charged when delivered, released when it fails or expires. INSUFFICIENT_FUNDS (reason BUDGET_REACHED for the campaign budget) writes nothing. */
  sendMessage: SendMessagePayload;
  /** A carrier's delivery report: DELIVERED charges the held price, FAILED and EXPIRED release it. A message already final is returned unchanged. */
  reportMessageDelivery: ReportMessageDeliveryPayload;
  /** An inbound SMS to one of the platform's numbers, charged to the number's wallet on arrival; refused (nothing written) when the wallet cannot pay. */
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
  /** A new campaign in DRAFT; startCampaign lets it place calls. */
  createCampaign: CreateCampaignPayload;
  /** RUNNING: calls may be placed (also resumes a stopped or paused campaign). */
  startCampaign: StartCampaignPayload;
  /** PAUSED: no new calls; calls in progress run on. */
  pauseCampaign: PauseCampaignPayload;
  /** Reserves the first increment and starts metering; a call that cannot be funded comes back REFUSED (and stops the campaign). */
  startCall: StartCallPayload;
  /** Hangs up: bills the time used (rounded by the increments) and releases the rest. An ended call comes back as it is. */
  endCall: EndCallPayload;
  /** Debits a wallet; refused whole with INSUFFICIENT_FUNDS when available does not cover it. */
  charge: ChargePayload;
  /** SUPPORT and PLATFORM_ADMIN: credit or debit any wallet with a reason. */
  adjustWallet: AdjustWalletPayload;
  /** OWNER, CAMPAIGN_MANAGER, INTEGRATOR: pays into a wallet by card. Creates a Stripe PaymentIntent for amount + tax; the wallet is credited only when Stripe confirms the payment (webhook), once. Declines come back as status FAILED with failureReason; 3-D Secure as REQUIRES_ACTION with the clientSecret. */
  topUp: TopUpPayload;
  /** Asks Stripe for the top-up's current state now (after 3-D Secure, or when the balance has not moved: seed 004) instead of waiting for the webhook. */
  refreshTopUp: TopUpPayload;
  /** OWNER, CAMPAIGN_MANAGER: saves a card through a Stripe SetupIntent (3-D Secure may be needed: REQUIRES_ACTION). */
  addPaymentMethod: AddPaymentMethodPayload;
  /** OWNER, CAMPAIGN_MANAGER: makes a saved card the default (used by automatic funding). */
  setDefaultPaymentMethod: PaymentMethodPayload;
  /** OWNER, CAMPAIGN_MANAGER: removes a saved card (detached from the Stripe Customer). */
  removePaymentMethod: PaymentMethodPayload;
  /** OWNER: auto-recharge below a threshold back to a target, from the default card, with a cooldown, daily and monthly caps, and a pause after failures. */
  setAutoRecharge: AutoRechargePayload;
  /** OWNER: a fixed top-up from the default card on a chosen day of each month (seed 002). */
  setMonthlyRecharge: AutoRechargePayload;
  /** OWNER, SUPPORT, PLATFORM_ADMIN: billing country, US state, VAT number (EU: reverse charge) and e-mail. */
  updateBillingProfile: UpdateBillingProfilePayload;
  /** SUPPORT, PLATFORM_ADMIN: refunds unused paid credit to the cards that paid it (seed 003: used funds and grants are not refundable). */
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
  /** Records who acknowledged the alert and when (once: acknowledging again returns it unchanged). */
  acknowledgeAlert: AcknowledgeAlertPayload;
  /** Replaces the wallet's low-balance thresholds (default 5 and 0 in its currency). */
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

export interface CreateAccountPayload {
  account: Account;
  wallet: Wallet;
  /** The OWNER key’s secret. Shown this once; store it now. */
  apiKey: string;
}

export interface CreateAccountInput {
  name: string;
  /** ISO 4217 code of the first wallet. Default "USD". */
  currency?: string | null;
}

export interface CreateApiKeyPayload {
  /** The secret. Shown this once; store it now. */
  apiKey: string;
  key: ApiKey;
}

export interface CreateApiKeyInput {
  /** Required for tenant roles; omitted for SUPPORT and PLATFORM_ADMIN. */
  accountId?: string | null;
  role: Role;
  name: string;
}

export interface RevokeApiKeyPayload {
  key: ApiKey;
}

export interface SendMessagePayload {
  /** One per recipient, in the order of `to`. */
  messages: Message[];
  /** Held on the wallet at send: the sum of the prices. Charged per message on delivery. */
  held: Money;
  /** True when the idempotency key already sent this request; nothing new happened. */
  replayed: boolean;
}

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

export interface ReportMessageDeliveryPayload {
  /** As it is now: a message already final is returned unchanged. */
  message: Message;
}

export interface ReportMessageDeliveryInput {
  messageId: string;
  status: MessageDeliveryStatus;
}

/** Values of `MessageDeliveryStatus`, in schema order. */
export const MESSAGE_DELIVERY_STATUSES = ['DELIVERED', 'FAILED', 'EXPIRED'] as const;
/** What a carrier's delivery report says. */
export type MessageDeliveryStatus = (typeof MESSAGE_DELIVERY_STATUSES)[number];

export interface ReceiveMessagePayload {
  message: Message;
  replayed: boolean;
}

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

export interface PurchaseNumberPayload {
  phoneNumber: PhoneNumber;
}

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

export interface ReleaseNumberPayload {
  phoneNumber: PhoneNumber;
}

export interface RefundNumberPayload {
  phoneNumber: PhoneNumber;
}

export interface CreateSubscriptionPlanPayload {
  subscriptionPlan: SubscriptionPlan;
}

export interface CreateSubscriptionPlanInput {
  name: string;
  currency: string;
  monthlyFee: Money;
  /** 0..44,640. */
  includedMinutes: number;
  overagePerMinute?: Money | null;
}

export interface PlanSubscriptionPayload {
  subscription: PlanSubscription;
}

export interface SubscribeToPlanInput {
  walletId: string;
  planId: string;
}

export interface CreateRatePlanPayload {
  ratePlan: RatePlan;
}

export interface CreateRatePlanInput {
  name: string;
  currency: string;
  rates: RateInput[];
}

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

export interface CreateCampaignPayload {
  campaign: Campaign;
}

export interface CreateCampaignInput {
  walletId: string;
  name: string;
  ratePlanId: string;
  /** Optional hard cap on spend. */
  budget?: Money | null;
  /** Let the built-in dialer simulator place its calls. Default false. */
  simulate?: boolean | null;
}

export interface StartCampaignPayload {
  campaign: Campaign;
}

export interface PauseCampaignPayload {
  campaign: Campaign;
}

export interface StartCallPayload {
  /** ACTIVE, or REFUSED with its endReason. */
  call: Call;
}

export interface StartCallInput {
  campaignId: string;
  /** E.164 destination, e.g. "+447700900123". */
  to: string;
  /** Retry-safe key per campaign: the same key returns the same call. */
  idempotencyKey?: string | null;
}

export interface EndCallPayload {
  call: Call;
}

export interface EndCallInput {
  callId: string;
}

export interface ChargePayload {
  transaction: Transaction;
  /** The wallet right after this charge (on a replay: as it is now). */
  wallet: Wallet;
  /** True when this answers a repeated idempotency key: nothing new was charged. */
  replayed: boolean;
}

export interface ChargeInput {
  walletId: string;
  /** Positive amount to debit, in the wallet currency. */
  amount: Money;
  /** What it is for (1–500 characters). Default "Charge". */
  description?: string | null;
  /** Retry-safe key, scoped to the account: the same key and parameters return the first result. */
  idempotencyKey?: string | null;
  campaignId?: string | null;
}

export interface AdjustWalletPayload {
  transaction: Transaction;
  wallet: Wallet;
  replayed: boolean;
}

export interface AdjustWalletInput {
  walletId: string;
  /** Signed: positive credits, negative debits. */
  amount: Money;
  /** Why (1–500 characters); recorded as the description. */
  reason: string;
  idempotencyKey?: string | null;
}

export interface TopUpPayload {
  topUp: TopUp;
}

export interface TopUpInput {
  walletId: string;
  /** Whole units, at least the minimum of the currency (seed 000). */
  amount: Money;
  /** A saved card id, a new PaymentMethod (Stripe Elements, or a test card such as pm_card_visa), or null for the default card (none: confirm the clientSecret in the browser). */
  paymentMethodId?: string | null;
  /** Keep the card for later top-ups and automatic funding (seed 002). Default false. */
  savePaymentMethod?: boolean | null;
  /** The same key with the same request returns the same top-up (and PaymentIntent). */
  idempotencyKey?: string | null;
}

export interface AddPaymentMethodPayload {
  status: AddCardStatus;
  setupIntentId: string;
  /** For REQUIRES_ACTION / REQUIRES_PAYMENT_METHOD: finish in the browser; the card is saved when Stripe reports success. */
  clientSecret: string | null;
  paymentMethod: PaymentMethod | null;
  failureReason: string | null;
}

/** Values of `AddCardStatus`, in schema order. */
export const ADD_CARD_STATUSES = ['SUCCEEDED', 'REQUIRES_ACTION', 'REQUIRES_PAYMENT_METHOD', 'FAILED'] as const;
/** Outcome of addCard's SetupIntent. */
export type AddCardStatus = (typeof ADD_CARD_STATUSES)[number];

export interface AddPaymentMethodInput {
  /** The account; default the caller's. */
  accountId?: string | null;
  /** A PaymentMethod to set up now; null returns a SetupIntent client secret for Stripe Elements. */
  paymentMethodId?: string | null;
  /** Make it the default card. Default false (the first card always becomes the default). */
  makeDefault?: boolean | null;
}

export interface PaymentMethodPayload {
  paymentMethod: PaymentMethod;
}

export interface AutoRechargePayload {
  autoRecharge: AutoRecharge;
}

export interface SetAutoRechargeInput {
  walletId: string;
  enabled: boolean;
  threshold: Money;
  /** At least threshold + the minimum top-up. */
  target: Money;
}

export interface SetMonthlyRechargeInput {
  walletId: string;
  enabled: boolean;
  /** 1–28. */
  dayOfMonth: number;
  /** Whole units, at least the minimum top-up. */
  amount: Money;
}

export interface UpdateBillingProfilePayload {
  billingProfile: BillingProfile;
}

export interface UpdateBillingProfileInput {
  accountId?: string | null;
  country?: string | null;
  state?: string | null;
  vatNumber?: string | null;
  email?: string | null;
}

export interface RefundUnusedCreditPayload {
  /** The REFUND debit. */
  transaction: Transaction;
  wallet: Wallet;
  refunds: CreditRefund[];
}

export interface RefundUnusedCreditInput {
  walletId: string;
  /** Credit to refund; default all that is refundable (wallet.refundable). */
  amount?: Money | null;
  reason: string;
  idempotencyKey?: string | null;
}

export interface GrantCreditPayload {
  transaction: Transaction;
  wallet: Wallet;
}

export interface GrantCreditInput {
  walletId: string;
  amount: Money;
  reason: string;
  idempotencyKey?: string | null;
}

export interface BankTransferPayload {
  bankTransfer: BankTransfer;
}

export interface RecordBankTransferInput {
  walletId: string;
  amount: Money;
  /** The transfer reference on the bank statement. */
  reference: string;
}

export interface InviteUserPayload {
  invitation: Invitation;
  /** Shown once: the invitee accepts with it. */
  token: string;
}

/** An invitation into an account; accepted at POST /auth/accept-invitation with its token. */
export interface Invitation {
  id: string;
  accountId: string;
  email: string;
  role: Role;
  expiresAt: DateTime;
}

export interface InviteUserInput {
  /** Default the caller's account. */
  accountId?: string | null;
  email: string;
  /** OWNER, CAMPAIGN_MANAGER or INTEGRATOR. */
  role: Role;
}

export interface CreateUserPayload {
  user: User;
}

export interface CreateUserInput {
  /** Null for SUPPORT and PLATFORM_ADMIN users. */
  accountId?: string | null;
  email: string;
  name: string;
  role: Role;
  /** 10 to 200 characters; stored as a scrypt hash. */
  password: string;
}

export interface AcknowledgeAlertPayload {
  alert: Alert;
}

export interface SetLowBalanceThresholdsPayload {
  wallet: Wallet;
  /** The thresholds now, highest first. */
  thresholds: Money[];
}

export interface SetLowBalanceThresholdsInput {
  walletId: string;
  /** Amounts ≥ 0 in the wallet currency, at most 10, all different; 0 is the "depleted" alert; [] turns balance alerts off. */
  thresholds: Money[];
}

export interface SetNotificationPreferencePayload {
  /** The preference as now stored. */
  preference: NotificationPreference;
  /** Every kind for the user after the change. */
  preferences: NotificationPreference[];
}

export interface SetNotificationPreferenceInput {
  kind: NotificationKind;
  /** True to receive e-mail of this kind, false to stop it. */
  email: boolean;
}

export interface CreateWebhookEndpointPayload {
  endpoint: WebhookEndpoint;
  /** The signing secret (whsec_…). Shown this once; store it now. */
  secret: string;
}

export interface CreateWebhookEndpointInput {
  /** The caller’s own account when omitted (required for PLATFORM_ADMIN). */
  accountId?: string | null;
  /** https://…, or http:// to localhost, 127.0.0.0/8 or [::1]. At most 2048 characters. */
  url: string;
  /** At least one. */
  eventTypes: WebhookEventType[];
  description?: string | null;
}

export interface WebhookEndpointPayload {
  endpoint: WebhookEndpoint;
}

/** Omitted fields stay as they are. */
export interface UpdateWebhookEndpointInput {
  id: string;
  url?: string | null;
  eventTypes?: WebhookEventType[] | null;
  description?: string | null;
  enabled?: boolean | null;
}

export interface RotateWebhookEndpointSecretPayload {
  endpoint: WebhookEndpoint;
  /** The new signing secret, in force at once. Shown this once. */
  secret: string;
}

export interface ReplayWebhookDeliveryPayload {
  delivery: WebhookDelivery;
}

export interface ReplayWebhookEventsPayload {
  /** Deliveries queued (at most 1000 per call). */
  queued: number;
}

export interface ReplayWebhookEventsInput {
  endpointId: string;
  /** Events whose cause happened at or after this time… */
  from: DateTime;
  /** …and before this one (exclusive). No upper bound when omitted. */
  to?: DateTime | null;
}

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
