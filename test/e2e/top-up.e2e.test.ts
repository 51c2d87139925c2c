// Goal: an account owner tops up a wallet from the "Top up" card of the dashboard's Top up page and sees what a customer should: the checkout summary, a receipt, the balance moving by itself, the simulated 3-D Secure challenge answered both ways, and a decline with its reason. Method: the real server (payment jobs on, so the sandbox's webhooks are applied by themselves) on a fresh database, the built dashboard in Debian's Chromium driven through roles and labels, then the ledger invariants and the balance over GraphQL.
import { beforeAll, describe, expect, it } from 'vitest';
import { goToSection, saveScreenshot, waitForText, type BrowserPage, e2eFile } from '../support/browser.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import {
  balanceFigure,
  expectReceipt,
  fillCheckout,
  payToBalanceMs,
  RECEIPT_NUMBER_PATTERN,
  startPayToBalanceTimer,
  threeDSecureChallenge,
  topUpCard,
} from '../support/top-up-page.js';

/** Prefix of this file's screenshots in test-artifacts/e2e/. */
const SCREENSHOT_PREFIX = 'top-up';

const e2e = e2eFile(SCREENSHOT_PREFIX, { start: () => startTestApp({ paymentsEnabled: true, billingClockEnabled: false }) });
let t: TestApp;
let session: BrowserPage;
let account: { accountId: string; walletId: string; ownerKey: string };

beforeAll(async () => {
  t = e2e.t;
  account = await t.createAccount('E2E Top-up Account');
  session = await e2e.open();
});

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
    const challenge = threeDSecureChallenge(page);

    let pay = await fillCheckout(page, { quickPick: '$50.00', testCardId: 'pm_card_authenticationRequired', save: false });
    await pay.click();
    await challenge.waitFor();
    await card.getByText('Waiting for your bank to confirm $50.00 with Visa •••• 3184.', { exact: true }).waitFor();
    await saveScreenshot(page, SCREENSHOT_PREFIX, '04-3ds-challenge');
    const completedAtMs = performance.now();
    await challenge.getByRole('button', { name: 'Complete' }).click();
    await challenge.waitFor({ state: 'hidden' });
    await waitForText(balanceFigure(page), '$75.00');
    console.log(
      `3-D Secure Complete → balance on the page: ${(performance.now() - completedAtMs).toFixed(0)} ms (seen from the test, polling included)`,
    );
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
    await failure
      .getByText(/declined/i)
      .first()
      .waitFor();
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
