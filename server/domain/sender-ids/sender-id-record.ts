/**
 * An alphanumeric sender ID as stored in `sender_id` (its statements are in sender-ids.queries.ts).
 * Amounts in micros, times in epoch milliseconds.
 */
import type { SenderIdRow } from './sender-ids.queries.js';

/** Where a sender ID stands. APPROVED, GRACE and RENEWAL_OWED ones may send messages. */
export enum SenderIdStatus {
  /** Registered, waiting for support's decision; nothing charged. */
  PENDING = 'PENDING',
  /** Approved and paid up to `renewsAt`. */
  APPROVED = 'APPROVED',
  /** Support refused it (see the reason); nothing was charged. */
  REJECTED = 'REJECTED',
  /** Its renewal could not be paid: retried until `graceUntil`, then cancelled. */
  GRACE = 'GRACE',
  /** Its renewal fell while the wallet was suspended: kept, owed since `renewsAt`, paid first when funded. */
  RENEWAL_OWED = 'RENEWAL_OWED',
  /** Given up (see the cancel reason). */
  CANCELLED = 'CANCELLED',
}

/** Why a sender ID was cancelled. */
export enum SenderIdCancelReason {
  CANCELLED_BY_CUSTOMER = 'CANCELLED_BY_CUSTOMER',
  /** Withdrawn by the customer before support decided. */
  CANCELLED_WHILE_PENDING = 'CANCELLED_WHILE_PENDING',
  /** Its grace ended without a renewal the wallet could pay. */
  RENEWAL_FAILED = 'RENEWAL_FAILED',
  ACCOUNT_CLOSED = 'ACCOUNT_CLOSED',
}

/** A sender ID as stored. */
export interface SenderIdRecord {
  id: string;
  accountId: string;
  walletId: string;
  sender: string;
  status: SenderIdStatus;
  /** The monthly fee fixed at approval; null while PENDING or when REJECTED. */
  monthlyMicros: bigint | null;
  decisionReason: string | null;
  decidedBy: string | null;
  decidedAtMs: number | null;
  periodsPaid: number;
  renewsAtMs: number | null;
  graceUntilMs: number | null;
  cancelledAtMs: number | null;
  cancelReason: SenderIdCancelReason | null;
  version: bigint;
  createdAtMs: number;
  /** created_at in epoch microseconds (exact): the page cursor. */
  createdAtUs: string;
}

export function toSenderIdRecord(row: SenderIdRow): SenderIdRecord {
  return {
    id: row.id,
    accountId: row.account_id,
    walletId: row.wallet_id,
    sender: row.sender,
    status: row.status,
    monthlyMicros: row.monthly_micros === null ? null : BigInt(row.monthly_micros),
    decisionReason: row.decision_reason,
    decidedBy: row.decided_by,
    decidedAtMs: row.decided_at_ms,
    periodsPaid: row.periods_paid,
    renewsAtMs: row.renews_at_ms,
    graceUntilMs: row.grace_until_ms,
    cancelledAtMs: row.cancelled_at_ms,
    cancelReason: row.cancel_reason,
    version: BigInt(row.version),
    createdAtMs: row.created_at_ms,
    createdAtUs: row.created_at_us,
  };
}

/** Returns true while the sender ID may send messages and renews (APPROVED, GRACE or RENEWAL_OWED). */
export function isLive(status: SenderIdStatus): boolean {
  return status === SenderIdStatus.APPROVED || status === SenderIdStatus.GRACE || status === SenderIdStatus.RENEWAL_OWED;
}
