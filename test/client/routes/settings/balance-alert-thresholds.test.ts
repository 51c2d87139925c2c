// Goal: the balance alerts form refuses what setLowBalanceThresholds refuses, at the same boundaries (amount ≥ 0, 6 decimals, the balance cap, 10 thresholds, no two equal in value), and keeps thresholds as exact decimal strings sorted highest first as the server answers them; method: examples at each boundary, compared with the server's rules in server/domain/alerts/alerts.service.ts.
import { describe, expect, it } from 'vitest';
import {
  addThreshold,
  BALANCE_ALERT_THRESHOLD_AMOUNT_MAX,
  BALANCE_ALERT_THRESHOLDS_MAX,
  canSetBalanceAlerts,
  checkThreshold,
  checkThresholds,
  isDepletedThreshold,
  removeThreshold,
  sameThresholds,
  sortThresholds,
  thresholdLabel,
} from '../../../../client/src/routes/settings/balance-alert-thresholds.js';

/** "0" … "n-1": n different thresholds. */
const distinct = (count: number) => Array.from({ length: count }, (_, index) => String(index));

describe('canSetBalanceAlerts', () => {
  it('lets the roles the server lets, and not integrators', () => {
    for (const role of ['OWNER', 'CAMPAIGN_MANAGER', 'SUPPORT', 'PLATFORM_ADMIN'] as const) expect(canSetBalanceAlerts(role)).toBe(true);
    expect(canSetBalanceAlerts('INTEGRATOR')).toBe(false);
  });
});

describe('checkThreshold', () => {
  it('reads amounts from 0 as canonical Money strings', () => {
    expect(checkThreshold('20', 'USD')).toEqual({ valid: true, amount: '20' });
    expect(checkThreshold(' 5.00 ', 'USD')).toEqual({ valid: true, amount: '5' });
    expect(checkThreshold('0', 'USD')).toEqual({ valid: true, amount: '0' });
    expect(checkThreshold('-0', 'USD')).toEqual({ valid: true, amount: '0' });
    expect(checkThreshold('1,000.5', 'USD')).toEqual({ valid: true, amount: '1000.5' });
  });

  it('refuses a negative amount, even the smallest', () => {
    expect(checkThreshold('-1', 'USD')).toEqual({ valid: false, message: 'A threshold must not be negative.' });
    expect(checkThreshold('-0.000001', 'USD')).toEqual({ valid: false, message: 'A threshold must not be negative.' });
  });

  it('takes 6 decimal places and refuses 7', () => {
    expect(checkThreshold('0.000001', 'USD')).toEqual({ valid: true, amount: '0.000001' });
    expect(checkThreshold('4.999999', 'USD')).toEqual({ valid: true, amount: '4.999999' });
    expect(checkThreshold('0.0000001', 'USD')).toEqual({ valid: false, message: 'Use at most 6 decimal places.' });
    expect(checkThreshold('-0.0000001', 'USD')).toEqual({ valid: false, message: 'Use at most 6 decimal places.' });
    // Trailing zeros carry no value: 7 places that are 6 significant ones are fine.
    expect(checkThreshold('1.1000000', 'USD')).toEqual({ valid: true, amount: '1.1' });
  });

  it('takes the balance cap and refuses one micro-unit more', () => {
    expect(checkThreshold(BALANCE_ALERT_THRESHOLD_AMOUNT_MAX, 'USD')).toEqual({ valid: true, amount: '10000000000' });
    expect(checkThreshold('10000000000.000001', 'USD')).toEqual({
      valid: false,
      message: 'A threshold must be at most $10,000,000,000.00.',
    });
  });

  it('refuses what is not an amount', () => {
    expect(checkThreshold('', 'USD')).toEqual({ valid: false, message: 'Enter an amount.' });
    expect(checkThreshold('-', 'USD')).toEqual({ valid: false, message: 'Enter an amount.' });
    for (const input of ['ten', '1e3', '--5', '-abc', '5-', '1.2.3']) {
      expect(checkThreshold(input, 'GBP')).toEqual({ valid: false, message: 'Enter an amount of GBP, e.g. 20 or 12.50.' });
    }
  });
});

describe('checkThresholds', () => {
  it('takes 10 thresholds and refuses 11', () => {
    expect(BALANCE_ALERT_THRESHOLDS_MAX).toBe(10);
    expect(checkThresholds(distinct(10), 'USD')).toEqual({ valid: true, thresholds: ['9', '8', '7', '6', '5', '4', '3', '2', '1', '0'] });
    expect(checkThresholds(distinct(11), 'USD')).toEqual({ valid: false, message: 'At most 10 thresholds.' });
  });

  it('takes none: balance alerts off', () => {
    expect(checkThresholds([], 'USD')).toEqual({ valid: true, thresholds: [] });
  });

  it('refuses two equal in value, whatever their notation', () => {
    expect(checkThresholds(['5', '5.00'], 'USD')).toEqual({
      valid: false,
      message: 'Thresholds must be different from each other: $5.00 is there twice.',
    });
    expect(checkThresholds(['0', '20', '0.000000'], 'USD')).toMatchObject({ valid: false });
    expect(checkThresholds(['5', '5.000001'], 'USD')).toEqual({ valid: true, thresholds: ['5.000001', '5'] });
  });

  it('names the threshold it refuses', () => {
    expect(checkThresholds(['20', '-1'], 'USD')).toEqual({ valid: false, message: '“-1”: A threshold must not be negative.' });
    expect(checkThresholds(['1.2345678'], 'USD')).toEqual({ valid: false, message: '“1.2345678”: Use at most 6 decimal places.' });
    expect(checkThresholds([' '], 'USD')).toEqual({ valid: false, message: 'An empty threshold: Enter an amount.' });
  });

  it('normalises and sorts highest first, exactly (no float rounding)', () => {
    expect(checkThresholds(['0', '20.50', '5', '100000000.000001', '100000000'], 'USD')).toEqual({
      valid: true,
      thresholds: ['100000000.000001', '100000000', '20.5', '5', '0'],
    });
  });
});

describe('sortThresholds', () => {
  it('orders by value, not as text', () => {
    expect(sortThresholds(['9', '10', '0.5', '100'])).toEqual(['100', '10', '9', '0.5']);
    expect(sortThresholds(['5.10', '5.09'])).toEqual(['5.1', '5.09']);
    expect(sortThresholds([])).toEqual([]);
  });
});

describe('addThreshold and removeThreshold', () => {
  it('adds in place, highest first', () => {
    expect(addThreshold(['5', '0'], '20', 'USD')).toEqual({ valid: true, thresholds: ['20', '5', '0'] });
    expect(addThreshold([], '0', 'USD')).toEqual({ valid: true, thresholds: ['0'] });
    expect(addThreshold(['20', '0'], '7.25', 'USD')).toEqual({ valid: true, thresholds: ['20', '7.25', '0'] });
  });

  it('refuses one already there, by value', () => {
    expect(addThreshold(['5', '0'], '5.00', 'USD')).toEqual({ valid: false, message: '$5.00 is already a threshold.' });
    expect(addThreshold(['5', '0'], '0.000', 'EUR')).toEqual({ valid: false, message: '€0.00 is already a threshold.' });
  });

  it('adds a tenth and refuses an eleventh', () => {
    expect(addThreshold(distinct(9), '100', 'USD')).toMatchObject({ valid: true, thresholds: expect.arrayContaining(['100']) });
    expect((addThreshold(distinct(9), '100', 'USD') as { thresholds: string[] }).thresholds).toHaveLength(10);
    expect(addThreshold(distinct(10), '100', 'USD')).toEqual({
      valid: false,
      message: 'A wallet has at most 10 thresholds: remove one first.',
    });
  });

  it('refuses a negative or over-precise amount', () => {
    expect(addThreshold([], '-5', 'USD')).toEqual({ valid: false, message: 'A threshold must not be negative.' });
    expect(addThreshold([], '5.0000001', 'USD')).toEqual({ valid: false, message: 'Use at most 6 decimal places.' });
  });

  it('removes by value and leaves the others in order', () => {
    expect(removeThreshold(['20', '5', '0'], '5.00')).toEqual(['20', '0']);
    expect(removeThreshold(['20', '5', '0'], '7')).toEqual(['20', '5', '0']);
    expect(removeThreshold(['0'], '0')).toEqual([]);
  });
});

describe('sameThresholds', () => {
  it('compares by value, whatever the order', () => {
    expect(sameThresholds(['5', '0'], ['0', '5.00'])).toBe(true);
    expect(sameThresholds(['5', '0'], ['5'])).toBe(false);
    expect(sameThresholds(['5', '0'], ['5', '0.000001'])).toBe(false);
    expect(sameThresholds([], [])).toBe(true);
  });
});

describe('thresholdLabel', () => {
  it('formats in the wallet’s currency and explains 0', () => {
    expect(thresholdLabel('20', 'USD')).toBe('$20.00');
    expect(thresholdLabel('1234.5', 'CAD')).toBe('CAD 1,234.50');
    expect(thresholdLabel('0.000125', 'GBP')).toBe('£0.000125');
    expect(thresholdLabel('0', 'USD')).toBe('$0.00 — when the balance runs out');
    expect(isDepletedThreshold('0')).toBe(true);
    expect(isDepletedThreshold('0.000001')).toBe(false);
  });
});
