import type { EntityManager } from '@mikro-orm/postgresql';
import { pgQuery, pgTransaction } from '../../database/pg-transaction.js';
import { AlertKind } from '../alerts/alert-kinds.js';
import { displayMoney } from '../alerts/display-money.js';
import { publishAlertCause } from '../alerts/raise-alerts.service.js';
import { InsufficientFundsError } from '../../errors.js';
import type { ServiceDeps } from '../service-deps.js';
import { postRenewal, postRenewalReversal } from './number-postings.js';
import {
  iso,
  NumberReleaseReason,
  PHONE_NUMBER_COLUMNS,
  PhoneNumberStatus,
  PURCHASE_COMPLETED_SQL,
  toPhoneNumberRecord,
  type PhoneNumberRecord,
  type PhoneNumberRow,
} from './phone-number-record.js';
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

interface DueRow extends PhoneNumberRow {
  wallet_status: 'ACTIVE' | 'SUSPENDED';
  available_micros: string;
  account_status: 'ACTIVE' | 'CLOSED';
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
  const rows = await pgQuery<DueRow>(
    em,
    `select ${PHONE_NUMBER_COLUMNS}, w.status as wallet_status, (w.balance_micros - w.reserved_micros)::text as available_micros,
            a.status as account_status
       from phone_number p join wallet w on w.id = p.wallet_id join account a on a.id = p.account_id
      where p.status in ('ACTIVE', 'GRACE') and p.renews_at <= $1 and ${PURCHASE_COMPLETED_SQL}
      order by p.renews_at, p.id
      limit $2`,
    [iso(nowMs), RENEWALS_PER_PASS_MAX],
  );
  const result: RenewNumbersResult = { renewed: 0, graced: 0, released: 0 };
  for (const row of rows) {
    const outcome = await renewOne(em, deps, row, nowMs);
    if (outcome !== null) result[outcome] += 1;
  }
  if (result.renewed > 0) deps.committed();
  return result;
}

async function renewOne(em: EntityManager, deps: ServiceDeps, row: DueRow, nowMs: number): Promise<Outcome> {
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
      transactionId = (await postRenewal(em, deps.config, number, period, RENEWAL_ACTOR)).transaction.id;
    } catch (error) {
      if (error instanceof InsufficientFundsError) return enterGrace(em, deps, number);
      throw error;
    }
  }
  const renewed = await pgQuery(
    em,
    `update phone_number set periods_paid = $3, renews_at = $4, status = 'ACTIVE', grace_until = null, version = version + 1
      where id = $1 and periods_paid = $2 and status in ('ACTIVE', 'GRACE') returning id`,
    [number.id, number.periodsPaid, period, iso(renewalAtMs(number.purchasedAtMs, period))],
  );
  if (renewed.length > 0) return 'renewed';
  // Another runner recorded this month (its debit was this one, replayed), or the number stopped
  // being held after it was read: then nobody will record the month, so give it back.
  const [current] = await pgQuery<{ periods_paid: number }>(em, 'select periods_paid from phone_number where id = $1', [number.id]);
  if (transactionId !== null && current !== undefined && current.periods_paid < period) {
    await postRenewalReversal(em, deps.config, number, period, RENEWAL_ACTOR);
    deps.committed();
  }
  return null;
}

/** ACTIVE → GRACE after a renewal the wallet could not pay; a number already in grace stays as it is. */
async function enterGrace(em: EntityManager, deps: ServiceDeps, number: PhoneNumberRecord): Promise<Outcome> {
  if (number.status === PhoneNumberStatus.GRACE) return null;
  const graceUntilMs = number.renewsAtMs + daysMs(deps.config.numberGraceDays);
  const graced = await pgTransaction(em, async (query) => {
    const rows = await query<{ currency: string }>(
      `update phone_number p set status = 'GRACE', grace_until = $3, version = p.version + 1
         from wallet w
        where p.id = $1 and p.periods_paid = $2 and p.status = 'ACTIVE' and w.id = p.wallet_id
        returning w.currency`,
      [number.id, number.periodsPaid, iso(graceUntilMs)],
    );
    if (rows.length === 0) return false;
    // The customer hears of it with the change: the alert is raised from this transaction's outbox row.
    const currency = rows[0]!.currency.trim();
    await publishAlertCause(query, number.accountId, {
      kind: AlertKind.NUMBER_RENEWAL_FAILED,
      walletId: number.walletId,
      currency,
      amountMicros: number.monthlyMicros.toString(),
      message: `The monthly renewal of ${number.number} (${displayMoney(number.monthlyMicros, currency)}) could not be paid. The number is kept until ${iso(graceUntilMs).slice(0, 10)}; top up before then or it is released.`,
      dedupeKey: `NUMBER_RENEWAL_FAILED:${number.id}:${number.periodsPaid + 1}`,
    });
    return true;
  });
  if (graced) deps.committed();
  return graced ? 'graced' : null;
}

async function release(em: EntityManager, number: PhoneNumberRecord, reason: NumberReleaseReason, nowMs: number): Promise<boolean> {
  const released = await pgQuery(
    em,
    `update phone_number set status = 'RELEASED', release_reason = $3, released_at = $4, grace_until = null, version = version + 1
      where id = $1 and periods_paid = $2 and status = $5 returning id`,
    [number.id, number.periodsPaid, reason, iso(nowMs), number.status],
  );
  return released.length > 0;
}
