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

/** Countries the form lists first, then any ISO 3166-1 alpha-2 code may be typed. */
export const COUNTRIES: readonly { code: string; name: string }[] = [
  { code: 'US', name: 'United States' },
  { code: 'GB', name: 'United Kingdom' },
  { code: 'CA', name: 'Canada' },
  { code: 'AU', name: 'Australia' },
  { code: 'DE', name: 'Germany' },
  { code: 'FR', name: 'France' },
  { code: 'IE', name: 'Ireland' },
  { code: 'NL', name: 'Netherlands' },
  { code: 'ES', name: 'Spain' },
  { code: 'IT', name: 'Italy' },
];
