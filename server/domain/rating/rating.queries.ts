/**
 * The rate plans' SQL: `rate_plan` and its `rate` rows, each statement with the type of its rows.
 * Services run them; see database/sql.ts.
 */
import { sql } from '../../database/sql.js';

/** A `rate_plan` row as selected with {@link RATE_PLAN_COLUMNS}. */
export interface RatePlanRow {
  id: string;
  name: string;
  currency: string;
  created_at_ms: number;
}

/** A `rate` row; prices in micros (int8 as text), null where the service is not offered. */
export interface RateRow {
  rate_plan_id: string;
  prefix: string;
  per_minute_micros: string;
  first_increment_seconds: number;
  next_increment_seconds: number;
  connect_fee_micros: string;
  sms_per_segment_micros: string | null;
  sms_inbound_per_segment_micros: string;
  inbound_per_minute_micros: string;
  number_purchase_micros: string | null;
  number_monthly_micros: string | null;
}

const RATE_PLAN_COLUMNS = `p.id, p.name, p.currency, (extract(epoch from p.created_at) * 1000)::float8 as created_at_ms`;

export const insertRatePlan = sql<{ created_at_ms: number }, { id: string; name: string; currency: string }>(
  `insert into rate_plan (id, name, currency) values (:id, :name, :currency)
   returning (extract(epoch from created_at) * 1000)::float8 as created_at_ms`,
);

/** Inserts a plan's rates: element i of each array is rate i (prices in micros as decimal strings, null: not offered). */
export const insertRates = sql<
  never,
  {
    ratePlanId: string;
    prefixes: string[];
    perMinuteMicros: string[];
    firstIncrementSeconds: number[];
    nextIncrementSeconds: number[];
    connectFeeMicros: string[];
    smsPerSegmentMicros: (string | null)[];
    smsInboundPerSegmentMicros: string[];
    inboundPerMinuteMicros: string[];
    numberPurchaseMicros: (string | null)[];
    numberMonthlyMicros: (string | null)[];
  }
>(
  `insert into rate (rate_plan_id, prefix, per_minute_micros, first_increment_seconds, next_increment_seconds, connect_fee_micros,
     sms_per_segment_micros, sms_inbound_per_segment_micros, number_purchase_micros, number_monthly_micros, inbound_per_minute_micros)
   select :ratePlanId, * from unnest(:prefixes::text[], :perMinuteMicros::bigint[], :firstIncrementSeconds::int[], :nextIncrementSeconds::int[],
     :connectFeeMicros::bigint[], :smsPerSegmentMicros::bigint[], :smsInboundPerSegmentMicros::bigint[], :numberPurchaseMicros::bigint[],
     :numberMonthlyMicros::bigint[], :inboundPerMinuteMicros::bigint[])`,
);

/** The rates of the plans `ratePlanIds`. */
export const selectRatesOfPlans = sql<RateRow, { ratePlanIds: readonly string[] }>(
  `select rate_plan_id, prefix, per_minute_micros::text, first_increment_seconds, next_increment_seconds, connect_fee_micros::text,
          sms_per_segment_micros::text, sms_inbound_per_segment_micros::text, number_purchase_micros::text, number_monthly_micros::text,
          inbound_per_minute_micros::text
     from rate where rate_plan_id = any(:ratePlanIds::uuid[])`,
);

/** Every rate plan, newest first. */
export const selectRatePlans = sql<RatePlanRow>(`select ${RATE_PLAN_COLUMNS} from rate_plan p order by p.created_at desc, p.id`);

export const selectRatePlan = sql<RatePlanRow, { ratePlanId: string }>(
  `select ${RATE_PLAN_COLUMNS} from rate_plan p where p.id = :ratePlanId`,
);
