import { allowanceSplit, billedSeconds, callCostMicros } from '../rating/rating.js';

/** Where a call stands. */
export enum CallStatus {
  ACTIVE = 'ACTIVE',
  /** Hung up by a party (endCall). */
  COMPLETED = 'COMPLETED',
  /** Ended by the server at the end of its last funded increment. */
  STOPPED = 'STOPPED',
  /** Never connected: its first increment could not be reserved. */
  REFUSED = 'REFUSED',
}

/** Why a call ended or was refused. */
export enum CallEndReason {
  HANGUP = 'HANGUP',
  INSUFFICIENT_FUNDS = 'INSUFFICIENT_FUNDS',
  BUDGET_REACHED = 'BUDGET_REACHED',
  WALLET_SUSPENDED = 'WALLET_SUSPENDED',
}

/** A call as stored. Amounts in micros, times in epoch milliseconds. */
export interface CallRecord {
  id: string;
  accountId: string;
  campaignId: string;
  walletId: string;
  to: string;
  status: CallStatus;
  endReason: CallEndReason | null;
  ratePrefix: string;
  perMinuteMicros: bigint;
  firstIncrementSeconds: number;
  nextIncrementSeconds: number;
  connectFeeMicros: bigint;
  startedAtMs: number;
  endedAtMs: number | null;
  /** Seconds paid for ahead; the call may run this long from its start without a new reservation. */
  fundedSeconds: number;
  /** Credit held for the funded seconds (connect fee included) while active; until posted once ended. */
  reservedMicros: bigint;
  /** Final, once ended (0 while active: see {@link liveCallFigures}). */
  billedSeconds: number;
  costMicros: bigint;
  /** When the billing clock acts next; null once ended. */
  nextCheckAtMs: number | null;
  transactionId: string | null;
  idempotencyKey: string | null;
  version: bigint;
  /** The wallet's subscription whose allowance the call may use; null: pay-as-you-go. */
  subscriptionId: string | null;
  /**
   * Seconds funded from the subscription's allowance while active (the rest of the funded
   * seconds are paid from the wallet at `perMinuteMicros`); seconds of allowance used once ended.
   */
  allowanceSeconds: number;
  /** created_at in epoch microseconds (exact): the page cursor. */
  createdAtUs: string;
}

/** A `call` row as the pool returns it, selected with {@link CALL_COLUMNS}. */
export interface CallRow {
  id: string;
  account_id: string;
  campaign_id: string;
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
  c.per_minute_micros, c.first_increment_seconds, c.next_increment_seconds, c.connect_fee_micros,
  ${ms('started_at')}, ${ms('ended_at')}, c.funded_seconds, c.reserved_micros, c.billed_seconds, c.cost_micros,
  ${ms('next_check_at')}, c.transaction_id, c.idempotency_key, c.version,
  (extract(epoch from c.created_at) * 1000000)::bigint::text as created_at_us, c.subscription_id, c.allowance_seconds`;

export function toCallRecord(row: CallRow): CallRecord {
  return {
    id: row.id,
    accountId: row.account_id,
    campaignId: row.campaign_id,
    walletId: row.wallet_id,
    to: row.to_number,
    status: row.status,
    endReason: row.end_reason,
    ratePrefix: row.rate_prefix,
    perMinuteMicros: BigInt(row.per_minute_micros),
    firstIncrementSeconds: row.first_increment_seconds,
    nextIncrementSeconds: row.next_increment_seconds,
    connectFeeMicros: BigInt(row.connect_fee_micros),
    startedAtMs: row.started_at_ms,
    endedAtMs: row.ended_at_ms,
    fundedSeconds: row.funded_seconds,
    reservedMicros: BigInt(row.reserved_micros),
    billedSeconds: row.billed_seconds,
    costMicros: BigInt(row.cost_micros),
    nextCheckAtMs: row.next_check_at_ms,
    transactionId: row.transaction_id,
    idempotencyKey: row.idempotency_key,
    version: BigInt(row.version),
    createdAtUs: row.created_at_us,
    subscriptionId: row.subscription_id,
    allowanceSeconds: row.allowance_seconds,
  };
}

/** The end of a call's funded time, in epoch milliseconds. */
export function fundedUntilMs(call: Pick<CallRecord, 'startedAtMs' | 'fundedSeconds'>): number {
  return call.startedAtMs + call.fundedSeconds * 1000;
}

/**
 * Seconds billed and cost so far: for an ended call its final figures; for an active one what
 * hanging up at `nowMs` would cost (never more than it has funded).
 */
export function liveCallFigures(call: CallRecord, nowMs: number): { billedSeconds: number; costMicros: bigint } {
  if (call.status !== CallStatus.ACTIVE) return { billedSeconds: call.billedSeconds, costMicros: call.costMicros };
  const elapsedSeconds = Math.max(0, nowMs - call.startedAtMs) / 1000;
  const billed = Math.min(billedSeconds(elapsedSeconds, call.firstIncrementSeconds, call.nextIncrementSeconds), call.fundedSeconds);
  return { billedSeconds: billed, costMicros: callCostMicros(call, paidSeconds(billed, call.allowanceSeconds)) };
}

/** Of `seconds` billed or funded, those paid from the wallet: the allowance covers the first ones. */
export function paidSeconds(seconds: number, allowanceSeconds: number): number {
  return allowanceSplit(seconds, allowanceSeconds).overageSeconds;
}
