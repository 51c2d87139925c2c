import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import type { Config } from '../../config.js';
import { BadUserInputError } from '../../errors.js';
import { TransactionKind, TransactionStatus, TransactionType } from './transaction-enums.js';
import { validateCampaignId } from './validate-input.js';
import { WalletTransaction } from './wallet-transaction.entity.js';

/** Options of {@link listWalletTransactions}. The wallet must already be checked visible to the caller. */
export interface ListWalletTransactionsOptions {
  walletId: string;
  /** Page size, 1..transactionsPageSizeMax. @default transactionsPageSizeDefault */
  first?: number | null;
  /** Cursor of the last row of the previous page: the page continues with older rows. */
  after?: string | null;
  type?: TransactionType | null;
  kind?: TransactionKind | null;
  status?: TransactionStatus | null;
  /** Inclusive lower bound on createdAt. */
  from?: Date | null;
  /** Exclusive upper bound on createdAt. */
  to?: Date | null;
  /** Only this campaign's transactions. */
  campaignId?: string | null;
  limits: Pick<Config, 'transactionsPageSizeMax' | 'transactionsPageSizeDefault'>;
}

/** One page, newest first. */
export interface WalletTransactionPage {
  transactions: WalletTransaction[];
  hasNextPage: boolean;
}

const CURSOR_PREFIX = 'seq:';

/** Largest PostgreSQL bigint. */
const BIGINT_MAX = 9_223_372_036_854_775_807n;

/** The opaque cursor of a transaction: its sequence, base64url-encoded. */
export function encodeTransactionCursor(sequence: bigint): string {
  return Buffer.from(`${CURSOR_PREFIX}${sequence}`).toString('base64url');
}

/** @throws BadUserInputError (`after`) for a cursor this server did not issue. */
export function decodeTransactionCursor(cursor: string): bigint {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const digits = text.startsWith(CURSOR_PREFIX) ? text.slice(CURSOR_PREFIX.length) : '';
  // 19 digits may exceed PostgreSQL's bigint (the query then failed as a 500): such a cursor was never issued.
  if (!/^[1-9][0-9]{0,18}$/.test(digits) || BigInt(digits) > BIGINT_MAX || encodeTransactionCursor(BigInt(digits)) !== cursor) {
    throw new BadUserInputError('after', 'after is not a cursor returned by this API');
  }
  return BigInt(digits);
}

/**
 * The page size of a transactions page, checked with its date range.
 * @throws BadUserInputError (`first`) outside 1..transactionsPageSizeMax; (`to`) when `from` is after `to`.
 */
function checkedPageSize(options: Omit<ListWalletTransactionsOptions, 'walletId'>): number {
  const { limits } = options;
  const first = options.first ?? limits.transactionsPageSizeDefault;
  if (!Number.isInteger(first) || first < 1 || first > limits.transactionsPageSizeMax) {
    throw new BadUserInputError('first', `first must be between 1 and ${limits.transactionsPageSizeMax}`);
  }
  if (options.from && options.to && options.from.getTime() > options.to.getTime()) {
    throw new BadUserInputError('to', 'to must not be before from');
  }
  return first;
}

/**
 * A page of a wallet's transactions, newest (highest sequence) first, filtered.
 * @throws BadUserInputError (`first`, `after`, `to`) for an out-of-range page size, a foreign
 * cursor, or `from` after `to`.
 */
export async function listWalletTransactions(
  em: EntityManager,
  options: ListWalletTransactionsOptions,
): Promise<WalletTransactionPage> {
  const first = checkedPageSize(options);
  const where: FilterQuery<WalletTransaction> = { walletId: options.walletId };
  if (options.after !== null && options.after !== undefined) where.sequence = { $lt: decodeTransactionCursor(options.after) };
  if (options.type) where.type = options.type;
  if (options.kind) where.kind = options.kind;
  if (options.status) where.status = options.status;
  if (options.campaignId !== null && options.campaignId !== undefined) where.campaignId = validateCampaignId(options.campaignId);
  if (options.from || options.to) {
    where.createdAt = { ...(options.from ? { $gte: options.from } : {}), ...(options.to ? { $lt: options.to } : {}) };
  }
  const rows = await em.find(WalletTransaction, where, { orderBy: { sequence: 'desc' }, limit: first + 1 });
  return { transactions: rows.slice(0, first), hasNextPage: rows.length > first };
}

/** Options of {@link listWalletsTransactions}: those of {@link listWalletTransactions} but the wallet. */
export type ListWalletsTransactionsOptions = Omit<ListWalletTransactionsOptions, 'walletId'>;

/**
 * The same page of each of `walletIds` (the page of {@link listWalletTransactions} with the same
 * options, wallet by wallet) in one statement: a lateral join walks each wallet's
 * (wallet_id, sequence) index for at most `first + 1` rows. The wallets must already be checked
 * visible to the caller. Every id is in the map (an empty page for a wallet with no rows).
 * @throws BadUserInputError as {@link listWalletTransactions}.
 */
export async function listWalletsTransactions(
  em: EntityManager,
  walletIds: readonly string[],
  options: ListWalletsTransactionsOptions,
): Promise<Map<string, WalletTransactionPage>> {
  const first = checkedPageSize(options);
  const conditions: string[] = [];
  // One array literal: knex would spread a JS array into a list of bind parameters. The ids are
  // the uuids of wallet rows the caller has seen, so the literal needs no quoting.
  const values: unknown[] = [`{${walletIds.join(',')}}`];
  const where = (condition: string, value: unknown) => {
    conditions.push(condition);
    values.push(value);
  };
  if (options.after !== null && options.after !== undefined) where('t.sequence < ?', decodeTransactionCursor(options.after).toString());
  if (options.type) where('t.type = ?', options.type);
  if (options.kind) where('t.kind = ?', options.kind);
  if (options.status) where('t.status = ?', options.status);
  if (options.campaignId !== null && options.campaignId !== undefined) where('t.campaign_id = ?', validateCampaignId(options.campaignId));
  if (options.from) where('t.created_at >= ?', options.from);
  if (options.to) where('t.created_at < ?', options.to);
  values.push(first + 1);
  const meta = em.getMetadata().get(WalletTransaction.name);
  const columns = meta.props.flatMap((prop) => prop.fieldNames ?? []).map((column) => `t.${column}`);
  const rows = await em.getConnection().execute<Record<string, unknown>[]>(
    `select ${columns.join(', ')}
       from unnest(?::uuid[]) as w(id)
       cross join lateral (
         select * from wallet_transaction t
          where t.wallet_id = w.id${conditions.map((condition) => ` and ${condition}`).join('')}
          order by t.sequence desc
          limit ?) t
      order by t.wallet_id, t.sequence desc`,
    values,
  );
  const byWallet = new Map<string, WalletTransaction[]>(walletIds.map((id) => [id, []]));
  for (const row of rows) {
    const transaction = em.map(WalletTransaction, row);
    byWallet.get(transaction.walletId)?.push(transaction);
  }
  return new Map(
    [...byWallet].map(([walletId, transactions]) => [walletId, { transactions: transactions.slice(0, first), hasNextPage: transactions.length > first }]),
  );
}
