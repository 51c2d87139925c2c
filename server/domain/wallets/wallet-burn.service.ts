import type { EntityManager } from '@mikro-orm/postgresql';
import { pgQuery } from '../../database/pg-transaction.js';

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
export async function walletBurn(em: EntityManager, walletId: string): Promise<WalletBurn> {
  const [row] = await pgQuery<{ active_calls: number; calls_per_minute: string; recent_spend: string; available: string }>(
    em,
    `select (select count(*)::int from call c where c.wallet_id = w.id and c.status = 'ACTIVE') as active_calls,
            (select coalesce(sum(c.per_minute_micros), 0) from call c where c.wallet_id = w.id and c.status = 'ACTIVE')::text as calls_per_minute,
            (select coalesce(sum(t.amount_micros), 0) from wallet_transaction t
              where t.wallet_id = w.id and t.type = 'DEBIT' and t.created_at >= now() - make_interval(secs => $2))::text as recent_spend,
            (w.balance_micros - w.reserved_micros)::text as available
       from wallet w where w.id = $1`,
    [walletId, RECENT_SPEND_WINDOW_SECONDS],
  );
  return {
    activeCalls: row?.active_calls ?? 0,
    callsPerMinuteMicros: BigInt(row?.calls_per_minute ?? '0'),
    recentSpendMicros: BigInt(row?.recent_spend ?? '0'),
    recentWindowSeconds: RECENT_SPEND_WINDOW_SECONDS,
    availableMicros: BigInt(row?.available ?? '0'),
  };
}
