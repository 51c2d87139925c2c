import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context.js';
import { endCall, findCall, listCalls, startCall } from '../../domain/calls/call.service.js';
import { createCampaign, encodeCreatedCursor, findCampaign, listCampaigns, transitionCampaign } from '../../domain/campaigns/campaign.service.js';
import { createRatePlan, findRatePlan, listRatePlans } from '../../domain/rating/rate-plan.service.js';
import { billedSeconds, callCostMicros, estimateCampaignCostMicros, findRate, isE164 } from '../../domain/rating/rating.js';
import { findWallet } from '../../domain/wallets/find-wallet.service.js';
import { BadUserInputError } from '../../errors.js';
import { toCallObject, toCampaignObject, toCampaignObjects, toRateObject, toRatePlanObject } from './spend.mappers.js';
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
  PauseCampaignPayload,
  RatePlanObject,
  StartCallInput,
  StartCallPayload,
  StartCampaignPayload,
} from './spend.types.js';

/** Largest `calls` of an estimate. */
const ESTIMATE_CALLS_MAX = 10_000_000;
/** Longest average duration of an estimate, in seconds (a day). */
const ESTIMATE_DURATION_SECONDS_MAX = 86_400;

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
        numberPurchaseMicros: rate.numberPurchase ?? null,
        numberMonthlyMicros: rate.numberMonthly ?? null,
      })),
      limits: config,
    });
    return { ratePlan: toRatePlanObject(plan) };
  }

  @Query(() => CampaignObject, { nullable: true, description: 'A campaign of the caller (any for SUPPORT and PLATFORM_ADMIN); NOT_FOUND otherwise.' })
  async campaign(@Arg('id', () => ID, { description: 'Id of the campaign.' }) id: string, @Ctx() { em, principal, spend }: Context): Promise<CampaignObject> {
    return toCampaignObject(em, await findCampaign(em, principal, id), spend.clock.now());
  }

  @Query(() => CampaignConnection, { description: "The caller's campaigns, newest first." })
  async campaigns(@Args(() => CampaignsArgs) args: CampaignsArgs, @Ctx() { em, principal, config, spend }: Context): Promise<CampaignConnection> {
    const page = await listCampaigns(em, { principal, first: args.first, after: args.after, limits: config });
    const nodes = await toCampaignObjects(em, page.campaigns, spend.clock.now());
    const edges = page.campaigns.map((campaign, index) => ({ cursor: encodeCreatedCursor(campaign.createdAtUs, campaign.id), node: nodes[index]! }));
    return { edges, pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null } };
  }

  @Query(() => CallConnection, { description: "A campaign's calls, newest first." })
  async calls(@Args(() => CallsArgs) args: CallsArgs, @Ctx() { em, principal, config, spend }: Context): Promise<CallConnection> {
    const page = await listCalls(em, { principal, ...args, limits: config });
    const nowMs = spend.clock.now();
    const edges = page.calls.map((call) => ({ cursor: encodeCreatedCursor(call.createdAtUs, call.id), node: toCallObject(call, nowMs) }));
    return { edges, pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null } };
  }

  @Query(() => CallObject, { nullable: true, description: 'A call of the caller; NOT_FOUND otherwise.' })
  async call(@Arg('id', () => ID, { description: 'Id of the call.' }) id: string, @Ctx() { em, principal, spend }: Context): Promise<CallObject> {
    return toCallObject(await findCall(em, principal, id), spend.clock.now());
  }

  @Query(() => CampaignCostEstimate, { description: 'What a campaign of so many calls of an average duration would cost, against a wallet.' })
  async estimateCampaignCost(
    @Arg('input', () => EstimateCampaignCostInput, { description: 'Rate plan, destination, number and length of calls.' }) input: EstimateCampaignCostInput,
    @Ctx() { em, principal }: Context,
  ): Promise<CampaignCostEstimate> {
    if (!Number.isInteger(input.calls) || input.calls < 1 || input.calls > ESTIMATE_CALLS_MAX) {
      throw new BadUserInputError('calls', `calls must be between 1 and ${ESTIMATE_CALLS_MAX}`);
    }
    if (!Number.isInteger(input.averageDurationSeconds) || input.averageDurationSeconds < 0 || input.averageDurationSeconds > ESTIMATE_DURATION_SECONDS_MAX) {
      throw new BadUserInputError('averageDurationSeconds', `averageDurationSeconds must be between 0 and ${ESTIMATE_DURATION_SECONDS_MAX}`);
    }
    if (!isE164(input.to)) throw new BadUserInputError('to', 'to must be an E.164 number such as "+447700900123"');
    const plan = await findRatePlan(em, input.ratePlanId);
    const rate = findRate(plan.rates, input.to);
    if (!rate) throw new BadUserInputError('to', `No rate for ${input.to} in rate plan "${plan.name}"`);
    const billed = billedSeconds(input.averageDurationSeconds, rate.firstIncrementSeconds, rate.nextIncrementSeconds);
    const costPerCall = callCostMicros(rate, billed);
    const total = estimateCampaignCostMicros(rate, input.calls, input.averageDurationSeconds);
    let available: bigint | null = null;
    if (input.walletId !== null && input.walletId !== undefined) {
      const wallet = await findWallet(em, { principal, walletId: input.walletId });
      if (wallet.currency.trim() !== plan.currency) {
        throw new BadUserInputError('walletId', `The wallet is in ${wallet.currency.trim()}, the rate plan in ${plan.currency}`);
      }
      available = wallet.balanceMicros - wallet.reservedMicros;
    }
    return Object.assign(new CampaignCostEstimate(), {
      currency: plan.currency,
      rate: toRateObject(rate),
      billedSecondsPerCall: billed,
      costPerCall,
      total,
      available,
      shortfall: available === null ? null : total > available ? total - available : 0n,
      coveredCalls: available === null ? null : costPerCall === 0n ? input.calls : Number(available / costPerCall > BigInt(input.calls) ? BigInt(input.calls) : available / costPerCall),
    });
  }

  @Mutation(() => CreateCampaignPayload, {
    description:
      'OWNER, CAMPAIGN_MANAGER, INTEGRATOR, PLATFORM_ADMIN: a new campaign in DRAFT; startCampaign lets it place calls. BAD_USER_INPUT (name, budget, a ' +
      'rate plan in another currency), NOT_FOUND.',
  })
  async createCampaign(
    @Arg('input', () => CreateCampaignInput, { description: 'Paying wallet, pricing rate plan, name, optional budget.' }) input: CreateCampaignInput,
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
    return { campaign: await toCampaignObject(em, campaign, spend.clock.now()) };
  }

  @Mutation(() => StartCampaignPayload, {
    description:
      'OWNER, CAMPAIGN_MANAGER, INTEGRATOR, PLATFORM_ADMIN: RUNNING: calls may be placed (also resumes a stopped or paused campaign). INVALID_STATE for ' +
      'a COMPLETED campaign.',
  })
  async startCampaign(
    @Arg('id', () => ID, { description: 'Id of the campaign to start or resume.' }) id: string,
    @Ctx() { em, principal, events, spend }: Context,
  ): Promise<StartCampaignPayload> {
    const campaign = await transitionCampaign(em, { principal, campaignId: id, transition: 'start' });
    events.committed();
    return { campaign: await toCampaignObject(em, campaign, spend.clock.now()) };
  }

  @Mutation(() => PauseCampaignPayload, {
    description: 'OWNER, CAMPAIGN_MANAGER, INTEGRATOR, PLATFORM_ADMIN: PAUSED: no new calls; calls in progress run on. INVALID_STATE unless RUNNING.',
  })
  async pauseCampaign(
    @Arg('id', () => ID, { description: 'Id of the campaign to pause.' }) id: string,
    @Ctx() { em, principal, events, spend }: Context,
  ): Promise<PauseCampaignPayload> {
    const campaign = await transitionCampaign(em, { principal, campaignId: id, transition: 'pause' });
    events.committed();
    return { campaign: await toCampaignObject(em, campaign, spend.clock.now()) };
  }

  @Mutation(() => StartCallPayload, {
    description:
      'OWNER, INTEGRATOR, PLATFORM_ADMIN: reserves the first increment and starts metering; a call that cannot be funded comes back REFUSED (and stops ' +
      'the campaign). CAMPAIGN_NOT_RUNNING, LIMIT_EXCEEDED (concurrentCallsPerAccountMax active calls, default 2000), BAD_USER_INPUT (`to` not E.164 or ' +
      'without a rate), IDEMPOTENCY_KEY_REUSED.',
  })
  async startCall(
    @Arg('input', () => StartCallInput, { description: 'The campaign and the destination.' }) input: StartCallInput,
    @Ctx() { em, principal, spend }: Context,
  ): Promise<StartCallPayload> {
    const call = await startCall(em, spend.callDeps, { principal, campaignId: input.campaignId, to: input.to, idempotencyKey: input.idempotencyKey });
    return { call: toCallObject(call, spend.clock.now()) };
  }

  @Mutation(() => EndCallPayload, {
    description:
      'OWNER, INTEGRATOR, PLATFORM_ADMIN: hangs up: bills the time used (rounded by the increments) and releases the rest. An ended call comes back as ' +
      'it is. NOT_FOUND.',
  })
  async endCall(
    @Arg('input', () => EndCallInput, { description: 'The call to hang up.' }) input: EndCallInput,
    @Ctx() { em, principal, spend }: Context,
  ): Promise<EndCallPayload> {
    const call = await endCall(em, spend.callDeps, { principal, callId: input.callId });
    return { call: toCallObject(call, spend.clock.now()) };
  }
}
