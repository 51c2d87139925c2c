import { fundedUntilMs, liveCallFigures, CallStatus, type CallRecord } from '../../domain/calls/call-record.js';
import type { CampaignView } from '../../domain/campaigns/campaign-view.js';
import type { RatePlanRecord, RateRecord } from '../../domain/rating/rate-plan.service.js';
import { toSpendCapReachObject } from '../spend-caps/spend-caps.type.js';
import { CallObject, CampaignObject, CampaignProjectionObject, RateObject, RatePlanObject } from './spend.types.js';

export function toRateObject(rate: RateRecord): RateObject {
  return Object.assign(new RateObject(), {
    smsPerSegment: rate.smsPerSegmentMicros,
    smsInboundPerSegment: rate.smsInboundPerSegmentMicros,
    inboundPerMinute: rate.inboundPerMinuteMicros,
    numberPurchase: rate.numberPurchaseMicros,
    numberMonthly: rate.numberMonthlyMicros,
    prefix: rate.prefix,
    perMinute: rate.perMinuteMicros,
    firstIncrementSeconds: rate.firstIncrementSeconds,
    nextIncrementSeconds: rate.nextIncrementSeconds,
    connectFee: rate.connectFeeMicros,
  });
}

export function toRatePlanObject(plan: RatePlanRecord): RatePlanObject {
  return Object.assign(new RatePlanObject(), {
    id: plan.id,
    name: plan.name,
    currency: plan.currency,
    rates: plan.rates.map(toRateObject),
    createdAt: plan.createdAt,
  });
}

/** The GraphQL view of a campaign with its live figures. */
export function toCampaignObject({ campaign, figures }: CampaignView): CampaignObject {
  return Object.assign(new CampaignObject(), {
    id: campaign.id,
    accountId: campaign.accountId,
    walletId: campaign.walletId,
    ratePlanId: campaign.ratePlanId,
    name: campaign.name,
    status: campaign.status,
    budget: campaign.budgetMicros,
    spent: figures.spentMicros,
    committed: campaign.committedMicros,
    activeCalls: campaign.activeCalls,
    spendPerMinute: figures.burn.ratePerMinuteMicros ?? 0n,
    projection:
      figures.projection === null
        ? null
        : Object.assign(new CampaignProjectionObject(), {
            ratePerMinute: figures.projection.ratePerMinuteMicros,
            walletRatePerMinute: figures.projection.walletRatePerMinuteMicros,
            budgetReachedInSeconds: figures.projection.budgetReachedInSeconds,
            walletRunsDryInSeconds: figures.projection.walletRunsDryInSeconds,
            spendCapReachedInSeconds: figures.projection.spendCapReachedInSeconds,
            spendCap: toSpendCapReachObject(figures.projection.spendCap),
            endsBy: figures.projection.endsBy,
            endsInSeconds: figures.projection.endsInSeconds,
            windowSeconds: figures.projection.windowSeconds,
          }),
    simulate: campaign.simulate,
    version: campaign.version.toString(),
    createdAt: new Date(campaign.createdAtMs),
  });
}

/** The GraphQL view of a call; an active call's billed seconds and cost are as of `nowMs`. */
export function toCallObject(call: CallRecord, nowMs: number): CallObject {
  const live = liveCallFigures(call, nowMs);
  const active = call.status === CallStatus.ACTIVE;
  return Object.assign(new CallObject(), {
    id: call.id,
    direction: call.direction,
    campaignId: call.campaignId,
    numberId: call.numberId,
    from: call.from,
    walletId: call.walletId,
    to: call.to,
    status: call.status,
    endReason: call.endReason,
    startedAt: new Date(call.startedAtMs),
    endedAt: call.endedAtMs === null ? null : new Date(call.endedAtMs),
    fundedUntil: active ? new Date(fundedUntilMs(call)) : null,
    billedSeconds: live.billedSeconds,
    cost: live.costMicros,
    reserved: active || call.transactionId === null ? call.reservedMicros : 0n,
    perMinute: call.perMinuteMicros,
    transactionId: call.transactionId,
    version: call.version.toString(),
  });
}
