// Goal: an account owner runs campaigns from the dashboard: creates one with the pre-campaign estimate shown (bounded by its budget) and starts it, watches 200 metered calls live on its page (count, ticking timers, the page's frame time printed), sees calls that hang up under "Recently ended", and sees a small wallet's calls marked "Stopped: insufficient funds" the moment the server stops them. Method: the real server with its billing clock on the real clock, on a fresh database; the built dashboard in Debian's Chromium driven through roles and labels; calls started and ended over GraphQL with the OWNER key, as an integrator's switch would; frame time from requestAnimationFrame deltas collected in the page; screenshots of each step; the ledger invariants at the end.
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  e2eFile,
  saveScreenshot,
  waitForText,
  type BrowserPage,
  definitionOf,
  signInThroughPage,
  signInWithCookie,
} from '../support/browser.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** Prefix of this file's screenshots in test-artifacts/e2e/. */
const SCREENSHOT_PREFIX = 'campaigns';

/** Calls kept active at once on the big campaign. */
const ACTIVE_CALLS = 200;

/** Calls started per parallel batch. */
const START_BATCH_SIZE = 25;

/** Calls hung up to fill "Recently ended". */
const ENDED_CALLS = 10;

/** How long the page's frames are measured while the calls run, in milliseconds. */
const FRAME_MEASURE_MS = 5_000;

/** Longest wait for the live page to show what the server did, in milliseconds (the billing clock runs on the real clock). */
const LIVE_TIMEOUT_MS = 20_000;

const BIG = {
  account: 'E2E Campaigns Account',
  email: 'olga.owner@example.com',
  name: 'Olga Owner',
  password: 'campaigns are live now',
  funds: '1000',
};
const SMALL = {
  account: 'E2E Small Wallet Account',
  email: 'sam.small@example.com',
  name: 'Sam Small',
  password: 'a wallet that runs dry',
  funds: '0.3',
};
const CAMPAIGN_NAME = 'Spring promo';

const START_CALL = `mutation($input: StartCallInput!) { startCall(input: $input) { call { id status endReason } } }`;
const END_CALL = `mutation($input: EndCallInput!) { endCall(input: $input) { call { id status endReason } } }`;

// The clock reserves each call's next increment 5 s before its grant ends: on a loaded machine a clock
// more than the lead late lets grants lapse and ends those calls as hang-ups (the fail-safe), which a 1 s
// lead on 1-second increments did to one of the 200 calls under load.
const e2e = e2eFile(SCREENSHOT_PREFIX, {
  start: () => startTestApp({ billingClockEnabled: true, billingClockLeadMs: 5_000, concurrentCallsPerAccountMax: 1000 }),
});
let t: TestApp;
let owner: BrowserPage;
let smallOwner: BrowserPage | undefined;
let big: { accountId: string; walletId: string; ownerKey: string };
let small: { accountId: string; walletId: string; ownerKey: string };
let ratePlanId: string;
let campaignId: string;
let callIds: string[] = [];

beforeAll(async () => {
  t = e2e.t;
  // 0.60 a minute in 6-second increments: every active call reserves 0.06 every 6 s.
  ratePlanId = await t.createRatePlan([{ prefix: '', perMinute: '0.6', firstIncrementSeconds: 6, nextIncrementSeconds: 6 }]);
  big = await t.createAccount(BIG.account);
  await t.fund(big.walletId, BIG.funds);
  small = await t.createAccount(SMALL.account);
  await t.fund(small.walletId, SMALL.funds);
  for (const [account, person] of [
    [big, BIG],
    [small, SMALL],
  ] as const) {
    await e2e.createUser(account.accountId, 'OWNER', { email: person.email, name: person.name, password: person.password });
  }
  owner = await e2e.open();
}, 180_000);

/** A campaign figure on its page ("Active calls", "Spent"…). */
function figure(page: Page, term: string): Locator {
  return definitionOf(page.locator('dl[aria-label="Campaign figures"]'), term);
}

/** The rows of the calls-in-progress table. */
function activeRows(page: Page): Locator {
  return page.getByRole('table', { name: 'Calls in progress' }).locator('tbody tr');
}

/** The rows of the ended-calls table. */
function endedRows(page: Page): Locator {
  return page.getByRole('table', { name: 'Ended calls' }).locator('tbody tr');
}

/** Runs `work` over `items` in parallel batches of `size`, in order. */
async function inBatches<T, R>(items: readonly T[], size: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let index = 0; index < items.length; index += size) results.push(...(await Promise.all(items.slice(index, index + size).map(work))));
  return results;
}

/** A destination per call: UK mobile numbers in the Ofcom drama range, all different. */
function destination(index: number): string {
  return `+4477009${String(index).padStart(5, '0')}`;
}

/** Frame statistics of the page, from requestAnimationFrame deltas over `durationMs`, and the long tasks seen meanwhile. */
async function measureFrames(page: Page, durationMs: number) {
  // The callback runs in the page; this project's tsconfig has no DOM library, hence `any`.
  return page.evaluate(async (measureMs: number) => {
    const page = globalThis as any;
    const longTasksMs: number[] = [];
    let observer: any = null;
    try {
      observer = new page.PerformanceObserver((list: any) => {
        for (const entry of list.getEntries()) longTasksMs.push(entry.duration);
      });
      observer.observe({ type: 'longtask', buffered: false });
    } catch {
      // Long tasks are a Chromium extra; the frame deltas are the measure.
    }
    const deltas: number[] = [];
    await new Promise<void>((resolve) => {
      let last: number | null = null;
      const startedMs = page.performance.now();
      const frame = (now: number) => {
        if (last !== null) deltas.push(now - last);
        last = now;
        if (now - startedMs < measureMs) page.requestAnimationFrame(frame);
        else resolve();
      };
      page.requestAnimationFrame(frame);
    });
    observer?.disconnect();
    const sorted = [...deltas].sort((a, b) => a - b);
    const at = (share: number) => sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] ?? 0;
    const round = (value: number) => Math.round(value * 10) / 10;
    return {
      frames: deltas.length,
      meanMs: round(deltas.reduce((sum, delta) => sum + delta, 0) / Math.max(1, deltas.length)),
      p50Ms: round(at(0.5)),
      p95Ms: round(at(0.95)),
      p99Ms: round(at(0.99)),
      maxMs: round(sorted.at(-1) ?? 0),
      over50Ms: deltas.filter((delta) => delta > 50).length,
      longTasks: longTasksMs.length,
      longTaskMaxMs: round(Math.max(0, ...longTasksMs)),
      timerRows: page.document.querySelectorAll('.call-row__timer').length as number,
    };
  }, durationMs);
}

describe('dashboard: campaigns, live', () => {
  it('signs the owner in and creates a campaign with the pre-campaign estimate shown', async () => {
    const { page } = owner;
    await page.goto(`${t.url}/`);
    await signInThroughPage(page, BIG);
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Campaigns', exact: true }).click();
    const section = page.getByRole('region', { name: 'Campaigns' });
    await section.getByText('No campaigns yet', { exact: false }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/campaigns');

    await section.getByRole('button', { name: 'New campaign' }).click();
    const form = page.getByRole('form', { name: 'New campaign' });
    await form.getByLabel('Name', { exact: true }).fill(CAMPAIGN_NAME);
    // The only rate plan in USD is chosen by itself.
    expect(await form.getByLabel('Rate plan', { exact: true }).inputValue()).toBe(ratePlanId);
    await form.getByLabel('Budget (optional)', { exact: true }).fill('500');
    await form.getByLabel('Typical destination', { exact: true }).fill('+447700900123');
    await form.getByLabel('Calls', { exact: true }).fill('1000');
    await form.getByLabel('Average duration (seconds)', { exact: true }).fill('90');
    const estimate = form.getByRole('region', { name: 'Cost estimate' });
    // 90 s at 0.60 a minute, fifteen 6-second increments: 0.90 a call; 1,000 calls: 900. The wallet's 1,000 would
    // cover them, but the $500 budget stops the campaign first: 555 calls, $400 over.
    await waitForText(definitionOf(estimate, 'Estimated total for 1,000 calls'), '$900.00');
    await waitForText(definitionOf(estimate, 'Cost per call'), '$0.90');
    await waitForText(definitionOf(estimate, 'Billed per call'), '90 s');
    await waitForText(definitionOf(estimate, 'Available in the wallet'), '$1,000.00');
    await waitForText(definitionOf(estimate, 'Budget'), '$500.00');
    await waitForText(definitionOf(estimate, 'Calls the budget covers'), '555 of 1,000');
    await waitForText(definitionOf(estimate, 'Over the budget by'), '$400.00');
    await saveScreenshot(page, SCREENSHOT_PREFIX, '01a-estimate-limited-by-budget');
    // Without a budget the wallet covers them all; with more calls than it covers, the shortfall is shown.
    await form.getByLabel('Budget (optional)', { exact: true }).fill('');
    await waitForText(definitionOf(estimate, 'Calls the wallet covers'), 'All 1,000');
    await form.getByLabel('Calls', { exact: true }).fill('2000');
    await waitForText(definitionOf(estimate, 'Calls the wallet covers'), '1,111 of 2,000');
    await waitForText(definitionOf(estimate, 'Missing to cover the total'), '$800.00');
    await form.getByLabel('Budget (optional)', { exact: true }).fill('500');
    await waitForText(definitionOf(estimate, 'Calls the budget covers'), '555 of 2,000');
    await saveScreenshot(page, SCREENSHOT_PREFIX, '01-create-with-estimate');

    await form.getByRole('button', { name: 'Create campaign' }).click();
    await section
      .getByRole('status')
      .filter({ hasText: `Created ${CAMPAIGN_NAME}. A new campaign is a draft` })
      .waitFor();
    const row = section.getByRole('row').filter({ has: page.getByRole('link', { name: CAMPAIGN_NAME }) });
    await row.getByText('Draft', { exact: true }).waitFor();
    await row.getByText('0% of $500.00', { exact: true }).waitFor();
    const href = await row.getByRole('link', { name: CAMPAIGN_NAME }).getAttribute('href');
    expect(href).toMatch(/^\/campaigns\/[0-9a-f-]{36}$/);
    campaignId = href!.split('/').at(-1)!;

    await row.getByRole('button', { name: `Start ${CAMPAIGN_NAME}` }).click();
    await row.getByText('Running', { exact: true }).waitFor();
    await row.getByRole('button', { name: `Pause ${CAMPAIGN_NAME}` }).waitFor();
    await saveScreenshot(page, SCREENSHOT_PREFIX, '02-campaign-started');
    const state = await t.ok(big.ownerKey, 'query($id: ID!) { campaign(id: $id) { status budget } }', { id: campaignId });
    expect(state.campaign).toEqual({ status: 'RUNNING', budget: '500' });
  });

  it(`shows ${ACTIVE_CALLS} metered calls live on the campaign's page, timers running`, async () => {
    const { page } = owner;
    const started = await inBatches(
      Array.from({ length: ACTIVE_CALLS }, (_, index) => index),
      START_BATCH_SIZE,
      async (index) => (await t.ok(big.ownerKey, START_CALL, { input: { campaignId, to: destination(index) } })).startCall.call,
    );
    expect(started.every((call: { status: string }) => call.status === 'ACTIVE')).toBe(true);
    callIds = started.map((call: { id: string }) => call.id);

    // The list row follows the campaign live: its active calls reach 200 without a reload.
    const row = page
      .getByRole('region', { name: 'Campaigns' })
      .getByRole('row')
      .filter({ has: page.getByRole('link', { name: CAMPAIGN_NAME }) });
    await waitForText(row.getByRole('cell').nth(3), String(ACTIVE_CALLS), LIVE_TIMEOUT_MS);
    await row.getByRole('link', { name: CAMPAIGN_NAME }).click();
    expect(new URL(page.url()).pathname).toBe(`/campaigns/${campaignId}`);
    await page.getByRole('heading', { name: CAMPAIGN_NAME }).waitFor();
    await waitForText(figure(page, 'Active calls'), String(ACTIVE_CALLS), LIVE_TIMEOUT_MS);
    await page.getByRole('heading', { name: `Active calls (${ACTIVE_CALLS})` }).waitFor({ timeout: LIVE_TIMEOUT_MS });
    await expect.poll(() => activeRows(page).count(), { timeout: LIVE_TIMEOUT_MS }).toBe(ACTIVE_CALLS);

    // The timers run in the page: the same row's duration and cost move on without any request.
    const firstTimer = activeRows(page).first().locator('.call-row__timer');
    const firstCost = activeRows(page).first().locator('.call-row__cost');
    const before = { timer: await firstTimer.textContent(), cost: await firstCost.textContent() };
    await expect.poll(async () => firstTimer.textContent(), { timeout: 5_000 }).not.toBe(before.timer);
    // The cost moves with each 6-second increment.
    await expect.poll(async () => firstCost.textContent(), { timeout: 8_000 }).not.toBe(before.cost);
    // Spend grows while the calls run: the chart and the figures follow campaignUpdated.
    const spentBefore = await figure(page, 'Spent').textContent();
    await expect.poll(async () => figure(page, 'Spent').textContent(), { timeout: 8_000 }).not.toBe(spentBefore);
    await page.getByRole('img', { name: /Spend per minute over the last 60 minutes/ }).waitFor();
    expect(await figure(page, 'Burn').textContent()).toBe('$120.00/min');
    // $500 budget against $1,000 in the wallet, both at $120 a minute: the budget comes first (about 4 min), so that is what the page says.
    await waitForText(figure(page, 'Budget reached'), /^in [1-4] min/);
    expect(await figure(page, 'Wallet runs dry').count()).toBe(0);
    await saveScreenshot(page, SCREENSHOT_PREFIX, '03-200-active-calls');
  });

  it(`stays responsive with ${ACTIVE_CALLS} active calls being metered (frame time printed)`, async () => {
    const { page } = owner;
    const frames = await measureFrames(page, FRAME_MEASURE_MS);
    console.log(
      `[campaigns e2e] frame time over ${FRAME_MEASURE_MS} ms with ${frames.timerRows} running timers: ` +
        `${frames.frames} frames, mean ${frames.meanMs} ms, p50 ${frames.p50Ms} ms, p95 ${frames.p95Ms} ms, p99 ${frames.p99Ms} ms, ` +
        `max ${frames.maxMs} ms, ${frames.over50Ms} frames over 50 ms, ${frames.longTasks} long tasks (longest ${frames.longTaskMaxMs} ms)`,
    );
    // The measure itself must have run while the calls were on screen; how fast is printed, never asserted.
    expect(frames.timerRows).toBe(ACTIVE_CALLS);
    expect(frames.frames).toBeGreaterThan(0);
  });

  it('lists calls that hang up under "Recently ended" at once (latency printed)', async () => {
    const { page } = owner;
    const ending = callIds.slice(0, ENDED_CALLS);
    // A page-side clock: when each ended call's row first appears in the ended table.
    await page.evaluate((ids: string[]) => {
      const page = globalThis as any;
      const seen: Record<string, number> = {};
      page.__endedSeenMs = seen;
      const observer = new page.MutationObserver(() => {
        for (const id of ids) {
          if (seen[id] === undefined && page.document.querySelector(`table[aria-label="Ended calls"] tr[data-call-id="${id}"]`))
            seen[id] = Date.now();
        }
      });
      observer.observe(page.document.body, { childList: true, subtree: true });
    }, ending);
    const sentMs = Date.now();
    const ended = await Promise.all(ending.map(async (callId) => (await t.ok(big.ownerKey, END_CALL, { input: { callId } })).endCall.call));
    expect(ended.every((call: { status: string }) => call.status === 'COMPLETED')).toBe(true);

    await expect.poll(() => endedRows(page).filter({ hasText: 'Hung up' }).count(), { timeout: LIVE_TIMEOUT_MS }).toBe(ENDED_CALLS);
    await waitForText(figure(page, 'Active calls'), String(ACTIVE_CALLS - ENDED_CALLS), LIVE_TIMEOUT_MS);
    await expect.poll(() => activeRows(page).count(), { timeout: LIVE_TIMEOUT_MS }).toBe(ACTIVE_CALLS - ENDED_CALLS);
    const seenMs = await page.evaluate(() => (globalThis as any).__endedSeenMs as Record<string, number>);
    const latencies = ending.map((id) => seenMs[id]! - sentMs).sort((a, b) => a - b);
    console.log(
      `[campaigns e2e] endCall → row under "Recently ended" (${ENDED_CALLS} calls in parallel, ${ACTIVE_CALLS - ENDED_CALLS} others running): ` +
        `min ${latencies[0]} ms, median ${latencies[Math.floor(latencies.length / 2)]} ms, max ${latencies.at(-1)} ms`,
    );
    await saveScreenshot(page, SCREENSHOT_PREFIX, '04-recently-ended');
  });

  it('marks a small wallet’s calls "Stopped: insufficient funds" live, the moment the server stops them', async () => {
    smallOwner = await e2e.open();
    const { page } = smallOwner;
    const smallCampaignId = await t.runningCampaign(small.ownerKey, small.walletId, ratePlanId);
    await signInWithCookie(page, t.url, SMALL, `/campaigns/${smallCampaignId}`);
    await page.getByRole('heading', { name: 'Test campaign' }).waitFor();
    await page.getByText('No calls in progress.', { exact: true }).waitFor();
    // The page must not reload from here on: everything below arrives over the live feeds.
    await page.evaluate(() => ((globalThis as any).__sameDocument = true));

    const calls = await Promise.all(
      [0, 1, 2].map(
        async (index) =>
          (await t.ok(small.ownerKey, START_CALL, { input: { campaignId: smallCampaignId, to: destination(900 + index) } })).startCall.call,
      ),
    );
    expect(calls.map((call: { status: string }) => call.status)).toEqual(['ACTIVE', 'ACTIVE', 'ACTIVE']);
    await page.getByRole('heading', { name: 'Active calls (3)' }).waitFor({ timeout: LIVE_TIMEOUT_MS });
    await saveScreenshot(page, SCREENSHOT_PREFIX, '05-small-wallet-calls-running');

    // 0.30 at 0.06 an increment: three first increments and two more; the billing clock stops one call at 6 s, two at 12 s.
    const stopped = endedRows(page).filter({ hasText: 'Stopped: insufficient funds' });
    await expect.poll(() => stopped.count(), { timeout: 30_000 }).toBe(3);
    expect(await stopped.first().getAttribute('class')).toContain('call-row--stopped-funds');
    await page.getByRole('heading', { name: 'Active calls (0)' }).waitFor();
    await page.getByRole('alert').filter({ hasText: 'Stopped: insufficient funds.' }).waitFor({ timeout: LIVE_TIMEOUT_MS });
    await page.getByRole('region', { name: 'Campaign' }).getByText('Stopped: insufficient funds', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Resume Test campaign' }).waitFor();
    expect(await page.evaluate(() => (globalThis as any).__sameDocument === true)).toBe(true);
    await saveScreenshot(page, SCREENSHOT_PREFIX, '06-stopped-insufficient-funds');

    const server = await t.ok(small.ownerKey, 'query($id: ID!) { calls(campaignId: $id) { edges { node { status endReason } } } }', {
      id: smallCampaignId,
    });
    expect(server.calls.edges.map((edge: { node: unknown }) => edge.node)).toEqual(
      Array(3).fill({ status: 'STOPPED', endReason: 'INSUFFICIENT_FUNDS' }),
    );
  });

  it('keeps the books straight and the pages free of errors', async () => {
    await Promise.all(callIds.slice(ENDED_CALLS).map((callId) => t.ok(big.ownerKey, END_CALL, { input: { callId } })));
    await t.assertLedger();
    for (const open of e2e.pages) expect(open.errors.filter((error) => error.startsWith('pageerror'))).toEqual([]);
  });
});
