// Goal: the Numbers page offers each action only to the roles the server accepts and only while it applies (refund within the window, release while held), lists only the price lists that sell numbers in the wallet's currency, and checks the search digits as the server does; method: examples for every role and status, and at each boundary.
import { describe, expect, it } from 'vitest';
import {
  canBuyNumbers,
  canRefundNumbers,
  checkStartsWith,
  numberActions,
  numberPlansFor,
  sellingPrefixes,
} from '../../../../client/src/routes/numbers/numbers.js';

describe('roles and actions', () => {
  it('owners and integrators buy and release; only owners refund', () => {
    expect(['OWNER', 'INTEGRATOR', 'CAMPAIGN_MANAGER'].map((role) => canBuyNumbers(role as never))).toEqual([true, true, false]);
    expect(['OWNER', 'INTEGRATOR', 'CAMPAIGN_MANAGER'].map((role) => canRefundNumbers(role as never))).toEqual([true, false, false]);
  });

  it('offers refund only while held and refundable, release only while held', () => {
    const active = { status: 'ACTIVE' as const, refundable: true };
    expect(numberActions(active, 'OWNER')).toEqual({ release: true, refund: true });
    expect(numberActions({ ...active, refundable: false }, 'OWNER')).toEqual({ release: true, refund: false });
    expect(numberActions({ status: 'GRACE', refundable: true }, 'OWNER')).toEqual({ release: true, refund: true });
    expect(numberActions(active, 'INTEGRATOR')).toEqual({ release: true, refund: false });
    expect(numberActions(active, 'CAMPAIGN_MANAGER')).toEqual({ release: false, refund: false });
    expect(numberActions({ status: 'RELEASED', refundable: false }, 'OWNER')).toEqual({ release: false, refund: false });
    expect(numberActions({ status: 'REFUNDED', refundable: false }, 'OWNER')).toEqual({ release: false, refund: false });
  });
});

describe('price lists', () => {
  const plans = [
    { id: 'a', name: 'Calls only', currency: 'USD', rates: [{ prefix: '44', numberPurchase: null, numberMonthly: null }] },
    {
      id: 'b',
      name: 'Numbers',
      currency: 'USD',
      rates: [
        { prefix: '4420', numberPurchase: '3', numberMonthly: '4' },
        { prefix: '', numberPurchase: '1', numberMonthly: '1' },
      ],
    },
    { id: 'c', name: 'Euro numbers', currency: 'EUR', rates: [{ prefix: '33', numberPurchase: '1', numberMonthly: '2' }] },
  ];

  it("keeps the plans of the wallet's currency that sell numbers", () => {
    expect(numberPlansFor(plans, 'USD').map((plan) => plan.id)).toEqual(['b']);
    expect(numberPlansFor(plans, 'EUR').map((plan) => plan.id)).toEqual(['c']);
    expect(numberPlansFor(plans, 'GBP')).toEqual([]);
  });

  it('names the prefixes a plan sells under, leaving out the catch-all', () => {
    expect(sellingPrefixes(plans[1]!)).toEqual(['+4420']);
  });
});

describe('checkStartsWith', () => {
  it('accepts nothing, a "+", spaces and dashes, up to 12 digits', () => {
    expect(checkStartsWith('')).toEqual({ valid: true, digits: '' });
    expect(checkStartsWith('+44 20-7')).toEqual({ valid: true, digits: '44207' });
    expect(checkStartsWith('123456789012')).toEqual({ valid: true, digits: '123456789012' });
  });

  it('refuses 13 digits, a leading 0 and letters', () => {
    expect(checkStartsWith('1234567890123').valid).toBe(false);
    expect(checkStartsWith('020').valid).toBe(false);
    expect(checkStartsWith('+44abc').valid).toBe(false);
  });
});
