import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../../config.js';
import { BadUserInputError } from '../../errors.js';
import { isSupportedCurrency, SUPPORTED_CURRENCIES } from '../wallets/money.js';
import { Wallet } from '../wallets/wallet.entity.js';
import { validateText } from '../wallets/validate-input.js';
import { Account } from './account.entity.js';
import { ApiKey } from './api-key.entity.js';
import { API_KEY_DISPLAY_PREFIX_LENGTH, generateApiKeySecret, hashApiKeySecret } from './api-key-secret.js';
import { requireRole, type Principal } from './principal.js';
import { Role } from './role.js';

/** Options of {@link createAccount}. */
export interface CreateAccountOptions {
  principal: Principal;
  name: string;
  /** ISO 4217 code of the account's first wallet. @default 'USD' */
  currency?: string | null;
  limits: Pick<Config, 'nameLengthMax'>;
}

/** The new tenant, its empty wallet, and its first OWNER key (secret shown once). */
export interface CreatedAccount {
  account: Account;
  wallet: Wallet;
  ownerKey: ApiKey;
  ownerKeySecret: string;
}

/**
 * Opens a tenant with one empty wallet and an OWNER key, in one database transaction.
 * @throws ForbiddenError unless PLATFORM_ADMIN. @throws BadUserInputError (`name`, `currency`).
 */
export async function createAccount(em: EntityManager, options: CreateAccountOptions): Promise<CreatedAccount> {
  requireRole(options.principal, [Role.PLATFORM_ADMIN], 'create accounts');
  const name = validateText('name', options.name, options.limits.nameLengthMax);
  const currency = options.currency ?? 'USD';
  if (!isSupportedCurrency(currency)) {
    throw new BadUserInputError('currency', `currency must be one of ${SUPPORTED_CURRENCIES.join(', ')}`);
  }
  return em.transactional(async (tem) => {
    const now = new Date();
    const account = tem.create(Account, { id: randomUUID(), name, createdAt: now });
    // Entities reference each other by plain ids, not ORM relations, so MikroORM cannot order the
    // inserts by foreign key: write the parent first.
    await tem.flush();
    const wallet = tem.create(Wallet, {
      id: randomUUID(),
      accountId: account.id,
      currency,
      balanceMicros: 0n,
      reservedMicros: 0n,
      lastSequence: 0n,
      createdAt: now,
      updatedAt: now,
    });
    const ownerKeySecret = generateApiKeySecret();
    const ownerKey = tem.create(ApiKey, {
      id: randomUUID(),
      accountId: account.id,
      role: Role.OWNER,
      name: 'Owner key',
      keyHash: hashApiKeySecret(ownerKeySecret),
      keyPrefix: ownerKeySecret.slice(0, API_KEY_DISPLAY_PREFIX_LENGTH),
      createdAt: now,
      revokedAt: null,
    });
    await tem.flush();
    return { account, wallet, ownerKey, ownerKeySecret };
  });
}
