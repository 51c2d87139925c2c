import type { Db } from '../../database/sql.js';
import { selectWalletBurns } from './wallets.queries.js';

/** Seconds of recent debits the burn rate looks back over. */
export const RECENT_SPEND_WINDOW_SECONDS = 300;

/** What a wallet is burning now: the inputs of the dashboard's burn rate and time-to-empty. */
export interface WalletBurn {
  activeCalls: number;
  /** Sum of the per-minute prices of the wallet's active calls, in micros. */
  callsPerMinuteMicros: bigint;
  /** Debits of the last {@link RECENT_SPEND_WINDOW_SECONDS} (calls ended, messages, charges), in micros. */
  recentSpendMicros: bigint;
  recentWindowSeconds: number;
  /** Available balance, in micros. */
  availableMicros: bigint;
}

/**
 * Reads a wallet's burn now (one query: its active calls by index, its recent debits by index).
 * The window is on the database's clock, like the transactions' timestamps.
 */
export async function walletBurn(db: Db, walletId: string): Promise<WalletBurn> {
  return (await walletBurnsOf(db, [walletId])).get(walletId) ?? NO_BURN;
}

/** The burn of a wallet that does not exist: nothing. */
export const NO_BURN: WalletBurn = Object.freeze({
  activeCalls: 0,
  callsPerMinuteMicros: 0n,
  recentSpendMicros: 0n,
  recentWindowSeconds: RECENT_SPEND_WINDOW_SECONDS,
  availableMicros: 0n,
});

/**
 * The burn of each of `walletIds` in one statement (each wallet's active calls and recent debits
 * by index, as {@link walletBurn}). Ids with no wallet are absent from the map.
 */
export async function walletBurnsOf(db: Db, walletIds: readonly string[]): Promise<Map<string, WalletBurn>> {
  const rows = await selectWalletBurns.all(db, { walletIds, windowSeconds: RECENT_SPEND_WINDOW_SECONDS });
  return new Map(
    rows.map((row) => [
      row.id,
      {
        activeCalls: row.active_calls,
        callsPerMinuteMicros: BigInt(row.calls_per_minute),
        recentSpendMicros: BigInt(row.recent_spend),
        recentWindowSeconds: RECENT_SPEND_WINDOW_SECONDS,
        availableMicros: BigInt(row.available),
      },
    ]),
  );
}
