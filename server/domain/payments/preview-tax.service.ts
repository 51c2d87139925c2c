import type { Config } from '../../config.js';
import { BadUserInputError } from '../../errors.js';
import { requireRole, type Principal } from '../accounts/principal.js';
import { formatMoney } from '../wallets/money.js';
import { BILLING_PROFILE_ROLES } from './billing-profile.service.js';
import { taxRulesOf } from './quote-top-up.service.js';
import { isEuCountry, normalizeVatNumber, quoteTax, type TaxQuote } from './tax.js';

/** Options of {@link previewTax}: a billing profile as it is being typed, not yet saved. */
export interface PreviewTaxOptions {
  principal: Principal;
  country: string | null;
  state: string | null;
  vatNumber: string | null;
  /** The purchase to tax, in micros, 0..topUpAmountMicrosMax. */
  amountMicros: bigint;
  config: Pick<Config, 'usSalesTaxRatesPpm' | 'topUpAmountMicrosMax'>;
}

/** The tax a profile would get, and what became of its VAT number. */
export interface TaxPreview extends TaxQuote {
  /** The VAT number as it would be stored (normalized), or null when none was given or it is not valid for the country. */
  vatNumber: string | null;
  /**
   * True when a VAT number was given and its format is valid for the (EU) country, so it exempts
   * the buyer (reverse charge); false when one was given that does not; null when none was given.
   */
  vatNumberAccepted: boolean | null;
}

/**
 * The tax a top-up of `amountMicros` would carry if the account's billing profile were the one
 * given: the same rules and rounding as {@link quoteTax} applies at checkout (`quoteTopUp`), so the
 * Billing page shows the answer the checkout will. Nothing is read or stored. A malformed country
 * is taxed as an unknown one (no tax); saving it is refused by updateBillingProfile.
 * @throws ForbiddenError unless the caller may change billing profiles; BadUserInputError (`amount`) outside 0..topUpAmountMicrosMax.
 */
export function previewTax(options: PreviewTaxOptions): TaxPreview {
  requireRole(options.principal, BILLING_PROFILE_ROLES, 'preview the tax of a billing profile');
  const { amountMicros, config } = options;
  if (amountMicros < 0n || amountMicros > config.topUpAmountMicrosMax) {
    throw new BadUserInputError('amount', `amount must be between 0 and ${formatMoney(config.topUpAmountMicrosMax)}`);
  }
  let country = options.country?.trim().toUpperCase() || null;
  if (country === 'UK') country = 'GB';
  const given = options.vatNumber?.trim() || null;
  const vatNumber = given !== null && country !== null && isEuCountry(country) ? normalizeVatNumber(country, given) : null;
  const quote = quoteTax(amountMicros, { country, state: options.state?.trim().toUpperCase() || null, vatNumber }, taxRulesOf(config));
  return { ...quote, vatNumber, vatNumberAccepted: given === null ? null : vatNumber !== null };
}
