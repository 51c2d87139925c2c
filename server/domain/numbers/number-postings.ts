/**
 * The ledger postings of phone numbers, each under an idempotency key derived from the number (and
 * the month), so a posting retried after a crash or raced by a second process replays the first
 * one instead of moving money twice.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { ServiceDeps } from '../service-deps.js';
import { postWalletTransaction, type PostedWalletTransaction } from '../wallets/post-wallet-transaction.js';
import { PlatformAccountCode, TransactionKind } from '../wallets/transaction-enums.js';
import { INTERNAL_IDEMPOTENCY_KEY_PREFIX } from '../wallets/validate-input.js';
import { selectPostedTransactionId } from './numbers.queries.js';
import { purchaseTotalMicros, type PhoneNumberRecord } from './phone-number-record.js';

type NumberRef = Pick<PhoneNumberRecord, 'id' | 'accountId' | 'walletId' | 'number' | 'purchaseMicros' | 'monthlyMicros'>;
/** What a number posting needs: the balance cap and the app's posting batcher. */
type PostingDeps = Pick<ServiceDeps, 'postings'> & { config: Pick<ServiceDeps['config'], 'walletBalanceMicrosMax'> };

/** Key of the purchase debit (purchase + first month). */
export const purchaseKey = (numberId: string): string => `${INTERNAL_IDEMPOTENCY_KEY_PREFIX}number:${numberId}:purchase`;
/** Key of the debit of month `period` (2 is the first renewal). */
export const periodKey = (numberId: string, period: number): string =>
  `${INTERNAL_IDEMPOTENCY_KEY_PREFIX}number:${numberId}:period:${period}`;
/** Key of the credit that gives the purchase back (a refund, or a purchase that could not complete). */
export const refundKey = (numberId: string): string => `${INTERNAL_IDEMPOTENCY_KEY_PREFIX}number:${numberId}:refund`;
/**
 * Key of the debit of months `firstPeriod`..`lastPeriod` owed while the wallet was suspended, paid
 * at once: the month's own key when it is one month, so that it replays a plain renewal of it.
 */
export const periodsKey = (numberId: string, firstPeriod: number, lastPeriod: number): string =>
  firstPeriod === lastPeriod ? periodKey(numberId, firstPeriod) : `${periodKey(numberId, firstPeriod)}-${lastPeriod}`;
/** Key of the credit that gives a month back when the number was released while it renewed. */
export const periodReversalKey = (numberId: string, period: number): string => `${periodKey(numberId, period)}:refund`;
/** Key of the credit that gives months `firstPeriod`..`lastPeriod` back (released while they were paid). */
export const periodsReversalKey = (numberId: string, firstPeriod: number, lastPeriod: number): string =>
  `${periodsKey(numberId, firstPeriod, lastPeriod)}:refund`;

/**
 * Debits the purchase price plus the first month (one NUMBER transaction).
 * @throws InsufficientFundsError (nothing written), NotFoundError, IdempotencyKeyReusedError.
 */
export function postPurchase(em: EntityManager, deps: PostingDeps, number: NumberRef, actor: string): Promise<PostedWalletTransaction> {
  return postWalletTransaction(em, deps.postings, {
    walletId: number.walletId,
    accountScope: number.accountId,
    deltaMicros: -purchaseTotalMicros(number),
    kind: TransactionKind.NUMBER,
    counterparty: PlatformAccountCode.REVENUE,
    description: `Number ${number.number} purchase and first month`,
    campaignId: null,
    actor,
    idempotencyKey: purchaseKey(number.id),
    operation: 'number_purchase',
    walletBalanceMicrosMax: deps.config.walletBalanceMicrosMax,
  });
}

/**
 * Credits the purchase price plus the first month back (one REFUND transaction). The same for a
 * customer's refund and for a purchase undone, so either replays the other.
 * @throws BadUserInputError (`amount`) when the credit would lift the balance above the cap.
 */
export function postPurchaseRefund(
  em: EntityManager,
  deps: PostingDeps,
  number: NumberRef,
  actor: string,
): Promise<PostedWalletTransaction> {
  return postWalletTransaction(em, deps.postings, {
    walletId: number.walletId,
    accountScope: number.accountId,
    deltaMicros: purchaseTotalMicros(number),
    kind: TransactionKind.REFUND,
    counterparty: PlatformAccountCode.REVENUE,
    description: `Refund of number ${number.number}: purchase and first month`,
    campaignId: null,
    actor,
    idempotencyKey: refundKey(number.id),
    operation: 'number_refund',
    walletBalanceMicrosMax: deps.config.walletBalanceMicrosMax,
  });
}

/**
 * Debits months `period`..`lastPeriod` of the number's rental (one NUMBER transaction; one month
 * unless months owed while the wallet was suspended are paid at once).
 * @throws InsufficientFundsError (nothing written).
 */
export function postRenewal(
  em: EntityManager,
  deps: PostingDeps,
  number: NumberRef,
  period: number,
  actor: string,
  lastPeriod = period,
): Promise<PostedWalletTransaction> {
  const months = BigInt(lastPeriod - period + 1);
  return postWalletTransaction(em, deps.postings, {
    walletId: number.walletId,
    accountScope: number.accountId,
    deltaMicros: -number.monthlyMicros * months,
    kind: TransactionKind.NUMBER,
    counterparty: PlatformAccountCode.REVENUE,
    description:
      lastPeriod === period
        ? `Number ${number.number} month ${period}`
        : `Number ${number.number} months ${period}–${lastPeriod} (owed while the wallet was suspended)`,
    campaignId: null,
    actor,
    idempotencyKey: periodsKey(number.id, period, lastPeriod),
    operation: 'number_renewal',
    walletBalanceMicrosMax: deps.config.walletBalanceMicrosMax,
  });
}

/** Credits months `period`..`lastPeriod` back: they were charged while the number was being released. */
export function postRenewalReversal(
  em: EntityManager,
  deps: PostingDeps,
  number: NumberRef,
  period: number,
  actor: string,
  lastPeriod = period,
): Promise<PostedWalletTransaction> {
  return postWalletTransaction(em, deps.postings, {
    walletId: number.walletId,
    accountScope: number.accountId,
    deltaMicros: number.monthlyMicros * BigInt(lastPeriod - period + 1),
    kind: TransactionKind.REFUND,
    counterparty: PlatformAccountCode.REVENUE,
    description:
      lastPeriod === period
        ? `Refund of number ${number.number} month ${period}: released while it renewed`
        : `Refund of number ${number.number} months ${period}–${lastPeriod}: released while they were paid`,
    campaignId: null,
    actor,
    idempotencyKey: periodsReversalKey(number.id, period, lastPeriod),
    operation: 'number_renewal_reversal',
    walletBalanceMicrosMax: deps.config.walletBalanceMicrosMax,
  });
}

/** The wallet transaction posted under one of the keys above, if any. */
export async function findPostedTransactionId(em: EntityManager, accountId: string, key: string): Promise<string | null> {
  const row = await selectPostedTransactionId.maybeOne(em, { accountId, key });
  return row?.wallet_transaction_id ?? null;
}
