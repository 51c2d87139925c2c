// Goal: an OWNER runs billing, webhooks and e-mail notifications from the dashboard: the Billing page's tax preview turns to reverse charge as an EU VAT number is typed (the same answer quoteTopUp then gives), a refused field is shown under itself with nothing stored; a webhook endpoint added on the Webhooks page gets a real delivery that shows in its delivery log and is replayed from there, and the log pages through older deliveries; a notification kind turned off on the Notifications page is not e-mailed while another still is; every page fits a 390 px phone without sideways scrolling. Method: the real server (alerts, mail and webhook jobs on) on a fresh database, a real SMTP server and a real webhook receiver in the test process, the built dashboard in Debian's Chromium driven through roles and labels, results checked over GraphQL, screenshots at desktop and phone sizes.
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  e2eFile,
  goToSection,
  saveScreenshot,
  signInThroughPage,
  WAIT_TIMEOUT_MS,
  waitForText,
  type BrowserPage,
  signInWithCookie,
} from '../support/browser.js';
import { startSmtpTestServer, type SmtpTestServer } from '../support/smtp-test-server.js';
import { runSql } from '../support/sql.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { until } from '../support/waiting.js';
import { WebhookReceiver } from '../support/webhook-receiver.js';

/** Prefix of this file's screenshots in test-artifacts/e2e/. */
const SCREENSHOT_PREFIX = 'owner-account';

const ACCOUNT_NAME = 'E2E Owner Account';
const OWNER = { email: 'olga.owner@example.com', name: 'Olga Owner', password: 'owners pay the bills' };
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };

let smtp: SmtpTestServer;
let receiver: WebhookReceiver;
const e2e = e2eFile(SCREENSHOT_PREFIX, {
  start: async () => {
    smtp = await startSmtpTestServer();
    receiver = await WebhookReceiver.start();
    return startTestApp({
      billingClockEnabled: false,
      mailEnabled: true,
      mailIntervalMs: 200,
      smtpUrl: smtp.url,
      webhooksEnabled: true,
      webhookSenderIntervalMs: 200,
      webhookProducerIntervalMs: 200,
    });
  },
  closeAfter: async () => {
    await receiver?.close();
    await smtp?.close();
  },
});
let t: TestApp;
let desktop: BrowserPage;
let phone: BrowserPage | undefined;
let account: { accountId: string; walletId: string; ownerKey: string };

beforeAll(async () => {
  t = e2e.t;
  account = await t.createAccount(ACCOUNT_NAME);
  await t.fund(account.walletId, '100');
  await e2e.createUser(account.accountId, 'OWNER', OWNER);
  desktop = await e2e.open({ viewport: DESKTOP });
}, 120_000);

/** A region (card or section) named `name`. */
function region(page: Page, name: string): Locator {
  return page.getByRole('region', { name, exact: true });
}

/** Charges the wallet through the API as its owner. */
async function charge(amount: string, description: string): Promise<void> {
  await t.ok(account.ownerKey, 'mutation($input: ChargeInput!) { charge(input: $input) { transaction { id } } }', {
    input: { walletId: account.walletId, amount, description },
  });
}

/** The page's width as laid out: more than the viewport means it scrolls sideways. */
async function scrollWidth(page: Page): Promise<number> {
  return page.evaluate(() => (globalThis as any).document.documentElement.scrollWidth as number);
}

describe('dashboard: an OWNER’s billing, webhooks and notifications', () => {
  it('signs in and opens Billing: the profile is empty and the preview charges no tax', async () => {
    const { page } = desktop;
    await page.goto(`${t.url}/`);
    await signInThroughPage(page, { ...OWNER, account: ACCOUNT_NAME });
    await goToSection(page, 'Billing', '/billing');
    const form = page.getByRole('form', { name: 'Billing profile' });
    await form.getByLabel('Legal name', { exact: true }).waitFor();
    await waitForText(region(page, 'Tax preview').getByTestId('tax-preview-tax'), '$0.00');
    await region(page, 'Bank transfers').getByText('No bank transfers into this wallet', { exact: false }).waitFor();
  });

  it('shows German VAT for a German address, refuses a malformed VAT number under its field, then reverse-charges a valid one', async () => {
    const { page } = desktop;
    const form = page.getByRole('form', { name: 'Billing profile' });
    const preview = region(page, 'Tax preview');
    await form.getByLabel('Legal name', { exact: true }).fill('Olga Voice GmbH');
    await form.getByLabel('Address line 1', { exact: true }).fill('Torstraße 1');
    await form.getByLabel('City', { exact: true }).fill('Berlin');
    await form.getByLabel('Postal code', { exact: true }).fill('10119');
    await form.getByLabel('Country', { exact: true }).fill('DE');
    await waitForText(preview.getByTestId('tax-preview-tax'), '$19.00');
    await preview.getByText('VAT 19% (Germany)', { exact: true }).waitFor();
    await saveScreenshot(page, SCREENSHOT_PREFIX, '01-billing-vat-charged-desktop');

    // A number the server will not take: the preview keeps VAT, and saving names the field.
    const vat = form.getByLabel('VAT number', { exact: true });
    await vat.fill('DE12');
    await preview.getByText('does not have a valid format', { exact: false }).waitFor();
    await form.getByRole('button', { name: 'Save billing profile' }).click();
    await form.getByRole('alert').filter({ hasText: 'not a valid VAT number format for DE' }).waitFor();
    expect(await vat.getAttribute('aria-invalid')).toBe('true');
    const unsaved = (await t.ok(account.ownerKey, '{ billingProfile { country legalName vatNumber } }')).billingProfile;
    expect(unsaved).toEqual({ country: null, legalName: null, vatNumber: null });

    await vat.fill('DE 123 456 789');
    await waitForText(preview.getByTestId('tax-preview-tax'), '$0.00');
    await preview.getByText('VAT reverse charge (EU VAT number DE123456789)', { exact: true }).waitFor();
    await preview.getByText('reverse charge', { exact: false }).first().waitFor();
    await form.getByRole('button', { name: 'Save billing profile' }).click();
    await form.getByRole('status').filter({ hasText: 'Billing profile saved.' }).waitFor();
    expect(await vat.inputValue()).toBe('DE123456789');
    await saveScreenshot(page, SCREENSHOT_PREFIX, '02-billing-reverse-charge-desktop');

    const saved = await t.ok(
      account.ownerKey,
      `query($walletId: ID!) { billingProfile { legalName addressLine1 city postalCode country vatNumber }
         quoteTopUp(walletId: $walletId, amount: "100") { tax total taxTreatment } }`,
      { walletId: account.walletId },
    );
    expect(saved.billingProfile).toEqual({
      legalName: 'Olga Voice GmbH',
      addressLine1: 'Torstraße 1',
      city: 'Berlin',
      postalCode: '10119',
      country: 'DE',
      vatNumber: 'DE123456789',
    });
    // The checkout charges what the page previewed.
    expect(saved.quoteTopUp).toEqual({ tax: '0', total: '100', taxTreatment: 'EU_REVERSE_CHARGE' });
  });

  it('announces a bank transfer, which the list shows PENDING with its amount', async () => {
    const { page } = desktop;
    const transfers = region(page, 'Bank transfers');
    const form = transfers.getByRole('form', { name: 'Announce a bank transfer' });
    await form.getByLabel('Amount (USD)', { exact: true }).fill('250');
    await form.getByLabel('Transfer reference', { exact: true }).fill('OLGA-INV-0001');
    await form.getByRole('button', { name: 'Announce transfer' }).click();
    await form.getByRole('status').filter({ hasText: 'Announced: $250.00 with reference OLGA-INV-0001' }).waitFor();
    const row = transfers.getByRole('table', { name: 'Bank transfers' }).getByRole('row').filter({ hasText: 'OLGA-INV-0001' });
    await waitForText(row.locator('td[data-label="Amount"]'), '$250.00');
    await waitForText(row.locator('td[data-label="Status"]'), 'Pending');
    const wallet = await t.ok(
      account.ownerKey,
      'query($id: ID!) { wallet(id: $id) { balance bankTransfers { amount reference status } } }',
      {
        id: account.walletId,
      },
    );
    // Announced only: nothing is credited until support confirms the money arrived.
    expect(wallet.wallet).toEqual({ balance: '100', bankTransfers: [{ amount: '250', reference: 'OLGA-INV-0001', status: 'PENDING' }] });
    await saveScreenshot(page, SCREENSHOT_PREFIX, '02b-billing-bank-transfer-desktop');
  });

  let endpointUrl: string;
  let firstEventId: string;

  it('adds a webhook endpoint whose secret is shown once; a charge is delivered to it and shows in its delivery log', async () => {
    const { page } = desktop;
    endpointUrl = `${receiver.url}/owner`;
    await goToSection(page, 'Webhooks', '/webhooks');
    await page.getByText('No webhook endpoints yet', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Add endpoint', exact: true }).click();
    const form = page.getByRole('form', { name: 'Add endpoint' });
    // Nothing chosen yet: the form says what is missing before anything is sent.
    await form.getByRole('button', { name: 'Add endpoint', exact: true }).click();
    await form.getByText('Enter the URL events are POSTed to.', { exact: true }).waitFor();
    await form.getByText('Choose at least one event type.', { exact: true }).waitFor();
    await form.getByLabel('URL', { exact: true }).fill(endpointUrl);
    await form.getByLabel('Description (optional)', { exact: true }).fill('Billing system');
    await form.getByRole('checkbox', { name: /^Transaction created/ }).check();
    await form.getByRole('button', { name: 'Add endpoint', exact: true }).click();

    const secret = (await region(page, 'Signing secret').getByTestId('webhook-secret').textContent())?.trim() ?? '';
    expect(secret).toMatch(/^whsec_/);
    const endpoints = (await t.ok(account.ownerKey, '{ webhookEndpoints { url eventTypes enabled description } }')).webhookEndpoints;
    expect(endpoints).toEqual([{ url: endpointUrl, eventTypes: ['TRANSACTION_CREATED'], enabled: true, description: 'Billing system' }]);
    const endpoint = page.getByRole('list', { name: 'Webhook endpoints' }).getByRole('listitem').filter({ hasText: endpointUrl });
    await endpoint.getByText('Transaction created', { exact: true }).waitFor();
    await saveScreenshot(page, SCREENSHOT_PREFIX, '03-webhook-added-desktop');
    await region(page, 'Signing secret').getByRole('button', { name: 'Done' }).click();

    await charge('2.50', 'Webhook test charge');
    await until(
      'the receiver gets the charge',
      () => receiver.received.some((request) => request.path === '/hooks/owner'),
      WAIT_TIMEOUT_MS,
      50,
    );
    const delivered = receiver.events().filter((event) => event.type === 'TRANSACTION_CREATED');
    expect(delivered).toHaveLength(1);
    firstEventId = delivered[0]!.id;

    await endpoint.getByRole('button', { name: 'Deliveries' }).click();
    const log = endpoint.getByRole('region', { name: 'Delivery log' });
    const row = log.locator(`tr[data-event-id="${firstEventId}"]`);
    await waitForText(row.locator('td[data-label="Status"]'), 'Delivered');
    await waitForText(row.locator('td[data-label="Last answer"]'), 'HTTP 200');
    await waitForText(row.locator('td[data-label="Attempts"]'), '1');
    await saveScreenshot(page, SCREENSHOT_PREFIX, '04-webhook-delivery-log-desktop');
  });

  it('replays the delivery from the log: the receiver gets the same event again and the log counts the attempt', async () => {
    const { page } = desktop;
    const endpoint = page.getByRole('list', { name: 'Webhook endpoints' }).getByRole('listitem').filter({ hasText: endpointUrl });
    const log = endpoint.getByRole('region', { name: 'Delivery log' });
    await log.getByRole('button', { name: `Replay ${firstEventId}` }).click();
    await log.getByText(`Replay of ${firstEventId} queued`, { exact: false }).waitFor();
    await until(
      'the receiver gets the replay',
      () => receiver.events().filter((event) => event.id === firstEventId).length === 2,
      WAIT_TIMEOUT_MS,
      50,
    );
    const row = log.locator(`tr[data-event-id="${firstEventId}"]`);
    await waitForText(row.locator('td[data-label="Attempts"]'), '2');
    await waitForText(row.locator('td[data-label="Status"]'), 'Delivered');
    await saveScreenshot(page, SCREENSHOT_PREFIX, '05-webhook-replayed-desktop');
  });

  it('pages the delivery log: the newest 20 first, Older reaches the first delivery, Newer comes back', async () => {
    const { page } = desktop;
    // 21 more charges: 22 deliveries, one more than a page and a bit.
    for (let i = 1; i <= 21; i++) await charge('0.10', `Paging charge ${i}`);
    await until(
      'the receiver gets every charge',
      () =>
        new Set(
          receiver
            .events()
            .filter((event) => event.type === 'TRANSACTION_CREATED')
            .map((event) => event.id),
        ).size === 22,
      WAIT_TIMEOUT_MS * 2,
      50,
    );
    const endpoint = page.getByRole('list', { name: 'Webhook endpoints' }).getByRole('listitem').filter({ hasText: endpointUrl });
    const log = endpoint.getByRole('region', { name: 'Delivery log' });
    const pager = log.getByRole('navigation', { name: 'Delivery pages' });
    const rows = log.locator('tbody tr');
    await expect.poll(() => rows.count(), { timeout: WAIT_TIMEOUT_MS }).toBe(20);
    expect(await log.locator(`tr[data-event-id="${firstEventId}"]`).count()).toBe(0);
    await waitForText(pager.getByText(/^Page/), 'Page 1');
    expect(await pager.getByRole('button', { name: '← Newer' }).isDisabled()).toBe(true);

    await pager.getByRole('button', { name: 'Older →' }).click();
    await waitForText(pager.getByText(/^Page/), 'Page 2');
    await log.locator(`tr[data-event-id="${firstEventId}"]`).waitFor();
    expect(await rows.count()).toBe(2);
    expect(await pager.getByRole('button', { name: 'Older →' }).isDisabled()).toBe(true);
    await saveScreenshot(page, SCREENSHOT_PREFIX, '05b-webhook-delivery-log-page-2-desktop');

    await pager.getByRole('button', { name: '← Newer' }).click();
    await waitForText(pager.getByText(/^Page/), 'Page 1');
    await expect.poll(() => rows.count(), { timeout: WAIT_TIMEOUT_MS }).toBe(20);
  });

  it('rotates the secret (confirmed; the new one is shown once) and deletes nothing when the delete is cancelled', async () => {
    const { page } = desktop;
    const endpoint = page.getByRole('list', { name: 'Webhook endpoints' }).getByRole('listitem').filter({ hasText: endpointUrl });
    const rotate = endpoint.getByRole('button', { name: 'Rotate secret' });
    await rotate.click();
    const dialog = page.getByRole('dialog', { name: `Rotate the signing secret of ${endpointUrl}?` });
    await dialog.getByRole('button', { name: 'Rotate secret' }).click();
    await dialog.waitFor({ state: 'detached' });
    const rotated = (await region(page, 'Signing secret').getByTestId('webhook-secret').textContent())?.trim() ?? '';
    expect(rotated).toMatch(/^whsec_/);
    await region(page, 'Signing secret').getByRole('button', { name: 'Done' }).click();

    await endpoint.getByRole('button', { name: 'Delete' }).click();
    const confirm = page.getByRole('dialog', { name: `Delete the endpoint ${endpointUrl}?` });
    // Focus moves into the dialog (Cancel, the safe choice) and returns to Delete after it.
    await expect
      .poll(() => page.evaluate(() => (globalThis as any).document.activeElement?.textContent as string | undefined))
      .toBe('Cancel');
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await confirm.waitFor({ state: 'detached' });
    await expect
      .poll(() => page.evaluate(() => (globalThis as any).document.activeElement?.textContent as string | undefined))
      .toBe('Delete');
    expect((await t.ok(account.ownerKey, '{ webhookEndpoints { id } }')).webhookEndpoints).toHaveLength(1);
  });

  it('turns low-balance e-mail off: the low-balance alert is not mailed while the balance-depleted one still is', async () => {
    const { page } = desktop;
    await goToSection(page, 'Notifications', '/notifications');
    const list = page.getByRole('list', { name: 'E-mail notifications' });
    const lowBalance = list.getByRole('switch', { name: 'Low balance' });
    await expect.poll(() => lowBalance.isChecked()).toBe(true);
    await lowBalance.uncheck();
    await page.getByRole('status').filter({ hasText: 'Saved: Low balance e-mails are off.' }).waitFor();
    await expect.poll(() => lowBalance.isChecked()).toBe(false);
    expect(await list.getByRole('switch', { name: 'Balance ran out' }).isChecked()).toBe(true);
    await saveScreenshot(page, SCREENSHOT_PREFIX, '06-notifications-desktop');
    // The choice is stored: a fresh load shows it.
    await page.reload();
    await expect.poll(() => page.getByRole('switch', { name: 'Low balance' }).isChecked()).toBe(false);

    const balance = (await t.ok(account.ownerKey, 'query($id: ID!) { wallet(id: $id) { balance } }', { id: account.walletId })).wallet
      .balance;
    await t.ok(
      account.ownerKey,
      'mutation($input: SetLowBalanceThresholdsInput!) { setLowBalanceThresholds(input: $input) { thresholds } }',
      {
        input: { walletId: account.walletId, thresholds: ['50', '0'] },
      },
    );
    await charge('60', 'Crosses the low-balance threshold');
    await until(
      'the low-balance alert is raised',
      async () => (await t.ok(account.ownerKey, '{ alerts(kinds: [LOW_BALANCE]) { edges { node { kind } } } }')).alerts.edges.length === 1,
      WAIT_TIMEOUT_MS,
      100,
    );
    const rest = (Number(balance) - 60).toFixed(2);
    await charge(rest, 'Runs the wallet dry');
    const mails = await smtp.waitForMail(1, WAIT_TIMEOUT_MS);
    expect(mails[0]!.subject).toMatch(/^Your balance is/);
    expect(mails[0]!.envelopeTo).toEqual([OWNER.email]);
    // Both alerts were raised, and mails follow the alerts' order: the low-balance one was passed over, not delayed.
    const alerts = (await t.ok(account.ownerKey, '{ alerts(kinds: [LOW_BALANCE, BALANCE_DEPLETED]) { edges { node { kind } } } }')).alerts;
    expect(alerts.edges.map((edge: { node: { kind: string } }) => edge.node.kind).sort()).toEqual(['BALANCE_DEPLETED', 'LOW_BALANCE']);
    expect(smtp.received.filter((mail) => /^Low balance/.test(mail.subject ?? ''))).toEqual([]);
    // The mail outbox says the same whatever order the SMTP server saw: nothing was even queued for the low-balance alert.
    const queued = await runSql<{ kind: string }>(t.app.orm.em.fork(), 'select kind from email_message where account_id = $1 order by id', [
      account.accountId,
    ]);
    expect(queued.map((row) => row.kind)).toEqual(['BALANCE_DEPLETED']);
  });

  it('gives a campaign manager their own notification settings, and tells them an owner runs billing and webhooks', async () => {
    const manager = { email: 'cam.manager@example.com', name: 'Cam Manager', password: 'managers manage campaigns' };
    await t.ok(t.adminToken, 'mutation($input: CreateUserInput!) { createUser(input: $input) { user { id } } }', {
      input: {
        accountId: account.accountId,
        email: manager.email,
        name: manager.name,
        role: 'CAMPAIGN_MANAGER',
        password: manager.password,
      },
    });
    const managerPage = await e2e.open({ viewport: DESKTOP });
    const { page } = managerPage;
    await signInWithCookie(page, t.url, { ...manager, account: ACCOUNT_NAME });
    // Neither section is in a campaign manager's navigation; their paths still answer, and say who may.
    expect(await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Billing', exact: true }).count()).toBe(0);
    await page.goto(`${t.url}/billing`);
    await page.getByText('As a campaign manager, you do not manage billing: an owner of the account does.', { exact: true }).waitFor();
    await page.goto(`${t.url}/webhooks`);
    await page.getByText('you do not manage webhooks: an owner or integrator of the account does.', { exact: false }).waitFor();

    await goToSection(page, 'Notifications', '/notifications');
    const receipts = page.getByRole('switch', { name: 'Top-up receipts' });
    // The owner's choice is theirs: the manager starts with every kind on, low balance included.
    await expect.poll(() => page.getByRole('switch', { name: 'Low balance' }).isChecked()).toBe(true);
    await receipts.uncheck();
    await page.getByRole('status').filter({ hasText: 'Saved: Top-up receipts e-mails are off.' }).waitFor();
    const stored = await runSql<{ email: string; kind: string; on: boolean }>(
      t.app.orm.em.fork(),
      'select u.email, p.kind, p.email as on from notification_preference p join app_user u on u.id = p.user_id order by u.email, p.kind',
    );
    expect(stored).toEqual([
      { email: manager.email, kind: 'TOP_UP_RECEIPT', on: false },
      { email: OWNER.email, kind: 'LOW_BALANCE', on: false },
    ]);
    await saveScreenshot(page, SCREENSHOT_PREFIX, '10-notifications-campaign-manager-desktop');
    await managerPage.close();
  });

  it('fits a 390 px phone on Billing, Webhooks and Notifications: no sideways scroll, the delivery log as cards', async () => {
    phone = await e2e.open({ viewport: PHONE });
    const { page } = phone;
    await signInWithCookie(page, t.url, { ...OWNER, account: ACCOUNT_NAME });

    await page.goto(`${t.url}/billing`);
    await waitForText(region(page, 'Tax preview').getByTestId('tax-preview-tax'), '$0.00');
    // The transfer's row is a card: its amount is on screen, not cut off to the right.
    const amount = region(page, 'Bank transfers').getByRole('row').filter({ hasText: 'OLGA-INV-0001' }).locator('td[data-label="Amount"]');
    await waitForText(amount, '$250.00');
    const amountBox = await amount.boundingBox();
    expect(amountBox!.x + amountBox!.width).toBeLessThanOrEqual(PHONE.width);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
    await saveScreenshot(page, SCREENSHOT_PREFIX, '07-billing-phone');

    // Loaded directly, as on a reload or a shared link: /webhooks is the dashboard's page, not the API's.
    await page.goto(`${t.url}/webhooks`);
    const endpoint = page.getByRole('list', { name: 'Webhook endpoints' }).getByRole('listitem').filter({ hasText: endpointUrl });
    await endpoint.getByRole('button', { name: 'Deliveries' }).click();
    // The newest delivery (the first one is on the log's second page by now), and the pager under the cards.
    const log = endpoint.getByRole('region', { name: 'Delivery log' });
    const row = log.locator('tbody tr').first();
    await waitForText(row.locator('td[data-label="Last answer"]'), 'HTTP 200');
    await log.getByRole('navigation', { name: 'Delivery pages' }).waitFor();
    // The Replay button stays on screen inside the card.
    const replay = row.getByRole('button', { name: /^Replay / });
    const box = await replay.boundingBox();
    expect(box).not.toBeNull();
    expect(box!.x + box!.width).toBeLessThanOrEqual(PHONE.width);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
    await saveScreenshot(page, SCREENSHOT_PREFIX, '08-webhooks-phone');

    await page.goto(`${t.url}/notifications`);
    await page.getByRole('switch', { name: 'Low balance' }).waitFor();
    expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
    await saveScreenshot(page, SCREENSHOT_PREFIX, '09-notifications-phone');
  });
});
