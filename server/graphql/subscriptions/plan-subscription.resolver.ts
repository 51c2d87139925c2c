import { Arg, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, ObjectType, Query, Resolver, Root, registerEnumType } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import type { Context } from '../../context.js';
import { cancelSubscription, createSubscriptionPlan, listSubscriptionPlans, subscribe } from '../../domain/subscriptions/subscription.service.js';
import {
  remainingAllowanceSeconds,
  SubscriptionStatus,
  type SubscriptionPlanRecord,
  type SubscriptionRecord,
} from '../../domain/subscriptions/subscription-record.js';
import { MoneyScalar } from '../scalars/money.scalar.js';
import { WalletObject } from '../wallets/wallet.type.js';

registerEnumType(SubscriptionStatus, { name: 'PlanSubscriptionStatus', description: 'LAPSED: a monthly fee could not be paid from the wallet.' });

@ObjectType('SubscriptionPlan', { description: 'Seed 004: a monthly allowance of call minutes; beyond it, the overage rate from the wallet.' })
export class SubscriptionPlanObject {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String)
  currency!: string;

  @Field(() => MoneyScalar, { description: 'Paid from the wallet at subscription and every month on the same day.' })
  monthlyFee!: bigint;

  @Field(() => Int)
  includedMinutes!: number;

  @Field(() => MoneyScalar, { nullable: true, description: "Per minute beyond the allowance; null: each destination's own rate." })
  overagePerMinute!: bigint | null;

  @Field(() => DateTimeResolver)
  createdAt!: Date;
}

@ObjectType('PlanSubscription', { description: "A wallet's subscription to a plan and its current period's allowance." })
export class PlanSubscriptionObject {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  walletId!: string;

  @Field(() => ID)
  planId!: string;

  @Field(() => SubscriptionStatus)
  status!: SubscriptionStatus;

  @Field(() => DateTimeResolver)
  periodStart!: Date;

  @Field(() => DateTimeResolver, { description: 'When the next monthly fee is due.' })
  periodEnd!: Date;

  @Field(() => Int)
  allowanceSeconds!: number;

  @Field(() => Int, { description: 'Used by ended calls this period.' })
  usedSeconds!: number;

  @Field(() => Int, { description: 'Held by calls in progress.' })
  reservedSeconds!: number;

  @Field(() => Int, { description: "Seed 004's “remaining minutes”, in seconds: allowance − used − reserved." })
  remainingSeconds!: number;

  @Field(() => DateTimeResolver, { nullable: true })
  endedAt!: Date | null;
}

@InputType('CreateSubscriptionPlanInput')
class CreateSubscriptionPlanInput {
  @Field(() => String)
  name!: string;

  @Field(() => String)
  currency!: string;

  @Field(() => MoneyScalar)
  monthlyFee!: bigint;

  @Field(() => Int, { description: '0..44,640.' })
  includedMinutes!: number;

  @Field(() => MoneyScalar, { nullable: true })
  overagePerMinute?: bigint | null;
}

@ObjectType('CreateSubscriptionPlanPayload')
class CreateSubscriptionPlanPayload {
  @Field(() => SubscriptionPlanObject)
  subscriptionPlan!: SubscriptionPlanObject;
}

@InputType('SubscribeToPlanInput')
class SubscribeToPlanInput {
  @Field(() => ID)
  walletId!: string;

  @Field(() => ID)
  planId!: string;
}

@ObjectType('PlanSubscriptionPayload')
class PlanSubscriptionPayload {
  @Field(() => PlanSubscriptionObject)
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
    @Arg('input', () => CreateSubscriptionPlanInput) input: CreateSubscriptionPlanInput,
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

  @Mutation(() => PlanSubscriptionPayload, { description: 'OWNER: subscribes a wallet; the first monthly fee is paid from it at once (INSUFFICIENT_FUNDS otherwise).' })
  async subscribeToPlan(@Arg('input', () => SubscribeToPlanInput) input: SubscribeToPlanInput, @Ctx() { em, principal, spend }: Context): Promise<PlanSubscriptionPayload> {
    return { subscription: toSubscriptionObject(await subscribe(em, spend.deps, { principal, walletId: input.walletId, planId: input.planId })) };
  }

  @Mutation(() => PlanSubscriptionPayload, { description: 'OWNER: ends a subscription now; calls then go pay-as-you-go.' })
  async cancelPlanSubscription(@Arg('id', () => ID) id: string, @Ctx() { em, principal, spend }: Context): Promise<PlanSubscriptionPayload> {
    return { subscription: toSubscriptionObject(await cancelSubscription(em, spend.deps, { principal, subscriptionId: id })) };
  }

  @FieldResolver(() => SubscriptionPlanObject)
  async plan(@Root() subscription: PlanSubscriptionObject, @Ctx() { loaders }: Context): Promise<SubscriptionPlanObject> {
    return toPlanObject(await loaders.subscriptionPlan.load(subscription.planId));
  }
}

@Resolver(() => WalletObject)
export class WalletPlanSubscriptionResolver {
  @FieldResolver(() => PlanSubscriptionObject, { nullable: true, description: 'The active subscription, if any (seed 004: remaining minutes).' })
  async planSubscription(@Root() wallet: WalletObject, @Ctx() { loaders }: Context): Promise<PlanSubscriptionObject | null> {
    const subscription = await loaders.activeSubscription.load(wallet.id);
    return subscription ? toSubscriptionObject(subscription) : null;
  }
}
