import { formatMoney } from '../wallets/money.js';

/**
 * An amount as people read it in a message: at least two decimals, every significant micro kept
 * (never rounded), then the currency code: `5.00 USD`, `4.99 USD`, `0.0085 USD`, `-3.50 EUR`.
 */
export function displayMoney(micros: bigint, currency: string): string {
  const canonical = formatMoney(micros);
  const [whole, fraction = ''] = canonical.split('.');
  return `${whole}.${fraction.padEnd(2, '0')} ${currency.trim()}`;
}
