// Goal: the spend chart's minutes add the query's posted spend and the live growth of `spent` per minute without counting anything twice, end the cumulative line at the newest `spent`, slide with the clock, and project to the wallet's run-out; method: examples on fixed clocks.
import { describe, expect, it } from 'vitest';
import {
  addSpendSample,
  MINUTE_MS,
  minuteStartMs,
  niceCeilingMicros,
  spendChartGeometry,
  spendMinutes,
  type SpendSamples,
} from '../../../../client/src/routes/campaigns/campaign-chart.js';

const T0 = Date.UTC(2026, 10, 22, 10, 0, 0);
const minuteIso = (minute: number) => new Date(T0 + minute * MINUTE_MS).toISOString();

describe('spendMinutes', () => {
  const baseline = {
    series: [
      { minute: minuteIso(-2), spent: '0.5' },
      { minute: minuteIso(-1), spent: '0' },
      { minute: minuteIso(0), spent: '0.25' },
    ],
    spent: '1',
    atMs: T0 + 20_000,
  };

  it('is every minute of the window, oldest first, the last one holding now', () => {
    const minutes = spendMinutes({ baseline, samples: new Map(), currentSpent: '1', nowMs: T0 + 30_000, minutes: 5 });
    expect(minutes.map((m) => m.minuteMs)).toEqual([-4, -3, -2, -1, 0].map((m) => T0 + m * MINUTE_MS));
    expect(minutes.map((m) => m.spent)).toEqual(['0', '0', '0.5', '0', '0.25']);
    // The cumulative line ends at `spent` and goes back by each minute's spend.
    expect(minutes.map((m) => m.cumulative)).toEqual(['0.25', '0.25', '0.75', '0.75', '1']);
  });

  it("adds each minute's live growth of spent since the query, once", () => {
    let samples: SpendSamples = new Map();
    // A state received before the answer is already in the answer: not counted.
    samples = addSpendSample(samples, { atMs: T0 + 10_000, spent: '0.9' });
    samples = addSpendSample(samples, { atMs: T0 + 40_000, spent: '1.1' });
    samples = addSpendSample(samples, { atMs: T0 + 50_000, spent: '1.2' });
    samples = addSpendSample(samples, { atMs: T0 + MINUTE_MS + 5_000, spent: '1.5' });
    const minutes = spendMinutes({ baseline, samples, currentSpent: '1.5', nowMs: T0 + MINUTE_MS + 6_000, minutes: 3 });
    expect(minutes.map((m) => m.spent)).toEqual(['0', '0.45', '0.3']);
    expect(minutes.map((m) => m.cumulative)).toEqual(['0.75', '1.2', '1.5']);
  });

  it("draws what running calls had cost at the answer in the answer's minute when the series covers the whole campaign", () => {
    // Created inside the series: spent 1 minus 0.75 posted = 0.25 of running calls, not posted yet.
    const young = { ...baseline, campaignCreatedAt: minuteIso(-2) };
    const minutes = spendMinutes({ baseline: young, samples: new Map(), currentSpent: '1', nowMs: T0 + 30_000, minutes: 3 });
    expect(minutes.map((m) => m.spent)).toEqual(['0.5', '0', '0.5']);
    expect(minutes.map((m) => m.cumulative)).toEqual(['0.5', '0.5', '1']);
    // Older than the series: earlier postings are unknown, so nothing is added.
    const old = { ...baseline, campaignCreatedAt: minuteIso(-90) };
    expect(
      spendMinutes({ baseline: old, samples: new Map(), currentSpent: '1', nowMs: T0 + 30_000, minutes: 3 }).map((m) => m.spent),
    ).toEqual(['0.5', '0', '0.25']);
  });

  it('slides: minutes older than the window drop out, and the cumulative line never goes below zero', () => {
    const minutes = spendMinutes({ baseline, samples: new Map(), currentSpent: '0.1', nowMs: T0 + 2 * MINUTE_MS, minutes: 4 });
    expect(minutes[0]!.minuteMs).toBe(T0 - MINUTE_MS);
    expect(minutes.map((m) => m.cumulative)).toEqual(['0', '0.1', '0.1', '0.1']);
  });
});

describe('addSpendSample', () => {
  it('keeps the last sample of each minute and forgets minutes out of the window', () => {
    let samples: SpendSamples = new Map();
    samples = addSpendSample(samples, { atMs: T0 + 1_000, spent: '1' }, 2);
    samples = addSpendSample(samples, { atMs: T0 + 2_000, spent: '2' }, 2);
    expect(samples.get(T0)?.spent).toBe('2');
    samples = addSpendSample(samples, { atMs: T0 + 2 * MINUTE_MS, spent: '3' }, 2);
    expect([...samples.keys()]).toEqual([T0 + 2 * MINUTE_MS]);
  });
});

describe('spendChartGeometry', () => {
  const minutes = [
    { minuteMs: T0 - MINUTE_MS, spent: '1', cumulative: '1' },
    { minuteMs: T0, spent: '2', cumulative: '3' },
  ];

  it('scales bars on the left axis and the cumulative line on the right, with round maxima', () => {
    const geometry = spendChartGeometry(minutes, { spendPerMinute: '0', timeToEmptySeconds: null, stateAtMs: T0 }, T0 + 30_000);
    expect(geometry.bars).toHaveLength(2);
    expect(geometry.bars[1]!.height).toBeGreaterThan(geometry.bars[0]!.height);
    expect(geometry.barTicks.map((tick) => tick.value)).toEqual(['0', '1', '2']);
    expect(geometry.cumulativeTicks.map((tick) => tick.value)).toEqual(['0', '2.5', '5']);
    expect(geometry.projectionPath).toBeNull();
    expect(geometry.runOut).toBeNull();
    expect(geometry.cumulativePath.startsWith('M')).toBe(true);
  });

  it('projects at the current burn and marks the run-out inside the horizon', () => {
    const geometry = spendChartGeometry(minutes, { spendPerMinute: '1', timeToEmptySeconds: 300, stateAtMs: T0 + 30_000 }, T0 + 30_000);
    expect(geometry.projectionPath).not.toBeNull();
    expect(geometry.runOut?.atMs).toBe(T0 + 330_000);
    expect(geometry.runOut!.x).toBeGreaterThan(geometry.nowX);
    expect(geometry.endMs).toBe(T0 + 30_000 + 15 * MINUTE_MS);
    // A run-out beyond the horizon is not drawn.
    const far = spendChartGeometry(minutes, { spendPerMinute: '1', timeToEmptySeconds: 86_400, stateAtMs: T0 }, T0 + 30_000);
    expect(far.runOut).toBeNull();
  });
});

describe('niceCeilingMicros / minuteStartMs', () => {
  it('rounds axis maxima up to 1, 2 or 5 times a power of ten', () => {
    expect(niceCeilingMicros(0n)).toBe(10_000n);
    expect(niceCeilingMicros(1_000_000n)).toBe(1_000_000n);
    expect(niceCeilingMicros(1_000_001n)).toBe(2_000_000n);
    expect(niceCeilingMicros(3_000_000n)).toBe(5_000_000n);
    expect(niceCeilingMicros(7_000_000n)).toBe(10_000_000n);
  });

  it('floors to the minute', () => {
    expect(minuteStartMs(T0 + 59_999)).toBe(T0);
  });
});
