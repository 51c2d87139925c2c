/**
 * The statements of call starts and ends run as a batch (open-calls.ts, end-calls.ts): each covers
 * every call of one transaction, so a wallet, a campaign and an account's concurrent-call counter
 * shared by many calls are locked and written once per batch. Hand-written over arrays on purpose
 * (call set-up is a hot path, measured by bench/call-setup.ts); prepared by name, as their text
 * never varies.
 */
import { sql } from '../../database/sql.js';
import type { CallDirection, CallEndReason, CallStatus } from './call-record.js';
import { CALL_COLUMNS, CALL_TABLES, type CallRow } from './calls.queries.js';

/**
 * What the batch statements that write calls return of each: only what the database decides (the
 * rest the batch gave it), a tenth of a whole {@link CallRow} for PostgreSQL to format and the server to parse.
 */
export interface WrittenCallRow {
  id: string;
  version: string;
  /** created_at in epoch microseconds (exact): the page cursor. */
  created_at_us: string;
  transaction_id: string | null;
}

const WRITTEN_CALL_COLUMNS = `c.id, c.version::text, (extract(epoch from c.created_at) * 1000000)::bigint::text as created_at_us, c.transaction_id`;

/**
 * The CALL_UPDATED outbox rows of the calls a batch statement wrote (its CTE `c`): one row per
 * campaign, and per account for inbound calls (what the live tail routes a call's change by), listing
 * the calls in id order with their versions (`call_ids`, `call_versions`; its `version` the highest).
 * A campaign with one call in the batch gets the row a call always had (`call_id`, `version`), which
 * is also what a lone call's batch writes. One row for a batch's calls of a campaign instead of one
 * per call: a heap tuple and two index entries per call fewer at its start and at its end, and fewer
 * rows for every outbox reader (Migration20261209120000_call_events_per_batch).
 */
const CALL_EVENTS_OF_C = `
     insert into outbox_event (type, account_id, campaign_id, call_id, version, call_ids, call_versions)
     select 'CALL_UPDATED', account_id, campaign_id,
            case when count(*) = 1 then (array_agg(id))[1] end, max(version),
            case when count(*) > 1 then array_agg(id order by id) end,
            case when count(*) > 1 then array_agg(version order by id) end
       from c group by campaign_id, account_id order by campaign_id, account_id`;

/**
 * Locks the wallets calls would spend from, in id order; with their accounts' status (a closed account's wallet stays suspended).
 * Wallets are locked FOR NO KEY UPDATE everywhere: writers still take turns, but a foreign-key check
 * of a row that references the wallet (a call, message, number, transaction) never waits behind the
 * lock, which closed deadlock cycles between call starts, the billing clock and purchases (chaos storm).
 */
export const lockStartWallets = sql<
  {
    id: string;
    balance_micros: string;
    reserved_micros: string;
    status: string;
    account_status: string;
    account_email_unverified: boolean;
  },
  { walletIds: string[] }
>(
  `select w.id, w.balance_micros::text, w.reserved_micros::text, w.status, a.status as account_status,
          a.email_verified_at is null as account_email_unverified
     from wallet w join account a on a.id = w.account_id where w.id = any(:walletIds::uuid[]) order by w.id for no key update of w`,
  { prepareAs: 'call_starts_lock_wallets' },
);

/** Locks the wallets' ACTIVE subscriptions, in id order: the seconds of allowance free, and their plans' overage rates. */
export const lockStartSubscriptions = sql<
  { id: string; wallet_id: string; free_seconds: number; overage_per_minute_micros: string | null },
  { walletIds: string[] }
>(
  `select s.id, s.wallet_id, s.allowance_seconds - s.used_seconds - s.reserved_seconds as free_seconds, p.overage_per_minute_micros::text
     from subscription s join subscription_plan p on p.id = s.plan_id
    where s.wallet_id = any(:walletIds::uuid[]) and s.status = 'ACTIVE' order by s.id for update of s`,
  { prepareAs: 'call_starts_lock_subscriptions' },
);

/** Locks accounts' concurrent-call counters, in id order (last in the lock order). */
export const lockCallAccounts = sql<{ id: string; active_calls: number }, { accountIds: string[] }>(
  'select id, active_calls from account where id = any(:accountIds::uuid[]) order by id for no key update',
  { prepareAs: 'call_starts_lock_accounts' },
);

/** Inserts many calls (element i of each array is call i) and their CALL_UPDATED outbox rows ({@link CALL_EVENTS_OF_C}), in one statement; what it decided of each. */
export const insertCalls = sql<
  WrittenCallRow,
  {
    ids: string[];
    accountIds: string[];
    directions: CallDirection[];
    campaignIds: (string | null)[];
    numberIds: (string | null)[];
    froms: (string | null)[];
    walletIds: string[];
    tos: string[];
    statuses: CallStatus[];
    endReasons: (CallEndReason | null)[];
    ratePrefixes: string[];
    perMinuteMicros: string[];
    firstIncrementSeconds: number[];
    nextIncrementSeconds: number[];
    connectFeeMicros: string[];
    startedAts: string[];
    endedAts: (string | null)[];
    fundedSeconds: number[];
    reservedMicros: string[];
    nextCheckAts: (string | null)[];
    idempotencyKeys: (string | null)[];
    subscriptionIds: (string | null)[];
    allowanceSeconds: number[];
  }
>(
  // An active call's meter (call-meter.queries.ts) is inserted with it, in the same statement.
  `with c as (
   insert into call (id, account_id, direction, campaign_id, number_id, from_number, wallet_id, to_number, status, end_reason, rate_prefix,
     per_minute_micros, first_increment_seconds, next_increment_seconds, connect_fee_micros, started_at, ended_at, funded_seconds, reserved_micros,
     next_check_at, idempotency_key, subscription_id, allowance_seconds)
   select * from unnest(:ids::uuid[], :accountIds::uuid[], :directions::text[], :campaignIds::uuid[], :numberIds::uuid[], :froms::text[],
     :walletIds::uuid[], :tos::text[], :statuses::text[], :endReasons::text[], :ratePrefixes::text[], :perMinuteMicros::bigint[],
     :firstIncrementSeconds::int[], :nextIncrementSeconds::int[], :connectFeeMicros::bigint[], :startedAts::timestamptz[],
     :endedAts::timestamptz[], :fundedSeconds::int[], :reservedMicros::bigint[], :nextCheckAts::timestamptz[], :idempotencyKeys::text[],
     :subscriptionIds::uuid[], :allowanceSeconds::int[])
   returning *),
   meter as (
     insert into call_meter (call_id, reserved_micros, next_check_at, funded_seconds, allowance_seconds)
     select id, reserved_micros, next_check_at, funded_seconds, allowance_seconds from c where status = 'ACTIVE'),
   events as (${CALL_EVENTS_OF_C})
   select ${WRITTEN_CALL_COLUMNS} from c`,
  { prepareAs: 'call_starts_insert_calls_written' },
);

/**
 * The active ones of `callIds`, locked for their end in id order: each call's row, then its meter
 * (the billing clock's order). Locking the meter re-reads it as a clock batch that held the call
 * meanwhile left it. An ended call has no meter and is not returned: read it with
 * {@link selectEndedCalls}. The caller checks each call against its tenant scope.
 */
export const lockEndingCalls = sql<CallRow, { callIds: string[] }>(
  `select ${CALL_COLUMNS} from call c join call_meter m on m.call_id = c.id
    where c.id = any(:callIds::uuid[]) order by c.id for update of c, m`,
  { prepareAs: 'call_ends_lock_calls' },
);

/** The calls of `callIds` as they are (those {@link lockEndingCalls} did not return: ended or unknown). */
export const selectEndedCalls = sql<CallRow, { callIds: string[] }>(
  `select ${CALL_COLUMNS} from ${CALL_TABLES} where c.id = any(:callIds::uuid[])`,
  { prepareAs: 'call_ends_select_calls' },
);

/**
 * Completes many calls at their callers' hang-up (element i of each array is call i) and inserts
 * their CALL_UPDATED outbox rows ({@link CALL_EVENTS_OF_C}), in one statement; their rows. `transactionIds[i]` is the ledger
 * transaction the same batch posted call i's cost in, before this statement (null: none): recorded
 * on the call in this same write, or left null when that posting was refused (none was made), so the
 * call stays unposted for postCallCost. Returns what it decided of each call (its version, and
 * whether the transaction was recorded); the rest is what the batch locked and decided.
 */
export const completeCalls = sql<
  WrittenCallRow,
  {
    ids: string[];
    endedAts: string[];
    billedSeconds: number[];
    costMicros: string[];
    allowanceSeconds: number[];
    transactionIds: (string | null)[];
  }
>(
  // The meters' final figures move onto the calls and the meter rows go, in the same statement.
  `with m as (delete from call_meter where call_id = any(:ids::uuid[]) returning *),
   c as (
     update call c set status = 'COMPLETED', end_reason = 'HANGUP', ended_at = u.ended_at, billed_seconds = u.billed_seconds,
            cost_micros = u.cost_micros, funded_seconds = m.funded_seconds, reserved_micros = m.reserved_micros,
            allowance_seconds = u.allowance_seconds, next_check_at = null, version = c.version + 1, updated_at = now(),
            transaction_id = (select t.id from wallet_transaction t where t.id = u.transaction_id)
       from unnest(:ids::uuid[], :endedAts::timestamptz[], :billedSeconds::int[], :costMicros::bigint[], :allowanceSeconds::int[],
                   :transactionIds::uuid[])
            as u(id, ended_at, billed_seconds, cost_micros, allowance_seconds, transaction_id), m
      where c.id = u.id and m.call_id = u.id
      returning c.*),
   events as (${CALL_EVENTS_OF_C})
   select ${WRITTEN_CALL_COLUMNS} from c`,
  { prepareAs: 'call_ends_complete_calls_written' },
);

/** Records the ledger transactions of many ended calls' costs (each once), in one statement. */
export const markCallsPosted = sql<never, { callIds: string[]; transactionIds: string[] }>(
  `update call c set transaction_id = u.transaction_id
     from unnest(:callIds::uuid[], :transactionIds::uuid[]) as u(id, transaction_id)
    where c.id = u.id and c.transaction_id is null`,
  { prepareAs: 'call_ends_mark_posted' },
);
