/**
 * The statements of invoices and credit notes (tables `invoice`, `invoice_series`) and of the
 * monthly wallet statements read from the customer-facing journal (`wallet_transaction`).
 */
import { sql } from '../../database/sql.js';

/** Columns of `invoice i` that make an {@link InvoiceRow}. */
const INVOICE_COLUMNS = `i.id::text, i.issuer_code, i.kind, i.sequence_number::text, i.number, i.account_id, i.wallet_id, i.top_up_id,
  i.bank_transfer_id, i.refund_id, i.credited_invoice_id::text, c.number as credited_invoice_number, i.wallet_transaction_id, i.currency,
  i.net_micros::text, i.tax_micros::text, i.total_micros::text, i.tax_rate_ppm::text, i.tax_label, i.reverse_charge, i.seller_name,
  i.seller_address, i.seller_vat_id, i.buyer_name, i.buyer_address, i.buyer_country, i.buyer_vat_number, i.buyer_email,
  (extract(epoch from i.issued_at) * 1000)::float8 as issued_at_ms`;

/** The joins every invoice read needs (the number of the invoice a credit note corrects). */
const INVOICE_FROM = 'invoice i left join invoice c on c.id = i.credited_invoice_id';

/** An `invoice` row selected with {@link INVOICE_COLUMNS}: int8 as strings, times in epoch milliseconds. */
export interface InvoiceRow {
  id: string;
  issuer_code: string;
  kind: 'INVOICE' | 'CREDIT_NOTE';
  sequence_number: string;
  number: string;
  account_id: string;
  wallet_id: string;
  top_up_id: string | null;
  bank_transfer_id: string | null;
  refund_id: string | null;
  credited_invoice_id: string | null;
  credited_invoice_number: string | null;
  wallet_transaction_id: string | null;
  currency: string;
  net_micros: string;
  tax_micros: string;
  total_micros: string;
  tax_rate_ppm: string;
  tax_label: string;
  reverse_charge: boolean;
  seller_name: string;
  seller_address: string;
  seller_vat_id: string | null;
  buyer_name: string;
  buyer_address: string;
  buyer_country: string | null;
  buyer_vat_number: string | null;
  buyer_email: string | null;
  issued_at_ms: number;
}

/**
 * The next number of an issuer's series. The upsert holds the series row's lock until the caller's
 * transaction ends: numbers are handed out one settlement at a time, and a rollback gives the
 * number back, so the series has no gap and no duplicate.
 */
export const takeNextSeriesNumber = sql<{ last_number: string }, { issuerCode: string; kind: string }>(
  `insert into invoice_series as s (issuer_code, kind, last_number) values (:issuerCode, :kind, 1)
   on conflict (issuer_code, kind) do update set last_number = s.last_number + 1
   returning s.last_number::text`,
);

/** Who the account is billed as, read when a document is issued (and copied onto it). */
export interface BuyerRow {
  account_name: string;
  billing_legal_name: string | null;
  billing_address_line1: string | null;
  billing_address_line2: string | null;
  billing_city: string | null;
  billing_postal_code: string | null;
  billing_state: string | null;
  billing_country: string | null;
  vat_number: string | null;
  billing_email: string | null;
}

export const selectBuyer = sql<BuyerRow, { accountId: string }>(
  `select name as account_name, billing_legal_name, billing_address_line1, billing_address_line2, billing_city, billing_postal_code,
          billing_state, billing_country, vat_number, billing_email
     from account where id = :accountId`,
);

/** The parameters of {@link insertInvoice}: every printed field, copied at issue. */
export type InsertInvoiceParams = {
  issuerCode: string;
  kind: 'INVOICE' | 'CREDIT_NOTE';
  sequenceNumber: bigint;
  number: string;
  accountId: string;
  walletId: string;
  topUpId: string | null;
  bankTransferId: string | null;
  refundId: string | null;
  creditedInvoiceId: string | null;
  walletTransactionId: string | null;
  currency: string;
  netMicros: bigint;
  taxMicros: bigint;
  taxRatePpm: bigint;
  taxLabel: string;
  reverseCharge: boolean;
  sellerName: string;
  sellerAddress: string;
  sellerVatId: string | null;
  buyerName: string;
  buyerAddress: string;
  buyerCountry: string | null;
  buyerVatNumber: string | null;
  buyerEmail: string | null;
  nowMs: number;
};

/**
 * Stores a document and, in the same statement, its `DOCUMENT_ISSUED` outbox row (what the webhook
 * producer turns into INVOICE_ISSUED or CREDIT_NOTE_ISSUED): one round trip while the series row is locked.
 */
export const insertInvoice = sql<{ id: string }, InsertInvoiceParams>(
  `with issued as (
   insert into invoice (issuer_code, kind, sequence_number, number, account_id, wallet_id, top_up_id, bank_transfer_id, refund_id,
     credited_invoice_id, wallet_transaction_id, currency, net_micros, tax_micros, total_micros, tax_rate_ppm, tax_label, reverse_charge,
     seller_name, seller_address, seller_vat_id, buyer_name, buyer_address, buyer_country, buyer_vat_number, buyer_email, issued_at)
   values (:issuerCode, :kind, :sequenceNumber, :number, :accountId, :walletId, :topUpId, :bankTransferId, :refundId,
     :creditedInvoiceId::bigint, :walletTransactionId, :currency, :netMicros, :taxMicros, :netMicros::bigint + :taxMicros::bigint,
     :taxRatePpm, :taxLabel, :reverseCharge, :sellerName, :sellerAddress, :sellerVatId, :buyerName, :buyerAddress, :buyerCountry,
     :buyerVatNumber, :buyerEmail, to_timestamp(:nowMs / 1000.0))
   returning id, account_id, wallet_id)
   insert into outbox_event (type, account_id, wallet_id, invoice_id)
   select 'DOCUMENT_ISSUED', account_id, wallet_id, id from issued
   returning invoice_id::text as id`,
);

/** A document within `scope` (an account id; null for every tenant). */
export const selectInvoice = sql<InvoiceRow, { id: string; scope: string | null }>(
  `select ${INVOICE_COLUMNS} from ${INVOICE_FROM} where i.id = :id::bigint and (:scope::uuid is null or i.account_id = :scope::uuid)`,
);

/** The invoice of a card top-up, if one was issued. */
export const selectInvoiceOfTopUp = sql<InvoiceRow, { topUpId: string }>(
  `select ${INVOICE_COLUMNS} from ${INVOICE_FROM} where i.top_up_id = :topUpId and i.kind = 'INVOICE'`,
);

/** A card refund's figures, for its credit note. */
export const selectRefundToCredit = sql<
  { refund_id: string; top_up_id: string; wallet_transaction_id: string; amount_micros: string; card_amount_micros: string },
  { refundId: string }
>(
  `select r.id as refund_id, r.top_up_id, r.wallet_transaction_id, r.amount_micros::text, r.card_amount_micros::text
     from top_up_refund r where r.id = :refundId`,
);

/** An account's documents after the cursor (an invoice id; null for the newest), newest first, one more than the page to tell if another follows. */
export const selectAccountInvoices = sql<InvoiceRow, { accountId: string; afterId: string | null; limit: number }>(
  `select ${INVOICE_COLUMNS} from ${INVOICE_FROM}
    where i.account_id = :accountId and (:afterId::bigint is null or i.id < :afterId::bigint)
    order by i.id desc limit :limit`,
);

/** The wallet within `scope`, its account's timezone and the month it is there at `nowMs` (`YYYY-MM`). */
export const selectStatementWallet = sql<
  { id: string; account_id: string; currency: string; timezone: string; current_month: string },
  { walletId: string; scope: string | null; nowMs: number }
>(
  `select w.id, w.account_id, w.currency, a.timezone,
          to_char(to_timestamp(:nowMs::float8 / 1000.0) at time zone a.timezone, 'YYYY-MM') as current_month
     from wallet w join account a on a.id = w.account_id
    where w.id = :walletId and (:scope::uuid is null or w.account_id = :scope::uuid)`,
);

/**
 * The bounds of `month` (`YYYY-MM`) in `timezone`: its first local midnight and the next month's, by
 * PostgreSQL's zone rules (as for spend caps and usage reports), in epoch milliseconds.
 */
export const selectMonthBounds = sql<{ start_ms: number; end_ms: number }, { month: string; timezone: string }>(
  `select (extract(epoch from (m.local_start at time zone :timezone::text)) * 1000)::float8 as start_ms,
          (extract(epoch from ((m.local_start + interval '1 month') at time zone :timezone::text)) * 1000)::float8 as end_ms
     from (select (:month::text || '-01')::timestamp as local_start) m`,
);

/**
 * A wallet's movements in [fromMs, toMs) by direction and kind, and the signed sum of everything
 * before `fromMs` (the opening balance: the balance is the sum of the wallet's journal).
 */
export const selectStatementSums = sql<
  { type: 'OPENING' | 'CREDIT' | 'DEBIT'; kind: string; amount_micros: string; transactions: string },
  { walletId: string; fromMs: number; toMs: number }
>(
  `select 'OPENING' as type, '' as kind,
          coalesce(sum(case type when 'CREDIT' then amount_micros else -amount_micros end), 0)::text as amount_micros,
          count(*)::text as transactions
     from wallet_transaction where wallet_id = :walletId and created_at < to_timestamp(:fromMs / 1000.0)
   union all
   select type, kind, sum(amount_micros)::text, count(*)::text
     from wallet_transaction
    where wallet_id = :walletId and created_at >= to_timestamp(:fromMs / 1000.0) and created_at < to_timestamp(:toMs / 1000.0)
    group by type, kind`,
);

/** The documents a webhook producer batch announces (by the outbox rows that name them). */
export const selectInvoicesByIds = sql<InvoiceRow, { ids: string[] }>(
  `select ${INVOICE_COLUMNS} from ${INVOICE_FROM} where i.id = any(:ids::bigint[])`,
);

/** The documents of some wallet transactions (a top-up's invoice, a refund's credit note), within `scope`. */
export const selectInvoicesOfTransactions = sql<InvoiceRow, { transactionIds: string[]; scope: string | null }>(
  `select ${INVOICE_COLUMNS} from ${INVOICE_FROM}
    where i.wallet_transaction_id = any(:transactionIds::uuid[]) and (:scope::uuid is null or i.account_id = :scope::uuid)`,
);
