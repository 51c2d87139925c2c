import type { EntityManager } from '@mikro-orm/postgresql';
import { transaction } from '../../database/sql.js';
import { assert } from '../../errors.js';
import type { ServiceDeps } from '../service-deps.js';
import { releaseHolds } from './message-holds.js';
import { iso } from './message-record.js';
import { expireDueMessages } from './messaging.queries.js';

/** Messages expired per transaction by {@link expireMessageHolds}. */
export const MESSAGE_EXPIRY_BATCH_SIZE = 1000;

/**
 * Expires every PENDING message whose hold deadline has come (`expires_at <= nowMs`: a hold lives
 * exactly `messageHoldTtlMs`) and gives its hold back to its wallet and campaign: nothing is
 * charged for a message that never got a delivery report. Works in batches of
 * {@link MESSAGE_EXPIRY_BATCH_SIZE}, one transaction each with one statement per table; messages
 * locked by a concurrent delivery report are skipped (that report settles them). Safe to run in
 * several processes at once. Returns how many messages it expired.
 */
export async function expireMessageHolds(em: EntityManager, deps: Pick<ServiceDeps, 'committed'>, nowMs: number): Promise<number> {
  assert(Number.isFinite(nowMs), `nowMs must be a finite epoch time: ${nowMs}`);
  const now = iso(nowMs);
  let expired = 0;
  for (;;) {
    const count = await transaction(em, async (tx) => {
      // Lock order everywhere: calls and messages, wallets, campaigns, accounts.
      // A PENDING message holds exactly its price (a table CHECK), so the price is what to give back.
      const rows = await expireDueMessages.all(tx, { now, limit: MESSAGE_EXPIRY_BATCH_SIZE });
      await releaseHolds(
        tx,
        rows.map((row) => ({
          accountId: row.account_id,
          walletId: row.wallet_id,
          campaignId: row.campaign_id,
          holdMicros: BigInt(row.price_micros),
        })),
        nowMs,
      );
      return rows.length;
    });
    expired += count;
    if (count > 0) deps.committed();
    if (count < MESSAGE_EXPIRY_BATCH_SIZE) return expired;
  }
}
