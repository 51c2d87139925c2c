import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import type { SpendCapPeriod, SpendCapRecord, SpendCapSettings } from '../../domain/spend-caps/spend-caps.service.js';
import { MoneyScalar } from '../scalars/money.scalar.js';

/** Whose cap it is. */
export enum SpendCapScope {
  ACCOUNT = 'ACCOUNT',
  WALLET = 'WALLET',
}

registerEnumType(SpendCapScope, {
  name: 'SpendCapScope',
  description: 'Whose spend a cap limits.',
  valuesConfig: {
    ACCOUNT: { description: "The account's wallets of one currency together." },
    WALLET: { description: 'One wallet.' },
  },
});

/** Which period of a cap: a local day or a local month. */
export enum SpendCapPeriodKind {
  DAY = 'DAY',
  MONTH = 'MONTH',
}

registerEnumType(SpendCapPeriodKind, {
  name: 'SpendCapPeriodKind',
  description: "A spend cap's period, in the account's timezone.",
  valuesConfig: {
    DAY: { description: 'The daily cap (resets at local midnight).' },
    MONTH: { description: 'The monthly cap (resets at local midnight on the 1st).' },
  },
});

@ObjectType('SpendCapReach', {
  description:
    "The first daily or monthly spend cap a wallet's spend reaches at its burn rate (Wallet.burn.ratePerMinute) before the cap resets: " +
    'from then on its calls stop and spending is refused SPEND_CAP_REACHED until the reset.',
})
export class SpendCapReachObject {
  @Field(() => SpendCapPeriodKind, { description: 'The daily or the monthly cap.' })
  period!: SpendCapPeriodKind;

  @Field(() => SpendCapScope, { description: "The account's cap (its wallets of this currency together) or the wallet's own." })
  scope!: SpendCapScope;

  @Field(() => Int, { description: 'Seconds until it is reached at the burn rate, rounded down.' })
  reachedInSeconds!: number;

  @Field(() => DateTimeResolver, { description: 'When that cap resets.' })
  resetsAt!: Date;
}

/** The GraphQL view of a cap reach; null stays null. */
export function toSpendCapReachObject(
  reach: { reachedInSeconds: number; period: 'DAY' | 'MONTH'; scope: 'ACCOUNT' | 'WALLET'; resetsAtMs: number } | null,
): SpendCapReachObject | null {
  if (reach === null) return null;
  return Object.assign(new SpendCapReachObject(), {
    period: reach.period as SpendCapPeriodKind,
    scope: reach.scope as SpendCapScope,
    reachedInSeconds: reach.reachedInSeconds,
    resetsAt: new Date(reach.resetsAtMs),
  });
}

@ObjectType('SpendCapPeriod', { description: 'One period (a local day or month) of a spend cap.' })
export class SpendCapPeriodObject {
  @Field(() => MoneyScalar, { nullable: true, description: 'The cap: most spent or held in the period; null when there is none.' })
  cap!: bigint | null;

  @Field(() => MoneyScalar, {
    description:
      'Spent in the period: charges, plus calls and messages (their cost, or what they hold while in flight). What counts against the cap.',
  })
  spent!: bigint;

  @Field(() => String, { description: "The period's first day in the account's timezone (YYYY-MM-DD)." })
  startsOn!: string;

  @Field(() => DateTimeResolver, { description: "When the period ends and the cap resets: the next midnight in the account's timezone." })
  resetsAt!: Date;
}

@ObjectType('SpendCap', {
  description:
    'Daily and monthly caps on spend (charges, calls, messages; not number purchases, renewals or plan fees) of the account in one currency, or of one wallet. ' +
    'Spend that would pass a cap is refused (SPEND_CAP_REACHED; calls stop within one billing increment); alerts at 80 % and at the cap.',
})
export class SpendCapObject {
  @Field(() => SpendCapScope, { description: 'The account (in `currency`) or one wallet.' })
  scope!: SpendCapScope;

  @Field(() => ID, { nullable: true, description: 'The wallet (WALLET scope); null for the account.' })
  walletId!: string | null;

  @Field(() => String, { description: 'Currency of the amounts.' })
  currency!: string;

  @Field(() => SpendCapPeriodObject, { description: 'Today, in the account timezone.' })
  daily!: SpendCapPeriodObject;

  @Field(() => SpendCapPeriodObject, { description: 'This calendar month, in the account timezone.' })
  monthly!: SpendCapPeriodObject;
}

@ObjectType('SpendCaps', { description: "An account's spend caps and the timezone their days and months follow." })
export class SpendCapsObject {
  @Field(() => ID, { description: 'The account.' })
  accountId!: string;

  @Field(() => String, { description: 'IANA timezone (default UTC) where days and months begin.' })
  timezone!: string;

  @Field(() => [SpendCapObject], {
    description:
      "The account's caps per currency of its wallets, then each wallet's (oldest first, at most spendCapWalletsListedMax, default 100), capped or not.",
  })
  caps!: SpendCapObject[];
}

@InputType('SetSpendCapsInput', { description: 'The caps of one scope. A null (or omitted) cap lifts it.' })
export class SetSpendCapsInput {
  @Field(() => ID, { nullable: true, description: "The wallet whose caps these are; omitted: the account's caps in `currency`." })
  walletId?: string | null;

  @Field(() => String, { nullable: true, description: 'Currency of an account cap (e.g. "USD"); ignored with a wallet.' })
  currency?: string | null;

  @Field(() => ID, { nullable: true, description: 'PLATFORM_ADMIN: the account of an account cap (others: their own).' })
  accountId?: string | null;

  @Field(() => MoneyScalar, { nullable: true, description: 'Most spent per day (≥ 0, at most spendCapMicrosMax); null: no daily cap.' })
  daily?: bigint | null;

  @Field(() => MoneyScalar, { nullable: true, description: 'Most spent per month (≥ 0); null: no monthly cap.' })
  monthly?: bigint | null;
}

@ObjectType('SetSpendCapsPayload', { description: 'The caps as set.' })
export class SetSpendCapsPayload {
  @Field(() => SpendCapObject, { description: 'The scope after the change, with its current spend.' })
  spendCap!: SpendCapObject;
}

@ObjectType('SetAccountTimezonePayload', { description: 'The timezone as set.' })
export class SetAccountTimezonePayload {
  @Field(() => ID, { description: 'The account.' })
  accountId!: string;

  @Field(() => String, { description: 'The IANA timezone now in force.' })
  timezone!: string;
}

function toPeriod(period: SpendCapPeriod): SpendCapPeriodObject {
  return { cap: period.capMicros, spent: period.committedMicros, startsOn: period.startsOn, resetsAt: new Date(period.resetsAtMs) };
}

/** The GraphQL shape of one scope's caps. */
export function toSpendCapObject(record: SpendCapRecord): SpendCapObject {
  return {
    scope: record.walletId === null ? SpendCapScope.ACCOUNT : SpendCapScope.WALLET,
    walletId: record.walletId,
    currency: record.currency,
    daily: toPeriod(record.daily),
    monthly: toPeriod(record.monthly),
  };
}

/** The GraphQL shape of an account's caps. */
export function toSpendCapsObject(settings: SpendCapSettings): SpendCapsObject {
  return { accountId: settings.accountId, timezone: settings.timezone, caps: settings.caps.map(toSpendCapObject) };
}
