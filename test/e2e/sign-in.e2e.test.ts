// Goal: people get into the dashboard with e-mail and password and out again: a wrong password is refused with the server's words, an OWNER signs in and sees the balance, invites a campaign manager from the Team page whose link works once in another browser, a reload keeps a session and a sign-out ends it (a reload stays signed out), and a sign-out elsewhere sends an open page back to sign-in. Method: the real server on a fresh database, the built dashboard in Debian's Chromium driven through roles and labels, one browser context per person (cookies are per context), screenshots of each step.
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  goToSection,
  saveScreenshot,
  waitForText,
  type BrowserPage,
  definitionOf,
  signInThroughPage,
  e2eFile,
} from '../support/browser.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** Prefix of this file's screenshots in test-artifacts/e2e/. */
const SCREENSHOT_PREFIX = 'sign-in';

const ACCOUNT_NAME = 'E2E Sign-in Account';
const OWNER = { email: 'olivia.owner@example.com', name: 'Olivia Owner', password: 'correct horse battery' };
const MANAGER = { email: 'carl.manager@example.com', name: 'Carl Manager', password: 'a long enough password' };

/** How an invitation link ends: the accept page with an `swi_` token (it starts with the dashboard's origin). */
const INVITATION_LINK_PATTERN = /\/accept-invitation\?token=swi_[A-Za-z0-9_-]{43}$/;

const e2e = e2eFile(SCREENSHOT_PREFIX, { start: () => startTestApp({ paymentsEnabled: true, billingClockEnabled: false }) });
let t: TestApp;
let owner: BrowserPage;
let manager: BrowserPage | undefined;
let account: { accountId: string; walletId: string };
let invitationUrl: string;

beforeAll(async () => {
  t = e2e.t;
  account = await t.createAccount(ACCOUNT_NAME);
  await t.fund(account.walletId, '12.5');
  await e2e.createUser(account.accountId, 'OWNER', OWNER);
  owner = await e2e.open();
});

/** Opens another page in a fresh context (another browser, as far as cookies go) and tracks it for cleanup. */
function anotherBrowser(): Promise<BrowserPage> {
  return e2e.open();
}

/** The balance card's "Balance" figure. */
function balanceFigure(page: Page): Locator {
  return definitionOf(page.getByRole('region', { name: 'Balances' }), 'Balance');
}

/** The sign-in page's heading: the page shows it once the session check said "signed out". */
function signInHeading(page: Page): Locator {
  return page.getByRole('heading', { name: 'Sign in', exact: true });
}

/** Waits for the wallet page of the test account, showing `balance`. */
async function expectWallet(page: Page, balance: string): Promise<void> {
  await page.getByRole('heading', { name: ACCOUNT_NAME }).waitFor();
  await waitForText(balanceFigure(page), balance);
}

/** The session cookie of `context`, if any. */
async function sessionCookie(context: BrowserContext) {
  return (await context.cookies()).find((cookie) => cookie.name === 'sw_session');
}

describe('dashboard: sign in with e-mail and password', () => {
  it('refuses a wrong password with the server’s message and sets no cookie', async () => {
    const { page, context } = owner;
    await page.goto(`${t.url}/`);
    await signInThroughPage(page, { email: OWNER.email, password: `${OWNER.password}!` });
    const alert = page.getByRole('alert').filter({ hasText: 'Wrong e-mail or password' });
    await alert.waitFor();
    expect(await page.getByLabel('Password', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await page.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
    await saveScreenshot(page, SCREENSHOT_PREFIX, '01-wrong-password');
    expect(await sessionCookie(context)).toBeUndefined();
  });

  it('signs the OWNER in: the balance, who is signed in, and an httpOnly cookie instead of a stored key', async () => {
    const { page, context } = owner;
    await signInThroughPage(page, OWNER);
    await expectWallet(page, '$12.50');
    const header = page.getByRole('banner');
    await header.getByText(OWNER.name, { exact: true }).waitFor();
    await header.getByText(OWNER.email, { exact: true }).waitFor();
    await header.getByText('Owner', { exact: true }).waitFor();
    await header.getByRole('status').filter({ hasText: 'Live' }).waitFor();
    await saveScreenshot(page, SCREENSHOT_PREFIX, '02-owner-signed-in');

    const cookie = await sessionCookie(context);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
    // The page never holds the session: the cookie is httpOnly and nothing is stored in its place.
    const pageState = await page.evaluate(() => ({
      cookie: (globalThis as any).document.cookie as string,
      stored: (globalThis as any).localStorage.length as number,
    }));
    expect(pageState).toEqual({ cookie: '', stored: 0 });
  });

  it('a reload goes straight back in: the page asks the server about the cookie', async () => {
    const { page } = owner;
    await page.reload();
    await expectWallet(page, '$12.50');
    await page.getByRole('banner').getByText(OWNER.name, { exact: true }).waitFor();
  });

  it('the OWNER invites a campaign manager from the Team page and gets the link, once', async () => {
    const { page } = owner;
    await goToSection(page, 'Team', '/team');
    const team = page.getByRole('region', { name: 'Invite a teammate' });
    await team.getByLabel('E-mail', { exact: true }).fill(MANAGER.email);
    await team.getByLabel('Role', { exact: true }).selectOption('CAMPAIGN_MANAGER');
    await team.getByRole('button', { name: 'Invite', exact: true }).click();
    const link = team.getByLabel('Invitation link', { exact: true });
    await link.waitFor();
    invitationUrl = await link.inputValue();
    expect(invitationUrl).toMatch(INVITATION_LINK_PATTERN);
    expect(invitationUrl.startsWith(`${t.url}/accept-invitation?token=`)).toBe(true);
    await team.getByText(`Invitation e-mailed to ${MANAGER.email} as Campaign manager`, { exact: false }).waitFor();
    await team.getByRole('button', { name: 'Copy link' }).waitFor();
    await saveScreenshot(page, SCREENSHOT_PREFIX, '03-invitation-link');

    // The link is not kept: back to the form, it is gone.
    await team.getByRole('button', { name: 'Invite someone else' }).click();
    await team.getByLabel('E-mail', { exact: true }).waitFor();
    expect(await team.getByLabel('Invitation link', { exact: true }).count()).toBe(0);
    await goToSection(page, 'Overview', '/');
    await expectWallet(page, '$12.50');
  });

  it('the invitee accepts in another browser (the password rules shown first) and sees the wallet as a campaign manager', async () => {
    manager = await anotherBrowser();
    const { page } = manager;
    await page.goto(invitationUrl);
    await page.getByRole('heading', { name: 'Join your team' }).waitFor();
    await page.getByText('At least 10 characters.', { exact: true }).waitFor();

    await page.getByLabel('Your name', { exact: true }).fill(MANAGER.name);
    await page.getByLabel('Password', { exact: true }).fill('too short');
    await page.getByLabel('Confirm password', { exact: true }).fill('too shorT');
    await page.getByRole('button', { name: 'Accept and sign in' }).click();
    await page.getByText('Use at least 10 characters (1 more).', { exact: true }).waitFor();
    await page.getByText('The two passwords differ.', { exact: true }).waitFor();
    await saveScreenshot(page, SCREENSHOT_PREFIX, '04-invitation-rules');

    await page.getByLabel('Password', { exact: true }).fill(MANAGER.password);
    await page.getByLabel('Confirm password', { exact: true }).fill(MANAGER.password);
    await page.getByRole('button', { name: 'Accept and sign in' }).click();
    await expectWallet(page, '$12.50');
    expect(new URL(page.url()).pathname).toBe('/');
    const header = page.getByRole('banner');
    await header.getByText(MANAGER.name, { exact: true }).waitFor();
    await header.getByText('Campaign manager', { exact: true }).waitFor();
    await saveScreenshot(page, SCREENSHOT_PREFIX, '05-invitee-signed-in');
    // Inviting is for OWNERs: a campaign manager's navigation has no Team section.
    await goToSection(page, 'Settings', '/settings');
    await page.getByRole('region', { name: 'Saved cards' }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Team', exact: true }).count()).toBe(0);
    await goToSection(page, 'Overview', '/');
    await expectWallet(page, '$12.50');
  });

  it('the same link a second time says it was used and offers the sign-in page', async () => {
    const { page } = await anotherBrowser();
    await page.goto(invitationUrl);
    await page.getByLabel('Your name', { exact: true }).fill('Someone Else');
    await page.getByLabel('Password', { exact: true }).fill(MANAGER.password);
    await page.getByLabel('Confirm password', { exact: true }).fill(MANAGER.password);
    await page.getByRole('button', { name: 'Accept and sign in' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'already accepted' });
    await alert.waitFor();
    await saveScreenshot(page, SCREENSHOT_PREFIX, '06-invitation-used');
    await alert.getByRole('button', { name: 'Go to sign-in' }).click();
    await signInHeading(page).waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
  });

  it('signing out elsewhere sends an open page back to sign-in (its socket closed with 4403)', async () => {
    const { page, context } = manager!;
    await page.getByRole('banner').getByRole('status').filter({ hasText: 'Live' }).waitFor();
    // A second tab of the same browser shares the cookie: signing out there ends the session here too.
    const otherTab = await context.newPage();
    try {
      await otherTab.goto(`${t.url}/`);
      await expectWallet(otherTab, '$12.50');
      await otherTab.getByRole('button', { name: 'Sign out' }).click();
      await signInHeading(otherTab).waitFor();
      expect(await otherTab.getByText('Your session ended: sign in again.').count()).toBe(0);
    } finally {
      await otherTab.close();
    }
    await signInHeading(page).waitFor();
    await page.getByRole('status').filter({ hasText: 'Your session ended: sign in again.' }).waitFor();
    expect(await page.getByRole('region', { name: 'Balances' }).count()).toBe(0);
    await saveScreenshot(page, SCREENSHOT_PREFIX, '07-session-ended-elsewhere');
  });

  it('signs out: back to the sign-in page, the cookie gone, and a reload stays signed out', async () => {
    const { page, context } = owner;
    await page.getByRole('button', { name: 'Sign out' }).click();
    await signInHeading(page).waitFor();
    expect(await page.getByText('Your session ended: sign in again.').count()).toBe(0);
    expect(await page.getByRole('banner').getByText(OWNER.name).count()).toBe(0);
    expect(await sessionCookie(context)).toBeUndefined();
    await saveScreenshot(page, SCREENSHOT_PREFIX, '08-signed-out');

    await page.reload();
    await signInHeading(page).waitFor();
    expect(await page.getByRole('region', { name: 'Balances' }).count()).toBe(0);
    await saveScreenshot(page, SCREENSHOT_PREFIX, '09-reload-signed-out');
  });

  it('signing in on a deep link (/campaigns; /team on a phone) stays on that page', async () => {
    // The other e2e files sign in by cookie; this keeps the form's "stay where you were" covered.
    for (const [path, viewport] of [
      ['/campaigns', undefined],
      ['/team', { width: 390, height: 844 }],
    ] as const) {
      const { page } = await e2e.open(viewport ? { viewport } : {});
      await page.goto(`${t.url}${path}`);
      await signInThroughPage(page, { ...OWNER, account: ACCOUNT_NAME });
      expect(new URL(page.url()).pathname).toBe(path);
      await page.getByRole('heading', { name: path === '/team' ? 'Members' : 'Campaigns', exact: true }).waitFor();
      await saveScreenshot(page, SCREENSHOT_PREFIX, `10-deep-link${path.replace('/', '-')}`);
    }
  });

  it('the API key stays available to integrators on the same page', async () => {
    const { page } = owner;
    const key = await t.createKey(account.accountId, 'INTEGRATOR');
    await page.getByRole('button', { name: 'Use an API key instead' }).click();
    await page.getByLabel('API key', { exact: true }).fill(key.secret);
    await page.getByRole('button', { name: 'Use key' }).click();
    await expectWallet(page, '$12.50');
    await page.getByRole('banner').getByRole('button', { name: 'Forget key' }).click();
    await signInHeading(page).waitFor();
    await page.getByLabel('E-mail', { exact: true }).waitFor();
    for (const open of e2e.pages) expect(open.errors.filter((error) => error.startsWith('pageerror'))).toEqual([]);
  });
});
