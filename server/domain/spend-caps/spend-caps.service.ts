import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../../config.js';
import { transaction } from '../../database/sql.js';
import { BadUserInputError } from '../../errors.js';
import { requireRole, tenantScope, type Principal } from '../accounts/principal.js';
import { AuditAction } from '../audit/audit-action.js';
import { recordAudit } from '../audit/record-audit.js';
import { Role } from '../accounts/role.js';
import { findAccount } from '../accounts/find-account.service.js';
import type { Clock } from '../calls/clock.js';
import { findWallet } from '../wallets/find-wallet.service.js';
import { formatMoney, isSupportedCurrency } from '../wallets/money.js';
import {
  lockAccountWallets,
  refreshWalletsSpendCapped,
  selectAccountTimezone,
  selectSpendCapScopes,
  selectTimezoneKnown,
  updateAccountTimezone,
  upsertAccountSpendCap,
  upsertSpendCap,
  type SpendCapScopeRow,
} from './spend-caps.queries.js';

/** Roles that read an account's spend caps (SUPPORT and PLATFORM_ADMIN: any account). */
export const SPEND_CAP_READ_ROLES = [Role.OWNER, Role.CAMPAIGN_MANAGER, Role.INTEGRATOR, Role.SUPPORT, Role.PLATFORM_ADMIN] as const;
/** Roles that set spend caps and the account's timezone: the owner (and the operator). */
export const SPEND_CAP_SET_ROLES = [Role.OWNER, Role.PLATFORM_ADMIN] as const;

/** One period of a cap: its limit (null: none), what is committed in it, and when it began and ends. */
export interface SpendCapPeriod {
  capMicros: bigint | null;
  /** Charged, or reserved for calls and messages in flight, in the current period. */
  committedMicros: bigint;
  /** The period's first local day, YYYY-MM-DD. */
  startsOn: string;
  /** When the period ends and the cap resets: the next local midnight (epoch milliseconds). */
  resetsAtMs: number;
}

/** The caps of one scope: the account in one currency (walletId null) or one wallet. */
export interface SpendCapRecord {
  accountId: string;
  walletId: string | null;
  currency: string;
  daily: SpendCapPeriod;
  monthly: SpendCapPeriod;
}

/** An account's spend caps: its timezone (where days and months begin) and every scope, capped or not. */
export interface SpendCapSettings {
  accountId: string;
  timezone: string;
  caps: SpendCapRecord[];
}

type CapDeps = { clock: Clock; config: Pick<Config, 'spendCapMicrosMax' | 'spendCapWalletsListedMax'> };

function toRecord(accountId: string, row: SpendCapScopeRow): SpendCapRecord {
  const cap = (text: string | null) => (text === null ? null : BigInt(text));
  return {
    accountId,
    walletId: row.wallet_id,
    currency: row.currency.trim(),
    daily: {
      capMicros: cap(row.daily_cap_micros),
      committedMicros: BigInt(row.day_committed_micros),
      startsOn: row.local_day,
      resetsAtMs: row.day_ends_at_ms,
    },
    monthly: {
      capMicros: cap(row.monthly_cap_micros),
      committedMicros: BigInt(row.month_committed_micros),
      startsOn: row.local_month,
      resetsAtMs: row.month_ends_at_ms,
    },
  };
}

/** The account the caller acts on: its own, or for platform roles the one named. @throws BadUserInputError, NotFoundError. */
async function resolveAccountId(em: EntityManager, principal: Principal, accountId: string | null | undefined): Promise<string> {
  const scope = tenantScope(principal);
  const id = accountId ?? scope;
  if (id === null) throw new BadUserInputError('accountId', 'accountId is required for platform roles');
  return (await findAccount(em, { principal, accountId: id })).id;
}

/**
 * The account's spend caps now: its timezone, then per currency of its wallets the account's caps,
 * then each wallet's, with what each period has committed and when it resets.
 * @throws ForbiddenError, NotFoundError, BadUserInputError (`accountId` missing for platform roles).
 */
export async function readSpendCaps(
  em: EntityManager,
  deps: CapDeps,
  options: { principal: Principal; accountId?: string | null },
): Promise<SpendCapSettings> {
  requireRole(options.principal, SPEND_CAP_READ_ROLES, 'read spend caps');
  const accountId = await resolveAccountId(em, options.principal, options.accountId);
  const rows = await selectSpendCapScopes.all(em, {
    accountId,
    at: new Date(deps.clock.now()).toISOString(),
    walletsMax: deps.config.spendCapWalletsListedMax,
  });
  const timezone = rows[0]?.timezone ?? (await selectAccountTimezone.one(em, { accountId })).timezone;
  return { accountId, timezone, caps: rows.map((row) => toRecord(accountId, row)) };
}

/** Options of {@link setSpendCaps}. */
export interface SetSpendCapsOptions {
  principal: Principal;
  /** The wallet whose caps these are; null: the account's caps in `currency`. */
  walletId?: string | null;
  /** The currency of an account cap (ignored with a wallet: the wallet's). */
  currency?: string | null;
  /** Platform roles: the account of an account cap. */
  accountId?: string | null;
  /** Most committed per local day, in micros; null: no daily cap. */
  dailyCapMicros: bigint | null;
  /** Most committed per local month, in micros; null: no monthly cap. */
  monthlyCapMicros: bigint | null;
}

function validateCap(field: string, value: bigint | null, max: bigint): bigint | null {
  if (value === null) return null;
  if (value < 0n) throw new BadUserInputError(field, 'A spend cap must not be negative');
  if (value > max) throw new BadUserInputError(field, `A spend cap must be at most ${formatMoney(max)} (spendCapMicrosMax)`);
  return value;
}

/**
 * Sets (replaces) the daily and monthly caps of one scope; null lifts a cap. What the current
 * periods have committed is kept: a cap set below it refuses further spend until the period resets.
 * Returns the account's caps as they are after the change.
 * @throws ForbiddenError unless OWNER or PLATFORM_ADMIN. @throws NotFoundError (wallet, account).
 * @throws BadUserInputError (`daily`, `monthly`: negative or above spendCapMicrosMax; `currency`; `accountId`).
 */
export async function setSpendCaps(em: EntityManager, deps: CapDeps, options: SetSpendCapsOptions): Promise<SpendCapRecord> {
  requireRole(options.principal, SPEND_CAP_SET_ROLES, 'set spend caps');
  const daily = validateCap('daily', options.dailyCapMicros, deps.config.spendCapMicrosMax);
  const monthly = validateCap('monthly', options.monthlyCapMicros, deps.config.spendCapMicrosMax);
  let accountId: string;
  let walletId: string | null = null;
  let currency: string;
  if (options.walletId !== null && options.walletId !== undefined) {
    const wallet = await findWallet(em, { principal: options.principal, walletId: options.walletId });
    accountId = wallet.accountId;
    walletId = wallet.id;
    currency = wallet.currency.trim();
  } else {
    accountId = await resolveAccountId(em, options.principal, options.accountId);
    const given = (options.currency ?? '').trim().toUpperCase();
    if (!isSupportedCurrency(given)) throw new BadUserInputError('currency', 'An account cap needs a supported currency (e.g. "USD")');
    currency = given;
  }
  await transaction(em, async (tx) => {
    // Wallets first, then their caps (the house's lock order); the wallets' flags follow the caps.
    await lockAccountWallets.all(tx, { accountId });
    if (walletId === null) {
      await upsertAccountSpendCap.one(tx, { id: randomUUID(), accountId, currency, dailyCapMicros: daily, monthlyCapMicros: monthly });
    } else {
      await upsertSpendCap.one(tx, { id: randomUUID(), accountId, walletId, currency, dailyCapMicros: daily, monthlyCapMicros: monthly });
    }
    await refreshWalletsSpendCapped.run(tx, { accountId });
    await recordAudit(tx, {
      principal: options.principal,
      accountId,
      action: AuditAction.SPEND_CAPS_CHANGED,
      targetType: walletId === null ? 'ACCOUNT' : 'WALLET',
      targetId: walletId,
      after: {
        currency,
        daily: daily === null ? null : formatMoney(daily),
        monthly: monthly === null ? null : formatMoney(monthly),
      },
    });
  });
  const settings = await readSpendCaps(em, deps, { principal: options.principal, accountId });
  const set = settings.caps.find((cap) => cap.walletId === walletId && cap.currency === currency);
  if (set) return set;
  // An account cap in a currency none of its wallets uses (yet) is not listed among the scopes.
  const now = settings.caps[0];
  const empty = (capMicros: bigint | null, period: SpendCapPeriod | undefined): SpendCapPeriod => ({
    capMicros,
    committedMicros: 0n,
    startsOn: period?.startsOn ?? '',
    resetsAtMs: period?.resetsAtMs ?? deps.clock.now(),
  });
  return { accountId, walletId, currency, daily: empty(daily, now?.daily), monthly: empty(monthly, now?.monthly) };
}

/**
 * Sets the account's timezone (an IANA name such as "Europe/London"): where its caps' days and
 * months begin. Periods already running are judged by the new zone from now on.
 * @throws ForbiddenError unless OWNER or PLATFORM_ADMIN. @throws BadUserInputError (`timezone` unknown).
 */
export async function setAccountTimezone(
  em: EntityManager,
  options: { principal: Principal; accountId?: string | null; timezone: string },
): Promise<{ accountId: string; timezone: string }> {
  requireRole(options.principal, SPEND_CAP_SET_ROLES, 'set the account timezone');
  const accountId = await resolveAccountId(em, options.principal, options.accountId);
  const timezone = options.timezone.trim();
  if (timezone.length === 0 || timezone.length > 100 || !(await selectTimezoneKnown.maybeOne(em, { name: timezone }))) {
    throw new BadUserInputError('timezone', `Unknown timezone "${timezone.slice(0, 100)}": use an IANA name such as "Europe/London"`);
  }
  const row = await transaction(em, async (tx) => {
    const updated = await updateAccountTimezone.one(tx, { accountId, timezone });
    await recordAudit(tx, {
      principal: options.principal,
      accountId,
      action: AuditAction.ACCOUNT_TIMEZONE_CHANGED,
      targetType: 'ACCOUNT',
      targetId: null,
      after: { timezone: updated.timezone },
    });
    return updated;
  });
  return { accountId, timezone: row.timezone };
}
