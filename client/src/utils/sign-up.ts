/**
 * Self-service sign-up in the dashboard: its pages' paths, the verification link's token, and the
 * checks the form makes before the server makes them again (server/domain/users/sign-up.service.ts).
 * Pure, so the page and the tests share it.
 */
import { NAME_LENGTH_MAX, passwordProblem } from '../routes/accept-invitation/password-rules.js';

/** The sign-up page. */
export const SIGN_UP_PATH = '/sign-up';

/** The page the verification mail links to (`?token=…`). */
export const VERIFY_EMAIL_PATH = '/verify-email';

/** Most characters of a company name (server `companyNameLengthMax`). */
export const COMPANY_LENGTH_MAX = 200;

/** True when `pathname` is `path` (a trailing slash allowed). */
function isPath(pathname: string, path: string): boolean {
  return pathname.replace(/\/+$/, '') === path;
}

/** True on the sign-up page. */
export const isSignUpPath = (pathname: string) => isPath(pathname, SIGN_UP_PATH);

/** True on the verification page. */
export const isVerifyEmailPath = (pathname: string) => isPath(pathname, VERIFY_EMAIL_PATH);

/** The verification token of a page's query string, trimmed; null when absent or blank. */
export function verificationTokenFrom(search: string): string | null {
  const token = new URLSearchParams(search).get('token')?.trim();
  return token ? token : null;
}

/** The sign-up form's fields, as typed. */
export interface SignUpFormValues {
  email: string;
  password: string;
  name: string;
  company: string;
  country: string;
  currency: string;
}

/** A message per field that does not meet the rules; empty when all do. */
export type SignUpFormProblems = Partial<Record<keyof SignUpFormValues, string>>;

/** Checks the sign-up form as the server will. */
export function checkSignUpForm(values: SignUpFormValues): SignUpFormProblems {
  const problems: SignUpFormProblems = {};
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(values.email.trim())) problems.email = 'Enter an e-mail address such as ann@example.com.';
  const password = passwordProblem(values.password);
  if (password !== null) problems.password = password;
  const name = values.name.trim();
  if (name === '') problems.name = 'Enter your name.';
  else if (name.length > NAME_LENGTH_MAX) problems.name = `Use at most ${NAME_LENGTH_MAX} characters.`;
  const company = values.company.trim();
  if (company === '') problems.company = 'Enter your company’s name.';
  else if (company.length > COMPANY_LENGTH_MAX) problems.company = `Use at most ${COMPANY_LENGTH_MAX} characters.`;
  if (!/^[A-Za-z]{2}$/.test(values.country.trim())) problems.country = 'Choose your country.';
  if (values.currency === '') problems.currency = 'Choose a currency.';
  return problems;
}

/** Every ISO 3166-1 alpha-2 country code (and XK, Kosovo), for the country list. */
const COUNTRY_CODES =
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS XK YE YT ZA ZM ZW';

/** A country the form offers: its code and its name in the reader's language. */
export interface CountryOption {
  code: string;
  name: string;
}

/**
 * Every country, named in `locale` (the browser's, by default) through `Intl.DisplayNames`, sorted by
 * name; the code itself where the browser has no name for it.
 */
export function countryOptions(locale?: string): CountryOption[] {
  let names: Intl.DisplayNames | null = null;
  try {
    names = new Intl.DisplayNames(locale === undefined ? undefined : [locale], { type: 'region' });
  } catch {
    // No DisplayNames (an old browser): codes alone still work.
  }
  return COUNTRY_CODES.split(' ')
    .map((code) => ({ code, name: names?.of(code) ?? code }))
    .sort((left, right) => left.name.localeCompare(right.name, locale));
}
