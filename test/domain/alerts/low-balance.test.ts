// Goal: the low-balance state machine fires each threshold once per downward crossing, re-arms only
// above threshold + margin, and pairs depletion with recovery. Method: hand-picked walks at the
// boundaries, then fast-check walks against a reference that re-derives every fire from the
// balance history alone.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  armedFor,
  balanceRangeIsQuiet,
  judgeBalanceMoves,
  rearmAboveMicros,
  type BalanceMove,
} from '../../../server/domain/alerts/low-balance.js';
import { formatMoneyForPeople } from '../../../server/domain/wallets/money.js';

const U = 1_000_000n;

/** Consecutive moves through these balances (micro-units), starting from `start`. */
function walk(start: bigint, balances: bigint[]): BalanceMove[] {
  let before = start;
  return balances.map((after, index) => {
    const move = { sequence: BigInt(index + 1), balanceBeforeMicros: before, balanceAfterMicros: after };
    before = after;
    return move;
  });
}

const DEFAULTS = { thresholdsMicros: [5n * U, 0n], armedMicros: [] as bigint[], depleted: false };

describe('judgeBalanceMoves', () => {
  it('fires LOW_BALANCE at 5 and BALANCE_DEPLETED at 0 once each on the way down, at the exact boundary', () => {
    const { crossings, state } = judgeBalanceMoves(DEFAULTS, walk(0n, [20n * U, 5n * U + 1n, 5n * U, 4n * U, 1n, 0n]), 10);
    expect(crossings).toEqual([
      { kind: 'LOW_BALANCE', thresholdMicros: 5n * U, sequence: 3n, balanceMicros: 5n * U },
      { kind: 'BALANCE_DEPLETED', thresholdMicros: 0n, sequence: 6n, balanceMicros: 0n },
    ]);
    expect(state).toEqual({ thresholdsMicros: [5n * U, 0n], armedMicros: [], depleted: true });
  });

  it('raises both, higher threshold first, when one debit goes from above 5 to 0', () => {
    const { crossings } = judgeBalanceMoves(DEFAULTS, walk(0n, [10n * U, 0n]), 10);
    expect(crossings.map((c) => c.kind)).toEqual(['LOW_BALANCE', 'BALANCE_DEPLETED']);
  });

  it('does not fire again while the balance hovers between the threshold and its margin, and fires after it climbed above', () => {
    // Margin 10 % of 5.00: re-arms strictly above 5.50.
    expect(rearmAboveMicros(5n * U, 10)).toBe(5_500_000n);
    const hovering = walk(0n, [20n * U, 4_990_000n, 5_200_000n, 4_900_000n, 5_500_000n, 4_800_000n, 5_500_001n, 4_700_000n]);
    const { crossings } = judgeBalanceMoves({ ...DEFAULTS, thresholdsMicros: [5n * U] }, hovering, 10);
    expect(crossings.map((c) => c.sequence)).toEqual([2n, 8n]);
  });

  it('with no margin re-arms as soon as the balance is above the threshold', () => {
    const { crossings } = judgeBalanceMoves(
      { ...DEFAULTS, thresholdsMicros: [5n * U] },
      walk(0n, [6n * U, 5n * U, 5n * U + 1n, 5n * U]),
      0,
    );
    expect(crossings.map((c) => c.sequence)).toEqual([2n, 4n]);
  });

  it('raises BALANCE_RECOVERED once when a depleted wallet is funded, and never for a wallet that was never depleted', () => {
    const { crossings } = judgeBalanceMoves(DEFAULTS, walk(0n, [3n * U, 0n, 1n, 2n, 0n, 10n * U]), 10);
    expect(crossings.map((c) => `${c.kind}@${c.sequence}`)).toEqual([
      'BALANCE_DEPLETED@2',
      'BALANCE_RECOVERED@3',
      'BALANCE_DEPLETED@5',
      'BALANCE_RECOVERED@6',
    ]);
    expect(judgeBalanceMoves(DEFAULTS, walk(0n, [3n * U]), 10).crossings).toEqual([]);
  });

  it('a first top-up below a threshold does not count as crossing it', () => {
    expect(judgeBalanceMoves(DEFAULTS, walk(0n, [3n * U, 2n * U]), 10).crossings).toEqual([]);
  });

  it('forgets armed thresholds that are no longer set; armedFor arms what the balance is above', () => {
    const { state } = judgeBalanceMoves({ thresholdsMicros: [10n * U], armedMicros: [5n * U, 10n * U], depleted: false }, [], 10);
    expect(state.armedMicros).toEqual([10n * U]);
    expect(armedFor([10n * U, 5n * U, 0n], 5n * U)).toEqual([0n]);
  });

  it('matches a reference derived from the balance history alone (property)', () => {
    const thresholdsArb = fc.uniqueArray(fc.bigInt({ min: 0n, max: 50n }), { maxLength: 4 });
    const balancesArb = fc.array(fc.bigInt({ min: 0n, max: 60n }), { maxLength: 60 });
    fc.assert(
      fc.property(thresholdsArb, balancesArb, fc.integer({ min: 0, max: 50 }), (thresholds, balances, margin) => {
        const { crossings } = judgeBalanceMoves(
          { thresholdsMicros: thresholds, armedMicros: [], depleted: false },
          walk(0n, balances),
          margin,
        );
        for (const threshold of thresholds) {
          // Reference: a threshold fires at row i when the balance is ≤ T there and, since its
          // previous fire (or the start), the balance was above T + margin at some row before i.
          const rearm = rearmAboveMicros(threshold, margin);
          const expected: bigint[] = [];
          let sawAbove = false;
          balances.forEach((balance, index) => {
            if (sawAbove && balance <= threshold) {
              expected.push(BigInt(index + 1));
              sawAbove = false;
            } else if (balance > rearm) sawAbove = true;
          });
          const kind = threshold === 0n ? 'BALANCE_DEPLETED' : 'LOW_BALANCE';
          const fired = crossings
            .filter((c) => c.kind === kind && 'thresholdMicros' in c && c.thresholdMicros === threshold)
            .map((c) => c.sequence);
          expect(fired).toEqual(expected);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('amounts in alert messages', () => {
  it('keep every significant micro and at least two decimals, with the currency code', () => {
    expect([
      formatMoneyForPeople(5n * U, 'USD', 'code'),
      formatMoneyForPeople(4_990_000n, 'USD', 'code'),
      formatMoneyForPeople(8_500n, 'GBP', 'code'),
      formatMoneyForPeople(0n, 'EUR', 'code'),
      formatMoneyForPeople(-3_500_000n, 'USD', 'code'),
    ]).toEqual(['5.00 USD', '4.99 USD', '0.0085 GBP', '0.00 EUR', '-3.50 USD']);
  });

  it('calls a balance range quiet exactly up to its boundaries: an armed threshold reached, a re-arm level passed, a recovery', () => {
    const state = { thresholdsMicros: [5n * U, 0n], armedMicros: [0n], depleted: false };
    // 0 is armed: a lowest balance of 1 micro reaches nothing, 0 reaches it.
    expect(balanceRangeIsQuiet(state, 1n, 5n * U, 10)).toBe(true);
    expect(balanceRangeIsQuiet(state, 0n, 5n * U, 10)).toBe(false);
    // 5 is disarmed: it re-arms strictly above 5.50 (margin 10 %).
    expect(balanceRangeIsQuiet(state, 1n, rearmAboveMicros(5n * U, 10), 10)).toBe(true);
    expect(balanceRangeIsQuiet(state, 1n, rearmAboveMicros(5n * U, 10) + 1n, 10)).toBe(false);
    // A depleted wallet recovers above zero.
    const depleted = { thresholdsMicros: [0n], armedMicros: [], depleted: true };
    expect(balanceRangeIsQuiet(depleted, 0n, 0n, 10)).toBe(true);
    expect(balanceRangeIsQuiet(depleted, 0n, 1n, 10)).toBe(false);
  });

  it('a quiet balance range changes nothing that judging its moves one by one would (property)', () => {
    const arb = fc.record({
      thresholds: fc.uniqueArray(fc.bigInt({ min: 0n, max: 50n }), { maxLength: 4 }),
      armedMask: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
      depleted: fc.boolean(),
      start: fc.bigInt({ min: 0n, max: 60n }),
      balances: fc.array(fc.bigInt({ min: 0n, max: 60n }), { minLength: 1, maxLength: 30 }),
      margin: fc.integer({ min: 0, max: 50 }),
    });
    let quietSeen = 0;
    fc.assert(
      fc.property(arb, ({ thresholds, armedMask, depleted, start, balances, margin }) => {
        const state = { thresholdsMicros: thresholds, armedMicros: thresholds.filter((_, index) => armedMask[index]), depleted };
        const sorted = [...balances].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
        const [lowest, highest] = [sorted[0]!, sorted.at(-1)!];
        if (!balanceRangeIsQuiet(state, lowest, highest, margin)) return;
        quietSeen++;
        const judged = judgeBalanceMoves(state, walk(start, balances), margin);
        expect(judged.crossings).toEqual([]);
        expect(judged.state).toEqual(judgeBalanceMoves(state, [], margin).state);
      }),
      { numRuns: 1000 },
    );
    // The property must have been exercised, not passed vacuously.
    expect(quietSeen).toBeGreaterThan(50);
  });
});
