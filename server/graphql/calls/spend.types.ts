import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { CampaignEnd } from '../../domain/campaigns/campaign-projection.js';
import { SpendCapReachObject } from '../spend-caps/spend-caps.type.js';
import { DateTimeResolver } from 'graphql-scalars';
import { CallDirection, CallEndReason, CallStatus, CampaignStatus } from '../enums.js';
import { MoneyScalar } from '../scalars/money.scalar.js';
import { PageInfo } from '../wallets/wallet.type.js';

@ObjectType('Rate', { description: 'The price of calls to numbers starting with a prefix (longest prefix wins).' })
export class RateObject {
  @Field(() => String, { description: 'Destination digits without "+"; "" matches every number.' })
  prefix!: string;

  @Field(() => MoneyScalar, { description: "Price of a minute of call to the prefix, in the plan's currency." })
  perMinute!: bigint;

  @Field(() => Int, { description: 'Minimum billed seconds (the first increment).' })
  firstIncrementSeconds!: number;

  @Field(() => Int, { description: 'Billing step after the first increment, in seconds.' })
  nextIncrementSeconds!: number;

  @Field(() => MoneyScalar, { description: 'Charged once per connected call.' })
  connectFee!: bigint;

  @Field(() => MoneyScalar, {
    nullable: true,
    description: 'Per segment of an outbound SMS to the prefix; null when SMS is not offered there.',
  })
  smsPerSegment!: bigint | null;

  @Field(() => MoneyScalar, { description: 'Per segment of an inbound SMS from the prefix.' })
  smsInboundPerSegment!: bigint;

  @Field(() => MoneyScalar, {
    description:
      "Per minute of a call received on a number under the prefix (the number's country and type), billed by this rate's increments without a connect fee; 0: free.",
  })
  inboundPerMinute!: bigint;

  @Field(() => MoneyScalar, {
    nullable: true,
    description: 'One-time price of a number under the prefix; null when numbers are not sold there.',
  })
  numberPurchase!: bigint | null;

  @Field(() => MoneyScalar, { nullable: true, description: 'Monthly rental of a number under the prefix.' })
  numberMonthly!: bigint | null;
}

@ObjectType('RatePlan', { description: 'A price list in one currency: a rate per destination prefix, for calls, SMS and numbers.' })
export class RatePlanObject {
  @Field(() => ID, { description: 'Unique id of the rate plan.' })
  id!: string;

  @Field(() => String, { description: 'Display name.' })
  name!: string;

  @Field(() => String, { description: 'ISO 4217 code of its prices; it prices only wallets of that currency.' })
  currency!: string;

  @Field(() => [RateObject], { description: 'Longest prefix first.' })
  rates!: RateObject[];

  @Field(() => DateTimeResolver, { description: 'When the rate plan was created.' })
  createdAt!: Date;
}

@InputType('RateInput', { description: 'The prices for numbers starting with one prefix.' })
export class RateInput {
  @Field(() => String, { description: 'Destination digits ("44", "+447"); "" for every number. At most 15 digits.' })
  prefix!: string;

  @Field(() => MoneyScalar, { description: 'Price per minute, ≥ 0; sub-cent prices are exact.' })
  perMinute!: bigint;

  @Field(() => Int, { description: '1..3600.' })
  firstIncrementSeconds!: number;

  @Field(() => Int, { description: '1..3600.' })
  nextIncrementSeconds!: number;

  @Field(() => MoneyScalar, { nullable: true, description: 'Default 0.' })
  connectFee?: bigint | null;

  @Field(() => MoneyScalar, { nullable: true, description: 'Per outbound SMS segment; omit when SMS is not offered.' })
  smsPerSegment?: bigint | null;

  @Field(() => MoneyScalar, { nullable: true, description: 'Per inbound SMS segment. Default 0.' })
  smsInboundPerSegment?: bigint | null;

  @Field(() => MoneyScalar, { nullable: true, description: 'Per minute of a call received on a number under the prefix. Default 0.' })
  inboundPerMinute?: bigint | null;

  @Field(() => MoneyScalar, {
    nullable: true,
    description: 'One-time number price; with numberMonthly, or omit both when numbers are not sold.',
  })
  numberPurchase?: bigint | null;

  @Field(() => MoneyScalar, { nullable: true, description: 'Monthly number rental.' })
  numberMonthly?: bigint | null;
}

@InputType('CreateRatePlanInput', { description: 'A new price list.' })
export class CreateRatePlanInput {
  @Field(() => String, { description: 'Display name, 1 to 200 characters.' })
  name!: string;

  @Field(() => String, { description: 'ISO 4217 code of its prices, e.g. "USD".' })
  currency!: string;

  @Field(() => [RateInput], {
    description: 'At least one rate, each prefix once; at most ratesPerPlanMax (default 10,000). Add "" to price every other number.',
  })
  rates!: RateInput[];
}

@ObjectType('CreateRatePlanPayload', { description: 'The result of createRatePlan.' })
export class CreateRatePlanPayload {
  @Field(() => RatePlanObject, { description: 'The new rate plan.' })
  ratePlan!: RatePlanObject;
}

registerEnumType(CampaignEnd, {
  name: 'CampaignEnd',
  description: 'What stops a running campaign first at the current burn.',
  valuesConfig: {
    BUDGET: { description: 'Its committed spend reaches its budget (it stops STOPPED_BUDGET_REACHED).' },
    SPEND_CAP: {
      description: 'A daily or monthly spend cap of its wallet or account is reached before the cap resets (it stops STOPPED_SPEND_CAP).',
    },
    WALLET: { description: "Its wallet's available balance is used up (it stops STOPPED_INSUFFICIENT_FUNDS)." },
  },
});

@ObjectType('CampaignProjection', {
  description:
    "When a RUNNING campaign ends at the current burn (the wallet's one burn definition, see WalletBurn): its budget is reached at the campaign's " +
    "own rate, a daily or monthly spend cap is reached or its wallet runs dry at the wallet's rate (every use of the wallet), whichever comes first. " +
    'Seconds are rounded down.',
})
export class CampaignProjectionObject {
  @Field(() => MoneyScalar, { description: "The campaign's own burn rate per minute (its calls and messages)." })
  ratePerMinute!: bigint;

  @Field(() => MoneyScalar, {
    nullable: true,
    description: "The wallet's burn rate per minute (Wallet.burn.ratePerMinute): what walletRunsDryInSeconds is counted at.",
  })
  walletRatePerMinute!: bigint | null;

  @Field(() => Int, { nullable: true, description: 'Seconds until committed spend reaches the budget; null without a budget.' })
  budgetReachedInSeconds!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: "Seconds until the wallet's available balance is used up (the same figure as Wallet.burn.timeToEmptySeconds).",
  })
  walletRunsDryInSeconds!: number | null;

  @Field(() => Int, {
    nullable: true,
    description:
      "Seconds until a daily or monthly spend cap of the wallet or account is reached at the wallet's rate; null without caps or when each resets first.",
  })
  spendCapReachedInSeconds!: number | null;

  @Field(() => SpendCapReachObject, {
    nullable: true,
    description: "Which cap spendCapReachedInSeconds counts to (daily or monthly, the account's or the wallet's); null with it.",
  })
  spendCap!: SpendCapReachObject | null;

  @Field(() => CampaignEnd, {
    nullable: true,
    description: 'Which comes first (on a tie BUDGET, then SPEND_CAP); null when none is known.',
  })
  endsBy!: CampaignEnd | null;

  @Field(() => Int, { nullable: true, description: 'Seconds until the first of them; null when none is known.' })
  endsInSeconds!: number | null;

  @Field(() => Int, { description: 'The window the rates look back over, in seconds (burnRateWindowSeconds).' })
  windowSeconds!: number;
}

@ObjectType('Campaign', { description: 'Calls dialed against one wallet and rate plan, stopped when the money or the budget runs out.' })
export class CampaignObject {
  @Field(() => ID, { description: 'Unique id of the campaign.' })
  id!: string;

  @Field(() => ID, { description: 'The account that owns it.' })
  accountId!: string;

  @Field(() => ID, { description: 'The wallet that pays its calls and messages.' })
  walletId!: string;

  @Field(() => ID, { description: 'The rate plan that prices its calls and messages.' })
  ratePlanId!: string;

  @Field(() => String, { description: 'Display name.' })
  name!: string;

  @Field(() => CampaignStatus, { description: 'Where the campaign stands; only RUNNING places calls.' })
  status!: CampaignStatus;

  @Field(() => MoneyScalar, { nullable: true, description: 'Hard cap on spend; null for none.' })
  budget!: bigint | null;

  @Field(() => MoneyScalar, { description: 'Cost of ended calls plus what active calls have cost so far.' })
  spent!: bigint;

  @Field(() => MoneyScalar, { description: 'Spent plus what active calls hold reserved: what the budget is checked against.' })
  committed!: bigint;

  @Field(() => Int, { description: 'Calls in progress now.' })
  activeCalls!: number;

  @Field(() => MoneyScalar, {
    description:
      "The campaign's own burn rate per minute by the wallet's one definition (see WalletBurn: its metered calls and messages over the window); " +
      '0 when nothing of it is running.',
  })
  spendPerMinute!: bigint;

  @Field(() => CampaignProjectionObject, {
    nullable: true,
    description:
      'When it ends: budget reached or wallet dry, whichever first. Null unless RUNNING with something running (paused, stopped: null).',
  })
  projection!: CampaignProjectionObject | null;

  @Field(() => Boolean, { description: 'Dialed by the built-in simulator.' })
  simulate!: boolean;

  @Field(() => String, { description: 'Grows with every change; a state with a higher version is newer.' })
  version!: string;

  @Field(() => DateTimeResolver, { description: 'When the campaign was created.' })
  createdAt!: Date;
}

@ObjectType('Call', {
  description:
    'One call, placed by a campaign (OUTBOUND) or received on a number (INBOUND), metered by the billing clock while ACTIVE: credit is reserved one ' +
    'increment ahead and released or billed when it ends.',
})
export class CallObject {
  @Field(() => ID, { description: 'Unique id of the call.' })
  id!: string;

  @Field(() => CallDirection, { description: 'OUTBOUND (a campaign placed it) or INBOUND (received on one of the numbers).' })
  direction!: CallDirection;

  @Field(() => ID, { nullable: true, description: 'The campaign that placed it; null for an inbound call.' })
  campaignId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The number an inbound call was received on; null for an outbound call.' })
  numberId!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The caller of an inbound call (E.164, or what the carrier gave); null for an outbound call.',
  })
  from!: string | null;

  @Field(() => ID, { description: 'The wallet that pays it.' })
  walletId!: string;

  @Field(() => String, { description: 'E.164: the destination of an outbound call, the number called of an inbound one.' })
  to!: string;

  @Field(() => CallStatus, {
    description: 'ACTIVE while it runs; then COMPLETED (hung up), STOPPED (the server ended it) or REFUSED (never connected).',
  })
  status!: CallStatus;

  @Field(() => CallEndReason, { description: 'Why it ended (HANGUP) or was stopped or refused; null while ACTIVE.', nullable: true })
  endReason!: CallEndReason | null;

  @Field(() => DateTimeResolver, { description: 'When it started (or was refused).' })
  startedAt!: Date;

  @Field(() => DateTimeResolver, { description: 'When it ended; null while ACTIVE.', nullable: true })
  endedAt!: Date | null;

  @Field(() => DateTimeResolver, {
    nullable: true,
    description:
      "While ACTIVE: until when it is paid for, the call's grant. A switch hangs the call up at the last fundedUntil it saw unless it has seen " +
      'a later one (poll callGrants): the billing clock extends it billingClockLeadMs (default 1 s) before it runs out while the wallet, budget ' +
      'and spend caps fund the next increment; while the server or its database is unreachable it is not extended and the call ends there ' +
      '(fail-safe: a call with money left may be cut by an outage), and a grant that ran out is never extended afterwards: the server ends ' +
      "that call at fundedUntil as a hang-up (COMPLETED, HANGUP). endCall bills min(its arrival, fundedUntil), or down to the switch's endedAt within the last increment. Null once ended.",
  })
  fundedUntil!: Date | null;

  @Field(() => Int, { description: 'Seconds billed: final once ended, so far while active (rounded up by the increments).' })
  billedSeconds!: number;

  @Field(() => MoneyScalar, { description: 'Cost: final once ended, so far while active.' })
  cost!: bigint;

  @Field(() => MoneyScalar, { description: 'Credit the call holds on the wallet now.' })
  reserved!: bigint;

  @Field(() => MoneyScalar, {
    description: "Price of a minute of this call, from the rate of its destination (or the plan subscription's overage rate).",
  })
  perMinute!: bigint;

  @Field(() => ID, { nullable: true, description: 'The CALL transaction of its cost, once posted.' })
  transactionId!: string | null;

  @Field(() => String, { description: 'Grows with every change.' })
  version!: string;
}

@ObjectType('CampaignEdge', { description: 'One campaign of a page and its cursor.' })
export class CampaignEdge {
  @Field(() => String, { description: 'Opaque position of this item: pass it as `after` to get the items after it.' })
  cursor!: string;

  @Field(() => CampaignObject, { description: 'The campaign.' })
  node!: CampaignObject;
}

@ObjectType('CampaignConnection', { description: 'Campaigns newest first, Relay style.' })
export class CampaignConnection {
  @Field(() => [CampaignEdge], { description: 'This page of campaigns, in order.' })
  edges!: CampaignEdge[];

  @Field(() => PageInfo, { description: 'Whether another page follows, and the cursor to fetch it.' })
  pageInfo!: PageInfo;
}

@ObjectType('CallEdge', { description: 'One call of a page and its cursor.' })
export class CallEdge {
  @Field(() => String, { description: 'Opaque position of this item: pass it as `after` to get the items after it.' })
  cursor!: string;

  @Field(() => CallObject, { description: 'The call.' })
  node!: CallObject;
}

@ObjectType('CallConnection', { description: 'Calls newest first, Relay style.' })
export class CallConnection {
  @Field(() => [CallEdge], { description: 'This page of calls, in order.' })
  edges!: CallEdge[];

  @Field(() => PageInfo, { description: 'Whether another page follows, and the cursor to fetch it.' })
  pageInfo!: PageInfo;
}

@InputType('CreateCampaignInput', { description: 'A new campaign.' })
export class CreateCampaignInput {
  @Field(() => ID, { description: "The wallet that pays (one of the caller's)." })
  walletId!: string;

  @Field(() => String, { description: 'Display name, 1 to 200 characters.' })
  name!: string;

  @Field(() => ID, { description: "The rate plan that prices its calls and messages; in the wallet's currency." })
  ratePlanId!: string;

  @Field(() => MoneyScalar, { nullable: true, description: 'Optional hard cap on spend.' })
  budget?: bigint | null;

  @Field(() => Boolean, { nullable: true, description: 'Let the built-in dialer simulator place its calls. Default false.' })
  simulate?: boolean | null;
}

@ObjectType('CreateCampaignPayload', { description: 'The result of createCampaign.' })
export class CreateCampaignPayload {
  @Field(() => CampaignObject, { description: 'The new campaign, in DRAFT.' })
  campaign!: CampaignObject;
}

@InputType('UpdateCampaignInput', {
  description: 'Changes to a campaign: leave a field out to keep it. Its cap on spend is its budget.',
})
export class UpdateCampaignInput {
  @Field(() => ID, { description: 'Id of the campaign.' })
  id!: string;

  @Field(() => String, { nullable: true, description: 'New display name, 1 to 200 characters.' })
  name?: string | null;

  @Field(() => MoneyScalar, {
    nullable: true,
    description:
      'New hard cap on spend; explicitly null removes the cap. Never below what the campaign has already committed (BUDGET_BELOW_SPENT).',
  })
  budget?: bigint | null;
}

@ObjectType('UpdateCampaignPayload', { description: 'The result of updateCampaign.' })
export class UpdateCampaignPayload {
  @Field(() => CampaignObject, {
    description: 'The campaign as changed; its status is unchanged (a campaign stopped at its budget resumes with startCampaign).',
  })
  campaign!: CampaignObject;
}

@ObjectType('StartCampaignPayload', { description: 'The result of startCampaign.' })
export class StartCampaignPayload {
  @Field(() => CampaignObject, { description: 'The campaign, now RUNNING.' })
  campaign!: CampaignObject;
}

@ObjectType('PauseCampaignPayload', { description: 'The result of pauseCampaign.' })
export class PauseCampaignPayload {
  @Field(() => CampaignObject, { description: 'The campaign, now PAUSED.' })
  campaign!: CampaignObject;
}

@InputType('StartCallInput', { description: 'A call to place on a campaign.' })
export class StartCallInput {
  @Field(() => ID, { description: 'A RUNNING campaign of the caller (CAMPAIGN_NOT_RUNNING otherwise).' })
  campaignId!: string;

  @Field(() => String, { description: 'E.164 destination, e.g. "+447700900123".' })
  to!: string;

  @Field(() => String, { nullable: true, description: 'Retry-safe key per campaign: the same key returns the same call.' })
  idempotencyKey?: string | null;
}

@ObjectType('StartCallPayload', { description: 'The result of startCall.' })
export class StartCallPayload {
  @Field(() => CallObject, { description: 'ACTIVE, or REFUSED with its endReason.' })
  call!: CallObject;
}

@InputType('StartInboundCallInput', { description: "A call arriving on one of the account's numbers." })
export class StartInboundCallInput {
  @Field(() => ID, { description: "The number called (one of the caller's account; NOT_FOUND otherwise)." })
  numberId!: string;

  @Field(() => String, {
    description: 'The caller: E.164 (e.g. "+447700900123"), or up to callerIdLengthMax (default 32) printable characters ("anonymous").',
  })
  from!: string;

  @Field(() => String, {
    nullable: true,
    description: "Retry-safe key per number (e.g. the switch's call id): the same key returns the same call.",
  })
  idempotencyKey?: string | null;
}

@ObjectType('StartInboundCallPayload', { description: 'The result of startInboundCall.' })
export class StartInboundCallPayload {
  @Field(() => CallObject, { description: 'ACTIVE (answer it), or REFUSED with its endReason (reject it).' })
  call!: CallObject;
}

@ArgsType()
export class InboundCallsArgs {
  @Field(() => ID, { nullable: true, description: "Only calls received on this number (one of the caller's)." })
  numberId?: string | null;

  @Field(() => ID, { nullable: true, description: 'SUPPORT and PLATFORM_ADMIN: the account (a tenant always reads its own).' })
  accountId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only calls paid by this wallet (its numbers).' })
  walletId?: string | null;

  @Field(() => Int, { nullable: true, description: 'Page size, 1..100. Default 20.' })
  first?: number | null;

  @Field(() => String, { description: 'endCursor of the previous page.', nullable: true })
  after?: string | null;
}

@InputType('EndCallInput', { description: 'The call to hang up.' })
export class EndCallInput {
  @Field(() => ID, { description: 'Id of the call.' })
  callId!: string;

  @Field(() => DateTimeResolver, {
    nullable: true,
    description:
      'When the switch hung up (its own clock). The call is billed to max(min(the start of its latest reserved increment, arrival), ' +
      "min(endedAt, arrival, fundedUntil)), arrival being this hang-up's, rounded up by the increments: a switch that hung up at a grant it saw before an extension it did not see pays " +
      'nothing for that last reserved increment, but never less than the time granted before it. A time in the future counts as the arrival. ' +
      'Null or absent: billed to min(arrival, fundedUntil). Ignored for a call already ended.',
  })
  endedAt?: Date | null;
}

@ObjectType('EndCallPayload', { description: 'The result of endCall.' })
export class EndCallPayload {
  @Field(() => CallObject, { description: 'The call as ended: its final billed seconds and cost.' })
  call!: CallObject;
}

@InputType('EstimateCampaignCostInput', { description: 'A campaign to price before starting it.' })
export class EstimateCampaignCostInput {
  @Field(() => ID, { description: 'The rate plan that would price the calls.' })
  ratePlanId!: string;

  @Field(() => String, { description: 'A typical destination (E.164): its rate prices the estimate.' })
  to!: string;

  @Field(() => Int, { description: 'Calls expected, 1..10,000,000.' })
  calls!: number;

  @Field(() => Int, { description: 'Average call duration in seconds, 0..86,400.' })
  averageDurationSeconds!: number;

  @Field(() => ID, { nullable: true, description: 'Compare with this wallet’s available balance.' })
  walletId?: string | null;

  @Field(() => MoneyScalar, {
    nullable: true,
    description: "The campaign's budget: calls are covered only up to the lesser of it and the wallet's available balance.",
  })
  budget?: bigint | null;
}

@ObjectType('CampaignCostEstimate', {
  description: 'A check before a campaign: what its calls would cost and whether the wallet covers it.',
})
export class CampaignCostEstimate {
  @Field(() => String, { description: "ISO 4217 code of the amounts (the rate plan's)." })
  currency!: string;

  @Field(() => RateObject, { description: 'The rate that prices the destination (longest matching prefix).' })
  rate!: RateObject;

  @Field(() => Int, { description: 'Billed seconds of an average call (increments and minimum applied).' })
  billedSecondsPerCall!: number;

  @Field(() => MoneyScalar, { description: 'Cost of one average call: connect fee plus the billed seconds at the per-minute price.' })
  costPerCall!: bigint;

  @Field(() => MoneyScalar, { description: 'Cost of all the calls.' })
  total!: bigint;

  @Field(() => MoneyScalar, { nullable: true, description: 'The wallet’s available balance, when walletId was given.' })
  available!: bigint | null;

  @Field(() => MoneyScalar, { nullable: true, description: 'The budget the estimate was checked against, when given.' })
  budget!: bigint | null;

  @Field(() => MoneyScalar, {
    nullable: true,
    description:
      'What is missing to cover the total within the lesser of the available balance and the budget (0 when covered); null when neither was given.',
  })
  shortfall!: bigint | null;

  @Field(() => Int, {
    nullable: true,
    description: 'How many such calls the lesser of the available balance and the budget covers; null when neither was given.',
  })
  coveredCalls!: number | null;

  @Field(() => CampaignEnd, {
    nullable: true,
    description: 'When not every call is covered, what stops the campaign first: its budget or its wallet; null when all are covered.',
  })
  limitedBy!: CampaignEnd | null;
}

@ArgsType()
export class CampaignsArgs {
  @Field(() => Int, { nullable: true, description: 'Page size, 1..100. Default 20.' })
  first?: number | null;

  @Field(() => String, { description: 'endCursor of the previous page.', nullable: true })
  after?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: "Only this account's campaigns (SUPPORT and PLATFORM_ADMIN: any account; others: their own, NOT_FOUND for another).",
  })
  accountId?: string | null;
}

@ArgsType()
export class CallsArgs {
  @Field(() => ID, { description: "The campaign (one of the caller's; NOT_FOUND otherwise)." })
  campaignId!: string;

  @Field(() => CallStatus, { description: 'Only calls in this status.', nullable: true })
  status?: CallStatus | null;

  @Field(() => Int, { nullable: true, description: 'Page size, 1..100. Default 20.' })
  first?: number | null;

  @Field(() => String, { description: 'endCursor of the previous page.', nullable: true })
  after?: string | null;
}
