// Goal: the Overview reads the server's one burn figure exactly (rate in micro-units, no projection when the server says nothing runs), words time-to-empty rounded down from zero to over a year, and names a spend cap reached before the balance runs dry ("Daily cap reached in ~X"); method: worked examples plus fast-check properties against plain bigint arithmetic.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  burnFigures,
  capReachedText,
  formatApproximateDuration,
  formatTimeToEmpty,
  formatWindow,
  TIME_TO_EMPTY_YEAR_SECONDS,
} from '../../../../client/src/routes/overview/burn-rate.js';
import { formatPerMinute, microsToMoney, MoneyFormatError, moneyToMicros } from '../../../../client/src/utils/money.js';

/** A micro-unit amount written with all six fraction digits, independently of burn-rate.ts. */
const toMoney = (micros: bigint): string => {
  const sign = micros < 0n ? '-' : '';
  const magnitude = micros < 0n ? -micros : micros;
  return `${sign}${magnitude / 1_000_000n}.${(magnitude % 1_000_000n).toString().padStart(6, '0')}`;
};

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

describe('burnFigures', () => {
  it("reads the server's one figure: its rate and time to empty, and zero with no time when nothing runs", () => {
    expect(burnFigures({ ratePerMinute: '6', timeToEmptySeconds: 10 })).toEqual({
      perMinuteMicros: 6_000_000n,
      timeToEmptySeconds: 10n,
      running: true,
    });
    expect(burnFigures({ ratePerMinute: '0.0085', timeToEmptySeconds: 0 })).toEqual({
      perMinuteMicros: 8_500n,
      timeToEmptySeconds: 0n,
      running: true,
    });
    expect(burnFigures({ ratePerMinute: null, timeToEmptySeconds: null })).toEqual({
      perMinuteMicros: 0n,
      timeToEmptySeconds: null,
      running: false,
    });
    // No rate means no projection, whatever else came with it.
    expect(burnFigures({ ratePerMinute: null, timeToEmptySeconds: 60 }).timeToEmptySeconds).toBeNull();
  });

  it('refuses a rate that is not Money', () => {
    expect(() => burnFigures({ ratePerMinute: '1e3', timeToEmptySeconds: 1 })).toThrow(MoneyFormatError);
  });

  it('carries every micro-unit rate exactly', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 24n }), fc.nat(), (micros, seconds) => {
        expect(burnFigures({ ratePerMinute: toMoney(micros), timeToEmptySeconds: seconds })).toEqual({
          perMinuteMicros: micros,
          timeToEmptySeconds: BigInt(seconds),
          running: true,
        });
      }),
    );
  });
});

describe('formatWindow', () => {
  it('reads whole minutes as minutes, anything else in seconds', () => {
    expect(formatWindow(300)).toBe('5 min');
    expect(formatWindow(60)).toBe('1 min');
    expect(formatWindow(90)).toBe('90 s');
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

describe('formatPerMinute', () => {
  it('formats in the wallet currency from micro-units, sub-cent digits kept', () => {
    expect(formatPerMinute(6_000_000n, 'USD')).toBe('$6.00/min');
    expect(formatPerMinute(8_500n, 'GBP')).toBe('£0.0085/min');
    expect(formatPerMinute(1n, 'CAD')).toBe('CAD 0.000001/min');
    expect(formatPerMinute(0n, 'EUR')).toBe('€0.00/min');
  });
});

describe('a spend cap reached before the balance runs dry', () => {
  const cap = (period: string, scope: string, reachedInSeconds: number) => ({ period, scope, reachedInSeconds });

  it("names the daily or monthly cap, the account's when it is, and when, approximately and rounded down", () => {
    expect(capReachedText({ limitedBy: 'SPEND_CAP', spendCap: cap('DAY', 'WALLET', 240) })).toBe('Daily cap reached in ~4 min');
    expect(capReachedText({ limitedBy: 'SPEND_CAP', spendCap: cap('DAY', 'WALLET', 299) })).toBe('Daily cap reached in ~4 min');
    expect(capReachedText({ limitedBy: 'SPEND_CAP', spendCap: cap('MONTH', 'ACCOUNT', 2 * 86_400 + 4 * 3_600) })).toBe(
      'Monthly account cap reached in ~2 d 4 h',
    );
    expect(capReachedText({ limitedBy: 'SPEND_CAP', spendCap: cap('DAY', 'WALLET', 59) })).toBe('Daily cap reached in under a minute');
    expect(capReachedText({ limitedBy: 'SPEND_CAP', spendCap: cap('DAY', 'WALLET', 0) })).toBe('Daily cap reached now');
  });

  it('says nothing when the balance binds first, no cap is reached, or nothing runs', () => {
    expect(capReachedText({ limitedBy: 'WALLET', spendCap: cap('DAY', 'WALLET', 9_000) })).toBeNull();
    expect(capReachedText({ limitedBy: 'WALLET', spendCap: null })).toBeNull();
    expect(capReachedText({ limitedBy: null, spendCap: null })).toBeNull();
  });

  it('words durations as time-to-empty does, with "~" for "about"', () => {
    expect(formatApproximateDuration(60n)).toBe('~1 min');
    expect(formatApproximateDuration(3_600n * 3n + 1_200n)).toBe('~3 h 20 min');
    expect(formatApproximateDuration(1n)).toBe('under a minute');
    expect(formatApproximateDuration(TIME_TO_EMPTY_YEAR_SECONDS)).toBe('over a year');
  });
});
