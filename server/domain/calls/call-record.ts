import type { CallRow } from './calls.queries.js';
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

/** Which way a call goes: placed by a campaign, or received on one of the account's numbers. */
export enum CallDirection {
  OUTBOUND = 'OUTBOUND',
  INBOUND = 'INBOUND',
}

/** Why a call ended or was refused. */
export enum CallEndReason {
  HANGUP = 'HANGUP',
  INSUFFICIENT_FUNDS = 'INSUFFICIENT_FUNDS',
  BUDGET_REACHED = 'BUDGET_REACHED',
  WALLET_SUSPENDED = 'WALLET_SUSPENDED',
  /** A daily or monthly spend cap (the account's or the wallet's) could not fund it. */
  SPEND_CAP_REACHED = 'SPEND_CAP_REACHED',
}

/** A call as stored. Amounts in micros, times in epoch milliseconds. */
export interface CallRecord {
  id: string;
  accountId: string;
  direction: CallDirection;
  /** The campaign that placed it; null for an inbound call. */
  campaignId: string | null;
  /** The number an inbound call was received on; null for an outbound call. */
  numberId: string | null;
  /** The caller of an inbound call (as the carrier gave it); null for an outbound call. */
  from: string | null;
  walletId: string;
  /** E.164: the destination of an outbound call, the number called of an inbound one. */
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

/** The record of a {@link CallRow}. */
export function toCallRecord(row: CallRow): CallRecord {
  return {
    id: row.id,
    accountId: row.account_id,
    direction: row.direction,
    campaignId: row.campaign_id,
    numberId: row.number_id,
    from: row.from_number,
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
 * The start of a call's latest reserved increment, in epoch milliseconds: its funded end less one
 * `nextIncrementSeconds` once the billing clock has extended it, else its start (only the first
 * increment is funded). Time before it was granted before the latest reservation was made.
 */
export function lastGrantStartMs(
  call: Pick<CallRecord, 'startedAtMs' | 'fundedSeconds' | 'firstIncrementSeconds' | 'nextIncrementSeconds'>,
): number {
  if (call.fundedSeconds <= call.firstIncrementSeconds) return call.startedAtMs;
  return fundedUntilMs(call) - call.nextIncrementSeconds * 1000;
}

/**
 * When a hung-up call ends and is billed to, in epoch milliseconds. Without a reported hang-up time:
 * `min(arrivalMs, fundedUntil)` (the hang-up's arrival, never past the funded time). With the
 * switch's `reportedEndedAtMs`: `max(startedAt, min(lastGrantStart, arrivalMs), min(reported,
 * arrivalMs, fundedUntil))`: a reported time may give back only the latest reserved increment (what
 * an extension the switch did not see reserved), never time granted before it, and never ends the
 * call later than its arrival (a reported time in the future counts as the arrival).
 */
export function hangUpEndedAtMs(
  call: Pick<CallRecord, 'startedAtMs' | 'fundedSeconds' | 'firstIncrementSeconds' | 'nextIncrementSeconds'>,
  arrivalMs: number,
  reportedEndedAtMs: number | null,
): number {
  const latestMs = Math.min(arrivalMs, fundedUntilMs(call));
  if (reportedEndedAtMs === null) return latestMs;
  const floorMs = Math.max(call.startedAtMs, Math.min(lastGrantStartMs(call), arrivalMs));
  return Math.max(floorMs, Math.min(reportedEndedAtMs, latestMs));
}

/** When the billing clock should next act on a call funded up to `fundedSeconds`: `leadMs` before it runs out (at most one increment). */
export function nextCheckAtMs(call: Pick<CallRecord, 'startedAtMs' | 'fundedSeconds' | 'nextIncrementSeconds'>, leadMs: number): number {
  return fundedUntilMs(call) - Math.min(leadMs, call.nextIncrementSeconds * 1000);
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
