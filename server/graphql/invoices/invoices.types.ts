import { DateTimeResolver } from 'graphql-scalars';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { MoneyScalar } from '../scalars/money.scalar.js';
import { PageInfo } from '../wallets/wallet.type.js';

/** What a billing document is. */
export enum InvoiceKind {
  INVOICE = 'INVOICE',
  CREDIT_NOTE = 'CREDIT_NOTE',
}

registerEnumType(InvoiceKind, {
  name: 'InvoiceKind',
  description: 'An invoice (a top-up by card or bank transfer) or a credit note (a refund to a card, correcting an invoice).',
  valuesConfig: {
    INVOICE: { description: 'For credit bought: a successful card top-up or a completed bank transfer.' },
    CREDIT_NOTE: { description: 'For credit refunded to the card that paid it; references the invoice it corrects.' },
  },
});

@ObjectType('Invoice', {
  description:
    'A VAT invoice or credit note, numbered without gaps per issuing entity (SW-2026-000001, credit notes SW-CN-2026-000001). ' +
    'Seller and buyer are as they were when it was issued: later edits of the billing profile do not change it.',
})
export class InvoiceObject {
  @Field(() => ID, { description: 'Unique id of the document.' })
  id!: string;

  @Field(() => String, { description: 'The printed number, unique; its running part has no gap within the issuer and kind.' })
  number!: string;

  @Field(() => InvoiceKind, { description: 'INVOICE or CREDIT_NOTE.' })
  kind!: InvoiceKind;

  @Field(() => DateTimeResolver, { description: 'When it was issued (when the money moved).' })
  issuedAt!: Date;

  @Field(() => ID, { description: 'The wallet the credit went to (or came from).' })
  walletId!: string;

  @Field(() => ID, { nullable: true, description: 'The card top-up it is for (a credit note: the top-up refunded).' })
  topUpId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The bank transfer it is for.' })
  bankTransferId!: string | null;

  @Field(() => String, { nullable: true, description: 'A credit note: the number of the invoice it corrects.' })
  creditedInvoiceNumber!: string | null;

  @Field(() => MoneyScalar, { description: 'Before tax: the credit bought (a credit note: the credit taken back).' })
  net!: bigint;

  @Field(() => MoneyScalar, { description: 'The tax (0 under reverse charge or where none applies).' })
  tax!: bigint;

  @Field(() => MoneyScalar, { description: 'net + tax: what was paid (a credit note: what went back to the card).' })
  total!: bigint;

  @Field(() => String, { description: 'ISO 4217 code of every amount.' })
  currency!: string;

  @Field(() => String, { description: 'Tax percentage as a decimal string, e.g. "20", "0".' })
  taxRate!: string;

  @Field(() => String, { description: 'How the tax is named, e.g. "VAT 20% (United Kingdom)".' })
  taxLabel!: string;

  @Field(() => Boolean, { description: 'An EU business buyer with a valid VAT number: no VAT charged, the buyer accounts for it.' })
  reverseCharge!: boolean;

  @Field(() => String, { nullable: true, description: 'The reverse-charge note printed on the document; null when it does not apply.' })
  reverseChargeNote!: string | null;

  @Field(() => String, { description: "The seller's registered name." })
  sellerName!: string;

  @Field(() => [String], { description: "The seller's postal address, one line each." })
  sellerAddress!: string[];

  @Field(() => String, { nullable: true, description: "The seller's VAT number." })
  sellerVatId!: string | null;

  @Field(() => String, { description: "The buyer's legal name (the account's name when the billing profile has none)." })
  buyerName!: string;

  @Field(() => [String], { description: "The buyer's postal address from the billing profile, one line each." })
  buyerAddress!: string[];

  @Field(() => String, { nullable: true, description: "The buyer's country, ISO 3166-1 alpha-2." })
  buyerCountry!: string | null;

  @Field(() => String, { nullable: true, description: "The buyer's VAT number." })
  buyerVatNumber!: string | null;

  @Field(() => String, {
    description:
      'Path of the PDF on this server (GET, authenticated like /graphql: API key or the session cookie), e.g. /documents/invoices/12.pdf.',
  })
  pdfUrl!: string;
}

@ObjectType('InvoiceEdge', { description: 'One document of a page and its cursor.' })
export class InvoiceEdge {
  @Field(() => String, { description: 'Opaque position of this item: pass it as `after` to get the items after it.' })
  cursor!: string;

  @Field(() => InvoiceObject, { description: 'The document.' })
  node!: InvoiceObject;
}

@ObjectType('InvoiceConnection', { description: 'Invoices and credit notes, newest first, Relay style.' })
export class InvoiceConnection {
  @Field(() => [InvoiceEdge], { description: 'This page of documents, in order.' })
  edges!: InvoiceEdge[];

  @Field(() => PageInfo, { description: 'Whether another page follows, and the cursor to fetch it.' })
  pageInfo!: PageInfo;
}

@ObjectType('StatementLine', { description: 'The credits or the debits of one transaction kind in a statement.' })
export class StatementLineObject {
  @Field(() => String, { description: 'The transaction kind, e.g. TOP_UP, CALL, SMS, NUMBER, REFUND.' })
  kind!: string;

  @Field(() => MoneyScalar, { description: 'Their sum, positive.' })
  amount!: bigint;

  @Field(() => Int, { description: 'How many transactions.' })
  transactions!: number;
}

@ObjectType('WalletStatement', {
  description:
    "A wallet's calendar month in its account's timezone: opening balance + total credits − total debits = closing balance, from the journal.",
})
export class WalletStatementObject {
  @Field(() => ID, { description: 'The wallet.' })
  walletId!: string;

  @Field(() => String, { description: 'The month, YYYY-MM.' })
  month!: string;

  @Field(() => String, { description: 'ISO 4217 code of every amount.' })
  currency!: string;

  @Field(() => String, { description: "The account's IANA timezone, whose midnights bound the month (setAccountTimezone; default UTC)." })
  timeZone!: string;

  @Field(() => DateTimeResolver, { description: 'First instant of the month.' })
  periodStart!: Date;

  @Field(() => DateTimeResolver, { description: 'First instant of the next month (exclusive). The current month is a statement to date.' })
  periodEnd!: Date;

  @Field(() => MoneyScalar, { description: 'The balance when the month began.' })
  openingBalance!: bigint;

  @Field(() => [StatementLineObject], { description: 'Credits by kind.' })
  credits!: StatementLineObject[];

  @Field(() => [StatementLineObject], { description: 'Debits by kind.' })
  debits!: StatementLineObject[];

  @Field(() => MoneyScalar, { description: 'Sum of the credits.' })
  totalCredits!: bigint;

  @Field(() => MoneyScalar, { description: 'Sum of the debits, positive.' })
  totalDebits!: bigint;

  @Field(() => MoneyScalar, { description: 'The balance when the month ended (now, for the current month).' })
  closingBalance!: bigint;

  @Field(() => String, { description: 'Path of the statement as PDF (GET, authenticated like /graphql).' })
  pdfUrl!: string;

  @Field(() => String, { description: 'Path of the statement as CSV (GET, authenticated like /graphql).' })
  csvUrl!: string;
}
