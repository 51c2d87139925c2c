import type { MikroORM } from '@mikro-orm/postgresql';
import type { Config } from '../config.js';
import type { Clock } from '../domain/calls/clock.js';
import { produceWebhookEvents } from '../domain/webhooks/produce-webhook-events.service.js';
import { sendWebhookDeliveries, type SendWebhookDeliveriesSummary } from '../domain/webhooks/send-webhook-deliveries.service.js';
import { Periodic } from '../periodic.js';

/** Options of {@link WebhookJobs}. */
export interface WebhookJobsOptions {
  em: MikroORM['em'];
  clock: Clock;
  config: Config;
  onError?: (job: 'webhookProducer' | 'webhookSender', error: unknown) => void;
}

/**
 * The webhook producer (outbox and alerts → events and deliveries) and sender (due deliveries →
 * signed POSTs), each a {@link Periodic} on its own `em.fork()` per run. The producer wakes the
 * sender when it has queued something; a full batch makes the sender run again at once. Both are
 * safe to run in several processes.
 */
export class WebhookJobs {
  private readonly producer: Periodic;
  private readonly sender: Periodic;
  private readonly abort = new AbortController();

  constructor(private readonly options: WebhookJobsOptions) {
    this.producer = new Periodic(() => this.produceOnce(), options.config.webhookProducerIntervalMs, (error) => options.onError?.('webhookProducer', error));
    this.sender = new Periodic(() => this.sendOnce(), options.config.webhookSenderIntervalMs, (error) => options.onError?.('webhookSender', error));
  }

  /** Runs the producer once; returns the deliveries it created. */
  async produceOnce(): Promise<number> {
    const created = await produceWebhookEvents(this.options.em.fork(), this.options);
    if (created > 0) this.sender.wake(0);
    return created;
  }

  /** Runs one sender pass at the clock's current time. */
  async sendOnce(): Promise<SendWebhookDeliveriesSummary> {
    const summary = await sendWebhookDeliveries(this.options.em.fork(), { ...this.options, signal: this.abort.signal });
    if (summary.claimed === this.options.config.webhookSendBatchSize) this.sender.wake(0);
    return summary;
  }

  /** Starts both loops. */
  start(): void {
    this.producer.start();
    this.sender.start();
  }

  /** Something was committed (here or in another process): read the outbox and the alerts soon. */
  wake(): void {
    this.producer.wakeCoalesced(this.options.config.webhookProducerCoalesceMs);
  }

  /** Brings the sender's next pass forward (e.g. after a replay, or after the clock was moved in tests). */
  wakeSender(): void {
    this.sender.wake(0);
  }

  /** Stops both; attempts in flight are aborted and put back, due at once. Resolves when both have stopped. */
  async stop(): Promise<void> {
    this.abort.abort();
    await Promise.all([this.producer.stop(), this.sender.stop()]);
  }
}
