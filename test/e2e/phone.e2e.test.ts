// Goal: every page of every role fits a phone (390×844): nothing scrolls sideways and "Sign out" stays on screen; each page is also seen at desktop size. Method: the real server on a fresh database with an account that has money, a campaign with calls and a transaction history, the built dashboard in Debian's Chromium signed in by cookie as its OWNER (each path of ACCOUNT_SECTIONS, a campaign's page, and any further link its navigation shows) and as a SUPPORT user (every /support link the console's navigation shows, so pages added later are covered), measuring `document.documentElement.scrollWidth` and Sign out's box at 390 px, with screenshots at both sizes.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNT_SECTIONS } from '../../client/src/utils/account-routes.js';
import { e2eFile, saveScreenshot, signInWithCookie, waitForQuietNetwork } from '../support/browser.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** Prefix of this file's screenshots in test-artifacts/e2e/. */
const SCREENSHOT_PREFIX = 'phone';

/** The phone the issue names (an iPhone 12–15 in CSS pixels), and the desktop every page is also seen at. */
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };

const ACCOUNT_NAME = 'E2E Phone Account With A Rather Long Name';
const OWNER = { email: 'pat.phone-owner.with.a.long.address@example.com', name: 'Pat Phone', password: 'phones are narrow things' };
const SUPPORT = { email: 'sky.support@example.com', name: 'Sky Support', password: 'support on a small screen' };

const e2e = e2eFile(SCREENSHOT_PREFIX, { start: () => startTestApp({ paymentsEnabled: true, billingClockEnabled: false }) });
let t: TestApp;
let campaignId: string;

beforeAll(async () => {
  t = e2e.t;
  const account = await t.createAccount(ACCOUNT_NAME);
  await t.fund(account.walletId, '1234567.89');
  await e2e.createUser(account.accountId, 'OWNER', OWNER);
  await e2e.createUser(null, 'SUPPORT', SUPPORT);
  // Rows for the tables: a campaign with a charge of its own, and a few more transactions.
  const ratePlanId = await t.createRatePlan([{ prefix: '', perMinute: '0.0125', firstIncrementSeconds: 6, nextIncrementSeconds: 6 }]);
  campaignId = await t.runningCampaign(account.ownerKey, account.walletId, ratePlanId, '5000');
  for (const [amount, description] of [
    ['1.25', 'Campaign set-up fee with a description long enough to wrap on a phone'],
    ['0.375', 'Number rental'],
  ] as const) {
    await t.ok(account.ownerKey, 'mutation($input: ChargeInput!) { charge(input: $input) { transaction { id } } }', {
      input: { walletId: account.walletId, amount, description, campaignId },
    });
  }
  // Calls for the campaign page's tables: two still talking, one ended.
  const startCall = 'mutation($input: StartCallInput!) { startCall(input: $input) { call { id } } }';
  const callIds: string[] = [];
  for (const to of ['+14155550101', '+14155550102', '+442071838750']) {
    callIds.push((await t.ok(account.ownerKey, startCall, { input: { campaignId, to } })).startCall.call.id);
  }
  await t.ok(account.ownerKey, 'mutation($input: EndCallInput!) { endCall(input: $input) { call { id } } }', {
    input: { callId: callIds[2] },
  });
}, 180_000);

/** What one page measures at phone width. */
interface PhoneFit {
  scrollWidth: number;
  viewportWidth: number;
  /** Sign out's box, or null when the page shows no such button. */
  signOut: { left: number; right: number; top: number; bottom: number } | null;
  /** Elements sticking out of the viewport on the right, for the failure message. */
  overflowing: string[];
  /**
   * Card-table cells (`td[data-label]`) whose label, drawn over the cell's left part, is wider than
   * the room the cell leaves for it: the label and the value print over each other.
   */
  labelsOverValues: string[];
}

/** The little of the DOM {@link measure} uses (the test's tsconfig has no DOM types: it runs in the page). */
interface PageElement {
  tagName: string;
  classList: Iterable<string>;
  textContent: string | null;
  parentElement: PageElement | null;
  getBoundingClientRect(): { left: number; right: number; top: number; bottom: number };
}
interface PageWindow {
  document: {
    documentElement: { clientWidth: number; scrollWidth: number };
    body: PageElement;
    querySelectorAll(selector: string): Iterable<PageElement>;
  };
  getComputedStyle(
    element: PageElement,
    pseudo?: string,
  ): { overflowX: string; position: string; display: string; content: string; width: string; paddingLeft: string };
}

/** Measures the page as it stands: its scroll width, Sign out's box and what sticks out. */
function measure(page: Page): Promise<PhoneFit> {
  return page.evaluate(() => {
    const window = globalThis as unknown as PageWindow;
    const document = window.document;
    const viewportWidth = document.documentElement.clientWidth;
    const button = [...document.querySelectorAll('button')].find((candidate) =>
      /^Sign(ing)? out/.test(candidate.textContent?.trim() ?? ''),
    );
    const box = button?.getBoundingClientRect();
    // What sticks out of the page itself: not what a box scrolling sideways (the sections' strip) holds.
    const insideScroller = (element: PageElement) => {
      for (let parent = element.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
        if (window.getComputedStyle(parent).overflowX !== 'visible') return true;
      }
      return false;
    };
    const overflowing = [...document.querySelectorAll('body *')]
      .filter((element) => element.getBoundingClientRect().right > viewportWidth + 0.5 && !insideScroller(element))
      .slice(0, 8)
      .map((element) => `${element.tagName.toLowerCase()}.${[...element.classList].join('.')}`);
    // A card cell's label is its ::before, placed over the cell's left padding: the padding must hold it.
    const labelsOverValues = [...document.querySelectorAll('td[data-label]')]
      .filter((cell) => {
        const label = window.getComputedStyle(cell, '::before');
        if (label.display === 'none' || label.content === 'none' || label.position !== 'absolute') return false;
        return Number.parseFloat(label.width) > Number.parseFloat(window.getComputedStyle(cell).paddingLeft) + 0.5;
      })
      .slice(0, 8)
      .map((cell) => `${cell.tagName.toLowerCase()}.${[...cell.classList].join('.')} "${cell.textContent?.trim().slice(0, 30)}"`);
    return {
      scrollWidth: document.documentElement.scrollWidth,
      viewportWidth,
      signOut: box ? { left: box.left, right: box.right, top: box.top, bottom: box.bottom } : null,
      overflowing,
      labelsOverValues,
    };
  });
}

/** Waits until the page has settled: its network quiet and no "Loading…" placeholder left (a placeholder page says "Not built yet"). */
async function settle(page: Page): Promise<void> {
  await waitForQuietNetwork(page);
  await expect
    .poll(
      () =>
        page
          .locator('.placeholder')
          .filter({ hasText: /^Loading|^Checking/ })
          .count(),
      { timeout: 20_000 },
    )
    .toBe(0);
}

/** Opens `path` at phone size, checks it fits and saves a screenshot; meanwhile the same at desktop size in the other page. */
async function checkRoute(phone: Page, desktop: Page, path: string, label: string): Promise<void> {
  // The two pages are independent contexts of one browser: loading them side by side halves the waits.
  const [fit, desktopFit] = await Promise.all([
    (async () => {
      await phone.goto(`${t.url}${path}`);
      await settle(phone);
      const measured = await measure(phone);
      await saveScreenshot(phone, SCREENSHOT_PREFIX, `${label}-phone`);
      return measured;
    })(),
    (async () => {
      await desktop.goto(`${t.url}${path}`);
      await settle(desktop);
      await saveScreenshot(desktop, SCREENSHOT_PREFIX, `${label}-desktop`);
      return measure(desktop);
    })(),
  ]);
  // Soft: one run reports every page that does not fit, not just the first.
  expect(fit.viewportWidth, path).toBe(PHONE.width);
  expect.soft(fit.scrollWidth, `${path} scrolls sideways; sticking out: ${fit.overflowing.join(', ')}`).toBeLessThanOrEqual(PHONE.width);
  expect.soft(fit.labelsOverValues, `${path}: card labels printed over their values`).toEqual([]);
  expect.soft(fit.signOut, `${path} shows Sign out`).not.toBeNull();
  if (fit.signOut !== null) {
    expect.soft(fit.signOut.left, `${path}: Sign out's left edge`).toBeGreaterThanOrEqual(0);
    expect.soft(fit.signOut.right, `${path}: Sign out's right edge`).toBeLessThanOrEqual(PHONE.width);
    expect.soft(fit.signOut.top, `${path}: Sign out's top edge`).toBeGreaterThanOrEqual(0);
    expect.soft(fit.signOut.bottom, `${path}: Sign out's bottom edge`).toBeLessThanOrEqual(PHONE.height);
  }
  expect.soft(desktopFit.scrollWidth, `${path} at desktop size`).toBeLessThanOrEqual(DESKTOP.width);
}

/** Signs in at `page` by cookie (the sign-in page has its own tests) and waits for the dashboard. */
async function signIn(page: Page, person: { email: string; password: string }, account?: string): Promise<void> {
  await signInWithCookie(page, t.url, { ...person, account });
  await settle(page);
}

/** The paths the "Sections" navigation links to (whatever other helpers add), in order, without repeats. */
async function navigationPaths(page: Page, prefix: string): Promise<string[]> {
  const hrefs = await page
    .locator('nav a[href]')
    .evaluateAll((links) => links.map((link) => new URL((link as unknown as { href: string }).href).pathname));
  return [...new Set(hrefs.filter((href) => href.startsWith(prefix)))];
}

describe('phone layout of every page', () => {
  it("fits every page of an OWNER at 390 px: the sections, a campaign's page and any further navigation link", async () => {
    const phone = await e2e.open({ viewport: PHONE });
    const desktop = await e2e.open({ viewport: DESKTOP });
    await Promise.all([signIn(phone.page, OWNER, ACCOUNT_NAME), signIn(desktop.page, OWNER, ACCOUNT_NAME)]);

    const paths = [...ACCOUNT_SECTIONS.map((section) => section.path as string), `/campaigns/${campaignId}`];
    for (const path of await navigationPaths(phone.page, '/')) if (!paths.includes(path)) paths.push(path);
    expect(paths.length).toBeGreaterThanOrEqual(ACCOUNT_SECTIONS.length + 1);
    for (const path of paths) {
      const label = path === '/' ? 'owner-overview' : `owner${path.replace(campaignId, 'campaign')}`;
      await checkRoute(phone.page, desktop.page, path, label);
    }
    expect(phone.errors.filter((error) => !/Failed to load resource/.test(error))).toEqual([]);
  }, 600_000);

  it('fits every page of the support console at 390 px', async () => {
    const phone = await e2e.open({ viewport: PHONE });
    const desktop = await e2e.open({ viewport: DESKTOP });
    await Promise.all([signIn(phone.page, SUPPORT), signIn(desktop.page, SUPPORT)]);

    // The console's own paths, whatever its navigation lists; /support itself always.
    const paths = ['/support'];
    await phone.page.goto(`${t.url}/support`);
    await settle(phone.page);
    for (const path of await navigationPaths(phone.page, '/support')) if (!paths.includes(path)) paths.push(path);
    for (const path of paths) await checkRoute(phone.page, desktop.page, path, `support${path.replace(/^\/support/, '') || '-console'}`);
  }, 600_000);
});
