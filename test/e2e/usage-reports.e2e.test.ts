// Goal: a signed-in user turns the daily usage report e-mail on and off from the Notifications page (off by default; each change saved, confirmed and stored, and the report job then handles them as a recipient), and reads a preview of the daily and monthly reports with spend by kind, campaign and country; the page works at desktop (1280×800) and phone (390×844) size with no horizontal scroll. Method: the real server on a fresh database, activity made over GraphQL, the built dashboard in Debian's Chromium driven through roles and labels, preferences and the report job's sent-markers read with SQL, screenshots at both sizes.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { e2eFile, goToSection, saveScreenshot, type BrowserPage, signInWithCookie } from '../support/browser.js';
import { runSql } from '../support/sql.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const SCREENSHOT_PREFIX = 'usage-reports';
const ACCOUNT_NAME = 'E2E Reports Account';
const OWNER = { email: 'rhea.reports@example.com', name: 'Rhea Reports', password: 'reports every morning' };
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

const e2e = e2eFile(SCREENSHOT_PREFIX, {
  start: () => startTestApp({ billingClockEnabled: false, mailEnabled: false, usageReportsEnabled: false }),
});
let t: TestApp;
let owner: BrowserPage;
let accountId: string;

beforeAll(async () => {
  t = e2e.t;
  const account = await t.createAccount(ACCOUNT_NAME);
  accountId = account.accountId;
  await t.fund(account.walletId, '20');
  await e2e.createUser(accountId, 'OWNER', OWNER);
  // One minute to the UK on a campaign: 0.60 spent.
  const ratePlanId = await t.createRatePlan([{ prefix: '44', perMinute: '0.6', firstIncrementSeconds: 60, nextIncrementSeconds: 60 }]);
  const campaignId = await t.runningCampaign(account.ownerKey, account.walletId, ratePlanId);
  await t.ok(account.ownerKey, 'mutation($input: CreateCampaignInput!) { createCampaign(input: $input) { campaign { id } } }', {
    input: { walletId: account.walletId, ratePlanId, name: 'Idle campaign' },
  });
  const started = await t.ok(account.ownerKey, 'mutation($input: StartCallInput!) { startCall(input: $input) { call { id } } }', {
    input: { campaignId, to: '+447700900123' },
  });
  await t.ok(account.ownerKey, 'mutation($input: EndCallInput!) { endCall(input: $input) { call { id } } }', {
    input: { callId: started.startCall.call.id },
  });
  owner = await e2e.open({ viewport: DESKTOP });
}, 120_000);

function region(page: Page, name: string) {
  return page.getByRole('region', { name, exact: true });
}

async function expectNoHorizontalScroll(page: Page, width: number): Promise<void> {
  const scrollWidth = await page.evaluate(
    () => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth,
  );
  expect(scrollWidth).toBeLessThanOrEqual(width);
}

/** The report job's sent-markers of the account: who was handled, for which period. */
async function reportMarkers(): Promise<{ recipient: string; period: string }[]> {
  return runSql(t.app.orm.em.fork(), 'select recipient, period from usage_report_mail where account_id = $1 order by id', [accountId]);
}

async function storedPreference(kind: string): Promise<boolean | undefined> {
  const rows = await runSql(
    t.app.orm.em.fork(),
    'select p.email from notification_preference p join app_user u on u.id = p.user_id where u.email = $1 and p.kind = $2',
    [OWNER.email, kind],
  );
  return rows[0]?.email;
}

describe('usage reports on the Notifications page', () => {
  it('lists the daily and monthly reports, off by default, and previews today’s spend so far', async () => {
    const { page } = owner;
    await signInWithCookie(page, t.url, { ...OWNER, account: ACCOUNT_NAME });
    await goToSection(page, 'Notifications', '/notifications');
    const daily = page.getByRole('switch', { name: 'Daily usage report' });
    const monthly = page.getByRole('switch', { name: 'Monthly usage report' });
    await daily.waitFor();
    expect(await daily.isChecked()).toBe(false);
    expect(await monthly.isChecked()).toBe(false);
    const preview = region(page, 'Usage report');
    await preview.getByRole('heading', { name: /^Yesterday: / }).waitFor();
    await preview.getByText(/^Nothing was spent in /).waitFor();
    await preview.getByRole('radio', { name: 'Today so far' }).check();
    const day = new Date().toISOString().slice(0, 10);
    await preview.getByRole('heading', { name: `Today so far: ${day} (UTC)` }).waitFor();
    await preview.getByText('United Kingdom (+44)').waitFor();
    await preview.getByText('Test campaign').waitFor();
    expect(await preview.getByText('$0.60', { exact: true }).count()).toBe(4); // spent, by kind, by campaign, by country
    await expectNoHorizontalScroll(page, DESKTOP.width);
    await saveScreenshot(page, SCREENSHOT_PREFIX, '01-desktop-off-preview');
  });

  it('turns the daily report on: saved, confirmed, stored, and the report job takes the user as a recipient', async () => {
    const { page } = owner;
    const daily = page.getByRole('switch', { name: 'Daily usage report' });
    await daily.check();
    await page.getByRole('status').getByText('Saved: Daily usage report e-mails are on.').waitFor();
    expect(await daily.isChecked()).toBe(true);
    expect(await storedPreference('DAILY_USAGE_REPORT')).toBe(true);
    await t.app.usageReportJobs.runOnce();
    await t.app.usageReportJobs.runOnce();
    // Yesterday (the last completed day) had no activity: the user is marked once, and nothing is mailed.
    expect(await reportMarkers()).toEqual([{ recipient: OWNER.email, period: 'DAILY' }]);
    await saveScreenshot(page, SCREENSHOT_PREFIX, '02-desktop-daily-on');
  });

  it('turns it off again, shows the month so far, and fits a phone', async () => {
    const { page } = owner;
    const daily = page.getByRole('switch', { name: 'Daily usage report' });
    await daily.uncheck();
    await page.getByRole('status').getByText('Saved: Daily usage report e-mails are off.').waitFor();
    expect(await daily.isChecked()).toBe(false);
    expect(await storedPreference('DAILY_USAGE_REPORT')).toBe(false);
    const preview = region(page, 'Usage report');
    await preview.getByRole('radio', { name: 'This month so far' }).check();
    await preview.getByRole('heading', { name: /^This month so far: / }).waitFor();
    await preview.getByText('United Kingdom (+44)').waitFor();
    await page.setViewportSize(PHONE);
    await expectNoHorizontalScroll(page, PHONE.width);
    await saveScreenshot(page, SCREENSHOT_PREFIX, '03-phone-month-so-far');
    await preview.getByRole('radio', { name: 'Last month' }).check();
    await preview.getByRole('heading', { name: /^Last month: / }).waitFor();
    await expectNoHorizontalScroll(page, PHONE.width);
    await saveScreenshot(page, SCREENSHOT_PREFIX, '04-phone-last-month');
  });
});
