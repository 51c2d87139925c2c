// Goal: a hang-up's end time (what the call is billed to) honours the switch's reported hang-up only within the call's
// latest reserved increment: never past its arrival or its funded end, never before time granted earlier.
// Method: table tests at each boundary of hangUpEndedAtMs (no endedAt, before the last grant start, inside the last
// increment, after fundedUntil, in the future, no extension yet), plus a fast-check property on the bounds.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fundedUntilMs, hangUpEndedAtMs, lastGrantStartMs } from '../../../server/domain/calls/call-record.js';
import { billedSeconds } from '../../../server/domain/rating/rating.js';

const startedAtMs = 1_000_000;
// A 30/6 call extended twice: funded 42 s, its latest increment reserved from 36 s.
const extended = { startedAtMs, fundedSeconds: 42, firstIncrementSeconds: 30, nextIncrementSeconds: 6 };
const at = (seconds: number) => startedAtMs + seconds * 1000;

describe('lastGrantStartMs', () => {
  it('is the funded end less one next increment once extended, else the start', () => {
    expect(lastGrantStartMs(extended)).toBe(at(36));
    expect(lastGrantStartMs({ ...extended, fundedSeconds: 36 })).toBe(at(30));
    expect(lastGrantStartMs({ ...extended, fundedSeconds: 30 })).toBe(startedAtMs);
  });
});

describe('hangUpEndedAtMs', () => {
  it('without a reported time ends at min(arrival, fundedUntil), as before', () => {
    expect(hangUpEndedAtMs(extended, at(40), null)).toBe(at(40));
    expect(hangUpEndedAtMs(extended, at(50), null)).toBe(at(42));
    // No floor without a report: an arrival before the last grant start stays as it is.
    expect(hangUpEndedAtMs(extended, at(35), null)).toBe(at(35));
  });

  it('clamps a reported time before the last grant start to it (time granted earlier is kept)', () => {
    expect(hangUpEndedAtMs(extended, at(50), at(20))).toBe(at(36));
    expect(hangUpEndedAtMs(extended, at(50), at(36) - 1)).toBe(at(36));
    expect(hangUpEndedAtMs(extended, at(50), at(36))).toBe(at(36));
  });

  it('takes a reported time inside the last increment', () => {
    expect(hangUpEndedAtMs(extended, at(50), at(36) + 1)).toBe(at(36) + 1);
    expect(hangUpEndedAtMs(extended, at(50), at(39))).toBe(at(39));
    expect(billedSeconds((at(36) - startedAtMs) / 1000, 30, 6)).toBe(36);
    expect(billedSeconds((at(36) + 1 - startedAtMs) / 1000, 30, 6)).toBe(42);
  });

  it('never goes past fundedUntil nor the arrival (a future time counts as the arrival)', () => {
    expect(hangUpEndedAtMs(extended, at(50), at(45))).toBe(at(42));
    expect(hangUpEndedAtMs(extended, at(40), at(41))).toBe(at(40));
    expect(hangUpEndedAtMs(extended, at(40), at(4000))).toBe(at(40));
  });

  it('never ends after the arrival even to reach the last grant start', () => {
    // The extension was made `lead` before the old grant; the hang-up arrived before that grant's end.
    expect(hangUpEndedAtMs(extended, at(35.5), at(20))).toBe(at(35.5));
  });

  it('for a call with no extension yet, floors at the start only', () => {
    const first = { ...extended, fundedSeconds: 30 };
    expect(hangUpEndedAtMs(first, at(50), at(10))).toBe(at(10));
    expect(hangUpEndedAtMs(first, at(50), startedAtMs - 5_000)).toBe(startedAtMs);
    expect(hangUpEndedAtMs(first, at(50), at(31))).toBe(at(30));
  });

  it('stays within [max(start, min(lastGrantStart, arrival)), min(arrival, fundedUntil)] for any input', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 0, max: 20 }),
        fc.integer({ min: 0, max: 2_000_000 }),
        fc.option(fc.integer({ min: -100_000, max: 2_000_000 })),
        (first, next, extensions, arrivalOffsetMs, reportedOffsetMs) => {
          const call = { startedAtMs, fundedSeconds: first + extensions * next, firstIncrementSeconds: first, nextIncrementSeconds: next };
          const arrivalMs = startedAtMs + arrivalOffsetMs;
          const endedAtMs = hangUpEndedAtMs(call, arrivalMs, reportedOffsetMs === null ? null : startedAtMs + reportedOffsetMs);
          expect(endedAtMs).toBeLessThanOrEqual(Math.min(arrivalMs, fundedUntilMs(call)));
          if (reportedOffsetMs !== null) expect(endedAtMs).toBeGreaterThanOrEqual(Math.min(lastGrantStartMs(call), arrivalMs));
        },
      ),
    );
  });
});
