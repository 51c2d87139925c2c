// Goal: cards read the same everywhere (checkout list, 3-D Secure, receipt): brand name, masked number, expiry; method: examples for known, unknown and missing brands.
import { describe, expect, it } from 'vitest';
import { cardBrandName, cardExpiry, cardLabel, savedCardLabel } from '../../../client/src/utils/card-label.js';

describe('cardBrandName', () => {
  it('names the brands Stripe reports', () => {
    expect(cardBrandName('visa')).toBe('Visa');
    expect(cardBrandName('mastercard')).toBe('Mastercard');
    expect(cardBrandName('amex')).toBe('American Express');
    expect(cardBrandName('VISA')).toBe('Visa');
  });

  it('capitalises a brand it does not know, and says "Card" without one', () => {
    expect(cardBrandName('newbrand')).toBe('Newbrand');
    expect(cardBrandName('some_brand')).toBe('Some brand');
    expect(cardBrandName(null)).toBe('Card');
    expect(cardBrandName('')).toBe('Card');
    expect(cardBrandName('unknown')).toBe('Card');
  });
});

describe('cardLabel', () => {
  it('masks all but the last 4 digits', () => {
    expect(cardLabel('visa', '4242')).toBe('Visa •••• 4242');
    expect(cardLabel(null, '4242')).toBe('Card •••• 4242');
    expect(cardLabel('amex', null)).toBe('American Express');
  });
});

describe('savedCardLabel', () => {
  it('gives brand, last 4, expiry and whether it is the default', () => {
    expect(cardExpiry(4, 2031)).toBe('04/2031');
    expect(savedCardLabel({ brand: 'visa', last4: '4242', expMonth: 4, expYear: 2031, isDefault: true })).toBe(
      'Visa •••• 4242, expires 04/2031 (default)',
    );
    expect(savedCardLabel({ brand: 'mastercard', last4: '4444', expMonth: 12, expYear: 2030, isDefault: false })).toBe(
      'Mastercard •••• 4444, expires 12/2030',
    );
  });
});
