import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { transaction } from '../../database/sql.js';
import {
  BadUserInputError,
  DomainError,
  IdempotencyKeyReusedError,
  InvalidStateError,
  NotFoundError,
  OperationInProgressError,
  WalletSuspendedError,
} from '../../errors.js';
import { requireRole, tenantScope, type Principal } from '../accounts/principal.js';
import { Role } from '../accounts/role.js';
import { isUuid } from '../ids.js';
import { findRatePlan, type RateRecord } from '../rating/rate-plan.service.js';
import { findRate, isE164 } from '../rating/rating.js';
import type { ServiceDeps } from '../service-deps.js';
import { validateIdempotencyKey } from '../wallets/validate-input.js';
import { operationTimeLeftMs } from '../../database/operation-budget.js';
import { findPostedTransactionId, postPurchase, postPurchaseRefund, purchaseKey } from './number-postings.js';
import {
  deleteClaim,
  insertClaim,
  recordClaimRefund,
  selectNumberByKey,
  selectPurchaseWallet,
  settleClaim as settleClaimRow,
  keyShareLockWallet,
  shareLockAccount,
} from './numbers.queries.js';
import { iso, PhoneNumberStatus, purchaseTotalMicros, toPhoneNumberRecord, type PhoneNumberRecord } from './phone-number-record.js';
import { anchorDayOf, renewalAtMs } from './renewal-date.js';
import { requireVerifiedAccount } from '../users/require-verified-email.js';

/** Roles that buy numbers: the owner, an integrator's platform, and the operator. */
export const NUMBER_PURCHASE_ROLES = [Role.OWNER, Role.INTEGRATOR, Role.PLATFORM_ADMIN] as const;

/**
 * Longest a purchase waits for another request's purchase under the same idempotency key to
 * complete (the other request is between its claim and its debit), in milliseconds of real time.
 */
const KEYED_PURCHASE_WAIT_MS_MAX = 5_000;
/**
 * How long before the request's own deadline a purchase stops waiting for an earlier one under its
 * key and answers OPERATION_IN_PROGRESS itself, in milliseconds (that answer names the cause; the
 * deadline's OPERATION_TIMEOUT would not).
 */
const KEYED_PURCHASE_DEADLINE_MARGIN_MS = 500;
/** Pause between two looks at a purchase in flight, in milliseconds. */
const KEYED_PURCHASE_POLL_MS = 20;
/** Most claims one purchase inserts (a same-key purchase in flight may fail and free its key). */
const CLAIM_ATTEMPTS_MAX = 3;

/** Options of {@link purchaseNumber}. */
export interface PurchaseNumberOptions {
  principal: Principal;
  walletId: string;
  ratePlanId: string;
  /** E.164, e.g. "+447700900123". */
  number: string;
  idempotencyKey?: string | null;
}

/**
 * Buys a number for a wallet's account: ONE NUMBER debit of the one-time price plus the first
 * month (prices of the longest prefix of the rate plan that sells numbers), renewed monthly on the
 * purchase's day of the month by {@link renewNumbers}. The same idempotency key returns the same
 * number (as it is now).
 *
 * How the number and the money stay together without a transaction spanning both (the ledger
 * statement runs in autocommit on its own connection):
 * 1. Claim: insert the row, ACTIVE, without its transaction. The partial unique index on held
 *    numbers lets exactly one of any number of concurrent buyers in; the others are refused at
 *    once, before any money moves. A claim is invisible to every reader and operation.
 * 2. Debit, under the key `spendwire:number:<id>:purchase`. Refused (INSUFFICIENT_FUNDS): the
 *    claim is deleted, so nothing at all remains.
 * 3. Complete: record the debit on the row. Should the claim have vanished meanwhile (the
 *    account was closed, or the recovery gave it up as abandoned), the debit is credited back at
 *    once under `…:refund`.
 * A crash between the steps leaves a claim that {@link recoverNumberOperations} completes (debit
 * posted) or deletes (not posted). Money is never taken without a number, nor twice.
 *
 * @throws ForbiddenError unless OWNER, INTEGRATOR or PLATFORM_ADMIN.
 * @throws NotFoundError for a wallet or rate plan the caller cannot see.
 * @throws BadUserInputError (`number`: not E.164, not sold under any prefix of the plan, or held
 * by someone (ACTIVE or GRACE); `ratePlanId`: another currency than the wallet's; `idempotencyKey`).
 * @throws WalletSuspendedError when the wallet is SUSPENDED and has nothing available.
 * @throws InsufficientFundsError when the wallet cannot pay purchase + first month; nothing is written.
 * @throws InvalidStateError when the account is closed.
 * @throws OperationInProgressError (retryable, HTTP 503) when a purchase under the same key is still in
 * flight or its outcome is not known yet (see {@link awaitPurchaseByKey}); a retry gets the outcome.
 * @throws IdempotencyKeyReusedError when the key bought another number (or on another wallet or plan).
 */
export async function purchaseNumber(em: EntityManager, deps: ServiceDeps, options: PurchaseNumberOptions): Promise<PhoneNumberRecord> {
  const { principal } = options;
  requireRole(principal, NUMBER_PURCHASE_ROLES, 'buy a number');
  const idempotencyKey = validateIdempotencyKey(options.idempotencyKey, deps.config.idempotencyKeyLengthMax);
  if (!isE164(options.number)) throw new BadUserInputError('number', 'number must be an E.164 number such as "+447700900123"');
  const wallet = await findPurchaseWallet(em, principal, options.walletId);
  await requireVerifiedAccount(em, wallet.accountId);
  if (idempotencyKey !== null) {
    const earlier = await awaitPurchaseByKey(em, deps, wallet.accountId, idempotencyKey, principal.actor);
    if (earlier) return replayPurchase(earlier, wallet.id, options, idempotencyKey);
  }
  const plan = await findRatePlan(em, options.ratePlanId);
  if (plan.currency !== wallet.currency) {
    throw new BadUserInputError('ratePlanId', `The rate plan is in ${plan.currency}, the wallet in ${wallet.currency}`);
  }
  const rate = findRate(plan.rates.filter(sellsNumbers), options.number);
  if (!rate) throw new BadUserInputError('number', `Numbers are not sold under ${options.number} in rate plan "${plan.name}"`);
  if (wallet.accountStatus !== 'ACTIVE') throw new InvalidStateError(`Account "${wallet.accountId}" is closed`);
  // A suspended wallet that has been funded again may buy; the lifecycle job reactivates it soon.
  if (wallet.status === 'SUSPENDED' && wallet.availableMicros <= 0n) throw new WalletSuspendedError(wallet.id);

  const purchasedAtMs = deps.clock.now();
  const draft: ClaimDraft = {
    accountId: wallet.accountId,
    walletId: wallet.id,
    ratePlanId: plan.id,
    number: options.number,
    purchaseMicros: rate.numberPurchaseMicros!,
    monthlyMicros: rate.numberMonthlyMicros!,
    purchasedAtMs,
    idempotencyKey,
  };
  for (let attempt = 1; ; attempt += 1) {
    const claim = await claimNumber(em, draft);
    if (claim) return completePurchase(em, deps, claim, principal.actor);
    if (idempotencyKey !== null) {
      // The conflict may be this key's own purchase in flight rather than the number.
      const earlier = await awaitPurchaseByKey(em, deps, wallet.accountId, idempotencyKey, principal.actor);
      if (earlier) return replayPurchase(earlier, wallet.id, options, idempotencyKey);
      if (attempt < CLAIM_ATTEMPTS_MAX) continue;
    }
    throw new BadUserInputError('number', `${options.number} is not available: it is held by an account`);
  }
}

function sellsNumbers(rate: RateRecord): boolean {
  return rate.numberPurchaseMicros !== null && rate.numberMonthlyMicros !== null;
}

interface PurchaseWallet {
  id: string;
  accountId: string;
  currency: string;
  status: 'ACTIVE' | 'SUSPENDED';
  availableMicros: bigint;
  accountStatus: 'ACTIVE' | 'CLOSED';
}

/** @throws NotFoundError for an unknown wallet or one of another tenant. */
async function findPurchaseWallet(em: EntityManager, principal: Principal, walletId: string): Promise<PurchaseWallet> {
  if (!isUuid(walletId)) throw new NotFoundError('Wallet', walletId);
  const row = await selectPurchaseWallet.maybeOne(em, { walletId, scope: tenantScope(principal) });
  if (!row) throw new NotFoundError('Wallet', walletId);
  return {
    id: row.id,
    accountId: row.account_id,
    currency: row.currency.trim(),
    status: row.status,
    availableMicros: BigInt(row.available_micros),
    accountStatus: row.account_status,
  };
}

interface ClaimDraft {
  accountId: string;
  walletId: string;
  ratePlanId: string;
  number: string;
  purchaseMicros: bigint;
  monthlyMicros: bigint;
  purchasedAtMs: number;
  idempotencyKey: string | null;
}

/**
 * Step 1: inserts the number's row, or returns null when the number is held (or the key taken).
 * The wallet is key-share locked, then the account row share-locked for the insert so that a closure (which updates the account,
 * then releases its numbers) either sees this claim or is seen by it.
 * @throws InvalidStateError when the account has been closed.
 */
async function claimNumber(em: EntityManager, draft: ClaimDraft): Promise<PhoneNumberRecord | null> {
  return transaction(em, async (tx) => {
    // Wallet before account, as everywhere (see keyShareLockWallet).
    await keyShareLockWallet.maybeOne(tx, { walletId: draft.walletId });
    const account = await shareLockAccount.maybeOne(tx, { accountId: draft.accountId });
    if (account?.status !== 'ACTIVE') throw new InvalidStateError(`Account "${draft.accountId}" is closed`);
    const row = await insertClaim.maybeOne(tx, {
      id: randomUUID(),
      accountId: draft.accountId,
      walletId: draft.walletId,
      ratePlanId: draft.ratePlanId,
      number: draft.number,
      status: PhoneNumberStatus.ACTIVE,
      purchaseMicros: draft.purchaseMicros,
      monthlyMicros: draft.monthlyMicros,
      purchasedAt: iso(draft.purchasedAtMs),
      anchorDay: anchorDayOf(draft.purchasedAtMs),
      renewsAt: iso(renewalAtMs(draft.purchasedAtMs, 1)),
      idempotencyKey: draft.idempotencyKey,
    });
    return row ? toPhoneNumberRecord(row) : null;
  });
}

/** Steps 2 and 3 for a fresh claim. */
async function completePurchase(em: EntityManager, deps: ServiceDeps, claim: PhoneNumberRecord, actor: string): Promise<PhoneNumberRecord> {
  if (purchaseTotalMicros(claim) === 0n) return claim;
  let transactionId: string;
  try {
    transactionId = (await postPurchase(em, deps, claim, actor)).transaction.id;
  } catch (error) {
    // A refusal wrote nothing: drop the claim so nothing remains. Any other failure (the database
    // went away) may have posted after all; the claim stays for the recovery to decide.
    if (error instanceof DomainError) await deleteClaim.run(em, { id: claim.id });
    throw error;
  }
  deps.committed();
  return settleClaim(em, deps, claim, transactionId, actor);
}

/**
 * Step 3: records the posted purchase debit on its claim and returns the number; when the claim
 * was released or deleted meanwhile, credits the debit back and throws. Idempotent.
 * @throws InvalidStateError after giving the money back.
 */
export async function settleClaim(
  em: EntityManager,
  deps: ServiceDeps,
  claim: PhoneNumberRecord,
  transactionId: string,
  actor: string,
): Promise<PhoneNumberRecord> {
  const row = await settleClaimRow.maybeOne(em, { id: claim.id, transactionId });
  if (row) return toPhoneNumberRecord(row);
  const refund = await postPurchaseRefund(em, deps, claim, actor);
  // A claim released with its account keeps both postings on record; a deleted one has no row.
  await recordClaimRefund.run(em, { id: claim.id, transactionId, refundTransactionId: refund.transaction.id });
  deps.committed();
  throw new InvalidStateError(`${claim.number} was released before its purchase completed; the charge was refunded`);
}

/**
 * The number bought under this key, once its purchase has completed; null when there is none.
 * Waits (bounded) while the purchase is in flight: another request is between claim and debit.
 * A claim whose debit is already posted belongs to a request cut short after posting (its deadline
 * answered, its connection lost): its debit is recorded now, as the recovery would a minute later,
 * and the number returned.
 * @throws OperationInProgressError (retryable) when it is still in flight after
 * {@link KEYED_PURCHASE_WAIT_MS_MAX} or shortly before this request's own deadline, whichever comes
 * first: nothing was written, and a retry with the same key gets the outcome once it is known.
 * @throws InvalidStateError when the claim was released before its debit was recorded (the debit is credited back).
 */
async function awaitPurchaseByKey(
  em: EntityManager,
  deps: ServiceDeps,
  accountId: string,
  key: string,
  actor: string,
): Promise<PhoneNumberRecord | null> {
  // Real time, not the injectable clock: this waits for another request, not for a business date.
  const deadline = Date.now() + Math.min(KEYED_PURCHASE_WAIT_MS_MAX, operationTimeLeftMs() - KEYED_PURCHASE_DEADLINE_MARGIN_MS);
  for (let look = 1; ; look += 1) {
    const row = await selectNumberByKey.maybeOne(em, { accountId, key });
    if (!row) return null;
    const number = toPhoneNumberRecord(row);
    if (number.transactionId !== null || purchaseTotalMicros(number) === 0n) return number;
    const last = Date.now() >= deadline;
    // At the first look and the last: in between, a request still running settles its own claim.
    if (look === 1 || last) {
      const transactionId = await findPostedTransactionId(em, number.accountId, purchaseKey(number.id));
      if (transactionId !== null) return settleClaim(em, deps, number, transactionId, actor);
    }
    if (last) {
      throw new OperationInProgressError(
        `A purchase with idempotency key "${key}" is still in progress or its outcome is not known yet: retry with the same key shortly`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, KEYED_PURCHASE_POLL_MS));
  }
}

function replayPurchase(earlier: PhoneNumberRecord, walletId: string, options: PurchaseNumberOptions, key: string): PhoneNumberRecord {
  if (earlier.number !== options.number || earlier.walletId !== walletId || earlier.ratePlanId !== options.ratePlanId.toLowerCase()) {
    throw new IdempotencyKeyReusedError(key);
  }
  return earlier;
}
