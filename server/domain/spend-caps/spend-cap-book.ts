import type { Db, SqlTransaction } from '../../database/sql.js';
import type { CapHeadroom } from './cap-outlook.js';
import { applySpendCapDeltas, lockSpendCapsOfWallets, selectSpendCapsOfWallets, type SpendCapRow } from './spend-caps.queries.js';

/** One locked cap as a transaction goes: its limits, what its periods had committed, and this transaction's change. */
interface CapState {
  id: string;
  accountId: string;
  walletId: string | null;
  currency: string;
  dailyCapMicros: bigint | null;
  monthlyCapMicros: bigint | null;
  dayCommittedMicros: bigint;
  monthCommittedMicros: bigint;
  localDay: string;
  localMonth: string;
  dayEndsAtMs: number;
  monthEndsAtMs: number;
  deltaMicros: bigint;
}

/** A cap that refused a spend. */
export interface CapRefusal {
  capId: string;
  /** The account's cap (in the wallet's currency) or the wallet's own. */
  scope: 'ACCOUNT' | 'WALLET';
  period: 'DAY' | 'MONTH';
  capMicros: bigint;
  /** Committed in the period before the refused spend. */
  committedMicros: bigint;
  /** The period's first local day (YYYY-MM-DD). */
  periodStart: string;
  /** When the period ends and the cap resets (the next local midnight), epoch milliseconds. */
  resetsAtMs: number;
  accountId: string;
  walletId: string | null;
  currency: string;
}

/**
 * The spend caps of some wallets inside one transaction: locked at {@link SpendCapBook.lock}, checked
 * and counted in memory as the transaction decides (so many reservations of a batch share one read
 * and one write), written back by {@link SpendCapBook.write}. What counts is what campaign budgets
 * count: credit reserved for calls and messages, and charges; a give-back (a call ending under its
 * reservation, a message that failed) is a negative change.
 */
export class SpendCapBook {
  private readonly caps = new Map<string, CapState>();
  private readonly capsOfWallet = new Map<string, CapState[]>();

  private constructor(rows: readonly SpendCapRow[]) {
    for (const row of rows) {
      let cap = this.caps.get(row.id);
      if (!cap) {
        cap = {
          id: row.id,
          accountId: row.account_id,
          walletId: row.wallet_id,
          currency: row.currency.trim(),
          dailyCapMicros: row.daily_cap_micros === null ? null : BigInt(row.daily_cap_micros),
          monthlyCapMicros: row.monthly_cap_micros === null ? null : BigInt(row.monthly_cap_micros),
          dayCommittedMicros: BigInt(row.day_committed_micros),
          monthCommittedMicros: BigInt(row.month_committed_micros),
          localDay: row.local_day,
          localMonth: row.local_month,
          dayEndsAtMs: row.day_ends_at_ms,
          monthEndsAtMs: row.month_ends_at_ms,
          deltaMicros: 0n,
        };
        this.caps.set(row.id, cap);
      }
      const list = this.capsOfWallet.get(row.for_wallet_id) ?? [];
      list.push(cap);
      this.capsOfWallet.set(row.for_wallet_id, list);
    }
  }

  /**
   * Locks the caps of `walletIds` (their own and their accounts'), in id order, with their use in the
   * periods current at `atMs` (the account's timezone says where a day begins). The caller's
   * transaction already holds the wallets' row locks. Costs one statement, and locks nothing for
   * wallets whose account and wallet have no cap.
   */
  static async lock(tx: SqlTransaction, walletIds: readonly string[], atMs: number): Promise<SpendCapBook> {
    if (walletIds.length === 0) return new SpendCapBook([]);
    const ids = [...new Set(walletIds)].sort();
    return new SpendCapBook(await lockSpendCapsOfWallets.all(tx, { walletIds: ids, at: new Date(atMs).toISOString() }));
  }

  /** The caps of `walletIds` as they are at `atMs`, unlocked: to explain a refusal (never to decide one). */
  static async read(db: Db, walletIds: readonly string[], atMs: number): Promise<SpendCapBook> {
    if (walletIds.length === 0) return new SpendCapBook([]);
    const ids = [...new Set(walletIds)].sort();
    return new SpendCapBook(await selectSpendCapsOfWallets.all(db, { walletIds: ids, at: new Date(atMs).toISOString() }));
  }

  /** The first cap of `walletId` that `amountMicros` more would exceed, or null when every cap allows it. */
  refusal(walletId: string, amountMicros: bigint): CapRefusal | null {
    if (amountMicros <= 0n) return null;
    for (const cap of this.capsOfWallet.get(walletId) ?? []) {
      const day = cap.dayCommittedMicros + cap.deltaMicros;
      const month = cap.monthCommittedMicros + cap.deltaMicros;
      if (cap.dailyCapMicros !== null && day + amountMicros > cap.dailyCapMicros) return refusalOf(cap, 'DAY', cap.dailyCapMicros, day);
      if (cap.monthlyCapMicros !== null && month + amountMicros > cap.monthlyCapMicros) {
        return refusalOf(cap, 'MONTH', cap.monthlyCapMicros, month);
      }
    }
    return null;
  }

  /**
   * What each cap of `walletId` still allows in its current day and month, in micros (0 when used
   * up), with when that period resets, which period and whose cap: for projections ("cap reached in …").
   */
  headrooms(walletId: string): CapHeadroom[] {
    const result: CapHeadroom[] = [];
    for (const cap of this.capsOfWallet.get(walletId) ?? []) {
      const left = (limit: bigint, committed: bigint) => (limit - committed > 0n ? limit - committed : 0n);
      const scope = cap.walletId === null ? 'ACCOUNT' : 'WALLET';
      if (cap.dailyCapMicros !== null) {
        result.push({
          remainingMicros: left(cap.dailyCapMicros, cap.dayCommittedMicros + cap.deltaMicros),
          resetsAtMs: cap.dayEndsAtMs,
          period: 'DAY',
          scope,
        });
      }
      if (cap.monthlyCapMicros !== null) {
        result.push({
          remainingMicros: left(cap.monthlyCapMicros, cap.monthCommittedMicros + cap.deltaMicros),
          resetsAtMs: cap.monthEndsAtMs,
          period: 'MONTH',
          scope,
        });
      }
    }
    return result;
  }

  /** Counts `deltaMicros` (positive: spent or reserved; negative: given back) on every cap of `walletId`. */
  add(walletId: string, deltaMicros: bigint): void {
    for (const cap of this.capsOfWallet.get(walletId) ?? []) cap.deltaMicros += deltaMicros;
  }

  /** Writes every cap's change in one statement (none when nothing changed). */
  async write(tx: SqlTransaction): Promise<void> {
    const changed = [...this.caps.values()].filter((cap) => cap.deltaMicros !== 0n);
    if (changed.length === 0) return;
    await applySpendCapDeltas.run(tx, {
      ids: changed.map((cap) => cap.id),
      deltas: changed.map((cap) => cap.deltaMicros.toString()),
      dayStarts: changed.map((cap) => cap.localDay),
      monthStarts: changed.map((cap) => cap.localMonth),
    });
  }
}

function refusalOf(cap: CapState, period: 'DAY' | 'MONTH', capMicros: bigint, committedMicros: bigint): CapRefusal {
  return {
    capId: cap.id,
    scope: cap.walletId === null ? 'ACCOUNT' : 'WALLET',
    period,
    capMicros,
    committedMicros,
    periodStart: period === 'DAY' ? cap.localDay : cap.localMonth,
    resetsAtMs: period === 'DAY' ? cap.dayEndsAtMs : cap.monthEndsAtMs,
    accountId: cap.accountId,
    walletId: cap.walletId,
    currency: cap.currency,
  };
}
