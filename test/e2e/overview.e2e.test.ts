// Goal: the Overview shows a wallet burning down live, and the account's alerts: an OWNER signs in to a wallet funded with $1 (the low-balance warning up), calls start through the API and the page, without a reload, shows the burn rate and the available balance falling as the billing clock reserves increments, then the wallet running dry and a "calls stopped" banner naming the campaign, whose Top up button leads to /top-up; the time from the first call the server stopped to the banner on screen is printed. Then a second owner whose wallet alerts at $20 (not the default $5): a charge crossing it makes a LOW_BALANCE alert appear live in the Overview's alerts card (its time with a zone) and the low-balance banner name $20, at desktop and phone width (at 390 px none of the Overview's own parts reaches past the screen's edge; the page's scrollWidth is printed), and Acknowledge there takes it off the list (and the server has it acknowledged). Method: the real server with its real-time billing clock on a fresh database, the built dashboard in Debian's Chromium driven through roles and labels, a MutationObserver in the page timing the banner, the stopped call's time read from the database, screenshots of each step, then the ledger invariants.
import { randomUUID } from 'node:crypto';
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { e2eFile, saveScreenshot, waitForText, type BrowserPage, definitionOf, signInThroughPage } from '../support/browser.js';
import { balances, burnCard, callsStoppedBanner, lowBalanceBanner, usdMicros } from '../support/overview-page.js';
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

const e2e = e2eFile(SCREENSHOT_PREFIX, { start: () => startTestApp({ billingClockEnabled: true }) });
let t: TestApp;
let session: BrowserPage;
let account: { accountId: string; walletId: string; ownerKey: string };
let campaignId: string;
/** The second journey's page: an owner whose wallet has its own balance alert at $20. */
let alertsSession: BrowserPage | undefined;

beforeAll(async () => {
  t = e2e.t;
  account = await t.createAccount(ACCOUNT_NAME);
  await e2e.createUser(account.accountId, 'OWNER', OWNER);
  await t.fund(account.walletId, '1');
  const ratePlanId = await t.createRatePlan([{ prefix: '', perMinute: PER_MINUTE, firstIncrementSeconds: 1, nextIncrementSeconds: 1 }]);
  campaignId = await t.runningCampaign(account.ownerKey, account.walletId, ratePlanId);
  session = await e2e.open();
}, 120_000);

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
    await waitForText(low, /Available \$1\.00 is below \$5\.00, one of this wallet’s balance alerts\./);
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

/** The Overview's alerts card (its heading counts the alerts: "Alerts (1)"). */
function alertsCard(page: Page): Locator {
  return page.getByRole('region', { name: /^Alerts/ });
}

/** How much wider than the viewport the page is, in CSS pixels (0: no sideways scroll). */
async function horizontalOverflowPx(page: Page): Promise<number> {
  return page.evaluate(() => {
    const root = (globalThis as any).document.documentElement;
    return root.scrollWidth - root.clientWidth;
  });
}

/**
 * The elements under `selector` that reach past the viewport's right edge (or start left of 0), as
 * "tag.class" with their right edge, for the message when any do.
 */
async function overflowingElements(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((rootSelector: string) => {
    const page = globalThis as any;
    const width = page.document.documentElement.clientWidth;
    const found: string[] = [];
    for (const root of page.document.querySelectorAll(rootSelector)) {
      for (const element of [root, ...root.querySelectorAll('*')]) {
        const box = element.getBoundingClientRect();
        if (box.width > 0 && (box.right > width + 0.5 || box.left < -0.5))
          found.push(
            `${element.tagName.toLowerCase()}.${String(element.className).split(' ').join('.')} (${Math.round(box.left)}–${Math.round(box.right)})`,
          );
      }
    }
    return found;
  }, selector);
}

/**
 * The Overview's own parts at phone width: banners, balance and burn cards, the alerts card. The
 * header and the transactions table get their phone layout elsewhere (the layout's own e2e checks
 * every route's scrollWidth); the page's overflow is printed meanwhile.
 */
const OVERVIEW_OWN_PARTS = '.overview-banners, section[aria-label="Balances"], section[aria-labelledby="overview-alerts-heading"]';

describe('dashboard: the overview lists the account’s alerts live, and the banner uses the wallet’s own balance alert', () => {
  const ALERTS_ACCOUNT = 'E2E Overview Alerts Account';
  const ALERTS_OWNER = { email: 'alba.alerts@example.com', name: 'Alba Alerts', password: 'alerts where people look' };
  let alertsAccount: { accountId: string; walletId: string; ownerKey: string };

  beforeAll(async () => {
    alertsAccount = await t.createAccount(ALERTS_ACCOUNT);
    await t.ok(t.adminToken, 'mutation($input: CreateUserInput!) { createUser(input: $input) { user { id } } }', {
      input: {
        accountId: alertsAccount.accountId,
        email: ALERTS_OWNER.email,
        name: ALERTS_OWNER.name,
        role: 'OWNER',
        password: ALERTS_OWNER.password,
      },
    });
    await t.fund(alertsAccount.walletId, '50');
    // The owner's own line: warn at $20 (and at 0), not at the default $5.
    await t.ok(
      alertsAccount.ownerKey,
      'mutation($input: SetLowBalanceThresholdsInput!) { setLowBalanceThresholds(input: $input) { thresholds } }',
      { input: { walletId: alertsAccount.walletId, thresholds: ['20', '0'] } },
    );
    alertsSession = await e2e.open();
  }, 60_000);

  it('signs the owner in: $50.00 available, no low-balance banner above the $20 alert, and "No alerts"', async () => {
    const { page } = alertsSession!;
    await page.goto(`${t.url}/`);
    await signInThroughPage(page, { ...ALERTS_OWNER, account: ALERTS_ACCOUNT });
    await waitForText(definitionOf(balances(page), 'Available'), '$50.00');
    await alertsCard(page).getByText('No alerts', { exact: true }).waitFor();
    expect(await lowBalanceBanner(page).count()).toBe(0);
    await saveScreenshot(page, SCREENSHOT_PREFIX, '06-no-alerts');
  });

  it('a charge crossing the $20 alert: the alert appears live in the card, and the banner names $20', async () => {
    const { page } = alertsSession!;
    await page.evaluate(() => ((globalThis as any).__alertsDocument = 'not reloaded'));
    await t.ok(alertsAccount.ownerKey, 'mutation($input: ChargeInput!) { charge(input: $input) { transaction { id } } }', {
      input: { walletId: alertsAccount.walletId, amount: '35', description: 'usage', idempotencyKey: randomUUID() },
    });
    // Raise what the charge caused now rather than on the processor's next tick.
    await t.app.alertProcessor.pass();

    const item = alertsCard(page).getByRole('listitem', { name: 'Low balance' });
    await item.waitFor();
    await waitForText(item, /balance is 15\.00 USD, at or below your low-balance threshold of 20\.00 USD/);
    // Its time carries a zone.
    expect((await item.locator('time').textContent())?.trim()).toMatch(/\b(UTC|GMT[+-]?[0-9:]*|[A-Z]{3,4})$/);
    await item.getByRole('button', { name: 'Acknowledge' }).waitFor();
    await waitForText(lowBalanceBanner(page), /Available \$15\.00 is below \$20\.00, one of this wallet’s balance alerts\./);
    expect(await page.evaluate(() => (globalThis as any).__alertsDocument)).toBe('not reloaded');
    await saveScreenshot(page, SCREENSHOT_PREFIX, '07-alert-live');

    await page.setViewportSize({ width: 390, height: 844 });
    await expect.poll(() => page.evaluate(() => (globalThis as any).document.documentElement.clientWidth)).toBeLessThanOrEqual(390);
    expect(await overflowingElements(page, OVERVIEW_OWN_PARTS)).toEqual([]);
    const pageOverflow = await horizontalOverflowPx(page);
    console.log(
      `[overview e2e] at 390 px the whole page scrolls sideways by ${pageOverflow} px` +
        (pageOverflow > 0 ? `: ${(await overflowingElements(page, 'body')).slice(0, 8).join(', ')}` : ''),
    );
    const acknowledge = item.getByRole('button', { name: 'Acknowledge' });
    await acknowledge.scrollIntoViewIfNeeded();
    expect(await acknowledge.isVisible()).toBe(true);
    const box = (await acknowledge.boundingBox())!;
    expect(box.x >= 0 && box.x + box.width <= 390).toBe(true);
    await saveScreenshot(page, SCREENSHOT_PREFIX, '08-alert-phone');
  });

  it('acknowledged in the card, the alert leaves the list and the server has it acknowledged', async () => {
    const { page } = alertsSession!;
    const item = alertsCard(page).getByRole('listitem', { name: 'Low balance' });
    await item.getByRole('button', { name: 'Acknowledge' }).click();
    await item.waitFor({ state: 'detached' });
    await alertsCard(page).getByText('No alerts', { exact: true }).waitFor();
    const alerts = await t.ok(
      alertsAccount.ownerKey,
      'query { open: alerts(acknowledged: false) { edges { node { id } } } done: alerts(acknowledged: true) { edges { node { kind acknowledgedBy } } } }',
    );
    expect(alerts.open.edges).toEqual([]);
    expect(alerts.done.edges.map((edge: { node: { kind: string } }) => edge.node.kind)).toEqual(['LOW_BALANCE']);
    expect(alerts.done.edges[0].node.acknowledgedBy).toBeTruthy();
    // The banner is about the balance, not the alert: it stays until the wallet is funded.
    await lowBalanceBanner(page).waitFor();
    expect(await overflowingElements(page, OVERVIEW_OWN_PARTS)).toEqual([]);
    await saveScreenshot(page, SCREENSHOT_PREFIX, '09-acknowledged-phone');
    await page.setViewportSize({ width: 1280, height: 800 });
    await saveScreenshot(page, SCREENSHOT_PREFIX, '10-acknowledged-desktop');
    expect(alertsSession!.errors.filter((error) => error.startsWith('pageerror'))).toEqual([]);
    await t.assertLedger();
  });
});
