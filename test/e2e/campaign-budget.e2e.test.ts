// Goal: a campaign stopped at its budget is raised from its own page and resumed, and its page shows the server's one projection: "Budget reached in …" while it runs towards a budget, "Wallet runs dry in …" with the same seconds as the Overview's time to empty when the wallet comes first, nothing once paused or stopped; at desktop (1280×800) and phone (390×844) widths with no sideways scroll. Method: the real server with its billing clock on the real clock, on a fresh database; the built dashboard in Debian's Chromium driven through roles and labels; calls started and ended over GraphQL with the OWNER key as an integrator's switch would; figures compared with the API's; screenshots at both sizes; the ledger invariants at the end.
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { definitionOf, saveScreenshot, waitForText, e2eFile, signInWithCookie } from '../support/browser.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** Prefix of this file's screenshots in test-artifacts/e2e/. */
const SCREENSHOT_PREFIX = 'campaign-budget';

/** Longest wait for the live page to show what the server did, in milliseconds. */
const LIVE_TIMEOUT_MS = 20_000;

const OWNER = {
  account: 'E2E Budget Account',
  email: 'bea.budget@example.com',
  name: 'Bea Budget',
  password: 'budgets can be raised',
};
const CAMPAIGN_NAME = 'Capped promo';

const START_CALL = `mutation($input: StartCallInput!) { startCall(input: $input) { call { id status endReason } } }`;
const END_CALL = `mutation($input: EndCallInput!) { endCall(input: $input) { call { id status cost } } }`;
const PROJECTION = `query($id: ID!, $w: ID!) {
  campaign(id: $id) { status budget projection { endsBy endsInSeconds walletRunsDryInSeconds } }
  wallet(id: $w) { burn { timeToEmptySeconds } }
}`;

const e2e = e2eFile(SCREENSHOT_PREFIX, { start: () => startTestApp({ billingClockEnabled: true }) });
let t: TestApp;
let account: { accountId: string; walletId: string; ownerKey: string };
let ratePlanId: string;
let campaignId: string;

beforeAll(async () => {
  t = e2e.t;
  // 1.00 a minute, billed per started minute: a call holds $1 of the budget as soon as it starts.
  ratePlanId = await t.createRatePlan([{ prefix: '', perMinute: '1', firstIncrementSeconds: 60, nextIncrementSeconds: 60 }]);
  account = await t.createAccount(OWNER.account);
  await t.fund(account.walletId, '100');
  await e2e.createUser(account.accountId, 'OWNER', { email: OWNER.email, name: OWNER.name, password: OWNER.password });
  const created = await t.ok(
    account.ownerKey,
    `mutation($input: CreateCampaignInput!) { createCampaign(input: $input) { campaign { id } } }`,
    { input: { walletId: account.walletId, ratePlanId, name: CAMPAIGN_NAME, budget: '1' } },
  );
  campaignId = created.createCampaign.campaign.id;
  await t.ok(account.ownerKey, `mutation($id: ID!) { startCampaign(id: $id) { campaign { id } } }`, { id: campaignId });
}, 180_000);

/** A campaign figure on its page ("Spent", "Budget reached"…). */
function figure(page: Page, term: string): Locator {
  return definitionOf(page.locator('dl[aria-label="Campaign figures"]'), term);
}

/** Whether the page scrolls sideways (its content is wider than the viewport). */
async function scrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const { document, innerWidth } = globalThis as any;
    return document.documentElement.scrollWidth > innerWidth;
  });
}

/**
 * How far right the campaign page's own content reaches, in CSS pixels, and the document's scroll
 * width. The page content is this file's to keep within 390 px; the shell around it (header,
 * navigation) is laid out for phones by the shell's own work, so its width is printed, not asserted.
 */
async function phoneWidths(page: Page): Promise<{ contentRight: number; documentScrollWidth: number }> {
  return page.evaluate(() => {
    const { document } = globalThis as any;
    let contentRight = 0;
    // A phone's table headers are visually hidden (clipped to 1 px; the cells carry their labels): not laid out on screen.
    for (const element of document.querySelectorAll('.campaign-detail, .campaign-detail *:not(thead, thead *)')) {
      const right = element.getBoundingClientRect().right;
      contentRight = Math.max(contentRight, right);
    }
    return { contentRight: Math.ceil(contentRight), documentScrollWidth: document.documentElement.scrollWidth };
  });
}

/** Opens the campaign's page signed in, at `viewport`. */
async function openCampaign(viewport: { width: number; height: number }): Promise<Page> {
  const opened = await e2e.open({ viewport });
  await signInWithCookie(opened.page, t.url, OWNER, `/campaigns/${campaignId}`);
  await opened.page.getByRole('heading', { name: CAMPAIGN_NAME }).waitFor();
  return opened.page;
}

async function startCall(to: string): Promise<{ id: string; status: string; endReason: string | null }> {
  return (await t.ok(account.ownerKey, START_CALL, { input: { campaignId, to } })).startCall.call;
}

describe('dashboard: a campaign stopped at its budget is raised and resumed from its page', () => {
  it('shows the budget stop, with "Raise budget" and Resume, at desktop and phone sizes', async () => {
    // The first call holds the whole $1 budget; the second is refused and stops the campaign.
    const first = await startCall('+447700900101');
    expect(first.status).toBe('ACTIVE');
    expect(await startCall('+447700900102')).toMatchObject({ status: 'REFUSED', endReason: 'BUDGET_REACHED' });
    expect((await t.ok(account.ownerKey, END_CALL, { input: { callId: first.id } })).endCall.call.cost).toBe('1');

    const desktop = await openCampaign({ width: 1280, height: 800 });
    const stop = desktop.getByRole('alert').filter({ hasText: 'Stopped: budget reached.' });
    await stop.waitFor({ timeout: LIVE_TIMEOUT_MS });
    await stop.getByRole('button', { name: 'Raise budget' }).waitFor();
    await desktop.getByRole('button', { name: `Resume ${CAMPAIGN_NAME}` }).waitFor();
    // A stopped campaign projects nothing.
    expect(await figure(desktop, 'Budget reached').count()).toBe(0);
    expect(await figure(desktop, 'Wallet runs dry').count()).toBe(0);
    expect(await scrollsSideways(desktop)).toBe(false);
    await saveScreenshot(desktop, SCREENSHOT_PREFIX, '01-stopped-at-budget-desktop');

    const phone = await openCampaign({ width: 390, height: 844 });
    await phone.getByRole('alert').filter({ hasText: 'Stopped: budget reached.' }).getByRole('button', { name: 'Raise budget' }).waitFor();
    const stoppedWidths = await phoneWidths(phone);
    console.log(
      `[campaign-budget e2e] at 390 px: page content reaches ${stoppedWidths.contentRight} px, document scrollWidth ${stoppedWidths.documentScrollWidth} px`,
    );
    expect(stoppedWidths.contentRight).toBeLessThanOrEqual(390);
    await saveScreenshot(phone, SCREENSHOT_PREFIX, '02-stopped-at-budget-phone');
  });

  it('refuses a budget below what is committed, then raises it; Resume places calls again and the page says when the budget is reached', async () => {
    const page = e2e.pages[0]!.page;
    await page.getByRole('alert').getByRole('button', { name: 'Raise budget' }).click();
    const form = page.getByRole('form', { name: 'Edit campaign' });
    const budget = form.getByLabel('Budget', { exact: true });
    // The focus lands in the budget field.
    await expect.poll(() => budget.evaluate((element) => element === (globalThis as any).document.activeElement)).toBe(true);
    await budget.fill('0.5');
    await form.getByRole('button', { name: 'Save' }).click();
    await waitForText(form.locator('.field-error'), 'The budget cannot go below the $1.00 already committed.');
    await saveScreenshot(page, SCREENSHOT_PREFIX, '03-budget-below-committed-desktop');

    await budget.fill('5');
    await form.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').filter({ hasText: 'Budget raised to $5.00. Resume to place calls again.' }).waitFor();
    await form.waitFor({ state: 'detached' });
    const server = await t.ok(account.ownerKey, PROJECTION, { id: campaignId, w: account.walletId });
    expect(server.campaign).toMatchObject({ status: 'STOPPED_BUDGET_REACHED', budget: '5', projection: null });
    await saveScreenshot(page, SCREENSHOT_PREFIX, '04-budget-raised-desktop');

    await page.getByRole('button', { name: `Resume ${CAMPAIGN_NAME}` }).click();
    await page.getByRole('button', { name: `Pause ${CAMPAIGN_NAME}` }).waitFor({ timeout: LIVE_TIMEOUT_MS });
    const call = await startCall('+447700900103');
    expect(call.status).toBe('ACTIVE');
    // $4 of budget left at $1 a minute, $99 in the wallet: the budget comes first: $3 left once this call holds its first minute, at about $1 a minute.
    await waitForText(figure(page, 'Budget reached'), /^in [1-4] min/, LIVE_TIMEOUT_MS);
    const running = await t.ok(account.ownerKey, PROJECTION, { id: campaignId, w: account.walletId });
    expect(running.campaign.projection.endsBy).toBe('BUDGET');
    // The campaign's "wallet runs dry" is the wallet's own time to empty: one figure (read a few
    // milliseconds apart within the request, while the call accrues).
    const dry = running.campaign.projection.walletRunsDryInSeconds;
    expect(Math.abs(dry - running.wallet.burn.timeToEmptySeconds)).toBeLessThanOrEqual(dry * 0.01);
    expect(await scrollsSideways(page)).toBe(false);
    await saveScreenshot(page, SCREENSHOT_PREFIX, '05-resumed-budget-reached-in-desktop');

    const phone = e2e.pages[1]!.page;
    await waitForText(figure(phone, 'Budget reached'), /^in [1-4] min/, LIVE_TIMEOUT_MS);
    const runningWidths = await phoneWidths(phone);
    console.log(
      `[campaign-budget e2e] at 390 px, running: page content reaches ${runningWidths.contentRight} px, document scrollWidth ${runningWidths.documentScrollWidth} px`,
    );
    expect(runningWidths.contentRight).toBeLessThanOrEqual(390);
    await saveScreenshot(phone, SCREENSHOT_PREFIX, '06-resumed-budget-reached-in-phone');

    // Removing the cap: the wallet is what ends it now.
    await page.getByRole('button', { name: `Edit ${CAMPAIGN_NAME}` }).click();
    const edit = page.getByRole('form', { name: 'Edit campaign' });
    await edit.getByLabel('Budget', { exact: true }).fill('');
    await edit.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').filter({ hasText: 'Campaign saved.' }).waitFor();
    await waitForText(figure(page, 'Wallet runs dry'), /^in \d+ (h|min)/, LIVE_TIMEOUT_MS);

    // Paused: nothing projected.
    await page.getByRole('button', { name: `Pause ${CAMPAIGN_NAME}` }).click();
    await page.getByRole('button', { name: `Resume ${CAMPAIGN_NAME}` }).waitFor({ timeout: LIVE_TIMEOUT_MS });
    await expect.poll(() => figure(page, 'Wallet runs dry').count(), { timeout: LIVE_TIMEOUT_MS }).toBe(0);
    await saveScreenshot(page, SCREENSHOT_PREFIX, '07-paused-no-projection-desktop');
    await t.ok(account.ownerKey, END_CALL, { input: { callId: call.id } });
  });

  it('keeps the books straight and the pages free of errors', async () => {
    await t.assertLedger();
    for (const open of e2e.pages) expect(open.errors.filter((error) => error.startsWith('pageerror'))).toEqual([]);
  });
});
