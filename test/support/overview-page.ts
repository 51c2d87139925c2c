// The Overview page's landmarks as its end-to-end tests find them, and its dollar amounts read back
// exactly: shared by the overview and journey tests.
import type { Locator, Page } from 'playwright-core';
import { moneyToMicros } from '../../client/src/utils/money.js';

/** The Overview's balance card. */
export function balances(page: Page): Locator {
  return page.getByRole('region', { name: 'Balances' });
}

/** The burn-rate and time-to-empty card. */
export function burnCard(page: Page): Locator {
  return page.getByRole('region', { name: 'Burn rate and time to empty' });
}

/** The banner shown when calls were stopped for lack of funds. */
export function callsStoppedBanner(page: Page): Locator {
  return page.getByRole('alert', { name: 'Calls stopped for lack of funds' });
}

/** The low-balance banner. */
export function lowBalanceBanner(page: Page): Locator {
  return page.getByRole('status', { name: 'Low balance' });
}

/** "$0.95" or "$1,234.50" as micro-units, exactly (no float). @throws for anything else. */
export function usdMicros(text: string): bigint {
  const match = /^\$([0-9,]+(?:\.[0-9]{1,6})?)$/.exec(text.trim());
  if (!match) throw new Error(`Not a dollar amount: ${JSON.stringify(text)}`);
  return moneyToMicros(match[1]!.replace(/,/g, ''));
}
