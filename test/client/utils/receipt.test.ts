// Goal: the checkout summary and the receipt show every figure exactly in the wallet's currency, the tax with its label and rate, and the date and card; method: examples with fixed locale and time zone.
import { describe, expect, it } from 'vitest';
import type { ReceiptFieldsFragment as Receipt } from '../../../client/src/gql/graphql.js';
import { quoteLines, receiptLines, taxDescription } from '../../../client/src/utils/receipt.js';

const receipt: Receipt = {
  receiptNumber: 'SW-2026-000042',
  transactionId: '5b0c1f7e-8d2a-4d3f-9a51-0c3e2f4b6a11',
  topUpId: '0f4e2d1c-3b5a-4c6d-8e7f-9a0b1c2d3e4f',
  amount: '25',
  tax: '5',
  taxRate: '20',
  taxLabel: 'VAT 20% (United Kingdom)',
  total: '30',
  currency: 'GBP',
  paidAt: '2026-11-22T01:37:12.932Z',
  cardBrand: 'visa',
  cardLast4: '4242',
  paymentIntentId: 'pi_123',
};

describe('taxDescription', () => {
  it('keeps a label that already gives the rate', () => {
    expect(taxDescription('VAT 20% (United Kingdom)', '20')).toBe('VAT 20% (United Kingdom)');
    expect(taxDescription('Sales tax 7.25% (CA)', '7.25')).toBe('Sales tax 7.25% (CA)');
  });

  it('adds the rate to a label without it', () => {
    expect(taxDescription('No tax', '0')).toBe('No tax (0%)');
    expect(taxDescription('VAT reverse charge (EU VAT number DE123456789)', '0')).toBe(
      'VAT reverse charge (EU VAT number DE123456789) (0%)',
    );
    expect(taxDescription('', '20')).toBe('Tax 20%');
  });
});

describe('quoteLines', () => {
  it('lists amount, tax with label and rate, and the total last, emphasised', () => {
    expect(
      quoteLines({ amount: '25', tax: '1.8125', taxLabel: 'Sales tax 7.25% (CA)', taxRate: '7.25', total: '26.8125', currency: 'USD' }),
    ).toEqual([
      { label: 'Amount', value: '$25.00', kind: 'money' },
      { label: 'Tax: Sales tax 7.25% (CA)', value: '$1.81', kind: 'money' },
      { label: 'Total charged to the card', value: '$26.81', kind: 'money', emphasis: true },
    ]);
  });
});

describe('receiptLines', () => {
  it('gives number, transaction, amount, tax, total, date and time, and card', () => {
    expect(receiptLines(receipt, { locale: 'en-GB', timeZone: 'UTC' })).toEqual([
      { label: 'Receipt number', value: 'SW-2026-000042', kind: 'identifier' },
      { label: 'Transaction', value: '5b0c1f7e-8d2a-4d3f-9a51-0c3e2f4b6a11', kind: 'identifier' },
      { label: 'Amount credited', value: '£25.00', kind: 'money' },
      { label: 'Tax: VAT 20% (United Kingdom)', value: '£5.00', kind: 'money' },
      { label: 'Total charged', value: '£30.00', kind: 'money', emphasis: true },
      { label: 'Paid', value: '22 Nov 2026, 01:37:12 UTC', kind: 'date-time' },
      { label: 'Card', value: 'Visa •••• 4242', kind: 'text' },
    ]);
  });

  it('shows the paid time in the given zone', () => {
    const paid = receiptLines(receipt, { locale: 'en-GB', timeZone: 'America/New_York' }).find((line) => line.label === 'Paid');
    expect(paid?.value).toBe('21 Nov 2026, 20:37:12 GMT-5');
  });

  it('leaves out the card when Stripe gave none', () => {
    const lines = receiptLines({ ...receipt, cardBrand: null, cardLast4: null }, { locale: 'en-GB', timeZone: 'UTC' });
    expect(lines.map((line) => line.label)).not.toContain('Card');
  });
});
