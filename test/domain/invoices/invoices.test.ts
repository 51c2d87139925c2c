// Goal: every card or bank top-up gets a VAT invoice and every card refund a credit note that an accountant can use: seller and buyer (copied at issue), tax as charged, the reverse-charge note exactly for EU businesses with a valid VAT number, a PDF that reads back with the figures, named on the transaction it documents, only for the account's own callers, and attached to the receipt e-mail. Method: the real server with the Stripe sandbox and a real SMTP server in the test process, on a manual clock; PDFs downloaded over HTTP with an API key and read back with pdf-parse.
import { randomUUID } from 'node:crypto';
import { PDFParse } from 'pdf-parse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../server/domain/calls/clock.js';
import { REVERSE_CHARGE_NOTE } from '../../../server/domain/invoices/render-pdf.js';
import { startSmtpTestServer, type SmtpTestServer } from '../../support/smtp-test-server.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import { until } from '../../support/waiting.js';
import { BILLING, expectError, settle, sql, topUp } from '../payments/payments-support.js';

const clock = new ManualClock(Date.UTC(2026, 11, 7, 10, 0));
const PAGE_SIZE_MAX = 100;
let t: TestApp;
let smtp: SmtpTestServer;
let support: string;

beforeAll(async () => {
  smtp = await startSmtpTestServer();
  t = await startTestApp(
    {
      billingClockEnabled: false,
      smtpUrl: smtp.url,
      invoiceIssuers: { SW: { name: 'Spendwire Test Ltd', addressLines: ['9 Ledger Lane', 'London EC2A 1AA'], vatId: 'GB999999973' } },
      invoiceIssuerDefault: 'SW',
    },
    { clock },
  );
  support = (await t.createKey(null, 'SUPPORT')).secret;
});
afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

const INVOICE_FIELDS = `id number kind issuedAt walletId topUpId bankTransferId creditedInvoiceNumber net tax total currency taxRate taxLabel
  reverseCharge reverseChargeNote sellerName sellerAddress sellerVatId buyerName buyerAddress buyerCountry buyerVatNumber pdfUrl`;
const INVOICES = `query($accountId: ID, $first: Int, $after: String) { invoices(accountId: $accountId, first: $first, after: $after) {
  edges { cursor node { ${INVOICE_FIELDS} } } pageInfo { hasNextPage endCursor } } }`;
const INVOICE = `query($id: ID!) { invoice(id: $id) { ${INVOICE_FIELDS} } }`;
const REFUND = `mutation($input: RefundUnusedCreditInput!) { refundUnusedCredit(input: $input) { refunds { status } } }`;
const RECORD_TRANSFER = `mutation($input: RecordBankTransferInput!) { recordBankTransfer(input: $input) { bankTransfer { id } } }`;
const COMPLETE_TRANSFER = `mutation($id: ID!) { completeBankTransfer(id: $id) { bankTransfer { id status } } }`;

/** A business billed at a full address, with one settled card top-up of `amount`. */
async function invoicedCustomer(
  profile: Record<string, string | null>,
  currency: string,
  amount = '100',
): Promise<{ accountId: string; walletId: string; ownerKey: string; topUpId: string; invoice: any }> {
  const account = await t.createAccount(`${profile.legalName ?? 'Customer'} account`, currency);
  await t.ok(account.ownerKey, BILLING, { input: profile });
  const started = await topUp(t, account.ownerKey, {
    walletId: account.walletId,
    amount,
    paymentMethodId: 'pm_card_visa',
    idempotencyKey: randomUUID(),
  });
  await settle(t);
  const invoices = (await t.ok(account.ownerKey, INVOICES, {})).invoices.edges.map((edge: any) => edge.node);
  expect(invoices).toHaveLength(1);
  return { ...account, topUpId: started.id, invoice: invoices[0] };
}

async function download(path: string, token: string | null): Promise<{ status: number; type: string | null; body: Buffer }> {
  const response = await fetch(`${t.url}${path}`, { headers: token === null ? {} : { authorization: `Bearer ${token}` } });
  return { status: response.status, type: response.headers.get('content-type'), body: Buffer.from(await response.arrayBuffer()) };
}

async function pdfText(body: Buffer): Promise<string> {
  const parser = new PDFParse({ data: body });
  try {
    return (await parser.getText()).text;
  } finally {
    await parser.destroy();
  }
}

describe('invoices of top-ups', () => {
  it('a UK business: seller and buyer, VAT 20% as charged, the PDF reads back with every figure and no reverse-charge note', async () => {
    const { walletId, ownerKey, topUpId, invoice } = await invoicedCustomer(
      { country: 'GB', legalName: 'Acme Telecom Ltd', addressLine1: '1 High Street', city: 'Leeds', postalCode: 'LS1 1AA' },
      'GBP',
    );
    expect(invoice).toMatchObject({
      kind: 'INVOICE',
      number: expect.stringMatching(/^SW-2026-[0-9]{6}$/),
      issuedAt: '2026-12-07T10:00:00.000Z',
      walletId,
      topUpId,
      bankTransferId: null,
      net: '100',
      tax: '20',
      total: '120',
      currency: 'GBP',
      taxRate: '20',
      taxLabel: 'VAT 20% (United Kingdom)',
      reverseCharge: false,
      reverseChargeNote: null,
      sellerName: 'Spendwire Test Ltd',
      sellerAddress: ['9 Ledger Lane', 'London EC2A 1AA'],
      sellerVatId: 'GB999999973',
      buyerName: 'Acme Telecom Ltd',
      buyerAddress: ['1 High Street', 'LS1 1AA Leeds', 'GB'],
      buyerCountry: 'GB',
      buyerVatNumber: null,
      pdfUrl: `/documents/invoices/${invoice.id}.pdf`,
    });
    const [topUpRow] = await sql(t, 'select total_micros::text, tax_micros::text from top_up where id = $1', [topUpId]);
    expect([topUpRow.total_micros, topUpRow.tax_micros]).toEqual(['120000000', '20000000']);

    const pdf = await download(invoice.pdfUrl, ownerKey);
    expect(pdf.status).toBe(200);
    expect(pdf.type).toBe('application/pdf');
    const text = await pdfText(pdf.body);
    for (const expected of [
      `Invoice ${invoice.number}`,
      'Date of issue: 2026-12-07',
      'Spendwire Test Ltd',
      'VAT number: GB999999973',
      'Acme Telecom Ltd',
      '1 High Street',
      '100.00 GBP',
      '20.00 GBP',
      '120.00 GBP',
      'VAT 20% (United Kingdom)',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain('Reverse charge');
  });

  it('an EU business with a valid VAT number: no VAT and the reverse-charge note, on the API and the PDF; without the number: German VAT, no note', async () => {
    const business = await invoicedCustomer({ country: 'DE', vatNumber: 'DE123456789', legalName: 'Beispiel GmbH', city: 'Berlin' }, 'EUR');
    expect(business.invoice).toMatchObject({
      net: '100',
      tax: '0',
      total: '100',
      reverseCharge: true,
      reverseChargeNote: REVERSE_CHARGE_NOTE,
      buyerVatNumber: 'DE123456789',
      taxLabel: 'VAT reverse charge (EU VAT number DE123456789)',
    });
    const businessText = await pdfText((await download(business.invoice.pdfUrl, business.ownerKey)).body);
    expect(businessText).toContain('Reverse charge: VAT to be accounted for by the recipient');
    expect(businessText).toContain('VAT number: DE123456789');

    const consumer = await invoicedCustomer({ country: 'DE', legalName: 'Erika Mustermann' }, 'EUR');
    expect(consumer.invoice).toMatchObject({ net: '100', tax: '19', total: '119', reverseCharge: false, reverseChargeNote: null });
    expect(await pdfText((await download(consumer.invoice.pdfUrl, consumer.ownerKey)).body)).not.toContain('Reverse charge');

    const american = await invoicedCustomer({ country: 'US', state: 'CA', legalName: 'Dial Inc' }, 'USD');
    expect(american.invoice).toMatchObject({ tax: '7.25', total: '107.25', reverseCharge: false, reverseChargeNote: null });
  });

  it('keeps the buyer as billed when issued: a later edit of the billing profile changes new invoices only', async () => {
    const { ownerKey, walletId, invoice } = await invoicedCustomer(
      { country: 'GB', legalName: 'Old Name Ltd', addressLine1: '1 Old Road' },
      'GBP',
    );
    await t.ok(ownerKey, BILLING, { input: { legalName: 'New Name Ltd', addressLine1: '2 New Road' } });
    const again = (await t.ok(ownerKey, INVOICE, { id: invoice.id })).invoice;
    expect(again).toEqual(invoice);
    expect(await pdfText((await download(invoice.pdfUrl, ownerKey)).body)).toContain('Old Name Ltd');
    // The table refuses edits: an issued invoice is corrected by a credit note, never changed.
    await expect(sql(t, `update invoice set buyer_name = 'Forged' where id = $1`, [invoice.id])).rejects.toThrow(/append-only/);

    await topUp(t, ownerKey, { walletId, amount: '10', paymentMethodId: 'pm_card_visa', idempotencyKey: randomUUID() });
    await settle(t);
    const [newest] = (await t.ok(ownerKey, INVOICES, { first: 1 })).invoices.edges.map((edge: any) => edge.node);
    expect(newest).toMatchObject({ buyerName: 'New Name Ltd', buyerAddress: ['2 New Road', 'GB'], net: '10' });
  });

  it('a completed bank transfer gets an invoice with the tax the profile calls for; a canceled one none', async () => {
    const { walletId, ownerKey } = await t.createAccount('Transfer Ltd', 'GBP');
    await t.ok(ownerKey, BILLING, { input: { country: 'GB', legalName: 'Transfer Ltd' } });
    const transfer = (await t.ok(ownerKey, RECORD_TRANSFER, { input: { walletId, amount: '250', reference: 'INV-7' } })).recordBankTransfer
      .bankTransfer;
    const canceled = (await t.ok(ownerKey, RECORD_TRANSFER, { input: { walletId, amount: '50', reference: 'INV-8' } })).recordBankTransfer
      .bankTransfer;
    await t.ok(support, COMPLETE_TRANSFER, { id: transfer.id });
    await t.ok(support, `mutation($id: ID!) { cancelBankTransfer(id: $id) { bankTransfer { id } } }`, { id: canceled.id });
    const invoices = (await t.ok(ownerKey, INVOICES, {})).invoices.edges.map((edge: any) => edge.node);
    expect(invoices).toEqual([
      expect.objectContaining({ kind: 'INVOICE', bankTransferId: transfer.id, topUpId: null, net: '250', tax: '50', total: '300' }),
    ]);
    await t.assertLedger();
  });
});

describe('credit notes', () => {
  it('a refund to the card gets a credit note referencing the invoice, with its share of tax, as the card got it back', async () => {
    const { walletId, ownerKey, invoice } = await invoicedCustomer({ country: 'GB', legalName: 'Refund Ltd' }, 'GBP');
    await t.ok(support, REFUND, { input: { walletId, amount: '25', reason: 'Customer request', idempotencyKey: randomUUID() } });
    const [note] = (await t.ok(ownerKey, INVOICES, { first: 1 })).invoices.edges.map((edge: any) => edge.node);
    expect(note).toMatchObject({
      kind: 'CREDIT_NOTE',
      number: expect.stringMatching(/^SW-CN-2026-[0-9]{6}$/),
      creditedInvoiceNumber: invoice.number,
      net: '25',
      tax: '5',
      total: '30',
      buyerName: 'Refund Ltd',
    });
    const [refund] = await sql(t, 'select card_amount_micros::text from top_up_refund where wallet_id = $1', [walletId]);
    expect(refund.card_amount_micros).toBe('30000000');
    const text = await pdfText((await download(note.pdfUrl, ownerKey)).body);
    expect(text).toContain(`Credit note ${note.number}`);
    expect(text).toContain(`Credits invoice ${invoice.number}`);
    expect(text).toContain('30.00 GBP');
    await t.assertLedger();
  });
});

describe('documents on the transactions', () => {
  it("a top-up's credit names its invoice, a refund's debit its credit note, any other transaction none", async () => {
    const { walletId, ownerKey, invoice } = await invoicedCustomer({ country: 'GB', legalName: 'Linked Ltd' }, 'GBP');
    await t.ok(support, REFUND, { input: { walletId, amount: '10', reason: 'Customer request', idempotencyKey: randomUUID() } });
    await t.fund(walletId, '3');
    const [note] = (await t.ok(ownerKey, INVOICES, { first: 1 })).invoices.edges.map((edge: any) => edge.node);
    const rows = (
      await t.ok(
        ownerKey,
        `query($id: ID!) { wallet(id: $id) { transactions(first: 10) { edges { node { kind type invoice { id number kind pdfUrl } } } } } }`,
        { id: walletId },
      )
    ).wallet.transactions.edges.map((edge: any) => edge.node);
    expect(rows).toEqual([
      { kind: 'ADJUSTMENT', type: 'CREDIT', invoice: null },
      { kind: 'REFUND', type: 'DEBIT', invoice: { id: note.id, number: note.number, kind: 'CREDIT_NOTE', pdfUrl: note.pdfUrl } },
      { kind: 'TOP_UP', type: 'CREDIT', invoice: { id: invoice.id, number: invoice.number, kind: 'INVOICE', pdfUrl: invoice.pdfUrl } },
    ]);
  });
});

describe('who may read them', () => {
  it("another account's invoice is NOT_FOUND on the API and 404 over HTTP; no credential is 401", async () => {
    const { invoice, ownerKey, accountId } = await invoicedCustomer({ country: 'GB', legalName: 'Private Ltd' }, 'GBP');
    const stranger = await t.createAccount('Stranger', 'GBP');
    expectError(await t.graphql(stranger.ownerKey, INVOICE, { id: invoice.id }), 'NOT_FOUND');
    expectError(await t.graphql(stranger.ownerKey, INVOICES, { accountId }), 'NOT_FOUND');
    expect((await download(invoice.pdfUrl, stranger.ownerKey)).status).toBe(404);
    expect((await download(invoice.pdfUrl, null)).status).toBe(401);
    expect((await download('/documents/invoices/not-a-number.pdf', ownerKey)).status).toBe(404);
    // Platform staff read any account's documents.
    expect((await download(invoice.pdfUrl, support)).status).toBe(200);
    expect((await t.ok(support, INVOICES, { accountId })).invoices.edges).toHaveLength(1);
    // Every role of the account reads them, as it reads the receipts.
    const integrator = (await t.createKey(accountId, 'INTEGRATOR')).secret;
    expect((await download(invoice.pdfUrl, integrator)).status).toBe(200);
    expect((await t.ok(ownerKey, INVOICES, {})).invoices.edges).toHaveLength(1);
  });

  it(`pages hold at most ${PAGE_SIZE_MAX} documents: ${PAGE_SIZE_MAX} passes, ${PAGE_SIZE_MAX + 1} is BAD_USER_INPUT`, async () => {
    const { ownerKey } = await t.createAccount('Pages', 'USD');
    expect((await t.ok(ownerKey, INVOICES, { first: PAGE_SIZE_MAX })).invoices.edges).toEqual([]);
    expectError(await t.graphql(ownerKey, INVOICES, { first: PAGE_SIZE_MAX + 1 }), 'BAD_USER_INPUT', 'first');
    expectError(await t.graphql(ownerKey, INVOICES, { first: 0 }), 'BAD_USER_INPUT', 'first');
    expectError(await t.graphql(ownerKey, INVOICES, { after: 'x' }), 'BAD_USER_INPUT', 'after');
  });
});

describe('the receipt e-mail', () => {
  it("carries the top-up's invoice as a PDF", async () => {
    const { accountId, invoice } = await invoicedCustomer(
      { country: 'GB', legalName: 'Mailed Ltd', email: 'accounts@mailed.example' },
      'GBP',
    );
    // One pass of the mail jobs may stop short of the receipt just committed (the outbox is read below the
    // oldest running transaction): pass until it has arrived.
    const mailsTo = () => smtp.received.filter((received) => received.envelopeTo.includes('accounts@mailed.example'));
    await until('the receipt mail', async () => {
      const results = await t.app.mailJobs.runOnce();
      for (const value of Object.values(results)) if (value instanceof Error) throw value;
      return mailsTo().length > 0;
    });
    const [mail] = mailsTo();
    expect(mail, `mails of ${accountId}`).toBeDefined();
    expect(mail!.text).toContain('Receipt number');
    expect(mail!.attachments.map((file) => [file.filename, file.contentType])).toEqual([[`${invoice.number}.pdf`, 'application/pdf']]);
    const text = await pdfText(mail!.attachments[0]!.content);
    expect(text).toContain(`Invoice ${invoice.number}`);
    expect(text).toContain('120.00 GBP');
  });
});
