import { Ctx, Field, FieldResolver, Int, ObjectType, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.js';
import { MoneyScalar } from '../scalars/money.scalar.js';
import { WalletObject } from './wallet.type.js';

@ObjectType('WalletBurn', {
  description:
    "What the wallet is burning now, for the dashboard's burn rate and time-to-empty: its active calls' per-minute prices and its recent debits. Select it in walletUpdated to follow it live.",
})
export class WalletBurnObject {
  @Field(() => Int, { description: 'Calls on the wallet in progress now.' })
  activeCalls!: number;
  @Field(() => MoneyScalar, { description: "Sum of the active calls' per-minute prices." })
  callsPerMinute!: bigint;
  @Field(() => MoneyScalar, { description: 'Debits (ended calls, messages, numbers, charges) over the last recentWindowSeconds.' })
  recentSpend!: bigint;
  @Field(() => Int, { description: 'Length of the window recentSpend covers, in seconds.' })
  recentWindowSeconds!: number;
}

@Resolver(() => WalletObject)
export class WalletBurnResolver {
  @FieldResolver(() => WalletBurnObject, {
    description: "What the wallet is spending now: active calls' per-minute prices and recent debits.",
  })
  async burn(@Root() wallet: WalletObject, @Ctx() { loaders }: Context): Promise<WalletBurnObject> {
    const burn = await loaders.walletBurn.load(wallet.id);
    return Object.assign(new WalletBurnObject(), {
      activeCalls: burn.activeCalls,
      callsPerMinute: burn.callsPerMinuteMicros,
      recentSpend: burn.recentSpendMicros,
      recentWindowSeconds: burn.recentWindowSeconds,
    });
  }
}
