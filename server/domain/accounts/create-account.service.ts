import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { transaction } from '../../database/sql.js';
import type { Config } from '../../config.js';
import { BadUserInputError } from '../../errors.js';
import { isSupportedCurrency, SUPPORTED_CURRENCIES } from '../wallets/money.js';
import { toWalletRecord, type WalletRecord } from '../wallets/wallet-record.js';
import { validateText } from '../wallets/validate-input.js';
import { insertWallet } from '../wallets/wallets.queries.js';
import { toAccountRecord, toApiKeyRecord, type AccountRecord, type ApiKeyRecord } from './account-record.js';
import { insertAccount, insertApiKey } from './accounts.queries.js';
import { API_KEY_DISPLAY_PREFIX_LENGTH, generateApiKeySecret, hashApiKeySecret } from './api-key-secret.js';
import { requireRole, type Principal } from './principal.js';
import { AuditAction } from '../audit/audit-action.js';
import { recordAudit } from '../audit/record-audit.js';
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
  account: AccountRecord;
  wallet: WalletRecord;
  ownerKey: ApiKeyRecord;
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
  return transaction(em, async (tx) => {
    const createdAt = new Date();
    // Parent first: the wallet and the key reference the account.
    const account = toAccountRecord(await insertAccount.one(tx, { id: randomUUID(), name, createdAt }));
    const wallet = toWalletRecord(await insertWallet.one(tx, { id: randomUUID(), accountId: account.id, currency, createdAt }));
    const ownerKeySecret = generateApiKeySecret();
    const ownerKey = toApiKeyRecord(
      await insertApiKey.one(tx, {
        id: randomUUID(),
        accountId: account.id,
        role: Role.OWNER,
        name: 'Owner key',
        keyHash: hashApiKeySecret(ownerKeySecret),
        keyPrefix: ownerKeySecret.slice(0, API_KEY_DISPLAY_PREFIX_LENGTH),
        createdAt,
      }),
    );
    await recordAudit(tx, {
      principal: options.principal,
      accountId: account.id,
      action: AuditAction.ACCOUNT_CREATED,
      targetType: 'ACCOUNT',
      targetId: account.id,
      after: { name, currency, walletId: wallet.id, ownerKeyId: ownerKey.id },
    });
    return { account, wallet, ownerKey, ownerKeySecret };
  });
}
