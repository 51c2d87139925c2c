import { Args, Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context.js';
import { findUsageReport, type UsageLine } from '../../domain/usage-reports/usage-report.service.js';
import { periodLabel } from '../../domain/usage-reports/usage-period.js';
import { UsageReportArgs, UsageReportLineObject, UsageReportObject, WalletUsageObject } from './usage-report.types.js';

const toLine = (line: UsageLine) =>
  Object.assign(new UsageReportLineObject(), {
    key: line.key,
    label: line.label,
    transactions: line.transactions ?? null,
    amount: line.amountMicros,
  });

/** The usage reports the daily and monthly e-mails show, on demand. */
@Resolver()
export class UsageReportResolver {
  @Query(() => UsageReportObject, {
    description:
      "An account's spend in one day or month (in the account's timezone) by kind, campaign and destination country, per wallet, with its balances; the last completed " +
      'period unless `from` names another. NOT_FOUND for an account the caller may not see.',
  })
  async usageReport(
    @Args(() => UsageReportArgs) args: UsageReportArgs,
    @Ctx() { em, principal, config, spend }: Context,
  ): Promise<UsageReportObject> {
    const report = await findUsageReport(em, {
      principal,
      accountId: args.accountId,
      period: args.period,
      fromMs: args.from ? args.from.getTime() : null,
      nowMs: spend.clock.now(),
      config,
    });
    return Object.assign(new UsageReportObject(), {
      accountId: report.accountId,
      period: report.bounds.period,
      from: new Date(report.bounds.startMs),
      to: new Date(report.bounds.endMs),
      label: periodLabel(report.bounds),
      timeZone: report.bounds.timeZone,
      wallets: report.wallets.map((wallet) =>
        Object.assign(new WalletUsageObject(), {
          walletId: wallet.walletId,
          currency: wallet.currency,
          opening: wallet.openingMicros,
          closing: wallet.closingMicros,
          spent: wallet.spentMicros,
          other: wallet.otherMicros,
          byKind: wallet.byKind.map(toLine),
          byCampaign: wallet.byCampaign.map(toLine),
          byCountry: wallet.byCountry.map(toLine),
          otherByKind: wallet.otherByKind.map(toLine),
        }),
      ),
    });
  }
}
