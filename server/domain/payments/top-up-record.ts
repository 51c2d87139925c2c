import type Stripe from 'stripe';
import type { TopUpRow } from './top-ups.queries.js';

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

/** Converts a `top_up` row: bigint money, Date times. */
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
