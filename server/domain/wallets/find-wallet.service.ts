import type { Db } from '../../database/sql.js';
import { NotFoundError } from '../../errors.js';
import { tenantScope, type Principal } from '../accounts/principal.js';
import { isUuid } from '../ids.js';
import { toWalletRecord, type WalletRecord } from './wallet-record.js';
import { toWalletTransactionRecord, type WalletTransactionRecord } from './wallet-transaction-record.js';
import {
  selectAccountWallets,
  selectWallet,
  selectWalletLifecycles,
  selectWalletState,
  selectWalletTransaction,
} from './wallets.queries.js';

/**
 * The wallet, if the principal may see it.
 * @throws NotFoundError when it does not exist or belongs to another tenant (indistinguishably).
 */
export async function findWallet(db: Db, options: { principal: Principal; walletId: string }): Promise<WalletRecord> {
  const row = isUuid(options.walletId)
    ? await selectWallet.maybeOne(db, { walletId: options.walletId, accountScope: tenantScope(options.principal) })
    : undefined;
  if (!row) throw new NotFoundError('Wallet', options.walletId);
  return toWalletRecord(row);
}

/** A wallet's lifecycle state as stored now. */
export interface WalletLifecycle {
  status: 'ACTIVE' | 'SUSPENDED';
  suspendedAt: Date | null;
  /** The name the owner gave it; null for wallets made before wallets had names. */
  name: string | null;
}

/**
 * The lifecycle state of each of `walletIds` (one statement; no tenant check: the caller has seen
 * the wallets). Ids with no wallet are absent from the map.
 */
export async function walletLifecyclesOf(db: Db, walletIds: readonly string[]): Promise<Map<string, WalletLifecycle>> {
  const rows = await selectWalletLifecycles.all(db, { walletIds });
  return new Map(
    rows.map((row) => [
      row.id,
      { status: row.status, suspendedAt: row.suspended_at_ms === null ? null : new Date(row.suspended_at_ms), name: row.name },
    ]),
  );
}

/**
 * The wallet as it is now with its lifecycle status, in one statement, if the principal may see it
 * (the change feed's state).
 * @throws NotFoundError as {@link findWallet}.
 */
export async function findWalletState(
  db: Db,
  options: { principal: Principal; walletId: string },
): Promise<{ wallet: WalletRecord; status: string }> {
  const row = isUuid(options.walletId)
    ? await selectWalletState.maybeOne(db, { walletId: options.walletId, accountScope: tenantScope(options.principal) })
    : undefined;
  if (!row) throw new NotFoundError('Wallet', options.walletId);
  return { wallet: toWalletRecord(row), status: row.status };
}

/** Every wallet of an account, oldest first (no tenant check: callers check the account). */
export async function listAccountWallets(db: Db, accountId: string): Promise<WalletRecord[]> {
  return (await selectAccountWallets.all(db, { accountId })).map(toWalletRecord);
}

/** A wallet transaction by id, that the caller has just posted or been shown (no tenant check). @throws an assertion when there is none. */
export async function findWalletTransaction(db: Db, transactionId: string): Promise<WalletTransactionRecord> {
  return toWalletTransactionRecord(await selectWalletTransaction.one(db, { transactionId }));
}
