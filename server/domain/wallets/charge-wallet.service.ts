import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../../config.js';
import type { ServiceDeps } from '../service-deps.js';
import { requireRole, tenantScope, type Principal } from '../accounts/principal.js';
import { Role } from '../accounts/role.js';
import { postWalletTransaction, type PostedWalletTransaction, type PostWalletTransactionOptions } from './post-wallet-transaction.js';
import { PlatformAccountCode, TransactionKind } from './transaction-enums.js';
import { validateAmount, validateCampaignId, validateIdempotencyKey, validateText } from './validate-input.js';

/** Roles that may charge a wallet of their own account (PLATFORM_ADMIN: any wallet). */
export const CHARGE_ROLES = [Role.OWNER, Role.CAMPAIGN_MANAGER, Role.INTEGRATOR, Role.PLATFORM_ADMIN] as const;

/** Options of {@link chargeWallet}. */
export interface ChargeWalletOptions {
  principal: Principal;
  walletId: string;
  /** Positive amount to debit, in micros. */
  amountMicros: bigint;
  /** What the charge is for. @default 'Charge' */
  description?: string | null;
  idempotencyKey?: string | null;
  campaignId?: string | null;
  limits: Pick<Config, 'operationAmountMicrosMax' | 'walletBalanceMicrosMax' | 'descriptionLengthMax' | 'idempotencyKeyLengthMax'>;
}

/** The fields of one charge, as a caller gives them (a `charge` call, or one usage event of `recordUsage`). */
export type ChargeFields = Pick<ChargeWalletOptions, 'walletId' | 'amountMicros' | 'description' | 'idempotencyKey' | 'campaignId'>;

/**
 * The posting of one charge, validated (the caller checked the role): a CHARGE debit crediting
 * platform revenue, under the idempotency operation `charge`. `caller` gives who charges and the
 * limits (apart from the charge's fields, so that a batch of events passes the same one to each and
 * copies nothing per event). `atMs` is the services' clock (null: the database's).
 * @throws BadUserInputError for an amount, description, key or campaign id out of its limits.
 */
export function chargePosting(
  options: ChargeFields,
  caller: Pick<ChargeWalletOptions, 'principal' | 'limits'>,
  atMs: number | null,
): PostWalletTransactionOptions {
  const { principal, limits } = caller;
  validateAmount('amount', options.amountMicros, limits.operationAmountMicrosMax, false);
  const description =
    options.description === null || options.description === undefined
      ? 'Charge'
      : validateText('description', options.description, limits.descriptionLengthMax);
  return {
    walletId: options.walletId,
    accountScope: tenantScope(principal),
    deltaMicros: -options.amountMicros,
    kind: TransactionKind.CHARGE,
    counterparty: PlatformAccountCode.REVENUE,
    description,
    campaignId: validateCampaignId(options.campaignId),
    actor: principal.actor,
    idempotencyKey: validateIdempotencyKey(options.idempotencyKey, limits.idempotencyKeyLengthMax),
    operation: 'charge',
    walletBalanceMicrosMax: limits.walletBalanceMicrosMax,
    atMs,
  };
}

/**
 * Debits a wallet for usage, crediting platform revenue: refused whole (nothing written) when the
 * available balance does not cover it.
 * @throws ForbiddenError for SUPPORT. @throws NotFoundError for an unknown or foreign wallet.
 * @throws BadUserInputError, InsufficientFundsError, IdempotencyKeyReusedError.
 * @throws SpendCapReachedError when a daily or monthly spend cap of the account or wallet does not allow it.
 * Signals `deps.committed()` after a new posting. `em` may be a function returning the request's
 * EntityManager, asked for only when a refusal or a replay reads the database (see postWalletTransaction).
 */
export async function chargeWallet(
  em: EntityManager | (() => EntityManager),
  deps: Pick<ServiceDeps, 'committed' | 'postings'> & Partial<Pick<ServiceDeps, 'clock'>>,
  options: ChargeWalletOptions,
): Promise<PostedWalletTransaction> {
  requireRole(options.principal, CHARGE_ROLES, 'charge a wallet');
  const posted = await postWalletTransaction(em, deps.postings, chargePosting(options, options, deps.clock?.now() ?? null));
  // Subscribers learn of the new transaction now; a replay wrote nothing new.
  if (!posted.replayed) deps.committed();
  return posted;
}
