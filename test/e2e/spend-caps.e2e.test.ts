// Goal: an OWNER sets the wallet's daily spend cap and the account's timezone on the Settings page, sees this period's
// spend against the cap (a bar at 80 % after a charge) and when it resets, gets a clear message for a negative cap, and
// a charge past the cap is refused; the card works at desktop (1280×800) and phone (390×844) size with no horizontal
// scroll. Method: the real server on a fresh database, the built dashboard in Debian's Chromium driven through roles and
// labels, charges through the API, screenshots at both sizes.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { goToSection, saveScreenshot, type BrowserPage } from '../support/browser.js';
import { accountE2eFile, DESKTOP, expectNoHorizontalScroll, PHONE } from '../support/e2e-presets.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const SCREENSHOT_PREFIX = 'spend-caps';
const ACCOUNT_NAME = 'E2E Caps Account';
const OWNER = { email: 'carla.caps@example.com', name: 'Carla Caps', password: 'caps keep spend in check' };

const e2e = accountE2eFile(SCREENSHOT_PREFIX, {
  start: () => startTestApp({ billingClockEnabled: false }),
  account: ACCOUNT_NAME,
  owner: OWNER,
  funds: '50',
});
let t: TestApp;
let owner: BrowserPage;
let walletId: string;
let ownerKey: string;

beforeAll(async () => {
  t = e2e.t;
  ({ walletId, ownerKey } = e2e.account);
  owner = await e2e.open({ viewport: DESKTOP });
});

function caps(page: Page) {
  return page.getByRole('region', { name: 'Spend caps', exact: true });
}

describe('spend caps on the Settings page', () => {
  it('shows that no cap is set yet', async () => {
    const { page } = owner;
    await e2e.signInAsOwner(page);
    await goToSection(page, 'Settings', '/settings');
    await caps(page).getByText('No spend caps are set', { exact: false }).waitFor();
    await expectNoHorizontalScroll(page, DESKTOP.width);
    await saveScreenshot(page, SCREENSHOT_PREFIX, '01-desktop-none');
  });

  it('refuses a negative cap with a sentence, then saves a daily cap of 10 for the wallet', async () => {
    const { page } = owner;
    const wallet = caps(page).getByRole('region', { name: 'This wallet', exact: true });
    await wallet.getByLabel('Daily cap', { exact: true }).fill('-1');
    await wallet.getByRole('button', { name: 'Save caps' }).click();
    await wallet.getByText('A cap must not be negative.').waitFor();
    await wallet.getByLabel('Daily cap', { exact: true }).fill('10');
    await wallet.getByRole('button', { name: 'Save caps' }).click();
    await wallet.getByRole('progressbar', { name: 'Today: $0.00 of $10.00' }).waitFor();
    await saveScreenshot(page, SCREENSHOT_PREFIX, '02-desktop-saved');
  });

  it("shows the day's spend against the cap after charges, and the charge past it is refused", async () => {
    const { page } = owner;
    const CHARGE = 'mutation($input: ChargeInput!) { charge(input: $input) { transaction { id } } }';
    await t.ok(ownerKey, CHARGE, { input: { walletId, amount: '8' } });
    const refused = await t.graphql(ownerKey, CHARGE, { input: { walletId, amount: '2.5' } });
    expect(refused.errors?.[0]?.extensions?.code).toBe('SPEND_CAP_REACHED');
    await page.reload();
    const wallet = caps(page).getByRole('region', { name: 'This wallet', exact: true });
    const bar = wallet.getByRole('progressbar', { name: 'Today: $8.00 of $10.00' });
    await bar.waitFor();
    expect(await bar.getAttribute('aria-valuenow')).toBe('80');
    await wallet.getByText('$8.00 of $10.00 (80 %)').waitFor();
    await saveScreenshot(page, SCREENSHOT_PREFIX, '03-desktop-80-percent');
  });

  it("sets the account's timezone", async () => {
    const { page } = owner;
    await caps(page).getByLabel('Account timezone', { exact: true }).selectOption('America/New_York');
    await caps(page).getByRole('button', { name: 'Save timezone' }).click();
    await caps(page).getByText('Saved.').waitFor();
    expect((await t.ok(ownerKey, '{ spendCaps { timezone } }')).spendCaps.timezone).toBe('America/New_York');
  });

  it('works at phone size with no horizontal scroll', async () => {
    const { page } = owner;
    await page.setViewportSize(PHONE);
    await caps(page).getByRole('region', { name: 'This wallet', exact: true }).getByRole('progressbar').first().waitFor();
    await caps(page).scrollIntoViewIfNeeded();
    await expectNoHorizontalScroll(page, PHONE.width);
    await saveScreenshot(page, SCREENSHOT_PREFIX, '04-phone');
  });
});
