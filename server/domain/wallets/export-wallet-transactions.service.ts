import type { Db } from '../../database/sql.js';
import { BadUserInputError } from '../../errors.js';
import { formatMoney } from './money.js';
import { TransactionKind, TransactionStatus, TransactionType } from './transaction-enums.js';
import { validateCampaignId } from './validate-input.js';
import { selectTransactionsForExport } from './wallets.queries.js';

/** Filters of an export, as the `transactions` connection has them. */
export interface TransactionExportFilters {
  type: TransactionType | null;
  kind: TransactionKind | null;
  status: TransactionStatus | null;
  /** Inclusive. */
  from: Date | null;
  /** Exclusive. */
  to: Date | null;
  campaignId: string | null;
}

/** The CSV's columns, in order. */
export const TRANSACTION_CSV_COLUMNS = [
  'sequence',
  'created_at',
  'type',
  'kind',
  'status',
  'amount',
  'balance_before',
  'balance_after',
  'currency',
  'description',
  'payment_intent_id',
  'campaign_id',
  'transaction_id',
] as const;

function oneOf<T extends string>(field: string, value: string | undefined, values: Record<string, T>): T | null {
  if (value === undefined || value === '') return null;
  const match = Object.values(values).find((candidate) => candidate === value);
  if (!match) throw new BadUserInputError(field, `${field} must be one of ${Object.values(values).join(', ')}`);
  return match;
}

function instant(field: string, value: string | undefined): Date | null {
  if (value === undefined || value === '') return null;
  const date = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2}))?$/.test(value) || Number.isNaN(date.getTime())) {
    throw new BadUserInputError(field, `${field} must be an RFC 3339 date-time such as 2026-11-01T00:00:00Z (or a date)`);
  }
  return date;
}

/** Reads export filters from query-string values. @throws BadUserInputError naming the bad parameter. */
export function parseExportFilters(query: Record<string, unknown>): TransactionExportFilters {
  const text = (name: string) => (typeof query[name] === 'string' ? (query[name] as string) : undefined);
  const filters: TransactionExportFilters = {
    type: oneOf('type', text('type'), TransactionType),
    kind: oneOf('kind', text('kind'), TransactionKind),
    status: oneOf('status', text('status'), TransactionStatus),
    from: instant('from', text('from')),
    to: instant('to', text('to')),
    campaignId: validateCampaignId(text('campaignId') || null),
  };
  if (filters.from && filters.to && filters.from > filters.to) throw new BadUserInputError('to', 'to must not be before from');
  return filters;
}

/**
 * One CSV cell (RFC 4180). A cell a spreadsheet would run as a formula (starting with =, +, -, @,
 * tab or carriage return: a description is customer-supplied text) is prefixed with an apostrophe.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]|^\s|\s$/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/**
 * The wallet's transactions as CSV lines (header first), newest first, read in batches by
 * sequence so an export of any size holds one batch in memory. The caller has checked the wallet
 * is visible to the requester.
 */
export async function* exportWalletTransactions(
  db: Db,
  options: { walletId: string; filters: TransactionExportFilters; batchSize: number; rowsMax: number },
): AsyncGenerator<string> {
  yield `${TRANSACTION_CSV_COLUMNS.join(',')}\r\n`;
  const { filters } = options;
  let before: bigint | null = null;
  let written = 0;
  while (written < options.rowsMax) {
    const rows = await selectTransactionsForExport.all(db, {
      walletId: options.walletId,
      beforeSequence: before,
      type: filters.type,
      kind: filters.kind,
      status: filters.status,
      from: filters.from,
      to: filters.to,
      campaignId: filters.campaignId,
      rowsMax: Math.min(options.batchSize, options.rowsMax - written),
    });
    if (rows.length === 0) return;
    yield rows
      .map(
        (row) =>
          `${[
            row.sequence,
            row.created_at,
            row.type,
            row.kind,
            row.status,
            formatMoney(BigInt(row.amount_micros)),
            formatMoney(BigInt(row.balance_before_micros)),
            formatMoney(BigInt(row.balance_after_micros)),
            row.currency,
            row.description,
            row.payment_intent_id ?? '',
            row.campaign_id ?? '',
            row.id,
          ]
            .map(csvCell)
            .join(',')}\r\n`,
      )
      .join('');
    written += rows.length;
    before = BigInt(rows.at(-1)!.sequence);
  }
}
