/** The statements of refunds of unused credit to cards (table `top_up_refund`) and of what is refundable. */
import { sql } from '../../database/sql.js';
import { availableMicrosSql } from '../wallets/credit.js';

/** Columns of `top_up_refund r join top_up t` that make a {@link RefundRow}. */
const REFUND_COLUMNS = `r.id, r.top_up_id, r.wallet_id, t.payment_intent_id, r.amount_micros::text, r.card_amount_micros::text, r.status,
  r.stripe_refund_id, r.failure_reason, r.wallet_transaction_id, (extract(epoch from r.created_at) * 1000)::float8 as created_at_ms`;

/** A `top_up_refund` row with its top-up's PaymentIntent: int8 as strings, times in epoch milliseconds. */
export interface RefundRow {
  id: string;
  top_up_id: string;
  wallet_id: string;
  payment_intent_id: string;
  amount_micros: string;
  card_amount_micros: string;
  status: 'PENDING' | 'SUCCEEDED' | 'FAILED';
  stripe_refund_id: string | null;
  failure_reason: string | null;
  wallet_transaction_id: string;
  created_at_ms: number;
}

/** The sums a wallet's refundable credit is computed from, in micros (as strings). */
export interface RefundableSumsRow {
  id: string;
  balance: string;
  available: string;
  paid_card: string;
  paid_bank: string;
  non_paid: string;
}

export const selectRefundableSums = sql<RefundableSumsRow, { walletIds: readonly string[] }>(
  `select w.id, w.balance_micros::text as balance, ${availableMicrosSql('w')}::text as available,
     (select coalesce(sum(amount_micros - refunded_micros), 0) from top_up where wallet_id = w.id and status = 'SUCCEEDED')::text as paid_card,
     (select coalesce(sum(amount_micros), 0) from bank_transfer where wallet_id = w.id and status = 'COMPLETED')::text as paid_bank,
     (select coalesce(sum(amount_micros), 0) from wallet_transaction
       where wallet_id = w.id and type = 'CREDIT' and kind in ('GRANT', 'ADJUSTMENT'))::text as non_paid
     from wallet w where w.id = any(:walletIds::uuid[])`,
);

export const lockRefundWallet = sql<{ account_id: string; currency: string }, { walletId: string }>(
  'select account_id, currency from wallet where id = :walletId for no key update',
);

/** What the account's idempotency key recorded, if it was used. */
export const selectIdempotencyRecord = sql<
  { request_hash: string; operation: string; wallet_transaction_id: string },
  { accountId: string; key: string }
>('select request_hash, operation, wallet_transaction_id from idempotency_key where account_id = :accountId and key = :key');

/** The posting records its own request hash; a refund's replay compares the refund's. */
export const setIdempotencyRequestHash = sql<never, { accountId: string; key: string; requestHash: string }>(
  'update idempotency_key set request_hash = :requestHash where account_id = :accountId and key = :key',
);

/** The wallet's succeeded top-ups with credit left to refund, newest first, locked. */
export const lockRefundableTopUps = sql<
  { id: string; amount_micros: string; total_micros: string; refunded_micros: string },
  { walletId: string }
>(
  `select id, amount_micros::text, total_micros::text, refunded_micros::text from top_up
    where wallet_id = :walletId and status = 'SUCCEEDED' and refunded_micros < amount_micros
    order by succeeded_at desc, id for update`,
);

export const setTopUpRefunded = sql<never, { id: string; refundedMicros: bigint }>(
  'update top_up set refunded_micros = :refundedMicros where id = :id',
);

export const insertRefund = sql<
  never,
  {
    id: string;
    topUpId: string;
    walletId: string;
    amountMicros: bigint;
    cardAmountMicros: bigint;
    walletTransactionId: string;
    reason: string;
    actor: string;
    nowMs: number;
  }
>(
  `insert into top_up_refund (id, top_up_id, wallet_id, amount_micros, card_amount_micros, status, wallet_transaction_id, reason, actor, created_at, updated_at)
   values (:id, :topUpId, :walletId, :amountMicros, :cardAmountMicros, 'PENDING', :walletTransactionId, :reason, :actor,
     to_timestamp(:nowMs / 1000.0), to_timestamp(:nowMs / 1000.0))`,
);

/** The card refunds of one refund of credit (its wallet transaction), newest top-up first. */
export const selectRefundsOfTransaction = sql<RefundRow, { walletTransactionId: string }>(
  `select ${REFUND_COLUMNS} from top_up_refund r join top_up t on t.id = r.top_up_id where r.wallet_transaction_id = :walletTransactionId
    order by t.succeeded_at desc, r.id`,
);

/** A wallet's card refunds, newest first. */
export const selectWalletRefunds = sql<RefundRow, { walletId: string; first: number }>(
  `select ${REFUND_COLUMNS} from top_up_refund r join top_up t on t.id = r.top_up_id where r.wallet_id = :walletId
    order by r.created_at desc, r.id limit :first`,
);

/** The first card refunds (newest first) of each wallet, a lateral join per wallet. */
export const selectRefundsOfWallets = sql<RefundRow & { batch_wallet_id: string }, { walletIds: readonly string[]; first: number }>(
  `select w.id as batch_wallet_id, x.* from unnest(:walletIds::uuid[]) as w(id)
     cross join lateral (
       select ${REFUND_COLUMNS}, row_number() over (order by r.created_at desc, r.id) as batch_position
         from top_up_refund r join top_up t on t.id = r.top_up_id where r.wallet_id = w.id order by r.created_at desc, r.id limit :first) x
    order by w.id, x.batch_position`,
);

/** SUCCEEDED at Stripe, unless already settled (no row then); returns the account to notify. */
export const markRefundSucceeded = sql<{ account_id: string }, { id: string; stripeRefundId: string; nowMs: number }>(
  `update top_up_refund r set status = 'SUCCEEDED', stripe_refund_id = :stripeRefundId, updated_at = to_timestamp(:nowMs / 1000.0)
     from top_up t where r.id = :id and r.status = 'PENDING' and t.id = r.top_up_id returning t.account_id`,
);

export const lockRefund = sql<{ status: string; account_id: string }, { id: string }>(
  'select r.status, t.account_id from top_up_refund r join top_up t on t.id = r.top_up_id where r.id = :id for update of r',
);

export const restoreTopUpRefundable = sql<never, { id: string; amountMicros: bigint }>(
  'update top_up set refunded_micros = refunded_micros - :amountMicros where id = :id',
);

export const markRefundFailed = sql<never, { id: string; failureReason: string; reversalTransactionId: string; nowMs: number }>(
  `update top_up_refund set status = 'FAILED', failure_reason = :failureReason, reversal_transaction_id = :reversalTransactionId,
     updated_at = to_timestamp(:nowMs / 1000.0) where id = :id`,
);

/** PENDING refunds unchanged since `changedBeforeMs`, oldest first. */
export const selectPendingRefunds = sql<RefundRow, { changedBeforeMs: number; limit: number }>(
  `select ${REFUND_COLUMNS} from top_up_refund r join top_up t on t.id = r.top_up_id
    where r.status = 'PENDING' and r.updated_at <= to_timestamp(:changedBeforeMs / 1000.0) order by r.created_at limit :limit`,
);
