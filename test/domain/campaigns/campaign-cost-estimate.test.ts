// Goal: a campaign estimate prices an average call by the rate's increments, totals it exactly, and says what a
// wallet's available credit leaves short and how many calls it covers (all of them when calls are free); method:
// the pure function on hand-computed cases.
import { describe, expect, it } from 'vitest';
import { campaignCostFigures } from '../../../server/domain/campaigns/campaign-cost-estimate.js';

/** 0.60 a minute, 60/6 increments, a 0.10 connect fee. */
const RATE = { perMinuteMicros: 600_000n, connectFeeMicros: 100_000n, firstIncrementSeconds: 60, nextIncrementSeconds: 6 };

describe('campaignCostFigures', () => {
  it('bills the first increment at least, then whole next increments, and totals the calls exactly', () => {
    // 61 s bills 66 s: 0.66 + 0.10 fee.
    expect(campaignCostFigures(RATE, 1_000, 61, null)).toEqual({
      billedSecondsPerCall: 66,
      costPerCallMicros: 760_000n,
      totalMicros: 760_000_000n,
      availableMicros: null,
      budgetMicros: null,
      shortfallMicros: null,
      coveredCalls: null,
      limitedBy: null,
    });
    expect(campaignCostFigures(RATE, 3, 0, null)).toMatchObject({
      billedSecondsPerCall: 60,
      costPerCallMicros: 700_000n,
      totalMicros: 2_100_000n,
    });
  });

  it('reports the shortfall and the calls the available credit covers in full', () => {
    expect(campaignCostFigures(RATE, 10, 61, 2_000_000n)).toMatchObject({
      availableMicros: 2_000_000n,
      shortfallMicros: 5_600_000n,
      coveredCalls: 2,
    });
    expect(campaignCostFigures(RATE, 10, 61, 7_600_000n)).toMatchObject({ shortfallMicros: 0n, coveredCalls: 10 });
    // More credit than needed covers every call, not more.
    expect(campaignCostFigures(RATE, 10, 61, 1_000_000_000n)).toMatchObject({ shortfallMicros: 0n, coveredCalls: 10 });
    expect(campaignCostFigures(RATE, 10, 61, 0n)).toMatchObject({ shortfallMicros: 7_600_000n, coveredCalls: 0 });
  });

  it('covers every call of a free rate, even from an empty wallet', () => {
    const free = { ...RATE, perMinuteMicros: 0n, connectFeeMicros: 0n };
    expect(campaignCostFigures(free, 7, 300, 0n)).toMatchObject({
      costPerCallMicros: 0n,
      totalMicros: 0n,
      shortfallMicros: 0n,
      coveredCalls: 7,
    });
  });

  it('refuses a fractional or negative number of calls as a programmer error', () => {
    expect(() => campaignCostFigures(RATE, 1.5, 60, null)).toThrow(/non-negative integer/);
    expect(() => campaignCostFigures(RATE, -1, 60, null)).toThrow(/non-negative integer/);
  });
});

describe('campaignCostFigures with a budget', () => {
  it('covers the calls up to the lesser of the available credit and the budget, the budget winning a tie', () => {
    // 0.70 a call (0.10 to connect, 60 s at 0.60): 500 calls are 350.
    expect(campaignCostFigures(RATE, 500, 60, 150_000_000n, 20_000_000n)).toMatchObject({
      totalMicros: 350_000_000n,
      shortfallMicros: 330_000_000n,
      coveredCalls: 28,
      limitedBy: 'BUDGET',
    });
    expect(campaignCostFigures(RATE, 500, 60, 15_000_000n, 20_000_000n)).toMatchObject({ coveredCalls: 21, limitedBy: 'WALLET' });
    expect(campaignCostFigures(RATE, 500, 60, 20_000_000n, 20_000_000n)).toMatchObject({ coveredCalls: 28, limitedBy: 'BUDGET' });
    expect(campaignCostFigures(RATE, 500, 60, null, 20_000_000n)).toMatchObject({
      availableMicros: null,
      coveredCalls: 28,
      limitedBy: 'BUDGET',
    });
    // Exactly covered: nothing limits.
    expect(campaignCostFigures(RATE, 10, 60, null, 7_000_000n)).toMatchObject({ shortfallMicros: 0n, coveredCalls: 10, limitedBy: null });
  });
});
