// Goal: an OWNER buys, lists and refunds phone numbers (the price shown before buying is exactly what the wallet is debited, the list shows each number's renewal, refund window and grace deadline), reads the messages sent through the API with their segments, status and cost, prices a message with the estimator, subscribes to a plan and watches its allowance used move after a call, then cancels; a campaign manager who opens these pages sees what they may not do; at 390 px none of the pages scrolls sideways. Method: the real server (billing clock off: calls bill their first increment when they end) on a fresh database, the built dashboard in Debian's Chromium driven through roles and labels at 1280×800 and 390×844, the figures checked against the API and the ledger, screenshots of each page at both sizes.
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  goToSection,
  saveScreenshot,
  signInThroughPage,
  WAIT_TIMEOUT_MS,
  waitForText,
  type BrowserPage,
  e2eFile,
  signInWithCookie,
} from '../support/browser.js';
import { formatMoney } from '../../client/src/utils/money.js';
import { runSql } from '../support/sql.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** Prefix of this file's screenshots in test-artifacts/e2e/. */
const SCREENSHOT_PREFIX = 'owner-usage';

const ACCOUNT_NAME = 'E2E Usage Account';
const OWNER = { email: 'olive.owner@example.com', name: 'Olive Owner', password: 'numbers messages and plans' };
const MANAGER = { email: 'cam.manager@example.com', name: 'Cam Manager', password: 'campaigns are my job here' };
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

const e2e = e2eFile(SCREENSHOT_PREFIX, { start: () => startTestApp({ billingClockEnabled: false }) });
let t: TestApp;
let owner: BrowserPage;
let phone: BrowserPage;
let account: { accountId: string; walletId: string; ownerKey: string };
let ratePlanId: string;
let campaignId: string;
/** A number whose renewal is owed while the wallet is suspended (set by the Numbers steps). */
let owedNumber: string;

beforeAll(async () => {
  t = e2e.t;
  account = await t.createAccount(ACCOUNT_NAME);
  await t.fund(account.walletId, '100');
  for (const person of [
    { ...OWNER, role: 'OWNER' },
    { ...MANAGER, role: 'CAMPAIGN_MANAGER' },
  ]) {
    await e2e.createUser(account.accountId, person.role, { email: person.email, name: person.name, password: person.password });
  }
  // Numbers under +4420 cost 2.50 once and 3.25 a month; SMS 0.0075 a segment everywhere; calls 60/60.
  ratePlanId = await t.createRatePlan([
    { prefix: '', perMinute: '0.02', firstIncrementSeconds: 60, nextIncrementSeconds: 60, smsPerSegment: '0.0075' },
    {
      prefix: '4420',
      perMinute: '0.02',
      firstIncrementSeconds: 60,
      nextIncrementSeconds: 60,
      smsPerSegment: '0.0075',
      numberPurchase: '2.5',
      numberMonthly: '3.25',
    },
  ]);
  campaignId = await t.runningCampaign(account.ownerKey, account.walletId, ratePlanId);
  await t.ok(
    t.adminToken,
    'mutation($input: CreateSubscriptionPlanInput!) { createSubscriptionPlan(input: $input) { subscriptionPlan { id } } }',
    {
      input: { name: 'Starter', currency: 'USD', monthlyFee: '15', includedMinutes: 100, overagePerMinute: '0.015' },
    },
  );
  owner = await e2e.open({ viewport: DESKTOP });
  phone = await e2e.open({ viewport: PHONE });
}, 120_000);

// Runs before e2eFile's clean-up (after-hooks run last registered first): the server is still up.
afterAll(async () => {
  await t?.assertLedger();
});

/** The region (a card) named `name`. */
function card(page: Page, name: string): Locator {
  return page.getByRole('region', { name, exact: true });
}

/** The modal dialog on screen. */
function dialog(page: Page): Locator {
  return page.getByRole('dialog');
}

/** The wallet's balance and its transactions of one kind, newest first, over GraphQL. */
async function walletOf(kind: string): Promise<{ balance: string; transactions: { type: string; amount: string }[] }> {
  const data = await t.ok(
    account.ownerKey,
    `query($id: ID!) { wallet(id: $id) { balance transactions(first: 100) { edges { node { kind type amount } } } } }`,
    { id: account.walletId },
  );
  return {
    balance: data.wallet.balance,
    transactions: data.wallet.transactions.edges.map((edge: any) => edge.node).filter((tx: any) => tx.kind === kind),
  };
}

/** Fails unless the page (document) is no wider than the 390 px phone screen. */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const widths = await page.evaluate(() => {
    const browserGlobal = globalThis as any;
    return { document: browserGlobal.document.documentElement.scrollWidth as number, viewport: browserGlobal.innerWidth as number };
  });
  expect(widths.viewport).toBe(PHONE.width);
  expect(widths.document, 'document.documentElement.scrollWidth at 390 px').toBeLessThanOrEqual(PHONE.width);
}

/** Opens a dashboard path on the phone page and waits for one of its regions. */
async function openOnPhone(path: string, region: string): Promise<Page> {
  const { page } = phone;
  await page.goto(`${t.url}${path}`);
  await card(page, region).waitFor();
  return page;
}

describe('Numbers', () => {
  let bought: string;
  let kept: string;

  it('signs in, opens Numbers: no numbers yet, and the search proposes numbers with what buying one debits now', async () => {
    const { page } = owner;
    await page.goto(`${t.url}/`);
    await signInThroughPage(page, { ...OWNER, account: ACCOUNT_NAME });
    await goToSection(page, 'Numbers', '/numbers');
    await card(page, 'Your numbers').getByText('No numbers yet.', { exact: false }).waitFor();

    const buy = card(page, 'Buy a number');
    await buy.getByLabel('Number starts with', { exact: true }).fill('+44 20');
    await buy.getByRole('button', { name: 'Search', exact: true }).click();
    const offers = buy.getByRole('list', { name: 'Numbers for sale' }).getByRole('listitem');
    await expect.poll(() => offers.count(), { timeout: WAIT_TIMEOUT_MS }).toBe(10);
    await waitForText(offers.first().locator('.offer__price'), '$5.75 now, then $3.25/month');
    await saveScreenshot(page, SCREENSHOT_PREFIX, '01-numbers-search');
  });

  it('buys one: the confirmation shows the one-time price, first month and total, and the wallet is debited exactly that total', async () => {
    const { page } = owner;
    const before = await walletOf('NUMBER');
    const offer = card(page, 'Buy a number').getByRole('list', { name: 'Numbers for sale' }).getByRole('listitem').first();
    bought = (await offer.locator('.offer__number').textContent())!.trim();
    await offer.getByRole('button', { name: `Buy ${bought}` }).click();
    const confirm = dialog(page);
    await confirm.getByRole('heading', { name: `Buy ${bought}?` }).waitFor();
    // Focus moves into the dialog.
    expect(await confirm.evaluate((element: any) => element.contains((globalThis as any).document.activeElement))).toBe(true);
    const shownTotal = (await confirm.getByTestId('purchase-total').textContent())!.trim();
    expect(shownTotal).toBe('$5.75');
    await saveScreenshot(page, SCREENSHOT_PREFIX, '02-numbers-confirm');
    await confirm.getByRole('button', { name: 'Buy for $5.75' }).click();
    await page.getByText(`You bought ${bought}: $5.75 was debited from the wallet.`, { exact: false }).waitFor();

    const after = await walletOf('NUMBER');
    expect(after.transactions).toHaveLength(before.transactions.length + 1);
    expect(after.transactions[0]).toMatchObject({ type: 'DEBIT', amount: '5.75' });
    expect(Number(before.balance) - Number(after.balance)).toBeCloseTo(5.75, 6);
  });

  it('lists the number with its next renewal and refund deadline, as the API has them', async () => {
    const { page } = owner;
    const row = card(page, 'Your numbers').getByRole('row').filter({ hasText: bought });
    await row.waitFor();
    const api = await t.ok(
      account.ownerKey,
      `query($walletId: ID) { phoneNumbers(walletId: $walletId) { edges { node { number renewsAt refundableUntil } } } }`,
      {
        walletId: account.walletId,
      },
    );
    const number = api.phoneNumbers.edges.map((edge: any) => edge.node).find((node: any) => node.number === bought);
    const renewal = await page.evaluate(
      (iso) => new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' }).format(new Date(iso)),
      number.renewsAt,
    );
    await row.getByText(renewal, { exact: false }).first().waitFor();
    await row.getByText('Until ', { exact: false }).waitFor();
    await waitForText(row.locator('td[data-label="Monthly"]'), '$3.25');
    await saveScreenshot(page, SCREENSHOT_PREFIX, '03-numbers-list');
  });

  it('refunds a second number within the window: credited back, shown as refunded', async () => {
    const { page } = owner;
    const buy = card(page, 'Buy a number');
    await buy.getByRole('button', { name: 'Search', exact: true }).click();
    const offer = buy.getByRole('list', { name: 'Numbers for sale' }).getByRole('listitem').first();
    await expect.poll(async () => (await offer.locator('.offer__number').textContent())?.trim()).not.toBe(bought);
    kept = (await offer.locator('.offer__number').textContent())!.trim();
    await offer.getByRole('button', { name: `Buy ${kept}` }).click();
    await dialog(page).getByRole('button', { name: 'Buy for $5.75' }).click();
    await page.getByText(`You bought ${kept}`, { exact: false }).waitFor();

    const before = await walletOf('REFUND');
    const row = card(page, 'Your numbers').getByRole('row').filter({ hasText: bought });
    const opener = row.getByRole('button', { name: 'Refund', exact: true });
    await opener.click();
    await dialog(page).getByRole('button', { name: 'Refund $5.75' }).click();
    await page.getByText(`${bought} was refunded: $5.75 was credited back to the wallet.`, { exact: true }).waitFor();
    await waitForText(row.locator('td[data-label="Status"] .status'), 'Refunded');
    const after = await walletOf('REFUND');
    expect(after.transactions).toHaveLength(before.transactions.length + 1);
    expect(after.transactions[0]).toMatchObject({ type: 'CREDIT', amount: '5.75' });
  });

  it('shows a number in GRACE with the deadline before it is released', async () => {
    const { page } = owner;
    // The renewal job would put it in GRACE when a renewal fails a month from now; here the row is set so directly.
    await runSql(
      t.app.orm.em.fork(),
      `update phone_number set status = 'GRACE', renews_at = now() - interval '1 day', grace_until = now() + interval '6 days',
              version = version + 1 where number = $1`,
      [kept],
    );
    await page.reload();
    const row = card(page, 'Your numbers').getByRole('row').filter({ hasText: kept });
    await waitForText(row.locator('td[data-label="Status"] .status'), 'Grace');
    await row.getByText('Renewal unpaid: released on', { exact: false }).waitFor();
    await row.getByText('Due since', { exact: false }).waitFor();
    await saveScreenshot(page, SCREENSHOT_PREFIX, '04-numbers-grace');
  });

  it('shows a renewal owed while the wallet is suspended apart from GRACE: the amount owed and since when', async () => {
    const { page } = owner;
    const offers = await t.ok(
      account.ownerKey,
      `query($walletId: ID!, $ratePlanId: ID!) { availablePhoneNumbers(walletId: $walletId, ratePlanId: $ratePlanId, startsWith: "+4420") { number } }`,
      { walletId: account.walletId, ratePlanId },
    );
    const listed = await t.ok(
      account.ownerKey,
      `query($walletId: ID) { phoneNumbers(walletId: $walletId) { edges { node { number } } } }`,
      {
        walletId: account.walletId,
      },
    );
    const seen = new Set(listed.phoneNumbers.edges.map((edge: any) => edge.node.number));
    // A number this wallet never had, so that its row is the only one on the page.
    owedNumber = offers.availablePhoneNumbers.map((offer: any) => offer.number).find((number: string) => !seen.has(number));
    await t.ok(account.ownerKey, `mutation($input: PurchaseNumberInput!) { purchaseNumber(input: $input) { phoneNumber { id } } }`, {
      input: { walletId: account.walletId, ratePlanId, number: owedNumber },
    });
    // The renewal job keeps a number this way when its renewal falls while the wallet is suspended; here the row is set so directly.
    await runSql(
      t.app.orm.em.fork(),
      `update phone_number set status = 'RENEWAL_OWED', renews_at = '2026-11-30T09:00:00Z', version = version + 1
        where number = $1 and status = 'ACTIVE'`,
      [owedNumber],
    );
    await page.reload();
    const row = card(page, 'Your numbers').getByRole('row').filter({ hasText: owedNumber });
    await waitForText(row.locator('td[data-label="Status"] .status'), 'Renewal owed');
    await row.getByText('owed since', { exact: false }).first().waitFor();
    expect(await row.locator('td[data-label="Status"]').innerText()).toMatch(/\$\d+\.\d{2} owed since/);
    await row.getByText(/^Owed since /).waitFor();
    await saveScreenshot(page, SCREENSHOT_PREFIX, '04b-numbers-renewal-owed');
  });

  it('at 390 px: the numbers stack into cards, with Release visible, and nothing scrolls sideways', async () => {
    const { page } = phone;
    await signInWithCookie(page, t.url, { ...OWNER, account: ACCOUNT_NAME });
    await openOnPhone('/numbers', 'Your numbers');
    const row = card(page, 'Your numbers').getByRole('row').filter({ hasText: kept });
    await row.getByRole('button', { name: 'Release', exact: true }).waitFor();
    expect(await row.getByRole('button', { name: 'Release', exact: true }).isVisible()).toBe(true);
    // The owed renewal's card says so in words, apart from the number in grace.
    await card(page, 'Your numbers').getByRole('row').filter({ hasText: owedNumber }).getByText('Renewal owed').waitFor();
    await expectNoSidewaysScroll(page);
    await saveScreenshot(page, SCREENSHOT_PREFIX, '05-numbers-phone');
  });

  it('releases the number in GRACE after confirming: no refund, shown as released', async () => {
    const { page } = owner;
    const before = await walletOf('REFUND');
    const row = card(page, 'Your numbers').getByRole('row').filter({ hasText: kept });
    await row.getByRole('button', { name: 'Release', exact: true }).click();
    await dialog(page)
      .getByRole('heading', { name: `Release ${kept}?` })
      .waitFor();
    await dialog(page).getByRole('button', { name: 'Release', exact: true }).click();
    await page.getByText(`${kept} was released: it no longer renews, and nothing was refunded.`, { exact: true }).waitFor();
    await waitForText(row.locator('td[data-label="Status"] .status'), 'Released');
    expect(await row.getByRole('button').count()).toBe(0);
    expect((await walletOf('REFUND')).transactions).toHaveLength(before.transactions.length);
  });
});

describe('Messages', () => {
  const SEND = `mutation($input: SendMessageInput!) { sendMessage(input: $input) { messages { id segments price } held } }`;
  const REPORT = `mutation($input: ReportMessageDeliveryInput!) { reportMessageDelivery(input: $input) { message { status } } }`;

  it('lists the messages sent through the API with their segments, status and cost; the campaign filter narrows them', async () => {
    const sent = (
      await t.ok(account.ownerKey, SEND, {
        input: {
          walletId: account.walletId,
          campaignId,
          ratePlanId,
          from: '+15550100001',
          to: ['+447700900001', '+447700900002'],
          body: 'Hello from the campaign',
        },
      })
    ).sendMessage.messages;
    await t.ok(account.ownerKey, REPORT, { input: { messageId: sent[0].id, status: 'DELIVERED' } });
    await t.ok(account.ownerKey, REPORT, { input: { messageId: sent[1].id, status: 'FAILED' } });
    // 200 GSM characters: two segments, held until its report.
    const long = (
      await t.ok(account.ownerKey, SEND, {
        input: { walletId: account.walletId, ratePlanId, from: '+15550100001', to: ['+15550100003'], body: 'x'.repeat(200) },
      })
    ).sendMessage.messages[0];
    expect(long).toMatchObject({ segments: 2, price: '0.015' });

    const { page } = owner;
    await goToSection(page, 'Messages', '/messages');
    const history = card(page, 'Message history');
    const rows = history.locator('table.messages-table > tbody > tr');
    await expect.poll(() => rows.count(), { timeout: WAIT_TIMEOUT_MS }).toBe(3);
    const row = (to: string) => rows.filter({ hasText: to });
    await waitForText(row('+15550100003').locator('td[data-label="Status"]'), 'Held');
    await waitForText(row('+15550100003').locator('td[data-label="Segments"]'), '2');
    await waitForText(row('+15550100003').locator('td[data-label="Cost"]'), '$0.015 held');
    await waitForText(row('+447700900001').locator('td[data-label="Status"]'), 'Delivered');
    await waitForText(row('+447700900001').locator('td[data-label="Cost"]'), '$0.0075 charged');
    await waitForText(row('+447700900002').locator('td[data-label="Status"]'), 'Failed');
    await waitForText(row('+447700900002').locator('td[data-label="Cost"]'), '$0.00 released');
    await saveScreenshot(page, SCREENSHOT_PREFIX, '06-messages');

    await history.getByLabel('Campaign', { exact: true }).selectOption({ index: 1 });
    await expect.poll(() => rows.count(), { timeout: WAIT_TIMEOUT_MS }).toBe(2);
    await history.getByLabel('Status', { exact: true }).selectOption('DELIVERED');
    await expect.poll(() => rows.count(), { timeout: WAIT_TIMEOUT_MS }).toBe(1);
    await history.getByLabel('Campaign', { exact: true }).selectOption('');
    await history.getByLabel('Status', { exact: true }).selectOption('');
    await expect.poll(() => rows.count(), { timeout: WAIT_TIMEOUT_MS }).toBe(3);
  });

  it('the estimator prices a message as the API does, without sending it', async () => {
    const { page } = owner;
    const estimator = card(page, 'Price estimator');
    const body = 'Your code is 123456 — valid for 10 minutes.';
    await estimator.getByLabel('Recipients', { exact: true }).fill('+44 7700 900123, +1 555 010 0000');
    await estimator.getByLabel('Text', { exact: true }).fill(body);
    await estimator.getByRole('button', { name: 'Estimate', exact: true }).click();
    const api = (
      await t.ok(account.ownerKey, `query($input: EstimateMessageInput!) { estimateMessage(input: $input) { segments total encoding } }`, {
        input: { ratePlanId, to: ['+447700900123', '+15550100000'], body },
      })
    ).estimateMessage;
    expect(api.encoding).toBe('UCS2');
    await waitForText(estimator.getByTestId('estimate-segments'), String(api.segments));
    await waitForText(estimator.getByTestId('estimate-total'), formatMoney(api.total, 'USD', { precision: 'unit-price' }));
    // Nothing was sent: still three messages.
    const count = await t.ok(account.ownerKey, `query($walletId: ID!) { messages(walletId: $walletId) { edges { node { id } } } }`, {
      walletId: account.walletId,
    });
    expect(count.messages.edges).toHaveLength(3);
    await saveScreenshot(page, SCREENSHOT_PREFIX, '07-messages-estimate');
  });

  it('at 390 px: messages read as cards and nothing scrolls sideways', async () => {
    const page = await openOnPhone('/messages', 'Message history');
    await card(page, 'Message history').locator('table.messages-table > tbody > tr').first().waitFor();
    await expectNoSidewaysScroll(page);
    await saveScreenshot(page, SCREENSHOT_PREFIX, '08-messages-phone');
  });
});

describe('Plan', () => {
  it('subscribes to a plan after confirming: the fee is debited, the allowance is whole', async () => {
    const { page } = owner;
    await goToSection(page, 'Plan', '/plan');
    await card(page, 'Current plan').getByText('No plan:', { exact: false }).waitFor();
    const before = await walletOf('SUBSCRIPTION');
    await card(page, 'Plans').getByRole('listitem', { name: 'Starter' }).getByRole('button', { name: 'Subscribe', exact: true }).click();
    await dialog(page).getByRole('heading', { name: 'Subscribe to Starter?' }).waitFor();
    await dialog(page).getByRole('button', { name: 'Subscribe for $15.00' }).click();
    await page.getByText('Subscribed to Starter: $15.00 was debited from the wallet.', { exact: false }).waitFor();
    const current = card(page, 'Current plan');
    await waitForText(current.getByTestId('allowance-used'), '0 min');
    await waitForText(current.getByTestId('allowance-left'), '100 min');
    await current.getByText('$0.015/min', { exact: true }).waitFor();
    const after = await walletOf('SUBSCRIPTION');
    expect(after.transactions).toHaveLength(before.transactions.length + 1);
    expect(after.transactions[0]).toMatchObject({ type: 'DEBIT', amount: '15' });
    await saveScreenshot(page, SCREENSHOT_PREFIX, '09-plan');
  });

  it('shows the allowance used move after a call', async () => {
    const started = await t.ok(account.ownerKey, `mutation($input: StartCallInput!) { startCall(input: $input) { call { id } } }`, {
      input: { campaignId, to: '+447700900123' },
    });
    const ended = await t.ok(
      account.ownerKey,
      `mutation($input: EndCallInput!) { endCall(input: $input) { call { billedSeconds cost } } }`,
      {
        input: { callId: started.startCall.call.id },
      },
    );
    // Answered and hung up at once: the first 60 s increment, all from the allowance.
    expect(ended.endCall.call).toEqual({ billedSeconds: 60, cost: '0' });
    const { page } = owner;
    const current = card(page, 'Current plan');
    await waitForText(current.getByTestId('allowance-used'), '1 min');
    await waitForText(current.getByTestId('allowance-left'), '99 min');
    // Covered by the allowance, and the rate has no connect fee: nothing was paid from the wallet.
    await waitForText(current.getByTestId('overage-this-period'), '$0.00 (0 min beyond the allowance, with connect fees)');
    await saveScreenshot(page, SCREENSHOT_PREFIX, '10-plan-used');
  });

  it('at 390 px: the plan fits without sideways scroll', async () => {
    const page = await openOnPhone('/plan', 'Current plan');
    await waitForText(card(page, 'Current plan').getByTestId('allowance-used'), '1 min');
    await expectNoSidewaysScroll(page);
    await saveScreenshot(page, SCREENSHOT_PREFIX, '11-plan-phone');
  });

  it('cancels after confirming; focus returns to the page and the wallet has no plan', async () => {
    const { page } = owner;
    const opener = card(page, 'Current plan').getByRole('button', { name: 'Cancel plan', exact: true });
    await opener.click();
    await dialog(page).getByRole('button', { name: 'Cancel', exact: true }).click();
    // Cancelled the dialog: focus is back on the button that opened it, and the plan is still there.
    expect(await opener.evaluate((element) => element === (globalThis as any).document.activeElement)).toBe(true);
    await opener.click();
    await dialog(page).getByRole('button', { name: 'Cancel plan', exact: true }).click();
    await page.getByText('Starter was canceled', { exact: false }).waitFor();
    await card(page, 'Current plan').getByText('No plan:', { exact: false }).waitFor();
    const api = await t.ok(account.ownerKey, `query($id: ID!) { wallet(id: $id) { planSubscription { id } } }`, { id: account.walletId });
    expect(api.wallet.planSubscription).toBeNull();
  });
});

describe('a campaign manager on these pages', () => {
  it('sees the numbers, messages and plan but is told what they may not do', async () => {
    const manager = await e2e.open({ viewport: DESKTOP });
    const { page } = manager;
    await signInWithCookie(page, t.url, { ...MANAGER, account: ACCOUNT_NAME });
    await page.goto(`${t.url}/numbers`);
    await page.getByText('you may see the account’s numbers but not buy, release or refund them', { exact: false }).waitFor();
    await card(page, 'Your numbers').getByRole('row').filter({ hasText: '+4420' }).first().waitFor();
    expect(await page.getByRole('button', { name: 'Release', exact: true }).count()).toBe(0);
    await page.goto(`${t.url}/plan`);
    await page.getByText('you may see the plan but not subscribe or cancel', { exact: false }).waitFor();
    expect(await page.getByRole('button', { name: 'Subscribe', exact: true }).count()).toBe(0);
    await page.goto(`${t.url}/messages`);
    await page.getByText('but not send messages', { exact: false }).waitFor();
    await saveScreenshot(page, SCREENSHOT_PREFIX, '12-manager-messages');
  });
});
