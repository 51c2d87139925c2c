/** Where a campaign stands; only RUNNING campaigns may start calls. */
export enum CampaignStatus {
  DRAFT = 'DRAFT',
  RUNNING = 'RUNNING',
  PAUSED = 'PAUSED',
  STOPPED_INSUFFICIENT_FUNDS = 'STOPPED_INSUFFICIENT_FUNDS',
  STOPPED_BUDGET_REACHED = 'STOPPED_BUDGET_REACHED',
  COMPLETED = 'COMPLETED',
}

/** A campaign as stored. Amounts in micros. */
export interface CampaignRecord {
  id: string;
  accountId: string;
  walletId: string;
  ratePlanId: string;
  name: string;
  status: CampaignStatus;
  budgetMicros: bigint | null;
  /** Cost of ended calls plus the reservations of active ones: what the budget is checked against. */
  committedMicros: bigint;
  /** Cost of ended calls. */
  spentMicros: bigint;
  activeCalls: number;
  simulate: boolean;
  version: bigint;
  createdAtMs: number;
  /** created_at in epoch microseconds (exact): the page cursor. */
  createdAtUs: string;
  updatedAtMs: number;
}

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
export const CAMPAIGN_COLUMNS = `m.id, m.account_id, m.wallet_id, m.rate_plan_id, m.name, m.status, m.budget_micros,
  m.committed_micros, m.spent_micros, m.active_calls, m.simulate, m.version,
  (extract(epoch from m.created_at) * 1000)::float8 as created_at_ms,
  (extract(epoch from m.created_at) * 1000000)::bigint::text as created_at_us,
  (extract(epoch from m.updated_at) * 1000)::float8 as updated_at_ms`;

export function toCampaignRecord(row: CampaignRow): CampaignRecord {
  return {
    id: row.id,
    accountId: row.account_id,
    walletId: row.wallet_id,
    ratePlanId: row.rate_plan_id,
    name: row.name,
    status: row.status,
    budgetMicros: row.budget_micros === null ? null : BigInt(row.budget_micros),
    committedMicros: BigInt(row.committed_micros),
    spentMicros: BigInt(row.spent_micros),
    activeCalls: row.active_calls,
    simulate: row.simulate,
    version: BigInt(row.version),
    createdAtMs: row.created_at_ms,
    createdAtUs: row.created_at_us,
    updatedAtMs: row.updated_at_ms,
  };
}
