// Goal: when support approves a refund request and the refund to the card fails, the console's Refund requests queue shows it as
// "Refund failed" with what did not reach the card and the provider's reason and a Retry button, the alert feed shows the failure,
// the owner's Billing card says the credit is back; a confirmed retry (the card accepting now) refunds it and empties the queue; the
// queue fits desktop (1280×800) and phone (390×844) with no horizontal scroll. Method: the real server on a fresh database with the
// loopback Stripe sandbox made to fail refunds (`failRefunds`), a card top-up settled through the real webhook, the built dashboard in
// Debian's Chromium with one browser context per person, driven through roles and labels, screenshots of each state.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { goToSection, saveScreenshot, type BrowserPage } from '../support/browser.js';
import { accountE2eFile, DESKTOP, expectNoHorizontalScroll, PHONE } from '../support/e2e-presets.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const SCREENSHOT_PREFIX = 'refund-request-failures';
const ACCOUNT_NAME = 'E2E Failed Refund Account';
const OWNER = { email: 'fiona.failed@example.com', name: 'Fiona Owner', password: 'my card was replaced' };
const SUPPORT = { email: 'ray.retry@example.com', name: 'Ray Support', password: 'support retries refunds' };

const e2e = accountE2eFile(SCREENSHOT_PREFIX, {
  start: () => startTestApp({ billingClockEnabled: false }),
  account: ACCOUNT_NAME,
  owner: OWNER,
  support: SUPPORT,
  cardTopUp: '100',
});
let t: TestApp;
let owner: BrowserPage;
let staff: BrowserPage;
let account: { accountId: string; walletId: string; ownerKey: string };

beforeAll(async () => {
  t = e2e.t;
  account = e2e.account;
  await t.ok(account.ownerKey, 'mutation($input: RequestRefundInput!) { requestRefund(input: $input) { refundRequest { id } } }', {
    input: { walletId: account.walletId, amount: '40', reason: 'Closing the campaign' },
  });
  owner = await e2e.open({ viewport: DESKTOP });
  staff = await e2e.open({ viewport: DESKTOP });
}, 120_000);

// Runs before e2eFile's clean-up (after-hooks run last registered first): the server is still up.
afterAll(async () => {
  t?.app.stripeSandbox?.failRefunds(null);
  await t?.assertLedger();
});

function region(page: Page, name: string) {
  return page.getByRole('region', { name, exact: true });
}

async function balance(): Promise<string> {
  return (await t.ok(account.ownerKey, 'query($id: ID!) { wallet(id: $id) { balance } }', { id: account.walletId })).wallet.balance;
}

describe('a refund that fails after approval', () => {
  it('support approves; the card refuses; the queue shows it FAILED with the reason and a Retry button', async () => {
    t.app.stripeSandbox!.failRefunds('expired_or_canceled_card');
    const { page } = staff;
    await e2e.signInAsSupport(page);
    await page.getByRole('heading', { name: 'Support console' }).waitFor();
    await page.getByRole('navigation', { name: 'Support sections' }).getByRole('link', { name: 'Refund requests' }).click();
    await page.waitForURL((url) => url.pathname === '/support/refund-requests');
    const queue = region(page, 'Refund requests');
    const row = queue.getByRole('row', { name: new RegExp(ACCOUNT_NAME) });
    await row.getByRole('button', { name: 'Approve' }).click();
    await page
      .getByRole('dialog', { name: `Refund $40.00 to ${ACCOUNT_NAME}?` })
      .getByRole('button', { name: 'Refund $40.00' })
      .click();
    await queue.getByRole('status').getByText(`the refund of $40.00 to ${ACCOUNT_NAME}'s card failed`, { exact: false }).waitFor();
    await row.locator('td[data-label="Status"] .status').getByText('Refund failed').waitFor();
    await row.getByText('$40.00 could not be paid to the card (expired or canceled card)', { exact: false }).waitFor();
    await row.getByRole('button', { name: 'Retry refund' }).waitFor();
    expect(await balance()).toBe('100');
    await expectNoHorizontalScroll(page, DESKTOP.width);
    await saveScreenshot(page, SCREENSHOT_PREFIX, '01-desktop-queue-failed');

    await page.getByRole('navigation', { name: 'Support sections' }).getByRole('link', { name: 'Alerts' }).click();
    const alert = region(page, 'Alert feed').getByRole('listitem').filter({ hasText: 'Refund to card failed' });
    await alert.getByText('expired_or_canceled_card', { exact: false }).waitFor();
    await saveScreenshot(page, SCREENSHOT_PREFIX, '02-desktop-alert-feed');
  });

  it('the owner sees on the Billing page that the credit is back', async () => {
    const { page } = owner;
    await e2e.signInAsOwner(page);
    await goToSection(page, 'Billing', '/billing');
    const card = region(page, 'Refund of unused credit');
    await card.getByText('the credit is back in the wallet', { exact: false }).first().waitFor();
    await card.getByRole('row', { name: /Refund failed/ }).waitFor();
    await expectNoHorizontalScroll(page, DESKTOP.width);
    await saveScreenshot(page, SCREENSHOT_PREFIX, '03-desktop-owner-billing');
  });

  it('at phone size the failed row reads as a card with its Retry button in view', async () => {
    const phone = await e2e.open({ viewport: PHONE });
    await e2e.signInAsSupport(phone.page, '/support/refund-requests');
    const row = region(phone.page, 'Refund requests').getByRole('row', { name: new RegExp(ACCOUNT_NAME) });
    await row.getByRole('button', { name: 'Retry refund' }).waitFor();
    await expectNoHorizontalScroll(phone.page, PHONE.width);
    const box = await row.getByRole('button', { name: 'Retry refund' }).boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(PHONE.width);
    await saveScreenshot(phone.page, SCREENSHOT_PREFIX, '04-phone-queue-failed');
  });

  it('support retries after a confirmation once the card accepts: refunded once, the queue is empty', async () => {
    t.app.stripeSandbox!.failRefunds(null);
    const { page } = staff;
    await page.getByRole('navigation', { name: 'Support sections' }).getByRole('link', { name: 'Refund requests' }).click();
    const queue = region(page, 'Refund requests');
    await queue
      .getByRole('row', { name: new RegExp(ACCOUNT_NAME) })
      .getByRole('button', { name: 'Retry refund' })
      .click();
    const dialog = page.getByRole('dialog', { name: `Retry the refund of $40.00 to ${ACCOUNT_NAME}?` });
    await dialog.waitFor();
    await saveScreenshot(page, SCREENSHOT_PREFIX, '05-desktop-retry-confirm');
    await dialog.getByRole('button', { name: 'Retry $40.00' }).click();
    await queue.getByRole('status').getByText(`Retried: $40.00 refunded to ${ACCOUNT_NAME}'s card.`).waitFor();
    await queue.getByText('No refund requests are waiting.').waitFor();
    expect(await balance()).toBe('60');
    await saveScreenshot(page, SCREENSHOT_PREFIX, '06-desktop-queue-empty');
  });
});
