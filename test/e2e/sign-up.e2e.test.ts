// Goal: someone finds "Create an account" on the sign-in page, signs up (field errors first, then a working form), lands in their new dashboard with a "verify your e-mail" banner, asks for the link again, opens the e-mailed link in another browser (on a phone) and gets the trial credit, sees no low-balance warning on the Overview (a trial's threshold is below the trial), then as the owner opens a second wallet with "New wallet", switches the wallet picker to it, tops it up by card and sees the money on that wallet only; every screen works at desktop (1280×800) and phone (390×844) size with no horizontal scroll. Method: the real server on a fresh database with its mail and payment jobs on, a real SMTP server in the test process and the Stripe sandbox, the built dashboard in Debian's Chromium driven through roles and labels, one browser context per device, screenshots of each step at both sizes.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { e2eFile, goToSection, saveScreenshot, waitForText, type BrowserPage } from '../support/browser.js';
import { mailedServer } from '../support/mailed-server.js';
import type { ReceivedMail } from '../support/smtp-test-server.js';
import type { TestApp } from '../support/test-app.js';
import { balanceFigure, fillCheckout } from '../support/top-up-page.js';

/** Prefix of this file's screenshots in test-artifacts/e2e/. */
const SCREENSHOT_PREFIX = 'sign-up';
const PERSON = {
  email: 'casey.newcomer@example.com',
  password: 'trial accounts are free',
  name: 'Casey Newcomer',
  company: 'Newcomer Calls Ltd',
};
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

let t: TestApp;
let desktop: BrowserPage;

const mailed = mailedServer({ paymentsEnabled: true });
const e2e = e2eFile(SCREENSHOT_PREFIX, mailed.options);

beforeAll(async () => {
  t = e2e.t;
  desktop = await e2e.open({ viewport: DESKTOP });
});

const mailTo = mailed.mailTo;

/** The verification link in a mail. */
function linkIn(mail: ReceivedMail): string {
  const match = new RegExp(`${t.url}/verify-email\\?token=swv_[A-Za-z0-9_-]{43}`).exec(mail.text ?? '');
  expect(match, mail.text ?? undefined).not.toBeNull();
  return match![0];
}

/** The few DOM globals these checks read (the test's TypeScript has no DOM library). */
interface BrowserGlobals {
  document: { documentElement: { scrollWidth: number } };
}

/** Asserts the page does not scroll sideways. */
async function expectNoHorizontalScroll(page: Page, width: number): Promise<void> {
  const scrollWidth = await page.evaluate(() => (globalThis as unknown as BrowserGlobals).document.documentElement.scrollWidth);
  expect(scrollWidth).toBeLessThanOrEqual(width);
}

function banner(page: Page) {
  return page.getByRole('status').filter({ hasText: 'Verify your e-mail address' });
}

describe('sign-up, verification and the trial credit', () => {
  it('links to sign-up from sign-in; the form names each field it refuses', async () => {
    const { page } = desktop;
    await page.goto(`${t.url}/`);
    await page.getByRole('heading', { name: 'Sign in', exact: true }).waitFor();
    await page.getByRole('link', { name: 'New here? Create an account' }).click();
    await page.waitForURL((url) => url.pathname === '/sign-up');
    await page.getByRole('heading', { name: 'Start your free trial' }).waitFor();
    await page.getByText('Confirm your e-mail address and your wallet gets $2.00 of trial credit.').waitFor();
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByText('Enter an e-mail address such as ann@example.com.').waitFor();
    await page.getByText('Enter your company’s name.').waitFor();
    await page.getByText('Choose your country.').waitFor();
    expect(await page.getByLabel('Work e-mail', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await expectNoHorizontalScroll(page, DESKTOP.width);
    await saveScreenshot(page, SCREENSHOT_PREFIX, '01-desktop-form-errors');
  });

  it('signs up: the new dashboard opens at once, with the verify banner', async () => {
    const { page } = desktop;
    await page.getByLabel('Work e-mail', { exact: true }).fill(PERSON.email);
    await page.getByLabel('Password', { exact: true }).fill(PERSON.password);
    await page.getByLabel('Your name', { exact: true }).fill(PERSON.name);
    await page.getByLabel('Company', { exact: true }).fill(PERSON.company);
    await page.getByLabel('Country', { exact: true }).selectOption('CA');
    await page.getByLabel('Wallet currency', { exact: true }).selectOption('USD');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('heading', { name: PERSON.company }).waitFor();
    await banner(page).waitFor();
    await banner(page).getByText(PERSON.email).waitFor();
    await goToSection(page, 'Top up', '/top-up');
    await waitForText(balanceFigure(page), '$0.00');
    const first = await mailTo(PERSON.email, 1);
    expect(first.subject).toBe('Confirm your e-mail address for Spendwire');
    await saveScreenshot(page, SCREENSHOT_PREFIX, '02-desktop-signed-up-unverified');
  });

  it('sends the link again from the banner (a second mail with a new link)', async () => {
    const { page } = desktop;
    await banner(page).getByRole('button', { name: 'Send the link again' }).click();
    await page.getByText('A new link is on its way; the earlier one no longer works.').waitFor();
    const second = await mailTo(PERSON.email, 2);
    expect(second.subject).toBe('Your new link to confirm your e-mail address');
    expect(linkIn(second)).not.toBe(linkIn(await mailTo(PERSON.email, 1)));
  });

  it('the old link is refused; the new one, opened on a phone, confirms the address and gives the trial credit once', async () => {
    const phone = await e2e.open({ viewport: PHONE });
    await phone.page.goto(linkIn(await mailTo(PERSON.email, 1)));
    await phone.page.getByRole('alert').getByText('This link no longer works', { exact: false }).waitFor();
    await saveScreenshot(phone.page, SCREENSHOT_PREFIX, '03-phone-old-link');
    await phone.page.goto(linkIn(await mailTo(PERSON.email, 2)));
    await phone.page.getByText('Your e-mail address is confirmed, and $2.00 of trial credit is in your wallet.').waitFor();
    await expectNoHorizontalScroll(phone.page, PHONE.width);
    await saveScreenshot(phone.page, SCREENSHOT_PREFIX, '04-phone-verified');
    await phone.page.reload();
    await phone.page.getByText('Your e-mail address was already confirmed.').waitFor();
    await phone.page.getByRole('button', { name: 'Go to sign-in' }).click();
    await phone.page.getByRole('heading', { name: 'Sign in', exact: true }).waitFor();
  });

  it('the signed-in dashboard loses the banner and shows the trial credit', async () => {
    const { page } = desktop;
    await page.reload();
    await page.getByRole('heading', { name: PERSON.company }).waitFor();
    await waitForText(balanceFigure(page), '$2.00');
    expect(await banner(page).count()).toBe(0);
    await saveScreenshot(page, SCREENSHOT_PREFIX, '05-desktop-verified');
    // A trial's wallet starts with a threshold below its trial (half of it): 2.00 is not "low" on the Overview.
    await goToSection(page, 'Overview', '/');
    await waitForText(balanceFigure(page), '$2.00');
    expect(await page.locator('[data-banner="low-balance"]').count()).toBe(0);
    await goToSection(page, 'Top up', '/top-up');
  });
});

describe('a second wallet', () => {
  it('opens a wallet with "New wallet" and switches to it', async () => {
    const { page } = desktop;
    await page.getByRole('button', { name: 'New wallet' }).click();
    const dialog = page.getByRole('dialog', { name: 'New wallet' });
    await dialog.getByLabel('Name', { exact: true }).fill('Client B');
    await dialog.getByLabel('Currency', { exact: true }).selectOption('USD');
    await saveScreenshot(page, SCREENSHOT_PREFIX, '06-desktop-new-wallet-dialog');
    await dialog.getByRole('button', { name: 'Create wallet' }).click();
    await dialog.waitFor({ state: 'detached' });
    const picker = page.getByLabel('Wallet', { exact: true });
    await picker.waitFor();
    // An option is never "visible": read the selected one's text instead.
    await expect.poll(() => picker.locator('option:checked').textContent()).toMatch(/^Client B · USD/);
    await waitForText(balanceFigure(page), '$0.00');
  });

  it('tops up the selected wallet by card: the money shows on it and not on the first', async () => {
    const { page } = desktop;
    await topUpCardReady(page);
    const pay = await fillCheckout(page, { quickPick: '$25.00', testCardId: 'pm_card_visa', save: false });
    await pay.click();
    await waitForText(balanceFigure(page), '$25.00');
    await saveScreenshot(page, SCREENSHOT_PREFIX, '07-desktop-second-wallet-topped-up');
    const picker = page.getByLabel('Wallet', { exact: true });
    const main = await picker.locator('option', { hasText: /^Main · USD/ }).getAttribute('value');
    await picker.selectOption(main!);
    await waitForText(balanceFigure(page), '$2.00');
    await goToSection(page, 'Overview', '/');
    await waitForText(balanceFigure(page), '$2.00');
    // The pick survives a reload of the tab.
    const clientB = await picker.locator('option', { hasText: /^Client B · USD/ }).getAttribute('value');
    await picker.selectOption(clientB!);
    await waitForText(balanceFigure(page), '$25.00');
    await page.reload();
    await page.getByRole('heading', { name: PERSON.company }).waitFor();
    await waitForText(balanceFigure(page), '$25.00');
    await t.assertLedger();
  });

  it('fits a phone: the dashboard with its wallet picker, and the sign-up page', async () => {
    const phone = await e2e.open({ viewport: PHONE });
    const { page } = phone;
    await page.goto(`${t.url}/`);
    await page.getByRole('heading', { name: 'Sign in', exact: true }).waitFor();
    await page.getByLabel('E-mail', { exact: true }).fill(PERSON.email);
    await page.getByLabel('Password', { exact: true }).fill(PERSON.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('heading', { name: PERSON.company }).waitFor();
    await page.getByLabel('Wallet', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'New wallet' }).waitFor();
    await waitForText(balanceFigure(page), '$2.00');
    await expectNoHorizontalScroll(page, PHONE.width);
    await saveScreenshot(page, SCREENSHOT_PREFIX, '08-phone-dashboard-wallet-picker');
    const visitor = await e2e.open({ viewport: PHONE });
    await visitor.page.goto(`${t.url}/sign-up`);
    await visitor.page.getByRole('heading', { name: 'Start your free trial' }).waitFor();
    await expectNoHorizontalScroll(visitor.page, PHONE.width);
    await saveScreenshot(visitor.page, SCREENSHOT_PREFIX, '09-phone-sign-up');
  });
});

/** Waits until the Top up page's form is ready (the wallet's saved cards loaded). */
async function topUpCardReady(page: Page): Promise<void> {
  await goToSection(page, 'Top up', '/top-up');
  await page.getByRole('region', { name: 'Top up', exact: true }).getByRole('button', { name: /^Pay/ }).waitFor();
}
