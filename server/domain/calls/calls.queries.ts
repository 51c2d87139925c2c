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

/** Columns of a {@link CallRow} from table `call c`. */
export const CALL_COLUMNS = `c.id, c.account_id, c.campaign_id, c.wallet_id, c.to_number, c.status, c.end_reason, c.rate_prefix,
  c.per_minute_micros::text, c.first_increment_seconds, c.next_increment_seconds, c.connect_fee_micros::text,
  ${ms('started_at')}, ${ms('ended_at')}, c.funded_seconds, c.reserved_micros::text, c.billed_seconds, c.cost_micros::text,
  ${ms('next_check_at')}, c.transaction_id, c.idempotency_key, c.version::text,
  (extract(epoch from c.created_at) * 1000000)::bigint::text as created_at_us, c.subscription_id, c.allowance_seconds,
  c.direction, c.number_id, c.from_number`;

// Starting a call (in its transaction, in the lock order: wallet, subscription, campaign, account).

/**
 * Locks the wallet a call would spend from; with its account's status (a closed account's wallet stays suspended).
 * Wallets are locked FOR NO KEY UPDATE everywhere: writers still take turns, but a foreign-key check
 * of a row that references the wallet (a call, message, number, transaction) never waits behind the
 * lock, which closed deadlock cycles between call starts, the billing clock and purchases (chaos storm).
 */
export const lockCallWallet = sql<
  { balance_micros: string; reserved_micros: string; status: string; account_status: string; account_email_unverified: boolean },
  { walletId: string }
>(
  `select w.balance_micros::text, w.reserved_micros::text, w.status, a.status as account_status,
          a.email_verified_at is null as account_email_unverified
     from wallet w join account a on a.id = w.account_id where w.id = :walletId for no key update of w`,
);

/** Locks the wallet's ACTIVE subscription, if any: the seconds of allowance free, and its plan's overage rate. */
export const lockCallSubscription = sql<
  { id: string; free_seconds: number; overage_per_minute_micros: string | null },
  { walletId: string }
>(
  `select s.id, s.allowance_seconds - s.used_seconds - s.reserved_seconds as free_seconds, p.overage_per_minute_micros::text
     from subscription s join subscription_plan p on p.id = s.plan_id
    where s.wallet_id = :walletId and s.status = 'ACTIVE' for update of s`,
);

/** Counts one more active call on the account unless it is at `activeCallsMax`; no row when it is. */
export const admitAccountCall = sql<{ id: string }, { accountId: string; activeCallsMax: number }>(
  'update account set active_calls = active_calls + 1 where id = :accountId and active_calls < :activeCallsMax returning id',
);

export const insertCall = sql<
  CallRow,
  {
    id: string;
    accountId: string;
    direction: CallDirection;
    campaignId: string | null;
    numberId: string | null;
    from: string | null;
    walletId: string;
    to: string;
    status: CallStatus;
    endReason: CallEndReason | null;
    ratePrefix: string;
    perMinuteMicros: bigint;
    firstIncrementSeconds: number;
    nextIncrementSeconds: number;
    connectFeeMicros: bigint;
    startedAt: string;
    endedAt: string | null;
    fundedSeconds: number;
    reservedMicros: bigint;
    nextCheckAt: string | null;
    idempotencyKey: string | null;
    subscriptionId: string | null;
    allowanceSeconds: number;
  }
>(
  `insert into call as c (id, account_id, direction, campaign_id, number_id, from_number, wallet_id, to_number, status, end_reason, rate_prefix,
     per_minute_micros, first_increment_seconds, next_increment_seconds, connect_fee_micros, started_at, ended_at, funded_seconds, reserved_micros,
     next_check_at, idempotency_key, subscription_id, allowance_seconds)
   values (:id, :accountId, :direction, :campaignId, :numberId, :from, :walletId, :to, :status, :endReason, :ratePrefix,
     :perMinuteMicros, :firstIncrementSeconds, :nextIncrementSeconds, :connectFeeMicros, :startedAt, :endedAt, :fundedSeconds, :reservedMicros,
     :nextCheckAt, :idempotencyKey, :subscriptionId, :allowanceSeconds)
   returning ${CALL_COLUMNS}`,
);

/** Holds `seconds` of a subscription's allowance for a call in progress. */
export const reserveSubscriptionSeconds = sql<never, { subscriptionId: string; seconds: number }>(
  'update subscription set reserved_seconds = reserved_seconds + :seconds where id = :subscriptionId',
);

// Ending a call.

/** A call by id within the tenant `accountScope` (null: any account), locked for its end. */
export const lockCall = sql<CallRow, { callId: string; accountScope: string | null }>(
  `select ${CALL_COLUMNS} from call c where c.id = :callId and (:accountScope::uuid is null or c.account_id = :accountScope) for update`,
);

export const completeCall = sql<
  CallRow,
  { callId: string; endedAt: string; billedSeconds: number; costMicros: bigint; allowanceSeconds: number }
>(
  `update call c set status = 'COMPLETED', end_reason = 'HANGUP', ended_at = :endedAt, billed_seconds = :billedSeconds, cost_micros = :costMicros,
          allowance_seconds = :allowanceSeconds, next_check_at = null, version = version + 1, updated_at = now()
    where c.id = :callId returning ${CALL_COLUMNS}`,
);

/** Gives back the allowance a call held (`reservedSeconds`) and counts what it used (`usedSeconds`). */
export const settleSubscriptionSeconds = sql<never, { subscriptionId: string; reservedSeconds: number; usedSeconds: number }>(
  'update subscription set reserved_seconds = reserved_seconds - :reservedSeconds, used_seconds = used_seconds + :usedSeconds where id = :subscriptionId',
);

export const releaseAccountCall = sql<never, { accountId: string }>(
  'update account set active_calls = active_calls - 1 where id = :accountId',
);

// Posting and reading calls.

/** Records the ledger transaction of an ended call's cost (once). */
export const markCallPosted = sql<never, { callId: string; transactionId: string }>(
  'update call set transaction_id = :transactionId where id = :callId and transaction_id is null',
);

/** Ended calls whose cost is not on the ledger yet. */
export const selectUnpostedCalls = sql<CallRow>(
  `select ${CALL_COLUMNS} from call c where c.status in ('COMPLETED', 'STOPPED') and c.transaction_id is null and c.cost_micros > 0`,
);

/** A call by id within the tenant `accountScope` (null: any account). */
export const selectCall = sql<CallRow, { callId: string; accountScope: string | null }>(
  `select ${CALL_COLUMNS} from call c where c.id = :callId and (:accountScope::uuid is null or c.account_id = :accountScope)`,
);

export const selectCallByIdempotencyKey = sql<CallRow, { campaignId: string; idempotencyKey: string }>(
  `select ${CALL_COLUMNS} from call c where c.campaign_id = :campaignId and c.idempotency_key = :idempotencyKey`,
);

/** The inbound call an idempotency key started on a number. */
export const selectInboundCallByIdempotencyKey = sql<CallRow, { numberId: string; idempotencyKey: string }>(
  `select ${CALL_COLUMNS} from call c where c.number_id = :numberId and c.idempotency_key = :idempotencyKey`,
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
  `select ${CALL_COLUMNS} from call c where c.number_id = :numberId and c.status = 'ACTIVE' order by c.started_at, c.id`,
);

/** Some inbound calls of one number, oldest first. */
export const selectInboundCallsOfNumber = sql<CallRow, { numberId: string; callIds: readonly string[] }>(
  `select ${CALL_COLUMNS} from call c where c.number_id = :numberId and c.id = any(:callIds::uuid[]) order by c.started_at, c.id`,
);

/** An account's inbound calls (of one number and one wallet, or all when null), newest first, after the cursor; `limit` rows. */
export const selectInboundCallsPage = sql<
  CallRow,
  { accountId: string; numberId: string | null; walletId: string | null; afterUs: string | null; afterId: string | null; limit: number }
>(
  `select ${CALL_COLUMNS} from call c
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
  `select ${CALL_COLUMNS} from call c
    where c.campaign_id = :campaignId and (:status::text is null or c.status = :status)
      and ${createdBeforeCursorSql('c')}
    order by c.created_at desc, c.id desc limit :limit`,
);

export const selectActiveCallsOfCampaigns = sql<CallRow, { campaignIds: readonly string[] }>(
  `select ${CALL_COLUMNS} from call c where c.campaign_id = any(:campaignIds::uuid[]) and c.status = 'ACTIVE'`,
);

/** A campaign's active calls, oldest first: where a feed of its calls starts. */
export const selectActiveCallsOfCampaign = sql<CallRow, { campaignId: string }>(
  `select ${CALL_COLUMNS} from call c where c.campaign_id = :campaignId and c.status = 'ACTIVE' order by c.started_at, c.id`,
);

/** Some calls of one campaign, oldest first. */
export const selectCallsOfCampaign = sql<CallRow, { campaignId: string; callIds: readonly string[] }>(
  `select ${CALL_COLUMNS} from call c where c.campaign_id = :campaignId and c.id = any(:callIds::uuid[]) order by c.started_at, c.id`,
);

export const selectCallStatuses = sql<{ id: string; status: CallStatus }, { callIds: readonly string[] }>(
  'select id, status from call where id = any(:callIds::uuid[])',
);

// The billing clock: per batch, one statement per table, in the lock order.

/** Every active call's next due time, in epoch milliseconds (a partial index covers active calls). */
export const selectActiveCallsDue = sql<{ id: string; next_check_at_ms: number }>(
  `select id, (extract(epoch from next_check_at) * 1000)::float8 as next_check_at_ms from call where status = 'ACTIVE'`,
  { prepareAs: 'billing_clock_rescan' },
);

/** Of `callIds`, the status and next due time (null once ended). */
export const selectCallsDue = sql<{ id: string; status: string; next_check_at_ms: number | null }, { callIds: readonly string[] }>(
  `select id, status, (extract(epoch from next_check_at) * 1000)::float8 as next_check_at_ms from call where id = any(:callIds::uuid[])`,
  { prepareAs: 'billing_clock_reschedule' },
);

/** Claims those of `callIds` still active and due at `now`; rows another process holds are skipped. */
export const claimDueCalls = sql<CallRow, { callIds: readonly string[]; now: string }>(
  `select ${CALL_COLUMNS} from call c
    where c.id = any(:callIds::uuid[]) and c.status = 'ACTIVE' and c.next_check_at <= :now
    for update skip locked`,
  { prepareAs: 'billing_clock_claim' },
);

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

/** Writes a batch's calls (element i of each array is call i's new state); their new versions. */
export const updateBatchCalls = sql<
  { id: string; version: string },
  {
    ids: string[];
    fundedSeconds: number[];
    reservedMicros: string[];
    nextCheckAts: (string | null)[];
    statuses: string[];
    endReasons: (string | null)[];
    endedAts: (string | null)[];
    billedSeconds: number[];
    costMicros: string[];
    allowanceSeconds: number[];
  }
>(
  `update call c set funded_seconds = u.funded_seconds, reserved_micros = u.reserved_micros, next_check_at = u.next_check_at,
          status = u.status, end_reason = u.end_reason, ended_at = u.ended_at, billed_seconds = u.billed_seconds,
          cost_micros = u.cost_micros, allowance_seconds = u.allowance_seconds, version = c.version + 1, updated_at = now()
     from unnest(:ids::uuid[], :fundedSeconds::int[], :reservedMicros::bigint[], :nextCheckAts::timestamptz[], :statuses::text[], :endReasons::text[],
                 :endedAts::timestamptz[], :billedSeconds::int[], :costMicros::bigint[], :allowanceSeconds::int[])
          as u(id, funded_seconds, reserved_micros, next_check_at, status, end_reason, ended_at, billed_seconds, cost_micros, allowance_seconds)
    where c.id = u.id
    returning c.id, c.version::text`,
  { prepareAs: 'billing_clock_update_calls' },
);

/** Changes many subscriptions' reserved and used seconds. */
export const updateBatchSubscriptions = sql<never, { ids: string[]; reservedDeltas: number[]; usedDeltas: number[] }>(
  `update subscription s set reserved_seconds = s.reserved_seconds + u.reserved_delta, used_seconds = s.used_seconds + u.used_delta
     from unnest(:ids::uuid[], :reservedDeltas::int[], :usedDeltas::int[]) as u(id, reserved_delta, used_delta) where s.id = u.id`,
  { prepareAs: 'billing_clock_update_subscriptions' },
);

/** Changes many campaigns' counters (micros, active calls) and stops those given a status; their new versions. */
export const updateBatchCampaigns = sql<
  { id: string; account_id: string; version: string },
  { ids: string[]; committedDeltas: string[]; spentDeltas: string[]; activeDeltas: number[]; stopStatuses: (string | null)[] }
>(
  `update campaign m set committed_micros = m.committed_micros + u.committed_delta, spent_micros = m.spent_micros + u.spent_delta,
          active_calls = m.active_calls + u.active_delta, status = coalesce(u.stop_status, m.status),
          version = m.version + 1, updated_at = now()
     from unnest(:ids::uuid[], :committedDeltas::bigint[], :spentDeltas::bigint[], :activeDeltas::int[], :stopStatuses::text[])
          as u(id, committed_delta, spent_delta, active_delta, stop_status)
    where m.id = u.id
    returning m.id, m.account_id, m.version::text`,
  { prepareAs: 'billing_clock_update_campaigns' },
);

/** Counts `ended[i]` fewer active calls on account `ids[i]`. */
export const releaseAccountsCalls = sql<never, { ids: string[]; ended: number[] }>(
  `update account a set active_calls = a.active_calls - u.ended
     from unnest(:ids::uuid[], :ended::int[]) as u(id, ended) where a.id = u.id`,
  { prepareAs: 'billing_clock_release_accounts' },
);
