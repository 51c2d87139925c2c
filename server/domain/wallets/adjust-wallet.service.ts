import type { EntityManager } from '@mikro-orm/postgresql';
import { AuditAction } from '../audit/audit-action.js';
import type { Config } from '../../config.js';
import type { ServiceDeps } from '../service-deps.js';
import { requireRole, type Principal } from '../accounts/principal.js';
import { Role } from '../accounts/role.js';
import { payOwedRenewalsAfterFunding } from '../numbers/pay-owed-renewals.service.js';
import { auditPosting, postWalletTransactionWith, type PostedWalletTransaction } from './post-wallet-transaction.js';
import { PlatformAccountCode, TransactionKind } from './transaction-enums.js';
import { validateAmount, validateIdempotencyKey, validateText } from './validate-input.js';

/** Roles that may adjust any wallet's balance. */
export const ADJUST_ROLES = [Role.SUPPORT, Role.PLATFORM_ADMIN] as const;

/** Options of {@link adjustWallet}. */
export interface AdjustWalletOptions {
  principal: Principal;
  walletId: string;
  /** Signed amount in micros: positive credits, negative debits. */
  amountMicros: bigint;
  /** Why, recorded as the transaction's description; required. */
  reason: string;
  idempotencyKey?: string | null;
  limits: Pick<Config, 'operationAmountMicrosMax' | 'walletBalanceMicrosMax' | 'descriptionLengthMax' | 'idempotencyKeyLengthMax'>;
}

/**
 * Platform staff's correction of a wallet, against the ADJUSTMENTS platform account. A debit
 * adjustment can no more overdraw a wallet than a charge can.
 * @throws ForbiddenError for tenant roles. @throws NotFoundError, BadUserInputError,
 * InsufficientFundsError, IdempotencyKeyReusedError. Signals `deps.committed()` after a new posting; a
 * new credit then pays the wallet's owed renewals ({@link payOwedRenewalsAfterFunding}) before it returns.
 */
export async function adjustWallet(em: EntityManager, deps: ServiceDeps, options: AdjustWalletOptions): Promise<PostedWalletTransaction> {
  const { principal, limits } = options;
  requireRole(principal, ADJUST_ROLES, 'adjust a wallet');
  validateAmount('amount', options.amountMicros, limits.operationAmountMicrosMax, true);
  const reason = validateText('reason', options.reason, limits.descriptionLengthMax);
  const posted = await postWalletTransactionWith(
    em,
    deps.postings,
    {
      walletId: options.walletId,
      accountScope: null,
      deltaMicros: options.amountMicros,
      kind: TransactionKind.ADJUSTMENT,
      counterparty: PlatformAccountCode.ADJUSTMENTS,
      description: reason,
      campaignId: null,
      actor: principal.actor,
      idempotencyKey: validateIdempotencyKey(options.idempotencyKey, limits.idempotencyKeyLengthMax),
      operation: 'adjustWallet',
      walletBalanceMicrosMax: limits.walletBalanceMicrosMax,
    },
    auditPosting({ principal, action: AuditAction.WALLET_ADJUSTED, amountMicros: options.amountMicros, reason }),
  );
  // Subscribers learn of the new transaction now; a replay wrote nothing new.
  if (!posted.replayed) deps.committed();
  // A credit pays the wallet's owed renewals first (a replay's credit already did, or the lifecycle will).
  if (!posted.replayed && options.amountMicros > 0n) await payOwedRenewalsAfterFunding(em, deps, posted.wallet.id);
  return posted;
}
