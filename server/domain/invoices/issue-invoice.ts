/**
 * Issuing invoices and credit notes inside the transaction that moves the money: the settlement of
 * a card top-up, the completion of a bank transfer, Stripe's confirmation of a refund. The number is
 * taken last, so the series row's lock is held only for the commit that follows.
 */
import type { Config } from '../../config.js';
import type { SqlTransaction } from '../../database/sql.js';
import { assert } from '../../errors.js';
import { taxRulesOf } from '../payments/quote-top-up.service.js';
import { quoteTax } from '../payments/tax.js';
import {
  insertInvoice,
  selectBuyer,
  selectInvoiceOfTopUp,
  selectRefundToCredit,
  takeNextSeriesNumber,
  type BuyerRow,
} from './invoices.queries.js';
import type { InvoiceKind } from './invoice-record.js';

/** What issuing needs of the configuration. */
export type InvoiceConfig = Pick<Config, 'invoiceIssuers' | 'invoiceIssuerDefault' | 'usSalesTaxRatesPpm'>;

/** Digits of the running number in a document number (more grow the number, never wrap it). */
const NUMBER_DIGITS = 6;

/**
 * The printed number of the `sequenceNumber`-th document of an issuer's series: invoices
 * `SW-2026-000001`, credit notes `SW-CN-2026-000001`; the year is the year of issue (UTC). The
 * running number never restarts: the year is there for people, the series is what is gap-free.
 */
export function formatDocumentNumber(issuerCode: string, kind: InvoiceKind, sequenceNumber: bigint, issuedAtMs: number): string {
  const year = new Date(issuedAtMs).getUTCFullYear();
  const running = sequenceNumber.toString().padStart(NUMBER_DIGITS, '0');
  return kind === 'INVOICE' ? `${issuerCode}-${year}-${running}` : `${issuerCode}-CN-${year}-${running}`;
}

/**
 * The quote's label marks reverse charge (server/domain/payments/tax.ts writes 'VAT reverse charge
 * (EU VAT number …)' exactly when an EU business gave a valid VAT number): the invoice then carries
 * the reverse-charge note.
 */
export function isReverseChargeLabel(taxLabel: string): boolean {
  return taxLabel.startsWith('VAT reverse charge');
}

/** The buyer as printed: legal name (the account's name without one) and postal address lines. */
function buyerOf(row: BuyerRow): { name: string; address: string; country: string | null; vatNumber: string | null; email: string | null } {
  const cityLine = [row.billing_postal_code, row.billing_city, row.billing_state].filter((part) => part !== null && part !== '').join(' ');
  const lines = [row.billing_address_line1, row.billing_address_line2, cityLine, row.billing_country].filter(
    (line): line is string => line !== null && line !== '',
  );
  return {
    name: row.billing_legal_name ?? row.account_name,
    address: lines.join('\n'),
    country: row.billing_country,
    vatNumber: row.vat_number,
    email: row.billing_email,
  };
}

interface IssueFigures {
  accountId: string;
  walletId: string;
  currency: string;
  walletTransactionId: string | null;
  netMicros: bigint;
  taxMicros: bigint;
  taxRatePpm: bigint;
  taxLabel: string;
  reverseCharge: boolean;
  topUpId: string | null;
  bankTransferId: string | null;
  refundId: string | null;
  creditedInvoiceId: string | null;
  buyer: ReturnType<typeof buyerOf>;
}

async function issue(tx: SqlTransaction, config: InvoiceConfig, kind: InvoiceKind, figures: IssueFigures, nowMs: number): Promise<string> {
  const issuerCode = config.invoiceIssuerDefault;
  const issuer = config.invoiceIssuers[issuerCode];
  assert(issuer, `invoice issuer ${issuerCode} is configured`);
  // Last statement before the commit: the series row stays locked only until then.
  const { last_number: taken } = await takeNextSeriesNumber.one(tx, { issuerCode, kind });
  const sequenceNumber = BigInt(taken);
  const { id } = await insertInvoice.one(tx, {
    issuerCode,
    kind,
    sequenceNumber,
    number: formatDocumentNumber(issuerCode, kind, sequenceNumber, nowMs),
    accountId: figures.accountId,
    walletId: figures.walletId,
    topUpId: figures.topUpId,
    bankTransferId: figures.bankTransferId,
    refundId: figures.refundId,
    creditedInvoiceId: figures.creditedInvoiceId,
    walletTransactionId: figures.walletTransactionId,
    currency: figures.currency,
    netMicros: figures.netMicros,
    taxMicros: figures.taxMicros,
    taxRatePpm: figures.taxRatePpm,
    taxLabel: figures.taxLabel,
    reverseCharge: figures.reverseCharge,
    sellerName: issuer.name,
    sellerAddress: issuer.addressLines.join('\n'),
    sellerVatId: issuer.vatId,
    buyerName: figures.buyer.name,
    buyerAddress: figures.buyer.address,
    buyerCountry: figures.buyer.country,
    buyerVatNumber: figures.buyer.vatNumber,
    buyerEmail: figures.buyer.email,
    nowMs,
  });
  return id;
}

/**
 * The invoice of a card top-up that just succeeded, in the settlement's transaction: the credit
 * bought, the tax charged with it (as quoted and taken by card) and the buyer as billed now.
 * @returns the invoice's id.
 */
export async function issueTopUpInvoice(
  tx: SqlTransaction,
  config: InvoiceConfig,
  topUp: {
    id: string;
    accountId: string;
    walletId: string;
    currency: string;
    amountMicros: bigint;
    taxMicros: bigint;
    taxRatePpm: bigint;
    taxLabel: string;
    walletTransactionId: string | null;
  },
  nowMs: number,
): Promise<string> {
  const buyer = buyerOf(await selectBuyer.one(tx, { accountId: topUp.accountId }));
  return issue(
    tx,
    config,
    'INVOICE',
    {
      accountId: topUp.accountId,
      walletId: topUp.walletId,
      currency: topUp.currency,
      walletTransactionId: topUp.walletTransactionId,
      netMicros: topUp.amountMicros,
      taxMicros: topUp.taxMicros,
      taxRatePpm: topUp.taxRatePpm,
      taxLabel: topUp.taxLabel,
      reverseCharge: isReverseChargeLabel(topUp.taxLabel),
      topUpId: topUp.id,
      bankTransferId: null,
      refundId: null,
      creditedInvoiceId: null,
      buyer,
    },
    nowMs,
  );
}

/**
 * The invoice of a bank transfer support just completed, in that transaction. The wallet is credited
 * the whole amount received; the tax the buyer's billing profile calls for is computed on it the way
 * checkout computes it (the transfer flow collects no tax, so the invoice states what is due).
 * @returns the invoice's id.
 */
export async function issueBankTransferInvoice(
  tx: SqlTransaction,
  config: InvoiceConfig,
  transfer: { id: string; accountId: string; walletId: string; currency: string; amountMicros: bigint; walletTransactionId: string },
  nowMs: number,
): Promise<string> {
  const buyerRow = await selectBuyer.one(tx, { accountId: transfer.accountId });
  const quote = quoteTax(
    transfer.amountMicros,
    { country: buyerRow.billing_country, state: buyerRow.billing_state, vatNumber: buyerRow.vat_number },
    taxRulesOf(config),
  );
  return issue(
    tx,
    config,
    'INVOICE',
    {
      accountId: transfer.accountId,
      walletId: transfer.walletId,
      currency: transfer.currency,
      walletTransactionId: transfer.walletTransactionId,
      netMicros: transfer.amountMicros,
      taxMicros: quote.taxMicros,
      taxRatePpm: quote.ratePpm,
      taxLabel: quote.label,
      reverseCharge: quote.treatment === 'EU_REVERSE_CHARGE',
      topUpId: null,
      bankTransferId: transfer.id,
      refundId: null,
      creditedInvoiceId: null,
      buyer: buyerOf(buyerRow),
    },
    nowMs,
  );
}

/**
 * The credit note of a refund to a card that Stripe confirmed, in that transaction: the credit taken
 * back (net), its share of the tax and the amount returned to the card (total), referencing the
 * top-up's invoice and addressed as that invoice was. A top-up invoiced before invoices existed has
 * none to reference: its refund gets no credit note (null then).
 * @returns the credit note's id, or null.
 */
export async function issueCreditNote(tx: SqlTransaction, config: InvoiceConfig, refundId: string, nowMs: number): Promise<string | null> {
  const refund = await selectRefundToCredit.one(tx, { refundId });
  const invoice = await selectInvoiceOfTopUp.maybeOne(tx, { topUpId: refund.top_up_id });
  if (!invoice) return null;
  const netMicros = BigInt(refund.amount_micros);
  const totalMicros = BigInt(refund.card_amount_micros);
  return issue(
    tx,
    config,
    'CREDIT_NOTE',
    {
      accountId: invoice.account_id,
      walletId: invoice.wallet_id,
      currency: invoice.currency.trim(),
      walletTransactionId: refund.wallet_transaction_id,
      netMicros,
      taxMicros: totalMicros - netMicros,
      taxRatePpm: BigInt(invoice.tax_rate_ppm),
      taxLabel: invoice.tax_label,
      reverseCharge: invoice.reverse_charge,
      topUpId: refund.top_up_id,
      bankTransferId: null,
      refundId: refund.refund_id,
      creditedInvoiceId: invoice.id,
      buyer: {
        name: invoice.buyer_name,
        address: invoice.buyer_address,
        country: invoice.buyer_country,
        vatNumber: invoice.buyer_vat_number,
        email: invoice.buyer_email,
      },
    },
    nowMs,
  );
}
