import type { EntityManager } from '@mikro-orm/postgresql';
import { transaction } from '../../database/sql.js';
import { NotFoundError } from '../../errors.js';
import { requireRole, tenantScope, type Principal } from '../accounts/principal.js';
import { insertOutboxEvents } from '../campaigns/campaign.service.js';
import { isUuid } from '../ids.js';
import type { ServiceDeps } from '../service-deps.js';
import { addCampaignSpend, postMessageCharge, releaseHolds } from './message-holds.js';
import { iso, type MessageDeliveryStatus, MessageStatus, toMessageRecord, type MessageRecord } from './message-record.js';
import { finalizeMessage, lockVisibleMessage } from './messaging.queries.js';
import { MESSAGE_SEND_ROLES } from './send-message.service.js';

/** Options of {@link reportMessageDelivery}. */
export interface ReportMessageDeliveryOptions {
  principal: Principal;
  messageId: string;
  status: MessageDeliveryStatus;
}

/**
 * Applies a carrier's delivery report to an outbound message (an integrator's callback, or the
 * simulator's):
 * - DELIVERED captures the hold: the message is marked DELIVERED and its campaign's spend grows
 *   by its price in one transaction, then the price is posted to the ledger (kind SMS) together
 *   with the release of its hold, in one statement, and the transaction recorded on the message.
 * - FAILED and EXPIRED release the hold from the wallet and the campaign, in one transaction:
 *   nothing is charged (credits are only deducted for a message that arrived).
 *
 * Final is final: a report on a message that is no longer PENDING (a duplicate, a DELIVERED
 * arriving after the message EXPIRED or FAILED, any report on an inbound message) changes nothing
 * and returns the message as it is. A late DELIVERED is therefore never charged: the hold is gone
 * and the customer was told the message expired. For the same reason a report that arrives once
 * the hold's deadline (`expiresAt`) has passed is applied as EXPIRED, whether or not the expiry
 * job has run yet, so the outcome never depends on the job's timing.
 * @throws ForbiddenError unless OWNER, INTEGRATOR or PLATFORM_ADMIN.
 * @throws NotFoundError for an unknown message or one of another account.
 */
export async function reportMessageDelivery(
  em: EntityManager,
  deps: ServiceDeps,
  options: ReportMessageDeliveryOptions,
): Promise<MessageRecord> {
  requireRole(options.principal, MESSAGE_SEND_ROLES, 'report message deliveries');
  if (!isUuid(options.messageId)) throw new NotFoundError('Message', options.messageId);
  const scope = tenantScope(options.principal);
  const nowMs = deps.clock.now();
  const outcome = await transaction(em, async (tx) => {
    // Lock order everywhere: calls and messages, wallets, campaigns, accounts.
    const row = await lockVisibleMessage.maybeOne(tx, { messageId: options.messageId, accountId: scope });
    if (!row) throw new NotFoundError('Message', options.messageId);
    const message = toMessageRecord(row);
    if (message.status !== MessageStatus.PENDING) return { message, changed: false };
    const expired = message.expiresAtMs !== null && nowMs >= message.expiresAtMs;
    const status = expired ? MessageStatus.EXPIRED : (options.status as string as MessageStatus);
    const updated = await finalizeMessage.one(tx, { messageId: message.id, status, finalizedAt: iso(nowMs) });
    if (status === MessageStatus.DELIVERED) {
      // The wallet keeps the hold until the posting releases it in the same statement as the debit.
      if (message.campaignId !== null && message.priceMicros > 0n) {
        await insertOutboxEvents(tx, [await addCampaignSpend(tx, message.campaignId, message.priceMicros)]);
      }
    } else {
      await releaseHolds(
        tx,
        [{ accountId: message.accountId, walletId: message.walletId, campaignId: message.campaignId, holdMicros: message.holdMicros }],
        nowMs,
      );
    }
    return { message: toMessageRecord(updated), changed: true };
  });
  if (outcome.changed) deps.committed();
  // A repeated report also finishes a posting that a crash interrupted (startup recovery does too).
  if (outcome.message.status !== MessageStatus.DELIVERED || outcome.message.transactionId !== null) return outcome.message;
  return postMessageCharge(em, deps, outcome.message, options.principal.actor);
}
