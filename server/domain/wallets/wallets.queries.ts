/**
 * Every statement of the wallets area but the posting statement (post-wallet-transaction.ts,
 * hand-written on purpose: see there), with the types of its rows. Services run them; int8 comes
 * back as decimal strings and times as epoch milliseconds, which the record mappers convert.
 */
import { sql } from '../../database/sql.js';
import type { TransactionKind, TransactionStatus, TransactionType } from './transaction-enums.js';

/** A wallet row as {@link WALLET_COLUMNS} selects it (from a wallet aliased `w`). */
export interface WalletRow {
  id: string;
  account_id: string;
  currency: string;
  balance_micros: string;
  reserved_micros: string;
  last_sequence: string;
  created_at_ms: number;
  updated_at_ms: number;
}

/** The columns of a {@link WalletRow}, from a wallet aliased `w`. */
export const WALLET_COLUMNS = `w.id, w.account_id, w.currency, w.balance_micros::text, w.reserved_micros::text, w.last_sequence::text,
  (extract(epoch from w.created_at) * 1000)::float8 as created_at_ms, (extract(epoch from w.updated_at) * 1000)::float8 as updated_at_ms`;

/** Select expression for {@link WalletTransactionRow.created_at_ms} from a wallet_transaction aliased `t`. */
export const WALLET_TRANSACTION_CREATED_AT_MS = '(extract(epoch from t.created_at) * 1000)::float8 as created_at_ms';

/**
 * A wallet_transaction row (`t.*` and {@link WALLET_TRANSACTION_CREATED_AT_MS}): int8 as decimal
 * strings, the time as epoch milliseconds (`created_at` itself, as text, is not read).
 */
export interface WalletTransactionRow {
  id: string;
  wallet_id: string;
  account_id: string;
  sequence: string;
  type: TransactionType;
  kind: TransactionKind;
  status: TransactionStatus;
  amount_micros: string;
  balance_before_micros: string;
  balance_after_micros: string;
  description: string;
  payment_intent_id: string | null;
  idempotency_key: string | null;
  campaign_id: string | null;
  actor: string;
  created_at_ms: number;
}

/**
 * The columns of a {@link WalletTransactionRow}, from a wallet_transaction aliased `t`: named, not
 * `t.*`, because the row also holds what no reader of it parses (its time as text, and the journal's
 * platform leg of Migration20261208140000), on hot reads (the outbox tail reads one per event).
 */
export const WALLET_TRANSACTION_COLUMNS = `t.id, t.wallet_id, t.account_id, t.sequence, t.type, t.kind, t.status, t.amount_micros,
  t.balance_before_micros, t.balance_after_micros, t.description, t.payment_intent_id, t.idempotency_key, t.campaign_id,
  t.actor, ${WALLET_TRANSACTION_CREATED_AT_MS}`;

/** A wallet by id, within a tenant (`accountScope`) or any (null). */
export const selectWallet = sql<WalletRow, { walletId: string; accountScope: string | null }>(
  `select ${WALLET_COLUMNS} from wallet w where w.id = :walletId and (:accountScope::uuid is null or w.account_id = :accountScope::uuid)`,
);

/** The wallets of these ids that exist (any tenant: the caller compares accounts), in no order. */
export const selectWalletsByIds = sql<WalletRow, { walletIds: readonly string[] }>(
  `select ${WALLET_COLUMNS} from wallet w where w.id = any(:walletIds::uuid[])`,
);

/** The idempotency records of these keys within the account, in no order. */
export const selectIdempotencyRecordsOfAccount = sql<
  { key: string; operation: string; request_hash: string; wallet_transaction_id: string },
  { accountId: string; keys: readonly string[] }
>(
  `select k.key, k.operation, k.request_hash, k.wallet_transaction_id from idempotency_key k
    where k.account_id = :accountId and k.key = any(:keys::text[])`,
);

/** Every wallet of an account, oldest first. */
export const selectAccountWallets = sql<WalletRow, { accountId: string }>(
  `select ${WALLET_COLUMNS} from wallet w where w.account_id = :accountId order by w.created_at asc, w.id asc`,
);

/** Opens an empty wallet. */
export const insertWallet = sql<WalletRow, { id: string; accountId: string; currency: string; createdAt: Date }>(
  `insert into wallet as w (id, account_id, currency, balance_micros, reserved_micros, last_sequence, created_at, updated_at)
   values (:id, :accountId, :currency, 0, 0, 0, :createdAt, :createdAt) returning ${WALLET_COLUMNS}`,
);

/** The lifecycle state (and the name shown) of many wallets. */
export const selectWalletLifecycles = sql<
  { id: string; status: 'ACTIVE' | 'SUSPENDED'; suspended_at_ms: number | null; name: string | null },
  { walletIds: readonly string[] }
>(
  'select id, status, (extract(epoch from suspended_at) * 1000)::float8 as suspended_at_ms, name from wallet where id = any(:walletIds::uuid[])',
);

/** One wallet transaction by id. */
export const selectWalletTransaction = sql<WalletTransactionRow, { transactionId: string }>(
  `select ${WALLET_TRANSACTION_COLUMNS} from wallet_transaction t where t.id = :transactionId`,
);

/** Filters of a page of transactions; null leaves a filter out. */
export type WalletTransactionFilterParams = {
  beforeSequence: bigint | null;
  type: TransactionType | null;
  kind: TransactionKind | null;
  status: TransactionStatus | null;
  from: Date | null;
  to: Date | null;
  campaignId: string | null;
};

/**
 * The same page of each of many wallets, newest first: a lateral join walks each wallet's
 * (wallet_id, sequence) index for at most `rowsMax` rows. Unprepared, so PostgreSQL plans it with
 * the values and drops the filters that are null.
 */
export const selectWalletsTransactionsPage = sql<
  WalletTransactionRow,
  WalletTransactionFilterParams & { walletIds: readonly string[]; rowsMax: number }
>(
  `select ${WALLET_TRANSACTION_COLUMNS}
     from unnest(:walletIds::uuid[]) as w(id)
     cross join lateral (
       select * from wallet_transaction t
        where t.wallet_id = w.id and (:beforeSequence::bigint is null or t.sequence < :beforeSequence::bigint)
          and (:type::text is null or t.type = :type::text) and (:kind::text is null or t.kind = :kind::text)
          and (:status::text is null or t.status = :status::text)
          and (:from::timestamptz is null or t.created_at >= :from::timestamptz) and (:to::timestamptz is null or t.created_at < :to::timestamptz)
          and (:campaignId::uuid is null or t.campaign_id = :campaignId::uuid)
        order by t.sequence desc
        limit :rowsMax) t
    order by t.wallet_id, t.sequence desc`,
);

/** A row of {@link selectTransactionsForExport}. */
export interface ExportTransactionRow {
  id: string;
  sequence: string;
  created_at: string;
  type: string;
  kind: string;
  status: string;
  amount_micros: string;
  balance_before_micros: string;
  balance_after_micros: string;
  currency: string;
  description: string;
  payment_intent_id: string | null;
  campaign_id: string | null;
}

/** A batch of a wallet's transactions for the CSV export, newest first, before a sequence. */
export const selectTransactionsForExport = sql<ExportTransactionRow, WalletTransactionFilterParams & { walletId: string; rowsMax: number }>(
  `select t.id, t.sequence::text, to_char(t.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as created_at, t.type, t.kind,
          t.status, t.amount_micros::text, t.balance_before_micros::text, t.balance_after_micros::text, w.currency, t.description,
          t.payment_intent_id, t.campaign_id
     from wallet_transaction t join wallet w on w.id = t.wallet_id
    where t.wallet_id = :walletId and (:beforeSequence::bigint is null or t.sequence < :beforeSequence::bigint)
      and (:type::text is null or t.type = :type::text) and (:kind::text is null or t.kind = :kind::text)
      and (:status::text is null or t.status = :status::text)
      and (:from::timestamptz is null or t.created_at >= :from::timestamptz) and (:to::timestamptz is null or t.created_at < :to::timestamptz)
      and (:campaignId::uuid is null or t.campaign_id = :campaignId::uuid)
    order by t.sequence desc limit :rowsMax`,
);

/** The idempotency record of a key in the wallet's account. */
export const selectIdempotencyRecord = sql<
  { operation: string; request_hash: string; wallet_transaction_id: string },
  { walletId: string; key: string }
>(
  `select k.operation, k.request_hash, k.wallet_transaction_id
     from idempotency_key k join wallet w on w.account_id = k.account_id
    where w.id = :walletId and k.key = :key`,
);

/** Whether a key is on record in the wallet's account, within a tenant (`accountScope`) or any (null). */
export const selectIdempotencyKeyRecorded = sql<{ recorded: number }, { walletId: string; key: string; accountScope: string | null }>(
  `select 1 as recorded from idempotency_key k join wallet w on w.account_id = k.account_id
    where w.id = :walletId and k.key = :key and (:accountScope::uuid is null or w.account_id = :accountScope::uuid)`,
);

/**
 * Of several postings (wallet, idempotency key, tenant scope — null: any — each), those whose key is on
 * record in their wallet's account, as {@link selectIdempotencyKeyRecorded} asks of one: the posting's
 * 1-based position and the transaction the key recorded.
 */
export const selectIdempotencyKeysRecorded = sql<
  { position: number; wallet_transaction_id: string },
  { walletIds: string[]; keys: string[]; accountScopes: (string | null)[] }
>(
  `select u.position::int as position, k.wallet_transaction_id
     from unnest(:walletIds::uuid[], :keys::text[], :accountScopes::uuid[]) with ordinality as u(wallet_id, key, account_scope, position)
     join wallet w on w.id = u.wallet_id and (u.account_scope is null or w.account_id = u.account_scope)
     join idempotency_key k on k.account_id = w.account_id and k.key = u.key`,
);

/** A wallet with its lifecycle status, within a tenant (`accountScope`) or any (null). */
export const selectWalletState = sql<WalletRow & { status: string }, { walletId: string; accountScope: string | null }>(
  `select ${WALLET_COLUMNS}, w.status from wallet w where w.id = :walletId and (:accountScope::uuid is null or w.account_id = :accountScope::uuid)`,
);
