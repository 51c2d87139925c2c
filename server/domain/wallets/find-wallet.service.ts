import type { EntityManager } from '@mikro-orm/postgresql';
import { pgQuery } from '../../database/pg-transaction.js';
import { NotFoundError } from '../../errors.js';
import { tenantScope, type Principal } from '../accounts/principal.js';
import { isUuid } from '../ids.js';
import { Wallet } from './wallet.entity.js';

/**
 * The wallet, if the principal may see it.
 * @throws NotFoundError when it does not exist or belongs to another tenant (indistinguishably).
 */
export async function findWallet(em: EntityManager, options: { principal: Principal; walletId: string }): Promise<Wallet> {
  const scope = tenantScope(options.principal);
  const wallet = isUuid(options.walletId)
    ? await em.findOne(Wallet, { id: options.walletId, ...(scope === null ? {} : { accountId: scope }) })
    : null;
  if (!wallet) throw new NotFoundError('Wallet', options.walletId);
  return wallet;
}

/** A wallet's lifecycle state as stored now. */
export interface WalletLifecycle {
  status: 'ACTIVE' | 'SUSPENDED';
  suspendedAt: Date | null;
}

/**
 * The lifecycle state of each of `walletIds` (one statement; no tenant check: the caller has seen
 * the wallets). Ids with no wallet are absent from the map.
 */
export async function walletLifecyclesOf(em: EntityManager, walletIds: readonly string[]): Promise<Map<string, WalletLifecycle>> {
  const rows = await pgQuery<{ id: string; status: WalletLifecycle['status']; suspended_at_ms: number | null }>(
    em,
    'select id, status, (extract(epoch from suspended_at) * 1000)::float8 as suspended_at_ms from wallet where id = any($1::uuid[])',
    [walletIds],
  );
  return new Map(rows.map((row) => [row.id, { status: row.status, suspendedAt: row.suspended_at_ms === null ? null : new Date(row.suspended_at_ms) }]));
}

/** Every wallet of an account, oldest first (no tenant check: callers check the account). */
export async function listAccountWallets(em: EntityManager, accountId: string): Promise<Wallet[]> {
  return em.find(Wallet, { accountId }, { orderBy: { createdAt: 'asc', id: 'asc' } });
}
