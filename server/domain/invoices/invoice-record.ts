import type { InvoiceRow } from './invoices.queries.js';

/** An invoice (for a top-up or bank transfer) or a credit note (for a refund to a card). */
export type InvoiceKind = 'INVOICE' | 'CREDIT_NOTE';

/** One issued document, exactly as printed: seller and buyer as they were when it was issued. */
export interface InvoiceRecord {
  id: string;
  kind: InvoiceKind;
  issuerCode: string;
  sequenceNumber: bigint;
  /** e.g. `SW-2026-000001`, credit notes `SW-CN-2026-000001`. */
  number: string;
  accountId: string;
  walletId: string;
  topUpId: string | null;
  bankTransferId: string | null;
  refundId: string | null;
  /** The invoice a credit note corrects. */
  creditedInvoiceId: string | null;
  creditedInvoiceNumber: string | null;
  walletTransactionId: string | null;
  currency: string;
  /** The credit bought (or, for a credit note, taken back), before tax, in micros. */
  netMicros: bigint;
  taxMicros: bigint;
  totalMicros: bigint;
  taxRatePpm: bigint;
  taxLabel: string;
  /** EU business buyer with a valid VAT number: no VAT charged, the buyer accounts for it. */
  reverseCharge: boolean;
  seller: { name: string; addressLines: string[]; vatId: string | null };
  buyer: { name: string; addressLines: string[]; country: string | null; vatNumber: string | null; email: string | null };
  issuedAt: Date;
}

const linesOf = (text: string): string[] => (text === '' ? [] : text.split('\n'));

/** Converts an `invoice` row: bigint money, Date times, address lines. */
export function toInvoice(row: InvoiceRow): InvoiceRecord {
  return {
    id: row.id,
    kind: row.kind,
    issuerCode: row.issuer_code,
    sequenceNumber: BigInt(row.sequence_number),
    number: row.number,
    accountId: row.account_id,
    walletId: row.wallet_id,
    topUpId: row.top_up_id,
    bankTransferId: row.bank_transfer_id,
    refundId: row.refund_id,
    creditedInvoiceId: row.credited_invoice_id,
    creditedInvoiceNumber: row.credited_invoice_number,
    walletTransactionId: row.wallet_transaction_id,
    currency: row.currency.trim(),
    netMicros: BigInt(row.net_micros),
    taxMicros: BigInt(row.tax_micros),
    totalMicros: BigInt(row.total_micros),
    taxRatePpm: BigInt(row.tax_rate_ppm),
    taxLabel: row.tax_label,
    reverseCharge: row.reverse_charge,
    seller: { name: row.seller_name, addressLines: linesOf(row.seller_address), vatId: row.seller_vat_id },
    buyer: {
      name: row.buyer_name,
      addressLines: linesOf(row.buyer_address),
      country: row.buyer_country,
      vatNumber: row.buyer_vat_number,
      email: row.buyer_email,
    },
    issuedAt: new Date(row.issued_at_ms),
  };
}
