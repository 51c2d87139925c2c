import { randomUUID } from 'node:crypto';
import { AuditAction } from '../audit/audit-action.js';
import { recordAudit } from '../audit/record-audit.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import { transaction } from '../../database/sql.js';
import { BadUserInputError, InvalidStateError, PaymentProviderError } from '../../errors.js';
import { requireRole, type Principal } from '../accounts/principal.js';
import { Role } from '../accounts/role.js';
import { formatMoney } from '../wallets/money.js';
import {
  countAutoRecharges,
  lockSettings,
  markRechargeInFlight,
  pauseAutoRecharge,
  selectMonthlyRechargesDue,
  selectRechargeWallet,
  selectSettings,
  selectSettingsOfWallets,
  selectWalletsBelowThreshold,
  upsertAutoRecharge,
  upsertMonthlyRecharge,
  type SettingsRow,
} from './auto-recharge.queries.js';
import { submitPaymentIntent } from './create-top-up.service.js';
import type { PaymentsDeps } from './payments-deps.js';
import {
  findTopUpWallet,
  findTopUpWalletIn,
  quoteFor,
  requireOpenAccount,
  topUpMinimumMicros,
  validateTopUpAmount,
  type TopUpWallet,
} from './quote-top-up.service.js';
import { findDefaultCard } from './saved-card.js';
import { failUnsubmittedTopUp, publishPaymentEvent } from './settle-top-up.service.js';
import { roundUpToWholeUnits } from './stripe-amount.js';
import { toTopUp, type TopUpOrigin, type TopUpRecord } from './top-up-record.js';
import { insertRechargeTopUp } from './top-ups.queries.js';

/** Roles that may change how a wallet is funded automatically. */
export const FUNDING_SETTINGS_ROLES = [Role.OWNER] as const;

/** A wallet's automatic funding: auto-recharge below a threshold, and a monthly recharge. */
export interface AutoRechargeSettings {
  walletId: string;
  enabled: boolean;
  thresholdMicros: bigint;
  targetMicros: bigint;
  inFlightTopUpId: string | null;
  lastAttemptAt: Date | null;
  consecutiveFailures: number;
  pausedAt: Date | null;
  pausedReason: string | null;
  monthlyEnabled: boolean;
  monthlyDay: number | null;
  monthlyAmountMicros: bigint | null;
}

/** Converts an `auto_recharge` row. */
function toSettings(row: SettingsRow): AutoRechargeSettings {
  return {
    walletId: row.wallet_id,
    enabled: row.enabled,
    thresholdMicros: BigInt(row.threshold_micros),
    targetMicros: BigInt(row.target_micros),
    inFlightTopUpId: row.in_flight_top_up_id,
    lastAttemptAt: row.last_attempt_at_ms === null ? null : new Date(row.last_attempt_at_ms),
    consecutiveFailures: row.consecutive_failures,
    pausedAt: row.paused_at_ms === null ? null : new Date(row.paused_at_ms),
    pausedReason: row.paused_reason,
    monthlyEnabled: row.monthly_enabled,
    monthlyDay: row.monthly_day,
    monthlyAmountMicros: row.monthly_amount_micros === null ? null : BigInt(row.monthly_amount_micros),
  };
}

/** The wallet's settings, or null when never set. */
export async function findAutoRecharge(em: EntityManager, walletId: string): Promise<AutoRechargeSettings | null> {
  const row = await selectSettings.maybeOne(em, { walletId });
  return row ? toSettings(row) : null;
}

/** The settings of each of `walletIds` (one statement); wallets that never set them are absent. */
export async function findAutoRecharges(em: EntityManager, walletIds: readonly string[]): Promise<Map<string, AutoRechargeSettings>> {
  const rows = await selectSettingsOfWallets.all(em, { walletIds });
  return new Map(rows.map((row) => [row.wallet_id, toSettings(row)]));
}

/** Options of {@link setAutoRecharge}. */
export interface SetAutoRechargeOptions {
  principal: Principal;
  walletId: string;
  enabled: boolean;
  /** Recharge when the available balance falls below this. */
  thresholdMicros: bigint;
  /** Bring the available balance back to this, in one payment. */
  targetMicros: bigint;
}

/**
 * Turns auto-recharge on or off. Turning it on needs a default card and
 * resumes a paused auto-recharge, clearing its failure count.
 * @throws ForbiddenError, NotFoundError, BadUserInputError (`threshold`, `target`), InvalidStateError (no card).
 */
export async function setAutoRecharge(
  em: EntityManager,
  deps: PaymentsDeps,
  options: SetAutoRechargeOptions,
): Promise<AutoRechargeSettings> {
  const wallet = await fundingSettingsWallet(em, options.principal, options.walletId);
  if (options.thresholdMicros < 0n) throw new BadUserInputError('threshold', 'threshold must not be negative');
  if (options.thresholdMicros > deps.config.topUpAmountMicrosMax) {
    throw new BadUserInputError('threshold', `threshold must be at most ${formatMoney(deps.config.topUpAmountMicrosMax)}`);
  }
  const minimum = topUpMinimumMicros(deps.config, wallet.currency);
  if (options.targetMicros < options.thresholdMicros + minimum) {
    throw new BadUserInputError(
      'target',
      `target must be at least threshold + the minimum top-up (${formatMoney(options.thresholdMicros + minimum)} ${wallet.currency})`,
    );
  }
  if (options.targetMicros - options.thresholdMicros > deps.config.topUpAmountMicrosMax) {
    throw new BadUserInputError('target', `target may exceed threshold by at most ${formatMoney(deps.config.topUpAmountMicrosMax)}`);
  }
  if (options.enabled) await requireDefaultCard(em, wallet);
  const row = await transaction(em, async (tx) => {
    const before = await selectSettings.maybeOne(tx, { walletId: wallet.walletId });
    const after = await upsertAutoRecharge.one(tx, {
      walletId: wallet.walletId,
      accountId: wallet.accountId,
      enabled: options.enabled,
      thresholdMicros: options.thresholdMicros,
      targetMicros: options.targetMicros,
      nowMs: deps.clock.now(),
    });
    await recordAudit(tx, {
      principal: options.principal,
      accountId: wallet.accountId,
      action: AuditAction.AUTO_RECHARGE_CHANGED,
      targetType: 'WALLET',
      targetId: wallet.walletId,
      before: before ? autoRechargeAudit(before) : null,
      after: autoRechargeAudit(after),
    });
    return after;
  });
  deps.wakePayments();
  return toSettings(row);
}

/** Options of {@link setMonthlyRecharge}. */
export interface SetMonthlyRechargeOptions {
  principal: Principal;
  walletId: string;
  enabled: boolean;
  /** Day of the month, 1..28 (every month has it). */
  dayOfMonth: number;
  amountMicros: bigint;
}

/** The monthly recharge: a fixed top-up from the default card on a chosen day each month. */
export async function setMonthlyRecharge(
  em: EntityManager,
  deps: PaymentsDeps,
  options: SetMonthlyRechargeOptions,
): Promise<AutoRechargeSettings> {
  const wallet = await fundingSettingsWallet(em, options.principal, options.walletId);
  if (!Number.isInteger(options.dayOfMonth) || options.dayOfMonth < 1 || options.dayOfMonth > 28) {
    throw new BadUserInputError('dayOfMonth', 'dayOfMonth must be 1 to 28 (a day every month has)');
  }
  validateTopUpAmount(deps.config, 'amount', options.amountMicros, wallet.currency);
  if (options.enabled) await requireDefaultCard(em, wallet);
  const minimum = topUpMinimumMicros(deps.config, wallet.currency);
  const row = await transaction(em, async (tx) => {
    const before = await selectSettings.maybeOne(tx, { walletId: wallet.walletId });
    const after = await upsertMonthlyRecharge.one(tx, {
      walletId: wallet.walletId,
      accountId: wallet.accountId,
      minimumMicros: minimum,
      enabled: options.enabled,
      dayOfMonth: options.dayOfMonth,
      amountMicros: options.amountMicros,
      nowMs: deps.clock.now(),
    });
    await recordAudit(tx, {
      principal: options.principal,
      accountId: wallet.accountId,
      action: AuditAction.MONTHLY_RECHARGE_CHANGED,
      targetType: 'WALLET',
      targetId: wallet.walletId,
      before: before ? monthlyRechargeAudit(before) : null,
      after: monthlyRechargeAudit(after),
    });
    return after;
  });
  deps.wakePayments();
  return toSettings(row);
}

/** The audited fields of the auto-recharge (amounts as decimal strings). */
function autoRechargeAudit(row: Parameters<typeof toSettings>[0]): Record<string, unknown> {
  const settings = toSettings(row);
  return { enabled: settings.enabled, threshold: formatMoney(settings.thresholdMicros), target: formatMoney(settings.targetMicros) };
}

/** The audited fields of the monthly recharge (amounts as decimal strings). */
function monthlyRechargeAudit(row: Parameters<typeof toSettings>[0]): Record<string, unknown> {
  const settings = toSettings(row);
  return {
    enabled: settings.monthlyEnabled,
    dayOfMonth: settings.monthlyDay,
    amount: settings.monthlyAmountMicros === null ? null : formatMoney(settings.monthlyAmountMicros),
  };
}

/** The wallet whose automatic funding the caller may change: OWNER of an open account. */
async function fundingSettingsWallet(em: EntityManager, principal: Principal, walletId: string): Promise<TopUpWallet> {
  requireRole(principal, FUNDING_SETTINGS_ROLES, 'change automatic funding');
  const wallet = await findTopUpWallet(em, principal, walletId);
  requireOpenAccount(wallet);
  return wallet;
}

async function requireDefaultCard(em: EntityManager, wallet: TopUpWallet): Promise<void> {
  const card = await findDefaultCard(em, wallet.accountId);
  if (!card) throw new InvalidStateError('Automatic funding charges the default card: add a card first', { field: 'paymentMethod' });
}

/** Midnight UTC of the day and of the month of `nowMs`, as epoch milliseconds. */
function periodStarts(nowMs: number): { dayMs: number; monthMs: number; month: string; dayOfMonth: number } {
  const now = new Date(nowMs);
  return {
    dayMs: Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()),
    monthMs: Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1),
    month: `${now.getUTCFullYear()}-${String(now.getUTCMonth() + 1).padStart(2, '0')}`,
    dayOfMonth: now.getUTCDate(),
  };
}

/** What one pass of {@link runAutoRecharges} did. */
export interface AutoRechargePass {
  started: TopUpRecord[];
  /** Wallets below their threshold that a cap held back. */
  capped: number;
}

/**
 * Starts an automatic recharge for every armed wallet whose available balance is below its
 * threshold: ONE off-session payment bringing it back to the target. The rails: at most one in
 * flight per wallet (claimed under the settings row's lock, so a burst of charges starts one), a
 * cooldown between attempts, caps per UTC day and month, and a pause after repeated failures or
 * when the bank wants 3-D Secure. Safe in several processes at once.
 */
export async function runAutoRecharges(em: EntityManager, deps: PaymentsDeps, nowMs: number): Promise<AutoRechargePass> {
  const due = await selectWalletsBelowThreshold.all(em, { lastAttemptBeforeMs: nowMs - deps.config.autoRechargeCooldownMs });
  const pass: AutoRechargePass = { started: [], capped: 0 };
  for (const { wallet_id: walletId } of due) {
    const claim = await claimRecharge(em, deps, walletId, nowMs, 'AUTO_RECHARGE');
    if (claim === 'CAPPED') pass.capped += 1;
    else if (claim) pass.started.push(await submitRecharge(em, deps, claim));
  }
  return pass;
}

/**
 * Starts the monthly recharge of every wallet whose day has come this month (once a month: the
 * month is recorded in the same step). A wallet with an automatic recharge in flight waits.
 */
export async function runMonthlyRecharges(em: EntityManager, deps: PaymentsDeps, nowMs: number): Promise<TopUpRecord[]> {
  const { month, dayOfMonth } = periodStarts(nowMs);
  const due = await selectMonthlyRechargesDue.all(em, { dayOfMonth, month });
  const started: TopUpRecord[] = [];
  for (const { wallet_id: walletId } of due) {
    const claim = await claimRecharge(em, deps, walletId, nowMs, 'MONTHLY_RECHARGE');
    if (claim && claim !== 'CAPPED') started.push(await submitRecharge(em, deps, claim));
  }
  return started;
}

/** Submits a claimed recharge off-session; an outage fails it (and frees the wallet's slot) rather than leaving it in flight. */
async function submitRecharge(em: EntityManager, deps: PaymentsDeps, topUp: TopUpRecord): Promise<TopUpRecord> {
  try {
    return await submitPaymentIntent(em, deps, topUp, { offSession: true });
  } catch (error) {
    if (!(error instanceof PaymentProviderError)) throw error;
    await failUnsubmittedTopUp(em, deps, topUp.id, { code: 'provider_unavailable', reason: error.message });
    return topUp;
  }
}

/**
 * Under the settings row's lock: re-checks the conditions, records the top-up and marks it in
 * flight. Returns the top-up to submit, 'CAPPED' when a cap holds it back, or null when nothing is
 * due any more (another process claimed it, the balance recovered, or the settings changed).
 */
async function claimRecharge(
  em: EntityManager,
  deps: PaymentsDeps,
  walletId: string,
  nowMs: number,
  origin: Exclude<TopUpOrigin, 'MANUAL'>,
): Promise<TopUpRecord | 'CAPPED' | null> {
  const { config } = deps;
  const period = periodStarts(nowMs);
  return transaction(em, async (tx) => {
    const settings = await lockSettings.maybeOne(tx, { walletId });
    if (!settings || settings.paused_at_ms !== null || settings.in_flight_top_up_id !== null) return null;
    const wallet = await selectRechargeWallet.maybeOne(tx, { walletId });
    if (wallet?.status !== 'ACTIVE') return null;
    let amountMicros: bigint;
    if (origin === 'AUTO_RECHARGE') {
      const available = BigInt(wallet.available_micros);
      if (!settings.enabled || available >= BigInt(settings.threshold_micros)) return null;
      if (settings.last_attempt_at_ms !== null && settings.last_attempt_at_ms > nowMs - config.autoRechargeCooldownMs) return null;
      const counts = await countAutoRecharges.one(tx, { walletId, dayMs: period.dayMs, monthMs: period.monthMs });
      if (counts.today >= config.autoRechargesPerDayMax || counts.month >= config.autoRechargesPerMonthMax) return 'CAPPED';
      // One payment to the target, in whole units, and never below the minimum top-up.
      const minimum = topUpMinimumMicros(config, wallet.currency);
      amountMicros = roundUpToWholeUnits(BigInt(settings.target_micros) - available);
      if (amountMicros < minimum) amountMicros = minimum;
      if (amountMicros > config.topUpAmountMicrosMax) amountMicros = config.topUpAmountMicrosMax;
    } else {
      const monthly = settings;
      if (!monthly.monthly_enabled || monthly.monthly_day === null || monthly.monthly_day > period.dayOfMonth) return null;
      if (monthly.monthly_last_period === period.month) return null;
      amountMicros = BigInt(monthly.monthly_amount_micros!);
    }
    const card = await findDefaultCard(tx, settings.account_id);
    if (!card) {
      await pauseAutoRecharge.run(tx, { walletId, nowMs, reason: 'NO_PAYMENT_METHOD' });
      await publishPaymentEvent(tx, { accountId: settings.account_id, walletId, id: null }, 'AUTO_RECHARGE_PAUSED');
      return null;
    }
    const topUpWallet = (await findTopUpWalletIn(tx, walletId, null))!;
    const quote = quoteFor(config, topUpWallet, amountMicros);
    const topUpId = randomUUID();
    const row = await insertRechargeTopUp.one(tx, {
      id: topUpId,
      accountId: settings.account_id,
      walletId,
      currency: wallet.currency,
      origin,
      amountMicros: quote.amountMicros,
      taxMicros: quote.taxMicros,
      taxRatePpm: quote.ratePpm,
      taxLabel: quote.label,
      totalMicros: quote.totalMicros,
      paymentMethodId: card.id,
      cardBrand: card.brand,
      cardLast4: card.last4,
      idempotencyKey: `spendwire:${origin === 'AUTO_RECHARGE' ? 'auto-recharge' : `monthly-recharge:${period.month}`}:${topUpId}`,
      nowMs,
    });
    await markRechargeInFlight.run(tx, { walletId, topUpId, nowMs, isAutoRecharge: origin === 'AUTO_RECHARGE', month: period.month });
    return toTopUp(row);
  });
}
