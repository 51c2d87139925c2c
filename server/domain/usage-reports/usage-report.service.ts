import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../../config.js';
import type { Db } from '../../database/sql.js';
import { NotFoundError } from '../../errors.js';
import { canSee, type Principal } from '../accounts/principal.js';
import { isUuid } from '../ids.js';
import { callingCodeOf, countryLabel } from './calling-codes.js';
import type { PeriodBounds, UsagePeriod } from './usage-period.js';
import {
  type LocalPeriodRow,
  selectAccountPeriod,
  selectReportWallets,
  selectSpendByCampaign,
  selectSpendByKind,
  selectSpendByNumberHead,
} from './usage-reports.queries.js';

/** The ledger kinds that are usage, in the order a report lists them, with their words. */
export const USAGE_KIND_LABELS: Readonly<Record<string, string>> = {
  CALL: 'Calls',
  SMS: 'SMS',
  NUMBER: 'Numbers',
  SUBSCRIPTION: 'Plan',
  CHARGE: 'Other charges',
};

/** One line of a breakdown: what it is and the amount, in micros. */
export interface UsageLine {
  /** The ledger kind, the campaign id or the calling code; null for "no campaign", "no number" or the line of the rest. */
  key: string | null;
  label: string;
  /** For a kind: its transactions. */
  transactions?: number;
  amountMicros: bigint;
}

/** What one wallet did in the period. Every amount is in the wallet's currency, in micros. */
export interface WalletUsage {
  walletId: string;
  currency: string;
  /** The balance when the period began, and when it ended (by the ledger). */
  openingMicros: bigint;
  closingMicros: bigint;
  /** Usage: calls, SMS, numbers, plan fees and other charges, net of their credits. */
  spentMicros: bigint;
  /** Every other movement, net: top-ups, grants, adjustments and refunds (negative when more went out). */
  otherMicros: bigint;
  byKind: UsageLine[];
  otherByKind: UsageLine[];
  byCampaign: UsageLine[];
  byCountry: UsageLine[];
}

/** An account's usage report for one period: opening − spent + other = closing for every wallet. */
export interface UsageReport {
  accountId: string;
  bounds: PeriodBounds;
  wallets: WalletUsage[];
}

/** Lines past `linesMax` are gathered into the last one ("3 other campaigns"), so a breakdown never has more. */
export function capLines(lines: UsageLine[], linesMax: number, othersLabel: (count: number) => string): UsageLine[] {
  if (lines.length <= linesMax) return lines;
  const kept = lines.slice(0, linesMax - 1);
  const rest = lines.slice(linesMax - 1);
  return [...kept, { key: null, label: othersLabel(rest.length), amountMicros: rest.reduce((sum, line) => sum + line.amountMicros, 0n) }];
}

const byAmountDescending = (a: UsageLine, b: UsageLine) =>
  a.amountMicros === b.amountMicros ? 0 : a.amountMicros > b.amountMicros ? -1 : 1;

/**
 * Reads an account's usage in a period from the ledger: per wallet its opening and closing balance,
 * spend by kind, by campaign and by destination country (each breakdown adds up to the spend), and
 * the other movements. Five statements whatever the account's size.
 */
export async function buildUsageReport(
  db: Db,
  options: { accountId: string; bounds: PeriodBounds; config: Pick<Config, 'usageReportLinesMax'> },
): Promise<UsageReport> {
  const { accountId, bounds } = options;
  const linesMax = options.config.usageReportLinesMax;
  const from = new Date(bounds.startMs).toISOString();
  const to = new Date(bounds.endMs).toISOString();
  const walletRows = await selectReportWallets.all(db, { accountId, to });
  const walletIds = walletRows.map((w) => w.id);
  const params = { walletIds, from, to };
  // One after another: a transaction's connection runs one statement at a time.
  const kinds = walletIds.length === 0 ? [] : await selectSpendByKind.all(db, params);
  const campaigns = walletIds.length === 0 ? [] : await selectSpendByCampaign.all(db, params);
  const heads = walletIds.length === 0 ? [] : await selectSpendByNumberHead.all(db, params);
  const wallets = walletRows.map((wallet): WalletUsage => {
    const kindRows = kinds.filter((row) => row.wallet_id === wallet.id);
    const usage = kindRows.filter((row) => row.kind in USAGE_KIND_LABELS);
    const other = kindRows.filter((row) => !(row.kind in USAGE_KIND_LABELS));
    const byKind = Object.keys(USAGE_KIND_LABELS).flatMap((kind) => {
      const row = usage.find((candidate) => candidate.kind === kind);
      return row
        ? [{ key: kind, label: USAGE_KIND_LABELS[kind]!, transactions: row.transactions, amountMicros: BigInt(row.debit_micros) }]
        : [];
    });
    const otherByKind = other.map((row) => ({
      key: row.kind,
      label: row.kind.charAt(0) + row.kind.slice(1).toLowerCase().replaceAll('_', '-'),
      transactions: row.transactions,
      amountMicros: -BigInt(row.debit_micros),
    }));
    const spentMicros = byKind.reduce((sum, line) => sum + line.amountMicros, 0n);
    const otherMicros = otherByKind.reduce((sum, line) => sum + line.amountMicros, 0n);
    const closingMicros = BigInt(wallet.closing_micros);
    const campaignLines = campaigns
      .filter((row) => row.wallet_id === wallet.id)
      .map((row) => ({ key: row.campaign_id, label: row.name ?? 'No campaign', amountMicros: BigInt(row.debit_micros) }));
    // Numbers' first three digits name their calling code: gather the heads by code.
    const countries = new Map<string | null, bigint>();
    for (const row of heads.filter((candidate) => candidate.wallet_id === wallet.id)) {
      const code = row.head === null ? null : callingCodeOf(row.head);
      countries.set(code, (countries.get(code) ?? 0n) + BigInt(row.debit_micros));
    }
    const countryLines = [...countries]
      .map(([code, amountMicros]) => ({
        key: code,
        label: code === null ? 'Not for a number (plan, renewals, charges)' : countryLabel(code),
        amountMicros,
      }))
      .sort(byAmountDescending);
    return {
      walletId: wallet.id,
      currency: wallet.currency.trim(),
      openingMicros: closingMicros + spentMicros - otherMicros,
      closingMicros,
      spentMicros,
      otherMicros,
      byKind,
      otherByKind,
      byCampaign: capLines(campaignLines.sort(byAmountDescending), linesMax, (n) => `${n} other campaigns`),
      byCountry: capLines(countryLines, linesMax, (n) => `${n} other countries`),
    };
  });
  return { accountId, bounds, wallets };
}

/** True when nothing moved on any wallet in the period. */
export function isEmptyReport(report: UsageReport): boolean {
  return report.wallets.every((wallet) => wallet.byKind.length === 0 && wallet.otherByKind.length === 0);
}

/** A period as {@link selectAccountPeriod} and the report job read it. */
export function toPeriodBounds(period: UsagePeriod, row: LocalPeriodRow): PeriodBounds {
  return { period, startMs: row.start_ms, endMs: row.end_ms, timeZone: row.timezone, localStart: row.local_start };
}

/**
 * The usage report of an account for the period of `period` containing `fromMs`, or the last
 * completed one when `fromMs` is null (yesterday, last month), in the account's timezone.
 * @throws NotFoundError for an account the caller may not see.
 */
export async function findUsageReport(
  em: EntityManager,
  options: {
    principal: Principal;
    accountId: string;
    period: UsagePeriod;
    fromMs: number | null;
    nowMs: number;
    config: Pick<Config, 'usageReportLinesMax'>;
  },
): Promise<UsageReport> {
  if (!isUuid(options.accountId) || !canSee(options.principal, options.accountId)) throw new NotFoundError('Account', options.accountId);
  const row = await selectAccountPeriod.maybeOne(em, {
    accountId: options.accountId,
    period: options.period,
    atMs: options.fromMs ?? options.nowMs,
    previous: options.fromMs === null,
  });
  if (!row) throw new NotFoundError('Account', options.accountId);
  return buildUsageReport(em, { accountId: options.accountId, bounds: toPeriodBounds(options.period, row), config: options.config });
}
