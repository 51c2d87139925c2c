import type { EntityManager } from '@mikro-orm/postgresql';
import { InvalidStateError } from '../../errors.js';
import type { ServiceDeps } from '../service-deps.js';
import { findPostedTransactionId, postPurchaseRefund, purchaseKey } from './number-postings.js';
import { deleteClaim, selectAbandonedClaims, selectUnpostedRefunds, setMissingRefundTransaction } from './numbers.queries.js';
import { iso, toPhoneNumberRecord } from './phone-number-record.js';
import { settleClaim } from './purchase-number.service.js';

/**
 * How long a purchase or a refund may stay between its row change and its posting before it is
 * taken for abandoned (its process crashed), in milliseconds. Far above a posting's duration.
 */
export const NUMBER_OPERATION_ABANDONED_AFTER_MS = 60_000;

/** Most half-done operations one recovery pass finishes. */
export const NUMBER_RECOVERIES_PER_PASS_MAX = 100;

/** Recorded as the actor of recovery postings. */
const RECOVERY_ACTOR = 'recovery';

/** What one {@link recoverNumberOperations} pass did. */
export interface RecoverNumberOperationsResult {
  /** Claims whose debit had been posted: recorded, the number is the buyer's. */
  purchasesCompleted: number;
  /** Claims whose debit was never posted: deleted, the number is free again. */
  purchasesAbandoned: number;
  /** Claims released meanwhile (account closed) whose debit had been posted: credited back. */
  purchasesRefunded: number;
  /** REFUNDED numbers whose credit had not been posted: posted now. */
  refundsCompleted: number;
}

/**
 * Finishes what a crash interrupted (idempotent, safe to run in several processes at once):
 * - a purchase claim older than {@link NUMBER_OPERATION_ABANDONED_AFTER_MS} (database time):
 *   completed when its debit was posted (credited back if the number was released meanwhile),
 *   deleted when it was not. A purchaser still running after that long finds its claim gone and
 *   credits its debit back itself.
 * - a number REFUNDED more than that long before `nowMs` without its REFUND credit: posted.
 */
export async function recoverNumberOperations(em: EntityManager, deps: ServiceDeps, nowMs: number): Promise<RecoverNumberOperationsResult> {
  const result: RecoverNumberOperationsResult = { purchasesCompleted: 0, purchasesAbandoned: 0, purchasesRefunded: 0, refundsCompleted: 0 };
  const claims = await selectAbandonedClaims.all(em, {
    abandonedAfterMs: NUMBER_OPERATION_ABANDONED_AFTER_MS,
    limit: NUMBER_RECOVERIES_PER_PASS_MAX,
  });
  for (const row of claims) {
    const claim = toPhoneNumberRecord(row);
    const transactionId = await findPostedTransactionId(em, claim.accountId, purchaseKey(claim.id));
    if (transactionId === null) {
      if ((await deleteClaim.run(em, { id: claim.id })) > 0) result.purchasesAbandoned += 1;
      continue;
    }
    try {
      await settleClaim(em, deps, claim, transactionId, RECOVERY_ACTOR);
      result.purchasesCompleted += 1;
    } catch (error) {
      if (!(error instanceof InvalidStateError)) throw error;
      result.purchasesRefunded += 1;
    }
  }

  const refunds = await selectUnpostedRefunds.all(em, {
    releasedBefore: iso(nowMs - NUMBER_OPERATION_ABANDONED_AFTER_MS),
    limit: NUMBER_RECOVERIES_PER_PASS_MAX,
  });
  for (const row of refunds) {
    const number = toPhoneNumberRecord(row);
    const refund = await postPurchaseRefund(em, deps, number, RECOVERY_ACTOR);
    await setMissingRefundTransaction.run(em, { id: number.id, refundTransactionId: refund.transaction.id });
    result.refundsCompleted += 1;
  }
  if (result.purchasesCompleted + result.purchasesRefunded + result.refundsCompleted > 0) deps.committed();
  return result;
}
