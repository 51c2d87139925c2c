/**
 * Countries of E.164 numbers by their country calling code, for the usage reports' spend by
 * destination country. Pure. Calling codes are prefix-free (no code is the start of another), so
 * the first one to three digits after "+" name the code; numbers under a code not listed here are
 * reported under the code itself ("+998").
 */

/** Country (or numbering plan) names of the calling codes customers dial most. */
const COUNTRY_OF_CODE: Readonly<Record<string, string>> = {
  '1': 'United States, Canada and the Caribbean',
  '7': 'Russia and Kazakhstan',
  '20': 'Egypt',
  '27': 'South Africa',
  '30': 'Greece',
  '31': 'Netherlands',
  '32': 'Belgium',
  '33': 'France',
  '34': 'Spain',
  '36': 'Hungary',
  '39': 'Italy',
  '40': 'Romania',
  '41': 'Switzerland',
  '43': 'Austria',
  '44': 'United Kingdom',
  '45': 'Denmark',
  '46': 'Sweden',
  '47': 'Norway',
  '48': 'Poland',
  '49': 'Germany',
  '51': 'Peru',
  '52': 'Mexico',
  '54': 'Argentina',
  '55': 'Brazil',
  '56': 'Chile',
  '57': 'Colombia',
  '60': 'Malaysia',
  '61': 'Australia',
  '62': 'Indonesia',
  '63': 'Philippines',
  '64': 'New Zealand',
  '65': 'Singapore',
  '66': 'Thailand',
  '81': 'Japan',
  '82': 'South Korea',
  '84': 'Vietnam',
  '86': 'China',
  '90': 'Turkey',
  '91': 'India',
  '234': 'Nigeria',
  '254': 'Kenya',
  '351': 'Portugal',
  '353': 'Ireland',
  '380': 'Ukraine',
  '420': 'Czechia',
  '852': 'Hong Kong',
  '966': 'Saudi Arabia',
  '971': 'United Arab Emirates',
  '972': 'Israel',
};

/** Single-digit codes (every other code has two or three digits). */
const ONE_DIGIT_CODES = new Set(['1', '7']);
/** Two-digit codes: zones 2–9 minus the three-digit blocks (ITU-T E.164 list). */
const TWO_DIGIT_CODES = new Set(
  '20 27 30 31 32 33 34 36 39 40 41 43 44 45 46 47 48 49 51 52 53 54 55 56 57 58 60 61 62 63 64 65 66 81 82 84 86 90 91 92 93 94 95 98'.split(
    ' ',
  ),
);

/** The calling code of an E.164 number or of its first digits (`"+4477…"` → `"44"`); null when there are no digits. */
export function callingCodeOf(e164: string): string | null {
  const digits = e164.replace(/^\+/, '');
  if (!/^[1-9]/.test(digits)) return null;
  if (ONE_DIGIT_CODES.has(digits[0]!)) return digits[0]!;
  const two = digits.slice(0, 2);
  if (TWO_DIGIT_CODES.has(two)) return two;
  return digits.slice(0, 3);
}

/** "United Kingdom (+44)", or "+998" for a code without a name here. */
export function countryLabel(callingCode: string): string {
  const name = COUNTRY_OF_CODE[callingCode];
  return name ? `${name} (+${callingCode})` : `+${callingCode}`;
}
