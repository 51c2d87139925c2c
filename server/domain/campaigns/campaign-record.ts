import type { CampaignRow } from './campaigns.queries.js';

/** Where a campaign stands; only RUNNING campaigns may start calls. */
export enum CampaignStatus {
  DRAFT = 'DRAFT',
  RUNNING = 'RUNNING',
  PAUSED = 'PAUSED',
  STOPPED_INSUFFICIENT_FUNDS = 'STOPPED_INSUFFICIENT_FUNDS',
  STOPPED_BUDGET_REACHED = 'STOPPED_BUDGET_REACHED',
  /** Stopped because a daily or monthly spend cap (the wallet's or the account's) could not fund a call. */
  STOPPED_SPEND_CAP = 'STOPPED_SPEND_CAP',
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

/** The record of a {@link CampaignRow}. */
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
