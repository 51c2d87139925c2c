import type { EntityManager } from '@mikro-orm/postgresql';
import { transaction, type Db } from '../../database/sql.js';
import { AlertKind } from '../alerts/alert-kinds.js';
import { formatMoneyForPeople } from '../wallets/money.js';
import { publishAlertCause } from '../alerts/raise-alerts.service.js';
import { InsufficientFundsError } from '../../errors.js';
import type { ServiceDeps } from '../service-deps.js';
import { periodKey, postRenewal, postRenewalReversal } from './number-postings.js';
import {
  enterGrace as enterGraceRow,
  markOwed,
  recordRenewal,
  releaseDueNumber,
  selectDueNumbers,
  selectFundedOwedNumbers,
  selectOwedPostings,
  selectPeriodsPaid,
  type DueNumberRow,
} from './numbers.queries.js';
import { iso, NumberReleaseReason, PhoneNumberStatus, toPhoneNumberRecord, type PhoneNumberRecord } from './phone-number-record.js';
import { recoverNumberOperations } from './recover-number-operations.js';
import { daysMs, monthsDueBy, renewalAtMs } from './renewal-date.js';
import { decideRenewal, RenewalAction } from './renewal-policy.js';

/** Most due numbers one pass of {@link renewNumbers} handles; the rest are handled by the next passes. */
export const RENEWALS_PER_PASS_MAX = 500;

/** How often {@link renewNumbers} also runs {@link recoverNumberOperations}, in milliseconds of real time. */
export const NUMBER_RECOVERY_INTERVAL_MS = 60_000;

/** Recorded as the actor of renewal postings. */
const RENEWAL_ACTOR = 'number_renewal';

/** What one pass of {@link renewNumbers} did. */
export interface RenewNumbersResult {
  /** Renewals paid (a number months behind renews one month per pass; owed months are paid at once and count once). */
  renewed: number;
  /** Numbers that entered GRACE (a number already in grace that still cannot pay is not counted again). */
  graced: number;
  /** Numbers kept with their renewal owed because the wallet is suspended (counted when they become owed). */
  owed: number;
  /** Numbers released: grace ended (RENEWAL_FAILED) or the account was closed (ACCOUNT_CLOSED). */
  released: number;
}

/** What one renewal did to one number, if anything. */
export type RenewalOutcome = keyof RenewNumbersResult | null;

const lastRecoveryMs = new WeakMap<ServiceDeps, number>();

/**
 * One pass of the monthly renewals, for held numbers whose `renews_at` ≤ `nowMs` (at most
 * {@link RENEWALS_PER_PASS_MAX}, the most overdue first), by {@link decideRenewal}:
 * - paid: ONE NUMBER debit of the monthly price under `spendwire:number:<id>:period:<n>`, then
 *   month n is recorded: `periods_paid` = n, `renews_at` = the anchor date of month n + 1, ACTIVE;
 * - the wallet cannot pay (INSUFFICIENT_FUNDS): GRACE until the missed renewal date +
 *   `numberGraceDays`, retried on every later pass, so a top-up during grace renews it (its next
 *   date stays on the anchor: grace does not move it);
 * - the wallet is SUSPENDED with nothing available: with `numbersWhileSuspended` = keep (the
 *   default) the number is kept, RENEWAL_OWED since the missed date (a number in GRACE too), until
 *   the wallet is funded ({@link payOwedNumberRenewals}) or the account closed; with `grace`, GRACE;
 * - RENEWAL_OWED and the wallet funded: every month due since is paid in ONE debit (all or
 *   nothing); when it cannot all be paid the number stays owed, tried again on every pass, until a
 *   credit pays it or the account is closed;
 * - in GRACE and `nowMs` past `grace_until`: RELEASED (RENEWAL_FAILED); at `grace_until` exactly
 *   it is still tried;
 * - its account was CLOSED: RELEASED (ACCOUNT_CLOSED).
 * Entering GRACE or RENEWAL_OWED raises NUMBER_RENEWAL_FAILED, a release by the renewals
 * NUMBER_RELEASED, from the same transaction (mailed and sent to webhooks from there).
 *
 * Safe when several processes run it at once, without holding a lock across the debit: the debit
 * key makes a second posting of the same month replay the first, and every state change is
 * conditional on the `periods_paid` and status it was decided from, so exactly one runner records
 * each change. When the number is released or refunded between its debit and its recording, the
 * months are credited back (`…:refund`). Every {@link NUMBER_RECOVERY_INTERVAL_MS} it
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
  return renewAll(em, deps, rows, nowMs);
}

/**
 * Funding pays owed renewals first: for every RENEWAL_OWED number whose wallet has money on it
 * again (a top-up, grant, bank transfer or adjustment landed; the wallet may still be SUSPENDED,
 * i.e. not yet reactivated), the longest owed first, pays every month owed in one debit, or leaves
 * it owed when the wallet cannot pay all of it. Every funding already pays its wallet's owed renewals
 * right after its credit (`payOwedRenewalsOfWallet`); this is the backstop (a crash in between,
 * more owed than one funding pays), run as the first lifecycle job, before the wallet state job
 * reactivates funded wallets and before anything else is renewed.
 */
export async function payOwedNumberRenewals(em: EntityManager, deps: ServiceDeps, nowMs: number): Promise<RenewNumbersResult> {
  const rows = await selectFundedOwedNumbers.all(em, { limit: RENEWALS_PER_PASS_MAX });
  return renewAll(em, deps, rows, nowMs);
}

async function renewAll(em: EntityManager, deps: ServiceDeps, rows: DueNumberRow[], nowMs: number): Promise<RenewNumbersResult> {
  const result: RenewNumbersResult = { renewed: 0, graced: 0, owed: 0, released: 0 };
  for (const row of rows) {
    const outcome = await renewNumber(em, deps, row, nowMs);
    if (outcome !== null) result[outcome] += 1;
  }
  if (result.renewed > 0) deps.committed();
  return result;
}

/**
 * Renews one number read by a renewals query (due, or owed and funded) by {@link decideRenewal}, as a
 * pass does; signals `deps.committed()` for a state change but not for a renewal (the caller signals
 * once for all it renewed).
 */
export async function renewNumber(em: EntityManager, deps: ServiceDeps, row: DueNumberRow, nowMs: number): Promise<RenewalOutcome> {
  const number = toPhoneNumberRecord(row);
  const action = decideRenewal({
    status: number.status as 'ACTIVE' | 'GRACE' | 'RENEWAL_OWED',
    accountClosed: row.account_status === 'CLOSED',
    walletSuspendedEmpty: row.wallet_status === 'SUSPENDED' && BigInt(row.available_micros) <= 0n,
    graceUntilMs: number.graceUntilMs,
    nowMs,
    policy: deps.config.numbersWhileSuspended,
  });
  switch (action) {
    case RenewalAction.END_ACCOUNT_CLOSED:
      return (await release(em, deps, number, NumberReleaseReason.ACCOUNT_CLOSED, nowMs)) ? 'released' : null;
    case RenewalAction.END_GRACE_ENDED:
      return (await release(em, deps, number, NumberReleaseReason.RENEWAL_FAILED, nowMs)) ? 'released' : null;
    case RenewalAction.OWE:
      return keepOwed(em, deps, number);
    case RenewalAction.GRACE:
      return enterGrace(em, deps, number, nowMs);
    case RenewalAction.NONE:
      return null;
    case RenewalAction.PAY_OWED:
      return payOwed(em, deps, number, nowMs);
    case RenewalAction.PAY:
      return payNext(em, deps, number, nowMs);
  }
}

async function payNext(em: EntityManager, deps: ServiceDeps, number: PhoneNumberRecord, nowMs: number): Promise<RenewalOutcome> {
  const period = number.periodsPaid + 1;
  let transactionId: string | null = null;
  if (number.monthlyMicros > 0n) {
    try {
      transactionId = (await postRenewal(em, deps, number, period, RENEWAL_ACTOR)).transaction.id;
    } catch (error) {
      if (error instanceof InsufficientFundsError) return enterGrace(em, deps, number, nowMs);
      throw error;
    }
  }
  return record(em, deps, number, period, period, transactionId);
}

/**
 * Every month due since the number became owed, in ONE debit (all or nothing). A debit of these
 * months that a crash left unrecorded (under the key of a different last month, when a month went
 * by meanwhile) is recorded instead of debiting again.
 */
async function payOwed(em: EntityManager, deps: ServiceDeps, number: PhoneNumberRecord, nowMs: number): Promise<RenewalOutcome> {
  const period = number.periodsPaid + 1;
  let lastPeriod = number.periodsPaid + Math.max(1, monthsDueBy(number.purchasedAtMs, number.periodsPaid, nowMs));
  let transactionId: string | null = null;
  if (number.monthlyMicros > 0n) {
    const earlier = await selectOwedPostings.all(em, {
      accountId: number.accountId,
      key: periodKey(number.id, period),
      prefix: `${periodKey(number.id, period)}-`,
    });
    const unrecorded = earlier.find((posting) => !posting.key.endsWith(':refund'));
    if (unrecorded) {
      const suffix = unrecorded.key.slice(periodKey(number.id, period).length);
      lastPeriod = suffix === '' ? period : Number(suffix.slice(1));
      transactionId = unrecorded.wallet_transaction_id;
    } else {
      try {
        transactionId = (await postRenewal(em, deps, number, period, RENEWAL_ACTOR, lastPeriod)).transaction.id;
      } catch (error) {
        if (!(error instanceof InsufficientFundsError)) throw error;
        // All or nothing: it stays owed, tried again on every pass, so the next credit pays it.
        return null;
      }
    }
  }
  return record(em, deps, number, period, lastPeriod, transactionId);
}

/** Records months up to `lastPeriod` paid; gives them back when the number stopped being held meanwhile. */
async function record(
  em: EntityManager,
  deps: ServiceDeps,
  number: PhoneNumberRecord,
  period: number,
  lastPeriod: number,
  transactionId: string | null,
): Promise<RenewalOutcome> {
  const renewed = await recordRenewal.run(em, {
    id: number.id,
    periodsPaid: number.periodsPaid,
    period: lastPeriod,
    renewsAt: iso(renewalAtMs(number.purchasedAtMs, lastPeriod)),
  });
  if (renewed > 0) return 'renewed';
  // Another runner recorded these months (its debit was this one, replayed), or the number stopped
  // being held after it was read: then nobody will record them, so give them back.
  const current = await selectPeriodsPaid.maybeOne(em, { id: number.id });
  if (transactionId !== null && current !== undefined && current.periods_paid < period) {
    await postRenewalReversal(em, deps, number, period, RENEWAL_ACTOR, lastPeriod);
    deps.committed();
  }
  return null;
}

/** ACTIVE or GRACE → RENEWAL_OWED while the wallet is suspended, with its NUMBER_RENEWAL_FAILED alert. */
async function keepOwed(em: EntityManager, deps: ServiceDeps, number: PhoneNumberRecord): Promise<RenewalOutcome> {
  const owed = await transaction(em, async (tx) => {
    const row = await markOwed.maybeOne(tx, { id: number.id, periodsPaid: number.periodsPaid, status: number.status });
    if (!row) return false;
    const currency = row.currency.trim();
    await publishAlertCause(tx, number.accountId, {
      kind: AlertKind.NUMBER_RENEWAL_FAILED,
      walletId: number.walletId,
      currency,
      amountMicros: number.monthlyMicros.toString(),
      message: `The monthly renewal of ${number.number} (${formatMoneyForPeople(number.monthlyMicros, currency, 'code')}) fell while the wallet is suspended. The number is kept and the renewal owed since ${iso(number.renewsAtMs).slice(0, 10)}: it is paid first when the wallet is funded, and the number is released if the account is closed.`,
      dedupeKey: `NUMBER_RENEWAL_FAILED:${number.id}:${number.periodsPaid + 1}:owed`,
    });
    return true;
  });
  if (owed) deps.committed();
  return owed ? 'owed' : null;
}

/**
 * ACTIVE or RENEWAL_OWED (under the `grace` policy) → GRACE after a renewal the wallet could not
 * pay; a number already in grace stays as it is. The grace runs from the missed renewal date, or
 * from now for an owed number (it was kept meanwhile, so its grace starts now).
 */
async function enterGrace(em: EntityManager, deps: ServiceDeps, number: PhoneNumberRecord, nowMs: number): Promise<RenewalOutcome> {
  if (number.status === PhoneNumberStatus.GRACE) return null;
  const fromMs = number.status === PhoneNumberStatus.RENEWAL_OWED ? Math.max(nowMs, number.renewsAtMs) : number.renewsAtMs;
  const graceUntilMs = fromMs + daysMs(deps.config.numberGraceDays);
  const graced = await transaction(em, async (tx) => {
    const row = await enterGraceRow.maybeOne(tx, {
      id: number.id,
      periodsPaid: number.periodsPaid,
      graceUntil: iso(graceUntilMs),
      status: number.status,
    });
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

async function release(
  em: EntityManager,
  deps: ServiceDeps,
  number: PhoneNumberRecord,
  reason: NumberReleaseReason,
  nowMs: number,
): Promise<boolean> {
  const released = await transaction(em, async (tx) => {
    const row = await releaseDueNumber.maybeOne(tx, {
      id: number.id,
      periodsPaid: number.periodsPaid,
      reason,
      releasedAt: iso(nowMs),
      status: number.status,
    });
    if (!row) return false;
    await publishNumberReleased(tx, { ...number, currency: row.currency.trim() }, reason);
    return true;
  });
  if (released) deps.committed();
  return released;
}

/** NUMBER_RELEASED for a number the renewals or a closure released (never for the customer's own release). */
export async function publishNumberReleased(
  db: Db,
  number: { id: string; accountId: string; walletId: string; number: string; currency: string },
  reason: NumberReleaseReason,
): Promise<void> {
  const why =
    reason === NumberReleaseReason.ACCOUNT_CLOSED ? 'its account was closed' : 'its monthly renewal was not paid before its grace ended';
  await publishAlertCause(db, number.accountId, {
    kind: AlertKind.NUMBER_RELEASED,
    walletId: number.walletId,
    currency: number.currency,
    message: `The number ${number.number} was released because ${why}; it went back to the pool.`,
    dedupeKey: `NUMBER_RELEASED:${number.id}`,
  });
}
