import { formatMoneyForPeople } from '../wallets/money.js';

/**
 * An amount as people read it in a message: `5.00 USD`, `4.99 USD`, `0.0085 USD`, `-3.50 EUR`.
 * The one formatter is `formatMoneyForPeople` (wallets/money.ts); this name stays for its callers.
 */
export function displayMoney(micros: bigint, currency: string): string {
  return formatMoneyForPeople(micros, currency, 'code');
}
