// Goal: an acknowledgement shows everywhere at once: two support staff each have the alert feed open in their own browser context and the owner has the Overview open; when one staff member acknowledges an alert, the other console moves it to acknowledged (naming who) and the owner's alerts card drops it, all without a reload; when the owner acknowledges one on the Overview, both consoles show it acknowledged; at 390 px the console still fits. Method: the real server (alert processor on) on a fresh database, the built dashboard in Debian's Chromium with three separate contexts (no shared cookies or sockets), alerts raised by real charges, the stored acknowledgements checked over GraphQL, screenshots at desktop 1280×800 and phone 390×844.
import { randomUUID } from 'node:crypto';
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { e2eFile, saveScreenshot, waitForText, type BrowserPage, signInWithCookie } from '../support/browser.js';
import type { TestApp } from '../support/test-app.js';

/** Prefix of this file's screenshots in test-artifacts/e2e/. */
const SCREENSHOT_PREFIX = 'live-acknowledgements';

const ACCOUNT_NAME = 'E2E Live Acknowledgements';
const OWNER = { email: 'ola.owner@example.com', name: 'Ola Owner', password: 'owners watch alerts too' };
const FIRST_STAFF = { email: 'fay.first@example.com', name: 'Fay First', password: 'first of two consoles' };
const SECOND_STAFF = { email: 'sid.second@example.com', name: 'Sid Second', password: 'second of two consoles' };
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

const e2e = e2eFile(SCREENSHOT_PREFIX);
let t: TestApp;
let first: BrowserPage;
let second: BrowserPage;
let owner: BrowserPage;
let account: { accountId: string; walletId: string; ownerKey: string };

beforeAll(async () => {
  t = e2e.t;
  account = await t.createAccount(ACCOUNT_NAME);
  await t.fund(account.walletId, '10');
  await e2e.createUser(account.accountId, 'OWNER', OWNER);
  for (const staff of [FIRST_STAFF, SECOND_STAFF]) await e2e.createUser(null, 'SUPPORT', staff);
  first = await e2e.open({ viewport: DESKTOP });
  second = await e2e.open({ viewport: DESKTOP });
  owner = await e2e.open({ viewport: DESKTOP });
});

/** The support console's alert feed. */
function feed(page: Page): Locator {
  return page.getByRole('region', { name: 'Alert feed', exact: true });
}

/** The feed's item of the alert of this kind label ("Low balance"). */
function feedItem(page: Page, kind: string): Locator {
  return feed(page).getByRole('listitem').filter({ hasText: kind });
}

/** The Overview's alerts card (its heading counts the alerts: "Alerts (1)"). */
function alertsCard(page: Page): Locator {
  return page.getByRole('region', { name: /^Alerts/ });
}

async function charge(amount: string): Promise<void> {
  await t.ok(account.ownerKey, 'mutation($input: ChargeInput!) { charge(input: $input) { transaction { id } } }', {
    input: { walletId: account.walletId, amount, description: 'Usage', idempotencyKey: randomUUID() },
  });
}

async function storedAcknowledgements(): Promise<{ kind: string; acknowledged: boolean }[]> {
  const listed = await t.ok(t.adminToken, `query($id: ID) { alerts(accountId: $id) { edges { node { kind acknowledgedAt } } } }`, {
    id: account.accountId,
  });
  return listed.alerts.edges.map((edge: { node: { kind: string; acknowledgedAt: string | null } }) => ({
    kind: edge.node.kind,
    acknowledged: edge.node.acknowledgedAt !== null,
  }));
}

declare const document: { documentElement: { scrollWidth: number } };

describe('live acknowledgements', () => {
  it('an alert acknowledged in one console shows acknowledged in the other and leaves the owner’s Overview, without a reload', async () => {
    for (const [page, staff] of [
      [first.page, FIRST_STAFF],
      [second.page, SECOND_STAFF],
    ] as const) {
      await signInWithCookie(page, t.url, staff);
      await page.waitForURL((url) => url.pathname === '/support/alerts');
      await feed(page).getByText('No alerts match these filters.').waitFor();
    }
    await signInWithCookie(owner.page, t.url, { ...OWNER, account: ACCOUNT_NAME });
    await alertsCard(owner.page).getByText('No alerts').waitFor();

    // $10 → $4 crosses the default $5 threshold: LOW_BALANCE appears live on all three pages.
    await charge('6');
    for (const page of [first.page, second.page]) {
      await feedItem(page, 'Low balance').waitFor();
      await waitForText(feed(page).getByText(/ unacknowledged · /), /^\s*1 unacknowledged/);
    }
    await alertsCard(owner.page).getByRole('listitem').filter({ hasText: 'Low balance' }).waitFor();

    await feedItem(first.page, 'Low balance').getByRole('button', { name: 'Acknowledge', exact: true }).click();
    await waitForText(feedItem(first.page, 'Low balance'), /Acknowledged/);
    // The other console follows live, naming who acknowledged it; the owner's card drops it.
    await waitForText(feedItem(second.page, 'Low balance'), /Acknowledged/);
    await waitForText(feedItem(second.page, 'Low balance'), new RegExp(`by ${FIRST_STAFF.name}`));
    await waitForText(feed(second.page).getByText(/ unacknowledged · /), /^\s*0 unacknowledged/);
    await alertsCard(owner.page).getByText('No alerts').waitFor();
    await saveScreenshot(second.page, SCREENSHOT_PREFIX, 'other-console-after-acknowledgement-desktop');
    await saveScreenshot(owner.page, SCREENSHOT_PREFIX, 'owner-overview-after-acknowledgement-desktop');
    expect(await storedAcknowledgements()).toEqual([{ kind: 'LOW_BALANCE', acknowledged: true }]);
  });

  it('an alert the owner acknowledges on the Overview shows acknowledged in both consoles; the console fits 390 px', async () => {
    // $4 → $0: BALANCE_DEPLETED.
    await charge('4');
    const ownerItem = alertsCard(owner.page).getByRole('listitem').filter({ hasText: 'Balance depleted' });
    await ownerItem.waitFor();
    for (const page of [first.page, second.page]) await feedItem(page, 'Balance depleted').waitFor();
    await ownerItem.getByRole('button', { name: 'Acknowledge', exact: true }).click();
    await alertsCard(owner.page).getByText('No alerts').waitFor();
    for (const page of [first.page, second.page]) {
      await waitForText(feedItem(page, 'Balance depleted'), /Acknowledged/);
      await waitForText(feed(page).getByText(/ unacknowledged · /), /^\s*0 unacknowledged · 2 acknowledged/);
    }
    await saveScreenshot(first.page, SCREENSHOT_PREFIX, 'console-after-owner-acknowledged-desktop');

    await second.page.setViewportSize(PHONE);
    await waitForText(feedItem(second.page, 'Balance depleted'), /Acknowledged/);
    const scrollWidth = await second.page.evaluate(() => document.documentElement.scrollWidth);
    expect(scrollWidth).toBeLessThanOrEqual(PHONE.width);
    await saveScreenshot(second.page, SCREENSHOT_PREFIX, 'console-after-owner-acknowledged-phone');
    expect(await storedAcknowledgements()).toEqual([
      { kind: 'BALANCE_DEPLETED', acknowledged: true },
      { kind: 'LOW_BALANCE', acknowledged: true },
    ]);
    await t.assertLedger();
    // Nothing failed in the pages but the sign-in page's first session check (401 before signing in).
    for (const page of e2e.pages) expect(page.errors.filter((error) => !error.includes('status of 401'))).toEqual([]);
  });
});
