import { Migration } from '@mikro-orm/migrations';

/**
 * VAT invoices and credit notes (issue 17): one invoice per successful card or bank top-up, one
 * credit note per refund of card credit, each numbered without gaps in its issuing entity's series.
 *
 * - `invoice_series` holds the last number handed out per issuing entity and kind. The service takes
 *   the next one with one upsert that holds the series row's lock until the settlement commits, so a
 *   rolled-back settlement gives its number back and two settlements never share one.
 * - `invoice` keeps everything printed on the document: the seller's and the buyer's details are
 *   copied at issue (a later edit of the billing profile or of the seller configuration never changes
 *   an issued invoice), and the table is append-only like the journal.
 * - A top-up, a bank transfer or a refund has at most one document, and a credit note names the
 *   invoice it corrects. Top-ups that succeeded before this migration keep their receipt only.
 */
export class Migration20261207030000Invoices extends Migration {
  override up(): void {
    this.addSql(`
create table invoice_series (
  issuer_code text not null check (issuer_code ~ '^[A-Z0-9]{1,10}$'),
  kind text not null check (kind in ('INVOICE', 'CREDIT_NOTE')),
  last_number bigint not null check (last_number >= 1),
  primary key (issuer_code, kind)
);

create table invoice (
  id bigint generated always as identity primary key,
  issuer_code text not null,
  kind text not null check (kind in ('INVOICE', 'CREDIT_NOTE')),
  sequence_number bigint not null check (sequence_number >= 1),
  number text not null unique check (char_length(number) between 1 and 40),
  account_id uuid not null references account (id),
  wallet_id uuid not null references wallet (id),
  top_up_id uuid references top_up (id),
  bank_transfer_id uuid references bank_transfer (id),
  refund_id uuid unique references top_up_refund (id),
  credited_invoice_id bigint references invoice (id),
  wallet_transaction_id uuid references wallet_transaction (id),
  currency char(3) not null check (currency ~ '^[A-Z]{3}$'),
  net_micros bigint not null check (net_micros > 0),
  tax_micros bigint not null check (tax_micros >= 0),
  total_micros bigint not null,
  tax_rate_ppm bigint not null check (tax_rate_ppm between 0 and 1000000),
  tax_label text not null check (char_length(tax_label) between 1 and 200),
  reverse_charge boolean not null,
  seller_name text not null check (char_length(seller_name) between 1 and 1000),
  seller_address text not null check (char_length(seller_address) <= 2000),
  seller_vat_id text check (char_length(seller_vat_id) between 1 and 40),
  buyer_name text not null check (char_length(buyer_name) between 1 and 1000),
  buyer_address text not null check (char_length(buyer_address) <= 5000),
  buyer_country text check (buyer_country ~ '^[A-Z]{2}$'),
  buyer_vat_number text check (char_length(buyer_vat_number) between 1 and 40),
  buyer_email text check (char_length(buyer_email) <= 254),
  issued_at timestamptz not null,
  unique (issuer_code, kind, sequence_number),
  check (total_micros = net_micros + tax_micros),
  check (not reverse_charge or tax_micros = 0),
  check (case kind
    when 'INVOICE' then (top_up_id is null) <> (bank_transfer_id is null) and refund_id is null and credited_invoice_id is null
    else refund_id is not null and credited_invoice_id is not null and bank_transfer_id is null end)
);
create unique index invoice_top_up_idx on invoice (top_up_id) where kind = 'INVOICE';
create unique index invoice_bank_transfer_idx on invoice (bank_transfer_id) where bank_transfer_id is not null;
create index invoice_account_idx on invoice (account_id, id);
create index invoice_wallet_idx on invoice (wallet_id, id);

-- Issued documents are never edited: a correction is a credit note.
create trigger invoice_append_only before update or delete or truncate on invoice
  for each statement execute function spendwire_forbid_change();
`);
  }

  override down(): void {
    this.addSql('drop table invoice; drop table invoice_series;');
  }
}
