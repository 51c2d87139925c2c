import type { Config } from '../../config.js';
import type { Db } from '../../database/sql.js';
import { BadUserInputError } from '../../errors.js';
import type { TransactionKind, TransactionStatus, TransactionType } from './transaction-enums.js';
import { validateCampaignId } from './validate-input.js';
import { toWalletTransactionRecord, type WalletTransactionRecord } from './wallet-transaction-record.js';
import { selectWalletsTransactionsPage } from './wallets.queries.js';

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
  transactions: WalletTransactionRecord[];
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
export async function listWalletTransactions(db: Db, options: ListWalletTransactionsOptions): Promise<WalletTransactionPage> {
  const { walletId, ...rest } = options;
  return (await listWalletsTransactions(db, [walletId], rest)).get(walletId)!;
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
  db: Db,
  walletIds: readonly string[],
  options: ListWalletsTransactionsOptions,
): Promise<Map<string, WalletTransactionPage>> {
  const first = checkedPageSize(options);
  const rows = await selectWalletsTransactionsPage.all(db, {
    walletIds,
    beforeSequence: options.after === null || options.after === undefined ? null : decodeTransactionCursor(options.after),
    type: options.type ?? null,
    kind: options.kind ?? null,
    status: options.status ?? null,
    from: options.from ?? null,
    to: options.to ?? null,
    campaignId: options.campaignId === null || options.campaignId === undefined ? null : validateCampaignId(options.campaignId),
    rowsMax: first + 1,
  });
  const byWallet = new Map<string, WalletTransactionRecord[]>(walletIds.map((id) => [id, []]));
  for (const row of rows) byWallet.get(row.wallet_id)?.push(toWalletTransactionRecord(row));
  return new Map(
    [...byWallet].map(([walletId, transactions]) => [
      walletId,
      { transactions: transactions.slice(0, first), hasNextPage: transactions.length > first },
    ]),
  );
}
