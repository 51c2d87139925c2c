import { DateTimeResolver } from 'graphql-scalars';
import { ArgsType, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { UsagePeriod } from '../../domain/usage-reports/usage-period.js';
import { MoneyScalar } from '../scalars/money.scalar.js';

registerEnumType(UsagePeriod, {
  name: 'UsagePeriod',
  description: "How long a usage report covers: a calendar day or month in the account's timezone.",
  valuesConfig: {
    DAILY: {
      description: "One day, from midnight to midnight in the account's timezone (23 or 25 hours across a daylight-saving change).",
    },
    MONTHLY: { description: "One calendar month, from its first midnight to the next month’s, in the account's timezone." },
  },
});

@ObjectType('UsageReportLine', { description: 'One line of a usage breakdown.' })
export class UsageReportLineObject {
  @Field(() => String, {
    nullable: true,
    description:
      'The ledger kind (CALL, SMS…), the campaign id or the calling code ("44"); null for "no campaign", "not for a number" or the line of the rest.',
  })
  key!: string | null;

  @Field(() => String, {
    description: 'What the line is, in words ("Calls", a campaign’s name, "United Kingdom (+44)", "3 other campaigns").',
  })
  label!: string;

  @Field(() => Int, { nullable: true, description: 'For a kind: its transactions in the period.' })
  transactions!: number | null;

  @Field(() => MoneyScalar, { description: 'Spend (for usage lines) or net money in (for other movements), in the wallet’s currency.' })
  amount!: bigint;
}

@ObjectType('WalletUsage', { description: 'What one wallet did in the period: opening − spent + other = closing.' })
export class WalletUsageObject {
  @Field(() => ID, { description: 'The wallet.' })
  walletId!: string;

  @Field(() => String, { description: 'ISO 4217 code of every amount here.' })
  currency!: string;

  @Field(() => MoneyScalar, { description: 'The balance when the period began.' })
  opening!: bigint;

  @Field(() => MoneyScalar, { description: 'The balance when the period ended (or now, for the period in progress).' })
  closing!: bigint;

  @Field(() => MoneyScalar, { description: 'Usage: calls, SMS, numbers, plan fees and other charges, net of their credits.' })
  spent!: bigint;

  @Field(() => MoneyScalar, {
    description: 'Every other movement, net: top-ups, grants, adjustments, refunds (negative when more went out).',
  })
  other!: bigint;

  @Field(() => [UsageReportLineObject], { description: 'Spend by kind (Calls, SMS, Numbers, Plan, Other charges); adds up to `spent`.' })
  byKind!: UsageReportLineObject[];

  @Field(() => [UsageReportLineObject], {
    description: 'Spend by campaign, largest first (usageReportLinesMax lines at most); adds up to `spent`.',
  })
  byCampaign!: UsageReportLineObject[];

  @Field(() => [UsageReportLineObject], {
    description: 'Spend by destination country (the number called, texted, received on or bought), largest first; adds up to `spent`.',
  })
  byCountry!: UsageReportLineObject[];

  @Field(() => [UsageReportLineObject], { description: 'The other movements by kind; adds up to `other`.' })
  otherByKind!: UsageReportLineObject[];
}

@ObjectType('UsageReport', { description: "An account's usage in one day or month, read from the ledger; what the report e-mails show." })
export class UsageReportObject {
  @Field(() => ID, { description: 'The account.' })
  accountId!: string;

  @Field(() => UsagePeriod, { description: 'A day or a month.' })
  period!: UsagePeriod;

  @Field(() => DateTimeResolver, { description: "The first instant of the period: midnight in the account's timezone." })
  from!: Date;

  @Field(() => DateTimeResolver, { description: 'The first instant after it.' })
  to!: Date;

  @Field(() => String, { description: 'The period in words, by its local dates: "2026-12-05" or "December 2026".' })
  label!: string;

  @Field(() => String, {
    description: "The IANA timezone whose midnights bound the period: the account's (setAccountTimezone; default UTC).",
  })
  timeZone!: string;

  @Field(() => [WalletUsageObject], { description: "The account's wallets, oldest first." })
  wallets!: WalletUsageObject[];
}

@ArgsType()
export class UsageReportArgs {
  @Field(() => ID, { description: "The account (a tenant's own; any for SUPPORT and PLATFORM_ADMIN); NOT_FOUND otherwise." })
  accountId!: string;

  @Field(() => UsagePeriod, { description: 'A day or a month.' })
  period!: UsagePeriod;

  @Field(() => DateTimeResolver, {
    nullable: true,
    description: 'Any instant of the period wanted; omitted: the last completed one (yesterday, last month).',
  })
  from?: Date | null;
}
