/**
 * Capturing and releasing message holds: the two ways a PENDING message's hold ends, as SQL run
 * inside the caller's transaction (except the posting, which owns its own).
 */
import { SpendCapBook } from '../spend-caps/spend-cap-book.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Db, SqlTransaction } from '../../database/sql.js';
import { assert, InsufficientFundsError } from '../../errors.js';
import type { EntityEvent } from '../campaigns/campaign.service.js';
import type { ServiceDeps } from '../service-deps.js';
import { changeReservedCredit } from '../wallets/credit.js';
import { postWalletTransaction } from '../wallets/post-wallet-transaction.js';
import { PlatformAccountCode, TransactionKind } from '../wallets/transaction-enums.js';
import { INTERNAL_IDEMPOTENCY_KEY_PREFIX } from '../wallets/validate-input.js';
import { segmentsText } from './message-input.js';
import { MessageDirection, MessageStatus, toMessageRecord, type MessageRecord } from './message-record.js';
import {
  addCampaignSpent,
  lockCampaigns,
  lockWallets,
  recordMessageTransaction,
  selectMessage,
  settleCampaignHolds,
  selectTransactionOfKey,
  selectUnpostedCharges,
} from './messaging.queries.js';

/** The idempotency key of a message's SMS posting: derived from the message, so a retry finds the same posting. */
export function messageChargeKey(messageId: string): string {
  return `${INTERNAL_IDEMPOTENCY_KEY_PREFIX}sms:${messageId}`;
}

/** Holds to give back: per message, its wallet, campaign and the amount it held. */
export interface ReleasedHold {
  accountId: string;
  walletId: string;
  campaignId: string | null;
  holdMicros: bigint;
}

/**
 * Gives back the holds of messages just made final (FAILED or EXPIRED): one statement per table,
 * wallets, their spend caps, then campaigns each locked in id order (the order every writer takes), one
 * CAMPAIGN_UPDATED event per campaign changed. Runs inside the caller's transaction, which has
 * already locked and updated the messages.
 */
export async function releaseHolds(tx: SqlTransaction, holds: readonly ReleasedHold[], atMs: number): Promise<void> {
  await settleHolds(tx, holds, [], atMs);
}

/** A delivered message's price, added to its campaign's spend (its committed credit already counts it). */
export interface CampaignSpend {
  campaignId: string;
  priceMicros: bigint;
}

/**
 * {@link releaseHolds} for the released holds, and the delivered messages' prices added to their
 * campaigns' spend, in the same statements: wallets, their spend caps, then every campaign changed,
 * locked in id order and updated once (one CAMPAIGN_UPDATED event each).
 */
export async function settleHolds(
  tx: SqlTransaction,
  holds: readonly ReleasedHold[],
  spends: readonly CampaignSpend[],
  atMs: number,
): Promise<void> {
  const byWallet = sumBy(holds, (hold) => hold.walletId);
  const byCampaign = sumBy(holds, (hold) => hold.campaignId);
  const spentByCampaign = new Map<string, bigint>();
  for (const spend of spends) {
    if (spend.priceMicros === 0n) continue;
    spentByCampaign.set(spend.campaignId, (spentByCampaign.get(spend.campaignId) ?? 0n) + spend.priceMicros);
  }
  if (byWallet.size > 0) {
    const walletIds = [...byWallet.keys()].sort();
    await lockWallets.all(tx, { walletIds });
    await changeReservedCredit(
      tx,
      [...byWallet].map(([walletId, holdMicros]) => ({ walletId, deltaMicros: -holdMicros })),
    );
    // The holds no longer count toward the spend caps (in the period they were counted in; see SpendCapBook).
    const caps = await SpendCapBook.lock(tx, walletIds, atMs);
    for (const [walletId, holdMicros] of byWallet) caps.add(walletId, -holdMicros);
    await caps.write(tx);
  }
  const campaignIds = [...new Set([...byCampaign.keys(), ...spentByCampaign.keys()])].sort();
  if (campaignIds.length > 0) {
    await lockCampaigns.all(tx, { campaignIds });
    await settleCampaignHolds.run(tx, {
      campaignIds,
      releasedMicros: campaignIds.map((id) => (byCampaign.get(id) ?? 0n).toString()),
      spentMicros: campaignIds.map((id) => (spentByCampaign.get(id) ?? 0n).toString()),
    });
  }
}

/** Sums the positive holds per key (null keys and zero holds are left out). */
function sumBy(holds: readonly ReleasedHold[], keyOf: (hold: ReleasedHold) => string | null): Map<string, bigint> {
  const sums = new Map<string, bigint>();
  for (const hold of holds) {
    const key = keyOf(hold);
    if (key === null || hold.holdMicros === 0n) continue;
    sums.set(key, (sums.get(key) ?? 0n) + hold.holdMicros);
  }
  return sums;
}

/** Adds a delivered message's price to its campaign's spend (committed already counts it); returns the event. */
export async function addCampaignSpend(db: Db, campaignId: string, priceMicros: bigint): Promise<EntityEvent> {
  const row = await addCampaignSpent.maybeOne(db, { campaignId, priceMicros });
  assert(row, 'a message refers to an existing campaign');
  return { type: 'CAMPAIGN_UPDATED', accountId: row.account_id, campaignId, callId: null, version: BigInt(row.version) };
}

/**
 * Posts a DELIVERED or RECEIVED message's price to the ledger (kind SMS, to revenue) and releases
 * the credit held for it in the same statement, then records the transaction on the message.
 * Idempotent: the posting's key is derived from the message, so running it again (after a crash
 * between the two steps) finds the same transaction and releases nothing twice. A free message
 * posts nothing. The posting cannot be short of funds: the price was held, so debiting it and
 * releasing the hold leaves the available balance unchanged.
 */
export async function postMessageCharge(
  em: EntityManager,
  deps: Pick<ServiceDeps, 'config' | 'committed' | 'postings'>,
  message: MessageRecord,
  actor: string,
): Promise<MessageRecord> {
  assert(
    message.status === MessageStatus.DELIVERED || message.status === MessageStatus.RECEIVED,
    'only a delivered or received message is charged',
  );
  if (message.transactionId !== null || message.priceMicros === 0n) return message;
  const description =
    message.direction === MessageDirection.OUTBOUND
      ? `SMS to ${message.to}, ${segmentsText(message.segments)}`
      : `SMS from ${message.from} to ${message.to}, ${segmentsText(message.segments)}`;
  let transactionId: string;
  try {
    const posted = await postWalletTransaction(em, deps.postings, {
      walletId: message.walletId,
      accountScope: null,
      deltaMicros: -message.priceMicros,
      kind: TransactionKind.SMS,
      counterparty: PlatformAccountCode.REVENUE,
      description,
      campaignId: message.campaignId,
      actor,
      idempotencyKey: messageChargeKey(message.id),
      operation: 'sms',
      walletBalanceMicrosMax: deps.config.walletBalanceMicrosMax,
      reservedReleaseMicros: message.priceMicros,
    });
    transactionId = posted.transaction.id;
  } catch (error) {
    // Two posters of the same message (a repeated report, or recovery, racing the first): the
    // loser's statement re-checks the wallet after the winner released the hold and may find too
    // little reserved, which reads as a refusal rather than as the replay it is.
    if (!(error instanceof InsufficientFundsError)) throw error;
    const record = await selectTransactionOfKey.maybeOne(em, { accountId: message.accountId, key: messageChargeKey(message.id) });
    if (!record) throw error;
    transactionId = record.wallet_transaction_id;
  }
  const row = await recordMessageTransaction.maybeOne(em, { messageId: message.id, transactionId });
  deps.committed();
  if (row) return toMessageRecord(row);
  return findPosted(em, message);
}

async function findPosted(em: EntityManager, message: MessageRecord): Promise<MessageRecord> {
  const row = await selectMessage.maybeOne(em, { messageId: message.id });
  assert(row && row.transaction_id !== null, 'a posted message has its transaction recorded');
  return toMessageRecord(row);
}

/** Rows read per page by {@link postPendingMessageCharges}. */
export const PENDING_CHARGES_PAGE_SIZE = 1000;

/**
 * Posts every DELIVERED or RECEIVED message whose price is not on the ledger yet (after a crash
 * between marking it and posting it); returns how many. Run at startup, before anything else.
 */
export async function postPendingMessageCharges(
  em: EntityManager,
  deps: Pick<ServiceDeps, 'config' | 'committed' | 'postings'>,
): Promise<number> {
  let posted = 0;
  let afterId = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows = await selectUnpostedCharges.all(em, { afterId, limit: PENDING_CHARGES_PAGE_SIZE });
    for (const row of rows) await postMessageCharge(em, deps, toMessageRecord(row), 'recovery');
    posted += rows.length;
    if (rows.length < PENDING_CHARGES_PAGE_SIZE) return posted;
    afterId = rows.at(-1)!.id;
  }
}
