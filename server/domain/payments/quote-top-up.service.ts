import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../../config.js';
import type { Db } from '../../database/sql.js';
import { BadUserInputError, InvalidStateError, NotFoundError } from '../../errors.js';
import { tenantScope, type Principal } from '../accounts/principal.js';
import { isUuid } from '../ids.js';
import { formatMoney } from '../wallets/money.js';
import { selectTopUpWallet } from './billing.queries.js';
import { DEFAULT_TAX_RULES, quoteTax, type BillingProfile, type TaxQuote, type TaxRules } from './tax.js';

/** A wallet with what a top-up needs of its account. */
export interface TopUpWallet {
  walletId: string;
  accountId: string;
  currency: string;
  accountStatus: string;
  stripeCustomerId: string | null;
  profile: BillingProfile;
}

/** The checkout summary : amount, tax and total in the wallet's currency. */
export interface TopUpQuote extends TaxQuote {
  walletId: string;
  currency: string;
  amountMicros: bigint;
  minimumMicros: bigint;
}

/** Tax rules with the configured US state rates. */
export function taxRulesOf(config: Pick<Config, 'usSalesTaxRatesPpm'>): TaxRules {
  return { ...DEFAULT_TAX_RULES, usStateRatesPpm: config.usSalesTaxRatesPpm ?? DEFAULT_TAX_RULES.usStateRatesPpm };
}

/** Smallest top-up of a currency, in micros. */
export function topUpMinimumMicros(config: Pick<Config, 'topUpMinimumMicros' | 'topUpMinimumMicrosDefault'>, currency: string): bigint {
  return config.topUpMinimumMicros[currency] ?? config.topUpMinimumMicrosDefault;
}

/**
 * Top-ups are whole amounts only; a configurable minimum per currency; a sanity cap.
 * @throws BadUserInputError (`field`) naming the limit.
 */
export function validateTopUpAmount(config: Config, field: string, amountMicros: bigint, currency: string): void {
  const minimumMicros = topUpMinimumMicros(config, currency);
  if (amountMicros % 1_000_000n !== 0n) {
    throw new BadUserInputError(
      field,
      `Top-ups are whole amounts of ${currency} (e.g. ${formatMoney(minimumMicros)}), got ${formatMoney(amountMicros)}`,
    );
  }
  if (amountMicros < minimumMicros) {
    throw new BadUserInputError(field, `The minimum top-up is ${formatMoney(minimumMicros)} ${currency}, got ${formatMoney(amountMicros)}`);
  }
  if (amountMicros > config.topUpAmountMicrosMax) {
    throw new BadUserInputError(
      field,
      `The largest top-up is ${formatMoney(config.topUpAmountMicrosMax)} ${currency}, got ${formatMoney(amountMicros)}`,
    );
  }
}

/**
 * The wallet and its account's billing profile, within the caller's tenant.
 * @throws NotFoundError when absent or another tenant's.
 */
export async function findTopUpWallet(em: EntityManager, principal: Principal, walletId: string): Promise<TopUpWallet> {
  if (!isUuid(walletId)) throw new NotFoundError('Wallet', walletId);
  const wallet = await findTopUpWalletIn(em, walletId, tenantScope(principal));
  if (!wallet) throw new NotFoundError('Wallet', walletId);
  return wallet;
}

/** The wallet (within `scope` when not null) and its account's billing profile, on any connection; null when absent. */
export async function findTopUpWalletIn(db: Db, walletId: string, scope: string | null): Promise<TopUpWallet | null> {
  const row = await selectTopUpWallet.maybeOne(db, { walletId, scope });
  if (!row) return null;
  return {
    walletId: walletId.toLowerCase(),
    accountId: row.account_id,
    currency: row.currency,
    accountStatus: row.status,
    stripeCustomerId: row.stripe_customer_id,
    profile: { country: row.billing_country, state: row.billing_state, vatNumber: row.vat_number },
  };
}

/** @throws InvalidStateError when the account is closed: a closed account takes no more money. */
export function requireOpenAccount(wallet: TopUpWallet): void {
  if (wallet.accountStatus !== 'ACTIVE')
    throw new InvalidStateError(`Account "${wallet.accountId}" is ${wallet.accountStatus}: it takes no top-ups`);
}

/** Options of {@link quoteTopUp}. */
export interface QuoteTopUpOptions {
  principal: Principal;
  walletId: string;
  amountMicros: bigint;
  config: Config;
}

/**
 * What a top-up of `amountMicros` would charge to the card, with the account's tax (by its billing country, state and VAT number).
 * Reads only. @throws NotFoundError, BadUserInputError (`amount`).
 */
export async function quoteTopUp(em: EntityManager, options: QuoteTopUpOptions): Promise<TopUpQuote> {
  const wallet = await findTopUpWallet(em, options.principal, options.walletId);
  validateTopUpAmount(options.config, 'amount', options.amountMicros, wallet.currency);
  return quoteFor(options.config, wallet, options.amountMicros);
}

/** The quote of a validated amount. */
export function quoteFor(config: Config, wallet: TopUpWallet, amountMicros: bigint): TopUpQuote {
  const tax = quoteTax(amountMicros, wallet.profile, taxRulesOf(config));
  return {
    ...tax,
    walletId: wallet.walletId,
    currency: wallet.currency,
    amountMicros,
    minimumMicros: topUpMinimumMicros(config, wallet.currency),
  };
}
