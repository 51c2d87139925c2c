import { ArgsType, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { CallEndReason, CallStatus, CampaignStatus } from '../enums.js';
import { MoneyScalar } from '../scalars/money.scalar.js';
import { PageInfo } from '../wallets/wallet.type.js';

@ObjectType('Rate', { description: 'The price of calls to numbers starting with a prefix (longest prefix wins).' })
export class RateObject {
  @Field(() => String, { description: 'Destination digits without "+"; "" matches every number.' })
  prefix!: string;

  @Field(() => MoneyScalar)
  perMinute!: bigint;

  @Field(() => Int, { description: 'Minimum billed seconds (the first increment).' })
  firstIncrementSeconds!: number;

  @Field(() => Int, { description: 'Billing step after the first increment, in seconds.' })
  nextIncrementSeconds!: number;

  @Field(() => MoneyScalar, { description: 'Charged once per connected call.' })
  connectFee!: bigint;

  @Field(() => MoneyScalar, { nullable: true, description: 'Per segment of an outbound SMS to the prefix; null when SMS is not offered there.' })
  smsPerSegment!: bigint | null;

  @Field(() => MoneyScalar, { description: 'Per segment of an inbound SMS from the prefix.' })
  smsInboundPerSegment!: bigint;

  @Field(() => MoneyScalar, { nullable: true, description: 'One-time price of a number under the prefix; null when numbers are not sold there.' })
  numberPurchase!: bigint | null;

  @Field(() => MoneyScalar, { nullable: true, description: 'Monthly rental of a number under the prefix.' })
  numberMonthly!: bigint | null;
}

@ObjectType('RatePlan')
export class RatePlanObject {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String)
  currency!: string;

  @Field(() => [RateObject], { description: 'Longest prefix first.' })
  rates!: RateObject[];

  @Field(() => DateTimeResolver)
  createdAt!: Date;
}

@InputType('RateInput')
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

  @Field(() => MoneyScalar, { nullable: true, description: 'One-time number price; with numberMonthly, or omit both when numbers are not sold.' })
  numberPurchase?: bigint | null;

  @Field(() => MoneyScalar, { nullable: true, description: 'Monthly number rental.' })
  numberMonthly?: bigint | null;
}

@InputType('CreateRatePlanInput')
export class CreateRatePlanInput {
  @Field(() => String)
  name!: string;

  @Field(() => String)
  currency!: string;

  @Field(() => [RateInput])
  rates!: RateInput[];
}

@ObjectType('CreateRatePlanPayload')
export class CreateRatePlanPayload {
  @Field(() => RatePlanObject)
  ratePlan!: RatePlanObject;
}

@ObjectType('Campaign', { description: 'Calls dialed against one wallet and rate plan, stopped when the money or the budget runs out.' })
export class CampaignObject {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  accountId!: string;

  @Field(() => ID)
  walletId!: string;

  @Field(() => ID)
  ratePlanId!: string;

  @Field(() => String)
  name!: string;

  @Field(() => CampaignStatus)
  status!: CampaignStatus;

  @Field(() => MoneyScalar, { nullable: true, description: 'Hard cap on spend; null for none.' })
  budget!: bigint | null;

  @Field(() => MoneyScalar, { description: 'Cost of ended calls plus what active calls have cost so far.' })
  spent!: bigint;

  @Field(() => MoneyScalar, { description: 'Spent plus what active calls hold reserved: what the budget is checked against.' })
  committed!: bigint;

  @Field(() => Int)
  activeCalls!: number;

  @Field(() => MoneyScalar, { description: 'Current burn: the per-minute prices of its active calls, summed.' })
  spendPerMinute!: bigint;

  @Field(() => Int, {
    nullable: true,
    description: "At the wallet's current burn (all its active calls), seconds until its available balance is used up; null when nothing is burning.",
  })
  timeToEmptySeconds!: number | null;

  @Field(() => Boolean, { description: 'Dialed by the built-in simulator.' })
  simulate!: boolean;

  @Field(() => String, { description: 'Grows with every change; a state with a higher version is newer.' })
  version!: string;

  @Field(() => DateTimeResolver)
  createdAt!: Date;
}

@ObjectType('Call')
export class CallObject {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  campaignId!: string;

  @Field(() => ID)
  walletId!: string;

  @Field(() => String)
  to!: string;

  @Field(() => CallStatus)
  status!: CallStatus;

  @Field(() => CallEndReason, { nullable: true })
  endReason!: CallEndReason | null;

  @Field(() => DateTimeResolver)
  startedAt!: Date;

  @Field(() => DateTimeResolver, { nullable: true })
  endedAt!: Date | null;

  @Field(() => DateTimeResolver, { nullable: true, description: 'While active: until when it is paid for.' })
  fundedUntil!: Date | null;

  @Field(() => Int, { description: 'Seconds billed: final once ended, so far while active (rounded up by the increments).' })
  billedSeconds!: number;

  @Field(() => MoneyScalar, { description: 'Cost: final once ended, so far while active.' })
  cost!: bigint;

  @Field(() => MoneyScalar, { description: 'Credit the call holds on the wallet now.' })
  reserved!: bigint;

  @Field(() => MoneyScalar)
  perMinute!: bigint;

  @Field(() => ID, { nullable: true, description: 'The CALL transaction of its cost, once posted.' })
  transactionId!: string | null;

  @Field(() => String, { description: 'Grows with every change.' })
  version!: string;
}

@ObjectType('CampaignEdge')
export class CampaignEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => CampaignObject)
  node!: CampaignObject;
}

@ObjectType('CampaignConnection')
export class CampaignConnection {
  @Field(() => [CampaignEdge])
  edges!: CampaignEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}

@ObjectType('CallEdge')
export class CallEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => CallObject)
  node!: CallObject;
}

@ObjectType('CallConnection')
export class CallConnection {
  @Field(() => [CallEdge])
  edges!: CallEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}

@InputType('CreateCampaignInput')
export class CreateCampaignInput {
  @Field(() => ID)
  walletId!: string;

  @Field(() => String)
  name!: string;

  @Field(() => ID)
  ratePlanId!: string;

  @Field(() => MoneyScalar, { nullable: true, description: 'Optional hard cap on spend.' })
  budget?: bigint | null;

  @Field(() => Boolean, { nullable: true, description: 'Let the built-in dialer simulator place its calls. Default false.' })
  simulate?: boolean | null;
}

@ObjectType('CreateCampaignPayload')
export class CreateCampaignPayload {
  @Field(() => CampaignObject)
  campaign!: CampaignObject;
}

@ObjectType('StartCampaignPayload')
export class StartCampaignPayload {
  @Field(() => CampaignObject)
  campaign!: CampaignObject;
}

@ObjectType('PauseCampaignPayload')
export class PauseCampaignPayload {
  @Field(() => CampaignObject)
  campaign!: CampaignObject;
}

@InputType('StartCallInput')
export class StartCallInput {
  @Field(() => ID)
  campaignId!: string;

  @Field(() => String, { description: 'E.164 destination, e.g. "+447700900123".' })
  to!: string;

  @Field(() => String, { nullable: true, description: 'Retry-safe key per campaign: the same key returns the same call.' })
  idempotencyKey?: string | null;
}

@ObjectType('StartCallPayload')
export class StartCallPayload {
  @Field(() => CallObject, { description: 'ACTIVE, or REFUSED with its endReason.' })
  call!: CallObject;
}

@InputType('EndCallInput')
export class EndCallInput {
  @Field(() => ID)
  callId!: string;
}

@ObjectType('EndCallPayload')
export class EndCallPayload {
  @Field(() => CallObject)
  call!: CallObject;
}

@InputType('EstimateCampaignCostInput')
export class EstimateCampaignCostInput {
  @Field(() => ID)
  ratePlanId!: string;

  @Field(() => String, { description: 'A typical destination (E.164): its rate prices the estimate.' })
  to!: string;

  @Field(() => Int, { description: 'Calls expected, 1..10,000,000.' })
  calls!: number;

  @Field(() => Int, { description: 'Average call duration in seconds, 0..86,400.' })
  averageDurationSeconds!: number;

  @Field(() => ID, { nullable: true, description: 'Compare with this wallet’s available balance.' })
  walletId?: string | null;
}

@ObjectType('CampaignCostEstimate', { description: 'Seed 004’s pre-campaign check: what the calls would cost and whether the wallet covers it.' })
export class CampaignCostEstimate {
  @Field(() => String)
  currency!: string;

  @Field(() => RateObject)
  rate!: RateObject;

  @Field(() => Int, { description: 'Billed seconds of an average call (increments and minimum applied).' })
  billedSecondsPerCall!: number;

  @Field(() => MoneyScalar)
  costPerCall!: bigint;

  @Field(() => MoneyScalar)
  total!: bigint;

  @Field(() => MoneyScalar, { nullable: true, description: 'The wallet’s available balance, when walletId was given.' })
  available!: bigint | null;

  @Field(() => MoneyScalar, { nullable: true, description: 'What is missing to cover the total (0 when covered), when walletId was given.' })
  shortfall!: bigint | null;

  @Field(() => Int, { nullable: true, description: 'How many such calls the available balance covers, when walletId was given.' })
  coveredCalls!: number | null;
}

@ArgsType()
export class CampaignsArgs {
  @Field(() => Int, { nullable: true, description: 'Page size, 1..100. Default 20.' })
  first?: number | null;

  @Field(() => String, { nullable: true })
  after?: string | null;
}

@ArgsType()
export class CallsArgs {
  @Field(() => ID)
  campaignId!: string;

  @Field(() => CallStatus, { nullable: true })
  status?: CallStatus | null;

  @Field(() => Int, { nullable: true, description: 'Page size, 1..100. Default 20.' })
  first?: number | null;

  @Field(() => String, { nullable: true })
  after?: string | null;
}
