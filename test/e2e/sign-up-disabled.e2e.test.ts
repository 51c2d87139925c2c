// Goal: on a server with sign-up off (SIGN_UP=0) the dashboard offers no sign-up: the sign-in page has no "Create an account" link once the server said so, /sign-up says plainly that accounts come from the operator and leads to sign-in, and a server that cannot be asked shows an error with a retry rather than "closed"; at desktop (1280×800) and phone (390×844) size with no horizontal scroll. Method: the real server started with signUpEnabled false, the built dashboard in Debian's Chromium driven through roles and labels, the options request cut with a route for the error state, screenshots of each screen at both sizes.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { e2eFile, saveScreenshot, type BrowserPage } from '../support/browser.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** Prefix of this file's screenshots in test-artifacts/e2e/. */
const SCREENSHOT_PREFIX = 'sign-up-disabled';
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
const OPTIONS_PATH = '/auth/sign-up/options';
const SIGN_UP_LINK = 'New here? Create an account';

let t: TestApp;
let desktop: BrowserPage;
let phone: BrowserPage;

const e2e = e2eFile(SCREENSHOT_PREFIX, {
  start: () => startTestApp({ signUpEnabled: false, billingClockEnabled: false }),
});

beforeAll(async () => {
  t = e2e.t;
  desktop = await e2e.open({ viewport: DESKTOP });
  phone = await e2e.open({ viewport: PHONE });
});

/** The few DOM globals these checks read (the test's TypeScript has no DOM library). */
interface BrowserGlobals {
  document: { documentElement: { scrollWidth: number } };
}

/** Asserts the page does not scroll sideways. */
async function expectNoHorizontalScroll(page: Page, width: number): Promise<void> {
  const scrollWidth = await page.evaluate(() => (globalThis as unknown as BrowserGlobals).document.documentElement.scrollWidth);
  expect(scrollWidth).toBeLessThanOrEqual(width);
}

/** Opens `path` and waits until the page has asked the server for the sign-up options and has its answer. */
async function openAfterOptions(page: Page, path: string): Promise<void> {
  const answered = page.waitForResponse((response) => new URL(response.url()).pathname === OPTIONS_PATH);
  await page.goto(`${t.url}${path}`);
  const response = await answered;
  expect(await response.json()).toMatchObject({ enabled: false });
}

describe('sign-up turned off', () => {
  it('the API refuses a sign-up with 403 SIGN_UP_DISABLED', async () => {
    const response = await fetch(`${t.url}/auth/sign-up`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        email: 'nobody@example.com',
        password: 'long enough password',
        name: 'N',
        company: 'C',
        country: 'GB',
        currency: 'GBP',
      }),
    });
    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('SIGN_UP_DISABLED');
  });

  for (const [device, size] of [
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ] as const) {
    it(`${device}: the sign-in page has no sign-up link`, async () => {
      const { page } = device === 'desktop' ? desktop : phone;
      await openAfterOptions(page, '/');
      await page.getByRole('heading', { name: 'Sign in', exact: true }).waitFor();
      // The links' row is aria-busy until the page has the server's answer: after that, no link can appear.
      await page.locator('.sign-in__switch[aria-busy="false"]').waitFor();
      expect(await page.getByRole('link', { name: SIGN_UP_LINK }).count()).toBe(0);
      expect(await page.getByText('Create an account').count()).toBe(0);
      await expectNoHorizontalScroll(page, size.width);
      await saveScreenshot(page, SCREENSHOT_PREFIX, `${device === 'desktop' ? '01' : '03'}-${device}-sign-in-without-link`);
    });

    it(`${device}: /sign-up says sign-up is closed and leads to sign-in`, async () => {
      const { page } = device === 'desktop' ? desktop : phone;
      await openAfterOptions(page, '/sign-up');
      await page.getByRole('heading', { name: 'Sign-up is closed' }).waitFor();
      await page.getByRole('status').getByText('Ask its operator for an account', { exact: false }).waitFor();
      expect(await page.getByRole('button', { name: 'Create account' }).count()).toBe(0);
      expect(await page.getByLabel('Work e-mail').count()).toBe(0);
      await expectNoHorizontalScroll(page, size.width);
      await saveScreenshot(page, SCREENSHOT_PREFIX, `${device === 'desktop' ? '02' : '04'}-${device}-sign-up-closed`);
      await page.getByRole('button', { name: 'Go to sign-in' }).click();
      await page.getByRole('heading', { name: 'Sign in', exact: true }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/');
    });
  }

  it('phone: when the server cannot be asked, /sign-up shows an error and a retry, not "closed"', async () => {
    const { page } = phone;
    await page.route(`**${OPTIONS_PATH}`, (route) => route.abort('connectionrefused'));
    await page.goto(`${t.url}/sign-up`);
    await page.getByRole('alert').getByText('Cannot reach the server', { exact: false }).waitFor();
    expect(await page.getByRole('heading', { name: 'Sign-up is closed' }).count()).toBe(0);
    await expectNoHorizontalScroll(page, PHONE.width);
    await saveScreenshot(page, SCREENSHOT_PREFIX, '05-phone-sign-up-options-unreachable');
    await page.unroute(`**${OPTIONS_PATH}`);
    await page.getByRole('button', { name: 'Try again' }).click();
    await page.getByRole('heading', { name: 'Sign-up is closed' }).waitFor();
  });
});
