// Goal: a campaign manager's whole afternoon in one page that is never reloaded: sign in through the sign-in page, start a simulated campaign from its page, watch the available balance fall live on the Overview until the wallet runs dry, the Overview, navigated back to, never showing a figure older than one already seen; see the low-balance and "calls stopped" banners arrive by themselves and the stopped calls marked "Stopped: insufficient funds" on the campaign's page, top up with a sandbox Visa and with a 3-D Secure card (the challenge completed), resume the campaign from its page and see spend move again (new calls, the balance falling). Method: the real server with its billing clock on the real clock, the built-in dialer simulator dialing the campaign through startCall/endCall and the payment jobs applying the sandbox's webhooks, on a fresh database; the built dashboard in Debian's Chromium driven through roles and labels and followed by page-side observers (readings, banners, timings); screenshots of each step; the ledger invariants at the end.
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatMoney, microsToMoney, moneyToMicros } from '../../client/src/utils/money.js';
import {
  e2eFile,
  definitionOf,
  goToSection,
  saveScreenshot,
  waitForText,
  type BrowserPage,
  signInThroughPage,
} from '../support/browser.js';
import { balances, burnCard, callsStoppedBanner, lowBalanceBanner, usdMicros } from '../support/overview-page.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import {
  balanceFigure,
  expectReceipt,
  fillCheckout,
  payToBalanceMs,
  startPayToBalanceTimer,
  threeDSecureChallenge,
  topUpCard,
} from '../support/top-up-page.js';

/** Prefix of this file's screenshots in test-artifacts/e2e/. */
const SCREENSHOT_PREFIX = 'journey';

const ACCOUNT_NAME = 'E2E Journey Account';
const MANAGER = { email: 'maya.manager@example.com', name: 'Maya Manager', password: 'a whole afternoon of calls' };
const CAMPAIGN_NAME = 'Autumn renewals';

/**
 * The simulator keeps two calls up at $24/min billed by the second: the billing clock reserves
 * $0.40 per call each second, so the available balance steps down $0.80 a second and the $10 the
 * wallet starts with last about 12 s (below the $5 low-balance line after about 6 s).
 */
const PER_MINUTE = '24';
const SIMULATED_CALLS = 2;
const FUNDS = '10';

/** Mean length of a simulated call, in seconds: so long that none ends on its own during the test. */
const SIMULATED_CALL_MEAN_SECONDS = 1e9;

/** Longest wait for the page to show what the server did, in ms (the billing clock runs on the real clock). */
const LIVE_TIMEOUT_MS = 20_000;

/** Longest wait for the wallet to run dry once calls are up, in ms (the money lasts ~12 s). */
const RUN_DRY_TIMEOUT_MS = 30_000;

const CALLS_OF_CAMPAIGN = 'query($id: ID!) { calls(campaignId: $id, first: 100) { edges { node { id status endReason } } } }';
const END_CALL = 'mutation($input: EndCallInput!) { endCall(input: $input) { call { id status } } }';

const e2e = e2eFile(SCREENSHOT_PREFIX, {
  start: () =>
    startTestApp({
      billingClockEnabled: true,
      paymentsEnabled: true,
      // The built-in dialer, tuned so the campaign's spend is steady: two calls up at once, answered at
      // once, and no texts. Call lengths are drawn from an exponential distribution: with a mean of
      // 600 s about one run in twenty had a callee hang up within the ~12 s the money lasts, releasing
      // that call's reserved increment, so the available balance rightly rose $0.40 and the "falls
      // strictly" check failed. With a mean of a billion seconds (capped at an hour) the chance is
      // about 1 in 30 million: the wallet, not the callee, ends the calls (checked below).
      simulatorEnabled: true,
      simulatorCallsPerSecond: 4,
      simulatorAnswerRatio: 1,
      simulatorMeanDurationSeconds: SIMULATED_CALL_MEAN_SECONDS,
      simulatorDurationSecondsMax: 3600,
      simulatorActiveCallsPerCampaignMax: SIMULATED_CALLS,
      simulatorMessagesPerSecond: 0,
    }),
});
let t: TestApp;
let session: BrowserPage;
let account: { accountId: string; walletId: string; ownerKey: string };
let campaignId: string;
/** Ids of the calls the server stopped for funds when the wallet ran dry. */
let stoppedCallIds: string[] = [];

beforeAll(async () => {
  t = e2e.t;
  account = await t.createAccount(ACCOUNT_NAME);
  await e2e.createUser(account.accountId, 'CAMPAIGN_MANAGER', MANAGER);
  await t.fund(account.walletId, FUNDS);
  const ratePlanId = await t.createRatePlan([{ prefix: '', perMinute: PER_MINUTE, firstIncrementSeconds: 1, nextIncrementSeconds: 1 }]);
  // A draft: the simulator dials only RUNNING campaigns, so nothing is spent until the manager starts it.
  const created = await t.ok(
    account.ownerKey,
    'mutation($input: CreateCampaignInput!) { createCampaign(input: $input) { campaign { id } } }',
    {
      input: { walletId: account.walletId, ratePlanId, name: CAMPAIGN_NAME, simulate: true },
    },
  );
  campaignId = created.createCampaign.campaign.id;
  session = await e2e.open();
}, 120_000);

/** A campaign figure on its page ("Spent", "Active calls"…). */
function campaignFigure(page: Page, term: string): Locator {
  return definitionOf(page.locator('dl[aria-label="Campaign figures"]'), term);
}

/** The campaign's status badge on its page. */
function campaignStatus(page: Page, label: string): Locator {
  return page.getByRole('region', { name: 'Campaign' }).locator('.campaign-status').filter({ hasText: label });
}

function activeRows(page: Page): Locator {
  return page.getByRole('table', { name: 'Calls in progress' }).locator('tbody tr');
}

function endedRows(page: Page): Locator {
  return page.getByRole('table', { name: 'Ended calls' }).locator('tbody tr');
}

/** Follows the campaign's link on the Campaigns page to its page. */
async function openCampaignFromList(page: Page): Promise<void> {
  await goToSection(page, 'Campaigns', '/campaigns');
  await page.getByRole('region', { name: 'Campaigns' }).getByRole('link', { name: CAMPAIGN_NAME, exact: true }).click();
  await page.waitForURL((url) => url.pathname === `/campaigns/${campaignId}`);
  await page.getByRole('heading', { name: CAMPAIGN_NAME }).waitFor();
}

/** The `data-call-id`s of the rows of a calls table. */
async function callIdsOf(rows: Locator): Promise<string[]> {
  // The callback runs in the page; this project's tsconfig has no DOM library, hence `any`.
  return rows.evaluateAll((elements: any[]) => elements.map((element) => String(element.getAttribute('data-call-id'))));
}

/** The wallet as the API has it (decimal strings). */
async function apiWallet(): Promise<{ balance: string; available: string }> {
  const data = await t.ok(account.ownerKey, 'query($id: ID!) { wallet(id: $id) { balance available } }', { id: account.walletId });
  return data.wallet;
}

/** Throws unless the page still holds the document marked after sign-in (nothing reloaded it). */
async function expectSameDocument(page: Page): Promise<void> {
  expect(await page.evaluate(() => (globalThis as any).__journeyDocument)).toBe('signed in once');
}

/**
 * Starts a recorder in the page: every distinct text of the Overview's "Available" figure, and when
 * the low-balance and "calls stopped" banners first appear, each on the page's `Date.now()` (the
 * server's timestamps are on the same machine's clock). Read it with {@link overviewRecord}.
 */
async function startOverviewRecorder(page: Page): Promise<void> {
  // The callbacks run in the page; this project's tsconfig has no DOM library, hence `any`.
  await page.evaluate(() => {
    const page = globalThis as any;
    const record: { readings: { text: string; atMs: number }[]; lowBannerAtMs: number | null; stoppedBannerAtMs: number | null } = {
      readings: [],
      lowBannerAtMs: null,
      stoppedBannerAtMs: null,
    };
    page.__overviewRecord = record;
    const look = () => {
      const items = page.document.querySelectorAll('section[aria-label="Balances"] .balances__item');
      for (const item of items) {
        if (item.querySelector('dt')?.textContent.trim() !== 'Available') continue;
        const text = item.querySelector('dd')?.textContent.trim() ?? '';
        if (record.readings.at(-1)?.text !== text) record.readings.push({ text, atMs: Date.now() });
      }
      if (record.lowBannerAtMs === null && page.document.querySelector('[data-banner="low-balance"]')) record.lowBannerAtMs = Date.now();
      if (record.stoppedBannerAtMs === null && page.document.querySelector('[data-banner="calls-stopped"]'))
        record.stoppedBannerAtMs = Date.now();
    };
    look();
    const observer = new page.MutationObserver(look);
    observer.observe(page.document.body, { subtree: true, childList: true, characterData: true });
    page.__overviewRecorder = observer;
  });
}

/** What {@link startOverviewRecorder} saw so far; stops it when `stop`. */
async function overviewRecord(page: Page, stop = false) {
  return page.evaluate((stopIt: boolean) => {
    const page = globalThis as any;
    if (stopIt) page.__overviewRecorder?.disconnect();
    return page.__overviewRecord as
      | { readings: { text: string; atMs: number }[]; lowBannerAtMs: number | null; stoppedBannerAtMs: number | null }
      | undefined;
  }, stop);
}

/** Waits until the recorder has seen `count` distinct "Available" readings; returns them. */
async function waitForReadings(page: Page, count: number, timeoutMs: number): Promise<string[]> {
  let texts: string[] = [];
  await expect
    .poll(
      async () => {
        texts = ((await overviewRecord(page))?.readings ?? []).map((reading) => reading.text);
        return texts.length;
      },
      { timeout: timeoutMs, interval: 100 },
    )
    .toBeGreaterThanOrEqual(count);
  return texts;
}

/** Throws unless every reading is a dollar amount below the one before it. */
function expectStrictlyFalling(readings: readonly string[]): void {
  const micros = readings.map((text) => usdMicros(text));
  for (let index = 1; index < micros.length; index++) {
    expect(micros[index]! < micros[index - 1]!, `${readings.join(' → ')} does not fall at step ${index}`).toBe(true);
  }
}

/** An API amount plus whole dollars, as the dashboard writes it ("$10.00"). */
function usdAfterTopUp(amount: string, dollars: number): string {
  return formatMoney(microsToMoney(moneyToMicros(amount) + BigInt(dollars) * 1_000_000n), 'USD');
}

/**
 * Starts a clock in the page from a click on `button` to the Balance figure first reading
 * `expected`, both on the page's `performance.now()`. Read it with {@link clickToBalanceMs}.
 */
async function startClickToBalanceTimer(page: Page, button: Locator, expected: string): Promise<void> {
  const balance = await balanceFigure(page).elementHandle();
  const clicked = await button.elementHandle();
  await page.evaluate(
    ([balanceElement, buttonElement, expectedText]: [any, any, string]) => {
      const page = globalThis as any;
      const state: { clickMs: number | null; changeMs: number | null } = { clickMs: null, changeMs: null };
      page.__clickToBalance = state;
      buttonElement.addEventListener('click', () => (state.clickMs ??= page.performance.now()), { capture: true, once: true });
      const observer = new page.MutationObserver(() => {
        if (state.clickMs !== null && balanceElement.textContent.trim() === expectedText) {
          state.changeMs = page.performance.now();
          observer.disconnect();
        }
      });
      observer.observe(balanceElement, { childList: true, characterData: true, subtree: true });
    },
    [balance, clicked, expected] as [unknown, unknown, string],
  );
  await balance?.dispose();
  await clicked?.dispose();
}

/** The page's measure of {@link startClickToBalanceTimer}, in ms. */
async function clickToBalanceMs(page: Page): Promise<number> {
  const state = await page.evaluate(
    () => (globalThis as any).__clickToBalance as { clickMs: number | null; changeMs: number | null } | undefined,
  );
  if (state?.clickMs == null || state.changeMs === null)
    throw new Error(`The timer did not see both the click and the balance change: ${JSON.stringify(state)}`);
  return state.changeMs - state.clickMs;
}

describe('dashboard: a campaign manager’s journey, from sign-in to a resumed campaign, in one page', () => {
  it('signs in through the sign-in page and lands on the Overview: $10.00 available, nothing burning', async () => {
    const { page } = session;
    await page.goto(`${t.url}/`);
    await signInThroughPage(page, { ...MANAGER, account: ACCOUNT_NAME });
    await page.getByRole('banner').getByText(MANAGER.name, { exact: true }).waitFor();
    await waitForText(definitionOf(balances(page), 'Available'), '$10.00');
    await waitForText(definitionOf(burnCard(page), 'Burn rate'), '$0.00/min');
    expect(await lowBalanceBanner(page).count()).toBe(0);
    // Everything from here on happens in this document: a reload would lose the mark.
    await page.evaluate(() => ((globalThis as any).__journeyDocument = 'signed in once'));
    await saveScreenshot(page, SCREENSHOT_PREFIX, '01-signed-in');
  });

  it('opens the simulated campaign and starts it: the dialer’s calls come up live', async () => {
    const { page } = session;
    await openCampaignFromList(page);
    const summary = page.getByRole('region', { name: 'Campaign' });
    await summary.getByText('Simulated', { exact: true }).waitFor();
    await campaignStatus(page, 'Draft').waitFor();
    await page.getByText('No calls in progress.', { exact: true }).waitFor();

    await page.getByRole('button', { name: `Start ${CAMPAIGN_NAME}` }).click();
    await campaignStatus(page, 'Running').waitFor();
    await page.getByRole('heading', { name: `Active calls (${SIMULATED_CALLS})` }).waitFor({ timeout: LIVE_TIMEOUT_MS });
    await waitForText(campaignFigure(page, 'Burn'), `$${Number(PER_MINUTE) * SIMULATED_CALLS}.00/min`, LIVE_TIMEOUT_MS);
    await saveScreenshot(page, SCREENSHOT_PREFIX, '02-campaign-running');
    await expectSameDocument(page);
  });

  it('watches the available balance fall live on the Overview until the wallet runs dry, the banners arriving by themselves', async () => {
    const { page } = session;
    // The calls have spent something since the Overview was last open (at sign-in, $10.00): the
    // first figure it shows when navigated back to must be no older than that.
    let seenBeforeMicros = 0n;
    await expect
      .poll(
        async () => {
          seenBeforeMicros = moneyToMicros((await apiWallet()).available);
          return seenBeforeMicros < moneyToMicros(FUNDS);
        },
        { timeout: LIVE_TIMEOUT_MS, interval: 100 },
      )
      .toBe(true);
    // The recorder watches from before the click, so the very first figure painted is recorded.
    await startOverviewRecorder(page);
    await goToSection(page, 'Overview', '/');
    await balances(page).waitFor();

    // Two decreases at least: three distinct readings, each below the one before.
    const early = await waitForReadings(page, 3, LIVE_TIMEOUT_MS);
    console.log(
      `[journey e2e] available before navigating back ${formatMoney(microsToMoney(seenBeforeMicros), 'USD')}; the Overview's first figure ${early[0]}`,
    );
    expect(
      usdMicros(early[0]!),
      `the Overview's first figure ${early[0]} is older than the available balance already seen, ${microsToMoney(seenBeforeMicros)}`,
    ).toBeLessThanOrEqual(seenBeforeMicros);
    expectStrictlyFalling(early);
    await saveScreenshot(page, SCREENSHOT_PREFIX, '03-available-falling');

    const banner = callsStoppedBanner(page);
    await banner.waitFor({ timeout: RUN_DRY_TIMEOUT_MS });
    await banner.getByRole('link', { name: CAMPAIGN_NAME, exact: true }).waitFor();
    await waitForText(definitionOf(balances(page), 'Available'), '$0.00', LIVE_TIMEOUT_MS);
    await waitForText(lowBalanceBanner(page), /Available \$0\.00 is below \$5\.00/, LIVE_TIMEOUT_MS);
    // The stop comes when the first call can't be funded; a call funded a moment longer runs to the
    // end of its paid time (at most one 1-second increment), then every hold is posted or released.
    await waitForText(definitionOf(burnCard(page), 'Active calls'), '0', LIVE_TIMEOUT_MS);
    await waitForText(definitionOf(balances(page), 'Reserved'), '$0.00', LIVE_TIMEOUT_MS);
    await expectSameDocument(page);
    await saveScreenshot(page, SCREENSHOT_PREFIX, '04-dry-banners');

    const record = (await overviewRecord(page, true))!;
    const readings = record.readings.map((reading) => reading.text);
    console.log(`[journey e2e] available balance as the Overview showed it: ${readings.join(' → ')}`);
    expectStrictlyFalling(readings);
    expect(readings.at(-1)).toBe('$0.00');
    // Both banners came while the page watched: it opened above the low-balance line, which the
    // available balance then crossed live, and the stop followed.
    const lowLineMicros = usdMicros('$5.00');
    expect(usdMicros(readings[0]!), 'the Overview must open above the low-balance line for its banner to be seen arriving').toBeGreaterThan(
      lowLineMicros,
    );
    // At or below the line, as the server raises LOW_BALANCE and the banner warns.
    const crossing = record.readings.find((reading) => usdMicros(reading.text) <= lowLineMicros)!;
    expect(record.lowBannerAtMs).not.toBeNull();
    expect(record.lowBannerAtMs!).toBeGreaterThanOrEqual(crossing.atMs);
    expect(record.stoppedBannerAtMs).not.toBeNull();

    const calls = (await t.ok(account.ownerKey, CALLS_OF_CAMPAIGN, { id: campaignId })).calls.edges.map(
      (edge: { node: { id: string; status: string; endReason: string | null } }) => edge.node,
    );
    stoppedCallIds = calls
      .filter((call: { status: string; endReason: string | null }) => call.status === 'STOPPED' && call.endReason === 'INSUFFICIENT_FUNDS')
      .map((call: { id: string }) => call.id);
    expect(stoppedCallIds.length).toBeGreaterThanOrEqual(1);
    expect(calls.filter((call: { status: string }) => call.status === 'ACTIVE')).toEqual([]);
    // The premise of "falls strictly": no callee hung up (which releases a reserved increment).
    expect(calls.filter((call: { endReason: string | null }) => call.endReason !== 'INSUFFICIENT_FUNDS')).toEqual([]);
    const [stop] = await t.app.orm.em
      .fork()
      .getConnection()
      .execute<{ ended_ms: number }[]>(
        `select (extract(epoch from min(ended_at)) * 1000)::float8 as ended_ms from call where campaign_id = ? and status = 'STOPPED'`,
        [campaignId],
      );
    console.log(
      `[journey e2e] wallet ran dry (first STOPPED call's ended_at) → "calls stopped" banner on the Overview: ${Math.round(record.stoppedBannerAtMs! - stop!.ended_ms)} ms;` +
        ` available below $5.00 on screen → low-balance banner: ${record.lowBannerAtMs! - crossing.atMs} ms`,
    );
  }, 60_000);

  it('follows the banner to the campaign: the calls stopped for funds are marked so, and the campaign offers Resume', async () => {
    const { page } = session;
    await callsStoppedBanner(page).getByRole('link', { name: CAMPAIGN_NAME, exact: true }).click();
    await page.waitForURL((url) => url.pathname === `/campaigns/${campaignId}`);
    await campaignStatus(page, 'Stopped: insufficient funds').waitFor();
    await page.getByRole('alert').filter({ hasText: 'Stopped: insufficient funds.' }).waitFor();
    await page.getByRole('heading', { name: 'Active calls (0)' }).waitFor();
    const stopped = endedRows(page).filter({ hasText: 'Stopped: insufficient funds' });
    await expect.poll(() => stopped.count(), { timeout: LIVE_TIMEOUT_MS }).toBe(stoppedCallIds.length);
    expect((await callIdsOf(stopped)).sort()).toEqual([...stoppedCallIds].sort());
    for (const className of await stopped.evaluateAll((rows: any[]) => rows.map((row) => String(row.className))))
      expect(className).toContain('call-row--stopped-funds');
    await page.getByRole('button', { name: `Resume ${CAMPAIGN_NAME}` }).waitFor();
    await expectSameDocument(page);
    await saveScreenshot(page, SCREENSHOT_PREFIX, '05-calls-stopped-for-funds');
  });

  it('tops up from the campaign’s notice: a sandbox Visa, then a 3-D Secure card with the challenge completed', async () => {
    const { page } = session;
    await page
      .getByRole('alert')
      .filter({ hasText: 'Stopped: insufficient funds.' })
      .getByRole('link', { name: 'Top up', exact: true })
      .click();
    await page.waitForURL((url) => url.pathname === '/top-up');
    const dry = await apiWallet();
    await waitForText(balanceFigure(page), formatMoney(dry.balance, 'USD'));

    // A Visa, $10: the balance moves by itself when the sandbox's webhook is applied.
    const afterVisa = usdAfterTopUp(dry.balance, 10);
    const pay = await fillCheckout(page, { quickPick: '$10.00', testCardId: 'pm_card_visa', save: false });
    await startPayToBalanceTimer(page, afterVisa);
    await pay.click();
    await waitForText(balanceFigure(page), afterVisa);
    console.log(`[journey e2e] Pay → balance on the page (Visa, $10): ${(await payToBalanceMs(page)).toFixed(0)} ms`);
    await expectReceipt(page, '$10.00', 'Visa •••• 4242');
    await saveScreenshot(page, SCREENSHOT_PREFIX, '06-visa-receipt');

    // A card whose bank asks for 3-D Secure, $25: the challenge, completed, then the credit.
    await topUpCard(page).getByRole('button', { name: 'Top up again' }).click();
    const afterThreeDSecure = usdAfterTopUp(dry.balance, 35);
    const payAgain = await fillCheckout(page, { quickPick: '$25.00', testCardId: 'pm_card_authenticationRequired', save: false });
    await payAgain.click();
    const challenge = threeDSecureChallenge(page);
    await challenge.waitFor();
    await topUpCard(page).getByText('Waiting for your bank to confirm $25.00 with Visa •••• 3184.', { exact: true }).waitFor();
    await saveScreenshot(page, SCREENSHOT_PREFIX, '07-3ds-challenge');
    const complete = challenge.getByRole('button', { name: 'Complete' });
    await startClickToBalanceTimer(page, complete, afterThreeDSecure);
    await complete.click();
    await challenge.waitFor({ state: 'hidden' });
    await waitForText(balanceFigure(page), afterThreeDSecure);
    console.log(`[journey e2e] 3-D Secure Complete → balance on the page ($25): ${(await clickToBalanceMs(page)).toFixed(0)} ms`);
    await expectReceipt(page, '$25.00', 'Visa •••• 3184');
    await saveScreenshot(page, SCREENSHOT_PREFIX, '08-3ds-receipt');

    const funded = await apiWallet();
    expect(funded.balance).toBe(microsToMoney(moneyToMicros(dry.balance) + 35_000_000n));
    await expectSameDocument(page);
  });

  it('resumes the campaign from its page: new calls come up and spend moves again', async () => {
    const { page } = session;
    await openCampaignFromList(page);
    await campaignStatus(page, 'Stopped: insufficient funds').waitFor();
    const spentBefore = (await campaignFigure(page, 'Spent').textContent())?.trim() ?? '';

    await page.getByRole('button', { name: `Resume ${CAMPAIGN_NAME}` }).click();
    await campaignStatus(page, 'Running').waitFor();
    await expect(page.getByRole('alert').filter({ hasText: 'Stopped: insufficient funds.' }).count()).resolves.toBe(0);
    await page.getByRole('heading', { name: `Active calls (${SIMULATED_CALLS})` }).waitFor({ timeout: LIVE_TIMEOUT_MS });
    const newCallIds = await callIdsOf(activeRows(page));
    expect(newCallIds).toHaveLength(SIMULATED_CALLS);
    for (const id of newCallIds) expect(stoppedCallIds).not.toContain(id);
    await expect
      .poll(async () => (await campaignFigure(page, 'Spent').textContent())?.trim(), { timeout: LIVE_TIMEOUT_MS })
      .not.toBe(spentBefore);
    await saveScreenshot(page, SCREENSHOT_PREFIX, '09-resumed');

    // The Overview agrees: no banner left, and the available balance falls again. Its last figure was
    // $0.00; watched from before the click, the first one it paints is no older than the balance
    // already seen here (a stale $0.00 would also break "falls strictly").
    const seenBefore = moneyToMicros((await apiWallet()).available);
    await startOverviewRecorder(page);
    await goToSection(page, 'Overview', '/');
    await balances(page).waitFor();
    const again = await waitForReadings(page, 3, LIVE_TIMEOUT_MS);
    expect(usdMicros(again[0]!), `the Overview's first figure ${again[0]} is older than ${microsToMoney(seenBefore)}`).toBeLessThanOrEqual(
      seenBefore,
    );
    console.log(`[journey e2e] available balance after the resume: ${again.join(' → ')}`);
    expectStrictlyFalling(again);
    expect(usdMicros(again[0]!)).toBeGreaterThan(usdMicros('$5.00'));
    expect(await callsStoppedBanner(page).count()).toBe(0);
    expect(await lowBalanceBanner(page).count()).toBe(0);
    await overviewRecord(page, true);
    await expectSameDocument(page);
    await saveScreenshot(page, SCREENSHOT_PREFIX, '10-spending-again');
  }, 45_000);

  it('keeps the books straight and the page free of errors', async () => {
    // The dialer stops first, so no call starts behind the hang-ups below.
    await t.app.simulator.stop();
    const calls = (await t.ok(account.ownerKey, CALLS_OF_CAMPAIGN, { id: campaignId })).calls.edges.map(
      (edge: { node: { id: string; status: string } }) => edge.node,
    );
    for (const call of calls.filter((candidate: { status: string }) => candidate.status === 'ACTIVE')) {
      await t.ok(account.ownerKey, END_CALL, { input: { callId: call.id } });
    }
    await t.assertLedger();
    expect(session.errors.filter((error) => error.startsWith('pageerror'))).toEqual([]);
  });
});
