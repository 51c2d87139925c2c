/**
 * The statements of card top-ups (table `top_up`), their receipts and the payment events they
 * write to the outbox. Services run them on the pool or in the transaction they own.
 */
import { sql } from '../../database/sql.js';
import type { TopUpOrigin, TopUpStatus } from './top-up-record.js';

/** Columns of `top_up t` that make a {@link TopUpRow}. */
export const TOP_UP_COLUMNS = `t.id, t.account_id, t.wallet_id, t.currency, t.origin, t.status, t.amount_micros::text,
  t.tax_micros::text, t.tax_rate_ppm::text, t.tax_label, t.total_micros::text, t.payment_intent_id, t.client_secret,
  t.payment_method_id, t.card_brand, t.card_last4, t.save_payment_method, t.idempotency_key, t.request_hash,
  t.failure_code, t.failure_reason, t.last_event_created::text, t.receipt_number, t.wallet_transaction_id,
  t.refunded_micros::text, (extract(epoch from t.created_at) * 1000)::float8 as created_at_ms,
  (extract(epoch from t.updated_at) * 1000)::float8 as updated_at_ms,
  (extract(epoch from t.succeeded_at) * 1000)::float8 as succeeded_at_ms`;

/** A `top_up` row selected with {@link TOP_UP_COLUMNS}: int8 as strings, times in epoch milliseconds. */
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

/** Amounts of a top-up's quote, in micros (`ratePpm` in parts per million). */
type QuoteParams = {
  amountMicros: bigint;
  taxMicros: bigint;
  taxRatePpm: bigint;
  taxLabel: string;
  totalMicros: bigint;
};

export const selectTopUpByIdempotencyKey = sql<TopUpRow, { accountId: string; key: string }>(
  `select ${TOP_UP_COLUMNS} from top_up t where t.account_id = :accountId and t.idempotency_key = :key`,
);

/** A row when the account's key was used by a ledger operation (not a top-up). */
export const selectLedgerIdempotencyKey = sql<{ one: number }, { accountId: string; key: string }>(
  'select 1 as one from idempotency_key where account_id = :accountId and key = :key',
);

/** A customer's top-up; no row when a concurrent request with the same key inserted first. */
export const insertManualTopUp = sql<
  TopUpRow,
  QuoteParams & {
    id: string;
    accountId: string;
    walletId: string;
    currency: string;
    paymentMethodId: string | null;
    cardBrand: string | null;
    cardLast4: string | null;
    savePaymentMethod: boolean;
    idempotencyKey: string | null;
    requestHash: string;
    nowMs: number;
  }
>(
  `insert into top_up as t (id, account_id, wallet_id, currency, origin, status, amount_micros, tax_micros, tax_rate_ppm, tax_label,
     total_micros, payment_method_id, card_brand, card_last4, save_payment_method, idempotency_key, request_hash, created_at, updated_at)
   values (:id, :accountId, :walletId, :currency, 'MANUAL', 'REQUIRES_PAYMENT_METHOD', :amountMicros, :taxMicros, :taxRatePpm, :taxLabel,
     :totalMicros, :paymentMethodId, :cardBrand, :cardLast4, :savePaymentMethod, :idempotencyKey, :requestHash,
     to_timestamp(:nowMs / 1000.0), to_timestamp(:nowMs / 1000.0))
   on conflict (account_id, idempotency_key) do nothing
   returning ${TOP_UP_COLUMNS}`,
);

/** An automatic or monthly recharge, recorded PROCESSING (it is submitted off-session at once). */
export const insertRechargeTopUp = sql<
  TopUpRow,
  QuoteParams & {
    id: string;
    accountId: string;
    walletId: string;
    currency: string;
    origin: TopUpOrigin;
    paymentMethodId: string;
    cardBrand: string;
    cardLast4: string;
    idempotencyKey: string;
    nowMs: number;
  }
>(
  `insert into top_up as t (id, account_id, wallet_id, currency, origin, status, amount_micros, tax_micros, tax_rate_ppm, tax_label,
     total_micros, payment_method_id, card_brand, card_last4, idempotency_key, created_at, updated_at)
   values (:id, :accountId, :walletId, :currency, :origin, 'PROCESSING', :amountMicros, :taxMicros, :taxRatePpm, :taxLabel, :totalMicros,
     :paymentMethodId, :cardBrand, :cardLast4, :idempotencyKey, to_timestamp(:nowMs / 1000.0), to_timestamp(:nowMs / 1000.0))
   returning ${TOP_UP_COLUMNS}`,
);

/** Records Stripe's answer to the PaymentIntent's creation, unless a Stripe event was applied already. */
export const recordPaymentIntentAnswer = sql<
  TopUpRow,
  {
    id: string;
    paymentIntentId: string;
    clientSecret: string | null;
    status: TopUpStatus;
    failureCode: string | null;
    failureReason: string | null;
    nowMs: number;
  }
>(
  // No Stripe event applied yet (last_event_created = 0): this answer is the newest news.
  `update top_up t set payment_intent_id = coalesce(t.payment_intent_id, :paymentIntentId), client_secret = :clientSecret,
      status = case when t.last_event_created = 0 and t.status not in ('SUCCEEDED', 'CANCELED') then :status else t.status end,
      failure_code = case when :status = 'FAILED' and t.last_event_created = 0 then :failureCode else t.failure_code end,
      failure_reason = case when :status = 'FAILED' and t.last_event_created = 0 then :failureReason else t.failure_reason end,
      updated_at = to_timestamp(:nowMs / 1000.0)
    where t.id = :id
    returning ${TOP_UP_COLUMNS}`,
);

/** FAILED, unless settled meanwhile (no row then). */
export const failTopUp = sql<TopUpRow, { id: string; failureCode: string; failureReason: string; nowMs: number }>(
  `update top_up t set status = 'FAILED', failure_code = :failureCode, failure_reason = :failureReason, updated_at = to_timestamp(:nowMs / 1000.0)
    where t.id = :id and t.status not in ('SUCCEEDED', 'CANCELED') returning ${TOP_UP_COLUMNS}`,
);

/** FAILED for a top-up that never reached Stripe (no PaymentIntent), unless settled meanwhile. */
export const failUnsubmittedTopUp = sql<TopUpRow, { id: string; failureCode: string; failureReason: string; nowMs: number }>(
  `update top_up t set status = 'FAILED', failure_code = :failureCode, failure_reason = :failureReason, updated_at = to_timestamp(:nowMs / 1000.0)
    where t.id = :id and t.payment_intent_id is null and t.status not in ('SUCCEEDED', 'CANCELED')
    returning ${TOP_UP_COLUMNS}`,
);

/** Locks the top-up of a PaymentIntent (by its id, or by our top-up id from its metadata before the intent was recorded). */
export const lockTopUpOfPaymentIntent = sql<TopUpRow, { paymentIntentId: string; topUpId: string | null }>(
  `select ${TOP_UP_COLUMNS} from top_up t
    where t.payment_intent_id = :paymentIntentId
       or (t.id = :topUpId::uuid and (t.payment_intent_id is null or t.payment_intent_id = :paymentIntentId))
    for update`,
);

/** Applies a PaymentIntent state other than success. */
export const updateTopUpState = sql<
  TopUpRow,
  {
    id: string;
    status: TopUpStatus;
    paymentIntentId: string;
    failureCode: string | null;
    failureReason: string | null;
    eventCreated: number;
    nowMs: number;
  }
>(
  `update top_up t set status = :status, payment_intent_id = coalesce(t.payment_intent_id, :paymentIntentId),
      failure_code = case when :status = 'FAILED' then :failureCode else t.failure_code end,
      failure_reason = case when :status = 'FAILED' then :failureReason else t.failure_reason end,
      last_event_created = greatest(t.last_event_created, :eventCreated), updated_at = to_timestamp(:nowMs / 1000.0)
    where t.id = :id returning ${TOP_UP_COLUMNS}`,
);

/** The next receipt number, `SW-<year>-<8 digits>`. */
export const nextReceiptNumber = sql<{ receipt_number: string }, { nowMs: number }>(
  `select 'SW-' || to_char(to_timestamp(:nowMs / 1000.0) at time zone 'UTC', 'YYYY') || '-' || lpad(nextval('receipt_number_seq')::text, 8, '0')
     as receipt_number`,
);

/** SUCCEEDED with its credit and receipt. */
export const markTopUpSucceeded = sql<
  TopUpRow,
  {
    id: string;
    paymentIntentId: string;
    walletTransactionId: string;
    receiptNumber: string;
    cardBrand: string | null;
    cardLast4: string | null;
    paymentMethodId: string | null;
    eventCreated: number;
    nowMs: number;
  }
>(
  `update top_up t set status = 'SUCCEEDED', payment_intent_id = coalesce(t.payment_intent_id, :paymentIntentId),
      wallet_transaction_id = :walletTransactionId, receipt_number = :receiptNumber, failure_code = null, failure_reason = null,
      card_brand = coalesce(:cardBrand, t.card_brand), card_last4 = coalesce(:cardLast4, t.card_last4),
      payment_method_id = coalesce(:paymentMethodId, t.payment_method_id),
      last_event_created = greatest(t.last_event_created, :eventCreated), updated_at = to_timestamp(:nowMs / 1000.0),
      succeeded_at = to_timestamp(:nowMs / 1000.0)
    where t.id = :id returning ${TOP_UP_COLUMNS}`,
);

/** Top-ups still waiting for Stripe's word a while after their last change, oldest change first. */
export const selectTopUpsToReconcile = sql<TopUpRow, { changedBeforeMs: number; createdAfterMs: number; limit: number }>(
  `select ${TOP_UP_COLUMNS} from top_up t
    where t.status in ('PROCESSING', 'REQUIRES_ACTION') and t.payment_intent_id is not null
      and t.updated_at <= to_timestamp(:changedBeforeMs / 1000.0) and t.created_at >= to_timestamp(:createdAfterMs / 1000.0)
    order by t.updated_at limit :limit`,
);

/** A top-up within `scope` (an account id; null for every tenant). */
export const selectTopUp = sql<TopUpRow, { id: string; scope: string | null }>(
  `select ${TOP_UP_COLUMNS} from top_up t where t.id = :id and (:scope::uuid is null or t.account_id = :scope::uuid)`,
);

/** A wallet's top-ups, newest first. */
export const selectWalletTopUps = sql<TopUpRow, { walletId: string; first: number }>(
  `select ${TOP_UP_COLUMNS} from top_up t where t.wallet_id = :walletId order by t.created_at desc, t.id desc limit :first`,
);

/** The first top-ups (newest first) of each wallet, a lateral join per wallet. */
export const selectTopUpsOfWallets = sql<TopUpRow & { batch_wallet_id: string }, { walletIds: readonly string[]; first: number }>(
  `select w.id as batch_wallet_id, x.* from unnest(:walletIds::uuid[]) as w(id)
     cross join lateral (
       select ${TOP_UP_COLUMNS}, row_number() over (order by t.created_at desc, t.id desc) as batch_position
         from top_up t where t.wallet_id = w.id order by t.created_at desc, t.id desc limit :first) x
    order by w.id, x.batch_position`,
);

/** A payment event in the outbox (for alerts, e-mails and integrators' webhooks), in the caller's transaction. */
export const insertPaymentEvent = sql<never, { accountId: string; walletId: string; kind: string; topUpId: string | null }>(
  `insert into outbox_event (type, account_id, wallet_id, payment_event, top_up_id) values ('PAYMENT_EVENT', :accountId, :walletId, :kind, :topUpId)`,
);
