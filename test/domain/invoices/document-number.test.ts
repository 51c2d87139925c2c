// Goal: document numbers read as the issuer, kind, year and a running number that never wraps, reverse charge is recognised from the tax quote's own label, names in any script print on the PDF as stored, and the issuing entity is configured from the environment with a checked code. Method: direct calls with fixed inputs (the PDF read back with pdf-parse), and loadConfig with environment maps.
import { PDFParse } from 'pdf-parse';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../server/config.js';
import { formatDocumentNumber, isReverseChargeLabel } from '../../../server/domain/invoices/issue-invoice.js';
import { renderInvoicePdf } from '../../../server/domain/invoices/render-pdf.js';
import { quoteTax } from '../../../server/domain/payments/tax.js';

describe('document numbers', () => {
  it('formats invoices and credit notes per issuer, with the year of issue in UTC', () => {
    expect(formatDocumentNumber('SW', 'INVOICE', 1n, Date.UTC(2026, 11, 31, 23, 59))).toBe('SW-2026-000001');
    expect(formatDocumentNumber('SW', 'CREDIT_NOTE', 42n, Date.UTC(2027, 0, 1))).toBe('SW-CN-2027-000042');
    // Past six digits the number grows; it never wraps into an earlier one.
    expect(formatDocumentNumber('EU1', 'INVOICE', 1_234_567n, Date.UTC(2026, 5, 1))).toBe('EU1-2026-1234567');
  });

  it("recognises reverse charge from the tax quote's label, and only it", () => {
    const reverse = quoteTax(100_000_000n, { country: 'DE', state: null, vatNumber: 'DE123456789' });
    expect(reverse.treatment).toBe('EU_REVERSE_CHARGE');
    expect(isReverseChargeLabel(reverse.label)).toBe(true);
    for (const profile of [
      { country: 'DE', state: null, vatNumber: null },
      { country: 'GB', state: null, vatNumber: null },
      { country: 'US', state: 'CA', vatNumber: null },
      { country: 'JP', state: null, vatNumber: null },
    ]) {
      expect(isReverseChargeLabel(quoteTax(100_000_000n, profile).label)).toBe(false);
    }
  });
});

describe('names in any script on the PDF', () => {
  it('prints Polish, Greek and Cyrillic names exactly as stored (an embedded Unicode font), and the text reads back', async () => {
    const pdf = await renderInvoicePdf({
      id: '1',
      kind: 'INVOICE',
      issuerCode: 'SW',
      sequenceNumber: 1n,
      number: 'SW-2026-000001',
      accountId: 'a',
      walletId: 'w',
      topUpId: 't',
      bankTransferId: null,
      refundId: null,
      creditedInvoiceId: null,
      creditedInvoiceNumber: null,
      walletTransactionId: null,
      currency: 'EUR',
      netMicros: 100_000_000n,
      taxMicros: 0n,
      totalMicros: 100_000_000n,
      taxRatePpm: 0n,
      taxLabel: 'VAT reverse charge (EU VAT number PL1234567890)',
      reverseCharge: true,
      seller: { name: 'Spendwire Ltd', addressLines: ['1 Example Street'], vatId: 'GB123456789' },
      buyer: {
        name: 'Łódź Telekom Sp. z o.o.',
        addressLines: ['ul. Świętokrzyska 1', 'Ελληνικά Τηλέπικοινωνίες', 'attn. Иванов Пётр'],
        country: 'PL',
        vatNumber: 'PL1234567890',
        email: null,
      },
      issuedAt: new Date(Date.UTC(2026, 11, 7)),
    });
    const parser = new PDFParse({ data: pdf });
    const text = (await parser.getText()).text;
    await parser.destroy();
    expect(text).toContain('Łódź Telekom Sp. z o.o.');
    expect(text).toContain('ul. Świętokrzyska 1');
    expect(text).toContain('Ελληνικά Τηλέπικοινωνίες');
    expect(text).toContain('Иванов Пётр');
    expect(text).toContain('Reverse charge');
    expect(pdf.toString('latin1')).toContain('DejaVuSans');
    expect(pdf.toString('latin1')).not.toContain('Helvetica');
  });
});

describe('issuing entity configuration', () => {
  it('defaults to one issuer, SW, and takes its details from the environment', () => {
    expect(loadConfig({}).invoiceIssuerDefault).toBe('SW');
    const config = loadConfig({
      INVOICE_ISSUER: 'SWIE',
      INVOICE_SELLER_NAME: 'Spendwire Ireland Ltd',
      INVOICE_SELLER_ADDRESS: '1 Dock Road | Dublin 1 |  | Ireland',
      INVOICE_SELLER_VAT_ID: 'IE1234567T',
    });
    expect(config.invoiceIssuerDefault).toBe('SWIE');
    expect(config.invoiceIssuers).toEqual({
      SWIE: { name: 'Spendwire Ireland Ltd', addressLines: ['1 Dock Road', 'Dublin 1', 'Ireland'], vatId: 'IE1234567T' },
    });
    expect(loadConfig({ INVOICE_SELLER_VAT_ID: '' }).invoiceIssuers.SW!.vatId).toBeNull();
  });

  it('refuses an issuer code that could not start a document number (10 characters pass, 11 do not)', () => {
    expect(loadConfig({ INVOICE_ISSUER: 'ABCDEFGHIJ' }).invoiceIssuerDefault).toBe('ABCDEFGHIJ');
    expect(() => loadConfig({ INVOICE_ISSUER: 'ABCDEFGHIJK' })).toThrow(/INVOICE_ISSUER/);
    expect(() => loadConfig({ INVOICE_ISSUER: 'sw-1' })).toThrow(/INVOICE_ISSUER/);
  });
});
