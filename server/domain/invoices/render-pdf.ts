/**
 * Invoices, credit notes and monthly statements as PDF (pdfkit, its built-in Helvetica: no font
 * files to ship). Pure rendering from records: what is printed was fixed when the document was issued.
 */
import PDFDocument from 'pdfkit';
import { formatMoneyForPeople } from '../wallets/money.js';
import { formatRatePercent } from '../payments/tax.js';
import type { InvoiceRecord } from './invoice-record.js';
import type { WalletStatement } from './wallet-statement.service.js';

/** The note an invoice to an EU business with a valid VAT number must carry. */
export const REVERSE_CHARGE_NOTE = 'Reverse charge: VAT to be accounted for by the recipient (Article 196, Council Directive 2006/112/EC).';

const PAGE_MARGIN_POINTS = 50;
const LABEL_COLUMN_POINTS = 300;

/** The characters Windows-1252 adds to Latin-1 in 0x80–0x9F, which the standard PDF fonts also print. */
const WIN_ANSI_EXTRAS = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

/** Letters that carry no combining mark to strip but have a plain Latin reading. */
const LATIN_FOLDS: Readonly<Record<string, string>> = { Ł: 'L', ł: 'l', Đ: 'D', đ: 'd', Ħ: 'H', ħ: 'h', ı: 'i' };

/**
 * `text` in the characters the built-in Helvetica can print (Windows-1252): other Latin letters lose
 * their marks ("Łódź" → "Lódz", "Świętokrzyska" → "Swietokrzyska"), anything else becomes "?". The
 * stored document keeps the exact text (the API returns it); only its PDF rendering is folded.
 */
export function printable(text: string): string {
  let out = '';
  for (const char of text.normalize('NFC')) {
    const code = char.codePointAt(0)!;
    if ((code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRAS.has(char)) {
      out += char;
      continue;
    }
    const folded = LATIN_FOLDS[char] ?? char.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    out += [...folded].every((part) => part.codePointAt(0)! >= 0x20 && part.codePointAt(0)! <= 0x7e) && folded !== '' ? folded : '?';
  }
  return out;
}

/** Amounts on documents: 2 decimals with the ISO code after ("1234.50 EUR"), which the standard PDF fonts always print. */
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
  doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').text(printable(label), PAGE_MARGIN_POINTS, y, { width: LABEL_COLUMN_POINTS - 10 });
  const labelBottom = doc.y;
  doc.text(printable(value), PAGE_MARGIN_POINTS + LABEL_COLUMN_POINTS, y, { width: 195, align: 'right' });
  doc.y = Math.max(labelBottom, doc.y);
  doc.x = PAGE_MARGIN_POINTS;
}

/** The invoice or credit note as a one-page PDF. */
export function renderInvoicePdf(invoice: InvoiceRecord): Promise<Buffer> {
  const title = invoice.kind === 'INVOICE' ? 'Invoice' : 'Credit note';
  return render(`${title} ${invoice.number}`, (doc) => {
    doc.font('Helvetica-Bold').fontSize(20).text(`${title} ${invoice.number}`);
    doc.font('Helvetica').fontSize(10).moveDown(0.5);
    doc.text(`Date of issue: ${dateOf(invoice.issuedAt)}`);
    if (invoice.creditedInvoiceNumber !== null) doc.text(`Credits invoice ${invoice.creditedInvoiceNumber}`);
    doc.moveDown();

    doc.font('Helvetica-Bold').text('From');
    doc.font('Helvetica').text(printable(invoice.seller.name));
    for (const line of invoice.seller.addressLines) doc.text(printable(line));
    if (invoice.seller.vatId !== null) doc.text(printable(`VAT number: ${invoice.seller.vatId}`));
    doc.moveDown();

    doc.font('Helvetica-Bold').text('Bill to');
    doc.font('Helvetica').text(printable(invoice.buyer.name));
    for (const line of invoice.buyer.addressLines) doc.text(printable(line));
    if (invoice.buyer.vatNumber !== null) doc.text(printable(`VAT number: ${invoice.buyer.vatNumber}`));
    if (invoice.buyer.email !== null) doc.text(printable(invoice.buyer.email));
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
    if (invoice.reverseCharge) doc.font('Helvetica-Bold').text(REVERSE_CHARGE_NOTE).font('Helvetica');
    doc.moveDown();
    doc.fontSize(8).text(invoice.kind === 'INVOICE' ? 'Paid in full.' : 'Refunded to the original means of payment.');
  });
}

/** The monthly statement of a wallet as a one-page PDF: opening balance, credits and debits by kind, closing balance. */
export function renderStatementPdf(statement: WalletStatement): Promise<Buffer> {
  const { currency } = statement;
  return render(`Statement ${statement.month}`, (doc) => {
    doc.font('Helvetica-Bold').fontSize(20).text(`Wallet statement ${statement.month}`);
    doc.font('Helvetica').fontSize(10).moveDown(0.5);
    doc.text(`Wallet ${statement.walletId}`);
    doc.text(`Period ${statement.periodStart.toISOString()} to ${statement.periodEnd.toISOString()} (${statement.timeZone})`);
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
