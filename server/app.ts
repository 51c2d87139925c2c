import type { MikroORM } from '@mikro-orm/postgresql';
import type { Config } from './config.js';
import { postingBatcher } from './domain/wallets/post-wallet-transaction.js';
import { createOrm, migrate } from './database/orm.js';
import { createSchema } from './graphql/schema.js';
import { createEvents, type Events } from './events/events.js';
import { OutboxTail } from './events/outbox-tail.js';
import { WalletHubs } from './events/wallet-hub.js';
import { PostgresWakeSignal } from './events/wake-signal.js';
import { ALERT_CHANNEL, AlertFeed } from './events/alert-feed.js';
import { AlertProcessor } from './domain/alerts/alert-processor.js';
import { warnClosingAccounts } from './domain/alerts/warn-closing-accounts.service.js';
import { startHttpServer } from './transport/http.js';
import { BillingClock } from './domain/calls/billing-clock.js';
import { postPendingCallCosts, type CallServiceDeps } from './domain/calls/call.service.js';
import { systemClock, type Clock } from './domain/calls/clock.js';
import type { SpendControl } from './domain/calls/spend-control.js';
import type { ServiceDeps } from './domain/service-deps.js';
import { DialerSimulator, simulatorSettings } from './simulator/dialer-simulator.js';
import { LifecycleJobs, type LifecycleJob } from './lifecycle/lifecycle-jobs.js';
import { closeDormantAccounts, updateWalletStates } from './lifecycle/wallet-lifecycle.js';
import { renewSubscriptions } from './domain/subscriptions/subscription.service.js';
import { releaseNumbersOfAccount } from './domain/numbers/release-number.service.js';
import { renewNumbers } from './domain/numbers/renew-numbers.service.js';
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
import { sendPendingMail } from './domain/mail/send-mail.service.js';
import type { MailTransport } from './domain/mail/mail-transport.js';
import { SmtpSink } from './mail/smtp-sink.js';
import { createSmtpTransport } from './mail/smtp-transport.js';
import { WebhookJobs } from './lifecycle/webhook-jobs.js';
import { createRateLimits, type RateLimits } from './transport/rate-limits/rate-limits.js';
import { checkReadiness } from './lifecycle/readiness.js';
import { checkRetentionSettings, retentionJobsOf } from './lifecycle/retention-jobs.js';

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
  events: Events;
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
  /** The webhook producer and sender (running only when `webhooksEnabled`). */
  webhooks: WebhookJobs;
  /** Deletes what is past its retention: idempotency keys, webhook deliveries, mails, alerts, expired sessions, outbox rows (running only when `retentionEnabled`). */
  retention: LifecycleJobs;
  /** Stops HTTP and WebSocket, then closes the database pool. */
  close(): Promise<void>;
}

/** Opens the ORM, applies pending migrations, builds the schema and listens. */
export async function startApp(options: StartAppOptions): Promise<RunningApp> {
  checkRetentionSettings(options.config);
  const orm = await createOrm({
    databaseUrl: options.databaseUrl,
    poolSizeMax: options.config.databasePoolSize,
    requestConnectionsMax: options.config.databasePoolSize - options.config.databasePoolReservedConnections,
  });
  // First use: made here with the configured limits.
  postingBatcher(orm.em, {
    batchSizeMax: options.config.postingBatchSizeMax,
    batchesInFlightMax: options.config.postingBatchesInFlightMax,
  });
  let signal: PostgresWakeSignal | undefined;
  let alertSignal: PostgresWakeSignal | undefined;
  let alertFeed: AlertFeed | undefined;
  let alertProcessor: AlertProcessor | undefined;
  let tail: OutboxTail | undefined;
  let billingClock: BillingClock | undefined;
  let simulator: DialerSimulator | undefined;
  let lifecycle: LifecycleJobs | undefined;
  let paymentJobs: LifecycleJobs | undefined;
  let sandbox: StripeSandbox | undefined;
  let mailJobs: LifecycleJobs | undefined;
  let mailSink: SmtpSink | undefined;
  let mailTransport: (MailTransport & { close(): void }) | undefined;
  let webhooks: WebhookJobs | undefined;
  let rateLimits: RateLimits | undefined;
  let retention: LifecycleJobs | undefined;
  /** Unsubscribes the alert processor and webhook producer from the outbox wake-ups. */
  let stopWakeUps: (() => void) | undefined;
  try {
    await migrate(orm);
    const schema = await createSchema();
    signal = await PostgresWakeSignal.start(options.databaseUrl);
    tail = await OutboxTail.start({
      em: orm.em,
      signal,
      batchSize: options.config.outboxBatchSize,
      pollIntervalMs: options.config.outboxPollIntervalMs,
      onError: (error) => console.error('Reading the outbox failed (retried on the next wake-up):', error),
    });
    const onError = (error: unknown) => console.error('Reading the outbox failed (retried on the next wake-up):', error);
    const hubs = new WalletHubs({ em: orm.em, tail, batchSize: options.config.outboxBatchSize, onError });
    const clock = options.clock ?? systemClock;
    const webhookJobs = new WebhookJobs({
      em: orm.em,
      clock,
      config: options.config,
      onError: (job, error) => console.error(`Webhook job ${job} failed (retried on the next pass):`, error),
    });
    webhooks = webhookJobs;
    alertSignal = await PostgresWakeSignal.start(options.databaseUrl, { channel: ALERT_CHANNEL });
    alertFeed = await AlertFeed.start({
      em: orm.em,
      signal: alertSignal,
      pollIntervalMs: options.config.outboxPollIntervalMs,
      batchSize: options.config.outboxBatchSize,
      onError: (error) => console.error('Reading alerts failed (retried on the next wake-up):', error),
    });
    const feedOfAlerts = alertFeed;
    const signalOfAlerts = alertSignal;
    alertProcessor = new AlertProcessor({
      em: orm.em,
      batchSize: options.config.alertsBatchSize,
      rearmMarginPercent: options.config.lowBalanceRearmMarginPercent,
      callsStoppedSettleMs: options.config.callsStoppedSettleMs,
      intervalMs: options.config.alertsIntervalMs,
      coalesceMs: options.config.alertsCoalesceMs,
      raised: () => {
        feedOfAlerts.wake();
        signalOfAlerts.publish();
        // Alerts are webhook events too (ALERT_RAISED, CALLS_STOPPED).
        webhookJobs.wake();
      },
      onError: (error) => console.error('Raising alerts failed (retried on the next pass):', error),
    });
    const processorOfAlerts = alertProcessor;
    const events = createEvents(tail, hubs, signal, alertFeed, () => {
      processorOfAlerts.wake();
      webhookJobs.wake();
    });
    stopWakeUps = signal.subscribe(() => {
      processorOfAlerts.wake();
      webhookJobs.wake();
    });
    if (options.config.alertsEnabled) alertProcessor.start();
    const callDeps: ServiceDeps & CallServiceDeps = { clock, config: options.config, committed: () => events.committed() };
    const deps: ServiceDeps = callDeps;
    // Ended calls whose cost a crash kept off the ledger are posted before anything else runs.
    await postPendingCallCosts(orm.em.fork(), callDeps);
    await postPendingMessageCharges(orm.em.fork(), deps);
    billingClock = new BillingClock({
      em: orm.em,
      clock,
      config: options.config,
      committed: () => events.committed(),
      onError: (error) => console.error('Billing clock pass failed (retried on the next pass):', error),
    });
    const clockOfCalls = billingClock;
    callDeps.callStarted = (callId, dueAtMs) => clockOfCalls.track(callId, dueAtMs);
    if (options.config.billingClockEnabled) billingClock.start();
    simulator = new DialerSimulator({
      em: orm.em,
      clock,
      deps,
      settings: simulatorSettings(options.config),
      tickMs: options.config.simulatorTickMs,
      onError: (error) => console.error('Dialer simulator step failed:', error),
    });
    if (options.config.simulatorEnabled) simulator.start();
    lifecycle = new LifecycleJobs({
      jobs: lifecycleJobsOf(orm.em, deps),
      now: () => clock.now(),
      intervalMs: options.config.lifecycleIntervalMs,
      onError: (job, error) => console.error(`Lifecycle job ${job} failed (retried on the next pass):`, error),
    });
    if (options.config.lifecycleEnabled) lifecycle.start();
    const spend: SpendControl = { clock, billingClock, callDeps, deps };

    // Payments: real Stripe with a secret key, else the loopback sandbox through the same SDK.
    const config = options.config;
    if (config.stripeSecretKey && !config.stripeWebhookSecret) throw new Error('STRIPE_WEBHOOK_SECRET is required with STRIPE_SECRET_KEY');
    const webhookSecret = config.stripeWebhookSecret ?? `whsec_sandbox_${randomBytes(24).toString('hex')}`;
    if (!config.stripeSecretKey) sandbox = await StripeSandbox.start({ webhookSecret, host: '127.0.0.1' });
    const stripe = new Stripe(config.stripeSecretKey ?? 'sk_test_spendwire_sandbox', {
      ...(sandbox ? sandbox.stripeConnection() : {}),
      maxNetworkRetries: sandbox ? 0 : 2,
      telemetry: false,
    });
    const paymentsDeps: PaymentsDeps = { ...deps, stripe, wakePayments: () => paymentJobs?.wake(0) };
    paymentJobs = new LifecycleJobs({
      jobs: paymentJobsOf(orm.em, paymentsDeps),
      now: () => clock.now(),
      intervalMs: config.paymentsIntervalMs,
      onError: (job, error) => console.error(`Payment job ${job} failed (retried on the next pass):`, error),
    });
    const payments: PaymentsRuntime = {
      deps: paymentsDeps,
      mode: sandbox ? 'SANDBOX' : 'STRIPE',
      publishableKey: config.stripePublishableKey ?? null,
      sandboxUrl: sandbox?.url ?? null,
      testCards: sandbox ? SANDBOX_TEST_CARDS : [],
    };
    const jobsOfPayments = paymentJobs;
    // Mail: the configured SMTP server, else a loopback sink whose mails the dev page shows.
    if (!config.smtpUrl) mailSink = await SmtpSink.start({ messagesMax: config.mailSinkMessagesMax, messageBytesMax: config.mailSinkMessageBytesMax });
    mailTransport = createSmtpTransport({ url: config.smtpUrl ?? mailSink!.url, from: config.mailFrom, timeoutMs: config.smtpTimeoutMs });
    rateLimits = createRateLimits({ databaseUrl: options.databaseUrl, config });
    const server = await startHttpServer({
      orm,
      schema,
      config,
      platformAdminToken: options.platformAdminToken,
      events,
      spend,
      payments,
      stripeWebhook: { webhookSecret, onEventRecorded: () => jobsOfPayments.wake(0) },
      devMail: mailSink,
      rateLimits,
      readiness: () => checkReadiness({ orm, outboxTailRunning: () => tail?.running ?? false, timeoutMs: config.readinessCheckTimeoutMs }),
    });
    sandbox?.setWebhookUrl(`http://127.0.0.1:${server.port}/webhooks/stripe`);
    if (config.paymentsEnabled) paymentJobs.start();
    const publicUrl = config.publicUrl ?? server.url;
    const transport = mailTransport;
    mailJobs = new LifecycleJobs({
      jobs: [
        { name: 'mailProducer', run: (nowMs) => produceMail(orm.em.fork(), { config, publicUrl }, nowMs) },
        { name: 'mailSender', run: () => sendPendingMail(orm.em.fork(), { config, transport, now: () => clock.now() }) },
      ],
      now: () => clock.now(),
      intervalMs: config.mailIntervalMs,
      onError: (job, error) => console.error(`Mail job ${job} failed (retried on the next pass):`, error),
    });
    if (config.mailEnabled) mailJobs.start();
    if (config.webhooksEnabled) webhookJobs.start();
    const tailOfOutbox = tail;
    retention = new LifecycleJobs({
      jobs: retentionJobsOf(orm.em, config, { outboxPosition: () => tailOfOutbox.readPosition, alertPosition: () => feedOfAlerts.readPosition }),
      now: () => clock.now(),
      intervalMs: config.retentionIntervalMs,
      onError: (job, error) => console.error(`Retention job ${job} failed (retried on the next pass):`, error),
    });
    if (config.retentionEnabled) retention.start();
    return {
      url: server.url,
      port: server.port,
      orm,
      events,
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
      webhooks: webhookJobs,
      retention,
      close: async () => {
        stopWakeUps?.();
        await retention!.stop();
        await mailJobs!.stop();
        await webhooks!.stop();
        await simulator!.stop();
        await lifecycle!.stop();
        await paymentJobs!.stop();
        sandbox?.setWebhookUrl(undefined);
        await server.close();
        await rateLimits!.close();
        await sandbox?.close();
        mailTransport?.close();
        await mailSink?.close();
        await billingClock!.stop();
        await alertProcessor!.stop();
        await alertFeed!.stop();
        await tail!.stop();
        await alertSignal!.close();
        await signal!.close();
        await orm.close(true);
      },
    };
  } catch (error) {
    await retention?.stop();
    await mailJobs?.stop();
    mailTransport?.close();
    await mailSink?.close();
    stopWakeUps?.();
    await webhooks?.stop();
    await simulator?.stop();
    await lifecycle?.stop();
    await paymentJobs?.stop();
    await sandbox?.close();
    await rateLimits?.close();
    await billingClock?.stop();
    await alertProcessor?.stop();
    await alertFeed?.stop();
    await tail?.stop();
    await alertSignal?.close();
    await signal?.close();
    await orm.close(true);
    throw error;
  }
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
    { name: 'subscriptionRenewals', run: (nowMs) => renewSubscriptions(em.fork(), deps, nowMs) },
    { name: 'walletStates', run: (nowMs) => updateWalletStates(em.fork(), nowMs) },
    {
      name: 'accountClosingWarnings',
      run: (nowMs) => warnClosingAccounts(em.fork(), { nowMs, closeAfterDays: deps.config.accountCloseAfterDays, warningDays: deps.config.accountClosingWarningDays }),
    },
    { name: 'messageExpiries', run: (nowMs) => expireMessageHolds(em.fork(), deps, nowMs) },
    { name: 'numberRenewals', run: (nowMs) => renewNumbers(em.fork(), deps, nowMs) },
    {
      name: 'dormantAccounts',
      run: async (nowMs) => {
        const closed = await closeDormantAccounts(em.fork(), nowMs, deps.config.accountCloseAfterDays);
        // Seed 000: a closed account's numbers go back to the pool.
        for (const accountId of closed) await releaseNumbersOfAccount(em.fork(), accountId, nowMs, 'ACCOUNT_CLOSED');
        return closed;
      },
    },
  ];
}
