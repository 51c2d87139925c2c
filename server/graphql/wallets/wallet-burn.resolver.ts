import { Ctx, Field, FieldResolver, Int, ObjectType, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.js';
import { CampaignEnd } from '../../domain/campaigns/campaign-projection.js';
import type { WalletOutlook } from '../../domain/spend-caps/cap-outlook.js';
import { SpendCapReachObject, toSpendCapReachObject } from '../spend-caps/spend-caps.type.js';
import { MoneyScalar } from '../scalars/money.scalar.js';
import { WalletObject } from './wallet.type.js';

@ObjectType('WalletBurn', {
  description:
    'What the wallet is burning now and when it runs dry, by the one definition every campaign and the dashboard use: metered calls (their rates, ' +
    'increments and connect fees), messages held or captured, and plan fees, over a stated window; one-off debits (charges, number purchases, ' +
    'adjustments, refunds) never count. ratePerMinute and timeToEmptySeconds are null when nothing is running. Select it in walletUpdated to follow it live.',
})
export class WalletBurnObject {
  @Field(() => MoneyScalar, {
    nullable: true,
    description:
      'The burn rate per minute: the larger of windowUsage as a per-minute rate over coveredSeconds and meteredPerMinute, plus planFeesPerMinute. ' +
      'Null when nothing is running (no active call and no usage in the window).',
  })
  ratePerMinute!: bigint | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Seconds until the available balance is used up at ratePerMinute, rounded down; null when nothing is running.',
  })
  timeToEmptySeconds!: number | null;

  @Field(() => CampaignEnd, {
    nullable: true,
    description:
      "What stops the wallet's spending first at ratePerMinute: WALLET (its available balance runs dry: timeToEmptySeconds) or SPEND_CAP " +
      "(a daily or monthly cap is reached before it resets: spendCap; on a tie SPEND_CAP). Never BUDGET (a campaign's own). Null when nothing is running.",
  })
  limitedBy!: CampaignEnd | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Seconds until limitedBy is reached at ratePerMinute, rounded down; null when nothing is running.',
  })
  limitReachedInSeconds!: number | null;

  @Field(() => SpendCapReachObject, {
    nullable: true,
    description:
      'The first spend cap reached at ratePerMinute before it resets (whether or not the balance runs dry first); null when none is.',
  })
  spendCap!: SpendCapReachObject | null;

  @Field(() => Int, { description: 'Calls on the wallet in progress now.' })
  activeCalls!: number;

  @Field(() => MoneyScalar, { description: "Sum of the active calls' per-minute prices: what is metering right now." })
  meteredPerMinute!: bigint;

  @Field(() => MoneyScalar, {
    description: "Calls' cost (increments and connect fees) and messages' prices accrued inside the window; no one-off debits.",
  })
  windowUsage!: bigint;

  @Field(() => Int, { description: 'The stated window the rate looks back over, in seconds (burnRateWindowSeconds, default 300).' })
  windowSeconds!: number;

  @Field(() => Int, {
    description: 'Seconds windowUsage was divided by: the window, or less when the activity began inside it (never under 60 by default).',
  })
  coveredSeconds!: number;

  @Field(() => MoneyScalar, { description: "Active subscriptions' plan fees spread over their period, per minute." })
  planFeesPerMinute!: bigint;
}

/** The GraphQL view of a wallet's burn and outlook. */
export function toWalletBurnObject(burn: WalletOutlook): WalletBurnObject {
  return Object.assign(new WalletBurnObject(), {
    ratePerMinute: burn.ratePerMinuteMicros,
    timeToEmptySeconds: burn.timeToEmptySeconds,
    limitedBy: burn.limitedBy as CampaignEnd | null,
    limitReachedInSeconds: burn.limitReachedInSeconds,
    spendCap: toSpendCapReachObject(burn.spendCap),
    activeCalls: burn.activeCalls,
    meteredPerMinute: burn.meteredPerMinuteMicros,
    windowUsage: burn.windowUsageMicros,
    windowSeconds: burn.windowSeconds,
    coveredSeconds: burn.coveredSeconds,
    planFeesPerMinute: burn.planFeesPerMinuteMicros,
  });
}

@Resolver(() => WalletObject)
export class WalletBurnResolver {
  @FieldResolver(() => WalletBurnObject, {
    description: 'What the wallet is burning now and its time to empty (see WalletBurn for the definition).',
  })
  async burn(@Root() wallet: WalletObject, @Ctx() { loaders }: Context): Promise<WalletBurnObject> {
    return toWalletBurnObject(await loaders.walletBurn.load(wallet.id));
  }
}
