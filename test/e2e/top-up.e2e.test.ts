// Goal: an account owner tops up a wallet from the "Top up" card of the dashboard's Top up page and sees what a customer should: the checkout summary, a receipt, the balance moving by itself, the simulated 3-D Secure challenge answered both ways, and a decline with its reason. Method: the real server (payment jobs on, so the sandbox's webhooks are applied by themselves) on a fresh database, the built dashboard in Debian's Chromium driven through roles and labels, then the ledger invariants and the balance over GraphQL.
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ensureClientBuilt, newPage, openBrowser, saveScreenshot, waitForText, type BrowserPage, definitionOf } from '../support/browser.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** Prefix of this file's screenshots in test-artifacts/e2e/. */
const SCREENSHOT_PREFIX = 'top-up';

/** How a receipt number reads: SW-<year>-<8 digits>. */
const RECEIPT_NUMBER_PATTERN = /SW-\d{4}-\d{8}/;

let t: TestApp;
let browser: Browser;
let session: BrowserPage;
let account: { accountId: string; walletId: string; ownerKey: string };

beforeAll(async () => {
  await ensureClientBuilt();
  t = await startTestApp({ paymentsEnabled: true, billingClockEnabled: false });
  account = await t.createAccount('E2E Top-up Account');
  browser = await openBrowser();
  session = await newPage(browser);
}, 120_000);

afterAll(async () => {
  await session?.close();
  await browser?.close();
  await t?.close();
});

beforeEach(({ task, onTestFailed }) => {
  onTestFailed(async () => {
    if (session === undefined) return;
    await saveScreenshot(session.page, SCREENSHOT_PREFIX, `failed-${task.name}`).catch(() => undefined);
    if (session.errors.length > 0) console.error(`Browser errors during "${task.name}":\n${session.errors.join('\n')}`);
  });
});


/** The balance card's "Balance" figure. */
function balanceFigure(page: Page): Locator {
  return definitionOf(page.getByRole('region', { name: 'Balances' }), 'Balance');
}

/** Follows a link of the dashboard's "Sections" navigation and waits for its path. */
async function goToSection(page: Page, label: string, path: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: label, exact: true }).click();
  await page.waitForURL((url) => url.pathname === path);
}

/** The "Top up" card (on the Top up page, beside the balance). */
function topUpCard(page: Page): Locator {
  return page.getByRole('region', { name: 'Top up', exact: true });
}

/** A payment to make through the form: the quick pick, the sandbox test card and whether to save it. */
interface PaymentForm {
  /** The quick pick's label, e.g. "$25.00". */
  quickPick: string;
  testCardId: string;
  save: boolean;
}

/**
 * Fills the checkout form: the quick pick (then its summary shows that amount as the total: these
 * accounts have no billing country, hence no tax), "New card", the test card and "save".
 * @returns the Pay button, ready to click.
 */
async function fillCheckout(page: Page, form: PaymentForm): Promise<Locator> {
  const card = topUpCard(page);
  await card.getByRole('group', { name: 'Quick picks' }).getByRole('button', { name: form.quickPick, exact: true }).click();
  await card.getByRole('group', { name: 'Quick picks' }).getByRole('button', { name: form.quickPick, exact: true, pressed: true }).waitFor();
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
async function startPayToBalanceTimer(page: Page, expected: string): Promise<void> {
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
async function payToBalanceMs(page: Page): Promise<number> {
  const state = await page.evaluate(() => (globalThis as any).__payToBalance as { submitMs: number | null; changeMs: number | null } | undefined);
  if (state === undefined) throw new Error('The page lost its timer: it was reloaded or navigated away.');
  if (state.submitMs === null || state.changeMs === null) throw new Error(`The timer did not see both the Pay click and the balance change: ${JSON.stringify(state)}`);
  return state.changeMs - state.submitMs;
}

/** Waits for the receipt of a successful payment of `amount` and returns its number. */
async function expectReceipt(page: Page, amount: string, card: string): Promise<string> {
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

/** The wallet's balance as the API has it. */
async function apiBalance(): Promise<string> {
  const data = await t.ok(account.ownerKey, `query($id: ID!) { wallet(id: $id) { balance } }`, { id: account.walletId });
  return data.wallet.balance;
}

describe('dashboard: top up a wallet by card (sandbox)', () => {
  it('signs in with the API key, opens the Top up page and shows a balance of 0', async () => {
    const { page } = session;
    await page.goto(`${t.url}/`);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    // E-mail and password come first; integrators switch to the key.
    await page.getByRole('button', { name: 'Use an API key instead' }).click();
    await page.getByLabel('API key', { exact: true }).fill(account.ownerKey);
    await page.getByRole('button', { name: 'Use key' }).click();
    await page.getByRole('heading', { name: 'E2E Top-up Account' }).waitFor();
    await goToSection(page, 'Top up', '/top-up');
    await waitForText(balanceFigure(page), '$0.00');
    await topUpCard(page).getByRole('button', { name: /^Pay/ }).waitFor();
    await saveScreenshot(page, SCREENSHOT_PREFIX, '01-signed-in');
  });

  it('pays $25 with a new Visa saved for later: receipt, and the balance moves without a reload', async () => {
    const { page } = session;
    const pay = await fillCheckout(page, { quickPick: '$25.00', testCardId: 'pm_card_visa', save: true });
    await saveScreenshot(page, SCREENSHOT_PREFIX, '02-visa-checkout');

    await startPayToBalanceTimer(page, '$25.00');
    await pay.click();
    await waitForText(balanceFigure(page), '$25.00');
    const latencyMs = await payToBalanceMs(page);
    console.log(`Pay → balance on the page (Visa, $25): ${latencyMs.toFixed(0)} ms`);

    const receiptNumber = await expectReceipt(page, '$25.00', 'Visa •••• 4242');
    await saveScreenshot(page, SCREENSHOT_PREFIX, '03-visa-receipt');
    expect(receiptNumber).toMatch(RECEIPT_NUMBER_PATTERN);
    // The saved card is listed, and picked first, once the form is back.
    await topUpCard(page).getByRole('button', { name: 'Top up again' }).click();
    await topUpCard(page)
      .getByRole('radio', { name: /^Visa •••• 4242, expires \d{2}\/\d{4} \(default\)$/ })
      .and(page.getByRole('radio', { checked: true }))
      .waitFor();
    expect(await apiBalance()).toBe('25');
  });

  it('3-D Secure: Complete credits the wallet; Fail shows why and leaves the balance alone', async () => {
    const { page } = session;
    const card = topUpCard(page);
    const challenge = page.getByRole('dialog', { name: 'Your bank asks you to confirm this payment' });

    let pay = await fillCheckout(page, { quickPick: '$50.00', testCardId: 'pm_card_authenticationRequired', save: false });
    await pay.click();
    await challenge.waitFor();
    await card.getByText('Waiting for your bank to confirm $50.00 with Visa •••• 3184.', { exact: true }).waitFor();
    await saveScreenshot(page, SCREENSHOT_PREFIX, '04-3ds-challenge');
    const completedAtMs = performance.now();
    await challenge.getByRole('button', { name: 'Complete' }).click();
    await challenge.waitFor({ state: 'hidden' });
    await waitForText(balanceFigure(page), '$75.00');
    console.log(`3-D Secure Complete → balance on the page: ${(performance.now() - completedAtMs).toFixed(0)} ms (seen from the test, polling included)`);
    await expectReceipt(page, '$50.00', 'Visa •••• 3184');
    await saveScreenshot(page, SCREENSHOT_PREFIX, '05-3ds-completed');

    await card.getByRole('button', { name: 'Top up again' }).click();
    pay = await fillCheckout(page, { quickPick: '$10.00', testCardId: 'pm_card_authenticationRequired', save: false });
    await pay.click();
    await challenge.waitFor();
    await challenge.getByRole('button', { name: 'Fail' }).click();
    await challenge.waitFor({ state: 'hidden' });
    const failure = card.getByRole('alert').filter({ hasText: 'Payment failed' });
    await failure.waitFor();
    const reason = (await failure.locator('.notice__detail').first().textContent())?.trim() ?? '';
    console.log(`3-D Secure failed, reason shown: "${reason}"`);
    expect(reason).not.toBe('');
    await failure.getByText('Nothing was added to the wallet.').waitFor();
    await failure.getByRole('button', { name: 'Try another card' }).waitFor();
    await saveScreenshot(page, SCREENSHOT_PREFIX, '06-3ds-failed');
    expect(await balanceFigure(page).textContent()).toBe('$75.00');
    expect(await apiBalance()).toBe('75');
  });

  it('a declined card shows the decline and offers another card', async () => {
    const { page } = session;
    const card = topUpCard(page);
    await card.getByRole('button', { name: 'Try another card' }).click();
    const pay = await fillCheckout(page, { quickPick: '$100.00', testCardId: 'pm_card_chargeDeclined', save: false });
    await pay.click();
    const failure = card.getByRole('alert').filter({ hasText: 'Payment failed' });
    await failure.waitFor();
    await failure.getByText(/declined/i).first().waitFor();
    const reason = (await failure.locator('.notice__detail').first().textContent())?.trim() ?? '';
    console.log(`Declined card, reason shown: "${reason}"`);
    expect(reason).toMatch(/declined/i);
    await failure.getByRole('button', { name: 'Try another card' }).waitFor();
    await saveScreenshot(page, SCREENSHOT_PREFIX, '07-declined');
    expect(await balanceFigure(page).textContent()).toBe('$75.00');
  });

  it('leaves the ledger consistent, and the page shows the balance the API has', async () => {
    await t.assertLedger();
    const balance = await apiBalance();
    expect(balance).toBe('75');
    expect(await balanceFigure(session.page).textContent()).toBe('$75.00');
    expect(session.errors.filter((error) => error.startsWith('pageerror'))).toEqual([]);
  });
});
