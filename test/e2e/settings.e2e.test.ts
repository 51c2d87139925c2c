// Goal: an OWNER runs the account from the dashboard's Settings, Top up and Transactions pages: saves sandbox cards and picks the default, turns auto-recharge on, creates an API key whose secret is shown once and revokes it, tops up and finds the receipt under the transaction's row, filters the history and downloads it as CSV (signed in by cookie, and with an API key through the Authorization header), and sets the wallet's balance alerts, which a charge then crosses. Method: the real server (payment jobs on) on a fresh database, the built dashboard in Debian's Chromium driven through roles and labels, the results checked over GraphQL (the raised alert through the `alerts` query), the CSV files read from the browser's download events, screenshots of each step.
import fs from 'node:fs/promises';
import type { Download, Locator, Page, Request } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  goToSection,
  saveScreenshot,
  WAIT_TIMEOUT_MS,
  waitForText,
  type BrowserPage,
  definitionOf,
  signInThroughPage,
  e2eFile,
} from '../support/browser.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { drainAlerts } from '../support/consumers.js';

/** Prefix of this file's screenshots in test-artifacts/e2e/. */
const SCREENSHOT_PREFIX = 'settings';

const ACCOUNT_NAME = 'E2E Settings Account';
const OWNER = { email: 'sam.settings@example.com', name: 'Sam Settings', password: 'settings are fun to test' };

/** How a receipt number reads: SW-<year>-<8 digits>. */
const RECEIPT_NUMBER_PATTERN = /SW-\d{4}-\d{8}/;

/** The CSV's header line (server/domain/wallets/export-wallet-transactions.service.ts TRANSACTION_CSV_COLUMNS). */
const CSV_HEADER =
  'sequence,created_at,type,kind,status,amount,balance_before,balance_after,currency,description,payment_intent_id,campaign_id,transaction_id';

const e2e = e2eFile(SCREENSHOT_PREFIX, { start: () => startTestApp({ paymentsEnabled: true, billingClockEnabled: false }) });
let t: TestApp;
let owner: BrowserPage;
let account: { accountId: string; walletId: string; ownerKey: string };
let campaignId: string;
let receiptNumber: string;

beforeAll(async () => {
  t = e2e.t;
  account = await t.createAccount(ACCOUNT_NAME);
  await t.fund(account.walletId, '50');
  await e2e.createUser(account.accountId, 'OWNER', OWNER);
  // A campaign with one charge of its own, for the history's campaign filter.
  const ratePlanId = await t.createRatePlan([{ prefix: '', perMinute: '0.01', firstIncrementSeconds: 6, nextIncrementSeconds: 6 }]);
  campaignId = await t.runningCampaign(account.ownerKey, account.walletId, ratePlanId);
  await t.ok(account.ownerKey, 'mutation($input: ChargeInput!) { charge(input: $input) { transaction { id } } }', {
    input: { walletId: account.walletId, amount: '1.25', description: 'Campaign set-up fee', campaignId },
  });
  owner = await e2e.open();
});

/** The region (a card) named `name`. */
function card(page: Page, name: string): Locator {
  return page.getByRole('region', { name, exact: true });
}

/** The saved cards' list items, as the page shows them. */
function savedCard(page: Page, label: string): Locator {
  return card(page, 'Saved cards').getByRole('listitem', { name: label, exact: true });
}

/** The account's saved cards over GraphQL. */
async function apiCards(): Promise<{ brand: string; last4: string; isDefault: boolean }[]> {
  const data = await t.ok(account.ownerKey, '{ paymentMethods { brand last4 isDefault } }');
  return data.paymentMethods;
}

/** The rows of the transactions table (header excluded). */
function transactionRows(page: Page): Locator {
  return card(page, 'Transactions').locator('table.transactions > tbody > tr:not(.transactions__details)');
}

/** Waits until the transactions table shows `count` rows (after a filter, the page's answer). */
async function expectRowCount(page: Page, count: number): Promise<void> {
  await expect.poll(() => transactionRows(page).count(), { timeout: WAIT_TIMEOUT_MS }).toBe(count);
}

/** Clicks "Download CSV" and returns the download and the file's text. */
async function downloadCsv(page: Page): Promise<{ download: Download; text: string }> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    card(page, 'Transactions').getByRole('link', { name: 'Download CSV' }).click(),
  ]);
  const file = await download.path();
  return { download, text: await fs.readFile(file, 'utf8') };
}

describe('dashboard: settings, top-ups and the transaction history of an OWNER', () => {
  it('signs in and opens Settings from the sections: funding off, no cards, the account key (the team has its own page)', async () => {
    const { page } = owner;
    await page.goto(`${t.url}/`);
    await signInThroughPage(page, { ...OWNER, account: ACCOUNT_NAME });

    await goToSection(page, 'Settings', '/settings');
    const funding = card(page, 'Automatic funding');
    await waitForText(definitionOf(funding, 'Auto-recharge'), 'Off');
    await card(page, 'Saved cards').getByText('No saved cards yet.', { exact: false }).waitFor();
    await card(page, 'API keys').getByRole('table', { name: 'API keys' }).waitFor();
    expect(await card(page, 'Team').count()).toBe(0);
    await saveScreenshot(page, SCREENSHOT_PREFIX, '01-settings');
  });

  it('adds a sandbox Visa (the first card is the default) and a Mastercard, then makes the Mastercard the default', async () => {
    const { page } = owner;
    const addCard = card(page, 'Saved cards').getByRole('form', { name: 'Add a card' });
    await addCard.getByLabel('Test card', { exact: true }).selectOption('pm_card_visa');
    await addCard.getByRole('button', { name: 'Add card' }).click();
    await card(page, 'Saved cards').getByText('Card saved: Visa •••• 4242.', { exact: true }).waitFor();
    await savedCard(page, 'Visa •••• 4242').getByText('Default', { exact: true }).waitFor();

    await card(page, 'Saved cards').getByRole('button', { name: 'Add another card' }).click();
    await addCard.getByLabel('Test card', { exact: true }).selectOption('pm_card_mastercard');
    await addCard.getByRole('button', { name: 'Add card' }).click();
    await card(page, 'Saved cards').getByText('Card saved: Mastercard •••• 4444.', { exact: true }).waitFor();
    const mastercard = savedCard(page, 'Mastercard •••• 4444');
    await mastercard.getByRole('button', { name: 'Make default' }).click();
    await mastercard.getByText('Default', { exact: true }).waitFor();
    // Never two defaults, not even for a moment: the list follows the new default at once.
    expect(await savedCard(page, 'Visa •••• 4242').getByText('Default', { exact: true }).count()).toBe(0);
    await savedCard(page, 'Visa •••• 4242').getByRole('button', { name: 'Make default' }).waitFor();
    await saveScreenshot(page, SCREENSHOT_PREFIX, '02-cards');

    const cards = await apiCards();
    expect(cards.find((saved) => saved.isDefault)).toMatchObject({ brand: 'mastercard', last4: '4444' });
    expect(cards).toHaveLength(2);
  });

  it('turns auto-recharge on with a threshold and a target', async () => {
    const { page } = owner;
    const funding = card(page, 'Automatic funding');
    const form = funding.getByRole('form', { name: 'Auto-recharge' });
    // A target too close to the threshold is refused by the form before anything is sent.
    await form.getByLabel('Top up automatically when the balance runs low').check();
    await form.getByLabel('Low-balance threshold', { exact: true }).fill('10');
    await form.getByLabel('Top up to', { exact: true }).fill('15');
    await form.getByRole('button', { name: 'Save auto-recharge' }).click();
    await form.getByText('The target must be at least the threshold plus the minimum top-up of $10.00.', { exact: true }).waitFor();

    await form.getByLabel('Top up to', { exact: true }).fill('40');
    await form.getByRole('button', { name: 'Save auto-recharge' }).click();
    await form.getByText('Saved.', { exact: true }).waitFor();
    await waitForText(definitionOf(funding, 'Auto-recharge'), 'On');
    await funding.getByText('Below $10.00 available, the default card tops the wallet up to $40.00.', { exact: true }).waitFor();
    await saveScreenshot(page, SCREENSHOT_PREFIX, '03-auto-recharge');

    const data = await t.ok(
      account.ownerKey,
      'query($id: ID!) { wallet(id: $id) { autoRecharge { enabled threshold target pausedAt } } }',
      {
        id: account.walletId,
      },
    );
    expect(data.wallet.autoRecharge).toEqual({ enabled: true, threshold: '10', target: '40', pausedAt: null });
  });

  it('creates an API key whose secret is shown once and works, then revokes it after a confirmation', async () => {
    const { page } = owner;
    const keys = card(page, 'API keys');
    const form = keys.getByRole('form', { name: 'Create an API key' });
    await form.getByLabel('Key name', { exact: true }).fill('E2E switch');
    await form.getByLabel('Role', { exact: true }).selectOption('INTEGRATOR');
    await form.getByRole('button', { name: 'Create key' }).click();
    const secretField = keys.getByLabel('Secret', { exact: true });
    await secretField.waitFor();
    const secret = await secretField.inputValue();
    expect(secret).toMatch(/^sw_[A-Za-z0-9_-]{20,}$/);
    await keys.getByText('Store it now: it is shown only this once, and cannot be shown again.').waitFor();
    await keys.getByRole('button', { name: 'Copy', exact: true }).waitFor();
    await saveScreenshot(page, SCREENSHOT_PREFIX, '04-api-key-secret');
    const me = await t.ok(secret, '{ me { role accountId } }');
    expect(me.me).toEqual({ role: 'INTEGRATOR', accountId: account.accountId });

    // Once put away, the secret is nowhere on the page.
    await keys.getByRole('button', { name: 'I have stored it' }).click();
    await form.waitFor();
    expect(await page.getByText(secret).count()).toBe(0);
    expect(await keys.getByLabel('Secret', { exact: true }).count()).toBe(0);

    const row = keys.getByRole('row').filter({ hasText: 'E2E switch' });
    await row.getByText('Active', { exact: true }).waitFor();
    await row.getByRole('button', { name: 'Revoke', exact: true }).click();
    const confirm = row.getByRole('group', { name: 'Revoke E2E switch?' });
    await confirm.getByText('Requests with it fail from now on. Revoke?').waitFor();
    await saveScreenshot(page, SCREENSHOT_PREFIX, '05-api-key-revoke-confirm');
    await confirm.getByRole('button', { name: 'Revoke key' }).click();
    await row.getByText(/^Revoked /).waitFor();
    const refused = await t.graphql(secret, '{ me { role } }');
    expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('tops up on the Top up page with the default card: receipt, live balance, and the payment in the recent top-ups', async () => {
    const { page } = owner;
    await goToSection(page, 'Top up', '/top-up');
    const balance = definitionOf(card(page, 'Balances'), 'Balance');
    await waitForText(balance, '$48.75');
    const topUp = card(page, 'Top up');
    const methods = topUp.getByRole('group', { name: 'Payment method' });
    await methods.getByText('Loading saved cards…').waitFor({ state: 'hidden' });
    await methods.getByRole('radio', { name: /^Mastercard •••• 4444, expires \d{2}\/\d{4} \(default\)$/, checked: true }).waitFor();
    await topUp.getByRole('group', { name: 'Quick picks' }).getByRole('button', { name: '$25.00', exact: true }).click();
    await topUp.getByRole('button', { name: 'Pay $25.00', exact: true }).click();
    await topUp.getByText('Payment complete: $25.00 added to the wallet.', { exact: true }).waitFor();
    receiptNumber = await waitForText(
      definitionOf(topUp.getByRole('region', { name: 'Receipt' }), 'Receipt number'),
      RECEIPT_NUMBER_PATTERN,
    );
    await waitForText(balance, '$73.75');

    const recent = card(page, 'Recent top-ups');
    const row = recent.getByRole('row').filter({ hasText: receiptNumber });
    await row.getByText('Succeeded', { exact: true }).waitFor();
    await row.getByText('Mastercard •••• 4444', { exact: true }).waitFor();
    await saveScreenshot(page, SCREENSHOT_PREFIX, '06-top-up');
  });

  it('on Transactions: the receipt under the top-up’s row, a kind filter, and its CSV (session cookie, plain link)', async () => {
    const { page } = owner;
    await goToSection(page, 'Transactions', '/transactions');
    const history = card(page, 'Transactions');
    await expectRowCount(page, 3);

    await history.getByLabel('Kind', { exact: true }).selectOption('TOP_UP');
    await expectRowCount(page, 1);
    const row = transactionRows(page).first();
    await row.getByText('$48.75', { exact: true }).waitFor();
    await row.getByText('$73.75', { exact: true }).waitFor();
    await row.getByRole('button', { name: 'Receipt' }).click();
    const receipt = history.getByRole('region', { name: 'Receipt' });
    await waitForText(definitionOf(receipt, 'Receipt number'), receiptNumber);
    await waitForText(definitionOf(receipt, 'Amount credited'), '$25.00');
    await waitForText(definitionOf(receipt, 'Total charged'), '$25.00');
    await waitForText(definitionOf(receipt, 'Card'), 'Mastercard •••• 4444');
    await saveScreenshot(page, SCREENSHOT_PREFIX, '07-transactions-receipt');

    const href = await history.getByRole('link', { name: 'Download CSV' }).getAttribute('href');
    expect(href).toBe(`/export/wallets/${account.walletId}/transactions.csv?kind=TOP_UP`);
    const { download, text } = await downloadCsv(page);
    expect(download.suggestedFilename()).toBe(`transactions-${account.walletId}.csv`);
    const lines = text.trim().split(/\r?\n/);
    expect(lines[0]).toBe(CSV_HEADER);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(',CREDIT,TOP_UP,COMPLETED,25,48.75,73.75,USD,');
  });

  it('filters by campaign: only its charge, and the CSV says the same', async () => {
    const { page } = owner;
    const history = card(page, 'Transactions');
    await history.getByRole('button', { name: 'Clear filters' }).click();
    await expectRowCount(page, 3);
    await history.getByLabel('Campaign', { exact: true }).selectOption(campaignId);
    await expectRowCount(page, 1);
    await transactionRows(page).first().getByText('Campaign set-up fee', { exact: true }).waitFor();
    await saveScreenshot(page, SCREENSHOT_PREFIX, '08-transactions-campaign');
    const { text } = await downloadCsv(page);
    const lines = text.trim().split(/\r?\n/);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`,DEBIT,CHARGE,COMPLETED,1.25,50,48.75,USD,Campaign set-up fee,,${campaignId},`);

    // A charge of the campaign arrives live and the page places it under the filter itself: the
    // row carries its campaign, so the page need not ask the server for the list again.
    const listRequests: string[] = [];
    const onRequest = (request: Request) => {
      if (
        request.method() === 'POST' &&
        new URL(request.url()).pathname === '/graphql' &&
        request.postDataJSON()?.operationName === 'WalletTransactions'
      ) {
        listRequests.push(JSON.stringify(request.postDataJSON().variables));
      }
    };
    page.on('request', onRequest);
    try {
      await t.ok(account.ownerKey, 'mutation($input: ChargeInput!) { charge(input: $input) { transaction { id } } }', {
        input: { walletId: account.walletId, amount: '0.75', description: 'Campaign follow-up', campaignId },
      });
      await transactionRows(page).first().getByText('Campaign follow-up', { exact: true }).waitFor();
    } finally {
      page.off('request', onRequest);
    }
    await expectRowCount(page, 2);
    expect(listRequests).toEqual([]);
  });

  it('with an API key (no cookie), the CSV is fetched with the Authorization header and saved from the page', async () => {
    const opened = await e2e.open();
    const { page, context } = opened;
    const key = await t.createKey(account.accountId, 'CAMPAIGN_MANAGER');
    await page.goto(`${t.url}/transactions`);
    await page.getByRole('button', { name: 'Use an API key instead' }).click();
    await page.getByLabel('API key', { exact: true }).fill(key.secret);
    await page.getByRole('button', { name: 'Use key' }).click();
    await page.getByRole('heading', { name: ACCOUNT_NAME }).waitFor();
    expect((await context.cookies()).find((cookie) => cookie.name === 'sw_session')).toBeUndefined();
    await expectRowCount(page, 4);

    await card(page, 'Transactions').getByLabel('Type', { exact: true }).selectOption('DEBIT');
    await expectRowCount(page, 2);
    const { download, text } = await downloadCsv(page);
    expect(download.suggestedFilename()).toBe(`transactions-${account.walletId}.csv`);
    const lines = text.trim().split(/\r?\n/);
    expect(lines[0]).toBe(CSV_HEADER);
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(',DEBIT,CHARGE,');
    expect(lines[2]).toContain(',DEBIT,CHARGE,');

    // A campaign manager manages cards but not funding, keys or the team.
    await goToSection(page, 'Settings', '/settings');
    await card(page, 'Saved cards').waitFor();
    await card(page, 'Automatic funding').getByText('Only an owner of the account can change automatic funding.').waitFor();
    expect(await card(page, 'API keys').count()).toBe(0);
    expect(await card(page, 'Team').count()).toBe(0);
    await saveScreenshot(page, SCREENSHOT_PREFIX, '09-campaign-manager-settings');
  });

  it('sets balance alerts at 20 and 0 on Settings; a charge across 20 raises LOW_BALANCE', async () => {
    const { page } = owner;
    await goToSection(page, 'Settings', '/settings');
    const alerts = card(page, 'Balance alerts');
    const thresholds = alerts.getByRole('list', { name: 'Thresholds' });
    // The defaults, 5 and 0: take 5 away and add 20.
    await thresholds.getByRole('listitem', { name: '$5.00', exact: true }).waitFor();
    await alerts.getByRole('button', { name: 'Remove $5.00', exact: true }).click();
    const add = alerts.getByRole('form', { name: 'Add a threshold' });
    // The form refuses what the server would, before sending anything: 0.00 is the 0 already there.
    await add.getByLabel('New threshold', { exact: true }).fill('0.00');
    await add.getByRole('button', { name: 'Add threshold' }).click();
    await add.getByText('$0.00 is already a threshold.', { exact: true }).waitFor();
    await add.getByLabel('New threshold', { exact: true }).fill('20');
    await add.getByRole('button', { name: 'Add threshold' }).click();
    await alerts.getByRole('button', { name: 'Save balance alerts' }).click();
    await alerts.getByText('Saved.', { exact: true }).waitFor();
    await thresholds.getByText('$0.00 — when the balance runs out', { exact: true }).waitFor();
    const listed = await Promise.all((await thresholds.getByRole('listitem').all()).map((item) => item.getAttribute('aria-label')));
    expect(listed).toEqual(['$20.00', '$0.00']);
    await saveScreenshot(page, SCREENSHOT_PREFIX, '10-balance-alerts');

    const before = await t.ok(account.ownerKey, 'query($id: ID!) { wallet(id: $id) { balance lowBalanceThresholds } }', {
      id: account.walletId,
    });
    expect(before.wallet).toEqual({ balance: '73', lowBalanceThresholds: ['20', '0'] });
    await t.ok(account.ownerKey, 'mutation($input: ChargeInput!) { charge(input: $input) { transaction { id } } }', {
      input: { walletId: account.walletId, amount: '54', description: 'Across the 20 alert' },
    });
    // The processor also runs in the background; it is passed until it has read the whole outbox, so the charge is judged.
    await drainAlerts(t);
    const raised = await t.ok(
      account.ownerKey,
      '{ alerts(kinds: [LOW_BALANCE, BALANCE_DEPLETED]) { edges { node { kind walletId threshold balance } } } }',
    );
    expect(raised.alerts.edges.map((edge: { node: unknown }) => edge.node)).toEqual([
      { kind: 'LOW_BALANCE', walletId: account.walletId, threshold: '20', balance: '19' },
    ]);
  });

  it('leaves the ledger consistent and the pages without errors', async () => {
    await t.assertLedger();
    const data = await t.ok(account.ownerKey, 'query($id: ID!) { wallet(id: $id) { balance } }', { id: account.walletId });
    expect(data.wallet.balance).toBe('19');
    for (const open of e2e.pages) expect(open.errors.filter((error) => error.startsWith('pageerror'))).toEqual([]);
  });
});
