import type { Db } from '../../database/sql.js';
import { selectMonitoringGauges } from './monitoring.queries.js';

/** The database's figures for monitoring, as of one statement. */
export interface MonitoringGauges {
  /** Id of the newest outbox row (0: none). */
  outboxHeadId: bigint;
  /** Id of the newest alert (0: none). */
  alertHeadId: bigint;
  /** Each durable outbox consumer and the outbox row id it has read up to. */
  outboxConsumers: { name: string; eventId: bigint }[];
  /** Each alert reader and the alert id it has read up to. */
  alertReaders: { name: string; alertId: bigint }[];
  /** Active calls, in every process. */
  activeCalls: number;
  /** Seconds the earliest due active call is past its check time, on the database's clock (0 when none is late). */
  billingClockOverdueSeconds: number;
  /** Mails waiting to be sent. */
  mailPending: number;
  /** Webhook deliveries waiting to be delivered. */
  webhookDeliveriesPending: number;
}

/** Reads {@link MonitoringGauges} in one statement (see monitoring.queries.ts). */
export async function readMonitoringGauges(db: Db): Promise<MonitoringGauges> {
  const row = await selectMonitoringGauges.one(db);
  return {
    outboxHeadId: BigInt(row.outbox_head_id),
    alertHeadId: BigInt(row.alert_head_id),
    outboxConsumers: row.outbox_consumer_names.map((name, index) => ({ name, eventId: BigInt(row.outbox_consumer_event_ids[index]!) })),
    alertReaders: row.alert_reader_names.map((name, index) => ({ name, alertId: BigInt(row.alert_reader_alert_ids[index]!) })),
    activeCalls: row.active_calls,
    billingClockOverdueSeconds: row.billing_clock_overdue_seconds,
    mailPending: row.mail_pending,
    webhookDeliveriesPending: row.webhook_deliveries_pending,
  };
}
