// Goal: platform support staff run the support console in Chromium: signed in with e-mail and password they land on the live alert feed, where an alert raised by a real charge appears without a reload and is acknowledged (recorded under their name); they find the account by name, grant credit from its page through a confirmation dialog that takes the keyboard focus and gives it back, and the owner, signed in on a second page, sees the balance change live; a bank transfer is recorded and completed the same way, and the account page's balance follows the owner's spending live; every console page fits a 390 px phone without sideways scrolling. Method: the real server (alert processor on) on a fresh database, the built dashboard in Debian's Chromium driven through roles and labels, the results checked over GraphQL, screenshots at desktop and phone sizes.
import { randomUUID } from 'node:crypto';
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { definitionOf, e2eFile, saveScreenshot, waitForText, type BrowserPage, signInWithCookie } from '../support/browser.js';
import { balances } from '../support/overview-page.js';
import type { TestApp } from '../support/test-app.js';

/** Prefix of this file's screenshots in test-artifacts/e2e/. */
const SCREENSHOT_PREFIX = 'support';

const ACCOUNT_NAME = 'E2E Support Customer';
const OWNER = { email: 'olga.owner@example.com', name: 'Olga Owner', password: 'owners watch balances' };
const SUPPORT = { email: 'sam.support@example.com', name: 'Sam Support', password: 'support watches alerts' };
const PHONE = { width: 390, height: 844 };

const e2e = e2eFile(SCREENSHOT_PREFIX);
let t: TestApp;
let staff: BrowserPage;
let owner: BrowserPage;
let account: { accountId: string; walletId: string; ownerKey: string };
let supportUserId: string;

beforeAll(async () => {
  t = e2e.t;
  account = await t.createAccount(ACCOUNT_NAME);
  await t.fund(account.walletId, '10');
  await e2e.createUser(account.accountId, 'OWNER', OWNER);
  supportUserId = await e2e.createUser(null, 'SUPPORT', SUPPORT);
  staff = await e2e.open();
  owner = await e2e.open();
});

/** The region (a card or list) named `name`. */
function region(page: Page, name: string): Locator {
  return page.getByRole('region', { name, exact: true });
}

/** The little of the DOM the functions run in the page use (this project's type-checking has no DOM library). */
interface PageElement {
  tagName: string;
  className: string;
  textContent: string | null;
  scrollWidth: number;
  closest(selector: string): PageElement | null;
  contains(other: PageElement): boolean;
  getBoundingClientRect(): { right: number };
  querySelectorAll(selector: string): ArrayLike<PageElement>;
  parentElement: PageElement | null;
}
declare const window: { getComputedStyle(element: PageElement): { overflowX: string } };
declare const document: {
  activeElement: PageElement | null;
  documentElement: PageElement;
  querySelector(selector: string): PageElement | null;
};

/** What has the keyboard focus: its tag, its text, and whether it is inside an open modal dialog. */
function focused(page: Page): Promise<{ tag: string; text: string; inDialog: boolean }> {
  return page.evaluate(() => {
    const element = document.activeElement;
    return {
      tag: element?.tagName ?? '',
      text: element?.textContent?.trim() ?? '',
      inDialog: (element?.closest('dialog[open]') ?? null) !== null,
    };
  });
}

/** A pattern matching `text` anywhere in an element's text (waitForText with a string wants the whole text). */
function containing(text: string): RegExp {
  return new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
}

/**
 * Fails unless the console's page (everything in `<main>`) fits the viewport: no element of it ends
 * beyond `width` and `<main>` itself does not scroll sideways. The shared header above it
 * (AppHeader: identity and Sign out) is the phone layout's own work and is measured by its tests;
 * `document.documentElement.scrollWidth` is printed too so the whole page's figure is on record.
 */
async function expectNoSidewaysScroll(page: Page, width: number): Promise<void> {
  const measured = await page.evaluate((viewportWidth) => {
    const main = document.querySelector('main');
    // An element inside a box that scrolls or clips sideways (the sections' strip) is measured by that box.
    const clipped = (element: PageElement) => {
      for (let parent = element.parentElement; parent !== null && parent !== main; parent = parent.parentElement) {
        if (window.getComputedStyle(parent).overflowX !== 'visible') return true;
      }
      return false;
    };
    const outside = Array.from(main?.querySelectorAll('*') ?? []).filter(
      (element) => element.getBoundingClientRect().right > viewportWidth + 0.5 && !clipped(element),
    );
    // The innermost elements that stick out, to say what is too wide when this fails.
    const innermost = outside.filter((element) => !outside.some((other) => other !== element && element.contains(other)));
    return {
      mainScrollWidth: main?.scrollWidth ?? Number.POSITIVE_INFINITY,
      documentScrollWidth: document.documentElement.scrollWidth,
      overflowing: innermost
        .slice(0, 5)
        .map((element) => `${element.tagName.toLowerCase()}.${element.className} → ${Math.round(element.getBoundingClientRect().right)}`),
    };
  }, width);
  console.log(
    `${new URL(page.url()).pathname} at ${width} px: main scrollWidth ${measured.mainScrollWidth}, document scrollWidth ${measured.documentScrollWidth}`,
  );
  expect(measured.overflowing, `elements of ${page.url()} sticking out`).toEqual([]);
  expect(measured.mainScrollWidth).toBeLessThanOrEqual(width);
}

describe('support console', () => {
  it('shows an alert raised by a real charge live in the feed, and records its acknowledgement under the staff member', async () => {
    const page = staff.page;
    await signInWithCookie(page, t.url, SUPPORT);
    await page.getByRole('heading', { name: 'Support console' }).waitFor();
    // Staff land on the alert feed.
    await page.waitForURL((url) => url.pathname === '/support/alerts');
    const feed = region(page, 'Alert feed');
    await feed.getByText('No alerts match these filters.').waitFor();

    // $10 → $4 crosses the default $5 threshold: the alert processor raises LOW_BALANCE.
    await t.ok(account.ownerKey, 'mutation($input: ChargeInput!) { charge(input: $input) { transaction { id } } }', {
      input: { walletId: account.walletId, amount: '6', description: 'Usage', idempotencyKey: randomUUID() },
    });
    const alert = feed.getByRole('listitem').filter({ hasText: 'Low balance' });
    await alert.waitFor();
    await waitForText(feed.getByText(/ unacknowledged · /), /^\s*1 unacknowledged/);
    await saveScreenshot(page, SCREENSHOT_PREFIX, 'alert-feed-live-desktop');

    await alert.getByRole('button', { name: 'Acknowledge', exact: true }).click();
    await waitForText(alert, /Acknowledged/);
    await waitForText(alert, containing(`by ${SUPPORT.name} <${SUPPORT.email}> · staff`));
    await waitForText(feed.getByText(/ unacknowledged · /), /^\s*0 unacknowledged/);
    const stored = (
      await t.ok(t.adminToken, `query($id: ID) { alerts(accountId: $id) { edges { node { kind acknowledgedBy } } } }`, {
        id: account.accountId,
      })
    ).alerts.edges.map((edge: any) => edge.node);
    expect(stored).toEqual([{ kind: 'LOW_BALANCE', acknowledgedBy: `user:${supportUserId}` }]);
    await saveScreenshot(page, SCREENSHOT_PREFIX, 'alert-acknowledged-desktop');
  });

  it("grants credit from the account page after a keyboard-friendly confirmation; the owner's balance follows live", async () => {
    await signInWithCookie(owner.page, t.url, { ...OWNER, account: ACCOUNT_NAME });
    await waitForText(definitionOf(balances(owner.page), 'Balance'), '$4.00');

    const page = staff.page;
    await page.getByRole('navigation', { name: 'Support sections' }).getByRole('link', { name: 'Accounts', exact: true }).click();
    await page.getByLabel('Name, account id or user e-mail').fill('support customer');
    await page.getByRole('list', { name: 'Accounts found' }).getByRole('link', { name: ACCOUNT_NAME }).click();
    await page.waitForURL((url) => url.pathname === `/support/accounts/${account.accountId}`);
    await waitForText(definitionOf(region(page, 'Wallet'), 'Balance'), '$4.00');

    const grant = page.getByRole('form', { name: 'Grant credit' });
    await grant.getByLabel('Amount (USD)').fill('25');
    await grant.getByLabel('Reason').fill('Goodwill after an outage');
    const grantButton = grant.getByRole('button', { name: 'Grant credit', exact: true });
    await grantButton.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: `Grant $25.00 to ${ACCOUNT_NAME}?` });
    await dialog.waitFor();
    expect(await focused(page)).toEqual({ tag: 'BUTTON', text: 'Cancel', inDialog: true });
    await saveScreenshot(page, SCREENSHOT_PREFIX, 'grant-confirmation-desktop');
    // Keyboard only: Shift+Tab from Cancel reaches the confirming button.
    await page.keyboard.press('Shift+Tab');
    expect(await focused(page)).toEqual({ tag: 'BUTTON', text: 'Grant $25.00', inDialog: true });
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await waitForText(page.getByRole('status').filter({ hasText: 'Granted' }), 'Granted $25.00. Balance now $29.00.');
    expect(await focused(page)).toEqual({ tag: 'BUTTON', text: 'Grant credit', inDialog: false });

    // The grant is on the account page under the staff member's name, and live on the owner's page.
    const transactions = region(page, 'Recent transactions of the wallet');
    const grantRow = transactions.getByRole('row').filter({ hasText: 'Goodwill after an outage' });
    await waitForText(grantRow, containing(`${SUPPORT.name} <${SUPPORT.email}> · staff`));
    await waitForText(definitionOf(balances(owner.page), 'Balance'), '$29.00');
    await saveScreenshot(page, SCREENSHOT_PREFIX, 'account-after-grant-desktop');
    await saveScreenshot(owner.page, SCREENSHOT_PREFIX, 'owner-balance-after-grant-desktop');
    const granted = (
      await t.ok(
        account.ownerKey,
        `query($id: ID!) { wallet(id: $id) { balance transactions(first: 1) { edges { node { kind actor { kind staff name } } } } } }`,
        {
          id: account.walletId,
        },
      )
    ).wallet;
    expect(granted.balance).toBe('29');
    // The owner sees that staff granted it, not who.
    expect(granted.transactions.edges[0].node).toEqual({ kind: 'GRANT', actor: { kind: 'USER', staff: true, name: null } });
    await t.assertLedger();
  });

  it('records and completes a bank transfer, each after its confirmation, naming who did it', async () => {
    const page = staff.page;
    const record = page.getByRole('form', { name: 'Record a bank transfer' });
    await record.getByLabel('Amount (USD)').fill('40');
    await record.getByLabel('Bank reference').fill('BT-E2E-1');
    await record.getByRole('button', { name: 'Record transfer', exact: true }).click();
    await page.getByRole('dialog', { name: 'Record a bank transfer of $40.00?' }).getByRole('button', { name: 'Record transfer' }).click();
    await waitForText(page.getByRole('status').filter({ hasText: 'recorded' }), 'Bank transfer of $40.00 recorded as pending.');
    const transfers = region(page, 'Bank transfers of the wallet');
    const row = transfers.getByRole('row').filter({ hasText: 'BT-E2E-1' });
    await waitForText(row, /Pending/);
    await row.getByRole('button', { name: 'Complete', exact: true }).click();
    await page
      .getByRole('dialog', { name: 'Complete the $40.00 transfer “BT-E2E-1”?' })
      .getByRole('button', { name: 'Credit $40.00' })
      .click();
    await waitForText(page.getByRole('status').filter({ hasText: 'completed' }), 'Bank transfer “BT-E2E-1” completed: $40.00 credited.');
    await waitForText(row, containing(`Completed by ${SUPPORT.name}`));
    await waitForText(definitionOf(region(page, 'Wallet'), 'Balance'), '$69.00');
    await waitForText(definitionOf(balances(owner.page), 'Balance'), '$69.00');
    // The account page's balances are live too: the owner's own spending shows without a reload.
    await t.ok(account.ownerKey, 'mutation($input: ChargeInput!) { charge(input: $input) { transaction { id } } }', {
      input: { walletId: account.walletId, amount: '9', description: 'Owner usage', idempotencyKey: randomUUID() },
    });
    await waitForText(definitionOf(region(page, 'Wallet'), 'Balance'), '$60.00');
    await t.assertLedger();
  });

  it('fits every console page on a 390 px phone without sideways scrolling', async () => {
    const phone = await e2e.open({ viewport: PHONE });
    const page = phone.page;
    await signInWithCookie(page, t.url, SUPPORT);
    await page.waitForURL((url) => url.pathname === '/support/alerts');
    await region(page, 'Alert feed').getByRole('listitem').first().waitFor();
    await expectNoSidewaysScroll(page, PHONE.width);
    await saveScreenshot(page, SCREENSHOT_PREFIX, 'alert-feed-phone');

    await page.getByRole('navigation', { name: 'Support sections' }).getByRole('link', { name: 'Accounts', exact: true }).click();
    await page.getByRole('list', { name: 'Accounts found' }).getByRole('link', { name: ACCOUNT_NAME }).waitFor();
    await expectNoSidewaysScroll(page, PHONE.width);
    await saveScreenshot(page, SCREENSHOT_PREFIX, 'account-search-phone');

    await page.getByRole('list', { name: 'Accounts found' }).getByRole('link', { name: ACCOUNT_NAME }).click();
    await waitForText(definitionOf(region(page, 'Wallet'), 'Balance'), '$60.00');
    // Tables stack into cards: the amount and the actor of each row stay on screen.
    const grantRow = region(page, 'Recent transactions of the wallet').getByRole('row').filter({ hasText: 'Goodwill after an outage' });
    expect(await grantRow.getByText('$25.00', { exact: true }).isVisible()).toBe(true);
    await expectNoSidewaysScroll(page, PHONE.width);
    await saveScreenshot(page, SCREENSHOT_PREFIX, 'account-page-phone');

    // The confirmation fits too.
    const grant = page.getByRole('form', { name: 'Grant credit' });
    await grant.getByLabel('Amount (USD)').fill('1');
    await grant.getByLabel('Reason').fill('Phone check');
    await grant.getByRole('button', { name: 'Grant credit', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: `Grant $1.00 to ${ACCOUNT_NAME}?` });
    await dialog.waitFor();
    await expectNoSidewaysScroll(page, PHONE.width);
    await saveScreenshot(page, SCREENSHOT_PREFIX, 'grant-confirmation-phone');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await focused(page)).toEqual({ tag: 'BUTTON', text: 'Grant credit', inDialog: false });
  });
});
