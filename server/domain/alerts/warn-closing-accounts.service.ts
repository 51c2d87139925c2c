import type { EntityManager } from '@mikro-orm/postgresql';
import { transaction } from '../../database/sql.js';
import { AlertKind } from './alert-kinds.js';
import { selectClosingAccountsDue } from './alerts.queries.js';
import { insertAlerts, lockAlertWriters, type NewAlert } from './raise-alerts.service.js';

/** Options of {@link warnClosingAccounts}. */
export interface WarnClosingAccountsOptions {
  nowMs: number;
  /** Days all of an account's wallets may stay SUSPENDED before it is closed. */
  closeAfterDays: number;
  /** Warn this many days before the close (e.g. [7, 1]). */
  warningDays: readonly number[];
}

/**
 * An account left unfunded for 30 days (`closeAfterDays`) may be closed and its numbers returned. Raises
 * ACCOUNT_CLOSING for every ACTIVE account whose wallets are all SUSPENDED and whose close is
 * within one of `warningDays`: once per warning day and suspension (the most urgent one that
 * applies, so a job that first runs a day before the close does not also send the 7-day warning).
 * Returns the warned accounts' ids.
 */
export async function warnClosingAccounts(em: EntityManager, options: WarnClosingAccountsOptions): Promise<string[]> {
  if (options.warningDays.length === 0) return [];
  const due = await selectClosingAccountsDue.all(em, {
    now: new Date(options.nowMs).toISOString(),
    closeAfterDays: options.closeAfterDays,
    warningDays: [...options.warningDays],
  });
  if (due.length === 0) return [];
  const alerts: NewAlert[] = due.map((row) => {
    const closesAt = new Date(row.closes_at);
    return {
      kind: AlertKind.ACCOUNT_CLOSING,
      accountId: row.account_id,
      walletId: row.wallet_id,
      currency: row.currency,
      balanceMicros: 0n,
      message: `The account will be closed on ${closesAt.toISOString().slice(0, 10)} (within ${row.days} ${row.days === 1 ? 'day' : 'days'}): its wallets have had no funds for ${options.closeAfterDays - row.days} days. Top up any wallet to keep the account and its phone numbers.`,
      dedupeKey: row.dedupe_key,
      raisedAt: new Date(options.nowMs),
    };
  });
  await transaction(em, async (tx) => {
    await lockAlertWriters(tx);
    await insertAlerts(tx, alerts);
  });
  return due.map((row) => row.account_id);
}
