/**
 * The ledger postings of sender IDs, like those of phone numbers (numbers/number-postings.ts): each
 * under an idempotency key derived from the sender ID and its months, so a retried or raced posting
 * replays the first instead of moving money twice.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { ServiceDeps } from '../service-deps.js';
import { postWalletTransaction, type PostedWalletTransaction } from '../wallets/post-wallet-transaction.js';
import { PlatformAccountCode, TransactionKind } from '../wallets/transaction-enums.js';
import { INTERNAL_IDEMPOTENCY_KEY_PREFIX } from '../wallets/validate-input.js';

type SenderRef = { id: string; accountId: string; walletId: string; sender: string };
type PostingDeps = Pick<ServiceDeps, 'postings'> & { config: Pick<ServiceDeps['config'], 'walletBalanceMicrosMax'> };

/** Key of the debit of months `first`..`last` (1 is paid at approval). */
export const senderIdPeriodsKey = (id: string, first: number, last: number): string =>
  `${INTERNAL_IDEMPOTENCY_KEY_PREFIX}sender_id:${id}:period:${first}${first === last ? '' : `-${last}`}`;

/**
 * Debits months `first`..`last` of the sender ID's fee, `monthlyMicros` each (one NUMBER transaction:
 * a rented identity, booked with the numbers).
 * @throws InsufficientFundsError (nothing written).
 */
export function postSenderIdMonths(
  em: EntityManager,
  deps: PostingDeps,
  sender: SenderRef,
  monthlyMicros: bigint,
  first: number,
  last: number,
  actor: string,
): Promise<PostedWalletTransaction> {
  return postWalletTransaction(em, deps.postings, {
    walletId: sender.walletId,
    accountScope: sender.accountId,
    deltaMicros: -monthlyMicros * BigInt(last - first + 1),
    kind: TransactionKind.NUMBER,
    counterparty: PlatformAccountCode.REVENUE,
    description: first === last ? `Sender ID "${sender.sender}" month ${first}` : `Sender ID "${sender.sender}" months ${first}–${last}`,
    campaignId: null,
    actor,
    idempotencyKey: senderIdPeriodsKey(sender.id, first, last),
    operation: 'sender_id_fee',
    walletBalanceMicrosMax: deps.config.walletBalanceMicrosMax,
  });
}

/** Credits months `first`..`last` back: they were debited while the sender ID stopped being live. */
export function postSenderIdMonthsReversal(
  em: EntityManager,
  deps: PostingDeps,
  sender: SenderRef,
  monthlyMicros: bigint,
  first: number,
  last: number,
  actor: string,
): Promise<PostedWalletTransaction> {
  return postWalletTransaction(em, deps.postings, {
    walletId: sender.walletId,
    accountScope: sender.accountId,
    deltaMicros: monthlyMicros * BigInt(last - first + 1),
    kind: TransactionKind.REFUND,
    counterparty: PlatformAccountCode.REVENUE,
    description: `Refund of sender ID "${sender.sender}" month${first === last ? ` ${first}` : `s ${first}–${last}`}: cancelled while it was paid`,
    campaignId: null,
    actor,
    idempotencyKey: `${senderIdPeriodsKey(sender.id, first, last)}:refund`,
    operation: 'sender_id_fee_reversal',
    walletBalanceMicrosMax: deps.config.walletBalanceMicrosMax,
  });
}
