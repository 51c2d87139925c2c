// Goal: the automatic funding forms refuse what setAutoRecharge and setMonthlyRecharge refuse, at the same boundaries (threshold 0 to the cap, target at least threshold + minimum and at most threshold + cap, day 1–28, whole amounts), exactly on decimal strings, and the settings read as they stand; method: examples at each boundary.
import { describe, expect, it } from 'vitest';
import {
  autoRechargeState,
  autoRechargeSummary,
  canChangeFunding,
  checkAutoRechargeForm,
  checkMonthlyRechargeForm,
  MONTHLY_RECHARGE_DAYS,
  monthlyRechargeSummary,
  parseMoneyInput,
  pausedReasonText,
} from '../../../../client/src/routes/settings/auto-recharge.js';

const LIMITS = { currency: 'USD', minimum: '10' };

describe('parseMoneyInput', () => {
  it('reads amounts as canonical Money strings', () => {
    expect(parseMoneyInput('12.50', 'USD')).toEqual({ valid: true, amount: '12.5' });
    expect(parseMoneyInput(' 1,000 ', 'USD')).toEqual({ valid: true, amount: '1000' });
    expect(parseMoneyInput('007', 'USD')).toEqual({ valid: true, amount: '7' });
    expect(parseMoneyInput('0', 'USD')).toEqual({ valid: true, amount: '0' });
    expect(parseMoneyInput('0.000001', 'USD')).toEqual({ valid: true, amount: '0.000001' });
  });

  it('refuses the empty, the negative, the foreign and more than 6 decimals', () => {
    expect(parseMoneyInput('', 'USD')).toEqual({ valid: false, message: 'Enter an amount.' });
    for (const input of ['-5', '1e3', 'ten', '1.2.3']) expect(parseMoneyInput(input, 'USD').valid).toBe(false);
    expect(parseMoneyInput('0.0000001', 'USD')).toEqual({ valid: false, message: 'Use at most 6 decimal places.' });
  });
});

describe('checkAutoRechargeForm', () => {
  it('takes a target of exactly threshold + minimum, and refuses one a micro-unit below', () => {
    expect(checkAutoRechargeForm({ threshold: '10', target: '20' }, LIMITS)).toEqual({ valid: true, threshold: '10', target: '20' });
    expect(checkAutoRechargeForm({ threshold: '10', target: '19.999999' }, LIMITS)).toEqual({
      valid: false,
      errors: { target: 'The target must be at least the threshold plus the minimum top-up of $10.00.' },
    });
  });

  it('takes a threshold of 0 and of the cap, not above it', () => {
    expect(checkAutoRechargeForm({ threshold: '0', target: '10' }, LIMITS).valid).toBe(true);
    expect(checkAutoRechargeForm({ threshold: '100000', target: '100010' }, LIMITS).valid).toBe(true);
    expect(checkAutoRechargeForm({ threshold: '100000.01', target: '200000' }, LIMITS)).toEqual({
      valid: false,
      errors: { threshold: 'The threshold may be at most $100,000.00.' },
    });
  });

  it('refuses a target more than the cap above the threshold', () => {
    expect(checkAutoRechargeForm({ threshold: '5', target: '100005' }, LIMITS).valid).toBe(true);
    expect(checkAutoRechargeForm({ threshold: '5', target: '100005.5' }, LIMITS)).toMatchObject({
      valid: false,
      errors: { target: expect.stringContaining('at most') },
    });
  });

  it('names every field it cannot read', () => {
    expect(checkAutoRechargeForm({ threshold: '', target: 'x' }, LIMITS)).toEqual({
      valid: false,
      errors: { threshold: 'Enter an amount.', target: 'Enter an amount of USD, e.g. 20 or 12.50.' },
    });
  });
});

describe('checkMonthlyRechargeForm', () => {
  it('takes days 1 to 28, and no other', () => {
    expect(MONTHLY_RECHARGE_DAYS).toHaveLength(28);
    expect(checkMonthlyRechargeForm({ dayOfMonth: '1', amount: '10' }, LIMITS)).toEqual({ valid: true, dayOfMonth: 1, amount: '10' });
    expect(checkMonthlyRechargeForm({ dayOfMonth: '28', amount: '10' }, LIMITS).valid).toBe(true);
    for (const day of ['0', '29', '', '1.5', '-1']) {
      expect(checkMonthlyRechargeForm({ dayOfMonth: day, amount: '10' }, LIMITS)).toMatchObject({
        valid: false,
        errors: { dayOfMonth: expect.any(String) },
      });
    }
  });

  it('takes whole amounts from the minimum to the cap', () => {
    expect(checkMonthlyRechargeForm({ dayOfMonth: '5', amount: '9' }, LIMITS)).toEqual({
      valid: false,
      errors: { amount: 'The minimum top-up is $10.00.' },
    });
    expect(checkMonthlyRechargeForm({ dayOfMonth: '5', amount: '10.50' }, LIMITS)).toMatchObject({
      valid: false,
      errors: { amount: expect.stringContaining('whole') },
    });
    expect(checkMonthlyRechargeForm({ dayOfMonth: '5', amount: '100000' }, LIMITS).valid).toBe(true);
    expect(checkMonthlyRechargeForm({ dayOfMonth: '5', amount: '100001' }, LIMITS).valid).toBe(false);
  });
});

describe('how the settings read', () => {
  const on = { enabled: true, pausedAt: null, threshold: '10', target: '40.5' };

  it('gives the state, a pause winning over "on"', () => {
    expect(autoRechargeState(null)).toBe('not-set');
    expect(autoRechargeState({ enabled: false, pausedAt: null })).toBe('off');
    expect(autoRechargeState({ enabled: true, pausedAt: null })).toBe('on');
    expect(autoRechargeState({ enabled: true, pausedAt: '2026-11-01T00:00:00Z' })).toBe('paused');
  });

  it('sums the auto-recharge and the monthly recharge up in the wallet currency', () => {
    expect(autoRechargeSummary(on, 'GBP')).toBe('Below £10.00 available, the default card tops the wallet up to £40.50.');
    expect(autoRechargeSummary(null, 'GBP')).toBe('Off: never set up.');
    expect(monthlyRechargeSummary({ monthlyEnabled: true, monthlyDay: 5, monthlyAmount: '100' }, 'USD')).toBe(
      '$100.00 on day 5 of each month (UTC).',
    );
    expect(monthlyRechargeSummary({ monthlyEnabled: false, monthlyDay: 5, monthlyAmount: '100' }, 'USD')).toBe('Monthly recharge off.');
  });

  it('says why it paused, for the known reasons and others', () => {
    expect(pausedReasonText('REPEATED_FAILURES')).toBe('the default card was declined several times in a row');
    expect(pausedReasonText('NO_PAYMENT_METHOD')).toBe('the account has no default card to charge');
    expect(pausedReasonText('SOMETHING_NEW')).toBe('something new');
    expect(pausedReasonText(null)).toBe('for an unknown reason');
  });

  it('lets only OWNERs change it', () => {
    expect(canChangeFunding('OWNER')).toBe(true);
    for (const role of ['CAMPAIGN_MANAGER', 'INTEGRATOR', 'SUPPORT', 'PLATFORM_ADMIN'] as const) expect(canChangeFunding(role)).toBe(false);
  });
});
