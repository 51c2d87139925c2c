import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../../config.js';
import { BadUserInputError, NotFoundError } from '../../errors.js';
import { tenantScope, type Principal } from '../accounts/principal.js';
import { isUuid } from '../ids.js';
import { formatMoney } from '../wallets/money.js';
import { selectMonthBounds, selectStatementSums, selectStatementWallet } from './invoices.queries.js';

/** Credits or debits of one kind in a statement's period. */
export interface StatementLine {
  /** The transaction kind (TOP_UP, CALL, SMS, REFUND, …). */
  kind: string;
  /** Sum of the kind's amounts, positive, in micros. */
  amountMicros: bigint;
  transactions: number;
}

/** A wallet's month: opening balance + credits − debits = closing balance, each from the journal. */
export interface WalletStatement {
  walletId: string;
  accountId: string;
  currency: string;
  /** `YYYY-MM`. */
  month: string;
  /** The account's IANA timezone, whose midnights bound the month (setAccountTimezone; default UTC). */
  timeZone: string;
  /** The month's first instant: midnight of its 1st in `timeZone`. */
  periodStart: Date;
  /** Exclusive: the first instant of the next month. */
  periodEnd: Date;
  openingBalanceMicros: bigint;
  credits: StatementLine[];
  debits: StatementLine[];
  creditsMicros: bigint;
  debitsMicros: bigint;
  closingBalanceMicros: bigint;
}

/** Options of {@link walletStatement}. */
export interface WalletStatementOptions {
  principal: Principal;
  walletId: string;
  /** `YYYY-MM`, from `statementMonthsBackMax` months ago up to the current month; null: the current month (in the account's timezone). */
  month: string | null;
  limits: Pick<Config, 'statementMonthsBackMax'>;
  nowMs: number;
}

const MONTH = /^([0-9]{4})-(0[1-9]|1[0-2])$/;

/**
 * The statement of a wallet for one calendar month in its account's timezone: the balance
 * before the month (the sum of the journal before it), the month's credits and debits by kind, and
 * the balance after (opening + credits − debits, which is the journal's balance at the month's end).
 * The current month (in that timezone) is a statement to date.
 * @throws NotFoundError for a wallet the caller may not see; BadUserInputError (`month`) for a month
 * that is malformed, in the future, or more than `statementMonthsBackMax` months back.
 */
export async function walletStatement(em: EntityManager, options: WalletStatementOptions): Promise<WalletStatement> {
  const match = options.month === null ? null : MONTH.exec(options.month);
  if (options.month !== null && !match)
    throw new BadUserInputError('month', `month is a calendar month as YYYY-MM, e.g. "2026-11"; got "${options.month.slice(0, 20)}"`);
  const wallet = isUuid(options.walletId)
    ? await selectStatementWallet.maybeOne(em, {
        walletId: options.walletId,
        scope: tenantScope(options.principal),
        nowMs: options.nowMs,
      })
    : undefined;
  if (!wallet) throw new NotFoundError('Wallet', options.walletId);
  const month = options.month ?? wallet.current_month;
  const [currentYear, currentMonth] = wallet.current_month.split('-').map(Number) as [number, number];
  const monthsBack = match ? (currentYear - Number(match[1])) * 12 + (currentMonth - Number(match[2])) : 0;
  if (monthsBack < 0) throw new BadUserInputError('month', `${month} has not begun yet in ${wallet.timezone}`);
  if (monthsBack > options.limits.statementMonthsBackMax) {
    throw new BadUserInputError('month', `Statements go back at most ${options.limits.statementMonthsBackMax} months; ${month} is older`);
  }
  const { start_ms: fromMs, end_ms: toMs } = await selectMonthBounds.one(em, { month: month, timezone: wallet.timezone });
  const rows = await selectStatementSums.all(em, { walletId: wallet.id, fromMs, toMs });
  let openingBalanceMicros = 0n;
  const credits: StatementLine[] = [];
  const debits: StatementLine[] = [];
  for (const row of rows) {
    const line = { kind: row.kind, amountMicros: BigInt(row.amount_micros), transactions: Number(row.transactions) };
    if (row.type === 'OPENING') openingBalanceMicros = line.amountMicros;
    else (row.type === 'CREDIT' ? credits : debits).push(line);
  }
  const byKind = (a: StatementLine, b: StatementLine) => a.kind.localeCompare(b.kind);
  credits.sort(byKind);
  debits.sort(byKind);
  const creditsMicros = credits.reduce((sum, line) => sum + line.amountMicros, 0n);
  const debitsMicros = debits.reduce((sum, line) => sum + line.amountMicros, 0n);
  return {
    walletId: wallet.id,
    accountId: wallet.account_id,
    currency: wallet.currency.trim(),
    month: month,
    timeZone: wallet.timezone,
    periodStart: new Date(fromMs),
    periodEnd: new Date(toMs),
    openingBalanceMicros,
    credits,
    debits,
    creditsMicros,
    debitsMicros,
    closingBalanceMicros: openingBalanceMicros + creditsMicros - debitsMicros,
  };
}

/** RFC 4180 CSV of a statement: one row per line, amounts as canonical decimals (credits positive, debits negative). */
export function statementCsv(statement: WalletStatement): string {
  const rows: string[][] = [['section', 'kind', 'transactions', 'amount', 'currency']];
  const push = (section: string, kind: string, transactions: string, micros: bigint) =>
    rows.push([section, kind, transactions, formatMoney(micros), statement.currency]);
  push('opening balance', '', '', statement.openingBalanceMicros);
  for (const line of statement.credits) push('credit', line.kind, String(line.transactions), line.amountMicros);
  push('total credits', '', '', statement.creditsMicros);
  for (const line of statement.debits) push('debit', line.kind, String(line.transactions), -line.amountMicros);
  push('total debits', '', '', -statement.debitsMicros);
  push('closing balance', '', '', statement.closingBalanceMicros);
  // Every cell is ours (section words, kind enums, decimals, ISO codes): nothing needs quoting.
  return `${rows.map((cells) => cells.join(',')).join('\r\n')}\r\n`;
}
