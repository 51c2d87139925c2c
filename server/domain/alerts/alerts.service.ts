import type { EntityManager } from '@mikro-orm/postgresql';
import { AuditAction } from '../audit/audit-action.js';
import { recordAudit } from '../audit/record-audit.js';
import type { Config } from '../../config.js';
import { transaction, type Db } from '../../database/sql.js';
import { BadUserInputError, NotFoundError } from '../../errors.js';
import { requireRole, tenantScope, type Principal } from '../accounts/principal.js';
import { Role } from '../accounts/role.js';
import { isUuid } from '../ids.js';
import { formatMoney } from '../wallets/money.js';
import { findWallet } from '../wallets/find-wallet.service.js';
import type { AlertKind } from './alert-kinds.js';
import { ALERT_POSITION_PATTERN, toAlertRecord, type AlertRecord } from './alert-record.js';
import {
  acknowledgeVisibleAlert,
  acknowledgeVisibleAlerts,
  advanceAcknowledgementHead,
  lockAcknowledgementHead,
  ensureWalletAlertStates,
  lockWalletThresholds,
  selectAlertsPage,
  selectThresholdsOfWallets,
  selectVisibleAlert,
  selectVisibleAlerts,
  updateWalletThresholds,
} from './alerts.queries.js';
import { armedFor } from './low-balance.js';
import { acknowledgementHead } from './read-alerts.service.js';

/** Roles that may acknowledge an alert they can see (integrations read alerts; people act on them). */
export const ALERT_ACKNOWLEDGE_ROLES: readonly Role[] = [Role.OWNER, Role.CAMPAIGN_MANAGER, Role.SUPPORT, Role.PLATFORM_ADMIN];

/** Roles that may set a wallet's low-balance thresholds. */
export const ALERT_THRESHOLD_ROLES: readonly Role[] = [Role.OWNER, Role.CAMPAIGN_MANAGER, Role.SUPPORT, Role.PLATFORM_ADMIN];

/**
 * The account whose alerts the caller asks for: an account role sees its own (another tenant's
 * account is NOT_FOUND, as if it did not exist); SUPPORT and PLATFORM_ADMIN see every account, or
 * the one they name. Returns null for "every account".
 * @throws NotFoundError for an account the caller may not see or that is not a UUID.
 */
export function alertScope(principal: Principal, accountId: string | null | undefined): string | null {
  const scope = tenantScope(principal);
  if (accountId === null || accountId === undefined) return scope;
  if (!isUuid(accountId) || (scope !== null && scope !== accountId.toLowerCase())) throw new NotFoundError('Account', accountId);
  return accountId.toLowerCase();
}

/** @throws BadUserInputError (`afterPosition` or `after`) unless absent or a position. */
export function parseAlertPosition(field: string, text: string | null | undefined): bigint | null {
  if (text === null || text === undefined) return null;
  if (!ALERT_POSITION_PATTERN.test(text)) throw new BadUserInputError(field, `${field} must be an alert position such as "0" or "42"`);
  return BigInt(text);
}

/** Options of {@link listAlerts}. */
export interface ListAlertsOptions {
  principal: Principal;
  accountId?: string | null;
  kinds?: readonly AlertKind[] | null;
  /** true: acknowledged only; false: unacknowledged only. */
  acknowledged?: boolean | null;
  /** Raised at or after (inclusive). */
  from?: Date | null;
  /** Raised before (exclusive). */
  to?: Date | null;
  first?: number | null;
  /** The position of the last alert of the previous page. */
  after?: string | null;
}

/**
 * A page of alerts, newest first, that the principal may see, and `acknowledgedThrough`: the
 * acknowledgement feed's head read just before the page, so every acknowledgement the page may not
 * show comes after it (alertAcknowledged resumed from there misses none; one the page already shows
 * may come again).
 * @throws NotFoundError (foreign account), BadUserInputError (`first`, `after`, `to`, `kinds`).
 */
export async function listAlerts(
  em: EntityManager,
  config: Pick<Config, 'alertsPageSizeMax' | 'alertsPageSizeDefault'>,
  options: ListAlertsOptions,
): Promise<{ alerts: AlertRecord[]; hasNextPage: boolean; acknowledgedThrough: bigint }> {
  const scope = alertScope(options.principal, options.accountId);
  const first = options.first ?? config.alertsPageSizeDefault;
  if (!Number.isInteger(first) || first < 1 || first > config.alertsPageSizeMax) {
    throw new BadUserInputError('first', `first must be between 1 and ${config.alertsPageSizeMax}`);
  }
  const after = parseAlertPosition('after', options.after);
  if (options.kinds && options.kinds.length === 0)
    throw new BadUserInputError('kinds', 'kinds must name at least one kind, or be left out');
  if (options.from && options.to && options.from > options.to) throw new BadUserInputError('to', 'to must not be before from');
  // Read before the page: an acknowledgement at or below it committed before the page was read.
  const acknowledgedThrough = await acknowledgementHead(em);
  const rows = await selectAlertsPage.all(em, {
    accountId: scope,
    kinds: options.kinds ?? null,
    acknowledged: options.acknowledged ?? null,
    from: options.from?.toISOString() ?? null,
    to: options.to?.toISOString() ?? null,
    beforeId: after?.toString() ?? null,
    limit: first + 1,
  });
  return { alerts: rows.slice(0, first).map(toAlertRecord), hasNextPage: rows.length > first, acknowledgedThrough };
}

const ALERT_ID_PATTERN = /^[1-9][0-9]{0,18}$/;

/** What acknowledging tells once it committed: the acknowledgement feed has news (alertAcknowledged). */
export type AcknowledgedSignal = () => void;

/**
 * Records who acknowledged an alert and when, at the next acknowledgement feed position, and tells
 * `acknowledged` after commit. Acknowledging an acknowledged alert changes nothing and returns it
 * as it is (who was first is kept).
 * @throws ForbiddenError (INTEGRATOR), NotFoundError (unknown, malformed or another tenant's id).
 */
export async function acknowledgeAlert(
  em: EntityManager,
  options: { principal: Principal; id: string; now: Date; acknowledged?: AcknowledgedSignal },
): Promise<AlertRecord> {
  requireRole(options.principal, ALERT_ACKNOWLEDGE_ROLES, 'acknowledge alerts');
  const id = ALERT_ID_PATTERN.test(options.id) ? options.id : null;
  if (id === null) throw new NotFoundError('Alert', options.id);
  const scope = tenantScope(options.principal);
  const result = await transaction(em, async (tx) => {
    await lockAcknowledgementHead.one(tx);
    const updated = await acknowledgeVisibleAlert.maybeOne(tx, {
      alertId: id,
      accountId: scope,
      at: options.now.toISOString(),
      by: options.principal.actor,
    });
    if (updated) {
      await advanceAcknowledgementHead.run(tx);
      return { alert: toAlertRecord(updated), changed: true };
    }
    const existing = await selectVisibleAlert.maybeOne(tx, { alertId: id, accountId: scope });
    if (!existing) throw new NotFoundError('Alert', options.id);
    return { alert: toAlertRecord(existing), changed: false };
  });
  if (result.changed) options.acknowledged?.();
  return result.alert;
}

/**
 * Acknowledges several alerts at once, all or none: every id must name an alert the caller may
 * see, or nothing is acknowledged. Alerts already acknowledged keep who was first. Tells
 * `acknowledged` after commit. Returns the alerts in the order of `ids` (each once).
 * @throws ForbiddenError (INTEGRATOR), BadUserInputError (`ids`: none, or more than
 * alertsAcknowledgeMax), NotFoundError (an unknown, malformed or another tenant's id).
 */
export async function acknowledgeAlerts(
  em: EntityManager,
  config: Pick<Config, 'alertsAcknowledgeMax'>,
  options: { principal: Principal; ids: readonly string[]; now: Date; acknowledged?: AcknowledgedSignal },
): Promise<AlertRecord[]> {
  requireRole(options.principal, ALERT_ACKNOWLEDGE_ROLES, 'acknowledge alerts');
  const ids = [...new Set(options.ids)];
  if (ids.length === 0) throw new BadUserInputError('ids', 'ids must name at least one alert');
  if (ids.length > config.alertsAcknowledgeMax) {
    throw new BadUserInputError('ids', `At most ${config.alertsAcknowledgeMax} alerts at once`);
  }
  const malformed = ids.find((id) => !ALERT_ID_PATTERN.test(id));
  if (malformed !== undefined) throw new NotFoundError('Alert', malformed);
  const scope = tenantScope(options.principal);
  const result = await transaction(em, async (tx) => {
    await lockAcknowledgementHead.one(tx);
    const updated = await acknowledgeVisibleAlerts.all(tx, {
      alertIds: ids,
      accountId: scope,
      at: options.now.toISOString(),
      by: options.principal.actor,
    });
    if (updated.length > 0) await advanceAcknowledgementHead.run(tx);
    const found = new Map((await selectVisibleAlerts.all(tx, { alertIds: ids, accountId: scope })).map((row) => [row.id, row]));
    // Thrown inside the transaction, so an unknown id rolls back the others' acknowledgements.
    const missing = ids.find((id) => !found.has(id));
    if (missing !== undefined) throw new NotFoundError('Alert', missing);
    return { alerts: ids.map((id) => toAlertRecord(found.get(id)!)), changed: updated.length > 0 };
  });
  if (result.changed) options.acknowledged?.();
  return result.alerts;
}

/**
 * A wallet's thresholds until someone sets them: 5 and 0 in the wallet's currency (an e-mail at
 * $5 and again at $0). The column default of wallet_alert_state.thresholds_micros.
 */
export const DEFAULT_LOW_BALANCE_THRESHOLDS_MICROS: readonly bigint[] = Object.freeze([5_000_000n, 0n]);

/** A wallet's low-balance thresholds in micro-units, highest first. */
export async function lowBalanceThresholdsOf(db: Db, walletId: string): Promise<bigint[]> {
  return (await lowBalanceThresholdsOfWallets(db, [walletId])).get(walletId)!;
}

/** The low-balance thresholds of each of `walletIds` (one statement), highest first; the defaults for a wallet that never set them. */
export async function lowBalanceThresholdsOfWallets(db: Db, walletIds: readonly string[]): Promise<Map<string, bigint[]>> {
  const rows = await selectThresholdsOfWallets.all(db, { walletIds });
  const set = new Map(rows.map((row) => [row.wallet_id, row.thresholds.map(BigInt)]));
  return new Map(walletIds.map((id) => [id, set.get(id) ?? [...DEFAULT_LOW_BALANCE_THRESHOLDS_MICROS]]));
}

/**
 * Replaces a wallet's low-balance thresholds. Each is an amount ≥ 0 in the wallet's currency (0
 * raises BALANCE_DEPLETED instead of LOW_BALANCE); at most `lowBalanceThresholdsMax`, no two equal,
 * none above the balance cap; an empty list turns balance alerts off. A new threshold is armed if
 * the balance is above it now; a kept one keeps its state. Returns the thresholds as set (highest
 * first) and the wallet as it stands after the change.
 * @throws ForbiddenError (INTEGRATOR), NotFoundError (wallet), BadUserInputError (`thresholds`).
 */
export async function setLowBalanceThresholds(
  em: EntityManager,
  config: Pick<Config, 'lowBalanceThresholdsMax' | 'walletBalanceMicrosMax'>,
  options: { principal: Principal; walletId: string; thresholdsMicros: readonly bigint[] },
): Promise<{ wallet: Awaited<ReturnType<typeof findWallet>>; thresholdsMicros: bigint[] }> {
  requireRole(options.principal, ALERT_THRESHOLD_ROLES, 'set low-balance thresholds');
  const wallet = await findWallet(em, { principal: options.principal, walletId: options.walletId });
  const thresholds = [...options.thresholdsMicros];
  if (thresholds.length > config.lowBalanceThresholdsMax) {
    throw new BadUserInputError('thresholds', `At most ${config.lowBalanceThresholdsMax} thresholds`);
  }
  for (const threshold of thresholds) {
    if (threshold < 0n) throw new BadUserInputError('thresholds', 'A threshold must not be negative');
    if (threshold > config.walletBalanceMicrosMax)
      throw new BadUserInputError('thresholds', `A threshold must be at most ${formatMoney(config.walletBalanceMicrosMax)}`);
  }
  if (new Set(thresholds).size !== thresholds.length)
    throw new BadUserInputError('thresholds', 'Thresholds must be different from each other');
  thresholds.sort((a, b) => (a > b ? -1 : a < b ? 1 : 0));
  await transaction(em, async (tx) => {
    // A wallet the processor has not judged yet starts from its first transaction, like the
    // processor would start it: none of its history is skipped.
    await ensureWalletAlertStates.run(tx, { walletIds: [wallet.id] });
    const state = await lockWalletThresholds.one(tx, { walletId: wallet.id });
    // The processor's view of the balance (its last judged transaction), so a crossing it has not
    // judged yet is still seen as one.
    const before = new Set(state.thresholds.map(BigInt));
    const armed = new Set(state.armed.map(BigInt));
    const armedNow = armedFor(thresholds, BigInt(state.balance));
    const nextArmed = thresholds.filter((t) => (before.has(t) ? armed.has(t) : armedNow.includes(t)));
    await updateWalletThresholds.run(tx, {
      walletId: wallet.id,
      thresholdsMicros: thresholds.map(String),
      armedMicros: nextArmed.map(String),
    });
    await recordAudit(tx, {
      principal: options.principal,
      accountId: wallet.accountId,
      action: AuditAction.LOW_BALANCE_THRESHOLDS_CHANGED,
      targetType: 'WALLET',
      targetId: wallet.id,
      before: { thresholds: state.thresholds.map((t) => formatMoney(BigInt(t))) },
      after: { thresholds: thresholds.map((t) => formatMoney(t)) },
    });
  });
  // Read afresh (a new identity map): the wallet as it stands after the change.
  return {
    wallet: await findWallet(em.fork(), { principal: options.principal, walletId: options.walletId }),
    thresholdsMicros: thresholds,
  };
}
