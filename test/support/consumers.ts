/**
 * The outbox consumers a test drives by hand (the alert processor, the mail jobs, the webhook
 * producer), each run until it has read every outbox event there is: one pass may read short of
 * what was just committed (it reads only below the oldest transaction still running anywhere).
 */
import { ALERTS_CONSUMER } from '../../server/domain/alerts/raise-alerts.service.js';
import { MAIL_READER_NAME } from '../../server/domain/mail/produce-mail.service.js';
import { WEBHOOK_READER_NAME } from '../../server/domain/webhooks/produce-webhook-events.service.js';
import { runSql } from './sql.js';
import type { TestApp } from './test-app.js';
import { drainOutboxConsumer } from './waiting.js';

/** Passes the alert processor until it has read the whole outbox. */
export async function drainAlerts(t: TestApp): Promise<void> {
  await drainOutboxConsumer(
    (text, values) => runSql(t.app.orm.em.fork(), text, values),
    ALERTS_CONSUMER,
    () => t.app.alertProcessor.pass(),
  );
}

/**
 * Runs the mail jobs (producer, then sender) until the producer has read the whole outbox; a job's
 * error is thrown. Mail written straight to the mail table (invitations) is sent by the first pass.
 */
export async function drainMailJobs(t: TestApp): Promise<void> {
  await drainOutboxConsumer(
    (text, values) => runSql(t.app.orm.em.fork(), text, values),
    MAIL_READER_NAME,
    async () => {
      const results = await t.app.mailJobs.runOnce();
      for (const value of Object.values(results)) if (value instanceof Error) throw value;
    },
  );
}

/** Runs the webhook producer until it has read the whole outbox; returns the deliveries it created. */
export async function drainWebhookProducer(t: TestApp): Promise<number> {
  let produced = 0;
  await drainOutboxConsumer(
    (text, values) => runSql(t.app.orm.em.fork(), text, values),
    WEBHOOK_READER_NAME,
    async () => {
      produced += await t.app.webhooks.produceOnce();
    },
  );
  return produced;
}
