import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.js';
import type { InvoiceRecord } from '../../domain/invoices/invoice-record.js';
import { findInvoice, listInvoices } from '../../domain/invoices/list-invoices.service.js';
import { invoicePdfPath, statementPath } from '../../domain/invoices/document-paths.js';
import { REVERSE_CHARGE_NOTE } from '../../domain/invoices/render-pdf.js';
import { walletStatement } from '../../domain/invoices/wallet-statement.service.js';
import { formatRatePercent } from '../../domain/payments/tax.js';
import { TransactionObject } from '../wallets/wallet.type.js';
import { InvoiceConnection, InvoiceKind, InvoiceObject, WalletStatementObject } from './invoices.types.js';

function toInvoiceObject(invoice: InvoiceRecord): InvoiceObject {
  return Object.assign(new InvoiceObject(), {
    id: invoice.id,
    number: invoice.number,
    kind: invoice.kind as InvoiceKind,
    issuedAt: invoice.issuedAt,
    walletId: invoice.walletId,
    topUpId: invoice.topUpId,
    bankTransferId: invoice.bankTransferId,
    creditedInvoiceNumber: invoice.creditedInvoiceNumber,
    net: invoice.netMicros,
    tax: invoice.taxMicros,
    total: invoice.totalMicros,
    currency: invoice.currency,
    taxRate: formatRatePercent(invoice.taxRatePpm),
    taxLabel: invoice.taxLabel,
    reverseCharge: invoice.reverseCharge,
    reverseChargeNote: invoice.reverseCharge ? REVERSE_CHARGE_NOTE : null,
    sellerName: invoice.seller.name,
    sellerAddress: invoice.seller.addressLines,
    sellerVatId: invoice.seller.vatId,
    buyerName: invoice.buyer.name,
    buyerAddress: invoice.buyer.addressLines,
    buyerCountry: invoice.buyer.country,
    buyerVatNumber: invoice.buyer.vatNumber,
    pdfUrl: invoicePdfPath(invoice.id),
  });
}

/** Invoices, credit notes and monthly wallet statements. */
@Resolver()
export class InvoicesResolver {
  @Query(() => InvoiceConnection, {
    description: "An account's invoices and credit notes, newest first (the caller's account unless a platform role names one).",
  })
  async invoices(
    @Arg('accountId', () => ID, { nullable: true, description: "The account; the caller's own when omitted." }) accountId: string | null,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, 1..100. Default 20.' }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'The endCursor of the previous page.' }) after: string | null,
    @Ctx() { em, principal, config }: Context,
  ): Promise<InvoiceConnection> {
    const page = await listInvoices(em, {
      principal,
      accountId: accountId ?? null,
      first: first ?? null,
      after: after ?? null,
      limits: config,
    });
    const edges = page.invoices.map((invoice) => ({ cursor: invoice.id, node: toInvoiceObject(invoice) }));
    return { edges, pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null } };
  }

  @Query(() => InvoiceObject, { nullable: true, description: 'An invoice or credit note of the caller; NOT_FOUND otherwise.' })
  async invoice(
    @Arg('id', () => ID, { description: 'Id of the document.' }) id: string,
    @Ctx() { em, principal }: Context,
  ): Promise<InvoiceObject> {
    return toInvoiceObject(await findInvoice(em, principal, id));
  }

  @Query(() => WalletStatementObject, {
    description:
      "A wallet's monthly statement (the calendar month in the account's timezone): opening balance, credits and debits by kind, closing balance; with PDF and CSV paths.",
  })
  async statement(
    @Arg('walletId', () => ID, { description: "The wallet (one of the caller's; NOT_FOUND otherwise)." }) walletId: string,
    @Arg('month', () => String, {
      nullable: true,
      description:
        "The month, YYYY-MM, in the account's timezone: the current one or up to 120 months back. Omitted: the current month there.",
    })
    month: string | null | undefined,
    @Ctx() { em, principal, config, payments }: Context,
  ): Promise<WalletStatementObject> {
    const statement = await walletStatement(em, {
      principal,
      walletId,
      month: month ?? null,
      limits: config,
      nowMs: payments.deps.clock.now(),
    });
    return Object.assign(new WalletStatementObject(), {
      walletId: statement.walletId,
      month: statement.month,
      currency: statement.currency,
      timeZone: statement.timeZone,
      periodStart: statement.periodStart,
      periodEnd: statement.periodEnd,
      openingBalance: statement.openingBalanceMicros,
      credits: statement.credits.map((line) => ({ kind: line.kind, amount: line.amountMicros, transactions: line.transactions })),
      debits: statement.debits.map((line) => ({ kind: line.kind, amount: line.amountMicros, transactions: line.transactions })),
      totalCredits: statement.creditsMicros,
      totalDebits: statement.debitsMicros,
      closingBalance: statement.closingBalanceMicros,
      pdfUrl: statementPath(statement.walletId, statement.month, 'pdf'),
      csvUrl: statementPath(statement.walletId, statement.month, 'csv'),
    });
  }
}

/** A transaction's document: the invoice of a top-up or bank transfer credit, the credit note of a refund to a card. */
@Resolver(() => TransactionObject)
export class TransactionInvoiceResolver {
  @FieldResolver(() => InvoiceObject, {
    nullable: true,
    description:
      "The invoice of a card top-up's or bank transfer's credit, or the credit note of a refund to a card (its pdfUrl downloads it); null for every other transaction and for top-ups from before invoices.",
  })
  async invoice(@Root() transaction: TransactionObject, @Ctx() { loaders }: Context): Promise<InvoiceObject | null> {
    const invoice = await loaders.transactionInvoice.load(transaction.id);
    return invoice === null ? null : toInvoiceObject(invoice);
  }
}
