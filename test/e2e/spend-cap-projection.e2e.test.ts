// Goal: when a daily spend cap will stop spending before the wallet runs dry, the Overview's burn card says "Daily cap reached in ~X" and the running campaign's page says "Daily cap reached in …" (the API's limitedBy SPEND_CAP and its seconds), and a campaign a cap stopped reads "Stopped: spend cap reached" (badge in the list and on its page, its own notice, Resume), at desktop (1280×800) and phone (390×844) widths with no sideways scroll. Method: the real server on a fresh database with its billing clock off (the one call's reservation stays put, so the projection holds still), the built dashboard in Debian's Chromium driven through roles and labels, the call started over GraphQL with the OWNER key as an integrator's switch would, figures compared with the API's, screenshots at both sizes, the ledger invariants at the end.
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { definitionOf, saveScreenshot, waitForText } from '../support/browser.js';
import { accountE2eFile, DESKTOP, PHONE } from '../support/e2e-presets.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const SCREENSHOT_PREFIX = 'spend-cap-projection';
const LIVE_TIMEOUT_MS = 20_000;
const OWNER = {
  account: 'E2E Cap Outlook',
  email: 'otto.outlook@example.com',
  name: 'Otto Outlook',
  password: 'caps come before the money',
};
const CAMPAIGN_NAME = 'Cap-bound promo';

const START_CALL = `mutation($input: StartCallInput!) { startCall(input: $input) { call { id status endReason } } }`;
const END_CALL = `mutation($input: EndCallInput!) { endCall(input: $input) { call { id status } } }`;
const SET_CAPS = `mutation($input: SetSpendCapsInput!) { setSpendCaps(input: $input) { spendCap { scope } } }`;
const OUTLOOK = `query($w: ID!, $c: ID!) {
  wallet(id: $w) { burn { timeToEmptySeconds limitedBy limitReachedInSeconds spendCap { period scope reachedInSeconds } } }
  campaign(id: $c) { status projection { endsBy endsInSeconds spendCap { period } } }
}`;

const e2e = accountE2eFile(SCREENSHOT_PREFIX, {
  start: () => startTestApp({ billingClockEnabled: false }),
  account: OWNER.account,
  owner: OWNER,
  funds: '100',
});
let t: TestApp;
let account: { accountId: string; walletId: string; ownerKey: string };
let campaignId: string;
let callId: string;

beforeAll(async () => {
  t = e2e.t;
  // 0.60 a minute, billed per started minute: the call holds 0.60 of the day's cap as it starts.
  const ratePlanId = await t.createRatePlan([{ prefix: '', perMinute: '0.6', firstIncrementSeconds: 60, nextIncrementSeconds: 60 }]);
  account = e2e.account;
  const created = await t.ok(
    account.ownerKey,
    `mutation($input: CreateCampaignInput!) { createCampaign(input: $input) { campaign { id } } }`,
    { input: { walletId: account.walletId, ratePlanId, name: CAMPAIGN_NAME } },
  );
  campaignId = created.createCampaign.campaign.id;
  await t.ok(account.ownerKey, `mutation($id: ID!) { startCampaign(id: $id) { campaign { id } } }`, { id: campaignId });
  // A daily cap of 3.00: 2.40 left once the call holds its first minute, 240 s at 0.60 a minute; the wallet's 99.40 last 9,940 s.
  await t.ok(account.ownerKey, SET_CAPS, { input: { walletId: account.walletId, daily: '3' } });
  const call = (await t.ok(account.ownerKey, START_CALL, { input: { campaignId, to: '+447700900701' } })).startCall.call;
  expect(call.status).toBe('ACTIVE');
  callId = call.id;
}, 180_000);

function burnCard(page: Page): Locator {
  return page.getByRole('region', { name: 'Burn rate and time to empty' });
}

function figure(page: Page, term: string): Locator {
  return definitionOf(page.locator('dl[aria-label="Campaign figures"]'), term);
}

async function scrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const { document, innerWidth } = globalThis as any;
    return document.documentElement.scrollWidth > innerWidth;
  });
}

describe('dashboard: a daily cap reached before the money runs out', () => {
  it('the API names the daily cap and its time, before the wallet runs dry', async () => {
    const outlook = await t.ok(account.ownerKey, OUTLOOK, { w: account.walletId, c: campaignId });
    expect(outlook.wallet.burn).toMatchObject({
      timeToEmptySeconds: 9_940,
      limitedBy: 'SPEND_CAP',
      limitReachedInSeconds: 240,
      spendCap: { period: 'DAY', scope: 'WALLET', reachedInSeconds: 240 },
    });
    expect(outlook.campaign.projection).toMatchObject({ endsBy: 'SPEND_CAP', endsInSeconds: 240, spendCap: { period: 'DAY' } });
  });

  it('the Overview says "Daily cap reached in ~4 min" beside the time to empty, at desktop and phone sizes', async () => {
    const { page } = await e2e.open({ viewport: DESKTOP });
    await e2e.signInAsOwner(page);
    const card = burnCard(page);
    await waitForText(card.getByRole('status'), /^Daily cap reached in ~4 min, before the balance runs out/, LIVE_TIMEOUT_MS);
    await waitForText(definitionOf(card, 'Time to empty'), 'about 2 h 45 min');
    expect(await scrollsSideways(page)).toBe(false);
    await saveScreenshot(page, SCREENSHOT_PREFIX, '01-overview-cap-desktop');

    await page.setViewportSize(PHONE);
    await card.getByRole('status').scrollIntoViewIfNeeded();
    await waitForText(card.getByRole('status'), /^Daily cap reached in ~4 min/);
    expect(await scrollsSideways(page)).toBe(false);
    await saveScreenshot(page, SCREENSHOT_PREFIX, '02-overview-cap-phone');
  });

  it('the campaign page says "Daily cap reached in …" at desktop and phone sizes', async () => {
    const { page } = await e2e.open({ viewport: DESKTOP });
    await e2e.signInAsOwner(page, `/campaigns/${campaignId}`);
    await page.getByRole('heading', { name: CAMPAIGN_NAME }).waitFor();
    await waitForText(figure(page, 'Daily cap reached'), /^in [34] min/, LIVE_TIMEOUT_MS);
    expect(await figure(page, 'Wallet runs dry').count()).toBe(0);
    expect(await scrollsSideways(page)).toBe(false);
    await saveScreenshot(page, SCREENSHOT_PREFIX, '03-campaign-cap-desktop');

    await page.setViewportSize(PHONE);
    await waitForText(figure(page, 'Daily cap reached'), /^in [34] min/);
    expect(await scrollsSideways(page)).toBe(false);
    await saveScreenshot(page, SCREENSHOT_PREFIX, '04-campaign-cap-phone');
    await page.setViewportSize(DESKTOP);
  });

  it('a call refused by the cap stops the campaign "Stopped: spend cap reached": its page (live) and the list say so, with Resume', async () => {
    // The cap lowered to what the day already holds: the next call is refused by it and stops the campaign.
    await t.ok(account.ownerKey, SET_CAPS, { input: { walletId: account.walletId, daily: '0.6' } });
    const refused = (await t.ok(account.ownerKey, START_CALL, { input: { campaignId, to: '+447700900702' } })).startCall.call;
    expect(refused).toMatchObject({ status: 'REFUSED', endReason: 'SPEND_CAP_REACHED' });
    expect((await t.ok(account.ownerKey, OUTLOOK, { w: account.walletId, c: campaignId })).campaign.status).toBe('STOPPED_SPEND_CAP');

    const page = e2e.pages[1]!.page;
    const stop = page.getByRole('alert').filter({ hasText: 'Stopped: spend cap reached.' });
    await stop.waitFor({ timeout: LIVE_TIMEOUT_MS });
    await stop.getByRole('link', { name: 'Settings' }).waitFor();
    await page.getByRole('region', { name: 'Campaign' }).getByText('Stopped: spend cap reached', { exact: true }).waitFor();
    await page.getByRole('button', { name: `Resume ${CAMPAIGN_NAME}` }).waitFor();
    // A stopped campaign projects nothing.
    expect(await figure(page, 'Daily cap reached').count()).toBe(0);
    await saveScreenshot(page, SCREENSHOT_PREFIX, '05-stopped-by-cap-desktop');

    await page.setViewportSize(PHONE);
    await stop.scrollIntoViewIfNeeded();
    expect(await scrollsSideways(page)).toBe(false);
    await saveScreenshot(page, SCREENSHOT_PREFIX, '06-stopped-by-cap-phone');

    await page.goto(`${t.url}/campaigns`);
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: CAMPAIGN_NAME }) });
    await row.getByText('Stopped: spend cap reached', { exact: true }).waitFor({ timeout: LIVE_TIMEOUT_MS });
    expect(await scrollsSideways(page)).toBe(false);
    await saveScreenshot(page, SCREENSHOT_PREFIX, '07-list-stopped-by-cap-phone');
    await page.setViewportSize(DESKTOP);
    await row.getByText('Stopped: spend cap reached', { exact: true }).waitFor();
    await saveScreenshot(page, SCREENSHOT_PREFIX, '08-list-stopped-by-cap-desktop');
  });

  it('keeps the books straight and the pages free of errors', async () => {
    await t.ok(account.ownerKey, END_CALL, { input: { callId } });
    await t.assertLedger();
    for (const open of e2e.pages) expect(open.errors.filter((error) => error.startsWith('pageerror'))).toEqual([]);
  });
});
