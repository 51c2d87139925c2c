// Goal: the Billing form sends exactly the profile on screen (trimmed, blanks cleared, a state only for the US and a VAT number only for an EU country), knows when it differs from what is stored, takes its EU member states from the server's one list (euCountries: the same 27 the tax rules know), and explains each tax treatment as the billing FAQ does. Method: examples, the server's list as the API serves it, compared with its isEuCountry.
import { describe, expect, it } from 'vitest';
import {
  formOf,
  inputOf,
  isChanged,
  isEuCountry,
  normalizeCountry,
  suggestedCountries,
  taxExplanation,
} from '../../../../client/src/routes/billing/billing-form.js';
import { euCountries, isEuCountry as serverIsEuCountry } from '../../../../server/domain/payments/tax.js';

/** The EU member states as the API's `euCountries` answers them. */
const EU = euCountries();

const STORED = {
  legalName: 'Acme Voice GmbH',
  addressLine1: 'Torstraße 1',
  addressLine2: null,
  city: 'Berlin',
  postalCode: '10119',
  country: 'DE',
  state: null,
  vatNumber: 'DE123456789',
  email: null,
};

describe('billing form', () => {
  it('fills the form from the stored profile and sends it back unchanged', () => {
    const form = formOf(STORED);
    expect(form.addressLine2).toBe('');
    expect(inputOf(form, EU)).toEqual(STORED);
    expect(isChanged(form, STORED, EU)).toBe(false);
  });

  it('trims, sends blanks as null (clearing them), and notices a change', () => {
    const form = { ...formOf(STORED), legalName: '  Acme Voice AG ', city: '   ' };
    expect(inputOf(form, EU)).toMatchObject({ legalName: 'Acme Voice AG', city: null });
    expect(isChanged(form, STORED, EU)).toBe(true);
    expect(isChanged({ ...formOf(STORED), legalName: ' Acme Voice GmbH ' }, STORED, EU)).toBe(false);
  });

  it('sends a state only for the US and a VAT number only for an EU country', () => {
    expect(inputOf({ ...formOf(STORED), country: 'gb', state: 'CA' }, EU)).toMatchObject({ country: 'gb', state: null, vatNumber: null });
    expect(inputOf({ ...formOf(STORED), country: 'us', state: 'ca' }, EU)).toMatchObject({ state: 'ca', vatNumber: null });
    expect(inputOf({ ...formOf(STORED), country: 'fr', vatNumber: 'FR12345678901' }, EU)).toMatchObject({ vatNumber: 'FR12345678901' });
  });

  it('reads country codes as the server does (upper case, UK as GB)', () => {
    expect(normalizeCountry(' uk ')).toBe('GB');
    expect(normalizeCountry('de')).toBe('DE');
  });

  it('knows the same 27 EU member states as the server’s tax rules, and not the UK', () => {
    expect(EU).toHaveLength(27);
    for (const { code } of EU) expect(serverIsEuCountry(code) && isEuCountry(code, EU)).toBe(true);
    expect(EU.find((country) => country.code === 'GR')?.name).toBe('Greece');
    expect(isEuCountry('GB', EU)).toBe(false);
    expect(serverIsEuCountry('GB')).toBe(false);
    const suggested = suggestedCountries(EU);
    expect(suggested.slice(0, 2).map((country) => country.code)).toEqual(['GB', 'US']);
    expect(new Set(suggested.map((country) => country.code)).size).toBe(29);
  });

  it('explains each treatment, and says an unaccepted VAT number does not exempt', () => {
    const explain = (taxTreatment: string, vatNumberAccepted: boolean | null, given = false) =>
      taxExplanation({ taxTreatment, taxLabel: '', vatNumberAccepted }, given);
    expect(explain('EU_REVERSE_CHARGE', true, true)).toContain('reverse charge');
    expect(explain('EU_VAT', false, true)).toContain('does not have a valid format');
    expect(explain('EU_VAT', null)).toContain('enter it to apply the reverse charge');
    expect(explain('UK_VAT', null)).toContain('UK VAT');
    expect(explain('US_SALES_TAX', null)).toContain('Sales tax');
    expect(explain('NONE', null)).toBe('No tax is added for this billing address.');
  });
});
