/** How cards read on screen: brand names, masked numbers and expiry dates. */

/** Brand names for Stripe's `card.brand` values; others are capitalised as they come. */
const CARD_BRAND_NAMES: Readonly<Record<string, string>> = {
  visa: 'Visa',
  mastercard: 'Mastercard',
  amex: 'American Express',
  discover: 'Discover',
  diners: 'Diners Club',
  jcb: 'JCB',
  unionpay: 'UnionPay',
  cartes_bancaires: 'Cartes Bancaires',
  eftpos_au: 'eftpos Australia',
  link: 'Link',
};

/** "visa" → "Visa", "amex" → "American Express", "newbrand" → "Newbrand", null → "Card". */
export function cardBrandName(brand: string | null): string {
  const key = brand?.trim().toLowerCase() ?? '';
  if (key === '' || key === 'unknown') return 'Card';
  return CARD_BRAND_NAMES[key] ?? key.charAt(0).toUpperCase() + key.slice(1).replace(/_/g, ' ');
}

/** ("visa", "4242") → "Visa •••• 4242"; without the last 4 digits just the brand. */
export function cardLabel(brand: string | null, last4: string | null): string {
  const name = cardBrandName(brand);
  return last4 ? `${name} •••• ${last4}` : name;
}

/** (4, 2031) → "04/2031". */
export function cardExpiry(expMonth: number, expYear: number): string {
  return `${String(expMonth).padStart(2, '0')}/${expYear}`;
}

/** A saved card as a payment choice: "Visa •••• 4242, expires 04/2031 (default)". */
export function savedCardLabel(card: { brand: string; last4: string; expMonth: number; expYear: number; isDefault: boolean }): string {
  return `${cardLabel(card.brand, card.last4)}, expires ${cardExpiry(card.expMonth, card.expYear)}${card.isDefault ? ' (default)' : ''}`;
}
