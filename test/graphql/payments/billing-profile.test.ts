// Goal: the owner's billing profile keeps a legal name and postal address beside the tax fields, changes only the fields given, refuses a bad field by name with nothing stored, caps each text at billingProfileTextLengthMax, and the tax preview of a profile not yet saved is exactly what quoteTopUp charges once it is (an EU business with a valid VAT number is reverse-charged). euCountries lists the 27 EU member states the tax rules charge EU VAT for. Method: the real server on its own database, everything through GraphQL over HTTP with API keys of each role, stored rows compared through the billingProfile query.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError, QUOTE } from '../../domain/payments/payments-support.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';

const PROFILE_FIELDS = 'accountId country state vatNumber email legalName addressLine1 addressLine2 city postalCode';
const UPDATE = `mutation($input: UpdateBillingProfileInput!) { updateBillingProfile(input: $input) { billingProfile { ${PROFILE_FIELDS} } } }`;
const READ = `{ billingProfile { ${PROFILE_FIELDS} } }`;
const PREVIEW = `query($amount: Money!, $country: String, $state: String, $vatNumber: String) {
  taxPreview(amount: $amount, country: $country, state: $state, vatNumber: $vatNumber) {
    amount tax total taxRate taxTreatment taxLabel vatNumber vatNumberAccepted } }`;

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ billingClockEnabled: false, usSalesTaxRatesPpm: { CA: 72_500n } });
});
afterAll(async () => {
  await t?.close();
});

async function profileOf(token: string): Promise<Record<string, string | null>> {
  return (await t.ok(token, READ)).billingProfile;
}

describe('updateBillingProfile: legal name and address', () => {
  it('stores the legal name and address, keeps omitted fields, and clears a field given null or blank', async () => {
    const { accountId, ownerKey } = await t.createAccount('Billing Co');
    const saved = await t.ok(ownerKey, UPDATE, {
      input: {
        legalName: '  Acme Voice GmbH ',
        addressLine1: 'Torstraße 1',
        addressLine2: 'Hinterhaus',
        city: 'Berlin',
        postalCode: '10119',
        country: 'de',
        vatNumber: 'de 123.456.789',
        email: 'billing@acme.example',
      },
    });
    const expected = {
      accountId,
      legalName: 'Acme Voice GmbH',
      addressLine1: 'Torstraße 1',
      addressLine2: 'Hinterhaus',
      city: 'Berlin',
      postalCode: '10119',
      country: 'DE',
      state: null,
      vatNumber: 'DE123456789',
      email: 'billing@acme.example',
    };
    expect(saved.updateBillingProfile.billingProfile).toEqual(expected);
    expect(await profileOf(ownerKey)).toEqual(expected);

    // Only the city changes; the VAT number and the rest stay.
    await t.ok(ownerKey, UPDATE, { input: { city: 'Hamburg' } });
    expect(await profileOf(ownerKey)).toEqual({ ...expected, city: 'Hamburg' });

    await t.ok(ownerKey, UPDATE, { input: { addressLine2: null, vatNumber: '  ' } });
    expect(await profileOf(ownerKey)).toEqual({ ...expected, city: 'Hamburg', addressLine2: null, vatNumber: null });
  });

  it('checks the profile as a whole: a kept VAT number does not fit a new non-EU country, and nothing is stored', async () => {
    const { ownerKey } = await t.createAccount();
    await t.ok(ownerKey, UPDATE, { input: { country: 'FR', vatNumber: 'FR12345678901', legalName: 'Voix SARL' } });
    const before = await profileOf(ownerKey);
    expectError(await t.graphql(ownerKey, UPDATE, { input: { country: 'US', legalName: 'Renamed Inc' } }), 'BAD_USER_INPUT', 'vatNumber');
    expectError(await t.graphql(ownerKey, UPDATE, { input: { vatNumber: 'FR123', city: 'Lyon' } }), 'BAD_USER_INPUT', 'vatNumber');
    expectError(await t.graphql(ownerKey, UPDATE, { input: { email: 'not an address', city: 'Lyon' } }), 'BAD_USER_INPUT', 'email');
    expect(await profileOf(ownerKey)).toEqual(before);
  });

  it.each(['legalName', 'addressLine1', 'addressLine2', 'city', 'postalCode'])(
    'caps %s at billingProfileTextLengthMax characters: N is stored, N+1 is refused and changes nothing',
    async (field) => {
      const limit = t.config.billingProfileTextLengthMax;
      expect(limit).toBe(200);
      const { ownerKey } = await t.createAccount();
      // Characters, not bytes or UTF-16 units: 'ü' and an emoji count as one each.
      const longest = `${'ü'.repeat(limit - 1)}😀`;
      await t.ok(ownerKey, UPDATE, { input: { [field]: longest } });
      expect((await profileOf(ownerKey))[field]).toBe(longest);
      const refused = await t.graphql(ownerKey, UPDATE, { input: { [field]: `${longest}x`, country: 'GB' } });
      expectError(refused, 'BAD_USER_INPUT', field);
      const after = await profileOf(ownerKey);
      expect(after[field]).toBe(longest);
      expect(after.country).toBeNull();
    },
  );

  it('is refused to campaign managers and integrators (FORBIDDEN)', async () => {
    const { accountId, ownerKey } = await t.createAccount();
    for (const role of ['CAMPAIGN_MANAGER', 'INTEGRATOR']) {
      const key = await t.createKey(accountId, role);
      expectError(await t.graphql(key.secret, UPDATE, { input: { legalName: 'Not mine' } }), 'FORBIDDEN');
    }
    expect((await profileOf(ownerKey)).legalName).toBeNull();
  });
});

describe('taxPreview', () => {
  it.each([
    { name: 'Germany without a VAT number: 19% VAT', profile: { country: 'DE' }, treatment: 'EU_VAT', accepted: null },
    {
      name: 'Germany with a valid VAT number: reverse charge',
      profile: { country: 'DE', vatNumber: 'DE 123 456 789' },
      treatment: 'EU_REVERSE_CHARGE',
      accepted: true,
    },
    {
      name: 'France with a valid VAT number: reverse charge',
      profile: { country: 'FR', vatNumber: 'FR12345678901' },
      treatment: 'EU_REVERSE_CHARGE',
      accepted: true,
    },
    {
      name: 'Greece with an EL number: reverse charge',
      profile: { country: 'GR', vatNumber: 'EL123456789' },
      treatment: 'EU_REVERSE_CHARGE',
      accepted: true,
    },
    { name: 'United Kingdom: 20% VAT', profile: { country: 'GB' }, treatment: 'UK_VAT', accepted: null },
    { name: 'US, California: 7.25%', profile: { country: 'US', state: 'CA' }, treatment: 'US_SALES_TAX', accepted: null },
    { name: 'US, Oregon: none', profile: { country: 'US', state: 'OR' }, treatment: 'NONE', accepted: null },
    { name: 'Japan: none', profile: { country: 'JP' }, treatment: 'NONE', accepted: null },
  ])('$name: the preview is what quoteTopUp charges once the profile is saved', async ({ profile, treatment, accepted }) => {
    const { walletId, ownerKey } = await t.createAccount();
    const preview = (await t.ok(ownerKey, PREVIEW, { amount: '123', ...profile })).taxPreview;
    expect(preview.taxTreatment).toBe(treatment);
    expect(preview.vatNumberAccepted).toBe(accepted);
    await t.ok(ownerKey, UPDATE, { input: profile });
    const quote = (await t.ok(ownerKey, QUOTE, { walletId, amount: '123' })).quoteTopUp;
    expect(preview).toMatchObject({
      amount: quote.amount,
      tax: quote.tax,
      total: quote.total,
      taxRate: quote.taxRate,
      taxTreatment: quote.taxTreatment,
      taxLabel: quote.taxLabel,
    });
    if (treatment === 'EU_REVERSE_CHARGE') expect(quote.tax).toBe('0');
  });

  it('charges VAT when the number does not fit the country, and says the number was not accepted', async () => {
    const { ownerKey } = await t.createAccount();
    const preview = (await t.ok(ownerKey, PREVIEW, { amount: '100', country: 'DE', vatNumber: 'FR12345678901' })).taxPreview;
    expect(preview).toMatchObject({ taxTreatment: 'EU_VAT', tax: '19', total: '119', vatNumber: null, vatNumberAccepted: false });
  });

  it('stores nothing', async () => {
    const { ownerKey } = await t.createAccount();
    await t.ok(ownerKey, PREVIEW, { amount: '100', country: 'DE', vatNumber: 'DE123456789' });
    expect(await profileOf(ownerKey)).toMatchObject({ country: null, vatNumber: null });
  });

  it('takes amounts from 0 up to topUpAmountMicrosMax; below or above is BAD_USER_INPUT on amount', async () => {
    const { ownerKey } = await t.createAccount();
    const largest = (t.config.topUpAmountMicrosMax / 1_000_000n).toString();
    expect((await t.ok(ownerKey, PREVIEW, { amount: '0', country: 'GB' })).taxPreview.total).toBe('0');
    expect((await t.ok(ownerKey, PREVIEW, { amount: largest, country: 'JP' })).taxPreview.total).toBe(largest);
    expectError(await t.graphql(ownerKey, PREVIEW, { amount: `${largest}.000001`, country: 'JP' }), 'BAD_USER_INPUT', 'amount');
    expectError(await t.graphql(ownerKey, PREVIEW, { amount: '-1', country: 'JP' }), 'BAD_USER_INPUT', 'amount');
  });

  it('is for those who may change the profile: FORBIDDEN to campaign managers', async () => {
    const { accountId } = await t.createAccount();
    const key = await t.createKey(accountId, 'CAMPAIGN_MANAGER');
    expectError(await t.graphql(key.secret, PREVIEW, { amount: '100', country: 'DE' }), 'FORBIDDEN');
  });
});

describe('euCountries', () => {
  it('lists the 27 EU member states by code with their names, the same the tax preview charges EU VAT for', async () => {
    const { ownerKey } = await t.createAccount();
    const countries: { code: string; name: string }[] = (await t.ok(ownerKey, '{ euCountries { code name } }')).euCountries;
    expect(countries).toHaveLength(27);
    expect(countries.map((country) => country.code)).toEqual([...countries.map((country) => country.code)].sort());
    expect(countries).toContainEqual({ code: 'GR', name: 'Greece' });
    expect(countries.some((country) => country.code === 'GB')).toBe(false);
    for (const code of ['DE', 'GR', 'SE']) {
      const preview = (await t.ok(ownerKey, PREVIEW, { amount: '100', country: code })).taxPreview;
      expect(preview.taxTreatment).toBe('EU_VAT');
    }
  });
});
