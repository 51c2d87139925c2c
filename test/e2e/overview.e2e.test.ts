// Goal: the Overview shows a wallet burning down live: an OWNER signs in to a wallet funded with $1 (the low-balance warning up), calls start through the API and the page, without a reload, shows the burn rate and the available balance falling as the billing clock reserves increments, then the wallet running dry and a "calls stopped" banner naming the campaign, whose Top up button leads to /top-up; the time from the first call the server stopped to the banner on screen is printed. Method: the real server with its real-time billing clock on a fresh database, the built dashboard in Debian's Chromium driven through roles and labels, a MutationObserver in the page timing the banner, the stopped call's time read from the database, screenshots of each step, then the ledger invariants.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ensureClientBuilt,
  newPage,
  openBrowser,
  saveScreenshot,
  waitForText,
  type BrowserPage,
  definitionOf,
  signInThroughPage,
  screenshotOnFailure,
} from '../support/browser.js';
import { balances, burnCard, callsStoppedBanner, usdMicros } from '../support/overview-page.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** Prefix of this file's screenshots in test-artifacts/e2e/. */
const SCREENSHOT_PREFIX = 'overview';

const ACCOUNT_NAME = 'E2E Overview Account';
const OWNER = { email: 'oona.owner@example.com', name: 'Oona Owner', password: 'burn rate and banners' };
/** t.runningCampaign's name. */
const CAMPAIGN_NAME = 'Test campaign';

/**
 * Two calls at $3/min billed by the second: $6/min together, so $1 lasts about 10 s, the billing
 * clock reserving $0.05 per call each second (the available balance steps down $0.10 a second).
 */
const PER_MINUTE = '3';
const CALLS = 2;

/** Longest wait for the wallet to run dry and the banner to show, in ms (the money lasts ~10 s). */
const RUN_DRY_TIMEOUT_MS = 40_000;

let t: TestApp;
let browser: Browser;
let session: BrowserPage;
let account: { accountId: string; walletId: string; ownerKey: string };
let campaignId: string;

beforeAll(async () => {
  await ensureClientBuilt();
  t = await startTestApp({ billingClockEnabled: true });
  account = await t.createAccount(ACCOUNT_NAME);
  await t.ok(t.adminToken, 'mutation($input: CreateUserInput!) { createUser(input: $input) { user { id } } }', {
    input: { accountId: account.accountId, email: OWNER.email, name: OWNER.name, role: 'OWNER', password: OWNER.password },
  });
  await t.fund(account.walletId, '1');
  const ratePlanId = await t.createRatePlan([{ prefix: '', perMinute: PER_MINUTE, firstIncrementSeconds: 1, nextIncrementSeconds: 1 }]);
  campaignId = await t.runningCampaign(account.ownerKey, account.walletId, ratePlanId);
  browser = await openBrowser();
  session = await newPage(browser);
}, 120_000);

afterAll(async () => {
  await session?.close();
  await browser?.close();
  await t?.close();
});

screenshotOnFailure(SCREENSHOT_PREFIX, () => [session]);

/** Starts one call through the API as the OWNER key; returns its status. */
async function startCall(to: string): Promise<string> {
  const data = await t.ok(account.ownerKey, 'mutation($input: StartCallInput!) { startCall(input: $input) { call { id status } } }', {
    input: { campaignId, to },
  });
  return data.startCall.call.status;
}

describe('dashboard: the overview follows a wallet burning down', () => {
  it('signs the OWNER in on the overview: $1.00 available, nothing burning, the low-balance warning with Top up', async () => {
    const { page } = session;
    await page.goto(`${t.url}/`);
    await signInThroughPage(page, { ...OWNER, account: ACCOUNT_NAME });
    await page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('link', { name: 'Overview' })
      .and(page.locator('[aria-current="page"]'))
      .waitFor();
    await waitForText(definitionOf(balances(page), 'Available'), '$1.00');
    await waitForText(definitionOf(burnCard(page), 'Burn rate'), '$0.00/min');
    await waitForText(definitionOf(burnCard(page), 'Time to empty'), 'nothing is burning');
    const low = page.getByRole('status', { name: 'Low balance' });
    await waitForText(low, /Available \$1\.00 is below \$5\.00, the default low-balance line/);
    await low.getByRole('button', { name: 'Top up' }).waitFor();
    expect(await callsStoppedBanner(page).count()).toBe(0);
    await saveScreenshot(page, SCREENSHOT_PREFIX, '01-funded-nothing-burning');
  });

  it('calls start: the burn rate appears and the available balance falls live, then the wallet runs dry and the banner names the campaign', async () => {
    const { page } = session;
    // Marks this document (a reload would lose it) and times the banner's arrival in the page itself.
    await page.evaluate(() => {
      const page = globalThis as any;
      page.__overviewDocument = 'not reloaded';
      const mark = () => {
        if (page.__bannerShownAtMs === undefined && page.document.querySelector('[data-banner="calls-stopped"]'))
          page.__bannerShownAtMs = Date.now();
      };
      new page.MutationObserver(mark).observe(page.document.body, { subtree: true, childList: true });
    });

    for (let index = 0; index < CALLS; index++) expect(await startCall(`+1555010000${index}`)).toBe('ACTIVE');

    await waitForText(definitionOf(burnCard(page), 'Burn rate'), '$6.00/min');
    await waitForText(definitionOf(burnCard(page), 'Active calls'), String(CALLS));
    await waitForText(definitionOf(burnCard(page), 'Time to empty'), 'under a minute');
    await saveScreenshot(page, SCREENSHOT_PREFIX, '02-burning');

    // Watch the available balance step down until it is gone, reading what the page shows.
    const available = definitionOf(balances(page), 'Available');
    const readings: string[] = [];
    const deadlineMs = Date.now() + RUN_DRY_TIMEOUT_MS;
    let savedMidway = false;
    for (;;) {
      const text = ((await available.textContent()) ?? '').trim();
      if (readings.at(-1) !== text) readings.push(text);
      if (!savedMidway && readings.length === 4) {
        await saveScreenshot(page, SCREENSHOT_PREFIX, '03-available-falling');
        savedMidway = true;
      }
      if (text === '$0.00') break;
      if (Date.now() > deadlineMs) throw new Error(`The available balance never reached $0.00; it read ${readings.join(' → ')}`);
      await page.waitForTimeout(100);
    }
    console.log(`[overview e2e] available balance as the page showed it: ${readings.join(' → ')}`);
    // It fell, live and step by step: several distinct figures, each below the one before.
    expect(readings.length).toBeGreaterThanOrEqual(4);
    for (let index = 1; index < readings.length; index++) expect(usdMicros(readings[index]!) < usdMicros(readings[index - 1]!)).toBe(true);

    const banner = callsStoppedBanner(page);
    await banner.waitFor({ timeout: RUN_DRY_TIMEOUT_MS });
    const link = banner.getByRole('link', { name: CAMPAIGN_NAME, exact: true });
    await link.waitFor();
    expect(await link.getAttribute('href')).toBe(`/campaigns/${campaignId}`);
    await banner.getByRole('button', { name: 'Top up' }).waitFor();
    // The calls are over: nothing active, the money spent, and the burn falls back to the recent debits.
    await waitForText(definitionOf(burnCard(page), 'Active calls'), '0', RUN_DRY_TIMEOUT_MS);
    await waitForText(definitionOf(balances(page), 'Balance'), '$0.00');
    await waitForText(definitionOf(balances(page), 'Reserved'), '$0.00');
    await waitForText(definitionOf(burnCard(page), 'Time to empty'), 'empty now');
    expect(await page.evaluate(() => (globalThis as any).__overviewDocument)).toBe('not reloaded');
    await saveScreenshot(page, SCREENSHOT_PREFIX, '04-calls-stopped-banner');

    const bannerShownAtMs = (await page.evaluate(() => (globalThis as any).__bannerShownAtMs)) as number | undefined;
    expect(typeof bannerShownAtMs).toBe('number');
    const [stop] = await t.app.orm.em
      .fork()
      .getConnection()
      .execute<{ ended_ms: number; recorded_ms: number; stopped: number }[]>(
        `select (extract(epoch from min(ended_at)) * 1000)::float8 as ended_ms, (extract(epoch from min(updated_at)) * 1000)::float8 as recorded_ms,
                count(*)::int as stopped
           from call where campaign_id = ? and status = 'STOPPED'`,
        [campaignId],
      );
    expect(stop!.stopped).toBe(CALLS);
    console.log(
      `[overview e2e] wallet ran dry (first STOPPED call's ended_at) → "calls stopped" banner on screen: ${Math.round(bannerShownAtMs! - stop!.ended_ms)} ms` +
        ` (from the stop's commit, its updated_at: ${Math.round(bannerShownAtMs! - stop!.recorded_ms)} ms)`,
    );
    const campaign = await t.ok(account.ownerKey, 'query($id: ID!) { campaign(id: $id) { status } }', { id: campaignId });
    expect(campaign.campaign.status).toBe('STOPPED_INSUFFICIENT_FUNDS');
  }, 90_000);

  it('the banner’s Top up leads to the Top up page', async () => {
    const { page } = session;
    await callsStoppedBanner(page).getByRole('button', { name: 'Top up' }).click();
    await page.waitForURL((url) => url.pathname === '/top-up');
    await page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('link', { name: 'Top up' })
      .and(page.locator('[aria-current="page"]'))
      .waitFor();
    expect(await callsStoppedBanner(page).count()).toBe(0);
    await saveScreenshot(page, SCREENSHOT_PREFIX, '05-top-up-page');
    expect(session.errors.filter((error) => error.startsWith('pageerror'))).toEqual([]);
    await t.assertLedger();
  });
});
