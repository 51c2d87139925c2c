import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../../config.js';
import { transaction } from '../../database/sql.js';
import { type MemberOutcome, onlyOutcome, TransactionBatcher } from '../../database/transaction-batcher.js';
import { NotFoundError } from '../../errors.js';
import { requireRole, tenantScope, type Principal } from '../accounts/principal.js';
import { isUuid } from '../ids.js';
import type { ServiceDeps } from '../service-deps.js';
import { type CampaignSpend, postMessageCharge, type ReleasedHold, settleHolds } from './message-holds.js';
import { iso, type MessageDeliveryStatus, MessageStatus, toMessageRecord, type MessageRecord } from './message-record.js';
import { finalizeMessages, lockMessagesById } from './messaging.queries.js';
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
  const report: DeliveryReport = {
    messageId: options.messageId,
    accountScope: tenantScope(options.principal),
    status: options.status,
    atMs: deps.clock.now(),
  };
  // Concurrent reports share one transaction through the app's batcher; without one, this report goes alone.
  const message = deps.messageReports
    ? await deps.messageReports.execute(report)
    : onlyOutcome(await applyDeliveryReports(em, deps, [report]));
  // A repeated report also finishes a posting that a crash interrupted (startup recovery does too).
  if (message.status !== MessageStatus.DELIVERED || message.transactionId !== null) return message;
  return postMessageCharge(em, deps, message, options.principal.actor);
}

/** One delivery report, checked: the message, whose it must be (null: any account's), what the carrier said and when. */
export interface DeliveryReport {
  messageId: string;
  accountScope: string | null;
  status: MessageDeliveryStatus;
  atMs: number;
}

/** The process's group commit of delivery reports: concurrent reports share one transaction. */
export type MessageReportBatcher = TransactionBatcher<DeliveryReport, MessageRecord>;

/**
 * Makes the process's {@link MessageReportBatcher}, with the message-hold batcher's limits. A
 * tenant's reports go one batch at a time (the next gathering meanwhile): they share its wallets and
 * campaigns. Platform staff's (the simulator's carrier) are not keyed.
 */
export function createMessageReportBatcher(
  em: EntityManager,
  deps: ServiceDeps,
  limits: Pick<Config, 'messageHoldBatchSizeMax' | 'messageHoldBatchesInFlightMax'>,
): MessageReportBatcher {
  return new TransactionBatcher<DeliveryReport, MessageRecord>({
    batchSizeMax: limits.messageHoldBatchSizeMax,
    batchesInFlightMax: limits.messageHoldBatchesInFlightMax,
    keysOf: (report) => (report.accountScope === null ? [] : [`account:${report.accountScope}`]),
    runBatch: (reports) => applyDeliveryReports(em.fork(), deps, reports),
  });
}

/**
 * Applies many delivery reports in ONE transaction, in the order given, each as it would be alone
 * after the ones before it (a second report of a message finds it final and changes nothing): locks
 * the messages (id order), makes the PENDING ones final in one statement, then gives the released
 * holds back and adds the delivered prices to their campaigns' spend ({@link settleHolds}: wallets,
 * spend caps, campaigns, one statement per table). Answers each report with its message as committed
 * (the posting of a delivered price is the caller's, through the posting batcher).
 * Throws what PostgreSQL throws (the whole batch rolled back); signals subscribers after commit.
 */
export async function applyDeliveryReports(
  em: EntityManager,
  deps: Pick<ServiceDeps, 'committed'>,
  reports: readonly DeliveryReport[],
): Promise<MemberOutcome<MessageRecord>[]> {
  const { outcomes, changed } = await transaction(em, async (tx) => {
    // Lock order everywhere: calls and messages, wallets, spend caps, campaigns, accounts.
    const messageIds = [...new Set(reports.map((report) => report.messageId.toLowerCase()))].sort();
    const current = new Map((await lockMessagesById.all(tx, { messageIds })).map((row) => [row.id, toMessageRecord(row)]));
    const finals = new Map<string, { status: MessageStatus; finalizedAt: string }>();
    const releases: ReleasedHold[] = [];
    const spends: CampaignSpend[] = [];
    const decided = reports.map((report): MemberOutcome<string> => {
      const message = current.get(report.messageId.toLowerCase());
      if (!message || (report.accountScope !== null && message.accountId !== report.accountScope)) {
        return { ok: false, error: new NotFoundError('Message', report.messageId) };
      }
      // Final is final: a report on a message this batch or an earlier one made final changes nothing.
      if (message.status !== MessageStatus.PENDING || finals.has(message.id)) return { ok: true, value: message.id };
      const expired = message.expiresAtMs !== null && report.atMs >= message.expiresAtMs;
      const status = expired ? MessageStatus.EXPIRED : (report.status as string as MessageStatus);
      finals.set(message.id, { status, finalizedAt: iso(report.atMs) });
      if (status === MessageStatus.DELIVERED) {
        // The wallet keeps the hold until the posting releases it in the same statement as the debit.
        if (message.campaignId !== null && message.priceMicros > 0n)
          spends.push({ campaignId: message.campaignId, priceMicros: message.priceMicros });
      } else {
        releases.push({
          accountId: message.accountId,
          walletId: message.walletId,
          campaignId: message.campaignId,
          holdMicros: message.holdMicros,
        });
      }
      return { ok: true, value: message.id };
    });
    if (finals.size > 0) {
      const ids = [...finals.keys()];
      const rows = await finalizeMessages.all(tx, {
        ids,
        statuses: ids.map((id) => finals.get(id)!.status),
        finalizedAts: ids.map((id) => finals.get(id)!.finalizedAt),
      });
      for (const row of rows) current.set(row.id, toMessageRecord(row));
      await settleHolds(tx, releases, spends, Math.max(...reports.map((report) => report.atMs)));
    }
    return {
      outcomes: decided.map(
        (outcome): MemberOutcome<MessageRecord> => (outcome.ok ? { ok: true, value: current.get(outcome.value)! } : outcome),
      ),
      changed: finals.size > 0,
    };
  });
  if (changed) deps.committed();
  return outcomes;
}
