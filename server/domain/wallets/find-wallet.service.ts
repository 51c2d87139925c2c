import type { EntityManager } from '@mikro-orm/postgresql';
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

/** Every wallet of an account, oldest first (no tenant check: callers check the account). */
export async function listAccountWallets(em: EntityManager, accountId: string): Promise<Wallet[]> {
  return em.find(Wallet, { accountId }, { orderBy: { createdAt: 'asc', id: 'asc' } });
}
