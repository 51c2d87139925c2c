/**
 * The campaigns' SQL: every statement on `campaign` (and the outbox rows of campaign and call
 * changes), each with the type of its rows. Services run them; see database/sql.ts.
 */
import { sql } from '../../database/sql.js';
import type { CampaignStatus } from './campaign-record.js';
import { createdBeforeCursorSql } from './created-cursor.js';

/** A `campaign` row as selected with {@link CAMPAIGN_COLUMNS}. */
export interface CampaignRow {
  id: string;
  account_id: string;
  wallet_id: string;
  rate_plan_id: string;
  name: string;
  status: CampaignStatus;
  budget_micros: string | null;
  committed_micros: string;
  spent_micros: string;
  active_calls: number;
  simulate: boolean;
  version: string;
  created_at_ms: number;
  created_at_us: string;
  updated_at_ms: number;
}

/** Columns of a {@link CampaignRow} from table `campaign m`. */
export const CAMPAIGN_COLUMNS = `m.id, m.account_id, m.wallet_id, m.rate_plan_id, m.name, m.status, m.budget_micros::text,
  m.committed_micros::text, m.spent_micros::text, m.active_calls, m.simulate, m.version::text,
  (extract(epoch from m.created_at) * 1000)::float8 as created_at_ms,
  (extract(epoch from m.created_at) * 1000000)::bigint::text as created_at_us,
  (extract(epoch from m.updated_at) * 1000)::float8 as updated_at_ms`;

export const insertCampaign = sql<
  CampaignRow,
  { id: string; accountId: string; walletId: string; ratePlanId: string; name: string; budgetMicros: bigint | null; simulate: boolean }
>(
  `insert into campaign as m (id, account_id, wallet_id, rate_plan_id, name, status, budget_micros, simulate)
   values (:id, :accountId, :walletId, :ratePlanId, :name, 'DRAFT', :budgetMicros, :simulate) returning ${CAMPAIGN_COLUMNS}`,
);

/** A campaign by id, within the tenant `accountScope` (null: any account). */
export const selectCampaign = sql<CampaignRow, { campaignId: string; accountScope: string | null }>(
  `select ${CAMPAIGN_COLUMNS} from campaign m where m.id = :campaignId and (:accountScope::uuid is null or m.account_id = :accountScope)`,
);

/** Campaigns by id (unknown ids absent), within the tenant `accountScope` (null: any account): one statement for a request's many. */
export const selectCampaigns = sql<CampaignRow, { campaignIds: string[]; accountScope: string | null }>(
  `select ${CAMPAIGN_COLUMNS} from campaign m
    where m.id = any(:campaignIds::uuid[]) and (:accountScope::uuid is null or m.account_id = :accountScope)`,
);

/** Locks a campaign's row for a change of its status or counters (after calls and wallets in the lock order). */
export const lockCampaign = sql<CampaignRow, { campaignId: string }>(
  `select ${CAMPAIGN_COLUMNS} from campaign m where m.id = :campaignId for no key update`,
);

export const updateCampaignStatus = sql<CampaignRow, { campaignId: string; status: CampaignStatus }>(
  `update campaign m set status = :status, version = version + 1, updated_at = now() where m.id = :campaignId returning ${CAMPAIGN_COLUMNS}`,
);

/** Sets a campaign's name and budget (the caller holds its lock and checked the budget against committed). */
export const updateCampaignSettings = sql<CampaignRow, { campaignId: string; name: string; budgetMicros: bigint | null }>(
  `update campaign m set name = :name, budget_micros = :budgetMicros, version = version + 1, updated_at = now()
    where m.id = :campaignId returning ${CAMPAIGN_COLUMNS}`,
);

/**
 * Applies counter changes to one campaign; a stop status replaces RUNNING only. Deltas are
 * bigint micros (committed, spent) and a count of active calls.
 */
export const updateCampaignCounters = sql<
  { version: string },
  { campaignId: string; committedDeltaMicros: bigint; spentDeltaMicros: bigint; activeDelta: number; stopStatus: CampaignStatus | null }
>(
  `update campaign set committed_micros = committed_micros + :committedDeltaMicros, spent_micros = spent_micros + :spentDeltaMicros,
          active_calls = active_calls + :activeDelta,
          status = case when :stopStatus::text is not null and status = 'RUNNING' then :stopStatus::text else status end,
          version = version + 1, updated_at = now()
    where id = :campaignId returning version::text`,
  { prepareAs: 'campaign_update_counters' },
);

/** The caller's campaigns (null scope: every account's), newest first, after the cursor; `limit` rows. */
export const selectCampaignsPage = sql<
  CampaignRow,
  { accountScope: string | null; afterUs: string | null; afterId: string | null; limit: number }
>(
  `select ${CAMPAIGN_COLUMNS} from campaign m
    where (:accountScope::uuid is null or m.account_id = :accountScope)
      and ${createdBeforeCursorSql('m')}
    order by m.created_at desc, m.id desc limit :limit`,
);

/** Writes campaign and call events to the outbox, one row per element of the arrays. */
export const insertEntityEvents = sql<
  never,
  { types: string[]; accountIds: string[]; campaignIds: (string | null)[]; callIds: (string | null)[]; versions: string[] }
>(
  `insert into outbox_event (type, account_id, campaign_id, call_id, version)
   select * from unnest(:types::text[], :accountIds::uuid[], :campaignIds::uuid[], :callIds::uuid[], :versions::bigint[])`,
  { prepareAs: 'outbox_insert_entity_events' },
);

/**
 * Posted spend per minute of each of `campaignIds` over the last `minutes` minutes (database
 * clock), every minute present: debits count, credits (refunds) subtract.
 */
export const selectSpendByMinute = sql<
  { campaign_id: string; minute_ms: number; spent: string },
  { campaignIds: readonly string[]; minutes: number }
>(
  `with bounds as (select date_trunc('minute', now()) as last_minute),
        minutes as (select generate_series(b.last_minute - make_interval(mins => :minutes - 1), b.last_minute, interval '1 minute') as minute from bounds b),
        spend as (
          select t.campaign_id, date_trunc('minute', t.created_at) as minute,
                 sum(case t.type when 'DEBIT' then t.amount_micros else -t.amount_micros end) as spent
            from wallet_transaction t, bounds b
           where t.campaign_id = any(:campaignIds::uuid[]) and t.created_at >= b.last_minute - make_interval(mins => :minutes - 1)
           group by 1, 2)
   select c.id as campaign_id, (extract(epoch from m.minute) * 1000)::float8 as minute_ms, coalesce(s.spent, 0)::text as spent
     from unnest(:campaignIds::uuid[]) as c(id) cross join minutes m
     left join spend s on s.campaign_id = c.id and s.minute = m.minute
    order by c.id, m.minute`,
);

/** RUNNING campaigns created with `simulate: true`: the dialer simulator's to dial for. */
export const selectSimulatedCampaigns = sql<{ id: string; account_id: string; wallet_id: string }>(
  `select id, account_id, wallet_id from campaign where simulate and status = 'RUNNING'`,
);

export const selectCampaignAccount = sql<{ account_id: string }, { campaignId: string }>(
  'select account_id from campaign where id = :campaignId',
);

/**
 * What a call needs of its campaign that never changes once the campaign is created: its account,
 * wallet and rate plan (campaign-route-cache.ts). Any account's: the caller checks the tenant.
 */
export const selectCampaignRoute = sql<{ id: string; account_id: string; wallet_id: string; rate_plan_id: string }, { campaignId: string }>(
  'select id, account_id, wallet_id, rate_plan_id from campaign where id = :campaignId',
  { prepareAs: 'campaign_route' },
);
