import type { EntityManager } from '@mikro-orm/postgresql';
import { transaction } from '../../database/sql.js';
import { AlertKind } from '../alerts/alert-kinds.js';
import { formatMoneyForPeople } from '../wallets/money.js';
import { publishAlertCause } from '../alerts/raise-alerts.service.js';
import { InsufficientFundsError } from '../../errors.js';
import type { ServiceDeps } from '../service-deps.js';
import { postRenewal, postRenewalReversal } from './number-postings.js';
import {
  enterGrace as enterGraceRow,
  recordRenewal,
  releaseDueNumber,
  selectDueNumbers,
  selectPeriodsPaid,
  type DueNumberRow,
} from './numbers.queries.js';
import { iso, NumberReleaseReason, PhoneNumberStatus, toPhoneNumberRecord, type PhoneNumberRecord } from './phone-number-record.js';
import { recoverNumberOperations } from './recover-number-operations.js';
import { daysMs, renewalAtMs } from './renewal-date.js';

/** Most due numbers one pass of {@link renewNumbers} handles; the rest are handled by the next passes. */
export const RENEWALS_PER_PASS_MAX = 500;

/** How often {@link renewNumbers} also runs {@link recoverNumberOperations}, in milliseconds of real time. */
export const NUMBER_RECOVERY_INTERVAL_MS = 60_000;

/** Recorded as the actor of renewal postings. */
const RENEWAL_ACTOR = 'number_renewal';

/** What one pass of {@link renewNumbers} did. */
export interface RenewNumbersResult {
  /** Months paid (a number months behind renews one month per pass). */
  renewed: number;
  /** Numbers that entered GRACE (a number already in grace that still cannot pay is not counted again). */
  graced: number;
  /** Numbers released: grace ended (RENEWAL_FAILED) or the account was closed (ACCOUNT_CLOSED). */
  released: number;
}

type Outcome = keyof RenewNumbersResult | null;

const lastRecoveryMs = new WeakMap<ServiceDeps, number>();

/**
 * One pass of the monthly renewals, for numbers (ACTIVE or GRACE) whose `renews_at` ≤ `nowMs`
 * (at most {@link RENEWALS_PER_PASS_MAX}, the most overdue first):
 * - paid: ONE NUMBER debit of the monthly price under `spendwire:number:<id>:period:<n>`, then
 *   month n is recorded: `periods_paid` = n, `renews_at` = the anchor date of month n + 1, ACTIVE;
 * - the wallet cannot pay (INSUFFICIENT_FUNDS, or SUSPENDED with nothing available): GRACE until
 *   the missed renewal date + `numberGraceDays`, retried on every later pass, so a top-up during
 *   grace renews it (its next date stays on the anchor: grace does not move it);
 * - in GRACE and `nowMs` past `grace_until`: RELEASED (RENEWAL_FAILED); at `grace_until` exactly
 *   it is still tried;
 * - its account was CLOSED: RELEASED (ACCOUNT_CLOSED).
 *
 * Safe when several processes run it at once, without holding a lock across the debit: the debit
 * key makes a second posting of the same month replay the first, and every state change is
 * conditional on the `periods_paid` and status it was decided from, so exactly one runner records
 * each change. When the number is released or refunded between its debit and its recording, the
 * month is credited back (`…:period:<n>:refund`). Every {@link NUMBER_RECOVERY_INTERVAL_MS} it
 * also finishes purchases and refunds a crash left half done ({@link recoverNumberOperations}).
 * @throws whatever the database throws; a pass that fails is simply run again.
 */
export async function renewNumbers(em: EntityManager, deps: ServiceDeps, nowMs: number): Promise<RenewNumbersResult> {
  const realNowMs = Date.now();
  const last = lastRecoveryMs.get(deps);
  if (last === undefined || realNowMs - last >= NUMBER_RECOVERY_INTERVAL_MS) {
    lastRecoveryMs.set(deps, realNowMs);
    await recoverNumberOperations(em, deps, nowMs);
  }
  const rows = await selectDueNumbers.all(em, { dueBy: iso(nowMs), limit: RENEWALS_PER_PASS_MAX });
  const result: RenewNumbersResult = { renewed: 0, graced: 0, released: 0 };
  for (const row of rows) {
    const outcome = await renewOne(em, deps, row, nowMs);
    if (outcome !== null) result[outcome] += 1;
  }
  if (result.renewed > 0) deps.committed();
  return result;
}

async function renewOne(em: EntityManager, deps: ServiceDeps, row: DueNumberRow, nowMs: number): Promise<Outcome> {
  const number = toPhoneNumberRecord(row);
  if (row.account_status === 'CLOSED') {
    return (await release(em, number, NumberReleaseReason.ACCOUNT_CLOSED, nowMs)) ? 'released' : null;
  }
  if (number.status === PhoneNumberStatus.GRACE && nowMs > number.graceUntilMs!) {
    return (await release(em, number, NumberReleaseReason.RENEWAL_FAILED, nowMs)) ? 'released' : null;
  }
  if (row.wallet_status === 'SUSPENDED' && BigInt(row.available_micros) <= 0n) return enterGrace(em, deps, number);
  const period = number.periodsPaid + 1;
  let transactionId: string | null = null;
  if (number.monthlyMicros > 0n) {
    try {
      transactionId = (await postRenewal(em, deps, number, period, RENEWAL_ACTOR)).transaction.id;
    } catch (error) {
      if (error instanceof InsufficientFundsError) return enterGrace(em, deps, number);
      throw error;
    }
  }
  const renewed = await recordRenewal.run(em, {
    id: number.id,
    periodsPaid: number.periodsPaid,
    period,
    renewsAt: iso(renewalAtMs(number.purchasedAtMs, period)),
  });
  if (renewed > 0) return 'renewed';
  // Another runner recorded this month (its debit was this one, replayed), or the number stopped
  // being held after it was read: then nobody will record the month, so give it back.
  const current = await selectPeriodsPaid.maybeOne(em, { id: number.id });
  if (transactionId !== null && current !== undefined && current.periods_paid < period) {
    await postRenewalReversal(em, deps, number, period, RENEWAL_ACTOR);
    deps.committed();
  }
  return null;
}

/** ACTIVE → GRACE after a renewal the wallet could not pay; a number already in grace stays as it is. */
async function enterGrace(em: EntityManager, deps: ServiceDeps, number: PhoneNumberRecord): Promise<Outcome> {
  if (number.status === PhoneNumberStatus.GRACE) return null;
  const graceUntilMs = number.renewsAtMs + daysMs(deps.config.numberGraceDays);
  const graced = await transaction(em, async (tx) => {
    const row = await enterGraceRow.maybeOne(tx, { id: number.id, periodsPaid: number.periodsPaid, graceUntil: iso(graceUntilMs) });
    if (!row) return false;
    // The customer hears of it with the change: the alert is raised from this transaction's outbox row.
    const currency = row.currency.trim();
    await publishAlertCause(tx, number.accountId, {
      kind: AlertKind.NUMBER_RENEWAL_FAILED,
      walletId: number.walletId,
      currency,
      amountMicros: number.monthlyMicros.toString(),
      message: `The monthly renewal of ${number.number} (${formatMoneyForPeople(number.monthlyMicros, currency, 'code')}) could not be paid. The number is kept until ${iso(graceUntilMs).slice(0, 10)}; top up before then or it is released.`,
      dedupeKey: `NUMBER_RENEWAL_FAILED:${number.id}:${number.periodsPaid + 1}`,
    });
    return true;
  });
  if (graced) deps.committed();
  return graced ? 'graced' : null;
}

async function release(em: EntityManager, number: PhoneNumberRecord, reason: NumberReleaseReason, nowMs: number): Promise<boolean> {
  const released = await releaseDueNumber.run(em, {
    id: number.id,
    periodsPaid: number.periodsPaid,
    reason,
    releasedAt: iso(nowMs),
    status: number.status,
  });
  return released > 0;
}
