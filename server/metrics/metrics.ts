import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { ERROR_CODE_DESCRIPTIONS } from '../errors.js';
import { QUERY_TOO_COMPLEX } from '../graphql/query-limits.js';
import type { MonitoringGauges } from '../domain/monitoring/read-monitoring-gauges.service.js';
import type { BillingPass } from '../domain/calls/billing-clock.js';
import type { SentMail } from '../domain/mail/send-mail.service.js';

/** Prefix of every Spendwire metric (the default Node metrics keep prom-client's names). */
const PREFIX = 'spendwire_';

/** Latency buckets of GraphQL operations and billing-clock batches, in seconds (1 ms .. 10 s). */
const LATENCY_BUCKETS_SECONDS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** Buckets of how late the billing clock acts on a call, in seconds (its lead is 2 s by default). */
const LAG_BUCKETS_SECONDS = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60];

/** Buckets of members per posting statement (1 = alone; the batch size cap is 32 by default). */
const BATCH_MEMBER_BUCKETS = [1, 2, 4, 8, 16, 32, 64, 128];

/** Where a GraphQL operation came in. */
export type GraphqlTransport = 'http' | 'ws';

/** Outcome of a webhook attempt (send-webhook-deliveries.service.ts), as counted. */
export type WebhookAttemptResult = 'delivered' | 'retrying' | 'failed';

/** Known error codes: an outcome label is one of them, `ok`, or `other` (labels stay bounded). */
const KNOWN_CODES = new Set<string>([...Object.keys(ERROR_CODE_DESCRIPTIONS), QUERY_TOO_COMPLEX]);

/** The outcome label of an operation answered with `code` (undefined: no error). */
export function outcomeLabel(code: unknown): string {
  if (code === undefined) return 'ok';
  return typeof code === 'string' && KNOWN_CODES.has(code) ? code : 'other';
}

/** In-process figures read at each scrape, registered by the parts that own them. */
export interface ScrapeSources {
  /** The database gauges; throws (or times out) when the database does not answer. */
  database?: () => Promise<MonitoringGauges>;
  /** This process's outbox tail position (row id). */
  outboxTailPosition?: () => bigint;
  /** Billing-clock passes that failed since start. */
  billingClockPassesFailed?: () => number;
  /** New calls this process refused since start because its billing clock ran late. */
  billingClockAdmissionRefusals?: () => number;
  /** Posting batches PostgreSQL refused whole, whose members were then posted alone. */
  postingFallbacks?: () => number;
  /** The connection pool and its governor (database/operation-budget.ts). */
  pool?: () => PoolFigures;
  /** WebSockets open on this process. */
  openSockets?: () => number;
}

/** The ORM pool's state at a scrape. */
export interface PoolFigures {
  used: number;
  free: number;
  /** Acquisitions waiting for the pool itself. */
  pendingAcquires: number;
  sizeMax: number;
  /** Connections client operations hold (the requests' share, pool size − reserved). */
  requestConnectionsHeld?: number;
  /** Operations waiting for the requests' share. */
  requestConnectionsWaiting?: number;
  /** Acquisitions waiting because their operation holds its own cap. */
  operationCapWaiting?: number;
}

/**
 * One app's Prometheus metrics, on a registry of its own (never prom-client's global one), so
 * several apps in one process (tests, benches) never share or collide. Made once per app by
 * app.ts and handed to the parts that count; `scrape()` renders the text format for `/metrics`.
 * Labels are bounded: operation names are the schema's root fields (or `multiple`/`other`),
 * outcomes are error codes of `ErrorCode`, consumers and limits are names fixed in code; never ids.
 */
export class Metrics {
  readonly registry = new Registry();
  private sources: ScrapeSources = {};

  readonly graphqlOperations = new Counter({
    name: `${PREFIX}graphql_operations_total`,
    help: 'GraphQL operations answered, by transport, type, operation (root field, `multiple` or `other`) and outcome (`ok` or the error code).',
    labelNames: ['transport', 'type', 'operation', 'outcome'] as const,
    registers: [this.registry],
  });
  readonly graphqlDuration = new Histogram({
    name: `${PREFIX}graphql_operation_duration_seconds`,
    help: 'Time from a GraphQL operation’s start (HTTP: once its credential is resolved; WebSocket: its subscribe message) to its answer (a subscription: to its setup), in seconds.',
    labelNames: ['transport', 'type', 'operation'] as const,
    buckets: LATENCY_BUCKETS_SECONDS,
    registers: [this.registry],
  });
  readonly subscriptionsActive = new Gauge({
    name: `${PREFIX}graphql_subscriptions_active`,
    help: 'GraphQL subscriptions open on this process.',
    registers: [this.registry],
  });
  readonly socketsOpen: Gauge = new Gauge({
    name: `${PREFIX}websocket_connections_open`,
    help: 'WebSockets open on this process (at /graphql).',
    registers: [this.registry],
    collect: (): void => this.setFrom(this.socketsOpen, this.sources.openSockets),
  });
  readonly postingBatchMembers = new Histogram({
    name: `${PREFIX}posting_batch_members`,
    help: 'Postings carried by each ledger posting statement (1: posted alone).',
    buckets: BATCH_MEMBER_BUCKETS,
    registers: [this.registry],
  });
  readonly postingFallbacks: Counter = new Counter({
    name: `${PREFIX}posting_batch_fallbacks_total`,
    help: 'Posting batches PostgreSQL refused whole, whose members were then posted alone.',
    registers: [this.registry],
    collect: (): void => this.countFrom(this.postingFallbacks, this.sources.postingFallbacks),
  });
  readonly billingClockLag = new Histogram({
    name: `${PREFIX}billing_clock_lag_seconds`,
    help: 'How late the billing clock acted on each call: its commit time minus the call’s due time, in seconds.',
    buckets: LAG_BUCKETS_SECONDS,
    registers: [this.registry],
  });
  readonly billingClockBatchDuration = new Histogram({
    name: `${PREFIX}billing_clock_batch_duration_seconds`,
    help: 'Duration of one billing-clock batch (claim, decide, write, commit), in seconds.',
    buckets: LATENCY_BUCKETS_SECONDS,
    registers: [this.registry],
  });
  readonly billingClockCalls = new Counter({
    name: `${PREFIX}billing_clock_calls_total`,
    help: 'Calls the billing clock acted on, by result: `extended` (next increment reserved), `stopped`, `waiting` (short, retried at the end of its funded time).',
    labelNames: ['result'] as const,
    registers: [this.registry],
  });
  readonly billingClockPassesFailed: Counter = new Counter({
    name: `${PREFIX}billing_clock_passes_failed_total`,
    help: 'Billing-clock passes that failed (each is retried on the next pass).',
    registers: [this.registry],
    collect: (): void => this.countFrom(this.billingClockPassesFailed, this.sources.billingClockPassesFailed),
  });
  readonly billingClockAdmissionRefusals: Counter = new Counter({
    name: `${PREFIX}billing_clock_admission_refusals_total`,
    help: 'New calls refused (BILLING_CLOCK_BEHIND) because this process’s billing clock ran more than billingClockAdmissionBehindMs late.',
    registers: [this.registry],
    collect: (): void => this.countFrom(this.billingClockAdmissionRefusals, this.sources.billingClockAdmissionRefusals),
  });
  readonly mailSends = new Counter({
    name: `${PREFIX}mail_sends_total`,
    help: 'Mail sending attempts by result: `sent`, `retried` (failed, tried again later), `failed` (failed for the last time).',
    labelNames: ['result'] as const,
    registers: [this.registry],
  });
  readonly webhookAttempts = new Counter({
    name: `${PREFIX}webhook_attempts_total`,
    help: 'Webhook delivery attempts by result: `delivered`, `retrying` (failed, tried again later), `failed` (failed past its delivery window).',
    labelNames: ['result'] as const,
    registers: [this.registry],
  });
  readonly rateLimitRefusals = new Counter({
    name: `${PREFIX}rate_limit_refusals_total`,
    help: 'Requests, sockets and subscriptions refused by a rate limit, by the limit’s setting name.',
    labelNames: ['limit'] as const,
    registers: [this.registry],
  });
  readonly poolAcquireDuration = new Histogram({
    name: `${PREFIX}db_pool_acquire_duration_seconds`,
    help: 'Time to get a pooled database connection (including waits for the operation and request caps), in seconds.',
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  readonly poolConnections = new Gauge({
    name: `${PREFIX}db_pool_connections`,
    help: 'Pooled database connections by state: `used`, `free`, `max` (the pool size).',
    labelNames: ['state'] as const,
    registers: [this.registry],
  });
  readonly poolWaiting = new Gauge({
    name: `${PREFIX}db_pool_waiting`,
    help: 'Acquisitions waiting now, by what for: `pool` (no free connection), `requests` (the requests’ share is taken), `operation` (the operation holds its own cap).',
    labelNames: ['for'] as const,
    registers: [this.registry],
  });
  readonly poolRequestConnections = new Gauge({
    name: `${PREFIX}db_pool_request_connections`,
    help: 'Pooled connections client operations hold now (the rest are reserved for the billing clock, the outbox and jobs).',
    registers: [this.registry],
  });
  readonly outboxHead = new Gauge({
    name: `${PREFIX}outbox_head_id`,
    help: 'Id of the newest outbox row.',
    registers: [this.registry],
  });
  readonly outboxTailLag = new Gauge({
    name: `${PREFIX}outbox_tail_lag_rows`,
    help: 'Outbox rows (by id) between the newest row and this process’s live tail (subscriptions); one row stands for all of a wallet’s transactions of one posting statement.',
    registers: [this.registry],
  });
  readonly outboxConsumerLag = new Gauge({
    name: `${PREFIX}outbox_consumer_lag_rows`,
    help: 'Outbox rows (by id) between the newest row and each durable consumer’s position; one row stands for all of a wallet’s transactions of one posting statement.',
    labelNames: ['consumer'] as const,
    registers: [this.registry],
  });
  readonly alertReaderLag = new Gauge({
    name: `${PREFIX}alert_reader_lag_rows`,
    help: 'Alerts (by id) between the newest alert and each alert reader’s position (mail, webhooks).',
    labelNames: ['reader'] as const,
    registers: [this.registry],
  });
  readonly activeCalls = new Gauge({
    name: `${PREFIX}calls_active`,
    help: 'Active calls (all processes).',
    registers: [this.registry],
  });
  readonly billingClockOverdue = new Gauge({
    name: `${PREFIX}billing_clock_overdue_seconds`,
    help: 'How far the earliest due active call is past its check time, in seconds (0 when none is late; all processes).',
    registers: [this.registry],
  });
  readonly mailPending = new Gauge({
    name: `${PREFIX}mail_pending`,
    help: 'Mails waiting to be sent (PENDING, all processes).',
    registers: [this.registry],
  });
  readonly webhookPending = new Gauge({
    name: `${PREFIX}webhook_deliveries_pending`,
    help: 'Webhook deliveries waiting to be delivered (PENDING, all processes).',
    registers: [this.registry],
  });
  readonly databaseUp = new Gauge({
    name: `${PREFIX}metrics_database_up`,
    help: '1 when the last scrape read the database gauges, 0 when the database did not answer in time (those gauges then keep their last values).',
    registers: [this.registry],
  });

  /** @param options.databaseTimeoutMs longest a scrape waits for the database gauges, in milliseconds. */
  constructor(private readonly options: { databaseTimeoutMs: number }) {
    collectDefaultMetrics({ register: this.registry });
  }

  /** Registers (or replaces) what the scrape reads from the parts that own it. */
  watch(sources: ScrapeSources): void {
    this.sources = { ...this.sources, ...sources };
  }

  /** Counts one GraphQL operation and its latency (undefined: refused before it was timed). */
  observeOperation(transport: GraphqlTransport, type: string, operation: string, code: unknown, seconds: number | undefined): void {
    this.graphqlOperations.inc({ transport, type, operation, outcome: outcomeLabel(code) });
    if (seconds !== undefined) this.graphqlDuration.observe({ transport, type, operation }, seconds);
  }

  /** Counts one committed billing-clock batch: its duration, each call's lag (ms) and what it did to them. */
  observeBillingBatch(pass: BillingPass, durationMs: number, lagsMs: readonly number[]): void {
    this.billingClockBatchDuration.observe(durationMs / 1000);
    for (const lagMs of lagsMs) this.billingClockLag.observe(Math.max(0, lagMs) / 1000);
    this.billingClockCalls.inc({ result: 'extended' }, pass.extended);
    this.billingClockCalls.inc({ result: 'stopped' }, pass.stopped);
    this.billingClockCalls.inc({ result: 'waiting' }, pass.processed - pass.extended - pass.stopped);
  }

  /** Counts one pass of the mail sender. */
  countMailSends(sent: SentMail): void {
    this.mailSends.inc({ result: 'sent' }, sent.sent);
    this.mailSends.inc({ result: 'retried' }, sent.retried);
    this.mailSends.inc({ result: 'failed' }, sent.failed);
  }

  /** The Prometheus text: the database gauges read first (one statement), then every metric. */
  async scrape(): Promise<string> {
    await this.readDatabase();
    this.readPool();
    return this.registry.metrics();
  }

  /** The content type of {@link scrape}'s text. */
  get contentType(): string {
    return this.registry.contentType;
  }

  private setFrom(gauge: Gauge, source: (() => number) | undefined): void {
    if (source) gauge.set(source());
  }

  /** A counter kept by its owner (a running total since start), copied at the scrape. */
  private countFrom(counter: Counter, source: (() => number) | undefined): void {
    if (!source) return;
    counter.reset();
    counter.inc(source());
  }

  private readPool(): void {
    const pool = this.sources.pool?.();
    if (!pool) return;
    this.poolConnections.set({ state: 'used' }, pool.used);
    this.poolConnections.set({ state: 'free' }, pool.free);
    this.poolConnections.set({ state: 'max' }, pool.sizeMax);
    this.poolWaiting.set({ for: 'pool' }, pool.pendingAcquires);
    if (pool.requestConnectionsWaiting !== undefined) this.poolWaiting.set({ for: 'requests' }, pool.requestConnectionsWaiting);
    if (pool.operationCapWaiting !== undefined) this.poolWaiting.set({ for: 'operation' }, pool.operationCapWaiting);
    if (pool.requestConnectionsHeld !== undefined) this.poolRequestConnections.set(pool.requestConnectionsHeld);
  }

  private async readDatabase(): Promise<void> {
    const read = this.sources.database;
    if (!read) return;
    let gauges: MonitoringGauges;
    let timer: NodeJS.Timeout | undefined;
    try {
      const timeout = new Promise<never>((_resolve, reject) => {
        timer = setTimeout(() => reject(new Error('The database gauges timed out')), this.options.databaseTimeoutMs);
      });
      gauges = await Promise.race([read(), timeout]);
    } catch {
      // The in-process metrics are still worth a scrape while PostgreSQL is away.
      this.databaseUp.set(0);
      return;
    } finally {
      clearTimeout(timer);
    }
    this.databaseUp.set(1);
    const head = gauges.outboxHeadId;
    this.outboxHead.set(Number(head));
    const tail = this.sources.outboxTailPosition?.();
    if (tail !== undefined) this.outboxTailLag.set(lagOf(head, tail));
    this.outboxConsumerLag.reset();
    for (const consumer of gauges.outboxConsumers) this.outboxConsumerLag.set({ consumer: consumer.name }, lagOf(head, consumer.eventId));
    this.alertReaderLag.reset();
    for (const reader of gauges.alertReaders) this.alertReaderLag.set({ reader: reader.name }, lagOf(gauges.alertHeadId, reader.alertId));
    this.activeCalls.set(gauges.activeCalls);
    this.billingClockOverdue.set(gauges.billingClockOverdueSeconds);
    this.mailPending.set(gauges.mailPending);
    this.webhookPending.set(gauges.webhookDeliveriesPending);
  }
}

/** Rows between a head and a position (never negative: a reader may have read rows the head query has not seen yet). */
function lagOf(head: bigint, position: bigint): number {
  return head > position ? Number(head - position) : 0;
}
