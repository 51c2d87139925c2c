import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context.js';
import { endCall, findCall, listCalls, startCall } from '../../domain/calls/call.service.js';
import { listInboundCalls } from '../../domain/calls/list-inbound-calls.service.js';
import { startInboundCall } from '../../domain/calls/start-inbound-call.service.js';
import { createCampaign, transitionCampaign, updateCampaign } from '../../domain/campaigns/campaign.service.js';
import { encodeCreatedCursor } from '../../domain/campaigns/created-cursor.js';
import { estimateCampaignCost } from '../../domain/campaigns/estimate-campaign-cost.service.js';
import { createRatePlan, listRatePlans } from '../../domain/rating/rate-plan.service.js';
import { findCampaignView, listCampaignViews, viewCampaign } from '../../domain/campaigns/campaign-view.js';
import { toCallObject, toCampaignObject, toRateObject, toRatePlanObject } from './spend.mappers.js';
import {
  CallConnection,
  CallObject,
  CallsArgs,
  CampaignConnection,
  CampaignCostEstimate,
  CampaignObject,
  CampaignsArgs,
  CreateCampaignInput,
  CreateCampaignPayload,
  CreateRatePlanInput,
  CreateRatePlanPayload,
  EndCallInput,
  EndCallPayload,
  EstimateCampaignCostInput,
  InboundCallsArgs,
  PauseCampaignPayload,
  RatePlanObject,
  StartCallInput,
  StartCallPayload,
  StartCampaignPayload,
  StartInboundCallInput,
  StartInboundCallPayload,
  UpdateCampaignInput,
  UpdateCampaignPayload,
} from './spend.types.js';

@Resolver()
export class SpendResolver {
  @Query(() => [RatePlanObject], { description: 'Every rate plan (prices are public to every caller).' })
  async ratePlans(@Ctx() { em }: Context): Promise<RatePlanObject[]> {
    return (await listRatePlans(em)).map(toRatePlanObject);
  }

  @Mutation(() => CreateRatePlanPayload, { description: 'PLATFORM_ADMIN: a new price list.' })
  async createRatePlan(
    @Arg('input', () => CreateRatePlanInput, { description: 'The plan: name, currency and its rates.' }) input: CreateRatePlanInput,
    @Ctx() { em, principal, config }: Context,
  ): Promise<CreateRatePlanPayload> {
    const plan = await createRatePlan(em, {
      principal,
      name: input.name,
      currency: input.currency,
      rates: input.rates.map((rate) => ({
        prefix: rate.prefix,
        perMinuteMicros: rate.perMinute,
        firstIncrementSeconds: rate.firstIncrementSeconds,
        nextIncrementSeconds: rate.nextIncrementSeconds,
        connectFeeMicros: rate.connectFee ?? 0n,
        smsPerSegmentMicros: rate.smsPerSegment ?? null,
        smsInboundPerSegmentMicros: rate.smsInboundPerSegment ?? null,
        inboundPerMinuteMicros: rate.inboundPerMinute ?? null,
        numberPurchaseMicros: rate.numberPurchase ?? null,
        numberMonthlyMicros: rate.numberMonthly ?? null,
      })),
      limits: config,
    });
    return { ratePlan: toRatePlanObject(plan) };
  }

  @Query(() => CampaignObject, {
    nullable: true,
    description: 'A campaign of the caller (any for SUPPORT and PLATFORM_ADMIN); NOT_FOUND otherwise.',
  })
  async campaign(
    @Arg('id', () => ID, { description: 'Id of the campaign.' }) id: string,
    @Ctx() { em, principal, config, spend }: Context,
  ): Promise<CampaignObject> {
    return toCampaignObject(await findCampaignView(em, principal, id, { config, nowMs: spend.clock.now() }));
  }

  @Query(() => CampaignConnection, { description: "The caller's campaigns, newest first." })
  async campaigns(
    @Args(() => CampaignsArgs) args: CampaignsArgs,
    @Ctx() { em, principal, config, spend }: Context,
  ): Promise<CampaignConnection> {
    const page = await listCampaignViews(em, {
      principal,
      accountId: args.accountId,
      first: args.first,
      after: args.after,
      limits: config,
      settings: { config, nowMs: spend.clock.now() },
    });
    const edges = page.views.map((view) => ({
      cursor: encodeCreatedCursor(view.campaign.createdAtUs, view.campaign.id),
      node: toCampaignObject(view),
    }));
    return { edges, pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null } };
  }

  @Query(() => CallConnection, { description: "A campaign's calls, newest first." })
  async calls(@Args(() => CallsArgs) args: CallsArgs, @Ctx() { em, principal, config, spend }: Context): Promise<CallConnection> {
    const page = await listCalls(em, { principal, ...args, limits: config });
    const nowMs = spend.clock.now();
    const edges = page.calls.map((call) => ({ cursor: encodeCreatedCursor(call.createdAtUs, call.id), node: toCallObject(call, nowMs) }));
    return { edges, pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null } };
  }

  @Query(() => CallConnection, { description: "Calls received on the account's numbers (or on one of them), newest first." })
  async inboundCalls(
    @Args(() => InboundCallsArgs) args: InboundCallsArgs,
    @Ctx() { em, principal, config, spend }: Context,
  ): Promise<CallConnection> {
    const page = await listInboundCalls(em, { principal, ...args, limits: config });
    const nowMs = spend.clock.now();
    const edges = page.calls.map((call) => ({ cursor: encodeCreatedCursor(call.createdAtUs, call.id), node: toCallObject(call, nowMs) }));
    return { edges, pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null } };
  }

  @Query(() => CallObject, { nullable: true, description: 'A call of the caller; NOT_FOUND otherwise.' })
  async call(
    @Arg('id', () => ID, { description: 'Id of the call.' }) id: string,
    @Ctx() { em, principal, spend }: Context,
  ): Promise<CallObject> {
    return toCallObject(await findCall(em, principal, id), spend.clock.now());
  }

  @Query(() => CampaignCostEstimate, {
    description: 'What a campaign of so many calls of an average duration would cost, against a wallet.',
  })
  async estimateCampaignCost(
    @Arg('input', () => EstimateCampaignCostInput, { description: 'Rate plan, destination, number and length of calls.' })
    input: EstimateCampaignCostInput,
    @Ctx() { em, principal, config }: Context,
  ): Promise<CampaignCostEstimate> {
    const estimate = await estimateCampaignCost(em, {
      principal,
      ratePlanId: input.ratePlanId,
      to: input.to,
      calls: input.calls,
      averageDurationSeconds: input.averageDurationSeconds,
      walletId: input.walletId,
      budgetMicros: input.budget ?? null,
      limits: config,
    });
    return Object.assign(new CampaignCostEstimate(), {
      currency: estimate.currency,
      rate: toRateObject(estimate.rate),
      billedSecondsPerCall: estimate.billedSecondsPerCall,
      costPerCall: estimate.costPerCallMicros,
      total: estimate.totalMicros,
      available: estimate.availableMicros,
      budget: estimate.budgetMicros,
      shortfall: estimate.shortfallMicros,
      coveredCalls: estimate.coveredCalls,
      limitedBy: estimate.limitedBy,
    });
  }

  @Mutation(() => CreateCampaignPayload, {
    description:
      'OWNER, CAMPAIGN_MANAGER, INTEGRATOR, PLATFORM_ADMIN: a new campaign in DRAFT; startCampaign lets it place calls. BAD_USER_INPUT (name, budget, a ' +
      'rate plan in another currency), NOT_FOUND.',
  })
  async createCampaign(
    @Arg('input', () => CreateCampaignInput, { description: 'Paying wallet, pricing rate plan, name, optional budget.' })
    input: CreateCampaignInput,
    @Ctx() { em, principal, config, spend }: Context,
  ): Promise<CreateCampaignPayload> {
    const campaign = await createCampaign(em, {
      principal,
      walletId: input.walletId,
      name: input.name,
      ratePlanId: input.ratePlanId,
      budgetMicros: input.budget ?? null,
      simulate: input.simulate ?? false,
      limits: config,
    });
    return { campaign: toCampaignObject(await viewCampaign(em, campaign, { config, nowMs: spend.clock.now() })) };
  }

  @Mutation(() => UpdateCampaignPayload, {
    description:
      "OWNER, CAMPAIGN_MANAGER, INTEGRATOR, PLATFORM_ADMIN: changes a campaign's name and budget (its cap on spend). BUDGET_BELOW_SPENT (a budget under " +
      'what it has already committed), BAD_USER_INPUT (name, budget), INVALID_STATE (COMPLETED), NOT_FOUND. A campaign stopped at its budget stays ' +
      'stopped: raise the budget, then startCampaign.',
  })
  async updateCampaign(
    @Arg('input', () => UpdateCampaignInput, { description: 'The campaign and what to change.' }) input: UpdateCampaignInput,
    @Ctx() { em, principal, config, spend }: Context,
  ): Promise<UpdateCampaignPayload> {
    const campaign = await updateCampaign(em, {
      principal,
      campaignId: input.id,
      // GraphQL null for the name means "leave it"; for the budget, "no cap".
      name: input.name ?? undefined,
      budgetMicros: input.budget,
      limits: config,
      committed: () => spend.callDeps.committed(),
    });
    return { campaign: toCampaignObject(await viewCampaign(em, campaign, { config, nowMs: spend.clock.now() })) };
  }

  @Mutation(() => StartCampaignPayload, {
    description:
      'OWNER, CAMPAIGN_MANAGER, INTEGRATOR, PLATFORM_ADMIN: RUNNING: calls may be placed (also resumes a stopped or paused campaign). INVALID_STATE for ' +
      'a COMPLETED campaign.',
  })
  async startCampaign(
    @Arg('id', () => ID, { description: 'Id of the campaign to start or resume.' }) id: string,
    @Ctx() { em, principal, config, spend }: Context,
  ): Promise<StartCampaignPayload> {
    const campaign = await transitionCampaign(em, {
      principal,
      campaignId: id,
      transition: 'start',
      committed: () => spend.callDeps.committed(),
    });
    return { campaign: toCampaignObject(await viewCampaign(em, campaign, { config, nowMs: spend.clock.now() })) };
  }

  @Mutation(() => PauseCampaignPayload, {
    description:
      'OWNER, CAMPAIGN_MANAGER, INTEGRATOR, PLATFORM_ADMIN: PAUSED: no new calls; calls in progress run on. INVALID_STATE unless RUNNING.',
  })
  async pauseCampaign(
    @Arg('id', () => ID, { description: 'Id of the campaign to pause.' }) id: string,
    @Ctx() { em, principal, config, spend }: Context,
  ): Promise<PauseCampaignPayload> {
    const campaign = await transitionCampaign(em, {
      principal,
      campaignId: id,
      transition: 'pause',
      committed: () => spend.callDeps.committed(),
    });
    return { campaign: toCampaignObject(await viewCampaign(em, campaign, { config, nowMs: spend.clock.now() })) };
  }

  @Mutation(() => StartCallPayload, {
    description:
      "OWNER, INTEGRATOR, PLATFORM_ADMIN: reserves the first increment and starts metering (the call's fundedUntil is its first grant: see callGrants); a call that cannot be funded comes back REFUSED (and stops " +
      'the campaign). CAMPAIGN_NOT_RUNNING, LIMIT_EXCEEDED (concurrentCallsPerAccountMax active calls, default 2000), BAD_USER_INPUT (`to` not E.164 or ' +
      'without a rate), IDEMPOTENCY_KEY_REUSED; BILLING_CLOCK_BEHIND (retryable, HTTP 503: the billing clock is running late, nothing written).',
  })
  async startCall(
    @Arg('input', () => StartCallInput, { description: 'The campaign and the destination.' }) input: StartCallInput,
    @Ctx() { principal, spend }: Context,
  ): Promise<StartCallPayload> {
    const call = await startCall(spend.sqlEm, spend.callDeps, {
      principal,
      campaignId: input.campaignId,
      to: input.to,
      idempotencyKey: input.idempotencyKey,
    });
    return { call: toCallObject(call, spend.clock.now()) };
  }

  @Mutation(() => StartInboundCallPayload, {
    description:
      "OWNER, INTEGRATOR, PLATFORM_ADMIN: a call arriving on one of the account's numbers, metered like an outbound call at the number's inbound " +
      "per-minute rate (Rate.inboundPerMinute of the number's own prefix): reserves the first increment, or comes back REFUSED (INSUFFICIENT_FUNDS, " +
      'WALLET_SUSPENDED) for the switch to reject; end it with endCall. INVALID_STATE (the number is not ACTIVE), NOT_FOUND, LIMIT_EXCEEDED ' +
      '(concurrentCallsPerAccountMax), BAD_USER_INPUT (`from`), IDEMPOTENCY_KEY_REUSED; BILLING_CLOCK_BEHIND (retryable, HTTP 503: the ' +
      'billing clock is running late, nothing written).',
  })
  async startInboundCall(
    @Arg('input', () => StartInboundCallInput, { description: 'The number called and the caller.' }) input: StartInboundCallInput,
    @Ctx() { em, principal, spend }: Context,
  ): Promise<StartInboundCallPayload> {
    const call = await startInboundCall(em, spend.callDeps, {
      principal,
      numberId: input.numberId,
      from: input.from,
      idempotencyKey: input.idempotencyKey,
    });
    return { call: toCallObject(call, spend.clock.now()) };
  }

  @Mutation(() => EndCallPayload, {
    description:
      "OWNER, INTEGRATOR, PLATFORM_ADMIN: hangs up: bills the time used (to endedAt, the switch's hang-up, within the last reserved increment; " +
      'rounded by the increments) and releases the rest. An ended call comes back as ' +
      'it is. NOT_FOUND.',
  })
  async endCall(
    @Arg('input', () => EndCallInput, { description: 'The call to hang up.' }) input: EndCallInput,
    @Ctx() { principal, spend }: Context,
  ): Promise<EndCallPayload> {
    const call = await endCall(spend.sqlEm, spend.callDeps, {
      principal,
      callId: input.callId,
      endedAtMs: input.endedAt?.getTime() ?? null,
    });
    return { call: toCallObject(call, spend.clock.now()) };
  }
}
