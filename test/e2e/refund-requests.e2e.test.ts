// Goal: an owner asks for a refund of unused credit on the Billing page (the refundable amount shown), support approves it from the
// console's Refund requests queue (confirmed in a dialog), and the owner then sees the lower balance, the request approved, and both
// steps in their Audit log page (support shown as staff, never by name); the support account page shows the same log; every page fits
// desktop (1280×800) and phone (390×844) with no horizontal scroll. Method: the real server on a fresh database with the loopback Stripe
// sandbox, a card top-up settled through the real webhook, the built dashboard in Debian's Chromium with one browser context per
// person (owner and support user signed in by cookie; the sign-in page has its own tests), driven through roles and labels, screenshots of each step at both sizes.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { definitionOf, goToSection, saveScreenshot, waitForText, type BrowserPage } from '../support/browser.js';
import { accountE2eFile, DESKTOP, expectNoHorizontalScroll, PHONE } from '../support/e2e-presets.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const SCREENSHOT_PREFIX = 'refund-requests';
const ACCOUNT_NAME = 'E2E Refund Account';
const OWNER = { email: 'olga.refunds@example.com', name: 'Olga Owner', password: 'refund what is unused' };
const SUPPORT = { email: 'sid.support@example.com', name: 'Sid Support', password: 'support decides refunds' };

// 100 of paid card credit, settled from the sandbox's webhook.
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
let accountId: string;

beforeAll(async () => {
  t = e2e.t;
  accountId = e2e.account.accountId;
  owner = await e2e.open({ viewport: DESKTOP });
  staff = await e2e.open({ viewport: DESKTOP });
}, 120_000);

function region(page: Page, name: string) {
  return page.getByRole('region', { name, exact: true });
}

describe('refund requests and the audit log', () => {
  it('the owner sees the refundable credit on the Billing page and asks for a refund', async () => {
    const { page } = owner;
    await e2e.signInAsOwner(page);
    await goToSection(page, 'Billing', '/billing');
    const card = region(page, 'Refund of unused credit');
    await card.getByText('$100.00', { exact: true }).waitFor();
    await card.getByLabel('Amount (USD)', { exact: true }).fill('100.01');
    await card.getByRole('button', { name: 'Ask for a refund' }).click();
    await card.getByRole('alert').getByText('At most 100 USD', { exact: false }).waitFor();
    await card.getByLabel('Amount (USD)', { exact: true }).fill('40');
    await card.getByLabel('Reason (optional)', { exact: true }).fill('Campaign ended early');
    await card.getByRole('button', { name: 'Ask for a refund' }).click();
    await card.getByRole('status').getByText('is waiting for support', { exact: false }).waitFor();
    await card.getByRole('row', { name: /Pending/ }).waitFor();
    await expectNoHorizontalScroll(page, DESKTOP.width);
    await saveScreenshot(page, SCREENSHOT_PREFIX, '01-desktop-owner-requested');
  });

  it('support sees it in the Refund requests queue and approves it after a confirmation', async () => {
    const { page } = staff;
    await e2e.signInAsSupport(page);
    await page.getByRole('heading', { name: 'Support console' }).waitFor();
    await page.getByRole('navigation', { name: 'Support sections' }).getByRole('link', { name: 'Refund requests' }).click();
    await page.waitForURL((url) => url.pathname === '/support/refund-requests');
    const queue = region(page, 'Refund requests');
    const row = queue.getByRole('row', { name: new RegExp(ACCOUNT_NAME) });
    await row.getByText('Campaign ended early').waitFor();
    await saveScreenshot(page, SCREENSHOT_PREFIX, '02-desktop-support-queue');
    await row.getByRole('button', { name: 'Approve' }).click();
    const dialog = page.getByRole('dialog', { name: `Refund $40.00 to ${ACCOUNT_NAME}?` });
    await dialog.waitFor();
    await saveScreenshot(page, SCREENSHOT_PREFIX, '03-desktop-support-confirm');
    await dialog.getByRole('button', { name: 'Refund $40.00' }).click();
    await queue.getByRole('status').getByText(`Approved: $40.00 refunded to ${ACCOUNT_NAME}'s card.`).waitFor();
    await queue.getByText('No refund requests are waiting.').waitFor();
    await expectNoHorizontalScroll(page, DESKTOP.width);
  });

  it('the owner sees the lower balance, the request approved, and both steps in the Audit log', async () => {
    const { page } = owner;
    await goToSection(page, 'Overview', '/');
    await waitForText(definitionOf(page.getByLabel('Wallet in USD'), 'Balance'), '$60.00');
    await goToSection(page, 'Billing', '/billing');
    const card = region(page, 'Refund of unused credit');
    await card.getByRole('row', { name: /Approved/ }).waitFor();
    await card.getByText('$60.00', { exact: true }).waitFor();
    await saveScreenshot(page, SCREENSHOT_PREFIX, '04-desktop-owner-approved');

    await goToSection(page, 'Audit log', '/audit-log');
    const log = region(page, 'Audit log');
    const approved = log.getByRole('listitem').filter({ hasText: 'Refund request approved' });
    await approved.getByText('Spendwire support').waitFor();
    await approved.getByText('status: Pending → Approved', { exact: false }).waitFor();
    const requested = log.getByRole('listitem').filter({ hasText: 'Refund requested' });
    await requested.getByText(`${OWNER.name} <${OWNER.email}>`, { exact: false }).waitFor();
    await requested.getByText('from 127.0.0.1', { exact: false }).waitFor();
    expect(await log.getByText(SUPPORT.name).count()).toBe(0);
    await expectNoHorizontalScroll(page, DESKTOP.width);
    await saveScreenshot(page, SCREENSHOT_PREFIX, '05-desktop-owner-audit-log');
  });

  it('support sees the account audit log by name on the account page', async () => {
    const { page } = staff;
    await page.goto(`${t.url}/support/accounts/${accountId}`);
    const log = region(page, 'Account audit log');
    const approved = log.getByRole('listitem').filter({ hasText: 'Refund request approved' });
    await approved.getByText(`${SUPPORT.name} <${SUPPORT.email}> · staff`).waitFor();
    await saveScreenshot(page, SCREENSHOT_PREFIX, '06-desktop-support-account-log');
  });

  it('at phone size the Billing card, the queue and the Audit log read as cards, with no horizontal scroll', async () => {
    const phoneOwner = await e2e.open({ viewport: PHONE });
    const phoneStaff = await e2e.open({ viewport: PHONE });
    await e2e.signInAsOwner(phoneOwner.page, '/billing');
    await region(phoneOwner.page, 'Refund of unused credit')
      .getByRole('row', { name: /Approved/ })
      .waitFor();
    await expectNoHorizontalScroll(phoneOwner.page, PHONE.width);
    await saveScreenshot(phoneOwner.page, SCREENSHOT_PREFIX, '07-phone-owner-billing');
    await phoneOwner.page.goto(`${t.url}/audit-log`);
    await region(phoneOwner.page, 'Audit log').getByText('Refund request approved').waitFor();
    await expectNoHorizontalScroll(phoneOwner.page, PHONE.width);
    await saveScreenshot(phoneOwner.page, SCREENSHOT_PREFIX, '08-phone-owner-audit-log');

    // A second request, so the phone queue shows a row with its buttons.
    await region(phoneOwner.page, 'Audit log').waitFor();
    await phoneOwner.page.goto(`${t.url}/billing`);
    const card = region(phoneOwner.page, 'Refund of unused credit');
    await card.getByLabel('Amount (USD)', { exact: true }).fill('5');
    await card.getByRole('button', { name: 'Ask for a refund' }).click();
    await card.getByRole('status').getByText('is waiting for support', { exact: false }).waitFor();

    await e2e.signInAsSupport(phoneStaff.page, '/support/refund-requests');
    const row = region(phoneStaff.page, 'Refund requests').getByRole('row', { name: new RegExp(ACCOUNT_NAME) });
    await row.getByRole('button', { name: 'Decline' }).waitFor();
    await expectNoHorizontalScroll(phoneStaff.page, PHONE.width);
    const box = await row.getByRole('button', { name: 'Decline' }).boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(PHONE.width);
    await saveScreenshot(phoneStaff.page, SCREENSHOT_PREFIX, '09-phone-support-queue');
    await row.getByRole('button', { name: 'Decline' }).click();
    const dialog = phoneStaff.page.getByRole('dialog', { name: `Decline ${ACCOUNT_NAME}'s request of $5.00?` });
    await dialog.getByLabel('Reason (the owner is e-mailed it)').fill('Please keep it for next month');
    await dialog.getByRole('button', { name: 'Decline request' }).click();
    await region(phoneStaff.page, 'Refund requests').getByText('No refund requests are waiting.').waitFor();
    await phoneOwner.page.reload();
    await region(phoneOwner.page, 'Refund of unused credit').getByText('Please keep it for next month').waitFor();
    await expectNoHorizontalScroll(phoneOwner.page, PHONE.width);
    await saveScreenshot(phoneOwner.page, SCREENSHOT_PREFIX, '10-phone-owner-declined');
  });
});
