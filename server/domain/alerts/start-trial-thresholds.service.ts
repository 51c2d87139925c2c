import type { EntityManager } from '@mikro-orm/postgresql';
import { transaction } from '../../database/sql.js';
import type { Principal } from '../accounts/principal.js';
import { AuditAction } from '../audit/audit-action.js';
import { recordAudit } from '../audit/record-audit.js';
import { formatMoney } from '../wallets/money.js';
import { ensureWalletAlertStates, lockWalletThresholds, updateWalletThresholds } from './alerts.queries.js';
import { DEFAULT_LOW_BALANCE_THRESHOLDS_MICROS } from './alerts.service.js';
import { armedFor } from './low-balance.js';

/**
 * The low-balance threshold a wallet funded only by a trial credit starts with: `percent` of the
 * trial, rounded down to a whole cent; null when `percent` is 0 (the wallet keeps the defaults).
 */
export function trialLowBalanceThresholdMicros(trialCreditMicros: bigint, percent: number): bigint | null {
  if (percent <= 0) return null;
  const micros = (trialCreditMicros * BigInt(Math.round(percent * 100))) / 10_000n;
  return (micros / 10_000n) * 10_000n;
}

/**
 * Gives the wallet a trial credit just funded the low-balance thresholds of a trial: the default
 * thresholds (5 and 0) would sit above the whole trial, so the wallet would look "low" from its
 * first moment and never warn before it ran dry. It gets `thresholdMicros` (below the trial) and 0
 * instead: LOW_BALANCE once the trial is spent down to the threshold, BALANCE_DEPLETED at 0.
 *
 * Only a wallet whose thresholds are still the defaults is changed (someone who chose theirs keeps
 * them). Armed as {@link setLowBalanceThresholds} arms: against the balance the alert processor last
 * judged, so the grant (judged before or after this) arms the new threshold exactly once. Its own
 * transaction, after the grant's: it locks only the wallet's alert state, as the alert processor does.
 * Recorded in the audit log as the verifying user's change. Returns whether the thresholds changed.
 */
export async function startTrialLowBalanceThresholds(
  em: EntityManager,
  options: { principal: Principal; accountId: string; walletId: string; thresholdMicros: bigint },
): Promise<boolean> {
  const thresholds = [options.thresholdMicros, 0n].filter((threshold, index, all) => all.indexOf(threshold) === index);
  const defaults = DEFAULT_LOW_BALANCE_THRESHOLDS_MICROS.map(String);
  return transaction(em, async (tx) => {
    await ensureWalletAlertStates.run(tx, { walletIds: [options.walletId] });
    const state = await lockWalletThresholds.one(tx, { walletId: options.walletId });
    if (state.thresholds.length !== defaults.length || state.thresholds.some((threshold, index) => threshold !== defaults[index]))
      return false;
    const armed = new Set(state.armed.map(BigInt));
    const armedNow = armedFor(thresholds, BigInt(state.balance));
    const before = new Set(state.thresholds.map(BigInt));
    const nextArmed = thresholds.filter((t) => (before.has(t) ? armed.has(t) : armedNow.includes(t)));
    await updateWalletThresholds.run(tx, {
      walletId: options.walletId,
      thresholdsMicros: thresholds.map(String),
      armedMicros: nextArmed.map(String),
    });
    await recordAudit(tx, {
      principal: options.principal,
      accountId: options.accountId,
      action: AuditAction.LOW_BALANCE_THRESHOLDS_CHANGED,
      targetType: 'WALLET',
      targetId: options.walletId,
      before: { thresholds: state.thresholds.map((t) => formatMoney(BigInt(t))) },
      after: { thresholds: thresholds.map((t) => formatMoney(t)), trialCredit: true },
    });
    return true;
  });
}
