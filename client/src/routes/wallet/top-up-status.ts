/**
 * What the top-up panel shows for a top-up's status, and when it asks the server for news
 * (refreshTopUp): after 3-D Secure, and once when the wallet's live transactions show the TOP_UP
 * that credited the payment. Never in a loop.
 */
import type {
  ReceiptFieldsFragment as Receipt,
  TopUpFieldsFragment as TopUpState,
  TopUpStatus,
  TransactionRowFieldsFragment as TransactionRow,
} from '../../gql/graphql.js';

/** Shown when a failed top-up carries no reason of its own. */
export const FAILURE_REASON_FALLBACK = 'The payment failed. Try again or use a different card.';

/** Shown for a top-up waiting for 3-D Secure that this page cannot present (no client secret). */
export const AUTHENTICATION_UNAVAILABLE_REASON =
  'Your bank asks you to confirm this payment, but the confirmation cannot be shown here. Try another card.';

/** What the panel shows for a top-up. */
export type TopUpView =
  /** Card charged (or being charged); the wallet is credited when Stripe's confirmation is applied. */
  | { kind: 'processing' }
  /** 3-D Secure: the bank asks the payer to confirm. */
  | { kind: 'authenticate'; paymentIntentId: string; clientSecret: string }
  /** Declined or not authenticated: never credited. */
  | { kind: 'failed'; reason: string }
  /** Abandoned: never credited. */
  | { kind: 'canceled' }
  /** No card to charge (no default card): the payer picks one and pays again. */
  | { kind: 'needs-card' }
  /** Credited, with its receipt. */
  | { kind: 'succeeded'; receipt: Receipt };

/** The fields of a top-up that decide its view. */
export type TopUpViewFields = Pick<TopUpState, 'status' | 'clientSecret' | 'paymentIntentId' | 'failureReason' | 'receipt'>;

/** Maps a top-up to what the panel shows. A SUCCEEDED top-up without its receipt yet reads as processing. */
export function topUpView(topUp: TopUpViewFields): TopUpView {
  switch (topUp.status) {
    case 'PROCESSING':
      return { kind: 'processing' };
    case 'SUCCEEDED':
      return topUp.receipt ? { kind: 'succeeded', receipt: topUp.receipt } : { kind: 'processing' };
    case 'REQUIRES_ACTION':
      return topUp.clientSecret && topUp.paymentIntentId
        ? { kind: 'authenticate', paymentIntentId: topUp.paymentIntentId, clientSecret: topUp.clientSecret }
        : { kind: 'failed', reason: AUTHENTICATION_UNAVAILABLE_REASON };
    case 'FAILED':
      return { kind: 'failed', reason: topUp.failureReason?.trim() || FAILURE_REASON_FALLBACK };
    case 'CANCELED':
      return { kind: 'canceled' };
    case 'REQUIRES_PAYMENT_METHOD':
      return { kind: 'needs-card' };
  }
}

/** Statuses after which nothing more happens to a top-up. */
const FINAL_STATUSES: ReadonlySet<TopUpStatus> = new Set<TopUpStatus>(['SUCCEEDED', 'FAILED', 'CANCELED']);

/** Whether a top-up has reached a status it never leaves. */
export function isFinalTopUpStatus(status: TopUpStatus): boolean {
  return FINAL_STATUSES.has(status);
}

/** The TOP_UP credit among `rows` that paid `paymentIntentId`, if one arrived. */
export function creditingTransaction(
  rows: readonly Pick<TransactionRow, 'kind' | 'type' | 'paymentIntentId'>[],
  paymentIntentId: string | null,
): Pick<TransactionRow, 'kind' | 'type' | 'paymentIntentId'> | undefined {
  if (paymentIntentId === null) return undefined;
  return rows.find((row) => row.kind === 'TOP_UP' && row.type === 'CREDIT' && row.paymentIntentId === paymentIntentId);
}

/**
 * Whether to ask the server for a top-up's state now because its credit showed up live: the
 * top-up is not final yet, a TOP_UP transaction with its PaymentIntent arrived, and this top-up
 * was not refreshed for it before (`refreshedTopUpIds`): at most once per top-up.
 */
export function shouldRefreshOnCredit(
  topUp: Pick<TopUpState, 'id' | 'status' | 'paymentIntentId'>,
  rows: readonly Pick<TransactionRow, 'kind' | 'type' | 'paymentIntentId'>[],
  refreshedTopUpIds: ReadonlySet<string>,
): boolean {
  if (isFinalTopUpStatus(topUp.status) || refreshedTopUpIds.has(topUp.id)) return false;
  return creditingTransaction(rows, topUp.paymentIntentId) !== undefined;
}

/**
 * Which of two answers about the top-up on screen to keep: `next`, unless it is about the same
 * top-up and older (a slow answer overtaken by a newer one): a final status is never replaced by
 * a non-final one, nor a later `updatedAt` by an earlier one. Another top-up's answer wins.
 */
export function latestTopUp<T extends Pick<TopUpState, 'id' | 'status' | 'updatedAt'>>(current: T | null, next: T): T {
  if (current === null || current.id !== next.id) return next;
  if (isFinalTopUpStatus(current.status) && !isFinalTopUpStatus(next.status)) return current;
  const currentMs = Date.parse(current.updatedAt);
  const nextMs = Date.parse(next.updatedAt);
  if (!Number.isNaN(currentMs) && !Number.isNaN(nextMs) && nextMs < currentMs) return current;
  return next;
}
