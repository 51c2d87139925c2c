// Goal: the one burn definition's arithmetic, exactly: a call drains its connect fee at its start and its per-minute price smoothly after (its allowance first), the increments' rounding at its end, so a long call ending now counts only what fell in the window; the windowed rate is divided by the time the activity really ran (never under the floor, never over the window) and rounds up; the rate is the larger of it and the active calls' prices, plus plan fees; nothing running is no projection; time to empty rounds down and caps. Method: the pure functions on hand-computed cases, no database.
import { describe, expect, it } from 'vitest';
import { CallDirection, CallStatus, type CallRecord } from '../../../server/domain/calls/call-record.js';
import {
  accruedCostMicros,
  burnFrom,
  PROJECTION_SECONDS_MAX,
  secondsUntilUsedUp,
  type BurnSettings,
} from '../../../server/domain/wallets/burn-rate.js';
import type { UsageRow } from '../../../server/domain/wallets/burn-rate.queries.js';

const NOW = Date.UTC(2026, 0, 1, 12, 0, 0);
const SETTINGS: BurnSettings = { config: { burnRateWindowSeconds: 300, burnRateWindowMinSeconds: 60 }, nowMs: NOW };

/** A call at 0.60 a minute with a 0.10 connect fee, 60/60 increments, started `agoSeconds` before now. */
function call(agoSeconds: number, overrides: Partial<CallRecord> = {}): CallRecord {
  return {
    id: 'c',
    accountId: 'a',
    direction: CallDirection.OUTBOUND,
    campaignId: 'm',
    numberId: null,
    from: null,
    walletId: 'w',
    to: '+447700900001',
    status: CallStatus.ACTIVE,
    endReason: null,
    ratePrefix: '',
    perMinuteMicros: 600_000n,
    firstIncrementSeconds: 60,
    nextIncrementSeconds: 60,
    connectFeeMicros: 100_000n,
    startedAtMs: NOW - agoSeconds * 1000,
    endedAtMs: null,
    fundedSeconds: 3_600,
    reservedMicros: 0n,
    billedSeconds: 0,
    costMicros: 0n,
    nextCheckAtMs: null,
    transactionId: null,
    idempotencyKey: null,
    version: 1n,
    subscriptionId: null,
    allowanceSeconds: 0,
    createdAtUs: '0',
    ...overrides,
  };
}

function usage(overrides: Partial<UsageRow> = {}): UsageRow {
  return {
    id: 'w',
    active_calls: 0,
    metered_per_minute: '0',
    ended_calls: '0',
    first_started_ms: null,
    messages: 0,
    messages_micros: '0',
    first_message_age_seconds: null,
    plan_fees_per_minute: '0',
    ...overrides,
  };
}

describe('accruedCostMicros', () => {
  it('drains the connect fee at the start, the per-minute price smoothly, the rounding at the end', () => {
    const active = call(90);
    expect(accruedCostMicros(active, active.startedAtMs)).toBe(0n);
    expect(accruedCostMicros(active, active.startedAtMs + 1)).toBe(100_010n);
    // 30 s in: the fee and half a minute (a 60/60 increment is not drained at once).
    expect(accruedCostMicros(active, active.startedAtMs + 30_000)).toBe(400_000n);
    // Ended after 61 s, billed 120 s: 1.30. Before its end, smooth; at its end, its whole cost.
    const ended = call(90, { status: CallStatus.COMPLETED, endedAtMs: NOW - 29_000, billedSeconds: 120, costMicros: 1_300_000n });
    expect(accruedCostMicros(ended, ended.startedAtMs + 60_000)).toBe(700_000n);
    expect(accruedCostMicros(ended, ended.endedAtMs!)).toBe(1_300_000n);
    expect(accruedCostMicros(ended, NOW)).toBe(1_300_000n);
    // The allowance's seconds drain nothing from the wallet.
    expect(accruedCostMicros(call(90, { allowanceSeconds: 60 }), NOW - 60_000)).toBe(100_000n);
    expect(accruedCostMicros(call(90, { allowanceSeconds: 60 }), NOW)).toBe(400_000n);
  });
});

describe('burnFrom', () => {
  it('is no projection when nothing runs, whatever the plan fees, over the whole window', () => {
    expect(burnFrom({ usage: usage({ plan_fees_per_minute: '1000' }), partialCalls: [] }, SETTINGS)).toEqual({
      activeCalls: 0,
      meteredPerMinuteMicros: 0n,
      windowUsageMicros: 0n,
      windowSeconds: 300,
      coveredSeconds: 300,
      planFeesPerMinuteMicros: 1_000n,
      ratePerMinuteMicros: null,
    });
  });

  it('counts only the part of a long call that fell in the window, over the whole window', () => {
    // A 20-minute call that ended 10 s ago at 60/60: billed 20 min (12.00 + 0.10). In the window: 290 s of it, smoothly.
    const long = call(1_210, { status: CallStatus.COMPLETED, endedAtMs: NOW - 10_000, billedSeconds: 1_200, costMicros: 12_100_000n });
    const burn = burnFrom({ usage: usage(), partialCalls: [long] }, SETTINGS);
    expect(burn.windowUsageMicros).toBe(2_900_000n);
    expect(burn.coveredSeconds).toBe(300);
    // 2.90 over 5 min: 0.58 a minute (not 12.10 over 5 min).
    expect(burn.ratePerMinuteMicros).toBe(580_000n);
  });

  it('divides by the time the activity ran, never under the floor, and takes the active prices when larger, plus plan fees', () => {
    // Calls that started and ended 100 s ago and since: 1.20 over 100 s is 0.72 a minute.
    const recent = burnFrom({ usage: usage({ ended_calls: '1200000', first_started_ms: NOW - 100_000 }), partialCalls: [] }, SETTINGS);
    expect(recent).toMatchObject({ coveredSeconds: 100, ratePerMinuteMicros: 720_000n });
    // 10 s ago: the floor of 60 s applies (0.20 over 60 s, not over 10 s).
    const fresh = burnFrom({ usage: usage({ ended_calls: '200000', first_started_ms: NOW - 10_000 }), partialCalls: [] }, SETTINGS);
    expect(fresh).toMatchObject({ coveredSeconds: 60, ratePerMinuteMicros: 200_000n });
    // An active call 10 s in (0.20 accrued): its price, 0.60, is larger; plus 0.001 of plan fees.
    const active = burnFrom(
      { usage: usage({ active_calls: 1, metered_per_minute: '600000', plan_fees_per_minute: '1000' }), partialCalls: [call(10)] },
      SETTINGS,
    );
    expect(active).toMatchObject({ windowUsageMicros: 200_000n, coveredSeconds: 60, ratePerMinuteMicros: 601_000n });
    // Messages count, over their own age.
    const texts = burnFrom(
      { usage: usage({ messages: 3, messages_micros: '150000', first_message_age_seconds: 120 }), partialCalls: [] },
      SETTINGS,
    );
    expect(texts).toMatchObject({ coveredSeconds: 120, ratePerMinuteMicros: 75_000n });
  });

  it('rounds the windowed rate up to the micro', () => {
    const odd = burnFrom({ usage: usage({ ended_calls: '1', first_started_ms: NOW - 300_000 }), partialCalls: [] }, SETTINGS);
    expect(odd.ratePerMinuteMicros).toBe(1n);
  });
});

describe('secondsUntilUsedUp', () => {
  it('rounds down, says 0 when nothing is left and null without a rate, and caps', () => {
    expect(secondsUntilUsedUp(1_000_000n, 600_000n)).toBe(100);
    expect(secondsUntilUsedUp(1_000_000n, 700_000n)).toBe(85);
    expect(secondsUntilUsedUp(0n, 600_000n)).toBe(0);
    expect(secondsUntilUsedUp(-5n, 600_000n)).toBe(0);
    expect(secondsUntilUsedUp(1_000_000n, null)).toBeNull();
    expect(secondsUntilUsedUp(1_000_000n, 0n)).toBeNull();
    expect(secondsUntilUsedUp(10n ** 18n, 1n)).toBe(PROJECTION_SECONDS_MAX);
  });
});
