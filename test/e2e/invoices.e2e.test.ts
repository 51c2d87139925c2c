// Goal: an OWNER finds the account's invoices and credit notes on the Invoices page and downloads them as PDF, and downloads the wallet's monthly statement as PDF and CSV, and on Transactions finds each top-up's invoice and each refund's credit note under its row, at desktop (1280×800) and phone (390×844) size with no sideways scroll. Method: the real server on a fresh database with the Stripe sandbox, a UK customer with one settled card top-up and one refund to the card; the built dashboard in Debian's Chromium signed in by cookie, driven through roles and labels; the downloaded files read back (PDF text with pdf-parse, CSV rows) and compared with the API; screenshots at both sizes.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import { PDFParse } from 'pdf-parse';
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { e2eFile, goToSection, saveScreenshot, type BrowserPage, signInWithCookie } from '../support/browser.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { BILLING, settle, topUp } from '../domain/payments/payments-support.js';

const SCREENSHOT_PREFIX = 'invoices';
const ACCOUNT_NAME = 'E2E Invoices Ltd';
const OWNER = { email: 'ivy.invoices@example.com', name: 'Ivy Invoices', password: 'accountants love pdfs' };
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

const e2e = e2eFile(SCREENSHOT_PREFIX, { start: () => startTestApp({ billingClockEnabled: false }) });
let t: TestApp;
let owner: BrowserPage;
let walletId: string;
let ownerKey: string;
/** The documents as the API lists them, newest first: the credit note, then the invoice. */
let documents: { number: string; kind: string; total: string }[];

beforeAll(async () => {
  t = e2e.t;
  const account = await t.createAccount(ACCOUNT_NAME, 'GBP');
  walletId = account.walletId;
  ownerKey = account.ownerKey;
  await e2e.createUser(account.accountId, 'OWNER', OWNER);
  await t.ok(ownerKey, BILLING, { input: { country: 'GB', legalName: ACCOUNT_NAME, addressLine1: '5 Invoice Row', city: 'Bristol' } });
  await topUp(t, ownerKey, { walletId, amount: '100', paymentMethodId: 'pm_card_visa', idempotencyKey: randomUUID() });
  await settle(t);
  const support = (await t.createKey(null, 'SUPPORT')).secret;
  await t.ok(support, 'mutation($input: RefundUnusedCreditInput!) { refundUnusedCredit(input: $input) { refunds { status } } }', {
    input: { walletId, amount: '40', reason: 'Customer request', idempotencyKey: randomUUID() },
  });
  documents = (await t.ok(ownerKey, '{ invoices { edges { node { number kind total } } } }')).invoices.edges.map((edge: any) => edge.node);
  expect(documents.map((document) => [document.kind, document.total])).toEqual([
    ['CREDIT_NOTE', '48'],
    ['INVOICE', '120'],
  ]);
  owner = await e2e.open({ viewport: DESKTOP });
}, 180_000);

function region(page: Page, name: string): Locator {
  return page.getByRole('region', { name, exact: true });
}

/** Clicks a download link and returns the saved file's bytes and name. */
async function download(page: Page, link: Locator): Promise<{ name: string; body: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), link.click()]);
  return { name: file.suggestedFilename(), body: await fs.readFile(await file.path()) };
}

async function pdfText(body: Buffer): Promise<string> {
  const parser = new PDFParse({ data: body });
  try {
    return (await parser.getText()).text;
  } finally {
    await parser.destroy();
  }
}

async function expectNoHorizontalScroll(page: Page, width: number): Promise<void> {
  const scrollWidth = await page.evaluate(
    () => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth,
  );
  expect(scrollWidth).toBeLessThanOrEqual(width);
}

describe('dashboard: invoices, credit notes and statements', () => {
  it('lists the invoice and the credit note and downloads the invoice as PDF (desktop)', async () => {
    const { page } = owner;
    await signInWithCookie(page, t.url, { ...OWNER, account: ACCOUNT_NAME });
    await goToSection(page, 'Invoices', '/invoices');
    const list = region(page, 'Invoices and credit notes');
    const [creditNote, invoice] = documents;
    await list.getByRole('row', { name: invoice!.number }).waitFor();
    await expect.poll(() => list.locator('tbody tr').count()).toBe(2);
    await list.getByRole('row', { name: creditNote!.number }).getByText(`credits ${invoice!.number}`).waitFor();
    expect(await list.getByRole('row', { name: invoice!.number }).getByText('£120.00').count()).toBe(1);
    await saveScreenshot(page, SCREENSHOT_PREFIX, '01-list-desktop');

    const file = await download(page, list.getByRole('link', { name: `Download invoice ${invoice!.number} as PDF` }));
    expect(file.name).toBe(`${invoice!.number}.pdf`);
    const text = await pdfText(file.body);
    expect(text).toContain(`Invoice ${invoice!.number}`);
    expect(text).toContain(ACCOUNT_NAME);
    expect(text).toContain('120.00 GBP');
    await expectNoHorizontalScroll(page, DESKTOP.width);
  });

  it("shows this month's statement and downloads it as CSV and PDF (desktop)", async () => {
    const { page } = owner;
    const statement = region(page, 'Monthly statement');
    await statement.getByText('Closing balance').waitFor();
    await statement.getByText('£60.00').first().waitFor();
    await saveScreenshot(page, SCREENSHOT_PREFIX, '02-statement-desktop');
    const month = new Date().toISOString().slice(0, 7);
    const csv = await download(page, statement.getByRole('link', { name: `Download the statement of ${month} as CSV` }));
    const rows = csv.body.toString('utf8').split('\r\n');
    expect(rows).toContain('credit,TOP_UP,1,100,GBP');
    expect(rows).toContain('debit,REFUND,1,-40,GBP');
    expect(rows).toContain('closing balance,,,60,GBP');
    const pdf = await download(page, statement.getByRole('link', { name: `Download the statement of ${month} as PDF` }));
    expect(await pdfText(pdf.body)).toContain('60.00 GBP');
  });

  it('fits a phone: the list becomes cards, nothing scrolls sideways, and the credit note downloads', async () => {
    const { page } = owner;
    await page.setViewportSize(PHONE);
    const list = region(page, 'Invoices and credit notes');
    const [creditNote] = documents;
    await list.getByRole('row', { name: creditNote!.number }).waitFor();
    await expectNoHorizontalScroll(page, PHONE.width);
    await saveScreenshot(page, SCREENSHOT_PREFIX, '03-list-phone');
    const file = await download(page, list.getByRole('link', { name: `Download credit note ${creditNote!.number} as PDF` }));
    const text = await pdfText(file.body);
    expect(text).toContain(`Credit note ${creditNote!.number}`);
    expect(text).toContain('48.00 GBP');
    await region(page, 'Monthly statement').scrollIntoViewIfNeeded();
    await expectNoHorizontalScroll(page, PHONE.width);
    await saveScreenshot(page, SCREENSHOT_PREFIX, '04-statement-phone');
  });

  it('on Transactions the top-up links to its invoice and the refund to its credit note, at phone and desktop size', async () => {
    const { page } = owner;
    await page.setViewportSize(PHONE);
    await goToSection(page, 'Transactions', '/transactions');
    const history = region(page, 'Transactions');
    const [creditNote, invoice] = documents;
    const noteLink = history.getByRole('link', { name: `Download credit note ${creditNote!.number} as PDF` });
    await noteLink.waitFor();
    await expectNoHorizontalScroll(page, PHONE.width);
    await saveScreenshot(page, SCREENSHOT_PREFIX, '05-transactions-phone');
    const note = await download(page, noteLink);
    expect(note.name).toBe(`${creditNote!.number}.pdf`);
    expect(await pdfText(note.body)).toContain(`Credit note ${creditNote!.number}`);

    await page.setViewportSize(DESKTOP);
    const invoiceLink = history.getByRole('link', { name: `Download invoice ${invoice!.number} as PDF` });
    await invoiceLink.waitFor();
    // Exactly the two documented rows carry a link.
    expect(await history.locator('.transactions__row-links a').count()).toBe(2);
    await expectNoHorizontalScroll(page, DESKTOP.width);
    await saveScreenshot(page, SCREENSHOT_PREFIX, '06-transactions-desktop');
    const file = await download(page, invoiceLink);
    expect(file.name).toBe(`${invoice!.number}.pdf`);
    expect(await pdfText(file.body)).toContain('120.00 GBP');
  });
});
