// The dashboard's Top up page as the end-to-end tests drive it: the checkout form with a sandbox
// test card, a page-side clock from Pay to the balance moving, and the receipt of a payment.
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { definitionOf, waitForText } from './browser.js';

/** How a receipt number reads: SW-<year>-<8 digits>. */
export const RECEIPT_NUMBER_PATTERN = /SW-\d{4}-\d{8}/;

/** The balance card's "Balance" figure (the Top up page and the Overview both have the card). */
export function balanceFigure(page: Page): Locator {
  return definitionOf(page.getByRole('region', { name: 'Balances' }), 'Balance');
}

/** The "Top up" card (on the Top up page, beside the balance). */
export function topUpCard(page: Page): Locator {
  return page.getByRole('region', { name: 'Top up', exact: true });
}

/** The sandbox's simulated 3-D Secure challenge. */
export function threeDSecureChallenge(page: Page): Locator {
  return page.getByRole('dialog', { name: 'Your bank asks you to confirm this payment' });
}

/** A payment to make through the form: the quick pick, the sandbox test card and whether to save it. */
export interface PaymentForm {
  /** The quick pick's label, e.g. "$25.00". */
  quickPick: string;
  /** A sandbox test card, e.g. `pm_card_visa` or `pm_card_authenticationRequired`. */
  testCardId: string;
  save: boolean;
}

/**
 * Fills the checkout form: the quick pick (then its summary shows that amount as the total: the
 * tests' accounts have no billing country, hence no tax), "New card", the test card and "save".
 * @returns the Pay button, ready to click.
 */
export async function fillCheckout(page: Page, form: PaymentForm): Promise<Locator> {
  const card = topUpCard(page);
  await card.getByRole('group', { name: 'Quick picks' }).getByRole('button', { name: form.quickPick, exact: true }).click();
  await card
    .getByRole('group', { name: 'Quick picks' })
    .getByRole('button', { name: form.quickPick, exact: true, pressed: true })
    .waitFor();
  const summary = card.getByRole('region', { name: 'Checkout summary' });
  await waitForText(definitionOf(summary, 'Amount'), form.quickPick);
  await waitForText(definitionOf(summary, 'Total charged to the card'), form.quickPick);

  const methods = card.getByRole('group', { name: 'Payment method' });
  // Saved cards load on their own: wait for them so the default pick does not change under the click.
  await methods.getByText('Loading saved cards…').waitFor({ state: 'hidden' });
  await methods.getByRole('radio', { name: 'New card', exact: true }).check();
  await methods.getByLabel('Test card', { exact: true }).selectOption(form.testCardId);
  await methods.getByLabel('Save this card for future payments').setChecked(form.save);
  return card.getByRole('button', { name: `Pay ${form.quickPick}`, exact: true });
}

/**
 * Starts a clock in the page: from the "Top up" form's submit (the Pay click) to the Balance
 * figure first reading `expected`, both on the page's own `performance.now()`, so neither the
 * test's polling nor the DevTools round trips are counted. Read it with {@link payToBalanceMs}.
 */
export async function startPayToBalanceTimer(page: Page, expected: string): Promise<void> {
  const balance = await balanceFigure(page).elementHandle();
  const form = await topUpCard(page).getByRole('form', { name: 'Top up' }).elementHandle();
  // The callbacks run in the page; this project's tsconfig has no DOM library, hence `any`.
  await page.evaluate(
    ([balanceElement, formElement, expectedText]: [any, any, string]) => {
      const page = globalThis as any;
      const state: { submitMs: number | null; changeMs: number | null } = { submitMs: null, changeMs: null };
      page.__payToBalance = state;
      formElement.addEventListener('submit', () => (state.submitMs ??= page.performance.now()), { capture: true, once: true });
      const observer = new page.MutationObserver(() => {
        if (state.submitMs !== null && balanceElement.textContent.trim() === expectedText) {
          state.changeMs = page.performance.now();
          observer.disconnect();
        }
      });
      observer.observe(balanceElement, { childList: true, characterData: true, subtree: true });
    },
    [balance, form, expected] as [unknown, unknown, string],
  );
  await balance?.dispose();
  await form?.dispose();
}

/**
 * The page's measure of {@link startPayToBalanceTimer}, in ms.
 * @throws when the page lost the timer: it was reloaded or navigated away.
 */
export async function payToBalanceMs(page: Page): Promise<number> {
  const state = await page.evaluate(
    () => (globalThis as any).__payToBalance as { submitMs: number | null; changeMs: number | null } | undefined,
  );
  if (state === undefined) throw new Error('The page lost its timer: it was reloaded or navigated away.');
  if (state.submitMs === null || state.changeMs === null)
    throw new Error(`The timer did not see both the Pay click and the balance change: ${JSON.stringify(state)}`);
  return state.changeMs - state.submitMs;
}

/** Waits for the receipt of a successful payment of `amount` with `card` ("Visa •••• 4242") and returns its number. */
export async function expectReceipt(page: Page, amount: string, card: string): Promise<string> {
  const topUp = topUpCard(page);
  await topUp.getByText(`Payment complete: ${amount} added to the wallet.`, { exact: true }).waitFor();
  const receipt = topUp.getByRole('region', { name: 'Receipt' });
  const receiptNumber = await waitForText(definitionOf(receipt, 'Receipt number'), RECEIPT_NUMBER_PATTERN);
  expect(receiptNumber).toMatch(new RegExp(`^${RECEIPT_NUMBER_PATTERN.source}$`));
  await waitForText(definitionOf(receipt, 'Amount credited'), amount);
  await waitForText(definitionOf(receipt, 'Total charged'), amount);
  await waitForText(definitionOf(receipt, 'Card'), card);
  return receiptNumber;
}
