/**
 * The alerts area's SQL: alerts, the processor's per-wallet and per-campaign state, the stopped
 * calls it gathers, and what it reads to word an alert; each statement with its row type.
 */
import { sql } from '../../database/sql.js';
import type { AlertKind, AlertSeverity } from './alert-kinds.js';

/** The columns `toAlertRecord` reads, of table `alert` aliased `a`. */
export const ALERT_COLUMNS = `a.id::text, a.kind, a.severity, a.account_id, a.wallet_id, a.campaign_id, a.currency,
  a.threshold_micros::text, a.balance_micros::text, a.amount_micros::text, a.calls_stopped, a.message, a.raised_at,
  a.acknowledged_at, a.acknowledged_by, a.acknowledgement_position::text`;

/** A row of {@link ALERT_COLUMNS}. */
export interface AlertRow {
  id: string;
  kind: AlertKind;
  severity: AlertSeverity;
  account_id: string;
  wallet_id: string | null;
  campaign_id: string | null;
  currency: string | null;
  threshold_micros: string | null;
  balance_micros: string | null;
  amount_micros: string | null;
  calls_stopped: number | null;
  message: string;
  raised_at: Date | string;
  acknowledged_at: Date | string | null;
  acknowledged_by: string | null;
  acknowledgement_position: string | null;
}

// Reading and acknowledging alerts.

/** A page of alerts, newest first, with optional filters (null: no filter); `beforeId` is the previous page's last position. */
export const selectAlertsPage = sql<
  AlertRow,
  {
    accountId: string | null;
    kinds: readonly string[] | null;
    acknowledged: boolean | null;
    from: string | null;
    to: string | null;
    beforeId: string | null;
    limit: number;
  }
>(
  `select ${ALERT_COLUMNS} from alert a
    where (:accountId::uuid is null or a.account_id = :accountId)
      and (:kinds::text[] is null or a.kind = any(:kinds))
      and (:acknowledged::boolean is null or (a.acknowledged_at is not null) = :acknowledged)
      and (:from::timestamptz is null or a.raised_at >= :from)
      and (:to::timestamptz is null or a.raised_at < :to)
      and (:beforeId::bigint is null or a.id < :beforeId)
    order by a.id desc
    limit :limit`,
);

/** One alert within `accountId` (null: any account). */
export const selectVisibleAlert = sql<AlertRow, { alertId: string; accountId: string | null }>(
  `select ${ALERT_COLUMNS} from alert a where a.id = :alertId and (:accountId::uuid is null or a.account_id = :accountId)`,
);

/**
 * Locks the acknowledgement feed's head until commit: every acknowledging transaction takes it
 * first, so acknowledgement positions are commit order (a reader of `position > last` skips none).
 */
export const lockAcknowledgementHead = sql<{ position: string }>('select position::text from alert_acknowledgement_head for update');

/** Moves the head to the newest position given out (call under {@link lockAcknowledgementHead}, after acknowledging). */
export const advanceAcknowledgementHead = sql<never>(
  `update alert_acknowledgement_head set position = greatest(position, (select case when is_called then last_value else 0 end from alert_acknowledgement_position_seq))`,
);

/** Acknowledges an alert not acknowledged yet (with the next feed position); no row when it was, or is not visible. */
export const acknowledgeVisibleAlert = sql<AlertRow, { alertId: string; accountId: string | null; at: string; by: string }>(
  `update alert a set acknowledged_at = :at, acknowledged_by = :by, acknowledgement_position = nextval('alert_acknowledgement_position_seq')
    where a.id = :alertId and (:accountId::uuid is null or a.account_id = :accountId) and a.acknowledged_at is null
    returning ${ALERT_COLUMNS}`,
);

/**
 * Acknowledges, of `alertIds`, those visible within `accountId` (null: any account) and not
 * acknowledged yet, each with the next feed position.
 */
export const acknowledgeVisibleAlerts = sql<AlertRow, { alertIds: string[]; accountId: string | null; at: string; by: string }>(
  `update alert a set acknowledged_at = :at, acknowledged_by = :by, acknowledgement_position = nextval('alert_acknowledgement_position_seq')
    where a.id = any(:alertIds::bigint[]) and (:accountId::uuid is null or a.account_id = :accountId) and a.acknowledged_at is null
    returning ${ALERT_COLUMNS}`,
);

/** The alerts of `alertIds` within `accountId` (null: any account). */
export const selectVisibleAlerts = sql<AlertRow, { alertIds: string[]; accountId: string | null }>(
  `select ${ALERT_COLUMNS} from alert a where a.id = any(:alertIds::bigint[]) and (:accountId::uuid is null or a.account_id = :accountId)`,
);

// Writing alerts.

/** Writes an alert cause (JSON) to the outbox. */
export const insertAlertCause = sql<never, { accountId: string; cause: string }>(
  `insert into outbox_event (type, account_id, alert_cause) values ('ALERT_CAUSE', :accountId, :cause::jsonb)`,
);

/** Inserts alerts (parallel arrays) in order, skipping any whose dedupe key exists; returns the new ids. */
export const insertAlertRows = sql<
  { id: string },
  {
    kinds: string[];
    severities: string[];
    accountIds: string[];
    walletIds: (string | null)[];
    campaignIds: (string | null)[];
    currencies: (string | null)[];
    thresholdsMicros: (string | null)[];
    balancesMicros: (string | null)[];
    amountsMicros: (string | null)[];
    callsStopped: (number | null)[];
    messages: string[];
    dedupeKeys: string[];
    raisedAts: string[];
  }
>(
  `insert into alert (kind, severity, account_id, wallet_id, campaign_id, currency, threshold_micros, balance_micros,
                      amount_micros, calls_stopped, message, dedupe_key, raised_at)
   select kind, severity, account_id, wallet_id, campaign_id, currency, threshold_micros, balance_micros,
          amount_micros, calls_stopped, message, dedupe_key, raised_at
     from unnest(:kinds::text[], :severities::text[], :accountIds::uuid[], :walletIds::uuid[], :campaignIds::uuid[], :currencies::text[],
                 :thresholdsMicros::bigint[], :balancesMicros::bigint[], :amountsMicros::bigint[], :callsStopped::int[], :messages::text[],
                 :dedupeKeys::text[], :raisedAts::timestamptz[]) with ordinality
                 as a(kind, severity, account_id, wallet_id, campaign_id, currency, threshold_micros, balance_micros,
                      amount_micros, calls_stopped, message, dedupe_key, raised_at, position)
   order by position
   on conflict (dedupe_key) do nothing
   returning id`,
);

/** Accounts due an ACCOUNT_CLOSING warning at `now` (see warn-closing-accounts.service.ts), with the wallet the alert names. */
export const selectClosingAccountsDue = sql<
  { account_id: string; closes_at: string; days: number; dedupe_key: string; wallet_id: string; currency: string },
  { now: string; closeAfterDays: number; warningDays: number[] }
>(
  `with dormant as (
     select w.account_id, max(w.suspended_at) + :closeAfterDays * interval '1 day' as closes_at
       from wallet w
      where w.account_id in (select account_id from wallet where status = 'SUSPENDED')
      group by w.account_id
     having bool_and(w.status = 'SUSPENDED')),
   urgent as (
     select d.account_id, d.closes_at, min(days.d) as days
       from dormant d join account a on a.id = d.account_id and a.status = 'ACTIVE'
      cross join unnest(:warningDays::int[]) as days(d)
      where :now::timestamptz >= d.closes_at - days.d * interval '1 day' and :now::timestamptz < d.closes_at
      group by d.account_id, d.closes_at)
   select u.account_id, u.closes_at, u.days,
          'ACCOUNT_CLOSING:' || u.account_id || ':' || extract(epoch from u.closes_at)::bigint || ':' || u.days as dedupe_key,
          w.id as wallet_id, w.currency
     from urgent u
     join lateral (select id, currency from wallet where account_id = u.account_id order by created_at, id limit 1) w on true
    where not exists (select 1 from alert x
                       where x.dedupe_key = 'ACCOUNT_CLOSING:' || u.account_id || ':' || extract(epoch from u.closes_at)::bigint || ':' || u.days)`,
);

// Low-balance thresholds and the processor's per-wallet state.

/** The thresholds set on each of `walletIds` (wallets that never set them have no row). */
export const selectThresholdsOfWallets = sql<{ wallet_id: string; thresholds: string[] }, { walletIds: readonly string[] }>(
  `select wallet_id, thresholds_micros::text[] as thresholds from wallet_alert_state where wallet_id = any(:walletIds::uuid[])`,
);

/** Creates the alert state of each of `walletIds` that has none (starting from its first transaction). */
export const ensureWalletAlertStates = sql<never, { walletIds: string[] }>(
  `insert into wallet_alert_state (wallet_id) select unnest(:walletIds::uuid[]) on conflict do nothing`,
);

/** One wallet's thresholds, armed thresholds and last judged balance, locked until commit. */
export const lockWalletThresholds = sql<{ thresholds: string[]; armed: string[]; balance: string }, { walletId: string }>(
  `select thresholds_micros::text[] as thresholds, armed_micros::text[] as armed, balance_micros::text as balance
     from wallet_alert_state where wallet_id = :walletId for update`,
);

/** Replaces one wallet's thresholds and armed thresholds. */
export const updateWalletThresholds = sql<never, { walletId: string; thresholdsMicros: string[]; armedMicros: string[] }>(
  `update wallet_alert_state set thresholds_micros = :thresholdsMicros::bigint[], armed_micros = :armedMicros::bigint[] where wallet_id = :walletId`,
);

/** A wallet's alert state with what the processor needs of the wallet. */
export interface WalletAlertStateRow {
  wallet_id: string;
  account_id: string;
  currency: string;
  thresholds_micros: string[];
  armed_micros: string[];
  sequence: string;
  balance_micros: string;
  depleted: boolean;
  status: 'ACTIVE' | 'SUSPENDED';
  wallet_status: 'ACTIVE' | 'SUSPENDED';
  suspended_at: string | null;
}

/** The alert states of `walletIds`, locked in wallet id order. */
export const lockWalletAlertStates = sql<WalletAlertStateRow, { walletIds: string[] }>(
  `select s.wallet_id, w.account_id, w.currency, s.thresholds_micros::text[], s.armed_micros::text[], s.sequence::text,
          s.balance_micros::text, s.depleted, s.status, w.status as wallet_status, w.suspended_at
     from wallet_alert_state s join wallet w on w.id = s.wallet_id
    where s.wallet_id = any(:walletIds::uuid[])
    order by s.wallet_id
      for update of s`,
);

/** A balance move not judged yet. */
export interface BalanceMoveRow {
  wallet_id: string;
  sequence: string;
  balance_before_micros: string;
  balance_after_micros: string;
  created_at: string;
}

/**
 * The transactions of `walletIds` after each wallet's judged sequence, in order. Each wallet's are
 * read by a range probe of wallet_transaction's (wallet_id, sequence) key (a lateral subquery behind
 * `offset 0`, which PostgreSQL neither flattens nor turns into a join that reads a wallet's whole
 * history and filters it).
 */
export const selectUnjudgedMoves = sql<BalanceMoveRow, { walletIds: string[] }>(
  `select t.wallet_id, t.sequence::text, t.balance_before_micros::text, t.balance_after_micros::text, t.created_at
     from wallet_alert_state s
     cross join lateral (
       select t.wallet_id, t.sequence, t.balance_before_micros, t.balance_after_micros, t.created_at
         from wallet_transaction t
        where t.wallet_id = s.wallet_id and t.sequence > s.sequence
       offset 0) t
    where s.wallet_id = any(:walletIds::uuid[])
    order by t.wallet_id, t.sequence`,
);

/** What a wallet's transactions after its judged sequence span (see {@link selectUnjudgedSpans}). */
export interface UnjudgedSpanRow {
  wallet_id: string;
  /** Transactions after the judged sequence; 0 leaves the other columns null. */
  moves: number;
  lowest_balance_micros: string | null;
  highest_balance_micros: string | null;
  last_sequence: string | null;
  last_balance_micros: string | null;
}

/**
 * For each of `walletIds`, the transactions after its judged sequence summed up: how many, their
 * lowest and highest balance after, and the last one's sequence and balance. The alert processor
 * reads the moves one by one only for a wallet whose range could cross a threshold: a usage batch
 * used to bring back every transaction it posted (a row per event for the processor to parse).
 */
export const selectUnjudgedSpans = sql<UnjudgedSpanRow, { walletIds: string[] }>(
  `select s.wallet_id, m.moves::int as moves, m.lowest::text as lowest_balance_micros, m.highest::text as highest_balance_micros,
          m.last::text as last_sequence, l.balance_after_micros::text as last_balance_micros
     from wallet_alert_state s
     cross join lateral (
       select count(*) as moves, min(t.balance_after_micros) as lowest, max(t.balance_after_micros) as highest, max(t.sequence) as last
         from wallet_transaction t
        where t.wallet_id = s.wallet_id and t.sequence > s.sequence) m
     left join wallet_transaction l on l.wallet_id = s.wallet_id and l.sequence = m.last
    where s.wallet_id = any(:walletIds::uuid[])`,
);

/** Moves wallets' alert states forward (parallel arrays; `armed` as array literals). */
export const updateWalletAlertStates = sql<
  never,
  { walletIds: string[]; armed: string[]; sequences: string[]; balances: string[]; depleted: boolean[]; statuses: string[] }
>(
  `update wallet_alert_state s
      set armed_micros = u.armed::bigint[], sequence = u.sequence, balance_micros = u.balance, depleted = u.depleted, status = u.status
     from unnest(:walletIds::uuid[], :armed::text[], :sequences::bigint[], :balances::bigint[], :depleted::boolean[], :statuses::text[])
          as u(wallet_id, armed, sequence, balance, depleted, status)
    where s.wallet_id = u.wallet_id`,
);

// The processor's per-campaign state and stopped calls.

/** Creates the alert state of each of `campaignIds` that has none. */
export const ensureCampaignAlertStates = sql<never, { campaignIds: string[] }>(
  `insert into campaign_alert_state (campaign_id, status) select unnest(:campaignIds::uuid[]), 'DRAFT' on conflict do nothing`,
);

/** A campaign's alert state with what the processor needs of the campaign. */
export interface CampaignAlertStateRow {
  campaign_id: string;
  seen_status: string;
  status: string;
  account_id: string;
  wallet_id: string;
  currency: string;
  name: string;
  budget_micros: string | null;
  version: string;
  updated_at: string;
}

/** The alert states of `campaignIds`, locked in campaign id order. */
export const lockCampaignAlertStates = sql<CampaignAlertStateRow, { campaignIds: string[] }>(
  `select s.campaign_id, s.status as seen_status, c.status, c.account_id, c.wallet_id, w.currency, c.name,
          c.budget_micros::text, c.version::text, c.updated_at
     from campaign_alert_state s join campaign c on c.id = s.campaign_id join wallet w on w.id = c.wallet_id
    where s.campaign_id = any(:campaignIds::uuid[])
    order by s.campaign_id
      for update of s`,
);

/** Records the campaign statuses seen (parallel arrays). */
export const updateCampaignAlertStates = sql<never, { campaignIds: string[]; statuses: string[] }>(
  `update campaign_alert_state s set status = u.status
     from unnest(:campaignIds::uuid[], :statuses::text[]) as u(campaign_id, status) where s.campaign_id = u.campaign_id`,
);

/** End reasons of calls the server stopped for money (CALLS_STOPPED), as an SQL list. */
const STOPPED_FOR_MONEY_SQL = `('INSUFFICIENT_FUNDS', 'BUDGET_REACHED', 'WALLET_SUSPENDED', 'SPEND_CAP_REACHED')`;

/** Gathers, each once, the campaign calls among `callIds` the server stopped for money (CALLS_STOPPED is per campaign). */
export const gatherStoppedCalls = sql<never, { callIds: string[] }>(
  `insert into alert_stopped_call (call_id, campaign_id, end_reason)
   select id, campaign_id, end_reason from call
    where id = any(:callIds::uuid[]) and status = 'STOPPED' and end_reason in ${STOPPED_FOR_MONEY_SQL} and campaign_id is not null
   on conflict do nothing`,
);

/** Of `callIds`, the inbound calls the server stopped for money, with their wallet's currency, oldest stop first. */
export const selectStoppedInboundCalls = sql<
  {
    id: string;
    account_id: string;
    wallet_id: string;
    currency: string;
    number_id: string;
    to_number: string;
    end_reason: string;
    ended_at_ms: number;
  },
  { callIds: string[] }
>(
  `select c.id, c.account_id, c.wallet_id, w.currency, c.number_id, c.to_number, c.end_reason,
          (extract(epoch from c.ended_at) * 1000)::float8 as ended_at_ms
     from call c join wallet w on w.id = c.wallet_id
    where c.id = any(:callIds::uuid[]) and c.direction = 'INBOUND' and c.status = 'STOPPED' and c.end_reason in ${STOPPED_FOR_MONEY_SQL}
    order by c.ended_at, c.id`,
);

/** How many gathered stopped calls are not reported yet. */
export const countUnreportedStoppedCalls = sql<{ n: number }>(`select count(*)::int as n from alert_stopped_call where not alerted`);

/** One group of stopped calls to report: a campaign and stop reason. */
export interface StoppedCallsRow {
  campaign_id: string;
  account_id: string;
  wallet_id: string;
  currency: string;
  name: string;
  end_reason: string;
  calls: number;
  first_call_id: string;
  last_ended_at: string;
}

/**
 * Marks reported, and returns grouped per campaign and stop reason, the stopped calls of every
 * campaign with no call left up or whose first stop was seen `settleMs` ago, sweeping in the
 * campaign's latest `sweepMax` calls stopped since then that the outbox has not brought yet.
 */
export const reportStoppedCalls = sql<StoppedCallsRow, { settleMs: number; sweepMax: number }>(
  `with due as (
     select p.campaign_id, min(k.ended_at) as since
       from alert_stopped_call p join call k on k.id = p.call_id join campaign g on g.id = p.campaign_id
      where not p.alerted
      group by p.campaign_id, g.active_calls
     having g.active_calls = 0 or min(p.seen_at) <= now() - :settleMs * interval '1 millisecond'),
   swept as (
     insert into alert_stopped_call (call_id, campaign_id, end_reason, alerted)
     select c.id, c.campaign_id, c.end_reason, true
       from due cross join lateral (select id, campaign_id, end_reason, status, ended_at from call
                                     where campaign_id = due.campaign_id
                                     order by created_at desc limit :sweepMax) c
      where c.status = 'STOPPED' and c.end_reason in ${STOPPED_FOR_MONEY_SQL} and c.ended_at >= due.since
     on conflict do nothing
     returning call_id),
   marked as (
     update alert_stopped_call p set alerted = true
       from due where p.campaign_id = due.campaign_id and not p.alerted
     returning p.call_id),
   reported as (select call_id from swept union select call_id from marked)
   select c.campaign_id, c.account_id, c.wallet_id, w.currency, k.name, c.end_reason, count(*)::int as calls,
          min(c.id::text) as first_call_id, max(c.ended_at) as last_ended_at
     from reported r join call c on c.id = r.call_id join campaign k on k.id = c.campaign_id join wallet w on w.id = c.wallet_id
    group by c.campaign_id, c.account_id, c.wallet_id, w.currency, k.name, c.end_reason
    order by max(c.ended_at), c.campaign_id, c.end_reason`,
);

// What payment alerts are worded from.

/** Top-ups as payment alerts word them. */
export const selectTopUpsForAlerts = sql<
  { id: string; currency: string; amount_micros: string; total_micros: string; failure_reason: string | null; origin: string },
  { topUpIds: string[] }
>(`select id, currency, amount_micros::text, total_micros::text, failure_reason, origin from top_up where id = any(:topUpIds::uuid[])`);

/** The currency of each of `walletIds`. */
export const selectWalletCurrencies = sql<{ id: string; currency: string }, { walletIds: string[] }>(
  `select id, currency from wallet where id = any(:walletIds::uuid[])`,
);

// Readers of the alerts (the mail and webhook producers): each keeps its position in `alert_reader`.

/** Up to `limit` alerts after position `afterId`, in order. */
export const selectAlertsAfter = sql<AlertRow, { afterId: string; limit: number }>(
  `select ${ALERT_COLUMNS} from alert a where a.id > :afterId order by a.id limit :limit`,
);

/** Creates a reader's position at the newest alert when it is missing. */
export const ensureAlertReader = sql<never, { name: string }>(
  `insert into alert_reader (name, alert_id) select :name, coalesce(max(id), 0) from alert on conflict (name) do nothing`,
);

/** A reader's position, locked until commit. */
export const lockAlertReader = sql<{ alert_id: string }, { name: string }>(
  `select alert_id::text from alert_reader where name = :name for update`,
);

/** Moves a reader's position. */
export const moveAlertReader = sql<never, { name: string; alertId: string }>(
  `update alert_reader set alert_id = :alertId where name = :name`,
);

// The alert feed's positions.

/** The newest alert's position ("0" when there is none). */
export const selectAlertHead = sql<{ id: string }>(`select coalesce(max(id), 0)::text as id from alert`);

/** The highest alert position retention has deleted, if it ever deleted one. */
export const selectAlertsRetentionFloor = sql<{ position: string | null }>(
  `select position::text from retention_floor where name = 'alerts'`,
);
