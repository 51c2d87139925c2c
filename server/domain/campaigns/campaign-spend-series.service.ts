import type { EntityManager } from '@mikro-orm/postgresql';
import { pgQuery } from '../../database/pg-transaction.js';
import { BadUserInputError } from '../../errors.js';

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
export async function campaignsSpendSeries(em: EntityManager, campaignIds: readonly string[], minutes: number): Promise<Map<string, SpendPoint[]>> {
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > SPEND_SERIES_MINUTES_MAX) {
    throw new BadUserInputError('minutes', `minutes must be 1 to ${SPEND_SERIES_MINUTES_MAX}`);
  }
  const rows = await pgQuery<{ campaign_id: string; minute_ms: number; spent: string }>(
    em,
    `with bounds as (select date_trunc('minute', now()) as last_minute),
          minutes as (select generate_series(b.last_minute - make_interval(mins => $2 - 1), b.last_minute, interval '1 minute') as minute from bounds b),
          spend as (
            select t.campaign_id, date_trunc('minute', t.created_at) as minute,
                   sum(case t.type when 'DEBIT' then t.amount_micros else -t.amount_micros end) as spent
              from wallet_transaction t, bounds b
             where t.campaign_id = any($1::uuid[]) and t.created_at >= b.last_minute - make_interval(mins => $2 - 1)
             group by 1, 2)
     select c.id as campaign_id, (extract(epoch from m.minute) * 1000)::float8 as minute_ms, coalesce(s.spent, 0)::text as spent
       from unnest($1::uuid[]) as c(id) cross join minutes m
       left join spend s on s.campaign_id = c.id and s.minute = m.minute
      order by c.id, m.minute`,
    [campaignIds, minutes],
  );
  const series = new Map<string, SpendPoint[]>(campaignIds.map((id) => [id, []]));
  for (const row of rows) series.get(row.campaign_id)?.push({ minute: new Date(row.minute_ms), spentMicros: BigInt(row.spent) });
  return series;
}
