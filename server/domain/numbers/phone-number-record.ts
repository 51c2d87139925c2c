/**
 * A rented phone number as stored in `phone_number` (its statements are in numbers.queries.ts).
 * Amounts in micros, times in epoch milliseconds.
 */
import type { PhoneNumberRow } from './numbers.queries.js';

/** Where a number stands. Only ACTIVE, GRACE and RENEWAL_OWED numbers are held (no one else may buy them). */
export enum PhoneNumberStatus {
  /** Paid up to `renewsAt`. */
  ACTIVE = 'ACTIVE',
  /** Its renewal could not be paid; retried until `graceUntil`, then released. */
  GRACE = 'GRACE',
  /**
   * Its renewal fell while the wallet was suspended: kept, the months since `renewsAt` owed and
   * paid first when the wallet is funded (config `numbersWhileSuspended` = keep).
   */
  RENEWAL_OWED = 'RENEWAL_OWED',
  /** Given up (see its release reason); anyone may buy it again. */
  RELEASED = 'RELEASED',
  /** Given back within the refund window, its purchase and first month credited back. */
  REFUNDED = 'REFUNDED',
}

/** Why a number stopped being held. */
export enum NumberReleaseReason {
  RELEASED_BY_CUSTOMER = 'RELEASED_BY_CUSTOMER',
  /** Its grace period ended without a renewal the wallet could pay. */
  RENEWAL_FAILED = 'RENEWAL_FAILED',
  /** Its account was closed. */
  ACCOUNT_CLOSED = 'ACCOUNT_CLOSED',
  REFUNDED = 'REFUNDED',
}

/** A phone number as stored. */
export interface PhoneNumberRecord {
  id: string;
  accountId: string;
  walletId: string;
  ratePlanId: string;
  /** E.164. */
  number: string;
  status: PhoneNumberStatus;
  /** One-time price paid at purchase, in micros. */
  purchaseMicros: bigint;
  /** Monthly rental, in micros (the first month is paid with the purchase). */
  monthlyMicros: bigint;
  purchasedAtMs: number;
  /** Day of the month (UTC) renewals fall on; the month's last day when the month is shorter. */
  anchorDay: number;
  /** Months paid, the first with the purchase. */
  periodsPaid: number;
  /** When month `periodsPaid + 1` is due (in GRACE: the renewal that failed; RENEWAL_OWED: owed since). */
  renewsAtMs: number;
  /** In GRACE: when it is released unless a renewal is paid before. */
  graceUntilMs: number | null;
  releasedAtMs: number | null;
  releaseReason: NumberReleaseReason | null;
  /** The NUMBER debit of the purchase and first month; null for a free number. */
  transactionId: string | null;
  /** The REFUND credit, once refunded. */
  refundTransactionId: string | null;
  idempotencyKey: string | null;
  version: bigint;
  /** created_at in epoch microseconds (exact): the page cursor. */
  createdAtUs: string;
}

/** Converts a `phone_number` row: bigint money, epoch-millisecond times. */
export function toPhoneNumberRecord(row: PhoneNumberRow): PhoneNumberRecord {
  return {
    id: row.id,
    accountId: row.account_id,
    walletId: row.wallet_id,
    ratePlanId: row.rate_plan_id,
    number: row.number,
    status: row.status,
    purchaseMicros: BigInt(row.purchase_micros),
    monthlyMicros: BigInt(row.monthly_micros),
    purchasedAtMs: row.purchased_at_ms,
    anchorDay: row.anchor_day,
    periodsPaid: row.periods_paid,
    renewsAtMs: row.renews_at_ms,
    graceUntilMs: row.grace_until_ms,
    releasedAtMs: row.released_at_ms,
    releaseReason: row.release_reason,
    transactionId: row.transaction_id,
    refundTransactionId: row.refund_transaction_id,
    idempotencyKey: row.idempotency_key,
    version: BigInt(row.version),
    createdAtUs: row.created_at_us,
  };
}

/** Returns true while the number is held by its account (ACTIVE, GRACE or RENEWAL_OWED). */
export function isHeld(status: PhoneNumberStatus): boolean {
  return status === PhoneNumberStatus.ACTIVE || status === PhoneNumberStatus.GRACE || status === PhoneNumberStatus.RENEWAL_OWED;
}

/** What the purchase debited: the one-time price plus the first month, in micros. */
export function purchaseTotalMicros(number: Pick<PhoneNumberRecord, 'purchaseMicros' | 'monthlyMicros'>): bigint {
  return number.purchaseMicros + number.monthlyMicros;
}

/** An ISO timestamp for a bind parameter (exact to the millisecond). */
export const iso = (epochMs: number): string => new Date(epochMs).toISOString();
