import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../../config.js';
import { transaction } from '../../database/sql.js';
import { BadUserInputError, InvalidStateError, LimitExceededError, NotFoundError } from '../../errors.js';
import { requireRole, tenantScope, type Principal } from '../accounts/principal.js';
import { AuditAction } from '../audit/audit-action.js';
import { recordAudit } from '../audit/record-audit.js';
import { Role } from '../accounts/role.js';
import { isUuid } from '../ids.js';
import { insertNamedWallet, lockAccountForWallets, selectWalletNames } from './create-wallet.queries.js';
import { isSupportedCurrency, SUPPORTED_CURRENCIES } from './money.js';
import { validateText } from './validate-input.js';
import { toWalletRecord, type WalletRecord } from './wallet-record.js';

/** Who may open wallets: the account's owner, and the operator for any account. */
export const CREATE_WALLET_ROLES = [Role.OWNER, Role.PLATFORM_ADMIN] as const;

/** Options of {@link createWallet}. */
export interface CreateWalletOptions {
  principal: Principal;
  accountId: string;
  /** ISO 4217, one of the supported currencies (as for accounts). Several wallets may share one. */
  currency: string;
  /** What the wallet picker shows; unique in the account (ignoring case), 1 to `walletNameLengthMax` characters. */
  name: string;
  nowMs: number;
}

/**
 * Opens a further empty wallet in an account, under the account's row lock so that the count
 * (`walletsPerAccountMax`) and the unique name hold with concurrent calls; the audit log records it in the same transaction.
 * @throws ForbiddenError (not OWNER or PLATFORM_ADMIN), NotFoundError (no such account, or another tenant's),
 * BadUserInputError (`currency`, `name`), InvalidStateError (name taken: `field: name`; closed account),
 * LimitExceededError (`walletsPerAccountMax`).
 */
export async function createWallet(
  em: EntityManager,
  config: Pick<Config, 'walletsPerAccountMax' | 'walletNameLengthMax'>,
  options: CreateWalletOptions,
): Promise<WalletRecord> {
  requireRole(options.principal, CREATE_WALLET_ROLES, 'create wallets');
  const scope = tenantScope(options.principal);
  if (!isUuid(options.accountId) || (scope !== null && scope !== options.accountId.toLowerCase()))
    throw new NotFoundError('Account', options.accountId);
  const accountId = options.accountId.toLowerCase();
  const currency = String(options.currency ?? '')
    .trim()
    .toUpperCase();
  if (!isSupportedCurrency(currency)) throw new BadUserInputError('currency', `currency must be one of ${SUPPORTED_CURRENCIES.join(', ')}`);
  const name = validateText('name', String(options.name ?? ''), config.walletNameLengthMax);
  return transaction(em, async (tx) => {
    const account = await lockAccountForWallets.maybeOne(tx, { accountId });
    if (!account) throw new NotFoundError('Account', options.accountId);
    if (account.status === 'CLOSED') throw new InvalidStateError('The account is closed: it cannot open wallets');
    const names = (await selectWalletNames.all(tx, { accountId })).map((row) => row.name);
    if (names.length >= config.walletsPerAccountMax) {
      throw new LimitExceededError(
        `The account already has ${names.length} wallets, the most allowed`,
        'walletsPerAccountMax',
        config.walletsPerAccountMax,
      );
    }
    if (names.includes(name.toLowerCase()))
      throw new InvalidStateError(`The account already has a wallet named "${name}"`, { field: 'name' });
    const wallet = toWalletRecord(await insertNamedWallet.one(tx, { id: randomUUID(), accountId, currency, name, nowMs: options.nowMs }));
    await recordAudit(tx, {
      principal: options.principal,
      accountId,
      action: AuditAction.WALLET_CREATED,
      targetType: 'WALLET',
      targetId: wallet.id,
      after: { name, currency },
    });
    return wallet;
  });
}
