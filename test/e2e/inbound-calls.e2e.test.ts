// Goal: the calls received on an account's numbers show on the Numbers page with their direction, caller, status, billed time and cost (a completed call, and one refused when the wallet could not pay), and the wallet's transactions name them as inbound calls; both pages work at desktop (1280×800) and phone (390×844) size with no horizontal scroll. Method: the real server on a fresh database, the number bought and the calls received over GraphQL as a carrier's switch would, the built dashboard in Debian's Chromium driven through roles and labels, screenshots at both sizes.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { e2eFile, goToSection, saveScreenshot, type BrowserPage, signInWithCookie } from '../support/browser.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const SCREENSHOT_PREFIX = 'inbound-calls';
const ACCOUNT_NAME = 'E2E Inbound Account';
const OWNER = { email: 'ines.inbound@example.com', name: 'Ines Inbound', password: 'calls coming in all day' };
const NUMBER = '+447700900777';
const CALLER = '+12025550123';
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

const e2e = e2eFile(SCREENSHOT_PREFIX, { start: () => startTestApp({ billingClockEnabled: false }) });
let t: TestApp;
let owner: BrowserPage;

const START_INBOUND = 'mutation($input: StartInboundCallInput!) { startInboundCall(input: $input) { call { id status endReason } } }';

beforeAll(async () => {
  t = e2e.t;
  const account = await t.createAccount(ACCOUNT_NAME);
  await t.fund(account.walletId, '2.06'); // the number (2), then one minute's first increment (0.06) at most
  await e2e.createUser(account.accountId, 'OWNER', OWNER);
  const plan = await t.ok(t.adminToken, 'mutation($input: CreateRatePlanInput!) { createRatePlan(input: $input) { ratePlan { id } } }', {
    input: {
      name: 'Inbound e2e',
      currency: 'USD',
      rates: [
        {
          prefix: '44',
          perMinute: '1',
          firstIncrementSeconds: 6,
          nextIncrementSeconds: 6,
          numberPurchase: '1',
          numberMonthly: '1',
          inboundPerMinute: '0.6',
        },
      ],
    },
  });
  const bought = await t.ok(
    account.ownerKey,
    'mutation($input: PurchaseNumberInput!) { purchaseNumber(input: $input) { phoneNumber { id } } }',
    {
      input: { walletId: account.walletId, ratePlanId: plan.createRatePlan.ratePlan.id, number: NUMBER },
    },
  );
  const numberId = bought.purchaseNumber.phoneNumber.id;
  const answered = await t.ok(account.ownerKey, START_INBOUND, { input: { numberId, from: CALLER } });
  expect(answered.startInboundCall.call.status).toBe('ACTIVE');
  await t.ok(account.ownerKey, 'mutation($input: EndCallInput!) { endCall(input: $input) { call { id } } }', {
    input: { callId: answered.startInboundCall.call.id },
  });
  // Nothing is left: the next caller is refused.
  const refused = await t.ok(account.ownerKey, START_INBOUND, { input: { numberId, from: '+12025550999' } });
  expect(refused.startInboundCall.call).toMatchObject({ status: 'REFUSED', endReason: 'INSUFFICIENT_FUNDS' });
  owner = await e2e.open({ viewport: DESKTOP });
}, 120_000);

async function expectNoHorizontalScroll(page: Page, width: number): Promise<void> {
  const scrollWidth = await page.evaluate(
    () => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth,
  );
  expect(scrollWidth).toBeLessThanOrEqual(width);
}

describe('calls received', () => {
  it('lists them on the Numbers page with their direction, status, billed time and cost', async () => {
    const { page } = owner;
    await signInWithCookie(page, t.url, { ...OWNER, account: ACCOUNT_NAME });
    await goToSection(page, 'Numbers', '/numbers');
    const table = page.getByRole('table', { name: 'Calls received' });
    const answered = table.getByRole('row').filter({ hasText: CALLER });
    await answered.getByText('Completed', { exact: true }).waitFor();
    await answered.getByText('Inbound', { exact: true }).waitFor();
    await answered.getByText(NUMBER, { exact: true }).waitFor();
    await answered.getByText('6 s', { exact: true }).waitFor();
    await answered.getByText('$0.06', { exact: true }).waitFor();
    await table.getByRole('row').filter({ hasText: '+12025550999' }).getByText('Refused: insufficient funds').waitFor();
    await expectNoHorizontalScroll(page, DESKTOP.width);
    await saveScreenshot(page, SCREENSHOT_PREFIX, '01-desktop-numbers');
    await page.setViewportSize(PHONE);
    await table.getByText('Refused: insufficient funds').waitFor();
    await expectNoHorizontalScroll(page, PHONE.width);
    await saveScreenshot(page, SCREENSHOT_PREFIX, '02-phone-numbers');
  });

  it('names the call as inbound among the transactions', async () => {
    const { page } = owner;
    await page.setViewportSize(DESKTOP);
    await goToSection(page, 'Transactions', '/transactions');
    await page.getByText(`Inbound call from ${CALLER} to ${NUMBER}, 0 min 6 s`).first().waitFor();
    await saveScreenshot(page, SCREENSHOT_PREFIX, '03-desktop-transactions');
    await page.setViewportSize(PHONE);
    await expectNoHorizontalScroll(page, PHONE.width);
    await saveScreenshot(page, SCREENSHOT_PREFIX, '04-phone-transactions');
  });
});
