import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context.js';
import { readSpendCaps, setAccountTimezone, setSpendCaps } from '../../domain/spend-caps/spend-caps.service.js';
import {
  SetAccountTimezonePayload,
  SetSpendCapsInput,
  SetSpendCapsPayload,
  SpendCapsObject,
  toSpendCapObject,
  toSpendCapsObject,
} from './spend-caps.type.js';

@Resolver()
export class SpendCapsResolver {
  @Query(() => SpendCapsObject, {
    description:
      "The account's daily and monthly spend caps with this period's spend and reset time, and its timezone. Account roles: their own account; " +
      'SUPPORT and PLATFORM_ADMIN: the account named (BAD_USER_INPUT without it). NOT_FOUND.',
  })
  async spendCaps(
    @Arg('accountId', () => ID, { nullable: true, description: 'Platform roles: the account; others: omit (their own).' })
    accountId: string | null,
    @Ctx() { em, principal, config, spend }: Context,
  ): Promise<SpendCapsObject> {
    return toSpendCapsObject(await readSpendCaps(em, { clock: spend.clock, config }, { principal, accountId }));
  }

  @Mutation(() => SetSpendCapsPayload, {
    description:
      'OWNER, PLATFORM_ADMIN: sets the daily and monthly spend caps of a wallet, or of the account in one currency (null lifts a cap). ' +
      'Charges, calls and messages that would pass a cap are refused SPEND_CAP_REACHED; a cap below what the period already spent refuses ' +
      'further spend until it resets. BAD_USER_INPUT (negative, above spendCapMicrosMax, currency), NOT_FOUND, FORBIDDEN.',
  })
  async setSpendCaps(
    @Arg('input', () => SetSpendCapsInput, { description: 'The scope and its caps.' }) input: SetSpendCapsInput,
    @Ctx() { em, principal, config, spend }: Context,
  ): Promise<SetSpendCapsPayload> {
    const set = await setSpendCaps(
      em,
      { clock: spend.clock, config },
      {
        principal,
        walletId: input.walletId ?? null,
        currency: input.currency ?? null,
        accountId: input.accountId ?? null,
        dailyCapMicros: input.daily ?? null,
        monthlyCapMicros: input.monthly ?? null,
      },
    );
    return { spendCap: toSpendCapObject(set) };
  }

  @Mutation(() => SetAccountTimezonePayload, {
    description:
      "OWNER, PLATFORM_ADMIN: sets the account's timezone (IANA name, default UTC): where its spend caps' days and months begin, and the days and months of its usage reports and wallet statements. " +
      'BAD_USER_INPUT (unknown zone), FORBIDDEN.',
  })
  async setAccountTimezone(
    @Arg('timezone', () => String, { description: 'IANA timezone such as "Europe/London" or "America/New_York".' }) timezone: string,
    @Arg('accountId', () => ID, { nullable: true, description: 'PLATFORM_ADMIN: the account; others: omit (their own).' })
    accountId: string | null,
    @Ctx() { em, principal }: Context,
  ): Promise<SetAccountTimezonePayload> {
    return setAccountTimezone(em, { principal, accountId, timezone });
  }
}
