// Goal: rate lookup, billed seconds and call prices are exact at every boundary, and bad rate input is refused.
// Method: table tests at each increment and prefix boundary, plus fast-check properties for telescoping and monotone prices.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BadUserInputError } from '../../../server/errors.js';
import {
  allowanceSplit,
  billedSeconds,
  callCostMicros,
  E164_PATTERN,
  estimateCampaignCostMicros,
  findRate,
  incrementPriceMicros,
  isE164,
  priceMicros,
  validateIncrementSeconds,
  validatePrefix,
  type Rate,
} from '../../../server/domain/rating/rating.js';

describe('isE164', () => {
  it.each([
    ['+1234567', true], // 7 digits, the fewest
    ['+123456789012345', true], // 15 digits, the most
    ['+447712345678', true],
    ['+123456', false], // 6 digits
    ['+1234567890123456', false], // 16 digits
    ['+0123456789', false], // leading 0
    ['447712345678', false], // missing +
    ['+44771234567a', false],
    ['+44 7712 345678', false],
    ['++447712345678', false],
    ['', false],
    ['+', false],
  ])('%j → %s', (text, expected) => {
    expect(isE164(text)).toBe(expected);
    expect(E164_PATTERN.test(text)).toBe(expected);
  });
});

describe('findRate', () => {
  const rates = ['', '1', '44', '447', '4477'].map((prefix) => ({ prefix }));

  it.each([
    ['+447712345678', '4477'],
    ['+447612345678', '447'],
    ['+442071234567', '44'],
    ['+33123456789', ''],
    ['+12025550123', '1'],
    ['447712345678', '4477'], // without the +
  ])('%s → prefix %j', (e164, prefix) => {
    expect(findRate(rates, e164)?.prefix).toBe(prefix);
  });

  it('finds nothing without a catch-all rate', () => {
    const withoutCatchAll = rates.filter((rate) => rate.prefix !== '');
    expect(findRate(withoutCatchAll, '+33123456789')).toBeUndefined();
    expect(findRate(withoutCatchAll, '+447712345678')?.prefix).toBe('4477');
  });

  it('finds nothing in an empty list', () => {
    expect(findRate([], '+447712345678')).toBeUndefined();
  });

  it('does not depend on the order of the rates, and keeps the first of equal prefixes', () => {
    const reversed = [...rates].reverse();
    expect(findRate(reversed, '+447712345678')?.prefix).toBe('4477');
    const duplicates = [
      { prefix: '44', name: 'first' },
      { prefix: '44', name: 'second' },
    ];
    expect(findRate(duplicates, '+442071234567')?.name).toBe('first');
  });

  it('returns the caller’s own rate type', () => {
    const rate: Rate = { prefix: '44', perMinuteMicros: 8_500n, firstIncrementSeconds: 60, nextIncrementSeconds: 60, connectFeeMicros: 0n };
    expect(findRate([rate], '+442071234567')).toBe(rate);
  });
});

describe('billedSeconds', () => {
  it.each([
    // 60/60
    [0, 60, 60, 60],
    [1, 60, 60, 60],
    [59, 60, 60, 60],
    [60, 60, 60, 60],
    [60.0004, 60, 60, 60], // below a millisecond: counts as 60 s
    [60.001, 60, 60, 120],
    [61, 60, 60, 120],
    [61.0000001, 60, 60, 120],
    [120, 60, 60, 120],
    [121, 60, 60, 180],
    // 60/1
    [0, 60, 1, 60],
    [59, 60, 1, 60],
    [60, 60, 1, 60],
    [61, 60, 1, 61],
    [61.5, 60, 1, 62],
    // 1/1
    [0, 1, 1, 1],
    [0.2, 1, 1, 1],
    [1, 1, 1, 1],
    [1.001, 1, 1, 2],
    [5, 1, 1, 5],
    // 6/6
    [0, 6, 6, 6],
    [6, 6, 6, 6],
    [6.001, 6, 6, 12],
    [12, 6, 6, 12],
    [13, 6, 6, 18],
    // 30/6
    [0, 30, 6, 30],
    [30, 30, 6, 30],
    [30.001, 30, 6, 36],
    [36, 30, 6, 36],
    [37, 30, 6, 42],
    [0.1 + 0.2 + 29.7, 30, 6, 30], // 30.000000000000004 in floating point
  ])('%s s at %s/%s → %s s', (elapsed, first, next, expected) => {
    expect(billedSeconds(elapsed, first, next)).toBe(expected);
  });

  it('is at least the first increment, monotone, and a whole number of increments', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000_000 }),
        fc.integer({ min: 0, max: 100_000_000 }),
        fc.integer({ min: 1, max: 3600 }),
        fc.integer({ min: 1, max: 3600 }),
        (aMs, bMs, first, next) => {
          const a = billedSeconds(aMs / 1000, first, next);
          const b = billedSeconds(bMs / 1000, first, next);
          expect(a).toBeGreaterThanOrEqual(first);
          expect(a * 1000).toBeGreaterThanOrEqual(aMs);
          expect((a - first) % next).toBe(0);
          // Tight: one increment less would not cover the call.
          if (a > first) expect((a - next) * 1000).toBeLessThan(aMs);
          if (aMs <= bMs) expect(a).toBeLessThanOrEqual(b);
        },
      ),
    );
  });

  it.each([
    [-1, 60, 60],
    [Number.NaN, 60, 60],
    [Number.POSITIVE_INFINITY, 60, 60],
    [10, 0, 60],
    [10, 60, 0],
    [10, 1.5, 60],
  ])('asserts on elapsed %s at %s/%s', (elapsed, first, next) => {
    expect(() => billedSeconds(elapsed, first, next)).toThrow(/Assertion failed/);
  });
});

describe('priceMicros', () => {
  it.each([
    [8_500n, 60, 8_500n], // 0.0085 per minute, 1 minute
    [8_500n, 1, 142n], // ceil(141.67)
    [8_500n, 0, 0n],
    [8_500n, 30, 4_250n],
    [8_500n, 61, 8_642n], // ceil(8641.67)
    [1n, 1, 1n], // ceil(1/60)
    [60n, 1, 1n],
    [61n, 1, 2n],
    [0n, 3600, 0n],
    [10_000_000n, 3600, 600_000_000n],
  ])('%s micros/min for %s s → %s', (perMinute, seconds, expected) => {
    expect(priceMicros(perMinute, seconds)).toBe(expected);
  });

  it('telescopes: 60 one-second increments cost exactly one minute', () => {
    let total = 0n;
    for (let funded = 0; funded < 60; funded += 1) total += incrementPriceMicros(8_500n, funded, 1);
    expect(total).toBe(8_500n);
    // Pricing each second alone would overcharge by rounding 60 times.
    expect(60n * priceMicros(8_500n, 1)).toBe(8_520n);
  });

  it('telescopes for any rate and increments, and is monotone', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 100_000_000n }),
        fc.integer({ min: 1, max: 3600 }),
        fc.integer({ min: 1, max: 3600 }),
        fc.integer({ min: 0, max: 200 }),
        (perMinute, first, next, steps) => {
          let funded = first;
          let total = priceMicros(perMinute, first);
          for (let step = 0; step < steps; step += 1) {
            const increment = incrementPriceMicros(perMinute, funded, next);
            expect(increment).toBeGreaterThanOrEqual(0n);
            total += increment;
            funded += next;
          }
          expect(total).toBe(priceMicros(perMinute, funded));
        },
      ),
    );
  });

  it('is exact far beyond the float range', () => {
    expect(priceMicros(9_000_000_000_000n, 3601)).toBe(540_150_000_000_000n);
    expect(priceMicros(9_007_199_254_740_993n, 1)).toBe(150_119_987_579_017n); // ceil(…/60)
  });

  it.each([
    [-1n, 60],
    [8_500n, -1],
    [8_500n, 1.5],
  ])('asserts on %s micros/min for %s s', (perMinute, seconds) => {
    expect(() => priceMicros(perMinute, seconds)).toThrow(/Assertion failed/);
  });
});

describe('callCostMicros', () => {
  it('adds the connect fee to the duration price', () => {
    expect(callCostMicros({ perMinuteMicros: 8_500n, connectFeeMicros: 10_000n }, 60)).toBe(18_500n);
    expect(callCostMicros({ perMinuteMicros: 8_500n, connectFeeMicros: 10_000n }, 1)).toBe(10_142n);
    expect(callCostMicros({ perMinuteMicros: 8_500n, connectFeeMicros: 0n }, 120)).toBe(17_000n);
  });

  it('charges only the connect fee for 0 billed seconds', () => {
    expect(callCostMicros({ perMinuteMicros: 8_500n, connectFeeMicros: 10_000n }, 0)).toBe(10_000n);
  });

  it('asserts on a negative connect fee', () => {
    expect(() => callCostMicros({ perMinuteMicros: 8_500n, connectFeeMicros: -1n }, 60)).toThrow(/Assertion failed/);
  });
});

describe('incrementPriceMicros', () => {
  it('prices the step from the funded total, not the step alone', () => {
    expect(incrementPriceMicros(8_500n, 0, 1)).toBe(142n);
    expect(incrementPriceMicros(8_500n, 1, 1)).toBe(142n); // 284 (ceil 283.33) - 142
    expect(incrementPriceMicros(8_500n, 2, 1)).toBe(141n); // 425 (exact) - 284
    expect(incrementPriceMicros(8_500n, 60, 60)).toBe(8_500n);
    expect(incrementPriceMicros(8_500n, 30, 6)).toBe(priceMicros(8_500n, 36) - priceMicros(8_500n, 30));
  });

  it('asserts on a zero increment', () => {
    expect(() => incrementPriceMicros(8_500n, 60, 0)).toThrow(/Assertion failed/);
  });
});

describe('estimateCampaignCostMicros', () => {
  const rate = { perMinuteMicros: 8_500n, firstIncrementSeconds: 60, nextIncrementSeconds: 60, connectFeeMicros: 1_000n };

  it('multiplies the cost of one average call', () => {
    expect(estimateCampaignCostMicros(rate, 1000, 45)).toBe(1000n * 9_500n); // 45 s bills as 60 s
    expect(estimateCampaignCostMicros(rate, 1000, 61)).toBe(1000n * 18_000n); // 61 s bills as 120 s
    expect(estimateCampaignCostMicros({ ...rate, firstIncrementSeconds: 1, nextIncrementSeconds: 1 }, 3, 1)).toBe(3n * 1_142n);
  });

  it('is 0 for no calls', () => {
    expect(estimateCampaignCostMicros(rate, 0, 45)).toBe(0n);
  });

  it('asserts on a fractional or negative number of calls', () => {
    expect(() => estimateCampaignCostMicros(rate, 1.5, 45)).toThrow(/Assertion failed/);
    expect(() => estimateCampaignCostMicros(rate, -1, 45)).toThrow(/Assertion failed/);
  });
});

describe('allowanceSplit', () => {
  it.each([
    [60, 120, 60, 0],
    [60, 60, 60, 0],
    [60, 59, 59, 1],
    [60, 0, 0, 60],
    [60, -30, 0, 60],
    [0, 100, 0, 0],
  ])('%s s billed with %s s left → %s covered, %s overage', (billed, left, covered, overage) => {
    expect(allowanceSplit(billed, left)).toEqual({ coveredSeconds: covered, overageSeconds: overage });
  });
});

describe('validateIncrementSeconds', () => {
  it.each([1, 6, 60, 3600])('accepts %s', (value) => {
    expect(validateIncrementSeconds('firstIncrementSeconds', value)).toBe(value);
  });

  it.each([0, -1, 3601, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('rejects %s', (value) => {
    const error = catchError(() => validateIncrementSeconds('nextIncrementSeconds', value));
    expect(error).toBeInstanceOf(BadUserInputError);
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', extensions: { field: 'nextIncrementSeconds' } });
    expect((error as Error).message).toMatch(/from 1 to 3600/);
  });
});

describe('validatePrefix', () => {
  it.each([
    ['', ''],
    ['+', ''],
    ['44', '44'],
    ['+44', '44'],
    ['123456789012345', '123456789012345'], // 15 digits
    ['+123456789012345', '123456789012345'],
  ])('accepts %j as %j', (value, expected) => {
    expect(validatePrefix('prefix', value)).toBe(expected);
  });

  it.each([
    ['abc', /digits only/],
    ['4 4', /digits only/],
    ['++44', /digits only/],
    ['44+', /digits only/],
    ['-44', /digits only/],
    ['١٢', /digits only/],
    ['1234567890123456', /at most 15 digits/], // 16 digits
    ['+1234567890123456', /at most 15 digits/],
    ['0044', /must not start with 0/],
    ['07', /must not start with 0/],
  ])('rejects %j', (value, message) => {
    const error = catchError(() => validatePrefix('rates.0.prefix', value));
    expect(error).toBeInstanceOf(BadUserInputError);
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', extensions: { field: 'rates.0.prefix' } });
    expect((error as Error).message).toMatch(message);
  });
});

function catchError(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}
