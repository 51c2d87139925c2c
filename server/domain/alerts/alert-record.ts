import type { AlertKind, AlertSeverity } from './alert-kinds.js';
import type { AlertRow } from './alerts.queries.js';

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
  /** Its acknowledgement's position in the acknowledgement feed (commit order); null while not acknowledged. */
  acknowledgementPosition: bigint | null;
}

function bigintOrNull(text: string | null): bigint | null {
  return text === null ? null : BigInt(text);
}

/** Maps a row of `ALERT_COLUMNS` (alerts.queries.ts). */
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
    acknowledgementPosition: bigintOrNull(row.acknowledgement_position),
  };
}

/** A feed position as clients send it back: the decimal id of the last alert they have ("0": from the start). */
export const ALERT_POSITION_PATTERN = /^(0|[1-9][0-9]{0,18})$/;
