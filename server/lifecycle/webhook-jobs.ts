import type { MikroORM } from '@mikro-orm/postgresql';
import type { Config } from '../config.js';
import type { Clock } from '../domain/calls/clock.js';
import { produceWebhookEvents } from '../domain/webhooks/produce-webhook-events.service.js';
import {
  attemptWebhookDelivery,
  claimWebhookDeliveries,
  sendWebhookDeliveries,
  type SendWebhookDeliveriesSummary,
  type WebhookAttemptOutcome,
} from '../domain/webhooks/send-webhook-deliveries.service.js';
import type { ResolveHost } from '../domain/webhooks/webhook-target.js';
import { Periodic } from '../periodic.js';

/** Options of {@link WebhookJobs}. */
export interface WebhookJobsOptions {
  em: MikroORM['em'];
  clock: Clock;
  config: Config;
  /** The server's public address (no trailing slash) for the PDF links of document events; asked for when events are produced. */
  publicUrl: () => string;
  /** Stands in for DNS (tests). @default the system resolver */
  resolveHost?: ResolveHost;
  onError?: (job: 'webhookProducer' | 'webhookSender', error: unknown) => void;
  /** Told of each attempt's outcome, for metrics. */
  onAttempt?: (outcome: WebhookAttemptOutcome) => void;
  /**
   * Whether the producer's scheduled passes (the poll and wake-ups) run in this process now; in a
   * fleet only where the outbox is read (see `app.ts`). The sender runs everywhere (it claims
   * deliveries), and {@link WebhookJobs.produceOnce} always runs. @default always
   */
  producesHere?: () => boolean;
}

/**
 * The webhook producer (outbox and alerts → events and deliveries) and sender (due deliveries →
 * signed POSTs), each a {@link Periodic} on its own `em.fork()` per run. The producer wakes the
 * sender when it has queued something. The sender keeps `webhookSendConcurrencyMax` slots: each
 * run claims as many deliveries as there are free slots (fairly across accounts and endpoints,
 * see `claimWebhookDeliveries`) and starts them without waiting; each attempt that ends frees its
 * slot and wakes the sender, so one slow attempt never holds up the others. Both are safe to run
 * in several processes.
 */
export class WebhookJobs {
  private readonly producer: Periodic;
  private readonly sender: Periodic;
  private readonly abort = new AbortController();
  /** Attempts this process has in flight (its busy slots). */
  private readonly inFlight = new Set<Promise<void>>();
  /** Scheduled producer passes left out because they run elsewhere (see {@link WebhookJobsOptions.producesHere}). */
  producerPassesSkipped = 0;
  /** Scheduled producer passes run. */
  producerPassesRun = 0;

  constructor(private readonly options: WebhookJobsOptions) {
    this.producer = new Periodic(
      () => this.scheduledProduce(),
      options.config.webhookProducerIntervalMs,
      (error) => options.onError?.('webhookProducer', error),
    );
    this.sender = new Periodic(
      () => this.fillSlots(),
      options.config.webhookSenderIntervalMs,
      (error) => options.onError?.('webhookSender', error),
    );
  }

  private async scheduledProduce(): Promise<number> {
    if (this.options.producesHere && !this.options.producesHere()) {
      this.producerPassesSkipped++;
      return 0;
    }
    this.producerPassesRun++;
    return this.produceOnce();
  }

  /** Runs the producer once; returns the deliveries it created. */
  async produceOnce(): Promise<number> {
    const created = await produceWebhookEvents(this.options.em.fork(), this.options);
    if (created > 0) this.sender.wake(0);
    return created;
  }

  /**
   * Runs one sender pass at the clock's current time and waits for its attempts: claims up to
   * `webhookSendConcurrencyMax` deliveries (tests and tools drive the sender with it).
   */
  async sendOnce(): Promise<SendWebhookDeliveriesSummary> {
    return sendWebhookDeliveries(this.options.em.fork(), this.senderDeps());
  }

  /** Attempts in flight in this process. */
  get attemptsInFlight(): number {
    return this.inFlight.size;
  }

  /** Claims as many deliveries as there are free slots and starts them; returns how many it started. */
  private async fillSlots(): Promise<number> {
    const free = this.options.config.webhookSendConcurrencyMax - this.inFlight.size;
    if (free <= 0 || this.abort.signal.aborted) return 0;
    const deps = this.senderDeps();
    const claimed = await claimWebhookDeliveries(this.options.em.fork(), deps, free);
    for (const delivery of claimed) {
      const attempt: Promise<void> = attemptWebhookDelivery(this.options.em.fork(), deps, delivery)
        .then(
          (outcome) => this.options.onAttempt?.(outcome),
          (error: unknown) => this.options.onError?.('webhookSender', error),
        )
        .finally(() => {
          this.inFlight.delete(attempt);
          // A slot is free: give it to whoever is next in line now, not at the next interval.
          this.sender.wake(0);
        });
      this.inFlight.add(attempt);
    }
    return claimed.length;
  }

  private senderDeps() {
    const { clock, config, resolveHost } = this.options;
    return { clock, config, signal: this.abort.signal, ...(resolveHost ? { resolveHost } : {}) };
  }

  /** Starts both loops. */
  start(): void {
    this.producer.start();
    this.sender.start();
  }

  /** Something was committed (here or in another process): read the outbox and the alerts soon (spaced under load: `outboxConsumerPassIntervalMinMs`). */
  wake(): void {
    this.producer.wakeCoalesced(this.options.config.webhookProducerCoalesceMs, this.options.config.outboxConsumerPassIntervalMinMs);
  }

  /** Brings the sender's next pass forward (e.g. after a replay, or after the clock was moved in tests). */
  wakeSender(): void {
    this.sender.wake(0);
  }

  /** Stops both; attempts in flight are aborted and put back, due at once. Resolves when both have stopped. */
  async stop(): Promise<void> {
    this.abort.abort();
    await Promise.all([this.producer.stop(), this.sender.stop()]);
    await Promise.all([...this.inFlight]);
  }
}
