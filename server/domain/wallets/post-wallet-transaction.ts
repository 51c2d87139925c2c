import { createHash, randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import pg from 'pg';
import { poolOf, transaction, type SqlTransaction } from '../../database/sql.js';
import { StatementBatcher, transpose, type PreparedStatement, type StatementBatchLimits } from '../../database/statement-batcher.js';
import { POSTING_BATCH_LIMITS_DEFAULT } from '../../config.js';
import { assert, BadUserInputError, IdempotencyKeyReusedError, InsufficientFundsError, NotFoundError } from '../../errors.js';
import type { Principal } from '../accounts/principal.js';
import type { AuditAction } from '../audit/audit-action.js';
import { recordAudit, type AuditState } from '../audit/record-audit.js';
import { isUuid, randomUuids } from '../ids.js';
import { formatMoney } from './money.js';
import { TransactionStatus, TransactionType, type PlatformAccountCode, type TransactionKind } from './transaction-enums.js';
import { SpendCapBook } from '../spend-caps/spend-cap-book.js';
import { publishSpendCapReached } from '../spend-caps/spend-cap-alerts.js';
import { spendCapReachedError } from '../spend-caps/spend-cap-refusal.js';
import { availableMicros } from './credit.js';
import { toWalletRecord, type WalletRecord } from './wallet-record.js';
import { toWalletTransactionRecord, type WalletTransactionRecord } from './wallet-transaction-record.js';
import {
  selectIdempotencyKeyRecorded,
  selectIdempotencyKeysRecorded,
  selectIdempotencyRecord,
  selectIdempotencyRecordsOfAccount,
  selectWallet,
  selectWalletsByIds,
  selectWalletTransaction,
} from './wallets.queries.js';

/**
 * Hand-written on purpose, outside the one SQL helper (database/sql.ts): this is the hottest money
 * statement, prepared by name with positional parameters, and run for many callers at once by the
 * posting batcher (database/statement-batcher.ts, group commit). Every other statement of the
 * wallets area is in wallets.queries.ts.
 *
 * Posts one completed wallet movement as ONE SQL statement: the balance check, the debit or
 * credit, the next per-wallet sequence number, the customer-facing transaction row (which is the
 * journal's transaction and holds both its legs: the wallet's and the platform account's), the
 * idempotency record, the outbox row and, for a charge on a capped wallet or account, the daily and monthly spend caps' check and count (their rows are locked after the
 * wallet's, and only when a cap applies). One statement means one atomic
 * step under the wallet's row lock, held only for the statement and its commit (no application
 * round trip in between), and no read-then-write race.
 *
 * Parameters $1..$16, in order: transaction id, wallet id, tenant scope (null = any tenant), signed delta
 * in micros, wallet balance cap in micros, kind, counterparty platform account code,
 * description, campaign id, actor, idempotency key, operation name, request hash, the
 * reservation to release in the same step, in micros (0 for none: a call's cost is posted
 * together with the release of the credit it held), the Stripe PaymentIntent id (null but
 * for a card top-up), and the time whose local day and month a charge counts in for the spend caps
 * (the services' clock; null: the database's `now()`).
 * Returns a {@link PostedRow} (what the posting made that its caller did not give: the transaction's
 * sequence and balance after, the wallet's account and state right after it, the time), or no row
 * when the wallet is absent, outside the scope, short of funds, would exceed the balance cap, or a
 * spend cap refuses the charge. The request hash ($13) is read only with an idempotency key ($11):
 * null without one. Exported
 * so the benchmark runs the very same statement as raw SQL.
 */
export const POST_WALLET_TRANSACTION: PreparedStatement = {
  name: 'spendwire_post_wallet_transaction',
  text: postingStatement(
    `
  select $1::uuid as transaction_id, $2::uuid as wallet_id, $3::uuid as account_scope,
           $4::bigint as delta_micros, $5::bigint as balance_micros_max, $6::text as kind,
           $7::text as counterparty, $8::text as description, $9::uuid as campaign_id, $10::text as actor,
           $11::text as idempotency_key, $12::text as operation, $13::text as request_hash,
           $14::bigint as reserved_release_micros, $15::text as payment_intent_id, $16::timestamptz as at`,
    { inOrder: false },
  ),
};

/**
 * {@link POST_WALLET_TRANSACTION} for many postings in one statement and one commit: parameter
 * $k is the array of every posting's k-th value. Postings may name the same wallet any number of
 * times: they are applied in the order given, each checked against its wallet's running balance
 * (a refused one consumes nothing and later ones may still pass), each with its own sequence
 * number, transaction and idempotency record, and answered by its own row (matched
 * by transaction id) or none. The wallets are locked in id order before any is read, and each is
 * updated once with its final state (`spendwire_post_in_order`, Migration20261207140000). A wallet's
 postings of one statement share one outbox row (one per run of equal reserved credit).
 */
export const POST_WALLET_TRANSACTIONS: PreparedStatement = {
  name: 'spendwire_post_wallet_transactions_in_order',
  text: postingStatement(
    `
  select * from unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::bigint[], $5::bigint[], $6::text[], $7::text[],
                       $8::text[], $9::uuid[], $10::text[], $11::text[], $12::text[], $13::text[], $14::bigint[], $15::text[],
                       $16::timestamptz[])
      as t(transaction_id, wallet_id, account_scope, delta_micros, balance_micros_max, kind, counterparty,
           description, campaign_id, actor, idempotency_key, operation, request_hash, reserved_release_micros,
           payment_intent_id, at)`,
    { inOrder: true },
  ),
};

/**
 * The posting statement over `input`: a query yielding the postings' parameters as named columns.
 * Alone (`inOrder` false), one posting is checked and applied on its wallet's row by one UPDATE.
 * In order (many postings), `spendwire_post_in_order` locks their wallets in id order (the order
 * the billing clock's batch locks them in, so that a batch and the clock, or two batches, can never
 * each hold a wallet the other waits for), applies them one after another against each wallet's
 * running state and updates each wallet once.
 */
function postingStatement(input: string, options: { inOrder: boolean }): string {
  return `
with input as (${input}
),
posted as ${
    options.inOrder
      ? `materialized (
  select * from spendwire_post_in_order($1::uuid[], $2::uuid[], $3::uuid[], $4::bigint[], $5::bigint[], $14::bigint[])
),`
      : `(
  update wallet w
     set balance_micros = w.balance_micros + i.delta_micros,
         reserved_micros = w.reserved_micros - i.reserved_release_micros,
         last_sequence = w.last_sequence + 1,
         updated_at = now()
    from input i
   where w.id = i.wallet_id
     and (i.account_scope is null or w.account_id = i.account_scope)
     and w.reserved_micros >= i.reserved_release_micros
     and w.balance_micros - (w.reserved_micros - i.reserved_release_micros) + i.delta_micros >= 0
     and w.balance_micros + i.delta_micros <= i.balance_micros_max
  returning i.transaction_id, w.id as wallet_id, w.account_id, w.currency, w.last_sequence as sequence,
            w.balance_micros - i.delta_micros as balance_before_micros, w.balance_micros as balance_after_micros,
            w.reserved_micros as wallet_reserved_micros, w.created_at as wallet_created_at,
            w.updated_at as wallet_updated_at, w.spend_capped
),`
  }
counted as (
  -- A charge on a wallet with a spend cap (its own, or its account's in its currency: the wallet's
  -- flag says so, read under its row lock) is counted on those caps, after the debit: the function
  -- locks them (after the wallets, the house's order) and raises SQLSTATE SW001 when one
  -- would pass its cap, which undoes the whole statement. Uncapped wallets never call it.
  select spendwire_count_spend(array_agg(p.wallet_id), array_agg(-i.delta_micros - i.reserved_release_micros), max(coalesce(i.at, now())))
    from posted p join input i using (transaction_id)
   where p.spend_capped and i.kind = 'CHARGE' and -i.delta_micros - i.reserved_release_micros > 0
  having count(*) > 0
),
remembered as (
  -- A key goes with its request hash unless its caller's own transaction makes the posting happen once
  -- (idempotencyRecord false): then it is written on the transaction only, and no record is made.
  insert into idempotency_key (account_id, key, operation, request_hash, wallet_transaction_id, created_at)
  select p.account_id, i.idempotency_key, i.operation, i.request_hash, i.transaction_id, now()
    from posted p join input i using (transaction_id)
   where i.idempotency_key is not null and i.request_hash is not null
),
inserted as (
  -- The row is the ledger transaction: its header, its wallet leg (the signed amount) and its platform
  -- leg, the counterparty's account and the opposite amount (Migration20261208140000: a CHECK makes them
  -- sum to zero). A counterparty without an account in the wallet's currency gives a null account,
  -- which the column refuses: the whole statement fails, as a missing leg did.
  insert into wallet_transaction (id, wallet_id, account_id, sequence, type, kind, status, amount_micros,
    balance_before_micros, balance_after_micros, description, idempotency_key, campaign_id, actor, payment_intent_id, created_at,
    platform_account_id, platform_amount_micros)
  select i.transaction_id, p.wallet_id, p.account_id, p.sequence,
         case when i.delta_micros > 0 then 'CREDIT' else 'DEBIT' end, i.kind, 'COMPLETED', abs(i.delta_micros),
         p.balance_before_micros, p.balance_after_micros, i.description, i.idempotency_key, i.campaign_id, i.actor,
         i.payment_intent_id, now(),
         (select pa.id from platform_account pa where pa.code = i.counterparty and pa.currency = p.currency::char(3)), -i.delta_micros
    from posted p join input i using (transaction_id)
  returning id
),
published as (${
    options.inOrder
      ? `
  -- One outbox row per wallet and run of its postings that leave the same reserved credit (all of
  -- them but where a posting releases a hold): it stands for those consecutive sequences, and
  -- readers expand it from wallet_transaction (Migration20261207235200). A row per posting cost
  -- about a fifth of PostgreSQL's time per event of a usage statement, and every reader read it back.
  -- A run is a streak of consecutive sequences with one reserved value (sequence minus its rank
  -- among the wallet's postings of that value is constant along a streak).
  insert into outbox_event (type, account_id, wallet_id, wallet_sequence, transaction_count, balance_micros, reserved_micros, transaction_id)
  select 'WALLET_TRANSACTION', r.account_id, r.wallet_id, max(r.sequence), count(*)::int,
         (array_agg(r.balance_after_micros order by r.sequence desc))[1], r.wallet_reserved_micros,
         (array_agg(r.transaction_id order by r.sequence desc))[1]
    from (select p.account_id, p.wallet_id, p.sequence, p.balance_after_micros, p.wallet_reserved_micros, p.transaction_id,
                 p.sequence - row_number() over (partition by p.wallet_id, p.wallet_reserved_micros order by p.sequence) as run
            from posted p) r
   group by r.account_id, r.wallet_id, r.wallet_reserved_micros, r.run
   order by r.wallet_id, min(r.sequence)`
      : `
  -- One posting: a run of one (transaction_count keeps its default, 1), without the grouping above,
  -- which would cost a lone charge's statement more than it saves.
  insert into outbox_event (type, account_id, wallet_id, wallet_sequence, balance_micros, reserved_micros, transaction_id)
  select 'WALLET_TRANSACTION', p.account_id, p.wallet_id, p.sequence, p.balance_after_micros, p.wallet_reserved_micros, p.transaction_id
    from posted p`
  }
)
-- Only what the caller does not know already (it gave the rest: wallet, amount, kind, description, key,
-- campaign, actor): a third of the columns of the whole row, which for a 500-event batch spared
-- PostgreSQL's output and the server's parsing of ~6,500 values per statement.
select t.id, p.account_id, p.sequence, p.balance_after_micros, p.currency as wallet_currency, p.wallet_reserved_micros,
       -- Epoch milliseconds: the ORM's pool hands timestamps back as text in PostgreSQL's own format.
       (extract(epoch from p.wallet_created_at) * 1000)::float8 as wallet_created_at_ms,
       -- The transaction's created_at and the wallet's updated_at: both now(), the statement's transaction time.
       (extract(epoch from p.wallet_updated_at) * 1000)::float8 as posted_at_ms
  from inserted t join posted p on p.transaction_id = t.id
 where (select count(*) from counted) >= 0`;
}

/** Options of {@link postWalletTransaction}. */
export interface PostWalletTransactionOptions {
  walletId: string;
  /** Only a wallet of this account may be touched; null lets platform roles reach any wallet. */
  accountScope: string | null;
  /** Signed amount in micros: positive credits the wallet, negative debits it. Never 0. */
  deltaMicros: bigint;
  kind: TransactionKind;
  /** The platform account on the other side of the double entry. */
  counterparty: PlatformAccountCode;
  description: string;
  campaignId: string | null;
  /** Who caused it, recorded on the row. */
  actor: string;
  /** Caller's idempotency key, scoped to the wallet's account; null for none. */
  idempotencyKey: string | null;
  /** Operation name for the idempotency record: the same key used for another operation is a reuse. */
  operation: string;
  /**
   * Whether the key is remembered in an idempotency record (what replays, reuse checks and the ledger
   * checks read). False: the key is only written on the transaction, for a posting that its caller's
   * own transaction makes happen once (a hang-up's cost, under the ended call's row lock); only the
   * postings inside a caller's transaction ({@link postWalletTransactionIn}, {@link postWalletTransactionsIn})
   * take it. @default true
   */
  idempotencyRecord?: boolean;
  /** Largest balance the wallet may reach, in micros. */
  walletBalanceMicrosMax: bigint;
  /** Reserved credit to release in the same step, in micros. @default 0n */
  reservedReleaseMicros?: bigint;
  /** The Stripe PaymentIntent that paid for a top-up, shown on its transaction. @default null */
  paymentIntentId?: string | null;
  /**
   * When the posting happens by the services' clock (epoch ms): the spend caps count a charge in this
   * instant's local day and month. @default the database's now()
   */
  atMs?: number | null;
}

/** What {@link postWalletTransaction} did. */
export interface PostedWalletTransaction {
  transaction: WalletTransactionRecord;
  /** The wallet right after this transaction (for a replay: as it is now). */
  wallet: WalletRecord;
  /** True when an earlier request with the same idempotency key already did this; nothing new was written. */
  replayed: boolean;
}

const UNIQUE_VIOLATION = '23505';

/** Times a charge refused by a spend cap that no longer refuses it (raised meanwhile) is posted again. */
const POSTING_ATTEMPTS_MAX = 3;

/**
 * Posts a completed credit or debit on a wallet, or replays the earlier result of the same
 * idempotency key. Owns its (single-statement) transaction: do not call inside another (an
 * assertion refuses it). Runs through `postings`, the app's batcher ({@link createPostingBatcher}).
 * `em` may be a function returning a request's EntityManager (never one inside a transaction),
 * called only when a refusal or replay reads the database: a posting that goes through reads
 * nothing on it, and a GraphQL request's fork then never happens (issue 18: the fork and its
 * garbage were ~3 % of the server's CPU per hot charge).
 * @throws NotFoundError when the wallet does not exist or lies outside `accountScope`.
 * @throws InsufficientFundsError when a debit exceeds the available balance; nothing is written.
 * @throws BadUserInputError (`amount`) when a credit would lift the balance above the cap.
 * @throws IdempotencyKeyReusedError when the key was used with other parameters.
 * @throws SpendCapReachedError when a charge would pass a daily or monthly spend cap; nothing is written.
 */
export async function postWalletTransaction(
  emOrRequestEm: EntityManager | (() => EntityManager),
  postings: PostingBatcher,
  options: PostWalletTransactionOptions,
  attempt = 1,
): Promise<PostedWalletTransaction> {
  assert(options.deltaMicros !== 0n, 'a wallet transaction moves a non-zero amount');
  // The batcher commits on its own connections: a caller's open transaction would not contain the posting.
  assert(
    typeof emOrRequestEm === 'function' || !emOrRequestEm.isInTransaction(),
    'postWalletTransaction runs in autocommit; it cannot join an open transaction',
  );
  const em = typeof emOrRequestEm === 'function' ? emOrRequestEm : () => emOrRequestEm;
  assert(options.idempotencyRecord !== false, 'a posting that replays by its key records it');
  if (!isUuid(options.walletId)) throw new NotFoundError('Wallet', options.walletId);
  const transactionId = randomUUID();
  let row: PostedRow | undefined;
  let keyRecorded: boolean | undefined;
  try {
    ({ row, check: keyRecorded } = await postings.executeAnswering(postingValues(options, transactionId)));
  } catch (error) {
    if (options.idempotencyKey !== null && isIdempotencyKeyConflict(error)) {
      return replay(em(), postings, options, hashRequest(options));
    }
    if (isSpendCapReached(error)) {
      await explainSpendCapRefusal(em(), options);
      // The cap was raised (or its period ended) since: posted again, it is judged as things are now.
      assert(attempt < POSTING_ATTEMPTS_MAX, 'a charge refused by a spend cap is explained by one');
      return postWalletTransaction(emOrRequestEm, postings, options, attempt + 1);
    }
    throw error;
  }
  if (row) return toPosted(options, transactionId, row);
  // A concurrent twin may have posted first and changed what this one would have needed (a call's
  // reservation, already released): with the key on record, this is a replay, not a refusal. Asked by
  // the batcher before a posting of this wallet that arrived later could run (one that did would
  // otherwise turn this refusal into a replay or a reuse: not what posting in arrival order gives),
  // else now.
  if (options.idempotencyKey !== null && (keyRecorded ?? (await idempotencyKeyRecorded(em(), options)))) {
    return replay(em(), postings, options, hashRequest(options));
  }
  return explainRefusal(em(), options);
}

/**
 * Posts like {@link postWalletTransaction} but inside the caller's open transaction `tx` (the same
 * hand-written statement, unprepared), so the posting commits or rolls back with the caller's other writes —
 * e.g. a subscription period and its fee. Lock the wallet row first when the caller decides on
 * its state. Returns the posted transaction, or null when the wallet refused it (absent, short of
 * funds, over the cap); the caller then rolls back or explains. No idempotent replay here: the
 * caller's transaction is what makes it happen once.
 */
export async function postWalletTransactionIn(
  tx: SqlTransaction,
  options: PostWalletTransactionOptions,
): Promise<PostedWalletTransaction | null> {
  assert(options.deltaMicros !== 0n, 'a wallet transaction moves a non-zero amount');
  const transactionId = randomUUID();
  // The posting statement is hand-written and positional on purpose (see POST_WALLET_TRANSACTION); it runs on the caller's transaction.
  const rows = (await tx.connection.query(POST_WALLET_TRANSACTION.text, postingValues(options, transactionId))).rows as PostedRow[];
  const row = rows[0];
  return row ? toPosted(options, transactionId, row) : null;
}

/**
 * Posts many postings like {@link postWalletTransactionIn} each, inside the caller's open transaction
 * `tx`, in ONE statement ({@link POST_WALLET_TRANSACTIONS}, applied in the order given, each checked
 * against its wallet's running balance): they commit or roll back with the caller's other writes. The
 * statement is sent before this first awaits, so it may go in a pipelined round trip. Lock the wallets
 * (in id order) before anything locked after them in the house's order (spend caps). Each posting's
 * transaction (its id `transactionIds[i]` when given, so a statement sent behind it may name it), or
 * null when its wallet refused it; no idempotent replay (a key on record fails the
 * whole statement: the caller's transaction is what makes each happen once).
 */
export async function postWalletTransactionsIn(
  tx: SqlTransaction,
  optionsList: readonly PostWalletTransactionOptions[],
  transactionIds: readonly string[] = randomUuids(optionsList.length),
): Promise<(PostedWalletTransaction | null)[]> {
  assert(transactionIds.length === optionsList.length, 'one transaction id per posting');
  if (optionsList.length === 0) return [];
  for (const options of optionsList) assert(options.deltaMicros !== 0n, 'a wallet transaction moves a non-zero amount');
  const members = optionsList.map((options, index) => postingValues(options, transactionIds[index]!));
  // The columns of every posting's $1..$16, as the posting batcher sends them (the same prepared statement).
  const values = transpose(members);
  const sent = tx.connection.query({ name: POST_WALLET_TRANSACTIONS.name, text: POST_WALLET_TRANSACTIONS.text, values });
  const rows = new Map(((await sent).rows as PostedRow[]).map((row) => [row.id, row]));
  return optionsList.map((options, index) => {
    const row = rows.get(transactionIds[index]!);
    return row ? toPosted(options, transactionIds[index]!, row) : null;
  });
}

/**
 * Posts like {@link postWalletTransaction} (the same refusals, the same idempotent replay) but in a
 * transaction of its own, with `alsoIn` run in it right after the posting: what must commit with
 * the posting or not at all (an audit log entry). Unbatched: for rare operations (support's grants
 * and adjustments), never the hot path. A replay runs nothing of `alsoIn` (nothing new happened).
 */
export async function postWalletTransactionWith(
  em: EntityManager,
  postings: PostingBatcher,
  options: PostWalletTransactionOptions,
  alsoIn: (tx: SqlTransaction, posted: PostedWalletTransaction) => Promise<void>,
): Promise<PostedWalletTransaction> {
  assert(options.deltaMicros !== 0n, 'a wallet transaction moves a non-zero amount');
  assert(options.idempotencyRecord !== false, 'a posting that replays by its key records it');
  if (!isUuid(options.walletId)) throw new NotFoundError('Wallet', options.walletId);
  let posted: PostedWalletTransaction | null;
  try {
    posted = await transaction(em, async (tx) => {
      const done = await postWalletTransactionIn(tx, options);
      if (done) await alsoIn(tx, done);
      return done;
    });
  } catch (error) {
    if (options.idempotencyKey !== null && isIdempotencyKeyConflict(error)) return replay(em, postings, options, hashRequest(options));
    throw error;
  }
  if (posted) return posted;
  if (options.idempotencyKey !== null && (await idempotencyKeyRecorded(em, options))) {
    return replay(em, postings, options, hashRequest(options));
  }
  return explainRefusal(em, options);
}

/** What became of one posting of {@link postWalletTransactionsInOrder}: posted or replayed, or refused with its error. */
export type PostingOutcome = { posted: PostedWalletTransaction; error?: undefined } | { posted?: undefined; error: unknown };

/**
 * Posts many postings (any wallets, several per wallet) like {@link postWalletTransaction} each, in
 * ONE statement and commit where possible ({@link POST_WALLET_TRANSACTIONS} over arrays, run at once
 * on a connection of the caller's operation): applied in the order given, each checked against its
 * wallet's running balance, each answered on its own: posted, replayed (its key and parameters are on
 * record), or refused with the error it would get alone (NOT_FOUND, INSUFFICIENT_FUNDS, BAD_USER_INPUT
 * for a credit over the cap, IDEMPOTENCY_KEY_REUSED, SPEND_CAP_REACHED). Owns its transactions: do not
 * call inside another.
 *
 * A key used again in the list starts a new statement, run after the one before committed (one
 * statement cannot record a key twice), so every posting is still judged in list order. When PostgreSQL refuses a statement whole (a key a concurrent request just
 * used, a spend cap that would be passed, a deadlock with another process), nothing of it happened:
 * its postings are then posted one by one, in order, by {@link postWalletTransaction}, so each gets
 * exactly its own answer. A failed connection is thrown (the statement may have committed; the caller
 * retries with its keys).
 * @returns one outcome per posting, in order.
 */
export async function postWalletTransactionsInOrder(
  em: EntityManager,
  postings: PostingBatcher,
  optionsList: readonly PostWalletTransactionOptions[],
): Promise<PostingOutcome[]> {
  assert(!em.isInTransaction(), 'postWalletTransactionsInOrder runs in autocommit; it cannot join an open transaction');
  const outcomes: (PostingOutcome | undefined)[] = new Array(optionsList.length);
  // Consecutive segments, one statement each, in order: a segment ends before a key it already holds
  // (one statement cannot record a key twice), so the second use is judged after the first committed,
  // exactly where it arrived. Keys are compared by text alone (their scope, the wallet's account, is
  // only known to the database): that may only split more than needed.
  const rounds: number[][] = [];
  let segment: number[] = [];
  let keysInSegment = new Set<string>();
  optionsList.forEach((options, index) => {
    assert(options.deltaMicros !== 0n, 'a wallet transaction moves a non-zero amount');
    assert(options.idempotencyRecord !== false, 'a posting that replays by its key records it');
    if (!isUuid(options.walletId)) {
      outcomes[index] = { error: new NotFoundError('Wallet', options.walletId) };
      return;
    }
    if (options.idempotencyKey !== null) {
      if (keysInSegment.has(options.idempotencyKey)) {
        rounds.push(segment);
        segment = [];
        keysInSegment = new Set();
      }
      keysInSegment.add(options.idempotencyKey);
    }
    segment.push(index);
  });
  if (segment.length > 0) rounds.push(segment);
  for (const indices of rounds) {
    const transactionIds = randomUuids(indices.length);
    const values = indices.map((index, at) => postingValues(optionsList[index]!, transactionIds[at]!));
    let rows: (PostedRow | undefined)[];
    try {
      rows = await postings.executeTogether(values);
    } catch (error) {
      if (!(error instanceof pg.DatabaseError && error.severity === 'ERROR')) throw error;
      // Refused whole, so nothing of it happened: each posting alone, in order, gets its own answer.
      for (const index of indices) outcomes[index] = await settle(postWalletTransaction(em, postings, optionsList[index]!));
      continue;
    }
    const refused: number[] = [];
    rows.forEach((row, at) => {
      const index = indices[at]!;
      if (row) outcomes[index] = { posted: toPosted(optionsList[index]!, transactionIds[at]!, row) };
      else refused.push(index);
    });
    if (refused.length > 0) {
      const explained = await explainRefusals(
        em,
        postings,
        refused.map((index) => optionsList[index]!),
      );
      refused.forEach((index, at) => {
        outcomes[index] = explained[at]!;
      });
    }
  }
  return outcomes.map((outcome) => {
    assert(outcome !== undefined, 'every posting has an outcome');
    return outcome;
  });
}

async function settle(posting: Promise<PostedWalletTransaction>): Promise<PostingOutcome> {
  try {
    return { posted: await posting };
  } catch (error) {
    return { error };
  }
}

/**
 * Why each of these postings was refused by the in-order statement, read in bulk: its wallet is absent
 * or foreign (NOT_FOUND); its key is on record (a concurrent twin posted first: a replay, or
 * IDEMPOTENCY_KEY_REUSED); else funds (INSUFFICIENT_FUNDS) or, for a credit, the balance cap.
 */
async function explainRefusals(
  em: EntityManager,
  postings: PostingBatcher,
  optionsList: readonly PostWalletTransactionOptions[],
): Promise<PostingOutcome[]> {
  const walletIds = [...new Set(optionsList.map((options) => options.walletId.toLowerCase()))];
  const wallets = new Map((await selectWalletsByIds.all(em, { walletIds })).map((row) => [row.id, toWalletRecord(row)]));
  const keyed = new Map<string, Set<string>>();
  for (const options of optionsList) {
    const wallet = wallets.get(options.walletId.toLowerCase());
    if (!wallet || options.idempotencyKey === null) continue;
    if (!keyed.has(wallet.accountId)) keyed.set(wallet.accountId, new Set());
    keyed.get(wallet.accountId)!.add(options.idempotencyKey);
  }
  const recorded = new Set<string>();
  for (const [accountId, keys] of keyed) {
    for (const record of await selectIdempotencyRecordsOfAccount.all(em, { accountId, keys: [...keys] }))
      recorded.add(`${accountId} ${record.key}`);
  }
  const outcomes: PostingOutcome[] = [];
  for (const options of optionsList) {
    const wallet = wallets.get(options.walletId.toLowerCase());
    if (!wallet || (options.accountScope !== null && wallet.accountId !== options.accountScope)) {
      outcomes.push({ error: new NotFoundError('Wallet', options.walletId) });
    } else if (options.idempotencyKey !== null && recorded.has(`${wallet.accountId} ${options.idempotencyKey}`)) {
      outcomes.push(await settle(replay(em, postings, options, hashRequest(options))));
    } else {
      outcomes.push({ error: refusalError(options, wallet) });
    }
  }
  return outcomes;
}

/** What {@link auditPosting} records beside the posting itself. */
export interface AuditPostingOptions {
  /** Who posted it (the audit entry's actor and client IP). */
  principal: Principal;
  action: AuditAction;
  /** The amount the operation was asked for, in micros, as the entry shows it (signed for an adjustment). */
  amountMicros: bigint;
  /** Why, as the caller gave it. */
  reason: string;
  /** Further fields of the state before and after (e.g. what stays refundable). @default none */
  before?: AuditState;
  after?: AuditState;
}

/**
 * The audit of a staff posting on a wallet, for {@link postWalletTransactionWith}'s `alsoIn` (or
 * called with the caller's own transaction): a WALLET entry with the balance before and after, the
 * amount, the reason and the transaction's id, written in the posting's transaction so it commits
 * with it or not at all.
 */
export function auditPosting(options: AuditPostingOptions): (tx: SqlTransaction, posted: PostedWalletTransaction) => Promise<void> {
  return async (tx, posted) => {
    await recordAudit(tx, {
      principal: options.principal,
      accountId: posted.wallet.accountId,
      action: options.action,
      targetType: 'WALLET',
      targetId: posted.wallet.id,
      before: { balance: formatMoney(posted.transaction.balanceBeforeMicros), ...options.before },
      after: {
        balance: formatMoney(posted.transaction.balanceAfterMicros),
        ...options.after,
        amount: formatMoney(options.amountMicros),
        reason: options.reason,
        transactionId: posted.transaction.id,
      },
    });
  };
}

// The defaults live in config.ts (configuration imports nothing from the domain).
export { POSTING_BATCH_LIMITS_DEFAULT };

const POSTINGS = {
  single: POST_WALLET_TRANSACTION,
  batched: POST_WALLET_TRANSACTIONS,
  // The wallet: postings on one wallet leave together and are applied in arrival order (hot-wallet coalescing).
  exclusiveKey: (values: readonly unknown[]) => String(values[1]).toLowerCase(),
  coalesce: true,
  memberKey: (values: readonly unknown[]) => String(values[0]), // the transaction id, made here
  rowKey: (row: PostedRow) => row.id,
};

/**
 * Runs the postings of one pool: concurrent postings share one statement and one commit (see {@link StatementBatcher});
 * for a refused posting, whether its idempotency key was on record then.
 */
export type PostingBatcher = StatementBatcher<PostedRow, boolean>;

/**
 * Makes a posting batcher on the ORM's pool with `limits`. {@link startApp} makes one, with the
 * configured limits, and hands it to every service that posts: there is no process-wide batcher,
 * so two apps in one process (or a test's own batcher) never share limits or queues.
 */
export function createPostingBatcher(em: EntityManager, limits: StatementBatchLimits = POSTING_BATCH_LIMITS_DEFAULT): PostingBatcher {
  return new StatementBatcher<PostedRow, boolean>(poolOf(em), {
    ...POSTINGS,
    ...limits,
    checkRefused: (members, rows) => keysRecordedBefore(em, members, rows),
  });
}

/**
 * For each refused posting of a statement (`rows[i]` undefined) with an idempotency key: whether the
 * key was on record before it, as posting the statement's members one by one in order would have
 * found it. A key recorded by a later member of the same statement (which posted, with the same key,
 * after this one was refused) does not count; one recorded by an earlier member, an earlier statement
 * or another process does. Asked by the batcher before any later posting of these wallets runs.
 */
async function keysRecordedBefore(
  em: EntityManager,
  members: readonly (readonly unknown[])[],
  rows: readonly (PostedRow | undefined)[],
): Promise<(boolean | undefined)[]> {
  // Positions of postingValues: 0 transaction id, 1 wallet, 2 tenant scope, 10 idempotency key. Unkeyed ones are never recorded.
  const asked = members.flatMap((values, index) => (rows[index] === undefined && values[10] !== null ? [index] : []));
  const answers: (boolean | undefined)[] = members.map((_, index) => (rows[index] === undefined ? false : undefined));
  if (asked.length === 0) return answers;
  const positionOf = new Map(members.map((values, index) => [String(values[0]), index]));
  const recorded = await selectIdempotencyKeysRecorded.all(em.fork(), {
    walletIds: asked.map((index) => String(members[index]![1])),
    keys: asked.map((index) => String(members[index]![10])),
    accountScopes: asked.map((index) => members[index]![2] as string | null),
  });
  for (const record of recorded) {
    const index = asked[record.position - 1]!;
    const recordedBy = positionOf.get(record.wallet_transaction_id);
    answers[index] = recordedBy === undefined || recordedBy < index;
  }
  return answers;
}

/**
 * A row of {@link POST_WALLET_TRANSACTION}: only what the posting made that its caller did not give
 * (int8 as decimal strings, times as epoch milliseconds); {@link toPosted} adds the rest from the
 * posting's own options.
 */
export interface PostedRow {
  /** The transaction id the caller made (matches a batch's rows to its members). */
  id: string;
  /** The wallet's account. */
  account_id: string;
  sequence: string;
  balance_after_micros: string;
  wallet_currency: string;
  wallet_reserved_micros: string;
  wallet_created_at_ms: number;
  /** The transaction's created_at, which is also the wallet's updated_at. */
  posted_at_ms: number;
}

/**
 * The transaction and the wallet right after it, as the statement wrote them: what it returned, and
 * what it copied from the posting's options (the same values, in the forms PostgreSQL would give
 * them back: ids in lower case, the amount's magnitude and direction, the status COMPLETED).
 */
function toPosted(options: PostWalletTransactionOptions, transactionId: string, row: PostedRow): PostedWalletTransaction {
  const balanceAfterMicros = BigInt(row.balance_after_micros);
  const transaction: WalletTransactionRecord = {
    id: transactionId,
    walletId: options.walletId.toLowerCase(),
    accountId: row.account_id,
    sequence: BigInt(row.sequence),
    type: options.deltaMicros > 0n ? TransactionType.CREDIT : TransactionType.DEBIT,
    kind: options.kind,
    status: TransactionStatus.COMPLETED,
    amountMicros: options.deltaMicros < 0n ? -options.deltaMicros : options.deltaMicros,
    balanceBeforeMicros: balanceAfterMicros - options.deltaMicros,
    balanceAfterMicros,
    description: options.description,
    paymentIntentId: options.paymentIntentId ?? null,
    idempotencyKey: options.idempotencyKey,
    campaignId: options.campaignId?.toLowerCase() ?? null,
    actor: options.actor,
    createdAt: new Date(row.posted_at_ms),
  };
  return new PostedFromRow(transaction, row);
}

/**
 * A posting's answer made from its statement's row ({@link toPosted}). The wallet right after it is
 * made when first read, then kept: a recordUsage answer (up to 1,000 postings) never reads it, and it
 * was a record, two Dates and a bigint per posting.
 */
class PostedFromRow implements PostedWalletTransaction {
  readonly replayed = false;
  #wallet: WalletRecord | undefined;

  constructor(
    readonly transaction: WalletTransactionRecord,
    private readonly row: PostedRow,
  ) {}

  get wallet(): WalletRecord {
    this.#wallet ??= {
      id: this.transaction.walletId,
      accountId: this.row.account_id,
      currency: this.row.wallet_currency,
      balanceMicros: this.transaction.balanceAfterMicros,
      reservedMicros: BigInt(this.row.wallet_reserved_micros),
      lastSequence: this.transaction.sequence,
      createdAt: new Date(this.row.wallet_created_at_ms),
      updatedAt: new Date(this.row.posted_at_ms),
    };
    return this.#wallet;
  }
}

/**
 * The parameters $1..$16 of {@link POST_WALLET_TRANSACTION}, in order. The request hash only goes
 * with an idempotency key that is recorded (it is recorded beside the key, and nowhere else): a posting
 * without one costs no SHA-256 and sends 64 characters less, and its statement makes no record.
 */
function postingValues(options: PostWalletTransactionOptions, transactionId: string): unknown[] {
  return [
    transactionId,
    options.walletId,
    options.accountScope,
    deltaText(options.deltaMicros),
    balanceMaxText(options.walletBalanceMicrosMax),
    options.kind,
    options.counterparty,
    options.description,
    options.campaignId,
    options.actor,
    options.idempotencyKey,
    options.operation,
    options.idempotencyKey === null || options.idempotencyRecord === false ? null : hashRequest(options),
    releaseText(options.reservedReleaseMicros ?? 0n),
    options.paymentIntentId ?? null,
    options.atMs === null || options.atMs === undefined ? null : timeText(options.atMs),
  ];
}

/**
 * `format` with a memory of its last answer. The postings of one batch mostly repeat these values (a
 * recordUsage call's 500 postings share one time, one balance cap, no release, often one amount): the
 * repeats then cost no new Date or string, and the array literal sees the same string again.
 */
function lastTextOf<T>(format: (value: T) => string): (value: T) => string {
  let last: { value: T; text: string } | undefined;
  return (value) => {
    if (last === undefined || last.value !== value) last = { value, text: format(value) };
    return last.text;
  };
}

const deltaText = lastTextOf((micros: bigint) => micros.toString());
const balanceMaxText = lastTextOf((micros: bigint) => micros.toString());
const releaseText = lastTextOf((micros: bigint) => micros.toString());
const timeText = lastTextOf((epochMs: number) => new Date(epochMs).toISOString());

function hashRequest(options: PostWalletTransactionOptions): string {
  const canonical = JSON.stringify([
    options.operation,
    options.walletId.toLowerCase(),
    options.deltaMicros.toString(),
    options.kind,
    options.description,
    options.campaignId?.toLowerCase() ?? null,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

/** The SQLSTATE `spendwire_count_spend` raises when a charge would pass a spend cap (the statement is undone). */
const SPEND_CAP_REACHED_SQLSTATE = 'SW001';

function isSpendCapReached(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === SPEND_CAP_REACHED_SQLSTATE;
}

function isIdempotencyKeyConflict(error: unknown): boolean {
  const candidate = error as { code?: string; constraint?: string } | null;
  return candidate?.code === UNIQUE_VIOLATION && candidate.constraint === 'idempotency_key_pkey';
}

async function replay(
  em: EntityManager,
  postings: PostingBatcher,
  options: PostWalletTransactionOptions,
  requestHash: string,
): Promise<PostedWalletTransaction> {
  const record = await selectIdempotencyRecord.maybeOne(em, { walletId: options.walletId, key: options.idempotencyKey! });
  // A conflict is raised only once the other writer has committed, so a key missing now was deleted
  // meanwhile by the retention job: it was past idempotencyKeyRetentionMs, and a reuse after the
  // window is a new request.
  if (!record) return postWalletTransaction(em, postings, options);
  if (record.operation !== options.operation || record.request_hash !== requestHash) {
    throw new IdempotencyKeyReusedError(options.idempotencyKey!);
  }
  const transaction = toWalletTransactionRecord(await selectWalletTransaction.one(em, { transactionId: record.wallet_transaction_id }));
  const wallet = toWalletRecord(await selectWallet.one(em, { walletId: transaction.walletId, accountScope: null }));
  return { transaction, wallet, replayed: true };
}

async function idempotencyKeyRecorded(em: EntityManager, options: PostWalletTransactionOptions): Promise<boolean> {
  // Only within the caller's tenant: another tenant's key on this wallet is none of its business.
  const recorded = await selectIdempotencyKeyRecorded.maybeOne(em, {
    walletId: options.walletId,
    key: options.idempotencyKey!,
    accountScope: options.accountScope,
  });
  return recorded !== undefined;
}

/**
 * Throws SpendCapReachedError for a charge a spend cap refused (and writes the alert's cause); returns
 * when no cap refuses it now (raised meanwhile).
 */
async function explainSpendCapRefusal(em: EntityManager, options: PostWalletTransactionOptions): Promise<void> {
  const counted = -options.deltaMicros - (options.reservedReleaseMicros ?? 0n);
  const refusal = (await SpendCapBook.read(em, [options.walletId], options.atMs ?? Date.now())).refusal(options.walletId, counted);
  if (refusal) {
    await publishSpendCapReached(em, refusal);
    throw spendCapReachedError(refusal, counted);
  }
}

async function explainRefusal(em: EntityManager, options: PostWalletTransactionOptions): Promise<never> {
  const row = await selectWallet.maybeOne(em, { walletId: options.walletId, accountScope: null });
  const wallet = row && toWalletRecord(row);
  if (!wallet || (options.accountScope !== null && wallet.accountId !== options.accountScope)) {
    throw new NotFoundError('Wallet', options.walletId);
  }
  throw refusalError(options, wallet);
}

/** The error of a posting its own wallet refused (the wallet exists and is the caller's). */
function refusalError(options: PostWalletTransactionOptions, wallet: WalletRecord): BadUserInputError | InsufficientFundsError {
  if (options.deltaMicros > 0n) {
    return new BadUserInputError(
      'amount',
      `The balance would exceed the wallet limit of ${formatMoney(options.walletBalanceMicrosMax)} ${wallet.currency}`,
    );
  }
  return new InsufficientFundsError(
    `Insufficient funds: ${formatMoney(-options.deltaMicros)} ${wallet.currency} requested, ` +
      `${formatMoney(availableMicros(wallet))} ${wallet.currency} available`,
    { available: formatMoney(availableMicros(wallet)), requested: formatMoney(-options.deltaMicros), currency: wallet.currency },
  );
}
