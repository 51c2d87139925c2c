/**
 * When a wallet's spend reaches a daily or monthly spend cap at its burn rate, before that cap's
 * period resets: the "Daily cap reached in ~X" of the Overview and the campaign pages. The rate is
 * the wallet's one burn rate (server/domain/wallets/burn-rate.ts), so a cap and the balance running
 * dry are projected at the same figure.
 */
import type { Db } from '../../database/sql.js';
import { secondsUntilUsedUp, walletBurns, type BurnSettings, type WalletBurn } from '../wallets/burn-rate.js';
import { SpendCapBook } from './spend-cap-book.js';

/** What one cap of a wallet still allows in its current period, and when that period resets. */
export interface CapHeadroom {
  /** Left before the cap, in micros (0 when used up). */
  remainingMicros: bigint;
  /** When the period ends and the cap resets, epoch milliseconds. */
  resetsAtMs: number;
  /** A daily or a monthly cap. */
  period: 'DAY' | 'MONTH';
  /** The account's cap (in the wallet's currency) or the wallet's own. */
  scope: 'ACCOUNT' | 'WALLET';
}

/** The first cap reached at a burn rate, and when. */
export interface CapReach {
  /** Whole seconds from now, rounded down. */
  reachedInSeconds: number;
  period: 'DAY' | 'MONTH';
  scope: 'ACCOUNT' | 'WALLET';
  /** When the cap resets, epoch milliseconds. */
  resetsAtMs: number;
}

/**
 * The cap of `headrooms` reached first at `ratePerMinuteMicros`, ignoring caps whose period resets
 * before they would be reached; null when none is (or nothing burns). On a tie the daily cap, then the
 * earlier in `headrooms`, wins. Pure.
 */
export function firstCapReached(headrooms: readonly CapHeadroom[], ratePerMinuteMicros: bigint | null, nowMs: number): CapReach | null {
  let first: CapReach | null = null;
  for (const headroom of headrooms) {
    const seconds = secondsUntilUsedUp(headroom.remainingMicros, ratePerMinuteMicros);
    if (seconds === null || nowMs + seconds * 1000 >= headroom.resetsAtMs) continue;
    const better =
      first === null ||
      seconds < first.reachedInSeconds ||
      (seconds === first.reachedInSeconds && headroom.period === 'DAY' && first.period !== 'DAY');
    if (better) first = { reachedInSeconds: seconds, period: headroom.period, scope: headroom.scope, resetsAtMs: headroom.resetsAtMs };
  }
  return first;
}

/** A wallet's burn with what stops its spending first: its balance running dry or a spend cap. */
export interface WalletOutlook extends WalletBurn {
  /** The first cap reached at the burn rate before it resets; null without one. */
  spendCap: CapReach | null;
  /** WALLET (timeToEmptySeconds) or SPEND_CAP (spendCap) whichever comes first (on a tie the cap); null when nothing is running. */
  limitedBy: 'WALLET' | 'SPEND_CAP' | null;
  /** Seconds until that limit; null when nothing is running. */
  limitReachedInSeconds: number | null;
}

/** The outlook of each of `walletIds`: their burns plus one read of their caps, whatever their number. */
export async function walletOutlooks(db: Db, walletIds: readonly string[], settings: BurnSettings): Promise<Map<string, WalletOutlook>> {
  const burns = await walletBurns(db, walletIds, settings);
  const caps = await SpendCapBook.read(db, [...burns.keys()], settings.nowMs);
  const result = new Map<string, WalletOutlook>();
  for (const [walletId, burn] of burns) result.set(walletId, walletOutlook(burn, caps.headrooms(walletId), settings.nowMs));
  return result;
}

/** {@link WalletOutlook} of one wallet's burn and cap headrooms. Pure. */
export function walletOutlook(burn: WalletBurn, headrooms: readonly CapHeadroom[], nowMs: number): WalletOutlook {
  const spendCap = firstCapReached(headrooms, burn.ratePerMinuteMicros, nowMs);
  const dry = burn.timeToEmptySeconds;
  if (spendCap !== null && (dry === null || spendCap.reachedInSeconds <= dry)) {
    return { ...burn, spendCap, limitedBy: 'SPEND_CAP', limitReachedInSeconds: spendCap.reachedInSeconds };
  }
  return { ...burn, spendCap, limitedBy: dry === null ? null : 'WALLET', limitReachedInSeconds: dry };
}
