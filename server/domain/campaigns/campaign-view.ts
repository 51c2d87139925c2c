import type { EntityManager } from '@mikro-orm/postgresql';
import { pgQuery } from '../../database/pg-transaction.js';
import { liveCallFigures } from '../calls/call-record.js';
import { activeCallsOf } from '../calls/call.service.js';
import type { CampaignRecord } from './campaign-record.js';

/** A campaign's live figures at one moment. */
export interface CampaignFigures {
  /** Ended calls' cost plus active calls' cost so far, in micros. */
  spentMicros: bigint;
  /** Sum of the per-minute prices of its active calls, in micros. */
  spendPerMinuteMicros: bigint;
  /**
   * Seconds until the wallet's available balance is used up at the wallet's current burn (all
   * its active calls), or null when nothing burns. A lower bound: credit already reserved for
   * running increments is not counted again.
   */
  timeToEmptySeconds: number | null;
}

/** Reads a campaign's live figures at `nowMs` (its active calls, and its wallet's burn). */
export async function campaignFigures(em: EntityManager, campaign: CampaignRecord, nowMs: number): Promise<CampaignFigures> {
  const calls = campaign.activeCalls > 0 ? await activeCallsOf(em, campaign.id) : [];
  let spentMicros = campaign.spentMicros;
  let spendPerMinuteMicros = 0n;
  for (const call of calls) {
    spentMicros += liveCallFigures(call, nowMs).costMicros;
    spendPerMinuteMicros += call.perMinuteMicros;
  }
  const [wallet] = await pgQuery<{ available_micros: string; burn_micros: string }>(
    em,
    `select (w.balance_micros - w.reserved_micros)::text as available_micros,
            (select coalesce(sum(c.per_minute_micros), 0) from call c where c.wallet_id = w.id and c.status = 'ACTIVE')::text as burn_micros
       from wallet w where w.id = $1`,
    [campaign.walletId],
  );
  const burn = BigInt(wallet?.burn_micros ?? '0');
  const timeToEmptySeconds = burn === 0n ? null : Number((BigInt(wallet!.available_micros) * 60n) / burn);
  return { spentMicros, spendPerMinuteMicros, timeToEmptySeconds: timeToEmptySeconds === null ? null : Math.min(timeToEmptySeconds, 2_147_483_647) };
}
