/** The support actions' pure rules: reading the amounts typed, and the words of a failure. */
import { describeError } from '../../apollo/describe-error.js';
import { MONEY_FRACTION_DIGITS_MAX } from '../../utils/money.js';

const AMOUNT_PATTERN = new RegExp(`^(0|[1-9][0-9]{0,11})(\\.[0-9]{1,${MONEY_FRACTION_DIGITS_MAX}})?$`);

/**
 * The amount typed, as a Money string greater than zero ("25", "0.5"), or null when it is not one
 * (a sign, letters, more than 6 decimals, zero). The server checks its caps.
 */
export function parsePositiveAmount(text: string): string | null {
  const trimmed = text.trim();
  if (!AMOUNT_PATTERN.test(trimmed)) return null;
  return /[1-9]/.test(trimmed) ? trimmed : null;
}

/** A failed action in one line: what went wrong, the server's code and its message. */
export function failureMessage(error: unknown): string {
  const { code, summary, detail } = describeError(error);
  return `${summary}${code !== null ? ` (${code})` : ''}${detail !== null && detail !== summary ? `: ${detail}` : ''}`;
}
