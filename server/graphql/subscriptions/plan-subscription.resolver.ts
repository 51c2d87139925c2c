import {
  Arg,
  Ctx,
  Field,
  FieldResolver,
  ID,
  InputType,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
  registerEnumType,
} from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import type { Context } from '../../context.js';
import {
  cancelSubscription,
  createSubscriptionPlan,
  findSubscriptionOverage,
  listSubscriptionPlans,
  subscribe,
} from '../../domain/subscriptions/subscription.service.js';
import {
  remainingAllowanceSeconds,
  SubscriptionStatus,
  type SubscriptionPlanRecord,
  type SubscriptionRecord,
} from '../../domain/subscriptions/subscription-record.js';
import { MoneyScalar } from '../scalars/money.scalar.js';
import { WalletObject } from '../wallets/wallet.type.js';

registerEnumType(SubscriptionStatus, {
  name: 'PlanSubscriptionStatus',
  description: 'LAPSED: a monthly fee could not be paid from the wallet.',
  valuesConfig: {
    ACTIVE: { description: 'In force: calls use its allowance first.' },
    CANCELED: { description: 'Ended by the owner.' },
    LAPSED: { description: 'Ended because a monthly fee could not be paid from the wallet.' },
  },
});

@ObjectType('SubscriptionPlan', {
  description: 'A monthly allowance of call minutes for a fee paid from the wallet; beyond it, calls pay the overage rate from the wallet.',
})
export class SubscriptionPlanObject {
  @Field(() => ID, { description: 'Unique id of the subscription plan.' })
  id!: string;

  @Field(() => String, { description: 'Display name.' })
  name!: string;

  @Field(() => String, { description: 'ISO 4217 code of its fee; only wallets of that currency may subscribe.' })
  currency!: string;

  @Field(() => MoneyScalar, { description: 'Paid from the wallet at subscription and every month on the same day.' })
  monthlyFee!: bigint;

  @Field(() => Int, { description: 'Call minutes included each month.' })
  includedMinutes!: number;

  @Field(() => MoneyScalar, { nullable: true, description: "Per minute beyond the allowance; null: each destination's own rate." })
  overagePerMinute!: bigint | null;

  @Field(() => DateTimeResolver, { description: 'When the subscription plan was created.' })
  createdAt!: Date;
}

@ObjectType('PlanSubscription', { description: "A wallet's subscription to a plan and its current period's allowance." })
export class PlanSubscriptionObject {
  @Field(() => ID, { description: 'Unique id of the plan subscription.' })
  id!: string;

  @Field(() => ID, { description: 'The wallet that pays the fee and whose calls use the allowance.' })
  walletId!: string;

  @Field(() => ID, { description: 'The plan subscribed to.' })
  planId!: string;

  @Field(() => SubscriptionStatus, { description: 'ACTIVE, CANCELED by the owner, or LAPSED (a fee could not be paid).' })
  status!: SubscriptionStatus;

  @Field(() => DateTimeResolver, { description: 'Start of the current monthly period.' })
  periodStart!: Date;

  @Field(() => DateTimeResolver, { description: 'When the next monthly fee is due.' })
  periodEnd!: Date;

  @Field(() => Int, { description: "This period's allowance of call time, in seconds (the plan's included minutes × 60)." })
  allowanceSeconds!: number;

  @Field(() => Int, { description: 'Used by ended calls this period.' })
  usedSeconds!: number;

  @Field(() => Int, { description: 'Held by calls in progress.' })
  reservedSeconds!: number;

  @Field(() => Int, { description: 'Remaining allowance this period, in seconds: allowance − used − reserved.' })
  remainingSeconds!: number;

  @Field(() => DateTimeResolver, { description: 'When it was canceled or lapsed; null while ACTIVE.', nullable: true })
  endedAt!: Date | null;
}

@ObjectType('PlanSubscriptionOverage', { description: "What a subscription's calls paid from the wallet in its current period." })
export class PlanSubscriptionOverage {
  @Field(() => Int, { description: 'Billed seconds of ended calls beyond what the allowance covered.' })
  seconds!: number;

  @Field(() => MoneyScalar, {
    description: "What those calls cost the wallet: their seconds beyond the allowance and connect fees, in the plan's currency.",
  })
  cost!: bigint;
}

@InputType('CreateSubscriptionPlanInput', { description: 'A new subscription plan.' })
class CreateSubscriptionPlanInput {
  @Field(() => String, { description: 'Display name, 1 to 200 characters.' })
  name!: string;

  @Field(() => String, { description: 'ISO 4217 code, e.g. "USD".' })
  currency!: string;

  @Field(() => MoneyScalar, { description: 'Fee paid from the wallet each month, ≥ 0.' })
  monthlyFee!: bigint;

  @Field(() => Int, { description: '0..44,640.' })
  includedMinutes!: number;

  @Field(() => MoneyScalar, { description: "Per minute beyond the allowance; omit to use each destination's own rate.", nullable: true })
  overagePerMinute?: bigint | null;
}

@ObjectType('CreateSubscriptionPlanPayload', { description: 'The result of createSubscriptionPlan.' })
class CreateSubscriptionPlanPayload {
  @Field(() => SubscriptionPlanObject, { description: 'The new plan.' })
  subscriptionPlan!: SubscriptionPlanObject;
}

@InputType('SubscribeToPlanInput', { description: 'A wallet to subscribe to a plan.' })
class SubscribeToPlanInput {
  @Field(() => ID, { description: "The wallet that pays (in the plan's currency, without an ACTIVE subscription)." })
  walletId!: string;

  @Field(() => ID, { description: 'The plan.' })
  planId!: string;
}

@ObjectType('PlanSubscriptionPayload', { description: 'The result of subscribeToPlan and cancelPlanSubscription.' })
class PlanSubscriptionPayload {
  @Field(() => PlanSubscriptionObject, { description: 'The subscription after the change.' })
  subscription!: PlanSubscriptionObject;
}

function toPlanObject(plan: SubscriptionPlanRecord): SubscriptionPlanObject {
  return Object.assign(new SubscriptionPlanObject(), {
    id: plan.id,
    name: plan.name,
    currency: plan.currency,
    monthlyFee: plan.monthlyFeeMicros,
    includedMinutes: plan.includedSeconds / 60,
    overagePerMinute: plan.overagePerMinuteMicros,
    createdAt: new Date(plan.createdAtMs),
  });
}

function toSubscriptionObject(subscription: SubscriptionRecord): PlanSubscriptionObject {
  return Object.assign(new PlanSubscriptionObject(), {
    id: subscription.id,
    walletId: subscription.walletId,
    planId: subscription.planId,
    status: subscription.status,
    periodStart: new Date(subscription.periodStartMs),
    periodEnd: new Date(subscription.periodEndMs),
    allowanceSeconds: subscription.allowanceSeconds,
    usedSeconds: subscription.usedSeconds,
    reservedSeconds: subscription.reservedSeconds,
    remainingSeconds: remainingAllowanceSeconds(subscription),
    endedAt: subscription.endedAtMs === null ? null : new Date(subscription.endedAtMs),
  });
}

@Resolver(() => PlanSubscriptionObject)
export class PlanSubscriptionResolver {
  @Query(() => [SubscriptionPlanObject], { description: 'Every subscription plan (public to every caller).' })
  async subscriptionPlans(@Ctx() { em }: Context): Promise<SubscriptionPlanObject[]> {
    return (await listSubscriptionPlans(em)).map(toPlanObject);
  }

  @Mutation(() => CreateSubscriptionPlanPayload, { description: 'PLATFORM_ADMIN: a new plan.' })
  async createSubscriptionPlan(
    @Arg('input', () => CreateSubscriptionPlanInput, { description: 'Name, currency, monthly fee and included minutes.' })
    input: CreateSubscriptionPlanInput,
    @Ctx() { em, principal, config }: Context,
  ): Promise<CreateSubscriptionPlanPayload> {
    const plan = await createSubscriptionPlan(em, {
      principal,
      name: input.name,
      currency: input.currency,
      monthlyFeeMicros: input.monthlyFee,
      includedMinutes: input.includedMinutes,
      overagePerMinuteMicros: input.overagePerMinute ?? null,
      limits: config,
    });
    return { subscriptionPlan: toPlanObject(plan) };
  }

  @Mutation(() => PlanSubscriptionPayload, {
    description: 'OWNER: subscribes a wallet; the first monthly fee is paid from it at once (INSUFFICIENT_FUNDS otherwise).',
  })
  async subscribeToPlan(
    @Arg('input', () => SubscribeToPlanInput, { description: 'The wallet and the plan.' }) input: SubscribeToPlanInput,
    @Ctx() { em, principal, spend }: Context,
  ): Promise<PlanSubscriptionPayload> {
    return {
      subscription: toSubscriptionObject(await subscribe(em, spend.deps, { principal, walletId: input.walletId, planId: input.planId })),
    };
  }

  @Mutation(() => PlanSubscriptionPayload, { description: 'OWNER: ends a subscription now; calls then go pay-as-you-go.' })
  async cancelPlanSubscription(
    @Arg('id', () => ID, { description: 'Id of the plan subscription to end.' }) id: string,
    @Ctx() { em, principal, spend }: Context,
  ): Promise<PlanSubscriptionPayload> {
    return { subscription: toSubscriptionObject(await cancelSubscription(em, spend.deps, { principal, subscriptionId: id })) };
  }

  @FieldResolver(() => PlanSubscriptionOverage, {
    description: 'What its ended calls paid from the wallet this period, beyond the allowance (calls in progress count once they end).',
  })
  async overageThisPeriod(@Root() subscription: PlanSubscriptionObject, @Ctx() { em }: Context): Promise<PlanSubscriptionOverage> {
    const overage = await findSubscriptionOverage(em, subscription.id);
    return Object.assign(new PlanSubscriptionOverage(), { seconds: overage.overageSeconds, cost: overage.overageMicros });
  }

  @FieldResolver(() => SubscriptionPlanObject, { description: 'The plan subscribed to.' })
  async plan(@Root() subscription: PlanSubscriptionObject, @Ctx() { loaders }: Context): Promise<SubscriptionPlanObject> {
    return toPlanObject(await loaders.subscriptionPlan.load(subscription.planId));
  }
}

@Resolver(() => WalletObject)
export class WalletPlanSubscriptionResolver {
  @FieldResolver(() => PlanSubscriptionObject, {
    nullable: true,
    description: 'The active plan subscription with its remaining minutes; null when none.',
  })
  async planSubscription(@Root() wallet: WalletObject, @Ctx() { loaders }: Context): Promise<PlanSubscriptionObject | null> {
    const subscription = await loaders.activeSubscription.load(wallet.id);
    return subscription ? toSubscriptionObject(subscription) : null;
  }
}
