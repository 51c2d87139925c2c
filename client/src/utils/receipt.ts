/** The checkout summary and the receipt of a card top-up, as labelled lines for the screen. */
import type { ReceiptFieldsFragment as Receipt, TopUpQuoteFieldsFragment as TopUpQuote } from '../gql/graphql.js';
import { cardLabel } from './card-label.js';
import { formatDateTime, type FormatDateTimeOptions } from './date-time.js';
import { formatMoney } from './money.js';

/** One labelled figure of a summary or a receipt. */
export interface ReceiptLine {
  label: string;
  value: string;
  /** What the value is, for its styling: an identifier, money, a date and time, or words. */
  kind: 'identifier' | 'money' | 'date-time' | 'text';
  /** The line that says what was paid in all. */
  emphasis?: boolean;
}

/**
 * The tax's name with its rate: ("VAT 20% (United Kingdom)", "20") stays as it is, since the label
 * already says the rate; ("No tax", "0") → "No tax (0%)".
 */
export function taxDescription(taxLabel: string, taxRate: string): string {
  const label = taxLabel.trim();
  const rate = `${taxRate.trim()}%`;
  if (label === '') return `Tax ${rate}`;
  return label.includes(rate) ? label : `${label} (${rate})`;
}

/** The checkout summary of a quote: amount, tax with its label and rate, total. */
export function quoteLines(quote: Pick<TopUpQuote, 'amount' | 'tax' | 'taxLabel' | 'taxRate' | 'total' | 'currency'>): ReceiptLine[] {
  return [
    { label: 'Amount', value: formatMoney(quote.amount, quote.currency), kind: 'money' },
    { label: `Tax: ${taxDescription(quote.taxLabel, quote.taxRate)}`, value: formatMoney(quote.tax, quote.currency), kind: 'money' },
    { label: 'Total charged to the card', value: formatMoney(quote.total, quote.currency), kind: 'money', emphasis: true },
  ];
}

/**
 * A receipt as lines: receipt number, transaction id, amount credited, tax, total charged, when
 * it was paid (local date and time) and the card (brand and last 4 digits, when Stripe gave them).
 */
export function receiptLines(receipt: Receipt, options: FormatDateTimeOptions = {}): ReceiptLine[] {
  const lines: ReceiptLine[] = [
    { label: 'Receipt number', value: receipt.receiptNumber, kind: 'identifier' },
    { label: 'Transaction', value: receipt.transactionId, kind: 'identifier' },
    { label: 'Amount credited', value: formatMoney(receipt.amount, receipt.currency), kind: 'money' },
    {
      label: `Tax: ${taxDescription(receipt.taxLabel, receipt.taxRate)}`,
      value: formatMoney(receipt.tax, receipt.currency),
      kind: 'money',
    },
    { label: 'Total charged', value: formatMoney(receipt.total, receipt.currency), kind: 'money', emphasis: true },
    { label: 'Paid', value: formatDateTime(receipt.paidAt, options), kind: 'date-time' },
  ];
  if (receipt.cardBrand !== null || receipt.cardLast4 !== null) {
    lines.push({ label: 'Card', value: cardLabel(receipt.cardBrand, receipt.cardLast4), kind: 'text' });
  }
  return lines;
}
