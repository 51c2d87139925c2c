/** The Billing page's pure logic: the profile form's fields, what it sends, and how the tax preview reads. */

/** The profile's editable fields, as strings in the form ("" = unset). */
export interface BillingForm {
  legalName: string;
  addressLine1: string;
  addressLine2: string;
  city: string;
  postalCode: string;
  country: string;
  state: string;
  vatNumber: string;
  email: string;
}

/** Every field of {@link BillingForm}, in the order the form shows them (the server's `extensions.field` names). */
export const BILLING_FORM_FIELDS = [
  'legalName',
  'addressLine1',
  'addressLine2',
  'city',
  'postalCode',
  'country',
  'state',
  'vatNumber',
  'email',
] as const satisfies readonly (keyof BillingForm)[];

/** Longest legal name or address field, in characters (the server's billingProfileTextLengthMax default). */
export const BILLING_TEXT_LENGTH_MAX = 200;

/** The amount the tax preview is worked out on, in the wallet's currency: a round figure people read at a glance. */
export const TAX_PREVIEW_AMOUNT = '100';

/** How long the form waits after the last keystroke before it asks for a new tax preview, in milliseconds. */
export const TAX_PREVIEW_DEBOUNCE_MS = 300;

/** A stored profile (nulls for unset fields). */
export type StoredBillingProfile = { [Field in keyof BillingForm]: string | null };

/** The form filled from the stored profile. */
export function formOf(profile: StoredBillingProfile): BillingForm {
  const form = {} as BillingForm;
  for (const field of BILLING_FORM_FIELDS) form[field] = profile[field] ?? '';
  return form;
}

/**
 * What `updateBillingProfile` is sent: every field, trimmed, blank as null (which clears it), so
 * the stored profile becomes exactly the form. The state is sent only for the United States (the
 * field is hidden otherwise) and the VAT number only for an EU country.
 */
export function inputOf(form: BillingForm, euCountries: readonly Country[]): StoredBillingProfile {
  const input = {} as StoredBillingProfile;
  for (const field of BILLING_FORM_FIELDS) input[field] = form[field].trim() || null;
  const country = normalizeCountry(form.country);
  if (country !== 'US') input.state = null;
  if (!isEuCountry(country, euCountries)) input.vatNumber = null;
  return input;
}

/** Whether the form differs from the stored profile (after trimming). */
export function isChanged(form: BillingForm, profile: StoredBillingProfile, euCountries: readonly Country[]): boolean {
  const sent = inputOf(form, euCountries);
  return BILLING_FORM_FIELDS.some((field) => (sent[field] ?? null) !== (profile[field] ?? null));
}

/** The country code as the server reads it: upper case, 'UK' as 'GB'. */
export function normalizeCountry(country: string): string {
  const code = country.trim().toUpperCase();
  return code === 'UK' ? 'GB' : code;
}

/** A country as the API names it (`euCountries`). */
export interface Country {
  code: string;
  name: string;
}

/**
 * Countries offered as suggestions in the country field: the UK, the US, then the EU's member
 * states (the server's list, `euCountries`: the dashboard keeps no copy of its own), by name.
 */
export function suggestedCountries(euCountries: readonly Country[]): Country[] {
  return [
    { code: 'GB', name: 'United Kingdom' },
    { code: 'US', name: 'United States' },
    ...[...euCountries].sort((left, right) => left.name.localeCompare(right.name)),
  ];
}

/** True for an EU member state's code (upper case), of the server's list. */
export function isEuCountry(country: string, euCountries: readonly Country[]): boolean {
  return euCountries.some((candidate) => candidate.code === country);
}

/** The server's tax preview, as the form shows it. */
export interface TaxPreviewFigures {
  taxTreatment: string;
  taxLabel: string;
  vatNumberAccepted: boolean | null;
}

/**
 * A sentence under the preview saying why, in the words of the billing FAQ: UK customers pay 20%
 * VAT; EU customers pay their country's VAT unless a valid VAT number is entered (reverse charge:
 * the business accounts for the VAT itself); US customers pay their state's sales tax where it is
 * collected; everyone else pays none.
 */
export function taxExplanation(preview: TaxPreviewFigures, vatNumberGiven: boolean): string {
  switch (preview.taxTreatment) {
    case 'EU_REVERSE_CHARGE':
      return 'No VAT is charged: with a valid EU VAT number your business accounts for the VAT itself (reverse charge).';
    case 'EU_VAT':
      return preview.vatNumberAccepted === false || vatNumberGiven
        ? 'VAT is charged: this VAT number does not have a valid format for the country, so it does not exempt you (and cannot be saved).'
        : 'VAT of your EU country is charged. An EU business with a VAT number pays none: enter it to apply the reverse charge.';
    case 'UK_VAT':
      return 'UK customers pay UK VAT on every purchase.';
    case 'US_SALES_TAX':
      return 'Sales tax of your state is added, where we collect it.';
    default:
      return 'No tax is added for this billing address.';
  }
}
