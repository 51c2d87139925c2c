// Goal: the Settings page reads a typed spend cap as the server will (empty = none, never negative, at most the
// server's maximum, 6 decimals) and shows a period's use toward its cap without floats. Method: the pure functions.
import { describe, expect, it } from 'vitest';
import {
  canSetSpendCaps,
  capTone,
  capUsedPercent,
  capUseText,
  checkCapInput,
  SPEND_CAP_AMOUNT_MAX,
} from '../../../../client/src/routes/settings/spend-caps.js';

describe('spend caps on the Settings page', () => {
  it('reads a cap as typed: empty is none, negative and too many decimals are refused', () => {
    expect(checkCapInput('  ', 'USD')).toEqual({ valid: true, cap: null });
    expect(checkCapInput('10.50', 'USD')).toEqual({ valid: true, cap: '10.5' });
    expect(checkCapInput('0', 'USD')).toEqual({ valid: true, cap: '0' });
    expect(checkCapInput('-1', 'USD')).toEqual({ valid: false, message: 'A cap must not be negative.' });
    expect(checkCapInput('1.0000001', 'USD').valid).toBe(false);
  });

  it('accepts the largest cap and refuses one micro-unit more', () => {
    expect(checkCapInput(SPEND_CAP_AMOUNT_MAX, 'USD')).toEqual({ valid: true, cap: SPEND_CAP_AMOUNT_MAX });
    expect(checkCapInput(`${SPEND_CAP_AMOUNT_MAX}.000001`, 'USD').valid).toBe(false);
  });

  it('measures use in whole percent through micro-units, full at or over the cap and for a cap of 0', () => {
    expect(capUsedPercent('0', '10')).toBe(0);
    expect(capUsedPercent('7.999999', '10')).toBe(79);
    expect(capUsedPercent('8', '10')).toBe(80);
    expect(capUsedPercent('10', '10')).toBe(100);
    expect(capUsedPercent('0', '0')).toBe(100);
    expect([capTone(79), capTone(80), capTone(100)]).toEqual(['ok', 'warning', 'reached']);
    expect(capUseText('8', '10', 'USD')).toBe('$8.00 of $10.00');
    expect(capUseText('8', null, 'USD')).toBe('$8.00 (no cap)');
  });

  it('lets owners (and the operator) set caps; other roles read them', () => {
    expect(['OWNER', 'PLATFORM_ADMIN', 'CAMPAIGN_MANAGER', 'INTEGRATOR'].map((role) => canSetSpendCaps(role as never))).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });
});
