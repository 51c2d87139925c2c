/**
 * A wallet's card top-ups next to its transactions: which TOP_UP transaction has a card receipt,
 * finding its top-up by PaymentIntent, when the list of top-ups is behind the live transactions,
 * and how a top-up's status and origin read.
 */
import type {
  TopUpHistoryFieldsFragment as TopUp,
  TopUpOrigin,
  TopUpStatus,
  TransactionRowFieldsFragment as Transaction,
} from '../gql/graphql.js';

/**
 * Whether a transaction is a card top-up's credit, which has a receipt: a TOP_UP credit with a
 * PaymentIntent (a completed bank transfer is a TOP_UP without one, and has no card receipt).
 */
export function hasCardReceipt(row: Pick<Transaction, 'kind' | 'type' | 'paymentIntentId'>): boolean {
  return row.kind === 'TOP_UP' && row.type === 'CREDIT' && row.paymentIntentId !== null && row.paymentIntentId !== '';
}

/** The top-ups by their PaymentIntent id (those without one are left out); the first of a duplicate wins. */
export function topUpsByPaymentIntent<T extends Pick<TopUp, 'paymentIntentId'>>(topUps: readonly T[]): Map<string, T> {
  const byPaymentIntent = new Map<string, T>();
  for (const topUp of topUps) {
    if (topUp.paymentIntentId !== null && !byPaymentIntent.has(topUp.paymentIntentId)) byPaymentIntent.set(topUp.paymentIntentId, topUp);
  }
  return byPaymentIntent;
}

/**
 * The PaymentIntents of card credits among `rows` whose top-up `topUps` does not have with its
 * receipt yet: the list of top-ups is behind the transactions and is worth fetching again.
 */
export function paymentIntentsMissingReceipts(
  rows: readonly Pick<Transaction, 'kind' | 'type' | 'paymentIntentId'>[],
  topUps: readonly Pick<TopUp, 'paymentIntentId' | 'receipt'>[],
): string[] {
  const known = topUpsByPaymentIntent(topUps);
  const missing: string[] = [];
  for (const row of rows) {
    if (!hasCardReceipt(row)) continue;
    const paymentIntentId = row.paymentIntentId!;
    if (!known.get(paymentIntentId)?.receipt && !missing.includes(paymentIntentId)) missing.push(paymentIntentId);
  }
  return missing;
}

/** How a status is drawn: the CSS modifier of its pill. */
export type TopUpStatusTone = 'completed' | 'pending' | 'failed';

/** SUCCEEDED reads as done, FAILED and CANCELED as failed, everything else as still going. */
export function topUpStatusTone(status: TopUpStatus): TopUpStatusTone {
  switch (status) {
    case 'SUCCEEDED':
      return 'completed';
    case 'FAILED':
    case 'CANCELED':
      return 'failed';
    default:
      return 'pending';
  }
}

/** A top-up's status in words: "Succeeded", "Needs 3-D Secure", "Processing"… */
export function topUpStatusLabel(status: TopUpStatus): string {
  switch (status) {
    case 'REQUIRES_PAYMENT_METHOD':
      return 'Needs a card';
    case 'REQUIRES_ACTION':
      return 'Needs 3-D Secure';
    case 'PROCESSING':
      return 'Processing';
    case 'SUCCEEDED':
      return 'Succeeded';
    case 'FAILED':
      return 'Failed';
    case 'CANCELED':
      return 'Canceled';
  }
}

/** Who started a top-up: "Manual", "Auto-recharge", "Monthly recharge". */
export function topUpOriginLabel(origin: TopUpOrigin): string {
  switch (origin) {
    case 'MANUAL':
      return 'Manual';
    case 'AUTO_RECHARGE':
      return 'Auto-recharge';
    case 'MONTHLY_RECHARGE':
      return 'Monthly recharge';
  }
}
