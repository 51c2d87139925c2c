// Goal: the overview's burn rate (the larger of the active calls' per-minute sum and the recent debits' rate) and time-to-empty are exact on decimal strings, round in the stated direction (burn up, time down) and read well from zero burn to huge balances and sub-cent rates; method: worked examples plus fast-check properties against plain bigint arithmetic.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  burnRate,
  formatTimeToEmpty,
  timeToEmptySeconds,
  TIME_TO_EMPTY_YEAR_SECONDS,
  walletBurnFigures,
} from '../../../../client/src/routes/overview/burn-rate.js';
import { formatPerMinute, microsToMoney, MoneyFormatError, moneyToMicros } from '../../../../client/src/utils/money.js';

/** A micro-unit amount written with all six fraction digits, independently of burn-rate.ts. */
const toMoney = (micros: bigint): string => {
  const sign = micros < 0n ? '-' : '';
  const magnitude = micros < 0n ? -micros : micros;
  return `${sign}${magnitude / 1_000_000n}.${(magnitude % 1_000_000n).toString().padStart(6, '0')}`;
};

const WINDOW = 300;

describe('moneyToMicros / microsToMoney', () => {
  it('converts exactly, at any size', () => {
    expect(moneyToMicros('12.5')).toBe(12_500_000n);
    expect(moneyToMicros('0.0085')).toBe(8_500n);
    expect(moneyToMicros('-3')).toBe(-3_000_000n);
    expect(moneyToMicros('0.000001')).toBe(1n);
    expect(moneyToMicros('123456789012345678901.123456')).toBe(123456789012345678901_123456n);
    expect(microsToMoney(12_500_000n)).toBe('12.5');
    expect(microsToMoney(0n)).toBe('0');
    expect(microsToMoney(-1n)).toBe('-0.000001');
  });

  it('rejects what is not Money', () => {
    for (const bad of ['', '1.0000001', '1e3', '0x10', ' 1', '1.', '.5', 'NaN']) expect(() => moneyToMicros(bad)).toThrow(MoneyFormatError);
  });

  it('round-trips every micro-unit amount', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 24n), max: 10n ** 24n }), (micros) => {
        expect(moneyToMicros(toMoney(micros))).toBe(micros);
        expect(moneyToMicros(microsToMoney(micros))).toBe(micros);
      }),
    );
  });
});

describe('burnRate', () => {
  it('is zero, from nothing, when nothing burns', () => {
    expect(burnRate({ callsPerMinute: '0', recentSpend: '0', recentWindowSeconds: WINDOW })).toEqual({
      perMinuteMicros: 0n,
      callsPerMinuteMicros: 0n,
      recentPerMinuteMicros: 0n,
      source: 'none',
    });
  });

  it('takes the active calls when they burn faster than the recent average (dialing just started)', () => {
    // Two calls at $3/min; $0.60 debited over 5 minutes is $0.12/min.
    expect(burnRate({ callsPerMinute: '6', recentSpend: '0.6', recentWindowSeconds: WINDOW })).toMatchObject({
      perMinuteMicros: 6_000_000n,
      recentPerMinuteMicros: 120_000n,
      source: 'calls',
    });
  });

  it('takes the recent rate when it is larger (messages, short calls, calls just ended), never the sum', () => {
    // $30 over 5 minutes is $6/min, more than the one call still up at $0.60/min.
    expect(burnRate({ callsPerMinute: '0.6', recentSpend: '30', recentWindowSeconds: WINDOW })).toMatchObject({
      perMinuteMicros: 6_000_000n,
      callsPerMinuteMicros: 600_000n,
      source: 'recent',
    });
  });

  it('calls on a tie (the live figure)', () => {
    expect(burnRate({ callsPerMinute: '1', recentSpend: '5', recentWindowSeconds: WINDOW }).source).toBe('calls');
  });

  it('keeps sub-cent rates exact and rounds the recent rate UP to the micro-unit', () => {
    expect(burnRate({ callsPerMinute: '0.0085', recentSpend: '0', recentWindowSeconds: WINDOW }).perMinuteMicros).toBe(8_500n);
    // 1 micro-unit over 300 s is 0.2 micro-units a minute: shown as 1, never 0 (it does burn).
    expect(burnRate({ callsPerMinute: '0', recentSpend: '0.000001', recentWindowSeconds: WINDOW })).toMatchObject({
      perMinuteMicros: 1n,
      source: 'recent',
    });
    // $0.0085 over 300 s = 1,700 micro-units a minute exactly: no rounding.
    expect(burnRate({ callsPerMinute: '0', recentSpend: '0.0085', recentWindowSeconds: WINDOW }).recentPerMinuteMicros).toBe(1_700n);
  });

  it('ignores a recent rate without a window, and negative inputs', () => {
    expect(burnRate({ callsPerMinute: '2', recentSpend: '100', recentWindowSeconds: 0 })).toMatchObject({
      perMinuteMicros: 2_000_000n,
      recentPerMinuteMicros: 0n,
    });
    expect(burnRate({ callsPerMinute: '-2', recentSpend: '-1', recentWindowSeconds: WINDOW }).perMinuteMicros).toBe(0n);
  });

  it('is the larger input, with the recent rate the least micro-unit count at or above recentSpend × 60 ÷ window', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 18n }),
        fc.bigInt({ min: 0n, max: 10n ** 18n }),
        fc.integer({ min: 1, max: 86_400 }),
        (calls, recent, window) => {
          const rate = burnRate({ callsPerMinute: toMoney(calls), recentSpend: toMoney(recent), recentWindowSeconds: window });
          const w = BigInt(window);
          // Rounded up: the rate times the window covers the spend, one micro-unit less would not.
          expect(rate.recentPerMinuteMicros * w >= recent * 60n).toBe(true);
          expect(rate.recentPerMinuteMicros === 0n || (rate.recentPerMinuteMicros - 1n) * w < recent * 60n).toBe(true);
          // biome-ignore lint/complexity/useMathMinMax: bigints; Math.max throws a TypeError on them.
          expect(rate.perMinuteMicros).toBe(calls > rate.recentPerMinuteMicros ? calls : rate.recentPerMinuteMicros);
          expect(rate.source).toBe(rate.perMinuteMicros === 0n ? 'none' : calls >= rate.recentPerMinuteMicros ? 'calls' : 'recent');
        },
      ),
    );
  });
});

describe('timeToEmptySeconds', () => {
  it('is null when nothing burns and zero when nothing is available', () => {
    expect(timeToEmptySeconds(1_000_000n, 0n)).toBeNull();
    expect(timeToEmptySeconds(0n, 0n)).toBeNull();
    expect(timeToEmptySeconds(0n, 6_000_000n)).toBe(0n);
    expect(timeToEmptySeconds(-5n, 6_000_000n)).toBe(0n);
  });

  it('divides available by the burn, rounded DOWN to the second', () => {
    // $1 at $6/min: 10 s.
    expect(timeToEmptySeconds(1_000_000n, 6_000_000n)).toBe(10n);
    // $1 at $7/min: 8.57 s → 8 s (never more time than there is).
    expect(timeToEmptySeconds(1_000_000n, 7_000_000n)).toBe(8n);
    // $100 at $0.50/min: 200 minutes.
    expect(timeToEmptySeconds(100_000_000n, 500_000n)).toBe(12_000n);
  });

  it('stays exact for huge balances at sub-cent rates (beyond 2^53 seconds)', () => {
    // 10^15 major units at one micro-unit a minute: 10^21 minutes.
    const seconds = timeToEmptySeconds(10n ** 21n, 1n);
    expect(seconds).toBe(6n * 10n ** 22n);
    expect(formatTimeToEmpty(seconds)).toBe('over a year');
  });

  it('is the largest whole second count whose spend fits in the available balance', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 10n ** 24n }), fc.bigInt({ min: 1n, max: 10n ** 15n }), (available, burn) => {
        const seconds = timeToEmptySeconds(available, burn)!;
        expect(seconds * burn <= available * 60n).toBe(true);
        expect((seconds + 1n) * burn > available * 60n).toBe(true);
      }),
    );
  });
});

describe('formatTimeToEmpty', () => {
  it('reads in words, rounded down to the minute', () => {
    expect(formatTimeToEmpty(null)).toBe('nothing is burning');
    expect(formatTimeToEmpty(0n)).toBe('empty now');
    expect(formatTimeToEmpty(1n)).toBe('under a minute');
    expect(formatTimeToEmpty(59n)).toBe('under a minute');
    expect(formatTimeToEmpty(60n)).toBe('about 1 min');
    expect(formatTimeToEmpty(3_599n)).toBe('about 59 min');
    expect(formatTimeToEmpty(3_600n)).toBe('about 1 h');
    expect(formatTimeToEmpty(12_000n)).toBe('about 3 h 20 min');
    expect(formatTimeToEmpty(12_059n)).toBe('about 3 h 20 min');
    expect(formatTimeToEmpty(86_399n)).toBe('about 23 h 59 min');
    expect(formatTimeToEmpty(86_400n)).toBe('about 1 d');
    expect(formatTimeToEmpty(187_200n)).toBe('about 2 d 4 h');
    expect(formatTimeToEmpty(TIME_TO_EMPTY_YEAR_SECONDS - 1n)).toBe('about 364 d 23 h');
    expect(formatTimeToEmpty(TIME_TO_EMPTY_YEAR_SECONDS)).toBe('over a year');
  });

  it('never reads more time than given', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 60n, max: TIME_TO_EMPTY_YEAR_SECONDS - 1n }), (seconds) => {
        const text = formatTimeToEmpty(seconds);
        const unit: Record<string, bigint> = { d: 86_400n, h: 3_600n, min: 60n };
        let shown = 0n;
        for (const [, value, name] of text.matchAll(/(\d+) (d|h|min)\b/g)) shown += BigInt(value!) * unit[name!]!;
        expect(text.startsWith('about ')).toBe(true);
        expect(shown <= seconds).toBe(true);
        // Within the precision shown: a minute under a day, an hour beyond.
        expect(seconds - shown < (seconds < 86_400n ? 60n : 3_600n)).toBe(true);
      }),
    );
  });
});

describe('formatPerMinute and walletBurnFigures', () => {
  it('formats in the wallet currency from micro-units, sub-cent digits kept', () => {
    expect(formatPerMinute(6_000_000n, 'USD')).toBe('$6.00/min');
    expect(formatPerMinute(8_500n, 'GBP')).toBe('£0.0085/min');
    expect(formatPerMinute(1n, 'CAD')).toBe('CAD 0.000001/min');
    expect(formatPerMinute(0n, 'EUR')).toBe('€0.00/min');
  });

  it('puts rate and time together from a wallet state', () => {
    expect(walletBurnFigures('1', { callsPerMinute: '6', recentSpend: '0', recentWindowSeconds: WINDOW })).toMatchObject({
      perMinuteMicros: 6_000_000n,
      timeToEmptySeconds: 10n,
    });
    expect(walletBurnFigures('1', { callsPerMinute: '0', recentSpend: '0', recentWindowSeconds: WINDOW }).timeToEmptySeconds).toBeNull();
    expect(walletBurnFigures('0', { callsPerMinute: '0', recentSpend: '0.5', recentWindowSeconds: WINDOW }).timeToEmptySeconds).toBe(0n);
  });
});
