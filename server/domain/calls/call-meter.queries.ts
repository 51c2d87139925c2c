/**
 * The billing clock's statements on calls and their meters. An active call's funded seconds,
 * reserved credit, allowance held and due time live in its narrow `call_meter` row (migration
 * Migration20261207160000_call_meter): the clock rewrites that row every increment, and never the
 * wide `call` row until the call stops. These run on every tick: they are prepared by name, and
 * they are hand-written batch statements (arrays in, one statement per batch) on purpose.
 */
import { sql } from '../../database/sql.js';
import { ENDED_CALL_COLUMNS, type CallRow } from './calls.queries.js';

/**
 * A row of a read of the meters by the billing clock: a meter (`id`, `next_check_at_ms`), or the
 * one row that carries the snapshot the statement read under (`pg_snapshot` as text; `id` null).
 */
export interface MeterSeenRow {
  id: string | null;
  next_check_at_ms: number | null;
  snapshot: string | null;
}

/**
 * Every active call's next due time, in epoch milliseconds (one narrow row per active call), and
 * the snapshot of the read, once: {@link selectMetersPlacedSince} takes on from it.
 * `pg_current_snapshot()` is the snapshot the statement reads with (read committed: one per statement).
 */
export const selectMetersDue = sql<MeterSeenRow>(
  `select null::uuid as id, null::float8 as next_check_at_ms, pg_current_snapshot()::text as snapshot
   union all
   select call_id, (extract(epoch from next_check_at) * 1000)::float8, null from call_meter`,
  { prepareAs: 'billing_clock_rescan_full' },
);

/**
 * The meters placed by transactions that `since` (the snapshot of an earlier read) did not see as
 * committed, with their due times, and this read's snapshot: each meter placed since that read,
 * whatever order the transactions that placed them committed in (one running when `since` was
 * taken and committed after later ones is read now; one still running now is read by a later
 * read, which takes on from this read's snapshot). Ids below `since`'s xmin were finished then, so
 * only the index range from it is read: a few rows a second, not every active call.
 */
export const selectMetersPlacedSince = sql<MeterSeenRow, { since: string }>(
  `select null::uuid as id, null::float8 as next_check_at_ms, pg_current_snapshot()::text as snapshot
   union all
   select call_id, (extract(epoch from next_check_at) * 1000)::float8, null from call_meter
    where placed_xid >= pg_snapshot_xmin(:since::pg_snapshot) and not pg_visible_in_snapshot(placed_xid, :since::pg_snapshot)`,
  { prepareAs: 'billing_clock_rescan_placed' },
);

/** Of `callIds`, the status and next due time (null once ended). */
export const selectCallsDue = sql<{ id: string; status: string; next_check_at_ms: number | null }, { callIds: readonly string[] }>(
  `select c.id, c.status, (extract(epoch from m.next_check_at) * 1000)::float8 as next_check_at_ms
     from call c left join call_meter m on m.call_id = c.id where c.id = any(:callIds::uuid[])`,
  { prepareAs: 'billing_clock_reschedule' },
);

/**
 * What the billing clock reads of a call it claims: the figures it decides on and nothing more (a
 * stopped call's full row comes back from {@link stopBatchCalls}). Amounts in micros as text, times
 * in epoch milliseconds.
 */
export interface ClaimedCallRow {
  id: string;
  account_id: string;
  campaign_id: string | null;
  wallet_id: string;
  subscription_id: string | null;
  per_minute_micros: string;
  next_increment_seconds: number;
  connect_fee_micros: string;
  started_at_ms: number;
  funded_seconds: number;
  reserved_micros: string;
  allowance_seconds: number;
  next_check_at_ms: number;
}

/**
 * Claims those of `callIds` still active and due at `now`, with their meters; calls another
 * process holds are skipped. The call row and then its meter are locked, as endCall locks them:
 * whoever changes an active call's meter holds both, and locking the meter re-reads it as another
 * process's batch may have left it since this statement began (a call it extended is then no
 * longer due, and is left out). Only the {@link ClaimedCallRow} columns are read: every call of a
 * batch is claimed every increment, and most only go on.
 *
 * The join is driven from the ids (one primary-key lookup each of the call and of its meter): with
 * `c.id = any(…) and c.status = 'ACTIVE'` the planner ANDed the primary key's bitmap with the partial
 * index of active calls (call_wallet_active_idx), reading every active call's entry in it for each
 * batch, so a claim cost more the more calls were up. On 15,000 calls placed through startCall the
 * claim took 27–29 µs a call that way, 10–13 µs this way; on calls placed by one SQL statement
 * both took 9–11 µs (the billing clock bench, pg_stat_statements).
 */
export const claimDueCalls = sql<ClaimedCallRow, { callIds: readonly string[]; now: string }>(
  `select c.id, c.account_id, c.campaign_id, c.wallet_id, c.subscription_id, c.per_minute_micros::text, c.next_increment_seconds,
          c.connect_fee_micros::text, (extract(epoch from c.started_at) * 1000)::float8 as started_at_ms, m.funded_seconds,
          m.reserved_micros::text, m.allowance_seconds, (extract(epoch from m.next_check_at) * 1000)::float8 as next_check_at_ms
     from unnest(:callIds::uuid[]) as i(id) join call c on c.id = i.id join call_meter m on m.call_id = c.id
    where c.status = 'ACTIVE' and m.next_check_at <= :now
    for update of c, m skip locked`,
  { prepareAs: 'billing_clock_claim_narrow' },
);

/**
 * Writes the meters of a batch's calls that go on (element i of each array is call i's): one
 * narrow HOT update per call, no index touched.
 */
export const updateBatchMeters = sql<
  never,
  { ids: string[]; fundedSeconds: number[]; reservedMicros: string[]; allowanceSeconds: number[]; nextCheckAts: string[] }
>(
  `update call_meter m set funded_seconds = u.funded_seconds, reserved_micros = u.reserved_micros,
          allowance_seconds = u.allowance_seconds, next_check_at = u.next_check_at
     from unnest(:ids::uuid[], :fundedSeconds::int[], :reservedMicros::bigint[], :allowanceSeconds::int[], :nextCheckAts::timestamptz[])
          as u(id, funded_seconds, reserved_micros, allowance_seconds, next_check_at)
    where m.call_id = u.id`,
  { prepareAs: 'billing_clock_update_meters' },
);

/**
 * Stops a batch's calls at the end of their funded time (element i of each array is call i's
 * final state): their final figures go onto the call, their meters are deleted and their
 * CALL_UPDATED outbox events inserted, in one statement; their rows as written.
 */
export const stopBatchCalls = sql<
  CallRow,
  {
    ids: string[];
    fundedSeconds: number[];
    reservedMicros: string[];
    statuses: string[];
    endReasons: string[];
    endedAts: string[];
    billedSeconds: number[];
    costMicros: string[];
    allowanceSeconds: number[];
  }
>(
  // The stopped calls' whole rows come back (as written) for their cost postings: the claim reads
  // only what the clock decides on.
  `with gone as (delete from call_meter where call_id = any(:ids::uuid[])),
   c as (
     update call c set funded_seconds = u.funded_seconds, reserved_micros = u.reserved_micros, next_check_at = null,
            status = u.status, end_reason = u.end_reason, ended_at = u.ended_at, billed_seconds = u.billed_seconds,
            cost_micros = u.cost_micros, allowance_seconds = u.allowance_seconds, version = c.version + 1, updated_at = now()
       from unnest(:ids::uuid[], :fundedSeconds::int[], :reservedMicros::bigint[], :statuses::text[], :endReasons::text[],
                   :endedAts::timestamptz[], :billedSeconds::int[], :costMicros::bigint[], :allowanceSeconds::int[])
            as u(id, funded_seconds, reserved_micros, status, end_reason, ended_at, billed_seconds, cost_micros, allowance_seconds)
      where c.id = u.id
      returning c.*),
   events as (
     insert into outbox_event (type, account_id, campaign_id, call_id, version)
     select 'CALL_UPDATED', account_id, campaign_id, id, version from c order by id)
   select ${ENDED_CALL_COLUMNS} from c`,
  { prepareAs: 'billing_clock_stop_calls_full' },
);
