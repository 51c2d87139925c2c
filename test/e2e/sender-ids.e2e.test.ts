// Goal: an OWNER applies for a sender ID on the Sender IDs page (the format is checked before sending), a SUPPORT user finds it in the console's queue and approves it with a reason (the wallet is charged the first month), another is rejected with a reason the owner then reads, and the owner cancels the approved one through a confirmation dialog that says the month paid is not refunded (nothing is credited back); support then sees the account's sender IDs (status, fee, next renewal) on the console's account page; the pages work at desktop (1280×800) and phone (390×844) size without sideways scrolling. Method: the real server on a fresh database, the built dashboard in Debian's Chromium driven through roles and labels with one page per person, results checked over GraphQL, screenshots at both sizes.
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e2eFile, goToSection, saveScreenshot, type BrowserPage, signInWithCookie } from '../support/browser.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const SCREENSHOT_PREFIX = 'sender-ids';
const ACCOUNT_NAME = 'E2E Sender Account';
const OWNER = { email: 'oscar.sender@example.com', name: 'Oscar Owner', password: 'our brand on every text' };
const SUPPORT = { email: 'sue.support@example.com', name: 'Sue Support', password: 'support approves brands' };
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

const e2e = e2eFile(SCREENSHOT_PREFIX, { start: () => startTestApp({ billingClockEnabled: false }) });
let t: TestApp;
let owner: BrowserPage;
let support: BrowserPage;
let account: { accountId: string; walletId: string; ownerKey: string };

beforeAll(async () => {
  t = e2e.t;
  account = await t.createAccount(ACCOUNT_NAME);
  await t.fund(account.walletId, '20');
  await e2e.createUser(account.accountId, 'OWNER', OWNER);
  await e2e.createUser(null, 'SUPPORT', SUPPORT);
  owner = await e2e.open({ viewport: DESKTOP });
  support = await e2e.open({ viewport: DESKTOP });
}, 120_000);

// Runs before e2eFile's clean-up (after-hooks run last registered first): the server is still up.
afterAll(async () => {
  await t?.assertLedger();
});

function card(page: Page, name: string): Locator {
  return page.getByRole('region', { name, exact: true });
}

async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const width = await page.evaluate(() => (globalThis as any).document.documentElement.scrollWidth as number);
  expect(width, 'document.documentElement.scrollWidth at 390 px').toBeLessThanOrEqual(PHONE.width);
}

async function statusOf(page: Page, sender: string): Promise<Locator> {
  return card(page, 'Your sender IDs').getByRole('row').filter({ hasText: sender }).locator('td[data-label="Status"] .status');
}

async function balance(): Promise<string> {
  return (await t.ok(account.ownerKey, 'query($id: ID!) { wallet(id: $id) { balance } }', { id: account.walletId })).wallet.balance;
}

describe('sender IDs', () => {
  it('the owner applies for two sender IDs; a malformed one is explained before anything is sent', async () => {
    const { page } = owner;
    await signInWithCookie(page, t.url, { ...OWNER, account: ACCOUNT_NAME });
    await goToSection(page, 'Sender IDs', '/sender-ids');
    await card(page, 'Your sender IDs').getByText('No sender IDs yet.').waitFor();
    const form = page.getByRole('form', { name: 'Apply for a sender ID' });
    await form.getByLabel('Sender ID').fill('Spend-wire!');
    await form.getByRole('button', { name: 'Apply' }).click();
    await page.getByText('Only letters, digits and spaces.').waitFor();
    await form.getByLabel('Sender ID').fill('ACME 24');
    await form.getByRole('button', { name: 'Apply' }).click();
    await page.getByText('“ACME 24” was sent for approval.', { exact: false }).waitFor();
    await form.getByLabel('Sender ID').fill('Carrier');
    await form.getByRole('button', { name: 'Apply' }).click();
    await page.getByText('“Carrier” was sent for approval.', { exact: false }).waitFor();
    expect(await (await statusOf(page, 'ACME 24')).innerText()).toBe('Waiting for approval');
    await saveScreenshot(page, SCREENSHOT_PREFIX, '01-applied');
    expect(await balance()).toBe('20');
  });

  it('support approves one and rejects the other from the queue, each with a reason', async () => {
    const { page } = support;
    await signInWithCookie(page, t.url, SUPPORT);
    await page.waitForURL((url) => url.pathname === '/support/alerts');
    await page.getByRole('navigation', { name: 'Support sections' }).getByRole('link', { name: 'Sender IDs' }).click();
    await page.waitForURL((url) => url.pathname === '/support/sender-ids');
    const queue = card(page, 'Sender IDs waiting for approval');
    await queue.getByRole('row').filter({ hasText: 'ACME 24' }).waitFor();
    await saveScreenshot(page, SCREENSHOT_PREFIX, '02-queue');

    await page.getByRole('button', { name: 'Approve ACME 24' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Reason (the customer reads it)').fill('Trademark checked');
    await saveScreenshot(page, SCREENSHOT_PREFIX, '03-approve-dialog');
    await dialog.getByRole('button', { name: 'Approve', exact: true }).click();
    await page.getByText(`“ACME 24” of ${ACCOUNT_NAME} was approved.`).waitFor();

    await page.getByRole('button', { name: 'Reject Carrier' }).click();
    await page.getByRole('dialog').getByLabel('Reason (the customer reads it)').fill('Looks like a network operator');
    await page.getByRole('dialog').getByRole('button', { name: 'Reject', exact: true }).click();
    await page.getByText(`“Carrier” of ${ACCOUNT_NAME} was rejected.`).waitFor();
    await queue.getByText('Nothing waiting', { exact: false }).waitFor();
    expect(await balance()).toBe('15');
  });

  it('the owner sees it approved with its fee and next renewal, the rejection with its reason, and cancels the approved one', async () => {
    const { page } = owner;
    await page.reload();
    await card(page, 'Your sender IDs').getByRole('row').filter({ hasText: 'ACME 24' }).waitFor();
    const acme = card(page, 'Your sender IDs').getByRole('row').filter({ hasText: 'ACME 24' });
    await acme.locator('td[data-label="Status"] .status').getByText('Approved').waitFor();
    expect(await acme.locator('td[data-label="Monthly"]').innerText()).toBe('$5.00');
    const carrier = card(page, 'Your sender IDs').getByRole('row').filter({ hasText: 'Carrier' });
    await carrier.getByText('Reason: Looks like a network operator').waitFor();
    await saveScreenshot(page, SCREENSHOT_PREFIX, '04-owner-list');

    await page.getByRole('button', { name: 'Cancel ACME 24' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('The month already paid is not refunded.', { exact: false }).waitFor();
    await dialog.getByRole('button', { name: 'Cancel sender ID' }).click();
    await page.getByText('“ACME 24” was cancelled', { exact: false }).waitFor();
    await acme.locator('td[data-label="Status"] .status').getByText('Cancelled').waitFor();
    expect(await page.getByRole('button', { name: 'Cancel ACME 24' }).count()).toBe(0);
  });

  it("support sees the account's sender IDs with status, fee and next renewal on the console's account page", async () => {
    const { page } = support;
    const live = (
      await t.ok(account.ownerKey, 'mutation($input: RegisterSenderIdInput!) { registerSenderId(input: $input) { senderId { id } } }', {
        input: { walletId: account.walletId, sender: 'Renewing' },
      })
    ).registerSenderId.senderId;
    await t.ok(t.adminToken, 'mutation($input: DecideSenderIdInput!) { approveSenderId(input: $input) { senderId { id } } }', {
      input: { id: live.id, reason: 'Checked' },
    });
    // The cancelled one was not refunded: 20 − 5 (ACME 24's month) − 5 (this one's).
    expect(await balance()).toBe('10');
    await page.goto(`${t.url}/support/accounts/${account.accountId}`);
    const section = card(page, 'Sender IDs');
    const renewing = section.getByRole('row').filter({ hasText: 'Renewing' });
    await renewing.locator('td[data-label="Status"] .status').getByText('Approved').waitFor();
    expect(await renewing.locator('td[data-label="Monthly"]').innerText()).toBe('$5.00');
    expect(await renewing.locator('td[data-label="Next renewal"]').innerText()).not.toBe('—');
    const acme = section.getByRole('row').filter({ hasText: 'ACME 24' });
    await acme.locator('td[data-label="Status"] .status').getByText('Cancelled').waitFor();
    expect(await acme.locator('td[data-label="Next renewal"]').innerText()).toBe('—');
    await section.getByRole('row').filter({ hasText: 'Carrier' }).getByText('Reason: Looks like a network operator').waitFor();
    await saveScreenshot(page, SCREENSHOT_PREFIX, '05-support-account-page');
  });

  it('at 390 px both pages stack into cards and nothing scrolls sideways', async () => {
    const phone = await e2e.open({ viewport: PHONE });
    await signInWithCookie(phone.page, t.url, { ...OWNER, account: ACCOUNT_NAME });
    await phone.page.goto(`${t.url}/sender-ids`);
    await card(phone.page, 'Your sender IDs').getByRole('row').filter({ hasText: 'ACME 24' }).waitFor();
    await expectNoSidewaysScroll(phone.page);
    await saveScreenshot(phone.page, SCREENSHOT_PREFIX, '06-owner-phone');

    const supportPhone = await e2e.open({ viewport: PHONE });
    await t.ok(account.ownerKey, 'mutation($input: RegisterSenderIdInput!) { registerSenderId(input: $input) { senderId { id } } }', {
      input: { walletId: account.walletId, sender: 'Long Name 1' },
    });
    await signInWithCookie(supportPhone.page, t.url, SUPPORT);
    await supportPhone.page.waitForURL((url) => url.pathname === '/support/alerts');
    await supportPhone.page.goto(`${t.url}/support/sender-ids`);
    await card(supportPhone.page, 'Sender IDs waiting for approval').getByRole('row').filter({ hasText: 'Long Name 1' }).waitFor();
    await expectNoSidewaysScroll(supportPhone.page);
    await saveScreenshot(supportPhone.page, SCREENSHOT_PREFIX, '07-queue-phone');
    await supportPhone.page.goto(`${t.url}/support/accounts/${account.accountId}`);
    await card(supportPhone.page, 'Sender IDs').getByRole('row').filter({ hasText: 'Renewing' }).waitFor();
    await expectNoSidewaysScroll(supportPhone.page);
    await saveScreenshot(supportPhone.page, SCREENSHOT_PREFIX, '08-support-account-page-phone');
  });
});
