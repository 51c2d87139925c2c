// Goal: /metrics answers only the operator's credential and its figures move with traffic: GraphQL operations by root field and outcome (HTTP and WebSocket) with latency histograms, subscriptions and sockets, posting batches, the billing clock, active calls, outbox consumer lag, the pool, webhook backlog and failures, rate-limit refusals. Method: the real server on its own PostgreSQL with an injected ManualClock (billing clock driven by hand) and the webhook jobs running against a loopback receiver that refuses; traffic over HTTP and the real graphql-ws client; each figure read from a real scrape before and after, compared as deltas (async ones with until).
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { ManualClock } from '../../server/domain/calls/clock.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { subscribe } from '../support/subscriber.js';
import { until } from '../support/waiting.js';
import { WebhookReceiver } from '../support/webhook-receiver.js';
import { startSmtpTestServer, type SmtpTestServer } from '../support/smtp-test-server.js';
import { runSql } from '../support/sql.js';

const QUERIES_PER_WINDOW_MAX = 25;
const CHARGE = 'mutation($input: ChargeInput!) { charge(input: $input) { transaction { id } } }';
const WALLET = 'query($id: ID!) { wallet(id: $id) { balance } }';
const TRANSACTIONS = 'subscription($walletId: ID!) { transactionAdded(walletId: $walletId) { sequence } }';
const START_CALL = `mutation($input: StartCallInput!) { startCall(input: $input) { call { id status } } }`;
const CREATE_ENDPOINT = `mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { endpoint { id } } }`;

const clock = new ManualClock();
let t: TestApp;
let receiver: WebhookReceiver;
let smtp: SmtpTestServer;
let tenant: { accountId: string; walletId: string; ownerKey: string };

beforeAll(async () => {
  receiver = await WebhookReceiver.start();
  smtp = await startSmtpTestServer();
  // The integrator's endpoint is down: every attempt fails and is retried (later, on the manual clock).
  receiver.respond = () => 503;
  t = await startTestApp(
    {
      billingClockEnabled: false,
      webhooksEnabled: true,
      // Mail goes to an SMTP server in this process; its jobs run by hand.
      smtpUrl: smtp.url,
      graphqlQueriesPerWindowMax: QUERIES_PER_WINDOW_MAX,
      // One window for the whole file, and a process that admits nothing it has not reported.
      graphqlRateWindowSeconds: 3_600,
      rateLimitSyncPointsMax: 1,
      rateLimitSyncIntervalMs: 100,
    },
    { clock },
  );
  tenant = await t.createAccount();
  await t.fund(tenant.walletId, '100');
});
afterAll(async () => {
  await t?.close();
  await receiver?.close();
  await smtp?.close();
});

/** One sample of a scrape: its metric name, labels and value. */
interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** A scrape, parsed: the Prometheus text format's sample lines. */
class Scrape {
  constructor(readonly samples: Sample[]) {}

  /** The value of `name` with exactly these `labels` (undefined when absent). */
  value(name: string, labels: Record<string, string> = {}): number | undefined {
    const wanted = Object.entries(labels);
    return this.samples.find(
      (sample) =>
        sample.name === name &&
        Object.keys(sample.labels).length === wanted.length &&
        wanted.every(([key, value]) => sample.labels[key] === value),
    )?.value;
  }

  /** Like {@link value}, 0 when absent (a counter not yet incremented). */
  count(name: string, labels: Record<string, string> = {}): number {
    return this.value(name, labels) ?? 0;
  }
}

function parse(text: string): Scrape {
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match) throw new Error(`Not a sample line: ${line}`);
    const labels: Record<string, string> = {};
    for (const [, key, value] of (match[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) labels[key!] = value!;
    samples.push({ name: match[1]!, labels, value: Number(match[3]) });
  }
  return new Scrape(samples);
}

async function fetchMetrics(authorization?: string): Promise<Response> {
  return fetch(`${t.url}/metrics`, { headers: authorization ? { authorization } : {} });
}

async function scrape(): Promise<Scrape> {
  const response = await fetchMetrics(`Bearer ${t.adminToken}`);
  expect(response.status).toBe(200);
  return parse(await response.text());
}

describe('access', () => {
  it('answers 401 without a credential or with an unknown one, 403 to a tenant key, 200 to the operator token', async () => {
    const none = await fetchMetrics();
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toMatch(/^Bearer /);
    expect(await none.json()).toMatchObject({ errors: [{ extensions: { code: 'UNAUTHENTICATED' } }] });
    expect((await fetchMetrics('Bearer sw_not_a_key')).status).toBe(401);
    const tenantKey = await fetchMetrics(`Bearer ${tenant.ownerKey}`);
    expect(tenantKey.status).toBe(403);
    expect(await tenantKey.json()).toMatchObject({ errors: [{ extensions: { code: 'FORBIDDEN' } }] });

    const ok = await fetchMetrics(`Bearer ${t.adminToken}`);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const metrics = parse(await ok.text());
    // Node's default metrics, on this app's own registry.
    expect(metrics.value('process_cpu_user_seconds_total')).toBeGreaterThan(0);
    expect(metrics.value('spendwire_metrics_database_up')).toBe(1);
    expect(metrics.value('spendwire_db_pool_connections', { state: 'max' })).toBe(t.config.databasePoolSize);
  });
});

describe('traffic', () => {
  it('counts charges, their postings and a refused charge by root field and outcome, with latency', async () => {
    const before = await scrape();
    for (let index = 0; index < 5; index++) await t.ok(tenant.ownerKey, CHARGE, { input: { walletId: tenant.walletId, amount: '1' } });
    const refused = await t.graphql(tenant.ownerKey, CHARGE, { input: { walletId: tenant.walletId, amount: '1000' } });
    expect(refused.errors?.[0]?.extensions?.code).toBe('INSUFFICIENT_FUNDS');
    const malformed = await t.graphql(tenant.ownerKey, '{ wallet(');
    expect(malformed.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    const after = await scrape();

    const charges = { transport: 'http', type: 'mutation', operation: 'charge' };
    const delta = (name: string, labels: Record<string, string>) => after.count(name, labels) - before.count(name, labels);
    expect(delta('spendwire_graphql_operations_total', { ...charges, outcome: 'ok' })).toBe(5);
    expect(delta('spendwire_graphql_operations_total', { ...charges, outcome: 'INSUFFICIENT_FUNDS' })).toBe(1);
    expect(
      delta('spendwire_graphql_operations_total', {
        transport: 'http',
        type: 'unknown',
        operation: 'other',
        outcome: 'GRAPHQL_PARSE_FAILED',
      }),
    ).toBe(1);
    expect(delta('spendwire_graphql_operation_duration_seconds_count', charges)).toBe(6);
    expect(delta('spendwire_graphql_operation_duration_seconds_sum', charges)).toBeGreaterThan(0);
    // Each charge is one posting; the refused one ran its statement too (and it acted on nothing).
    expect(delta('spendwire_posting_batch_members_sum', {})).toBe(6);
    expect(delta('spendwire_posting_batch_members_count', {})).toBeGreaterThanOrEqual(1);
    expect(after.value('spendwire_posting_batch_fallbacks_total')).toBe(0);
    // The pool lent connections, and each acquisition was timed.
    expect(delta('spendwire_db_pool_acquire_duration_seconds_count', {})).toBeGreaterThanOrEqual(6);
    // The mail consumer does not run in this file: the outbox grows past its position.
    expect(delta('spendwire_outbox_consumer_lag_rows', { consumer: 'mail' })).toBeGreaterThanOrEqual(5);
    expect(after.value('spendwire_outbox_head_id')).toBeGreaterThanOrEqual(before.count('spendwire_outbox_head_id') + 5);
    // The live tail (subscriptions) follows the outbox: its lag comes back to nothing.
    await until('the live tail to catch up', async () => (await scrape()).value('spendwire_outbox_tail_lag_rows') === 0);
  });

  it('counts a WebSocket query and a subscription, open sockets and active subscriptions, until they close', async () => {
    const before = await scrape();
    const client = createClient({
      url: `${t.url.replace(/^http/, 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      // Kept open after its query (a lazy client closes its socket when nothing runs on it).
      lazy: false,
      connectionParams: { authorization: `Bearer ${tenant.ownerKey}` },
    });
    const answer = await new Promise<unknown>((resolve, reject) => {
      let data: unknown;
      client.subscribe(
        { query: WALLET, variables: { id: tenant.walletId } },
        { next: (value) => (data = value.data), error: reject, complete: () => resolve(data) },
      );
    });
    expect(answer).toMatchObject({ wallet: { balance: expect.any(String) } });
    // A document that does not validate is refused before it runs: counted, with no operation name.
    const refusal = await new Promise<unknown>((resolve) => {
      client.subscribe({ query: '{ noSuchField }' }, { next: () => {}, error: resolve, complete: () => resolve(undefined) });
    });
    expect(refusal).toMatchObject([{ extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }]);
    const transactions = subscribe(t.url, tenant.ownerKey, TRANSACTIONS, { walletId: tenant.walletId }, (data) => data.transactionAdded);
    let live: Scrape = before;
    await until('the subscription to be counted as active', async () => {
      live = await scrape();
      return live.value('spendwire_graphql_subscriptions_active') === before.count('spendwire_graphql_subscriptions_active') + 1;
    });
    expect(live.count('spendwire_websocket_connections_open')).toBeGreaterThanOrEqual(
      before.count('spendwire_websocket_connections_open') + 2,
    );
    const wsQuery = { transport: 'ws', type: 'query', operation: 'wallet' };
    const wsSubscription = { transport: 'ws', type: 'subscription', operation: 'transactionAdded' };
    expect(
      live.count('spendwire_graphql_operations_total', { ...wsQuery, outcome: 'ok' }) -
        before.count('spendwire_graphql_operations_total', { ...wsQuery, outcome: 'ok' }),
    ).toBe(1);
    const invalid = { transport: 'ws', type: 'unknown', operation: 'other', outcome: 'GRAPHQL_VALIDATION_FAILED' };
    expect(live.count('spendwire_graphql_operations_total', invalid) - before.count('spendwire_graphql_operations_total', invalid)).toBe(1);
    expect(
      live.count('spendwire_graphql_operations_total', { ...wsSubscription, outcome: 'ok' }) -
        before.count('spendwire_graphql_operations_total', { ...wsSubscription, outcome: 'ok' }),
    ).toBe(1);
    expect(live.count('spendwire_graphql_operation_duration_seconds_count', wsSubscription)).toBe(
      before.count('spendwire_graphql_operation_duration_seconds_count', wsSubscription) + 1,
    );
    // The subscription is live: a charge reaches it.
    await t.ok(tenant.ownerKey, CHARGE, { input: { walletId: tenant.walletId, amount: '1' } });
    await transactions.waitFor(1);

    await transactions.close();
    await client.dispose();
    await until('the subscription and the sockets to be released', async () => {
      const after = await scrape();
      return (
        after.value('spendwire_graphql_subscriptions_active') === before.count('spendwire_graphql_subscriptions_active') &&
        after.value('spendwire_websocket_connections_open') === before.count('spendwire_websocket_connections_open')
      );
    });
  });

  it('counts a call on the billing clock: active calls, batch durations, lag and extended increments', async () => {
    const before = await scrape();
    const ratePlanId = await t.createRatePlan([{ prefix: '', perMinute: '0.6', firstIncrementSeconds: 6, nextIncrementSeconds: 6 }]);
    const campaignId = await t.runningCampaign(tenant.ownerKey, tenant.walletId, ratePlanId);
    const call = (await t.ok(tenant.ownerKey, START_CALL, { input: { campaignId, to: '+447700900123' } })).startCall.call;
    expect(call.status).toBe('ACTIVE');
    expect((await scrape()).value('spendwire_calls_active')).toBe(before.count('spendwire_calls_active') + 1);

    // Past the first increment's check time, the clock reserves the next one.
    clock.advance(6_000);
    const pass = await t.app.spend.billingClock.runDue();
    expect(pass).toMatchObject({ processed: 1, extended: 1 });
    const after = await scrape();
    const delta = (name: string, labels: Record<string, string> = {}) => after.count(name, labels) - before.count(name, labels);
    expect(delta('spendwire_billing_clock_batch_duration_seconds_count')).toBe(1);
    expect(delta('spendwire_billing_clock_lag_seconds_count')).toBe(1);
    expect(delta('spendwire_billing_clock_calls_total', { result: 'extended' })).toBe(1);
    expect(after.value('spendwire_billing_clock_passes_failed_total')).toBe(0);
    expect(after.value('spendwire_billing_clock_overdue_seconds')).toBeGreaterThanOrEqual(0);
  });

  it('counts webhook attempts that fail and the deliveries waiting for a retry', async () => {
    const before = await scrape();
    await t.ok(tenant.ownerKey, CREATE_ENDPOINT, { input: { url: `${receiver.url}/hooks`, eventTypes: ['TRANSACTION_CREATED'] } });
    await t.ok(tenant.ownerKey, CHARGE, { input: { walletId: tenant.walletId, amount: '1' } });
    await until('the refused attempt to be counted', async () => {
      const after = await scrape();
      return (
        after.count('spendwire_webhook_attempts_total', { result: 'retrying' }) >
        before.count('spendwire_webhook_attempts_total', { result: 'retrying' })
      );
    });
    expect(receiver.received.length).toBeGreaterThanOrEqual(1);
    // Retried later on the manual clock, which does not move here: the delivery waits.
    expect((await scrape()).value('spendwire_webhook_deliveries_pending')).toBeGreaterThanOrEqual(1);
  });

  it('counts mail sends by result and the mails waiting: a refusal retried, then sent', async () => {
    const email = `owner-${Date.now()}@example.com`;
    await t.ok(t.adminToken, `mutation($input: CreateUserInput!) { createUser(input: $input) { user { id } } }`, {
      input: { accountId: tenant.accountId, email, name: 'Owner', role: 'OWNER', password: 'correct horse battery' },
    });
    // An alert as the alert processor inserts it (its contract with the mail producer).
    await runSql(
      t.app.orm.em.fork(),
      `insert into alert (kind, severity, account_id, wallet_id, currency, threshold_micros, balance_micros, message, dedupe_key, raised_at)
       values ('LOW_BALANCE', 'WARNING', $1, $2, 'USD', 5000000, 4000000, 'Low balance', $3, to_timestamp($4 / 1000.0))`,
      [tenant.accountId, tenant.walletId, `metrics-${Date.now()}`, clock.now()],
    );
    const before = await scrape();
    const sends = (scrape: Scrape, result: string) =>
      scrape.count('spendwire_mail_sends_total', { result }) - before.count('spendwire_mail_sends_total', { result });
    // The mail producer has not read the new alert yet.
    expect(before.value('spendwire_alert_reader_lag_rows', { reader: 'mail' })).toBeGreaterThanOrEqual(1);
    smtp.refuseNext(1, 451, 'Try again later');
    await t.app.mailJobs.runOnce();
    const refused = await scrape();
    expect(sends(refused, 'retried')).toBe(1);
    expect(sends(refused, 'sent')).toBe(0);
    expect(refused.value('spendwire_mail_pending')).toBe(1);
    expect(refused.value('spendwire_alert_reader_lag_rows', { reader: 'mail' })).toBe(0);

    clock.advance(t.config.mailRetryDelayMsMax);
    await t.app.mailJobs.runOnce();
    const sent = await scrape();
    expect(sends(sent, 'sent')).toBe(1);
    expect(sent.value('spendwire_mail_pending')).toBe(0);
    expect(smtp.received.filter((mail) => mail.envelopeTo.includes(email))).toHaveLength(1);
  });

  it('counts rate-limit refusals by limit, and the refused operations by outcome', async () => {
    const noisy = await t.createAccount('Noisy');
    const before = await scrape();
    let refusedAt = -1;
    for (let index = 0; index <= QUERIES_PER_WINDOW_MAX && refusedAt < 0; index++) {
      const response = await t.graphql(noisy.ownerKey, WALLET, { id: noisy.walletId });
      if (response.status === 429) refusedAt = index;
    }
    // The budget is exact at its boundary: N queries pass, the N+1st is refused.
    expect(refusedAt).toBe(QUERIES_PER_WINDOW_MAX);
    const after = await scrape();
    const limit = { limit: 'graphqlQueriesPerWindowMax' };
    expect(after.count('spendwire_rate_limit_refusals_total', limit) - before.count('spendwire_rate_limit_refusals_total', limit)).toBe(1);
    const refusedWallet = { transport: 'http', type: 'query', operation: 'wallet', outcome: 'RATE_LIMITED' };
    const refusedEarly = { transport: 'http', type: 'unknown', operation: 'other', outcome: 'RATE_LIMITED' };
    const refusals = (scrape: Scrape) =>
      scrape.count('spendwire_graphql_operations_total', refusedWallet) + scrape.count('spendwire_graphql_operations_total', refusedEarly);
    expect(refusals(after) - refusals(before)).toBe(1);
  });
});

describe('switched off', () => {
  it('serves no /metrics (404) and counts nothing with metricsEnabled off', async () => {
    const off = await startTestApp({ metricsEnabled: false });
    try {
      expect(off.app.metrics).toBeUndefined();
      const response = await fetch(`${off.url}/metrics`, { headers: { authorization: `Bearer ${off.adminToken}` } });
      expect(response.status).toBe(404);
    } finally {
      await off.close();
    }
  });
});
