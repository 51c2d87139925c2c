import type { EntityManager } from '@mikro-orm/postgresql';
import { BadUserInputError } from '../../errors.js';
import { selectSpendByMinute } from './campaigns.queries.js';

/** Longest chart, in minutes (a day). */
export const SPEND_SERIES_MINUTES_MAX = 1440;

/** Spend posted in one minute. */
export interface SpendPoint {
  /** Start of the minute (UTC). */
  minute: Date;
  spentMicros: bigint;
}

/**
 * A campaign's posted spend per minute over the last `minutes` minutes (database clock), oldest
 * first, every minute present (0 when nothing was posted). Posted spend: ended calls, delivered
 * messages and charges; the active calls' running cost is on the campaign itself (`spent`).
 * @throws BadUserInputError (`minutes`) outside 1..1440.
 */
export async function campaignSpendSeries(em: EntityManager, campaignId: string, minutes: number): Promise<SpendPoint[]> {
  return (await campaignsSpendSeries(em, [campaignId], minutes)).get(campaignId)!;
}

/**
 * {@link campaignSpendSeries} of each of `campaignIds` over the same `minutes`, in one statement
 * (the campaigns must already be checked visible to the caller). Every id is in the map.
 * @throws BadUserInputError (`minutes`) outside 1..1440.
 */
export async function campaignsSpendSeries(
  em: EntityManager,
  campaignIds: readonly string[],
  minutes: number,
): Promise<Map<string, SpendPoint[]>> {
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > SPEND_SERIES_MINUTES_MAX) {
    throw new BadUserInputError('minutes', `minutes must be 1 to ${SPEND_SERIES_MINUTES_MAX}`);
  }
  const rows = await selectSpendByMinute.all(em, { campaignIds, minutes });
  const series = new Map<string, SpendPoint[]>(campaignIds.map((id) => [id, []]));
  for (const row of rows) series.get(row.campaign_id)?.push({ minute: new Date(row.minute_ms), spentMicros: BigInt(row.spent) });
  return series;
}
