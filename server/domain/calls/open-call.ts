import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { transaction, type SqlTransaction } from '../../database/sql.js';
import { CampaignNotRunningError, EmailNotVerifiedError, LimitExceededError } from '../../errors.js';
import { CampaignStatus, toCampaignRecord } from '../campaigns/campaign-record.js';
import { insertOutboxEvents, type EntityEvent } from '../campaigns/campaign.service.js';
import { lockCampaign, updateCampaignCounters } from '../campaigns/campaigns.queries.js';
import type { Rate } from '../rating/rating.js';
import { callCostMicros } from '../rating/rating.js';
import { publishSpendCapReached } from '../spend-caps/spend-cap-alerts.js';
import { SpendCapBook } from '../spend-caps/spend-cap-book.js';
import { availableMicros, reserveCredit } from '../wallets/credit.js';
import { type CallDirection, CallEndReason, CallStatus, nextCheckAtMs, toCallRecord, type CallRecord } from './call-record.js';
import { admitAccountCall, insertCall, lockCallSubscription, lockCallWallet, reserveSubscriptionSeconds } from './calls.queries.js';
import type { CallServiceDeps } from './call.service.js';

/**
 * One call about to start, as its direction describes it: where it is billed, how it is rated, and
 * what it records. Everything else (locks, refusals, the first reservation) is the same both ways.
 */
export interface CallOpening {
  direction: CallDirection;
  accountId: string;
  walletId: string;
  /** The campaign placing an outbound call (checked RUNNING, its budget and counters); null for an inbound call. */
  campaignId: string | null;
  /** The number an inbound call was received on; null for an outbound call. */
  numberId: string | null;
  /** The caller of an inbound call; null for an outbound call. */
  from: string | null;
  /** E.164: the destination of an outbound call, the number called of an inbound one. */
  to: string;
  /** The rate the call is metered at (per minute in micros, connect fee, increments). */
  rate: Rate;
  /**
   * Whether the wallet's subscription pays for the call: its allowance covers minutes first, its
   * overage rate replaces the rate's per-minute price beyond. Outbound calls only.
   */
  subscriptionPays: boolean;
  idempotencyKey: string | null;
  startedAtMs: number;
}

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * The one start routine of calls in both directions, in one transaction: locks the wallet (its
 * owner must have verified their address), the wallet's spend caps, the subscription that may pay,
 * and the campaign that places it; reserves the first increment (plus connect fee) on the wallet and
 * counts it on the caps and the campaign, or records the call REFUSED, with the first reason of
 * WALLET_SUSPENDED, INSUFFICIENT_FUNDS, BUDGET_REACHED, SPEND_CAP_REACHED (which also raises the
 * cap's alert). A refusal is data, not an error; it stops the campaign that placed the call.
 * Hands an ACTIVE call to this process's billing clock and signals subscribers after commit.
 * @throws EmailNotVerifiedError when the wallet's account has not verified its address.
 * @throws CampaignNotRunningError when the campaign is no longer RUNNING.
 * @throws LimitExceededError at the account's concurrent-call cap (`concurrentCallsPerAccountMax`); nothing is written.
 */
export async function openCall(em: EntityManager, deps: CallServiceDeps, opening: CallOpening): Promise<CallRecord> {
  const { rate, startedAtMs } = opening;
  const call = await transaction(em, async (tx) => {
    // Lock order everywhere: calls, wallets, spend caps, subscriptions, campaigns, accounts.
    const wallet = await lockCallWallet.one(tx, { walletId: opening.walletId });
    // A signed-up account calls once its owner verified their address (campaigns and numbers need it too).
    if (wallet.account_email_unverified) throw new EmailNotVerifiedError(opening.accountId);
    const caps = await SpendCapBook.lock(tx, [opening.walletId], startedAtMs);
    const subscription = opening.subscriptionPays ? await lockCallSubscription.maybeOne(tx, { walletId: opening.walletId }) : undefined;
    const perMinuteMicros =
      subscription?.overage_per_minute_micros != null ? BigInt(subscription.overage_per_minute_micros) : rate.perMinuteMicros;
    const fromAllowance = subscription !== undefined && subscription.free_seconds >= rate.firstIncrementSeconds;
    const firstMicros = callCostMicros(
      { perMinuteMicros, connectFeeMicros: rate.connectFeeMicros },
      fromAllowance ? 0 : rate.firstIncrementSeconds,
    );
    const campaign = opening.campaignId === null ? null : toCampaignRecord(await lockCampaign.one(tx, { campaignId: opening.campaignId }));
    if (campaign !== null && campaign.status !== CampaignStatus.RUNNING) throw new CampaignNotRunningError(campaign.id, campaign.status);

    const available = availableMicros({ balanceMicros: BigInt(wallet.balance_micros), reservedMicros: BigInt(wallet.reserved_micros) });
    // A wallet that ran out is suspended until funded again; a closed account's wallet stays so.
    const suspended = wallet.status === 'SUSPENDED' && (available <= 0n || wallet.account_status === 'CLOSED');
    const fundsRefusal = suspended
      ? CallEndReason.WALLET_SUSPENDED
      : available < firstMicros
        ? CallEndReason.INSUFFICIENT_FUNDS
        : campaign !== null && campaign.budgetMicros !== null && campaign.committedMicros + firstMicros > campaign.budgetMicros
          ? CallEndReason.BUDGET_REACHED
          : null;
    const capRefusal = fundsRefusal === null ? caps.refusal(opening.walletId, firstMicros) : null;
    if (capRefusal !== null) await publishSpendCapReached(tx, capRefusal);
    const refusal = capRefusal !== null ? CallEndReason.SPEND_CAP_REACHED : fundsRefusal;
    if (refusal === null) {
      const admitted = await admitAccountCall.maybeOne(tx, {
        accountId: opening.accountId,
        activeCallsMax: deps.config.concurrentCallsPerAccountMax,
      });
      if (admitted === undefined) {
        throw new LimitExceededError(
          `The account already has ${deps.config.concurrentCallsPerAccountMax} active calls`,
          'concurrentCallsPerAccountMax',
          deps.config.concurrentCallsPerAccountMax,
        );
      }
    }
    const active = refusal === null;
    const funded = active ? rate.firstIncrementSeconds : 0;
    const allowance = active && fromAllowance ? funded : 0;
    const row = await insertCall.one(tx, {
      id: randomUUID(),
      accountId: opening.accountId,
      direction: opening.direction,
      campaignId: opening.campaignId,
      numberId: opening.numberId,
      from: opening.from,
      walletId: opening.walletId,
      to: opening.to,
      status: active ? CallStatus.ACTIVE : CallStatus.REFUSED,
      endReason: refusal,
      ratePrefix: rate.prefix,
      perMinuteMicros,
      firstIncrementSeconds: rate.firstIncrementSeconds,
      nextIncrementSeconds: rate.nextIncrementSeconds,
      connectFeeMicros: rate.connectFeeMicros,
      startedAt: iso(startedAtMs),
      endedAt: active ? null : iso(startedAtMs),
      fundedSeconds: funded,
      reservedMicros: active ? firstMicros : 0n,
      nextCheckAt: active
        ? iso(
            nextCheckAtMs(
              { startedAtMs, fundedSeconds: funded, nextIncrementSeconds: rate.nextIncrementSeconds },
              deps.config.billingClockLeadMs,
            ),
          )
        : null,
      idempotencyKey: opening.idempotencyKey,
      subscriptionId: subscription?.id ?? null,
      allowanceSeconds: allowance,
    });
    const call = toCallRecord(row);
    if (allowance > 0) await reserveSubscriptionSeconds.run(tx, { subscriptionId: subscription!.id, seconds: allowance });
    if (active) {
      await reserveCredit(tx, { walletId: opening.walletId, amountMicros: firstMicros });
      caps.add(opening.walletId, firstMicros);
      await caps.write(tx);
    }
    const events: EntityEvent[] = [
      { type: 'CALL_UPDATED', accountId: call.accountId, campaignId: call.campaignId, callId: call.id, version: call.version },
    ];
    if (campaign !== null) {
      const version = active
        ? await updateCampaign(tx, campaign.id, { committedDelta: firstMicros, activeDelta: 1, stopStatus: null })
        : await updateCampaign(tx, campaign.id, { committedDelta: 0n, activeDelta: 0, stopStatus: stopStatusFor(refusal) });
      events.push({ type: 'CAMPAIGN_UPDATED', accountId: call.accountId, campaignId: campaign.id, callId: null, version });
    }
    await insertOutboxEvents(tx, events);
    return call;
  });
  if (call.status === CallStatus.ACTIVE && call.nextCheckAtMs !== null) deps.callStarted?.(call.id, call.nextCheckAtMs);
  deps.committed();
  return call;
}

/** The campaign status a refusal or stop puts a RUNNING campaign in: budget, spend cap, else funds (short or suspended). */
export function stopStatusFor(reason: CallEndReason): CampaignStatus {
  switch (reason) {
    case CallEndReason.BUDGET_REACHED:
      return CampaignStatus.STOPPED_BUDGET_REACHED;
    case CallEndReason.SPEND_CAP_REACHED:
      return CampaignStatus.STOPPED_SPEND_CAP;
    default:
      return CampaignStatus.STOPPED_INSUFFICIENT_FUNDS;
  }
}

/** Applies a start's counter changes to its campaign (a stop status only replaces RUNNING); returns its new version. */
async function updateCampaign(
  tx: SqlTransaction,
  campaignId: string,
  change: { committedDelta: bigint; activeDelta: number; stopStatus: CampaignStatus | null },
): Promise<bigint> {
  const row = await updateCampaignCounters.one(tx, {
    campaignId,
    committedDeltaMicros: change.committedDelta,
    spentDeltaMicros: 0n,
    activeDelta: change.activeDelta,
    stopStatus: change.stopStatus,
  });
  return BigInt(row.version);
}
