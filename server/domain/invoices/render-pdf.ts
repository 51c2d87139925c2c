/**
 * Invoices, credit notes and monthly statements as PDF (pdfkit), set in DejaVu Sans (embedded, only
 * the glyphs used): Latin with every accent, Greek and Cyrillic print as stored, so a buyer named
 * "Łódź Telekom", "Ελληνικά" or "Иванов" reads on the paper as in the record. Pure rendering from
 * records: what is printed was fixed when the document was issued.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { formatMoneyForPeople } from '../wallets/money.js';
import { formatRatePercent } from '../payments/tax.js';
import type { InvoiceRecord } from './invoice-record.js';
import type { WalletStatement } from './wallet-statement.service.js';

/** The note an invoice to an EU business with a valid VAT number must carry. */
export const REVERSE_CHARGE_NOTE = 'Reverse charge: VAT to be accounted for by the recipient (Article 196, Council Directive 2006/112/EC).';

const PAGE_MARGIN_POINTS = 50;
const LABEL_COLUMN_POINTS = 300;

/** The names the documents' two fonts are registered under in each PDF. */
const REGULAR = 'DejaVuSans';
const BOLD = 'DejaVuSans-Bold';

/** The font files' bytes, read once per process (about 1 MB together) on the first document. */
let fontFiles: { regular: Buffer; bold: Buffer } | undefined;

/**
 * The DejaVu Sans files of the `dejavu-fonts-ttf` package, found by module resolution from this file
 * (so from `server/` under tsx and from `dist/` alike, wherever node_modules is).
 * @throws when the package is not installed (a programmer error: it is a dependency).
 */
function documentFonts(): { regular: Buffer; bold: Buffer } {
  if (!fontFiles) {
    const require = createRequire(import.meta.url);
    fontFiles = {
      regular: readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')),
      bold: readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')),
    };
  }
  return fontFiles;
}

/** Amounts on documents: 2 decimals with the ISO code after ("1234.50 EUR"), which reads the same in any language. */
function money(micros: bigint, currency: string): string {
  return formatMoneyForPeople(micros, currency, 'code');
}

function dateOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Renders `draw` into a PDF and resolves with its bytes. */
function render(title: string, draw: (doc: PDFKit.PDFDocument) => void): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // A fixed creation date: the same document renders to the same bytes.
    const doc = new PDFDocument({
      size: 'A4',
      margin: PAGE_MARGIN_POINTS,
      info: { Title: title, Creator: 'Spendwire', CreationDate: new Date(0) },
    });
    const fonts = documentFonts();
    doc.registerFont(REGULAR, fonts.regular);
    doc.registerFont(BOLD, fonts.bold);
    doc.font(REGULAR);
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    draw(doc);
    doc.end();
  });
}

function row(doc: PDFKit.PDFDocument, label: string, value: string, bold = false): void {
  const y = doc.y;
  doc.font(bold ? BOLD : REGULAR).text(label, PAGE_MARGIN_POINTS, y, { width: LABEL_COLUMN_POINTS - 10 });
  const labelBottom = doc.y;
  doc.text(value, PAGE_MARGIN_POINTS + LABEL_COLUMN_POINTS, y, { width: 195, align: 'right' });
  doc.y = Math.max(labelBottom, doc.y);
  doc.x = PAGE_MARGIN_POINTS;
}

/** The invoice or credit note as a one-page PDF. */
export function renderInvoicePdf(invoice: InvoiceRecord): Promise<Buffer> {
  const title = invoice.kind === 'INVOICE' ? 'Invoice' : 'Credit note';
  return render(`${title} ${invoice.number}`, (doc) => {
    doc.font(BOLD).fontSize(20).text(`${title} ${invoice.number}`);
    doc.font(REGULAR).fontSize(10).moveDown(0.5);
    doc.text(`Date of issue: ${dateOf(invoice.issuedAt)}`);
    if (invoice.creditedInvoiceNumber !== null) doc.text(`Credits invoice ${invoice.creditedInvoiceNumber}`);
    doc.moveDown();

    doc.font(BOLD).text('From');
    doc.font(REGULAR).text(invoice.seller.name);
    for (const line of invoice.seller.addressLines) doc.text(line);
    if (invoice.seller.vatId !== null) doc.text(`VAT number: ${invoice.seller.vatId}`);
    doc.moveDown();

    doc.font(BOLD).text('Bill to');
    doc.font(REGULAR).text(invoice.buyer.name);
    for (const line of invoice.buyer.addressLines) doc.text(line);
    if (invoice.buyer.vatNumber !== null) doc.text(`VAT number: ${invoice.buyer.vatNumber}`);
    if (invoice.buyer.email !== null) doc.text(invoice.buyer.email);
    doc.moveDown(1.5);

    const what = invoice.kind === 'INVOICE' ? 'Prepaid wallet credit' : 'Refund of unused prepaid wallet credit';
    row(doc, 'Description', 'Amount', true);
    row(doc, what, money(invoice.netMicros, invoice.currency));
    doc.moveDown(0.5);
    row(doc, 'Net', money(invoice.netMicros, invoice.currency));
    const rate = invoice.reverseCharge ? '0' : formatRatePercent(invoice.taxRatePpm);
    row(doc, `${invoice.taxLabel} (rate ${rate}%)`, money(invoice.taxMicros, invoice.currency));
    row(doc, invoice.kind === 'INVOICE' ? 'Total' : 'Total refunded', money(invoice.totalMicros, invoice.currency), true);
    doc.moveDown();
    if (invoice.reverseCharge) doc.font(BOLD).text(REVERSE_CHARGE_NOTE).font(REGULAR);
    doc.moveDown();
    doc.fontSize(8).text(invoice.kind === 'INVOICE' ? 'Paid in full.' : 'Refunded to the original means of payment.');
  });
}

/** `YYYY-MM` of the month after `month` (`YYYY-MM`). */
function monthAfter(month: string): string {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  return monthNumber === 12 ? `${year + 1}-01` : `${year}-${String(monthNumber + 1).padStart(2, '0')}`;
}

/** The monthly statement of a wallet as a one-page PDF (the month's bounds in the account's timezone, named on it): opening balance, credits and debits by kind, closing balance. */
export function renderStatementPdf(statement: WalletStatement): Promise<Buffer> {
  const { currency } = statement;
  return render(`Statement ${statement.month}`, (doc) => {
    doc.font(BOLD).fontSize(20).text(`Wallet statement ${statement.month}`);
    doc.font(REGULAR).fontSize(10).moveDown(0.5);
    doc.text(`Wallet ${statement.walletId}`);
    doc.text(`Period ${statement.month}-01 00:00 to ${monthAfter(statement.month)}-01 00:00, ${statement.timeZone} time`);
    doc.text(`(${statement.periodStart.toISOString()} to ${statement.periodEnd.toISOString()})`);
    doc.moveDown();
    row(doc, 'Opening balance', money(statement.openingBalanceMicros, currency), true);
    doc.moveDown(0.5);
    for (const line of statement.credits) row(doc, `Credits: ${line.kind} (${line.transactions})`, money(line.amountMicros, currency));
    row(doc, 'Total credits', money(statement.creditsMicros, currency), true);
    doc.moveDown(0.5);
    for (const line of statement.debits) row(doc, `Debits: ${line.kind} (${line.transactions})`, money(-line.amountMicros, currency));
    row(doc, 'Total debits', money(-statement.debitsMicros, currency), true);
    doc.moveDown(0.5);
    row(doc, 'Closing balance', money(statement.closingBalanceMicros, currency), true);
  });
}
