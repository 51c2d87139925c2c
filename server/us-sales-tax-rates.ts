/**
 * Parses the env's US sales tax rates (`US_SALES_TAX_RATES`, e.g. 'CA=7.25,NY=4'): configuration
 * reads it, and configuration imports nothing from the domain, so the parser lives here, below
 * both (domain/payments/tax.ts keeps the rules that use them). Pure: no I/O, no floats.
 */

/** Parts-per-million in a whole (100%). */
const PPM_PER_UNIT = 1_000_000n;

/** Parts-per-million in one percentage point. */
const PPM_PER_PERCENT = 10_000n;

/** Most fraction digits a percentage may carry and still be a whole number of ppm. */
const PERCENT_FRACTION_DIGITS_MAX = 4;

/** Two-letter codes a US billing state may have: the 50 states, DC and the inhabited territories. */
const US_STATE_CODES: ReadonlySet<string> = new Set([
  'AL',
  'AK',
  'AZ',
  'AR',
  'CA',
  'CO',
  'CT',
  'DE',
  'FL',
  'GA',
  'HI',
  'ID',
  'IL',
  'IN',
  'IA',
  'KS',
  'KY',
  'LA',
  'ME',
  'MD',
  'MA',
  'MI',
  'MN',
  'MS',
  'MO',
  'MT',
  'NE',
  'NV',
  'NH',
  'NJ',
  'NM',
  'NY',
  'NC',
  'ND',
  'OH',
  'OK',
  'OR',
  'PA',
  'RI',
  'SC',
  'SD',
  'TN',
  'TX',
  'UT',
  'VT',
  'VA',
  'WA',
  'WV',
  'WI',
  'WY',
  'DC',
  'AS',
  'GU',
  'MP',
  'PR',
  'VI',
]);

const RATE_PERCENT_PATTERN = /^([0-9]+)(?:\.([0-9]{1,4}))?$/;

/**
 * Parses US state sales tax rates in the env format 'CA=7.25,NY=4' (percentages) into ppm:
 * { CA: 72_500n, NY: 40_000n }. Spaces around entries, codes and rates are ignored; state codes
 * are case-insensitive and returned upper case. An empty or blank string is no states.
 * @throws Error naming the offending entry when an entry is not `STATE=RATE`, the state is not a
 * US state, DC or territory code, a state appears twice, or the rate is not a decimal with at most
 * 4 fraction digits in 0..100.
 */
export function parseUsStateRates(text: string): Record<string, bigint> {
  const rates: Record<string, bigint> = {};
  if (text.trim() === '') return rates;
  for (const entry of text.split(',')) {
    const parts = entry.split('=');
    if (parts.length !== 2) {
      throw new Error(`US state tax rates: entry "${entry.trim()}" must look like STATE=RATE, e.g. "CA=7.25"`);
    }
    const state = parts[0]!.trim().toUpperCase();
    const rateText = parts[1]!.trim();
    if (!US_STATE_CODES.has(state)) {
      throw new Error(`US state tax rates: "${parts[0]!.trim()}" in "${entry.trim()}" is not a US state code such as CA`);
    }
    if (Object.hasOwn(rates, state)) {
      throw new Error(`US state tax rates: state ${state} appears more than once`);
    }
    const match = RATE_PERCENT_PATTERN.exec(rateText);
    if (!match) {
      throw new Error(
        `US state tax rates: rate "${rateText}" for ${state} must be a percentage with at most ${PERCENT_FRACTION_DIGITS_MAX} decimals, e.g. 7.25`,
      );
    }
    const [, whole, fraction = ''] = match;
    const ratePpm = BigInt(whole!) * PPM_PER_PERCENT + BigInt(fraction.padEnd(PERCENT_FRACTION_DIGITS_MAX, '0'));
    if (ratePpm > PPM_PER_UNIT) {
      throw new Error(`US state tax rates: rate ${rateText}% for ${state} is above 100%`);
    }
    rates[state] = ratePpm;
  }
  return rates;
}
