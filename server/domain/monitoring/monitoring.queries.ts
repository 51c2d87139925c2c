/**
 * What a `/metrics` scrape reads from PostgreSQL, in one statement: every part is a max() or a
 * count() over a primary key or a partial index (active calls, due mails, due webhook deliveries),
 * so it stays cheap however large the tables grow.
 */
import { sql } from '../../database/sql.js';

/** The row of {@link selectMonitoringGauges} (int8 as text, positions as arrays). */
export interface MonitoringGaugesRow {
  outbox_head_id: string;
  alert_head_id: string;
  outbox_consumer_names: string[];
  outbox_consumer_event_ids: string[];
  alert_reader_names: string[];
  alert_reader_alert_ids: string[];
  active_calls: number;
  billing_clock_overdue_seconds: number;
  mail_pending: number;
  webhook_deliveries_pending: number;
}

export const selectMonitoringGauges = sql<MonitoringGaugesRow>(
  `select coalesce((select max(id) from outbox_event), 0)::text as outbox_head_id,
          coalesce((select max(id) from alert), 0)::text as alert_head_id,
          array(select name from outbox_consumer order by name) as outbox_consumer_names,
          array(select event_id::text from outbox_consumer order by name) as outbox_consumer_event_ids,
          array(select name from alert_reader order by name) as alert_reader_names,
          array(select alert_id::text from alert_reader order by name) as alert_reader_alert_ids,
          (select count(*) from call where status = 'ACTIVE')::int as active_calls,
          coalesce((select greatest(0, extract(epoch from clock_timestamp() - min(next_check_at)))
                      from call_meter), 0)::float8 as billing_clock_overdue_seconds,
          (select count(*) from email_message where status = 'PENDING')::int as mail_pending,
          (select count(*) from webhook_delivery where status = 'PENDING')::int as webhook_deliveries_pending`,
);
