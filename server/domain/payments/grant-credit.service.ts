import type { EntityManager } from '@mikro-orm/postgresql';
import { AuditAction } from '../audit/audit-action.js';
import { requireRole, type Principal } from '../accounts/principal.js';
import { Role } from '../accounts/role.js';
import { payOwedRenewalsAfterFunding } from '../numbers/pay-owed-renewals.service.js';
import type { ServiceDeps } from '../service-deps.js';
import { auditPosting, postWalletTransactionWith, type PostedWalletTransaction } from '../wallets/post-wallet-transaction.js';
import { PlatformAccountCode, TransactionKind } from '../wallets/transaction-enums.js';
import { validateAmount, validateIdempotencyKey, validateText } from '../wallets/validate-input.js';

/** Roles that may give promotional or trial credit. */
export const GRANT_ROLES = [Role.SUPPORT, Role.PLATFORM_ADMIN] as const;

/** Options of {@link grantCredit}. */
export interface GrantCreditOptions {
  principal: Principal;
  walletId: string;
  amountMicros: bigint;
  reason: string;
  idempotencyKey: string | null;
}

/**
 * Trial or promotional credit: a GRANT from the PROMOTIONAL_CREDIT account, kept apart from paid
 * credit. It is spent before paid credit and is never refunded. Signals `committed` when it
 * posted (not for a replay), then pays the wallet's owed renewals ({@link payOwedRenewalsAfterFunding}).
 */
export async function grantCredit(em: EntityManager, deps: ServiceDeps, options: GrantCreditOptions): Promise<PostedWalletTransaction> {
  const { principal } = options;
  const { config } = deps;
  requireRole(principal, GRANT_ROLES, 'grant credit');
  validateAmount('amount', options.amountMicros, config.operationAmountMicrosMax, false);
  const reason = validateText('reason', options.reason, config.descriptionLengthMax);
  const posted = await postWalletTransactionWith(
    em,
    deps.postings,
    {
      walletId: options.walletId,
      accountScope: null,
      deltaMicros: options.amountMicros,
      kind: TransactionKind.GRANT,
      counterparty: PlatformAccountCode.PROMOTIONAL_CREDIT,
      description: `Promotional credit: ${reason}`,
      campaignId: null,
      actor: principal.actor,
      idempotencyKey: validateIdempotencyKey(options.idempotencyKey, config.idempotencyKeyLengthMax),
      operation: 'grantCredit',
      walletBalanceMicrosMax: config.walletBalanceMicrosMax,
    },
    auditPosting({ principal, action: AuditAction.CREDIT_GRANTED, amountMicros: options.amountMicros, reason }),
  );
  if (!posted.replayed) {
    deps.committed();
    // Funding pays the wallet's owed renewals first, before the grant returns.
    await payOwedRenewalsAfterFunding(em, deps, posted.wallet.id);
  }
  return posted;
}
