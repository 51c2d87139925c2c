import { BadUserInputError } from '../../errors.js';
import { isUuid } from '../ids.js';
import { formatMoney } from './money.js';

/**
 * @throws BadUserInputError (`field`) unless 0 < |amountMicros| <= maxMicros; a negative amount
 * passes only when `allowNegative`.
 */
export function validateAmount(field: string, amountMicros: bigint, maxMicros: bigint, allowNegative: boolean): void {
  if (amountMicros === 0n) throw new BadUserInputError(field, 'Amount must not be zero');
  if (amountMicros < 0n && !allowNegative) throw new BadUserInputError(field, 'Amount must be positive');
  const magnitude = amountMicros < 0n ? -amountMicros : amountMicros;
  if (magnitude > maxMicros) throw new BadUserInputError(field, `Amount must be at most ${formatMoney(maxMicros)}`);
}

/** @throws BadUserInputError (`field`) unless `text` has 1..maxLength characters after trimming. */
export function validateText(field: string, text: string, maxLength: number): string {
  const trimmed = text.trim();
  if (trimmed.length === 0) throw new BadUserInputError(field, `${field} must not be empty`);
  if (trimmed.length > maxLength) throw new BadUserInputError(field, `${field} must be at most ${maxLength} characters`);
  return trimmed;
}

/** Keys the server uses for its own postings (a call's cost); callers may not take them first. */
export const INTERNAL_IDEMPOTENCY_KEY_PREFIX = 'spendwire:';

/**
 * Idempotency keys are opaque but bounded: 1..maxLength characters of printable ASCII, as Stripe
 * accepts (a UUID v4 is the recommended form), except the server's own prefix.
 * @throws BadUserInputError (`idempotencyKey`) otherwise.
 */
export function validateIdempotencyKey(key: string | null | undefined, maxLength: number): string | null {
  if (key === null || key === undefined) return null;
  if (key.length === 0 || key.length > maxLength || !/^[\x21-\x7e]+$/.test(key)) {
    throw new BadUserInputError('idempotencyKey', `idempotencyKey must be 1 to ${maxLength} printable ASCII characters without spaces`);
  }
  if (key.startsWith(INTERNAL_IDEMPOTENCY_KEY_PREFIX)) {
    throw new BadUserInputError(
      'idempotencyKey',
      `idempotencyKey must not start with "${INTERNAL_IDEMPOTENCY_KEY_PREFIX}" (reserved for the server's own postings)`,
    );
  }
  return key;
}

/** @throws BadUserInputError (`campaignId`) unless absent or a UUID. */
export function validateCampaignId(campaignId: string | null | undefined): string | null {
  if (campaignId === null || campaignId === undefined) return null;
  if (!isUuid(campaignId)) throw new BadUserInputError('campaignId', 'campaignId must be a campaign id (UUID)');
  return campaignId.toLowerCase();
}
