import { AlertKind, AlertSeverity } from './alert-kinds.js';

/** A stored alert. */
export interface AlertRecord {
  /** Its position in the alert feed: ids are commit order across all accounts. */
  id: bigint;
  kind: AlertKind;
  severity: AlertSeverity;
  accountId: string;
  walletId: string | null;
  campaignId: string | null;
  currency: string | null;
  thresholdMicros: bigint | null;
  balanceMicros: bigint | null;
  amountMicros: bigint | null;
  callsStopped: number | null;
  message: string;
  raisedAt: Date;
  acknowledgedAt: Date | null;
  acknowledgedBy: string | null;
}

/** The columns {@link toAlertRecord} reads, of table `alert` aliased `a`. */
export const ALERT_COLUMNS = `a.id::text, a.kind, a.severity, a.account_id, a.wallet_id, a.campaign_id, a.currency,
  a.threshold_micros::text, a.balance_micros::text, a.amount_micros::text, a.calls_stopped, a.message, a.raised_at,
  a.acknowledged_at, a.acknowledged_by`;

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
}

function bigintOrNull(text: string | null): bigint | null {
  return text === null ? null : BigInt(text);
}

/** Maps a row of {@link ALERT_COLUMNS}. */
export function toAlertRecord(row: AlertRow): AlertRecord {
  return {
    id: BigInt(row.id),
    kind: row.kind,
    severity: row.severity,
    accountId: row.account_id,
    walletId: row.wallet_id,
    campaignId: row.campaign_id,
    currency: row.currency?.trim() ?? null,
    thresholdMicros: bigintOrNull(row.threshold_micros),
    balanceMicros: bigintOrNull(row.balance_micros),
    amountMicros: bigintOrNull(row.amount_micros),
    callsStopped: row.calls_stopped,
    message: row.message,
    raisedAt: new Date(row.raised_at),
    acknowledgedAt: row.acknowledged_at === null ? null : new Date(row.acknowledged_at),
    acknowledgedBy: row.acknowledged_by,
  };
}

/** A feed position as clients send it back: the decimal id of the last alert they have ("0": from the start). */
export const ALERT_POSITION_PATTERN = /^(0|[1-9][0-9]{0,18})$/;
