import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../../config.js';
import { BadUserInputError, NotFoundError } from '../../errors.js';
import { canSee, tenantScope, type Principal } from '../accounts/principal.js';
import { isUuid } from '../ids.js';
import { selectAccountInvoices, selectInvoice, selectInvoicesOfTransactions } from './invoices.queries.js';
import { toInvoice, type InvoiceRecord } from './invoice-record.js';

/** One page of {@link listInvoices}. */
export interface InvoicePage {
  invoices: InvoiceRecord[];
  hasNextPage: boolean;
}

/** Options of {@link listInvoices}. */
export interface ListInvoicesOptions {
  principal: Principal;
  /** The account; null for the caller's own. */
  accountId: string | null;
  first: number | null;
  /** A cursor from a previous page (an invoice's id); null for the newest. */
  after: string | null;
  limits: Pick<Config, 'invoicesPageSizeMax' | 'invoicesPageSizeDefault'>;
}

/**
 * An account's invoices and credit notes, newest first. Every role of the account reads them (like
 * the receipts on the transactions page); platform staff read any account's.
 * @throws BadUserInputError (`first`, `after`), NotFoundError for an account the caller may not see.
 */
export async function listInvoices(em: EntityManager, options: ListInvoicesOptions): Promise<InvoicePage> {
  const first = options.first ?? options.limits.invoicesPageSizeDefault;
  if (!Number.isInteger(first) || first < 1 || first > options.limits.invoicesPageSizeMax) {
    throw new BadUserInputError('first', `first must be 1 to ${options.limits.invoicesPageSizeMax}`);
  }
  if (options.after !== null && !/^[1-9][0-9]{0,17}$/.test(options.after))
    throw new BadUserInputError('after', 'after is not a cursor of this list');
  const accountId = options.accountId ?? options.principal.accountId;
  if (accountId === null || !isUuid(accountId) || !canSee(options.principal, accountId))
    throw new NotFoundError('Account', accountId ?? '');
  const rows = await selectAccountInvoices.all(em, { accountId, afterId: options.after, limit: first + 1 });
  return { invoices: rows.slice(0, first).map(toInvoice), hasNextPage: rows.length > first };
}

/** A document of the caller's account (any for platform staff). @throws NotFoundError otherwise (another tenant's reads as unknown). */
export async function findInvoice(em: EntityManager, principal: Principal, id: string): Promise<InvoiceRecord> {
  const row = /^[1-9][0-9]{0,17}$/.test(id) ? await selectInvoice.maybeOne(em, { id, scope: tenantScope(principal) }) : undefined;
  if (!row) throw new NotFoundError('Invoice', id);
  return toInvoice(row);
}

/**
 * The documents of some wallet transactions, by transaction id: a top-up's or bank transfer's credit
 * has its invoice, a refund to a card its credit note; other transactions have none (absent from the
 * map). One statement for all of them. The caller has already read the transactions, so may see
 * their documents.
 */
export async function invoicesOfTransactions(em: EntityManager, transactionIds: readonly string[]): Promise<Map<string, InvoiceRecord>> {
  const ids = transactionIds.filter(isUuid);
  const found = new Map<string, InvoiceRecord>();
  if (ids.length === 0) return found;
  for (const row of await selectInvoicesOfTransactions.all(em, { transactionIds: ids, scope: null })) {
    if (row.wallet_transaction_id !== null) found.set(row.wallet_transaction_id, toInvoice(row));
  }
  return found;
}
