// Goal: a call's running timer and cost, computed in the page, follow the server's rating rules (minimum first increment, whole next increments, ⌈per-minute × s / 60⌉ micros plus the connect fee) and read well; method: examples at the increments' edges.
import { describe, expect, it } from 'vitest';
import {
  billedSecondsAt,
  callElapsedMs,
  callMeterRate,
  endedCallSeconds,
  findCallRate,
  formatCallDuration,
  formatTimeLeft,
  runningCallCost,
} from '../../../../client/src/routes/campaigns/campaign-meter.js';

const STARTED = '2026-11-22T10:00:00.000Z';
const STARTED_MS = Date.parse(STARTED);

describe('callElapsedMs', () => {
  it('counts from startedAt and never goes negative', () => {
    expect(callElapsedMs(STARTED, STARTED_MS + 7_250)).toBe(7_250);
    expect(callElapsedMs(STARTED, STARTED_MS - 500)).toBe(0);
    expect(callElapsedMs('not a date', STARTED_MS)).toBe(0);
  });
});

describe('billedSecondsAt', () => {
  it('bills the first increment as a minimum, then whole next increments', () => {
    expect(billedSecondsAt(0, 60, 60)).toBe(60);
    expect(billedSecondsAt(60_000, 60, 60)).toBe(60);
    expect(billedSecondsAt(60_001, 60, 60)).toBe(120);
    expect(billedSecondsAt(61_000, 60, 1)).toBe(61);
    expect(billedSecondsAt(61_001, 60, 1)).toBe(62);
    expect(billedSecondsAt(2_500, 1, 1)).toBe(3);
    expect(billedSecondsAt(31_000, 30, 6)).toBe(36);
  });

  it('refuses increments that are not positive integers', () => {
    expect(() => billedSecondsAt(1_000, 0, 1)).toThrow(RangeError);
    expect(() => billedSecondsAt(1_000, 1, 1.5)).toThrow(RangeError);
  });
});

describe('runningCallCost', () => {
  it('prices the billed seconds, rounded up to the micro, plus the connect fee', () => {
    const perSecond = { perMinute: '0.6', connectFee: '0', firstIncrementSeconds: 1, nextIncrementSeconds: 1 };
    expect(runningCallCost(perSecond, 0)).toBe('0.01');
    expect(runningCallCost(perSecond, 2_500)).toBe('0.03');
    expect(runningCallCost(perSecond, 60_000)).toBe('0.6');
    // 0.0085 a minute for 1 s = 141.666… micros → 142: rounded up, never down.
    expect(runningCallCost({ perMinute: '0.0085', connectFee: '0', firstIncrementSeconds: 1, nextIncrementSeconds: 1 }, 1_000)).toBe(
      '0.000142',
    );
    expect(runningCallCost({ perMinute: '1.2', connectFee: '0.05', firstIncrementSeconds: 60, nextIncrementSeconds: 60 }, 61_000)).toBe(
      '2.45',
    );
  });
});

describe('findCallRate / callMeterRate', () => {
  const rates = [
    { prefix: '', perMinute: '0.1', firstIncrementSeconds: 60, nextIncrementSeconds: 60, connectFee: '0' },
    { prefix: '44', perMinute: '0.2', firstIncrementSeconds: 30, nextIncrementSeconds: 6, connectFee: '0.01' },
    { prefix: '447', perMinute: '0.3', firstIncrementSeconds: 1, nextIncrementSeconds: 1, connectFee: '0.02' },
  ];

  it('takes the longest matching prefix, "" matching every number', () => {
    expect(findCallRate(rates, '+447700900123')?.prefix).toBe('447');
    expect(findCallRate(rates, '+442079460000')?.prefix).toBe('44');
    expect(findCallRate(rates, '+14155550100')?.prefix).toBe('');
    expect(findCallRate(rates.slice(1), '+14155550100')).toBeUndefined();
  });

  it("keeps the call's own per-minute price, with the plan's increments and fee", () => {
    expect(callMeterRate({ to: '+442079460000', perMinute: '0.25' }, rates)).toEqual({
      perMinute: '0.25',
      connectFee: '0.01',
      firstIncrementSeconds: 30,
      nextIncrementSeconds: 6,
    });
    expect(callMeterRate({ to: '+442079460000', perMinute: '0.25' }, undefined)).toEqual({
      perMinute: '0.25',
      connectFee: '0',
      firstIncrementSeconds: 1,
      nextIncrementSeconds: 1,
    });
  });
});

describe('formatCallDuration / endedCallSeconds / formatTimeLeft', () => {
  it('reads like a call timer', () => {
    expect(formatCallDuration(0)).toBe('0:00');
    expect(formatCallDuration(7.9)).toBe('0:07');
    expect(formatCallDuration(754)).toBe('12:34');
    expect(formatCallDuration(3723)).toBe('1:02:03');
    expect(formatCallDuration(-5)).toBe('0:00');
  });

  it('measures an ended call, and nothing for one in progress', () => {
    expect(endedCallSeconds({ startedAt: STARTED, endedAt: '2026-11-22T10:01:05.900Z' })).toBe(65);
    expect(endedCallSeconds({ startedAt: STARTED, endedAt: null })).toBeNull();
  });

  it('says how long is left, roughly', () => {
    expect(formatTimeLeft(45.6)).toBe('45 s');
    expect(formatTimeLeft(200)).toBe('3 min 20 s');
    expect(formatTimeLeft(180)).toBe('3 min');
    expect(formatTimeLeft(7_500)).toBe('2 h 5 min');
    expect(formatTimeLeft(273_600)).toBe('3 d 4 h');
    expect(formatTimeLeft(-1)).toBe('0 s');
  });
});
