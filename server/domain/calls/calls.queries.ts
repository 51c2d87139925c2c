/**
 * The calls' SQL: every statement on `call`, and the locks and counters a call takes on its wallet,
 * its subscription and its account, each with the type of its rows. Services and the billing clock
 * run them; see database/sql.ts. The billing clock's statements (one per table per batch) run on
 * every tick: they are prepared by name.
 */
import { sql } from '../../database/sql.js';
import type { CampaignStatus } from '../campaigns/campaign-record.js';
import { createdBeforeCursorSql } from '../campaigns/created-cursor.js';
import type { CallDirection, CallEndReason, CallStatus } from './call-record.js';

/** A `call` row as selected with {@link CALL_COLUMNS}. */
export interface CallRow {
  id: string;
  account_id: string;
  direction: CallDirection;
  campaign_id: string | null;
  number_id: string | null;
  from_number: string | null;
  wallet_id: string;
  to_number: string;
  status: CallStatus;
  end_reason: CallEndReason | null;
  rate_prefix: string;
  per_minute_micros: string;
  first_increment_seconds: number;
  next_increment_seconds: number;
  connect_fee_micros: string;
  started_at_ms: number;
  ended_at_ms: number | null;
  funded_seconds: number;
  reserved_micros: string;
  billed_seconds: number;
  cost_micros: string;
  next_check_at_ms: number | null;
  transaction_id: string | null;
  idempotency_key: string | null;
  version: string;
  created_at_us: string;
  subscription_id: string | null;
  allowance_seconds: number;
}

const ms = (column: string) => `(extract(epoch from c.${column}) * 1000)::float8 as ${column}_ms`;

/**
 * The columns of a {@link CallRow} from `call c` and `live` for the four figures the billing clock
 * meters: an active call's are on its `call_meter m` row (see call-meter.queries.ts), an ended
 * call's (no meter row) on the call itself.
 */
const callColumns = (
  live: (column: string) => string,
) => `c.id, c.account_id, c.campaign_id, c.wallet_id, c.to_number, c.status, c.end_reason, c.rate_prefix,
  c.per_minute_micros::text, c.first_increment_seconds, c.next_increment_seconds, c.connect_fee_micros::text,
  ${ms('started_at')}, ${ms('ended_at')}, ${live('funded_seconds')} as funded_seconds, ${live('reserved_micros')}::text as reserved_micros,
  c.billed_seconds, c.cost_micros::text,
  (extract(epoch from ${live('next_check_at')}) * 1000)::float8 as next_check_at_ms, c.transaction_id, c.idempotency_key, c.version::text,
  (extract(epoch from c.created_at) * 1000000)::bigint::text as created_at_us, c.subscription_id, ${live('allowance_seconds')} as allowance_seconds,
  c.direction, c.number_id, c.from_number`;

/** Columns of a {@link CallRow} from {@link CALL_TABLES}: the meter's figures while the call is active. */
export const CALL_COLUMNS = callColumns((column) => `coalesce(m.${column}, c.${column})`);

/** Columns of a {@link CallRow} from an ended call `c` alone (it has no meter), e.g. in an update's `returning`. */
export const ENDED_CALL_COLUMNS = callColumns((column) => `c.${column}`);

/** A call `c` with its meter `m` while it is active: what {@link CALL_COLUMNS} reads from. */
export const CALL_TABLES = 'call c left join call_meter m on m.call_id = c.id';

// Starting and ending calls: call-batches.queries.ts (one statement per table for a batch of calls).

// Posting and reading calls.

/** Records the ledger transaction of an ended call's cost (once). */
export const markCallPosted = sql<never, { callId: string; transactionId: string }>(
  'update call set transaction_id = :transactionId where id = :callId and transaction_id is null',
);

/** Ended calls whose cost is not on the ledger yet. */
export const selectUnpostedCalls = sql<CallRow>(
  `select ${CALL_COLUMNS} from ${CALL_TABLES} where c.status in ('COMPLETED', 'STOPPED') and c.transaction_id is null and c.cost_micros > 0`,
);

/** A call by id within the tenant `accountScope` (null: any account). */
export const selectCall = sql<CallRow, { callId: string; accountScope: string | null }>(
  `select ${CALL_COLUMNS} from ${CALL_TABLES} where c.id = :callId and (:accountScope::uuid is null or c.account_id = :accountScope)`,
);

export const selectCallByIdempotencyKey = sql<CallRow, { campaignId: string; idempotencyKey: string }>(
  `select ${CALL_COLUMNS} from ${CALL_TABLES} where c.campaign_id = :campaignId and c.idempotency_key = :idempotencyKey`,
);

/** The calls idempotency keys started: pair i is (`campaignIds[i]`, `idempotencyKeys[i]`); keys not on record are absent. */
export const selectCallsByIdempotencyKeys = sql<CallRow, { campaignIds: string[]; idempotencyKeys: string[] }>(
  `select ${CALL_COLUMNS} from ${CALL_TABLES}
     join unnest(:campaignIds::uuid[], :idempotencyKeys::text[]) as k(campaign_id, idempotency_key)
       on c.campaign_id = k.campaign_id and c.idempotency_key = k.idempotency_key`,
);

/** The inbound call an idempotency key started on a number. */
export const selectInboundCallByIdempotencyKey = sql<CallRow, { numberId: string; idempotencyKey: string }>(
  `select ${CALL_COLUMNS} from ${CALL_TABLES} where c.number_id = :numberId and c.idempotency_key = :idempotencyKey`,
);

/** A number that may receive a call, by id within the tenant `accountScope` (null: any account), with its status. */
export const selectCalledNumber = sql<
  { id: string; account_id: string; wallet_id: string; rate_plan_id: string; number: string; status: string },
  { numberId: string; accountScope: string | null }
>(
  `select id, account_id, wallet_id, rate_plan_id, number, status from phone_number
    where id = :numberId and (:accountScope::uuid is null or account_id = :accountScope)`,
);

/** A number's active inbound calls, oldest first: where a feed of its calls starts. */
export const selectActiveInboundCallsOfNumber = sql<CallRow, { numberId: string }>(
  `select ${CALL_COLUMNS} from ${CALL_TABLES} where c.number_id = :numberId and c.status = 'ACTIVE' order by c.started_at, c.id`,
);

/** Some inbound calls of one number, oldest first. */
export const selectInboundCallsOfNumber = sql<CallRow, { numberId: string; callIds: readonly string[] }>(
  `select ${CALL_COLUMNS} from ${CALL_TABLES} where c.number_id = :numberId and c.id = any(:callIds::uuid[]) order by c.started_at, c.id`,
);

/** An account's inbound calls (of one number and one wallet, or all when null), newest first, after the cursor; `limit` rows. */
export const selectInboundCallsPage = sql<
  CallRow,
  { accountId: string; numberId: string | null; walletId: string | null; afterUs: string | null; afterId: string | null; limit: number }
>(
  `select ${CALL_COLUMNS} from ${CALL_TABLES}
    where c.account_id = :accountId and c.direction = 'INBOUND' and (:numberId::uuid is null or c.number_id = :numberId)
      and (:walletId::uuid is null or c.wallet_id = :walletId)
      and ${createdBeforeCursorSql('c')}
    order by c.created_at desc, c.id desc limit :limit`,
);

/** A campaign's calls (of one status, or any when null), newest first, after the cursor; `limit` rows. */
export const selectCallsPage = sql<
  CallRow,
  { campaignId: string; status: CallStatus | null; afterUs: string | null; afterId: string | null; limit: number }
>(
  `select ${CALL_COLUMNS} from ${CALL_TABLES}
    where c.campaign_id = :campaignId and (:status::text is null or c.status = :status)
      and ${createdBeforeCursorSql('c')}
    order by c.created_at desc, c.id desc limit :limit`,
);

export const selectActiveCallsOfCampaigns = sql<CallRow, { campaignIds: readonly string[] }>(
  `select ${CALL_COLUMNS} from ${CALL_TABLES} where c.campaign_id = any(:campaignIds::uuid[]) and c.status = 'ACTIVE'`,
);

/** A campaign's active calls, oldest first: where a feed of its calls starts. */
export const selectActiveCallsOfCampaign = sql<CallRow, { campaignId: string }>(
  `select ${CALL_COLUMNS} from ${CALL_TABLES} where c.campaign_id = :campaignId and c.status = 'ACTIVE' order by c.started_at, c.id`,
);

/** Some calls of one campaign, oldest first. */
export const selectCallsOfCampaign = sql<CallRow, { campaignId: string; callIds: readonly string[] }>(
  `select ${CALL_COLUMNS} from ${CALL_TABLES} where c.campaign_id = :campaignId and c.id = any(:callIds::uuid[]) order by c.started_at, c.id`,
);

/** A call's grant: its status and, while it is active (it has a meter), the end of its funded time. */
export interface CallGrantRow {
  id: string;
  status: CallStatus;
  funded_until_ms: number | null;
}

/**
 * The grants of `callIds` of one account (of every account for a null scope), in one statement: a
 * call's row and its narrow meter by primary key, nothing else read. Ids of no such call are absent.
 */
export const selectCallGrants = sql<CallGrantRow, { callIds: readonly string[]; accountScope: string | null }>(
  `select c.id, c.status, (extract(epoch from c.started_at) * 1000 + m.funded_seconds * 1000)::float8 as funded_until_ms
     from call c left join call_meter m on m.call_id = c.id and c.status = 'ACTIVE'
    where c.id = any(:callIds::uuid[]) and (:accountScope::uuid is null or c.account_id = :accountScope)`,
);

export const selectCallStatuses = sql<{ id: string; status: CallStatus }, { callIds: readonly string[] }>(
  'select id, status from call where id = any(:callIds::uuid[])',
);

// The billing clock: per batch, one statement per table, in the lock order (its call and meter
// statements are in call-meter.queries.ts).

/** Locks the wallets of a batch's calls, in id order. */
export const lockBatchWallets = sql<{ id: string; balance_micros: string; reserved_micros: string }, { walletIds: readonly string[] }>(
  'select id, balance_micros::text, reserved_micros::text from wallet where id = any(:walletIds::uuid[]) order by id for no key update',
  { prepareAs: 'billing_clock_lock_wallets' },
);

/** Locks the subscriptions of a batch's calls, in id order: their status and seconds of allowance free. */
export const lockBatchSubscriptions = sql<{ id: string; status: string; free_seconds: number }, { subscriptionIds: readonly string[] }>(
  `select id, status, allowance_seconds - used_seconds - reserved_seconds as free_seconds
     from subscription where id = any(:subscriptionIds::uuid[]) order by id for update`,
  { prepareAs: 'billing_clock_lock_subscriptions' },
);

/** Locks the campaigns of a batch's calls, in id order: their budget and what is committed against it. */
export const lockBatchCampaigns = sql<
  { id: string; account_id: string; status: CampaignStatus; budget_micros: string | null; committed_micros: string },
  { campaignIds: readonly string[] }
>(
  `select id, account_id, status, budget_micros::text, committed_micros::text
     from campaign where id = any(:campaignIds::uuid[]) order by id for no key update`,
  { prepareAs: 'billing_clock_lock_campaigns' },
);

/** Changes many subscriptions' reserved and used seconds. */
export const updateBatchSubscriptions = sql<never, { ids: string[]; reservedDeltas: number[]; usedDeltas: number[] }>(
  `update subscription s set reserved_seconds = s.reserved_seconds + u.reserved_delta, used_seconds = s.used_seconds + u.used_delta
     from unnest(:ids::uuid[], :reservedDeltas::int[], :usedDeltas::int[]) as u(id, reserved_delta, used_delta) where s.id = u.id`,
  { prepareAs: 'billing_clock_update_subscriptions' },
);

/**
 * The counters a call set-up batch (and a billing clock batch) changes, in ONE statement: many campaigns' counters (micros,
 * active calls; those given a status stopped), each changed campaign's CAMPAIGN_UPDATED outbox event
 * (its new version), and many accounts' concurrent-call counts (`accountDeltas[i]` more on account
 * `accountIds[i]`, negative for fewer; ids distinct). Either list may be empty. No answer is awaited
 * between the parts, so a batch sends it in the round trip that commits, one statement fewer than a
 * campaign statement and an account statement.
 *
 * Lock order: campaigns before accounts, as everywhere (an end batch locks neither before this
 * statement). The account update reads the campaign update's count first (an uncorrelated subquery,
 * evaluated once before its first row is scanned, so before any account row is locked), which runs
 * the campaign update to completion first; the outbox insert, which nothing reads, runs after both.
 */
export const updateCallCountersWithEvents = sql<
  never,
  {
    campaignIds: string[];
    committedDeltas: string[];
    spentDeltas: string[];
    activeDeltas: number[];
    stopStatuses: (string | null)[];
    accountIds: string[];
    accountDeltas: number[];
  }
>(
  `with m as (
     update campaign m set committed_micros = m.committed_micros + u.committed_delta, spent_micros = m.spent_micros + u.spent_delta,
            active_calls = m.active_calls + u.active_delta, status = coalesce(u.stop_status, m.status),
            version = m.version + 1, updated_at = now()
       from unnest(:campaignIds::uuid[], :committedDeltas::bigint[], :spentDeltas::bigint[], :activeDeltas::int[], :stopStatuses::text[])
            as u(id, committed_delta, spent_delta, active_delta, stop_status)
      where m.id = u.id
      returning m.id, m.account_id, m.version),
   events as (
     insert into outbox_event (type, account_id, campaign_id, call_id, version)
     select 'CAMPAIGN_UPDATED', m.account_id, m.id, null, m.version from m order by m.id)
   update account a set active_calls = a.active_calls + u.delta
     from unnest(:accountIds::uuid[], :accountDeltas::int[]) as u(id, delta)
    where a.id = u.id and (select count(*) from m) >= 0`,
  { prepareAs: 'call_batches_update_counters' },
);
