/**
 * Transaction sequences: a wallet's gap-free positions "1", "2", … sent as decimal strings ("0"
 * for a wallet without transactions). They go beyond 2^53, so they are compared as bigint, never
 * as JS numbers.
 */

const SEQUENCE_PATTERN = /^(0|[1-9][0-9]*)$/;

/** A string that is not a sequence: the server broke the schema's contract, or a caller passed a wrong field. */
export class SequenceFormatError extends Error {
  constructor(value: string) {
    super(`Not a sequence (a non-negative decimal integer without leading zeros): "${value}"`);
    this.name = 'SequenceFormatError';
  }
}

/** Whether `value` is a sequence string ("0", "42"). */
export function isSequence(value: string): boolean {
  return SEQUENCE_PATTERN.test(value);
}

function toBigInt(value: string): bigint {
  if (!isSequence(value)) throw new SequenceFormatError(value);
  return BigInt(value);
}

/**
 * Negative when `a` comes before `b`, zero when equal, positive after: a comparator for `sort`.
 * @throws SequenceFormatError when either is not a sequence string.
 */
export function compareSequences(a: string, b: string): number {
  const difference = toBigInt(a) - toBigInt(b);
  return difference < 0n ? -1 : difference > 0n ? 1 : 0;
}

/**
 * The later of two sequences.
 * @throws SequenceFormatError when either is not a sequence string.
 */
export function maxSequence(a: string, b: string): string {
  return compareSequences(a, b) >= 0 ? a : b;
}

/**
 * The sequence right after `sequence`: "41" → "42".
 * @throws SequenceFormatError when it is not a sequence string.
 */
export function nextSequence(sequence: string): string {
  return (toBigInt(sequence) + 1n).toString();
}
