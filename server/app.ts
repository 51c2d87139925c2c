import type { MikroORM } from '@mikro-orm/postgresql';
import type { Config } from './config.js';
import { createPostingBatcher, type PostingBatcher } from './domain/wallets/post-wallet-transaction.js';
import { createOrm, migrateDatabase } from './database/orm.js';
import { OperationBudget, runOperation, runOperationWithDeadline } from './database/operation-budget.js';
import type { ClientOperation } from './transport/client-operation.js';
import { createSchema } from './graphql/schema.js';
import { createEvents, type Events } from './events/events.js';
import { OutboxTail } from './events/outbox-tail.js';
import { OutboxFleet } from './events/outbox-fleet.js';
import { WalletHubs } from './events/wallet-hub.js';
import { PostgresWakeSignal } from './events/wake-signal.js';
import { ALERT_CHANNEL, AlertFeed } from './events/alert-feed.js';
import { ACKNOWLEDGED_ALERTS, RAISED_ALERTS, type AlertFeedSource } from './domain/alerts/read-alerts.service.js';
import { AlertProcessor } from './domain/alerts/alert-processor.js';
import { warnClosingAccounts } from './domain/alerts/warn-closing-accounts.service.js';
import { startHttpServer } from './transport/http.js';
import { BillingClock } from './domain/calls/billing-clock.js';
import { CallBatches } from './domain/calls/call-batches.js';
import { createMessageHoldBatcher } from './domain/messaging/hold-messages.js';
import { createMessageReportBatcher } from './domain/messaging/report-message-delivery.service.js';
import { RatePlanCache } from './domain/rating/rate-plan-cache.js';
import { CampaignRouteCache } from './domain/campaigns/campaign-route-cache.js';
import { postPendingCallCosts, type CallServiceDeps } from './domain/calls/call.service.js';
import { systemClock, type Clock } from './domain/calls/clock.js';
import type { SpendControl } from './domain/calls/spend-control.js';
import type { ServiceDeps } from './domain/service-deps.js';
import { DialerSimulator, simulatorSettings } from './simulator/dialer-simulator.js';
import { LifecycleJobs, type LifecycleJob } from './lifecycle/lifecycle-jobs.js';
import { updateWalletStates } from './domain/wallets/update-wallet-states.service.js';
import { closeDormantAccounts } from './domain/accounts/close-dormant-accounts.service.js';
import { renewSubscriptions } from './domain/subscriptions/subscription.service.js';
import { releaseNumbersOfAccount } from './domain/numbers/release-number.service.js';
import { payOwedNumberRenewals, renewNumbers } from './domain/numbers/renew-numbers.service.js';
import { payOwedSenderIdRenewals, renewSenderIds } from './domain/sender-ids/renew-sender-ids.service.js';
import { cancelSenderIdsOfAccount } from './domain/sender-ids/cancel-sender-id.service.js';
import { expireMessageHolds } from './domain/messaging/expire-message-holds.service.js';
import { postPendingMessageCharges } from './domain/messaging/message-holds.js';
import { randomBytes } from 'node:crypto';
import Stripe from 'stripe';
import { StripeSandbox } from './stripe-sandbox/stripe-sandbox.js';
import { SANDBOX_TEST_CARDS } from './stripe-sandbox/test-cards.js';
import type { PaymentsDeps } from './domain/payments/payments-deps.js';
import type { PaymentsRuntime } from './domain/payments/payments-runtime.js';
import { processStripeEvents } from './domain/payments/stripe-inbox.js';
import { reconcileTopUps } from './domain/payments/reconcile-top-ups.service.js';
import { runAutoRecharges, runMonthlyRecharges } from './domain/payments/auto-recharge.service.js';
import { retryPendingRefunds } from './domain/payments/refund-unused-credit.service.js';
import { produceMail } from './domain/mail/produce-mail.service.js';
import { queueUsageReports } from './domain/usage-reports/queue-usage-reports.service.js';
import { sendPendingMail } from './domain/mail/send-mail.service.js';
import { SmtpSink } from './mail/smtp-sink.js';
import { createSmtpTransport } from './mail/smtp-transport.js';
import { WebhookJobs } from './lifecycle/webhook-jobs.js';
import { createRateLimits } from './transport/rate-limits/rate-limits.js';
import { ServiceList } from './service-list.js';
import { checkReadiness } from './lifecycle/readiness.js';
import { checkRetentionSettings, retentionJobsOf } from './lifecycle/retention-jobs.js';
import { Metrics } from './metrics/metrics.js';
import { watchPool } from './metrics/pool-metrics.js';
import { countRateLimitRefusals } from './metrics/rate-limit-metrics.js';
import { readMonitoringGauges } from './domain/monitoring/read-monitoring-gauges.service.js';
import { poolOf } from './database/sql.js';
import { log } from './logging/logger.js';

/** Options of {@link startApp}. */
export interface StartAppOptions {
  config: Config;
  databaseUrl: string;
  /** The operator's bearer token (PLATFORM_ADMIN). */
  platformAdminToken: string;
  /** Time for the billing clock and call services. @default the system clock */
  clock?: Clock;
}

/** The running product on one database. */
export interface RunningApp {
  url: string;
  port: number;
  orm: MikroORM;
  /** The posting batcher of this app's pool, with the configured limits: every service that posts gets this one. */
  postings: PostingBatcher;
  events: Events;
  /** The fleet's outbox stream and reader election, when REDIS_URL is set. */
  fleet: OutboxFleet | undefined;
  spend: SpendControl;
  /** The built-in dialer (running only when `simulatorEnabled`). */
  simulator: DialerSimulator;
  /** Renewals, expiries, suspensions and closures (running only when `lifecycleEnabled`). */
  lifecycle: LifecycleJobs;
  /** Stripe (or the sandbox) and the payment services' dependencies. */
  payments: PaymentsRuntime;
  /** The Stripe inbox, reconciliation, refunds retry, auto and monthly recharges (running only when `paymentsEnabled`). */
  paymentJobs: LifecycleJobs;
  /** The loopback Stripe sandbox, when no STRIPE_SECRET_KEY is set. */
  stripeSandbox: StripeSandbox | undefined;
  /** Raises alerts from the outbox (running only when `alertsEnabled`; `pass()` runs one now). */
  alertProcessor: AlertProcessor;
  /** The mail producer (alerts and receipts into the mail outbox) and sender (running only when `mailEnabled`). */
  mailJobs: LifecycleJobs;
  /** The loopback SMTP sink mails go to when no SMTP_URL is set (viewable at `/dev/mail`). */
  mailSink: SmtpSink | undefined;
  /** The dashboard's address used in e-mails: PUBLIC_URL, else {@link url}. */
  publicUrl: string;
  /** The daily and monthly usage-report e-mails, queued into the mail outbox (running only when `usageReportsEnabled`). */
  usageReportJobs: LifecycleJobs;
  /** The webhook producer and sender (running only when `webhooksEnabled`). */
  webhooks: WebhookJobs;
  /** Deletes what is past its retention: idempotency keys, webhook deliveries, mails, alerts, expired sessions, outbox rows (running only when `retentionEnabled`). */
  retention: LifecycleJobs;
  /** This app's Prometheus metrics, served at `/metrics` (undefined when `metricsEnabled` is off). */
  metrics: Metrics | undefined;
  /** Stops every service in the reverse order of their start: the jobs, HTTP and WebSocket, …, the database pool last. */
  close(): Promise<void>;
}

/**
 * Opens the ORM, applies pending migrations, builds the schema and listens: the app is a list of
 * services (see {@link ServiceList}), each started after the ones it needs and stopped in reverse
 * order by `close()`, or at once when a later one fails to start.
 */
export async function startApp(options: StartAppOptions): Promise<RunningApp> {
  const config = options.config;
  checkRetentionSettings(config);
  const services = new ServiceList();
  // This app's metrics, on a registry of its own: handed to what counts, never looked up process-wide.
  const metrics = config.metricsEnabled ? new Metrics({ databaseTimeoutMs: config.metricsDatabaseTimeoutMs }) : undefined;
  try {
    const orm = await services.start({
      name: 'database pool',
      start: () =>
        createOrm({
          databaseUrl: options.databaseUrl,
          poolSizeMax: config.databasePoolSize,
          requestConnectionsMax: config.databasePoolSize - config.databasePoolReservedConnections,
          timeouts: {
            statementTimeoutMs: config.databaseStatementTimeoutMs,
            lockTimeoutMs: config.databaseLockTimeoutMs,
            idleInTransactionTimeoutMs: config.databaseIdleInTransactionTimeoutMs,
            queryTimeoutMs: config.databaseQueryTimeoutMs,
            connectTimeoutMs: config.databaseConnectTimeoutMs,
            acquireTimeoutMs: config.databasePoolAcquireTimeoutMs,
          },
        }),
      stop: (started) => started.close(true),
    });
    // This app's posting batcher, with the configured limits: built here and handed to every service
    // that posts (in the deps below), never looked up process-wide.
    const postings = createPostingBatcher(orm.em, {
      batchSizeMax: config.postingBatchSizeMax,
      batchesInFlightMax: config.postingBatchesInFlightMax,
    });
    if (metrics) {
      watchPool(metrics, poolOf(orm.em), config.databasePoolSize);
      postings.onStatement = (members) => metrics.postingBatchMembers.observe(members);
      metrics.watch({ postingFallbacks: () => postings.stats.fallbacks, database: () => readMonitoringGauges(orm.em.fork()) });
    }
    await migrateDatabase(options.databaseUrl);
    const schema = await createSchema();
    const clock = options.clock ?? systemClock;

    // Live events: the outbox tail and wallet hubs, the alert feed, and the wake-ups between processes.
    // Alone (no REDIS_URL) every process reads the outbox, woken by PostgreSQL NOTIFY; in a fleet one
    // elected process reads it and publishes it through Redis (see events/outbox-fleet.ts).
    const redisUrl = config.redisUrl;
    const pgSignal = redisUrl
      ? undefined
      : await services.start({
          name: 'wake signal',
          start: () => PostgresWakeSignal.start(options.databaseUrl, { publishIntervalMinMs: config.outboxNotifyIntervalMinMs }),
          stop: (started) => started.close(),
        });
    const onOutboxError = (error: unknown) => log.error({ err: error }, 'Reading the outbox failed (retried on the next wake-up)');
    const tail = await services.start({
      name: 'outbox tail',
      start: () =>
        OutboxTail.start({
          em: orm.em,
          signal: pgSignal,
          batchSize: config.outboxBatchSize,
          pollIntervalMs: config.outboxPollIntervalMs,
          readIntervalMinMs: config.outboxTailReadIntervalMinMs,
          inboxBatchesMax: config.outboxStreamInboxMessagesMax,
          listenedWalletsMax: config.outboxTailListenedWalletsMax,
          onError: onOutboxError,
        }),
      stop: (started) => started.stop(),
    });
    const pgAlertSignal = redisUrl
      ? undefined
      : await services.start({
          name: 'alert wake signal',
          start: () => PostgresWakeSignal.start(options.databaseUrl, { channel: ALERT_CHANNEL }),
          stop: (started) => started.close(),
        });
    // One feed per source, both woken by the alert signal: alerts as raised, and as acknowledged.
    const startAlertFeed = (name: string, source: AlertFeedSource) =>
      services.start({
        name,
        start: () =>
          AlertFeed.start({
            em: orm.em,
            signal: pgAlertSignal,
            pollIntervalMs: config.outboxPollIntervalMs,
            batchSize: config.outboxBatchSize,
            source,
            inboxBatchesMax: config.outboxStreamInboxMessagesMax,
            onError: (error) => log.error({ err: error }, `Reading the ${name} failed (retried on the next wake-up)`),
          }),
        stop: (started) => started.stop(),
      });
    const alertFeed = await startAlertFeed('alert feed', RAISED_ALERTS);
    const acknowledgementFeed = await startAlertFeed('alert acknowledgement feed', ACKNOWLEDGED_ALERTS);
    const fleet = redisUrl
      ? await services.start({
          name: 'outbox fleet (Redis)',
          start: async () =>
            OutboxFleet.start({
              redisUrl,
              keyPrefix: config.redisKeyPrefix,
              databaseUrl: options.databaseUrl,
              tail,
              alertFeeds: [alertFeed, acknowledgementFeed],
              reconnectDelayMs: config.outboxReaderReconnectDelayMs,
              keepaliveIdleSeconds: config.outboxReaderKeepaliveIdleSeconds,
              heartbeatIntervalMs: config.outboxStreamHeartbeatIntervalMs,
              staleAfterMs: config.outboxStreamStaleAfterMs,
              onError: onOutboxError,
            }),
          stop: (started) => started.stop(),
        })
      : undefined;
    const signal = fleet ? fleet.commitSignal : pgSignal!;
    // The durable outbox consumers (alerts, the webhook and mail producers) run where the outbox is
    // read: alone, every process; in a fleet, the elected reader, which hears every commit (and a
    // process that hears no reader and reads the outbox itself meanwhile). Elsewhere their passes
    // would only queue on the consumer's lock and find nothing. Where they run changes nothing of
    // exactly-once: each consumer's lock and durable position see to that, whoever runs it.
    const outboxConsumersRunHere = () => !fleet || fleet.isReader || tail.isSelfReading;
    const alertSignal = fleet ? fleet.alertSignal : pgAlertSignal!;
    metrics?.watch({ outboxTailPosition: () => BigInt(tail.readPosition.id) });
    const hubs = new WalletHubs({ em: orm.em, tail, batchSize: config.outboxBatchSize, onError: onOutboxError });
    // Made before the alert processor, which wakes it; started with the other jobs, after the HTTP server.
    const webhooks = new WebhookJobs({
      em: orm.em,
      clock,
      config,
      // The jobs start after the HTTP server, whose address this reads then.
      publicUrl: () => config.publicUrl ?? server.url,
      onError: (job, error) => log.error({ err: error, job }, `Webhook job ${job} failed (retried on the next pass)`),
      onAttempt: (outcome) => {
        if (outcome !== 'released') metrics?.webhookAttempts.inc({ result: outcome });
      },
      producesHere: outboxConsumersRunHere,
    });
    const alertProcessor = await services.start({
      name: 'alert processor',
      start: () => {
        const processor = new AlertProcessor({
          em: orm.em,
          batchSize: config.alertsBatchSize,
          rearmMarginPercent: config.lowBalanceRearmMarginPercent,
          callsStoppedSettleMs: config.callsStoppedSettleMs,
          spendCapWarningPercent: config.spendCapWarningPercent,
          intervalMs: config.alertsIntervalMs,
          coalesceMs: config.alertsCoalesceMs,
          passIntervalMinMs: config.outboxConsumerPassIntervalMinMs,
          raised: () => {
            alertFeed.wake();
            alertSignal.publish();
            // Alerts are webhook events too (ALERT_RAISED, CALLS_STOPPED).
            webhooks.wake();
          },
          onError: (error) => log.error({ err: error }, 'Raising alerts failed (retried on the next pass)'),
          runsHere: outboxConsumersRunHere,
        });
        if (config.alertsEnabled) processor.start();
        return processor;
      },
      stop: (started) => started.stop(),
    });
    const wakeOutboxConsumers = () => {
      if (!outboxConsumersRunHere()) return;
      alertProcessor.wake();
      webhooks.wake();
    };
    const events = createEvents(
      tail,
      hubs,
      signal,
      { raised: alertFeed, acknowledged: acknowledgementFeed, signal: alertSignal },
      wakeOutboxConsumers,
    );
    // Commits through other processes wake this process's alert processor and webhook producer: in a
    // fleet, when the reader's tail reads new rows (only the reader hears the commits themselves, and
    // only it runs the consumers: see outboxConsumersRunHere).
    await services.start({
      name: 'outbox wake-ups',
      start: () => (fleet ? tail.onAdvance(wakeOutboxConsumers) : signal.subscribe(wakeOutboxConsumers)),
      stop: (unsubscribe) => unsubscribe(),
    });

    // Calls and jobs.
    const callDeps: ServiceDeps & CallServiceDeps = { clock, config, committed: () => events.committed(), postings };
    const deps: ServiceDeps = callDeps;
    callDeps.ratePlans = new RatePlanCache(config.ratePlanCacheEntriesMax);
    callDeps.campaignRoutes = new CampaignRouteCache(config.campaignRouteCacheEntriesMax);
    callDeps.callBatches = new CallBatches(orm.em, callDeps, config);
    callDeps.messageHolds = createMessageHoldBatcher(orm.em, callDeps, config);
    callDeps.messageReports = createMessageReportBatcher(orm.em, callDeps, config);
    // Ended calls whose cost a crash kept off the ledger are posted before anything else runs.
    await postPendingCallCosts(orm.em.fork(), callDeps);
    await postPendingMessageCharges(orm.em.fork(), deps);
    const billingClock = await services.start({
      name: 'billing clock',
      start: () => {
        const started = new BillingClock({
          em: orm.em,
          clock,
          config,
          committed: () => events.committed(),
          postings,
          onError: (error) => log.error({ err: error }, 'Billing clock pass failed (retried on the next pass)'),
          onBatch: metrics && ((pass, durationMs, lagsMs) => metrics.observeBillingBatch(pass, durationMs, lagsMs)),
        });
        metrics?.watch({
          billingClockPassesFailed: () => started.passesFailed,
          billingClockAdmissionRefusals: () => started.admissionRefusals,
        });
        callDeps.callStarted = (callId, dueAtMs) => started.track(callId, dueAtMs);
        callDeps.callEnded = (callId) => started.ended(callId);
        callDeps.admitCall = (calls) => started.admit(calls);
        if (config.billingClockEnabled) started.start();
        return started;
      },
      stop: (started) => started.stop(),
    });
    // Made here (the spend control and the jobs below need them), started after the HTTP server, so
    // that closing stops them before it.
    const simulator = new DialerSimulator({
      em: orm.em,
      clock,
      deps,
      settings: simulatorSettings(config),
      tickMs: config.simulatorTickMs,
      onError: (error) => log.error({ err: error }, 'Dialer simulator step failed'),
    });
    const lifecycle = new LifecycleJobs({
      jobs: lifecycleJobsOf(orm.em, deps),
      now: () => clock.now(),
      intervalMs: config.lifecycleIntervalMs,
      onError: (job, error) => log.error({ err: error, job }, `Lifecycle job ${job} failed (retried on the next pass)`),
    });
    const spend: SpendControl = { clock, billingClock, callDeps, deps, sqlEm: orm.em.fork() };

    // Payments: real Stripe with a secret key, else the loopback sandbox through the same SDK.
    if (config.stripeSecretKey && !config.stripeWebhookSecret) throw new Error('STRIPE_WEBHOOK_SECRET is required with STRIPE_SECRET_KEY');
    const webhookSecret = config.stripeWebhookSecret ?? `whsec_sandbox_${randomBytes(24).toString('hex')}`;
    const sandbox = config.stripeSecretKey
      ? undefined
      : await services.start({
          name: 'Stripe sandbox',
          start: () => StripeSandbox.start({ webhookSecret, host: '127.0.0.1' }),
          stop: (started) => started.close(),
        });
    const apiUrl = config.stripeSecretKey ? config.stripeApiUrl : undefined;
    const stripe = new Stripe(config.stripeSecretKey ?? 'sk_test_spendwire_sandbox', {
      ...(sandbox ? sandbox.stripeConnection() : {}),
      ...(apiUrl
        ? {
            host: apiUrl.hostname,
            port: Number(apiUrl.port || (apiUrl.protocol === 'https:' ? 443 : 80)),
            protocol: apiUrl.protocol === 'https:' ? ('https' as const) : ('http' as const),
          }
        : {}),
      maxNetworkRetries: sandbox ? 0 : 2,
      telemetry: false,
    });
    const paymentsDeps: PaymentsDeps = { ...deps, stripe, wakePayments: () => paymentJobs.wake(0) };
    // Made here, started after the HTTP server (the sandbox's webhooks need its address).
    const paymentJobs = new LifecycleJobs({
      jobs: paymentJobsOf(orm.em, paymentsDeps),
      now: () => clock.now(),
      intervalMs: config.paymentsIntervalMs,
      onError: (job, error) => log.error({ err: error, job }, `Payment job ${job} failed (retried on the next pass)`),
    });
    const payments: PaymentsRuntime = {
      deps: paymentsDeps,
      mode: sandbox ? 'SANDBOX' : 'STRIPE',
      publishableKey: config.stripePublishableKey ?? null,
      sandboxUrl: sandbox?.url ?? null,
      testCards: sandbox ? SANDBOX_TEST_CARDS : [],
    };

    // Mail: the configured SMTP server, else a loopback sink whose mails the dev page shows.
    const mailSink = config.smtpUrl
      ? undefined
      : await services.start({
          name: 'SMTP sink',
          start: () => SmtpSink.start({ messagesMax: config.mailSinkMessagesMax, messageBytesMax: config.mailSinkMessageBytesMax }),
          stop: (started) => started.close(),
        });
    const mailTransport = await services.start({
      name: 'SMTP transport',
      start: () => createSmtpTransport({ url: config.smtpUrl ?? mailSink!.url, from: config.mailFrom, timeoutMs: config.smtpTimeoutMs }),
      stop: (started) => started.close(),
    });

    // HTTP and WebSocket.
    const rateLimits = await services.start({
      name: 'rate limits',
      start: () => countRateLimitRefusals(createRateLimits({ databaseUrl: options.databaseUrl, config }), metrics),
      stop: (started) => started.close(),
    });
    const server = await services.start({
      name: 'HTTP server',
      start: () =>
        startHttpServer({
          orm,
          schema,
          config,
          platformAdminToken: options.platformAdminToken,
          events,
          spend,
          payments,
          stripeWebhook: { webhookSecret, onEventRecorded: () => paymentJobs.wake(0) },
          devMail: mailSink,
          rateLimits,
          readiness: () => checkReadiness({ orm, outboxTailRunning: () => tail.running, timeoutMs: config.readinessCheckTimeoutMs }),
          startOperation: () => startClientOperation(config),
          metrics,
        }),
      stop: (started) => started.close(),
    });
    if (sandbox) {
      await services.start({
        name: 'Stripe sandbox webhooks',
        start: () => sandbox.setWebhookUrl(`http://127.0.0.1:${server.port}/webhooks/stripe`),
        stop: () => sandbox.setWebhookUrl(undefined),
      });
    }

    // The jobs, after the server (some need its address, its requests wake others); closing stops them before it.
    const publicUrl = config.publicUrl ?? server.url;
    await services.start({
      name: 'dialer simulator',
      start: () => startJobs(simulator, config.simulatorEnabled),
      stop: (started) => started.stop(),
    });
    await services.start({
      name: 'lifecycle jobs',
      start: () => startJobs(lifecycle, config.lifecycleEnabled),
      stop: (started) => started.stop(),
    });
    await services.start({
      name: 'payment jobs',
      start: () => startJobs(paymentJobs, config.paymentsEnabled),
      stop: (started) => started.stop(),
    });
    const mailJobs = await services.start({
      name: 'mail jobs',
      start: () =>
        startJobs(
          new LifecycleJobs({
            jobs: [
              {
                name: 'mailProducer',
                run: async (nowMs) =>
                  outboxConsumersRunHere() ? produceMail(orm.em.fork(), { config, publicUrl }, nowMs) : 'runs on the outbox reader',
              },
              {
                name: 'mailSender',
                run: () =>
                  sendPendingMail(orm.em.fork(), { config, transport: mailTransport, now: () => clock.now() }).then((sent) => {
                    metrics?.countMailSends(sent);
                    return sent;
                  }),
              },
            ],
            now: () => clock.now(),
            intervalMs: config.mailIntervalMs,
            onError: (job, error) => log.error({ err: error, job }, `Mail job ${job} failed (retried on the next pass)`),
          }),
          config.mailEnabled,
        ),
      stop: (started) => started.stop(),
    });
    const usageReportJobs = await services.start({
      name: 'usage report jobs',
      start: () =>
        startJobs(
          new LifecycleJobs({
            jobs: [{ name: 'usageReports', run: (nowMs) => queueUsageReports(orm.em.fork(), { config, publicUrl }, nowMs) }],
            now: () => clock.now(),
            intervalMs: config.usageReportIntervalMs,
            onError: (job, error) => log.error({ err: error, job }, `Usage report job ${job} failed (retried on the next pass)`),
          }),
          config.usageReportsEnabled,
        ),
      stop: (started) => started.stop(),
    });
    await services.start({
      name: 'webhook jobs',
      start: () => startJobs(webhooks, config.webhooksEnabled),
      stop: (started) => started.stop(),
    });
    const retention = await services.start({
      name: 'retention jobs',
      start: () =>
        startJobs(
          new LifecycleJobs({
            jobs: retentionJobsOf(orm.em, config, {
              outboxPosition: () => tail.readPosition,
              alertPosition: () => alertFeed.readPosition,
              acknowledgementPosition: () => acknowledgementFeed.readPosition,
            }),
            now: () => clock.now(),
            intervalMs: config.retentionIntervalMs,
            onError: (job, error) => log.error({ err: error, job }, `Retention job ${job} failed (retried on the next pass)`),
          }),
          config.retentionEnabled,
        ),
      stop: (started) => started.stop(),
    });
    return {
      url: server.url,
      port: server.port,
      orm,
      postings,
      events,
      fleet,
      spend,
      simulator,
      lifecycle,
      payments,
      paymentJobs,
      stripeSandbox: sandbox,
      alertProcessor,
      mailJobs,
      mailSink,
      publicUrl,
      usageReportJobs,
      webhooks,
      retention,
      metrics,
      close: () => services.stopAll(),
    };
  } catch (error) {
    await services.stopAll();
    throw error;
  }
}

/** Starts `jobs` when `enabled` (they exist either way: tests run their passes by hand). */
function startJobs<Jobs extends { start(): void }>(jobs: Jobs, enabled: boolean): Jobs {
  if (enabled) jobs.start();
  return jobs;
}

/** The payment jobs, in the order a pass runs them; each on its own fork. */
function paymentJobsOf(em: MikroORM['em'], deps: PaymentsDeps): LifecycleJob[] {
  return [
    { name: 'stripeInbox', run: () => processStripeEvents(em.fork(), deps) },
    { name: 'topUpReconciliation', run: (nowMs) => reconcileTopUps(em.fork(), deps, nowMs) },
    { name: 'refundRetries', run: (nowMs) => retryPendingRefunds(em.fork(), deps, nowMs) },
    { name: 'autoRecharges', run: (nowMs) => runAutoRecharges(em.fork(), deps, nowMs) },
    { name: 'monthlyRecharges', run: (nowMs) => runMonthlyRecharges(em.fork(), deps, nowMs) },
  ];
}

/** The lifecycle jobs, in the order a pass runs them; each run on its own fork (never the ORM's global context). */
function lifecycleJobsOf(em: MikroORM['em'], deps: ServiceDeps): LifecycleJob[] {
  return [
    // First: funding pays the renewals owed while the wallet was suspended before anything else spends it
    // (each funding pays them itself right after its credit; these two are the backstop).
    { name: 'owedNumberRenewals', run: (nowMs) => payOwedNumberRenewals(em.fork(), deps, nowMs) },
    { name: 'owedSenderIdRenewals', run: (nowMs) => payOwedSenderIdRenewals(em.fork(), deps, nowMs) },
    { name: 'subscriptionRenewals', run: (nowMs) => renewSubscriptions(em.fork(), deps, nowMs) },
    { name: 'walletStates', run: (nowMs) => updateWalletStates(em.fork(), nowMs) },
    {
      name: 'accountClosingWarnings',
      run: (nowMs) =>
        warnClosingAccounts(em.fork(), {
          nowMs,
          closeAfterDays: deps.config.accountCloseAfterDays,
          warningDays: deps.config.accountClosingWarningDays,
        }),
    },
    { name: 'messageExpiries', run: (nowMs) => expireMessageHolds(em.fork(), deps, nowMs) },
    { name: 'numberRenewals', run: (nowMs) => renewNumbers(em.fork(), deps, nowMs) },
    { name: 'senderIdRenewals', run: (nowMs) => renewSenderIds(em.fork(), deps, nowMs) },
    {
      name: 'dormantAccounts',
      run: async (nowMs) => {
        const closed = await closeDormantAccounts(em.fork(), nowMs, deps.config.accountCloseAfterDays);
        // A closed account's numbers go back to the pool, and its sender IDs are cancelled.
        for (const accountId of closed) {
          await releaseNumbersOfAccount(em.fork(), accountId, nowMs, 'ACCOUNT_CLOSED');
          await cancelSenderIdsOfAccount(em.fork(), accountId, nowMs);
        }
        return closed;
      },
    },
  ];
}

/** A client operation for transport, over database/operation-budget.ts: the configured deadline and connection cap. */
function startClientOperation(config: Config): ClientOperation {
  const budget = new OperationBudget({ deadlineMs: config.operationDeadlineMs, connectionsMax: config.operationConnectionsMax });
  return {
    expired: budget.expired,
    timeoutError: () => budget.timeoutError(),
    run: (work) => runOperation(budget, work),
    runWithDeadline: (work, onTimeout) => runOperationWithDeadline(budget, work, onTimeout),
  };
}
