import type { EntityManager } from '@mikro-orm/postgresql';
import { transaction, type SqlTransaction } from '../../database/sql.js';
import { InsufficientFundsError } from '../../errors.js';
import { AlertKind } from '../alerts/alert-kinds.js';
import { daysMs, monthsDueBy, renewalAtMs } from '../numbers/renewal-date.js';
import { decideRenewal, RenewalAction, type RenewedStatus } from '../numbers/renewal-policy.js';
import type { ServiceDeps } from '../service-deps.js';
import { formatMoneyForPeople } from '../wallets/money.js';
import { publishSenderIdAlert } from './sender-id-alerts.js';
import { postSenderIdMonths, postSenderIdMonthsReversal } from './sender-id-postings.js';
import { SenderIdCancelReason, SenderIdStatus, toSenderIdRecord, type SenderIdRecord } from './sender-id-record.js';
import {
  cancelDueSenderId,
  enterSenderIdGrace,
  markSenderIdOwed,
  recordSenderIdRenewal,
  selectDueSenderIds,
  selectFundedOwedSenderIds,
  selectSenderIdPeriodsPaid,
  type DueSenderIdRow,
} from './sender-ids.queries.js';

/** Most due sender IDs one pass handles; the rest are handled by the next passes. */
export const SENDER_ID_RENEWALS_PER_PASS_MAX = 500;

const RENEWAL_ACTOR = 'sender_id_renewal';

/** What one pass of {@link renewSenderIds} did. */
export interface RenewSenderIdsResult {
  renewed: number;
  graced: number;
  owed: number;
  cancelled: number;
}

/** What one renewal did to one sender ID, if anything. */
export type SenderIdRenewalOutcome = keyof RenewSenderIdsResult | null;

/**
 * One pass of sender ID renewals, by the very rule of phone numbers ({@link decideRenewal}, the
 * `numbersWhileSuspended` policy, `numberGraceDays`): month n + 1 is debited on the approval's day
 * of the month; a wallet that cannot pay puts it in GRACE (SENDER_ID_RENEWAL_FAILED), cancelled
 * (RENEWAL_FAILED, SENDER_ID_CANCELLED) when the grace ends; a suspended wallet's sender ID is kept
 * with its renewal owed (RENEWAL_OWED), paid first when funded (all months at once or none); a
 * closed account's are cancelled (ACCOUNT_CLOSED). Safe with several runners (idempotent debits,
 * conditional state changes; months debited for a sender ID cancelled meanwhile are credited back).
 */
export async function renewSenderIds(em: EntityManager, deps: ServiceDeps, nowMs: number): Promise<RenewSenderIdsResult> {
  const rows = await selectDueSenderIds.all(em, { dueBy: new Date(nowMs).toISOString(), limit: SENDER_ID_RENEWALS_PER_PASS_MAX });
  return renewAll(em, deps, rows, nowMs);
}

/** Funding pays owed sender ID renewals first (the lifecycle's first jobs), like {@link payOwedNumberRenewals}. */
export async function payOwedSenderIdRenewals(em: EntityManager, deps: ServiceDeps, nowMs: number): Promise<RenewSenderIdsResult> {
  const rows = await selectFundedOwedSenderIds.all(em, { limit: SENDER_ID_RENEWALS_PER_PASS_MAX });
  return renewAll(em, deps, rows, nowMs);
}

async function renewAll(em: EntityManager, deps: ServiceDeps, rows: DueSenderIdRow[], nowMs: number): Promise<RenewSenderIdsResult> {
  const result: RenewSenderIdsResult = { renewed: 0, graced: 0, owed: 0, cancelled: 0 };
  for (const row of rows) {
    const outcome = await renewSenderId(em, deps, row, nowMs);
    if (outcome !== null) result[outcome] += 1;
  }
  if (result.renewed > 0) deps.committed();
  return result;
}

/**
 * Renews one sender ID read by a renewals query (due, or owed and funded), as a pass does; signals
 * `deps.committed()` for a state change but not for a renewal (the caller signals once for all).
 */
export async function renewSenderId(
  em: EntityManager,
  deps: ServiceDeps,
  row: DueSenderIdRow,
  nowMs: number,
): Promise<SenderIdRenewalOutcome> {
  const sender = toSenderIdRecord(row);
  const currency = row.currency.trim();
  const action = decideRenewal({
    status: sender.status as RenewedStatus,
    accountClosed: row.account_status === 'CLOSED',
    walletSuspendedEmpty: row.wallet_status === 'SUSPENDED' && BigInt(row.available_micros) <= 0n,
    graceUntilMs: sender.graceUntilMs,
    nowMs,
    policy: deps.config.numbersWhileSuspended,
  });
  switch (action) {
    case RenewalAction.END_ACCOUNT_CLOSED:
      return cancel(em, deps, sender, currency, SenderIdCancelReason.ACCOUNT_CLOSED, nowMs);
    case RenewalAction.END_GRACE_ENDED:
      return cancel(em, deps, sender, currency, SenderIdCancelReason.RENEWAL_FAILED, nowMs);
    case RenewalAction.OWE:
      return changeWithAlert(em, deps, sender, currency, 'owed', (tx) =>
        markSenderIdOwed.maybeOne(tx, { id: sender.id, periodsPaid: sender.periodsPaid, status: sender.status }),
      );
    case RenewalAction.GRACE:
      return enterGrace(em, deps, sender, currency, nowMs);
    case RenewalAction.NONE:
      return null;
    case RenewalAction.PAY_OWED:
    case RenewalAction.PAY: {
      const first = sender.periodsPaid + 1;
      const anchorMs = sender.decidedAtMs!;
      const last =
        action === RenewalAction.PAY_OWED ? sender.periodsPaid + Math.max(1, monthsDueBy(anchorMs, sender.periodsPaid, nowMs)) : first;
      const monthlyMicros = sender.monthlyMicros ?? 0n;
      let debited = false;
      if (monthlyMicros > 0n) {
        try {
          await postSenderIdMonths(em, deps, sender, monthlyMicros, first, last, RENEWAL_ACTOR);
          debited = true;
        } catch (error) {
          if (!(error instanceof InsufficientFundsError)) throw error;
          // Owed months are paid all at once or stay owed; a plain renewal that fails enters GRACE.
          return action === RenewalAction.PAY_OWED ? null : enterGrace(em, deps, sender, currency, nowMs);
        }
      }
      const recorded = await recordSenderIdRenewal.run(em, {
        id: sender.id,
        periodsPaid: sender.periodsPaid,
        period: last,
        renewsAt: new Date(renewalAtMs(anchorMs, last)).toISOString(),
      });
      if (recorded > 0) return 'renewed';
      const current = await selectSenderIdPeriodsPaid.maybeOne(em, { id: sender.id });
      if (debited && current !== undefined && current.periods_paid < first) {
        await postSenderIdMonthsReversal(em, deps, sender, monthlyMicros, first, last, RENEWAL_ACTOR);
        deps.committed();
      }
      return null;
    }
  }
}

function enterGrace(
  em: EntityManager,
  deps: ServiceDeps,
  sender: SenderIdRecord,
  currency: string,
  nowMs: number,
): Promise<SenderIdRenewalOutcome> {
  if (sender.status === SenderIdStatus.GRACE) return Promise.resolve(null);
  const fromMs = sender.status === SenderIdStatus.RENEWAL_OWED ? Math.max(nowMs, sender.renewsAtMs!) : sender.renewsAtMs!;
  const graceUntil = new Date(fromMs + daysMs(deps.config.numberGraceDays)).toISOString();
  return changeWithAlert(
    em,
    deps,
    sender,
    currency,
    'graced',
    (tx) => enterSenderIdGrace.maybeOne(tx, { id: sender.id, periodsPaid: sender.periodsPaid, status: sender.status, graceUntil }),
    graceUntil,
  );
}

/** A change to GRACE or RENEWAL_OWED with its SENDER_ID_RENEWAL_FAILED alert, in one transaction. */
async function changeWithAlert(
  em: EntityManager,
  deps: ServiceDeps,
  sender: SenderIdRecord,
  currency: string,
  outcome: 'graced' | 'owed',
  change: (tx: SqlTransaction) => Promise<{ id: string } | undefined>,
  graceUntil?: string,
): Promise<SenderIdRenewalOutcome> {
  const monthlyMicros = sender.monthlyMicros ?? 0n;
  const fee = formatMoneyForPeople(monthlyMicros, currency, 'code');
  const changed = await transaction(em, async (tx) => {
    if (!(await change(tx))) return false;
    await publishSenderIdAlert(tx, sender, {
      kind: AlertKind.SENDER_ID_RENEWAL_FAILED,
      currency,
      amountMicros: monthlyMicros,
      message:
        outcome === 'owed'
          ? `The monthly renewal of the sender ID "${sender.sender}" (${fee}) fell while the wallet is suspended: it is kept and the renewal owed, paid first when the wallet is funded.`
          : `The monthly renewal of the sender ID "${sender.sender}" (${fee}) could not be paid. It is kept until ${graceUntil!.slice(0, 10)}; top up before then or it is cancelled.`,
      dedupeKey: `SENDER_ID_RENEWAL_FAILED:${sender.id}:${sender.periodsPaid + 1}${outcome === 'owed' ? ':owed' : ''}`,
    });
    return true;
  });
  if (changed) deps.committed();
  return changed ? outcome : null;
}

async function cancel(
  em: EntityManager,
  deps: ServiceDeps,
  sender: SenderIdRecord,
  currency: string,
  reason: SenderIdCancelReason,
  nowMs: number,
): Promise<SenderIdRenewalOutcome> {
  const cancelled = await transaction(em, async (tx) => {
    const row = await cancelDueSenderId.maybeOne(tx, {
      id: sender.id,
      periodsPaid: sender.periodsPaid,
      status: sender.status,
      reason,
      cancelledAt: new Date(nowMs).toISOString(),
    });
    if (!row) return false;
    await publishSenderIdAlert(tx, sender, {
      kind: AlertKind.SENDER_ID_CANCELLED,
      currency,
      amountMicros: null,
      message:
        reason === SenderIdCancelReason.ACCOUNT_CLOSED
          ? `The sender ID "${sender.sender}" was cancelled because its account was closed.`
          : `The sender ID "${sender.sender}" was cancelled: its monthly renewal was not paid before its grace ended.`,
      dedupeKey: `SENDER_ID_CANCELLED:${sender.id}`,
    });
    return true;
  });
  if (cancelled) deps.committed();
  return cancelled ? 'cancelled' : null;
}
