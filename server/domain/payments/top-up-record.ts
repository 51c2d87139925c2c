import type Stripe from 'stripe';

/** Where a top-up stands; mirrors the PaymentIntent's status, with FAILED for a declined attempt. */
export type TopUpStatus = 'REQUIRES_PAYMENT_METHOD' | 'REQUIRES_ACTION' | 'PROCESSING' | 'SUCCEEDED' | 'FAILED' | 'CANCELED';

/** Who started a top-up. */
export type TopUpOrigin = 'MANUAL' | 'AUTO_RECHARGE' | 'MONTHLY_RECHARGE';

/** Statuses after which nothing changes any more. FAILED is not one: Stripe lets a declined PaymentIntent be confirmed again. */
export const SETTLED_TOP_UP_STATUSES: readonly TopUpStatus[] = ['SUCCEEDED', 'CANCELED'];

/** A card top-up and its PaymentIntent. */
export interface TopUpRecord {
  id: string;
  accountId: string;
  walletId: string;
  currency: string;
  origin: TopUpOrigin;
  status: TopUpStatus;
  amountMicros: bigint;
  taxMicros: bigint;
  taxRatePpm: bigint;
  taxLabel: string;
  totalMicros: bigint;
  paymentIntentId: string | null;
  clientSecret: string | null;
  paymentMethodId: string | null;
  cardBrand: string | null;
  cardLast4: string | null;
  savePaymentMethod: boolean;
  idempotencyKey: string | null;
  requestHash: string | null;
  failureCode: string | null;
  failureReason: string | null;
  lastEventCreated: number;
  receiptNumber: string | null;
  walletTransactionId: string | null;
  refundedMicros: bigint;
  createdAt: Date;
  updatedAt: Date;
  succeededAt: Date | null;
}

/** Columns of `top_up t` that {@link toTopUp} reads. */
export const TOP_UP_COLUMNS = `t.id, t.account_id, t.wallet_id, t.currency, t.origin, t.status, t.amount_micros::text,
  t.tax_micros::text, t.tax_rate_ppm::text, t.tax_label, t.total_micros::text, t.payment_intent_id, t.client_secret,
  t.payment_method_id, t.card_brand, t.card_last4, t.save_payment_method, t.idempotency_key, t.request_hash,
  t.failure_code, t.failure_reason, t.last_event_created::text, t.receipt_number, t.wallet_transaction_id,
  t.refunded_micros::text, (extract(epoch from t.created_at) * 1000)::float8 as created_at_ms,
  (extract(epoch from t.updated_at) * 1000)::float8 as updated_at_ms,
  (extract(epoch from t.succeeded_at) * 1000)::float8 as succeeded_at_ms`;

/** A row selected with {@link TOP_UP_COLUMNS}. */
export interface TopUpRow {
  id: string;
  account_id: string;
  wallet_id: string;
  currency: string;
  origin: TopUpOrigin;
  status: TopUpStatus;
  amount_micros: string;
  tax_micros: string;
  tax_rate_ppm: string;
  tax_label: string;
  total_micros: string;
  payment_intent_id: string | null;
  client_secret: string | null;
  payment_method_id: string | null;
  card_brand: string | null;
  card_last4: string | null;
  save_payment_method: boolean;
  idempotency_key: string | null;
  request_hash: string | null;
  failure_code: string | null;
  failure_reason: string | null;
  last_event_created: string;
  receipt_number: string | null;
  wallet_transaction_id: string | null;
  refunded_micros: string;
  created_at_ms: number;
  updated_at_ms: number;
  succeeded_at_ms: number | null;
}

export function toTopUp(row: TopUpRow): TopUpRecord {
  return {
    id: row.id,
    accountId: row.account_id,
    walletId: row.wallet_id,
    currency: row.currency,
    origin: row.origin,
    status: row.status,
    amountMicros: BigInt(row.amount_micros),
    taxMicros: BigInt(row.tax_micros),
    taxRatePpm: BigInt(row.tax_rate_ppm),
    taxLabel: row.tax_label,
    totalMicros: BigInt(row.total_micros),
    paymentIntentId: row.payment_intent_id,
    clientSecret: row.client_secret,
    paymentMethodId: row.payment_method_id,
    cardBrand: row.card_brand,
    cardLast4: row.card_last4,
    savePaymentMethod: row.save_payment_method,
    idempotencyKey: row.idempotency_key,
    requestHash: row.request_hash,
    failureCode: row.failure_code,
    failureReason: row.failure_reason,
    lastEventCreated: Number(row.last_event_created),
    receiptNumber: row.receipt_number,
    walletTransactionId: row.wallet_transaction_id,
    refundedMicros: BigInt(row.refunded_micros),
    createdAt: new Date(row.created_at_ms),
    updatedAt: new Date(row.updated_at_ms),
    succeededAt: row.succeeded_at_ms === null ? null : new Date(row.succeeded_at_ms),
  };
}

/** The status a top-up takes from its PaymentIntent. A succeeded one stays PROCESSING until Stripe's webhook credits it. */
export function topUpStatusOf(paymentIntent: Stripe.PaymentIntent, forCredit: boolean): TopUpStatus {
  switch (paymentIntent.status) {
    case 'succeeded':
      return forCredit ? 'SUCCEEDED' : 'PROCESSING';
    case 'processing':
    case 'requires_capture':
      return 'PROCESSING';
    case 'requires_action':
      return 'REQUIRES_ACTION';
    case 'canceled':
      return 'CANCELED';
    case 'requires_payment_method':
      return paymentIntent.last_payment_error ? 'FAILED' : 'REQUIRES_PAYMENT_METHOD';
    default:
      return 'REQUIRES_PAYMENT_METHOD';
  }
}
