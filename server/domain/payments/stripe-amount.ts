import { assert } from '../../errors.js';

/** Micros in one minor unit (cent, penny) of the currencies we sell in: all have 2 decimals. */
export const MICROS_PER_MINOR_UNIT = 10_000n;

/**
 * Stripe's amount (integer minor units: cents) for an amount in micros. Top-ups are whole units
 * and tax is rounded to the cent, so this is exact; anything else is a bug.
 */
export function toStripeAmount(amountMicros: bigint): number {
  assert(amountMicros % MICROS_PER_MINOR_UNIT === 0n, `amount ${amountMicros} micros is not a whole number of cents`);
  const minor = amountMicros / MICROS_PER_MINOR_UNIT;
  assert(minor <= BigInt(Number.MAX_SAFE_INTEGER), 'amount beyond what Stripe accepts');
  return Number(minor);
}

/** Micros for Stripe's integer minor units. */
export function fromStripeAmount(minorUnits: number): bigint {
  assert(Number.isSafeInteger(minorUnits), `Stripe amount ${minorUnits} is not an integer`);
  return BigInt(minorUnits) * MICROS_PER_MINOR_UNIT;
}

/** Rounds a non-negative amount up to a whole number of major units. */
export function roundUpToWholeUnits(amountMicros: bigint): bigint {
  const unit = 1_000_000n;
  return ((amountMicros + unit - 1n) / unit) * unit;
}
