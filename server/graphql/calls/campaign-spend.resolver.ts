import { Arg, Ctx, Field, FieldResolver, Int, ObjectType, Resolver, Root } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import type { Context } from '../../context.js';
import { MoneyScalar } from '../scalars/money.scalar.js';
import { CampaignObject } from './spend.types.js';

@ObjectType('SpendPoint', { description: 'Spend posted in one minute.' })
export class SpendPointObject {
  @Field(() => DateTimeResolver, { description: 'Start of the minute (UTC).' })
  minute!: Date;
  @Field(() => MoneyScalar, { description: 'Debits minus credits (refunds) of the campaign posted in that minute.' })
  spent!: bigint;
}

@Resolver(() => CampaignObject)
export class CampaignSpendResolver {
  @FieldResolver(() => [SpendPointObject], {
    description:
      "Posted spend per minute over the last `minutes` (1–1440, default 60), oldest first, every minute present: the campaign page's chart. Active calls' running cost is in `spent`.",
  })
  async spendByMinute(
    @Root() campaign: CampaignObject,
    @Arg('minutes', () => Int, { description: 'How many minutes back, 1..1440. Default 60.', nullable: true }) minutes: number | null,
    @Ctx() { loaders }: Context,
  ): Promise<SpendPointObject[]> {
    const points = await loaders.campaignSpendSeries.load({ campaignId: campaign.id, minutes: minutes ?? 60 });
    return points.map((point) => Object.assign(new SpendPointObject(), { minute: point.minute, spent: point.spentMicros }));
  }
}
