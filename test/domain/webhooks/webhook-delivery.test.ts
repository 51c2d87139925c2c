// Goal: every subscribed event reaches the integrator's endpoint signed, at least once, from its real cause: retried with backoff after failures, FAILED only after the 3-day window, never lost across a restart, and replayable. Method: the real server with its producer and sender on a real PostgreSQL, a real HTTP receiver on a loopback port, charges and card top-ups through the API (with the loopback Stripe sandbox), alert rows inserted with SQL (the alert table is the contract), and an injected ManualClock for the retry window.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sql, type Db, type SqlParams } from '../../../server/database/sql.js';
import { ManualClock } from '../../../server/domain/calls/clock.js';
import { webhookRetryDelayMs } from '../../../server/domain/webhooks/send-webhook-deliveries.service.js';
import { verifyWebhookSignature } from '../../../server/domain/webhooks/webhook-signature.js';
import { freePort } from '../../../server/database/free-port.js';
import { settle, topUp } from '../payments/payments-support.js';
import { drainWebhookProducer } from '../../support/consumers.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import { WebhookReceiver, type ReceivedWebhook } from '../../support/webhook-receiver.js';

const CREATE = `mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { secret endpoint { id } } }`;
const UPDATE = `mutation($input: UpdateWebhookEndpointInput!) { updateWebhookEndpoint(input: $input) { endpoint { id enabled } } }`;
const ROTATE = `mutation($id: ID!) { rotateWebhookEndpointSecret(id: $id) { secret } }`;
const CHARGE = `mutation($input: ChargeInput!) { charge(input: $input) { transaction { id sequence } } }`;
const DELIVERIES = `query($id: ID!, $status: WebhookDeliveryStatus) { webhookEndpoint(id: $id) { deliveries(first: 100, status: $status) { edges { node {
  id eventId eventType status attemptCount nextAttemptAt deliverUntil deliveredAt payload
  attempts { attemptedAt statusCode error responseBody durationMs succeeded } lastAttempt { statusCode error succeeded } } } } } }`;
const REPLAY = `mutation($id: ID!) { replayWebhookDelivery(id: $id) { delivery { id status } } }`;
const ALL_TYPES = ['TRANSACTION_CREATED', 'ALERT_RAISED', 'CALLS_STOPPED', 'TOP_UP_SUCCEEDED', 'TOP_UP_FAILED'];
const WAIT = { timeout: 15_000, interval: 25 };

/** Settings that make a live test quick: short polls and a short first retry. */
const LIVE = {
  webhooksEnabled: true,
  webhookProducerIntervalMs: 50,
  webhookSenderIntervalMs: 50,
  webhookRetryDelayInitialMs: 200,
  webhookAttemptTimeoutMs: 2_000,
  billingClockEnabled: false,
};

/** Runs one ad-hoc statement of the test (named parameters) on the server's pool. */
async function rows<Row extends Record<string, any> = any>(t: TestApp, text: string, params: SqlParams = {}): Promise<Row[]> {
  return sql<Row, SqlParams>(text).all(t.app.orm.em.fork(), params);
}

async function createEndpoint(
  t: TestApp,
  token: string,
  url: string,
  eventTypes: string[] = ALL_TYPES,
): Promise<{ id: string; secret: string }> {
  const data = await t.ok(token, CREATE, { input: { url, eventTypes } });
  return { id: data.createWebhookEndpoint.endpoint.id, secret: data.createWebhookEndpoint.secret };
}

const insertAlert = sql<
  never,
  {
    kind: string;
    accountId: string;
    walletId: string;
    balanceMicros: bigint;
    callsStopped: number | null;
    message: string;
    dedupeKey: string;
    raisedAt: string;
  }
>(
  `insert into alert (kind, severity, account_id, wallet_id, currency, balance_micros, calls_stopped, message, dedupe_key, raised_at)
   values (:kind, 'WARNING', :accountId, :walletId, 'USD', :balanceMicros, :callsStopped, :message, :dedupeKey, :raisedAt)`,
);

/** Inserts an alert row as the alert processor would: through the server's pool, or a connection of another process. */
async function raiseAlert(
  db: Db | pg.Client,
  alert: { accountId: string; walletId: string; kind: string; callsStopped?: number; balanceMicros?: bigint; raisedAt?: Date },
): Promise<void> {
  const params = {
    kind: alert.kind,
    accountId: alert.accountId,
    walletId: alert.walletId,
    balanceMicros: alert.balanceMicros ?? 0n,
    callsStopped: alert.callsStopped ?? null,
    message: `${alert.kind} raised`,
    dedupeKey: randomUUID(),
    raisedAt: (alert.raisedAt ?? new Date()).toISOString(),
  };
  if (db instanceof pg.Client) await db.query(insertAlert.text, insertAlert.values(params));
  else await insertAlert.run(db, params);
}

function expectSigned(request: ReceivedWebhook, secret: string, nowSeconds = Date.now() / 1000): void {
  const header = request.headers['spendwire-signature'] as string;
  expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
  expect(verifyWebhookSignature(request.body, header, secret, 300, nowSeconds)).toBe(true);
  expect(request.headers['spendwire-event-id']).toBe(JSON.parse(request.body).id);
  expect(request.headers['content-type']).toContain('application/json');
}

describe('live delivery (real clock)', () => {
  let t: TestApp;
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    t = await startTestApp(LIVE);
    receiver = await WebhookReceiver.start();
  });
  afterAll(async () => {
    await t.close();
    await receiver.close();
  });

  it('delivers each event type from its real cause, signed, only to subscribed endpoints of the account', async () => {
    const { accountId, walletId, ownerKey } = await t.createAccount('Integrations');
    const other = await t.createAccount('Someone else');
    const all = await createEndpoint(t, ownerKey, `${receiver.url}/all`);
    const stoppedOnly = await createEndpoint(t, ownerKey, `${receiver.url}/stopped`, ['CALLS_STOPPED']);

    // A charge through the API: TRANSACTION_CREATED with the ledger row's figures.
    await t.fund(walletId, '10');
    const charged = (await t.ok(ownerKey, CHARGE, { input: { walletId, amount: '2.5', description: 'Call bundle' } })).charge.transaction;
    await t.fund(other.walletId, '5');
    // Alerts as the processor writes them.
    await raiseAlert(t.app.orm.em.fork(), { accountId, walletId, kind: 'LOW_BALANCE', balanceMicros: 4_000_000n });
    await raiseAlert(t.app.orm.em.fork(), { accountId, walletId, kind: 'CALLS_STOPPED', callsStopped: 7 });
    await raiseAlert(t.app.orm.em.fork(), { accountId: other.accountId, walletId: other.walletId, kind: 'CALLS_STOPPED', callsStopped: 1 });
    // Card top-ups through the sandbox: one paid, one declined.
    await topUp(t, ownerKey, { walletId, amount: '20', paymentMethodId: 'pm_card_visa', idempotencyKey: randomUUID() });
    await topUp(t, ownerKey, { walletId, amount: '25', paymentMethodId: 'pm_card_chargeDeclined' });
    await settle(t);

    await vi.waitFor(() => {
      const types = receiver
        .events()
        .filter((event) => event.accountId === accountId)
        .map((event) => event.type);
      // Funding, the charge, the paid top-up's credit; three alerts (the two inserted, and PAYMENT_FAILED that the
      // alert processor raises for the declined card); CALLS_STOPPED twice (two endpoints); two top-up events.
      expect(types.filter((type) => type === 'TRANSACTION_CREATED')).toHaveLength(3);
      expect(types.filter((type) => type === 'ALERT_RAISED')).toHaveLength(3);
      expect(types.filter((type) => type === 'CALLS_STOPPED')).toHaveLength(2);
      expect(types.filter((type) => type === 'TOP_UP_SUCCEEDED')).toHaveLength(1);
      expect(types.filter((type) => type === 'TOP_UP_FAILED')).toHaveLength(1);
    }, WAIT);
    const received = receiver.received.filter((request) => JSON.parse(request.body).accountId === accountId);
    expect(received).toHaveLength(10);
    // Nothing of the other account came here.
    expect(receiver.events().filter((event) => event.accountId === other.accountId)).toHaveLength(0);

    const deliveries = async (endpointId: string) =>
      (await t.ok(ownerKey, DELIVERIES, { id: endpointId })).webhookEndpoint.deliveries.edges.map((e: any) => e.node);
    const allDeliveries = await deliveries(all.id);
    const stoppedDeliveries = await deliveries(stoppedOnly.id);
    expect(allDeliveries).toHaveLength(9);
    expect(stoppedDeliveries.map((d: any) => d.eventType)).toEqual(['CALLS_STOPPED']);
    for (const [deliveriesOf, endpoint, path] of [
      [allDeliveries, all, '/hooks/all'],
      [stoppedDeliveries, stoppedOnly, '/hooks/stopped'],
    ] as const) {
      for (const delivery of deliveriesOf) {
        expect(delivery).toMatchObject({ status: 'DELIVERED', attemptCount: 1, nextAttemptAt: null });
        expect(delivery.attempts).toEqual([expect.objectContaining({ statusCode: 200, error: null, responseBody: null, succeeded: true })]);
        const requests = received.filter((r) => r.path === path && JSON.parse(r.body).id === delivery.eventId);
        expect(requests).toHaveLength(1);
        expect(requests[0]!.body).toBe(delivery.payload);
        expectSigned(requests[0]!, endpoint.secret);
      }
    }

    const byType = (type: string) => allDeliveries.filter((d: any) => d.eventType === type).map((d: any) => JSON.parse(d.payload));
    const charge = byType('TRANSACTION_CREATED').find((event: any) => event.data.id === charged.id);
    expect(charge).toMatchObject({
      type: 'TRANSACTION_CREATED',
      accountId,
      data: {
        id: charged.id,
        walletId,
        sequence: charged.sequence,
        type: 'DEBIT',
        kind: 'CHARGE',
        status: 'COMPLETED',
        currency: 'USD',
        amount: '2.5',
        balanceBefore: '10',
        balanceAfter: '7.5',
        campaignId: null,
        description: 'Call bundle',
      },
    });
    expect(charge.id).toMatch(/^evt_[0-9a-f]{32}$/);
    expect(Number.isNaN(Date.parse(charge.createdAt))).toBe(false);
    expect(
      byType('ALERT_RAISED')
        .map((event: any) => event.data.kind)
        .sort(),
    ).toEqual(['CALLS_STOPPED', 'LOW_BALANCE', 'PAYMENT_FAILED']);
    expect(byType('ALERT_RAISED').find((event: any) => event.data.kind === 'LOW_BALANCE').data).toMatchObject({
      walletId,
      balance: '4',
      currency: 'USD',
      severity: 'WARNING',
    });
    const [stopped] = byType('CALLS_STOPPED');
    expect(stopped.data).toMatchObject({ kind: 'CALLS_STOPPED', callsStopped: 7, walletId });
    // One alert, two event types: two distinct event ids.
    expect(stopped.id).not.toBe(byType('ALERT_RAISED').find((event: any) => event.data.kind === 'CALLS_STOPPED').id);
    expect(byType('TOP_UP_SUCCEEDED')[0].data).toMatchObject({
      walletId,
      status: 'SUCCEEDED',
      amount: '20',
      currency: 'USD',
      failureCode: null,
    });
    expect(byType('TOP_UP_FAILED')[0].data).toMatchObject({ walletId, status: 'FAILED', amount: '25', failureCode: 'generic_decline' });
  });

  it('retries after a 500 and then delivers: the attempt log shows both, with the same event id and fresh signatures', async () => {
    const { walletId, ownerKey } = await t.createAccount('Flaky receiver');
    const flaky = await WebhookReceiver.start();
    try {
      let calls = 0;
      flaky.respond = () => (++calls === 1 ? 500 : 204);
      const endpoint = await createEndpoint(t, ownerKey, flaky.url, ['TRANSACTION_CREATED']);
      await t.fund(walletId, '3');
      await vi.waitFor(() => expect(flaky.received.filter((r) => r.answeredStatus === 204)).toHaveLength(1), WAIT);
      expect(flaky.received.map((r) => r.answeredStatus)).toEqual([500, 204]);
      expect(flaky.received[0]!.body).toBe(flaky.received[1]!.body);
      expect(flaky.received[0]!.headers['spendwire-event-id']).toBe(flaky.received[1]!.headers['spendwire-event-id']);
      for (const request of flaky.received) expectSigned(request, endpoint.secret);
      const [delivery] = (await t.ok(ownerKey, DELIVERIES, { id: endpoint.id })).webhookEndpoint.deliveries.edges.map((e: any) => e.node);
      expect(delivery).toMatchObject({ status: 'DELIVERED', attemptCount: 2 });
      // The log's row reads the newest attempt.
      expect(delivery.lastAttempt).toEqual({ statusCode: 204, error: null, succeeded: true });
      expect(delivery.attempts.map((a: any) => [a.statusCode, a.succeeded])).toEqual([
        [204, true],
        [500, false],
      ]);
      // The class of the failure, never the receiver's answer.
      expect(delivery.attempts.map((a: any) => [a.error, a.responseBody])).toEqual([
        [null, null],
        ['HTTP_ERROR', null],
      ]);
      // The retry waited at least the first backoff.
      expect(Date.parse(delivery.attempts[0].attemptedAt) - Date.parse(delivery.attempts[1].attemptedAt)).toBeGreaterThanOrEqual(
        t.config.webhookRetryDelayInitialMs,
      );
    } finally {
      await flaky.close();
    }
  });

  it('a refused connection is logged as CONNECTION_REFUSED (no socket text) and retried until the receiver is up', async () => {
    const { walletId, ownerKey } = await t.createAccount('Receiver down');
    const port = await freePort();
    const endpoint = await createEndpoint(t, ownerKey, `http://127.0.0.1:${port}/hooks`, ['TRANSACTION_CREATED']);
    await t.fund(walletId, '1');
    await vi.waitFor(async () => {
      const [delivery] = (await t.ok(ownerKey, DELIVERIES, { id: endpoint.id })).webhookEndpoint.deliveries.edges.map((e: any) => e.node);
      expect(delivery.attempts.length).toBeGreaterThanOrEqual(1);
      expect(delivery.status).toBe('PENDING');
      expect(delivery.attempts.at(-1)).toMatchObject({ statusCode: null, succeeded: false });
      expect(delivery.attempts.at(-1).error).toBe('CONNECTION_REFUSED');
    }, WAIT);
    const late = await WebhookReceiver.start(port);
    try {
      await vi.waitFor(() => expect(late.received).toHaveLength(1), WAIT);
      expectSigned(late.received[0]!, endpoint.secret);
      await vi.waitFor(async () => {
        expect((await t.ok(ownerKey, DELIVERIES, { id: endpoint.id, status: 'DELIVERED' })).webhookEndpoint.deliveries.edges).toHaveLength(
          1,
        );
      }, WAIT);
    } finally {
      await late.close();
    }
  });

  it('an answer slower than webhookAttemptTimeoutMs is a failed attempt (TIMEOUT)', async () => {
    const { walletId, ownerKey } = await t.createAccount('Slow receiver');
    const hanging = await import('node:http').then(({ createServer }) => createServer(() => {}));
    await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve));
    try {
      const port = (hanging.address() as { port: number }).port;
      const endpoint = await createEndpoint(t, ownerKey, `http://127.0.0.1:${port}/hooks`, ['TRANSACTION_CREATED']);
      await t.fund(walletId, '1');
      await vi.waitFor(async () => {
        const [delivery] = (await t.ok(ownerKey, DELIVERIES, { id: endpoint.id })).webhookEndpoint.deliveries.edges.map((e: any) => e.node);
        expect(delivery.attempts.at(-1)).toMatchObject({ statusCode: null, error: 'TIMEOUT', succeeded: false });
        expect(delivery.attempts.at(-1).durationMs).toBeGreaterThanOrEqual(t.config.webhookAttemptTimeoutMs - 50);
      }, WAIT);
      await t.ok(ownerKey, UPDATE, { input: { id: endpoint.id, enabled: false } });
    } finally {
      hanging.closeAllConnections();
      await new Promise<void>((resolve) => hanging.close(() => resolve()));
    }
  });

  it('replaying a delivered event sends the same event id and body again, signed with the current secret', async () => {
    const { walletId, ownerKey } = await t.createAccount('Replay');
    const own = await WebhookReceiver.start();
    try {
      const endpoint = await createEndpoint(t, ownerKey, own.url, ['TRANSACTION_CREATED']);
      await t.fund(walletId, '2');
      await vi.waitFor(() => expect(own.received).toHaveLength(1), WAIT);
      const [delivery] = (await t.ok(ownerKey, DELIVERIES, { id: endpoint.id })).webhookEndpoint.deliveries.edges.map((e: any) => e.node);
      const rotated = (await t.ok(ownerKey, ROTATE, { id: endpoint.id })).rotateWebhookEndpointSecret.secret;
      await t.ok(ownerKey, REPLAY, { id: delivery.id });
      await vi.waitFor(() => expect(own.received).toHaveLength(2), WAIT);
      expect(own.received[1]!.body).toBe(own.received[0]!.body);
      expectSigned(own.received[1]!, rotated);
      expect(
        verifyWebhookSignature(own.received[1]!.body, own.received[1]!.headers['spendwire-signature'] as string, endpoint.secret, 300),
      ).toBe(false);
      await vi.waitFor(async () => {
        const [after] = (await t.ok(ownerKey, DELIVERIES, { id: endpoint.id })).webhookEndpoint.deliveries.edges.map((e: any) => e.node);
        expect(after).toMatchObject({ status: 'DELIVERED', attemptCount: 2 });
      }, WAIT);
    } finally {
      await own.close();
    }
  });
});

describe('the retry window (injected clock)', () => {
  let t: TestApp;
  let receiver: WebhookReceiver;
  const clock = new ManualClock(Date.UTC(2026, 5, 1));

  beforeAll(async () => {
    // Producer and sender driven by hand at the clock's time.
    t = await startTestApp({ billingClockEnabled: false }, { clock });
    receiver = await WebhookReceiver.start();
    receiver.respond = () => 503;
  });
  afterAll(async () => {
    await t.close();
    await receiver.close();
  });

  it('backs off 1 min, 2 min, 4 min…, capped at webhookRetryDelayMaxMs', () => {
    const { config } = t;
    expect(webhookRetryDelayMs(1, config)).toBe(60_000);
    expect(webhookRetryDelayMs(2, config)).toBe(120_000);
    expect(webhookRetryDelayMs(3, config)).toBe(240_000);
    // 60 s × 2^8 = 256 min is under the 6 h cap; 2^9 = 512 min is over it.
    expect(webhookRetryDelayMs(9, config)).toBe(60_000 * 256);
    expect(webhookRetryDelayMs(10, config)).toBe(config.webhookRetryDelayMaxMs);
    expect(webhookRetryDelayMs(1000, config)).toBe(config.webhookRetryDelayMaxMs);
  });

  it('retries on schedule until 3 days after the event, then FAILED; the last retry is at the deadline', async () => {
    const { walletId, ownerKey } = await t.createAccount('Always failing');
    const endpoint = await createEndpoint(t, ownerKey, receiver.url, ['TRANSACTION_CREATED']);
    await t.fund(walletId, '1');
    expect(await drainWebhookProducer(t)).toBe(1);
    const state = async () => (await t.ok(ownerKey, DELIVERIES, { id: endpoint.id })).webhookEndpoint.deliveries.edges[0].node;
    const producedAtMs = clock.now();
    expect(Date.parse((await state()).deliverUntil)).toBe(producedAtMs + 3 * 24 * 3_600_000);

    expect(await t.app.webhooks.sendOnce()).toMatchObject({ claimed: 1, retrying: 1 });
    expectSigned(receiver.received[0]!, endpoint.secret, clock.now() / 1000);
    expect(Date.parse((await state()).nextAttemptAt)).toBe(clock.now() + 60_000);
    clock.advance(59_999);
    expect(await t.app.webhooks.sendOnce()).toMatchObject({ claimed: 0 });
    clock.advance(1);
    expect(await t.app.webhooks.sendOnce()).toMatchObject({ claimed: 1, retrying: 1 });
    expect(Date.parse((await state()).nextAttemptAt)).toBe(clock.now() + 120_000);

    // Just before the deadline: still retried, and the next attempt is at the deadline itself, not later.
    const deadlineMs = producedAtMs + t.config.webhookRetryWindowMs;
    clock.advance(deadlineMs - 1 - clock.now());
    expect(await t.app.webhooks.sendOnce()).toMatchObject({ claimed: 1, retrying: 1 });
    expect(await state()).toMatchObject({ status: 'PENDING', attemptCount: 3 });
    expect(Date.parse((await state()).nextAttemptAt)).toBe(deadlineMs);
    clock.advance(1);
    expect(await t.app.webhooks.sendOnce()).toMatchObject({ claimed: 1, failed: 1 });
    const failed = await state();
    expect(failed).toMatchObject({ status: 'FAILED', attemptCount: 4, nextAttemptAt: null, deliveredAt: null });
    expect(failed.attempts.map((a: any) => a.statusCode)).toEqual([503, 503, 503, 503]);
    expect(receiver.received).toHaveLength(4);
    clock.advance(t.config.webhookRetryDelayMaxMs);
    expect(await t.app.webhooks.sendOnce()).toMatchObject({ claimed: 0 });
  });

  it('a disabled endpoint is not sent to; enabled again, its pending delivery goes out', async () => {
    const { walletId, ownerKey } = await t.createAccount('Paused endpoint');
    const ok = await WebhookReceiver.start();
    try {
      const endpoint = await createEndpoint(t, ownerKey, ok.url, ['TRANSACTION_CREATED']);
      await t.fund(walletId, '1');
      await drainWebhookProducer(t);
      await t.ok(ownerKey, UPDATE, { input: { id: endpoint.id, enabled: false } });
      expect(await t.app.webhooks.sendOnce()).toMatchObject({ claimed: 0 });
      // Disabled endpoints get no new deliveries either.
      await t.fund(walletId, '1');
      expect(await drainWebhookProducer(t)).toBe(0);
      await t.ok(ownerKey, UPDATE, { input: { id: endpoint.id, enabled: true } });
      expect(await t.app.webhooks.sendOnce()).toMatchObject({ claimed: 1, delivered: 1 });
      expect(ok.received).toHaveLength(1);
    } finally {
      await ok.close();
    }
  });
});

describe('restarts', () => {
  it('loses no delivery: one failing and one not yet produced when the server stops are delivered by the next server on the same database', async () => {
    const receiver = await WebhookReceiver.start();
    receiver.respond = () => 500;
    const first = await startTestApp({ ...LIVE, webhookRetryDelayInitialMs: 60_000 });
    let second: TestApp | undefined;
    try {
      const { accountId, walletId, ownerKey } = await first.createAccount('Restarted');
      const endpoint = await createEndpoint(first, ownerKey, receiver.url);
      await first.fund(walletId, '5');
      await vi.waitFor(async () => {
        const attempts = await rows(
          first,
          `select a.status_code from webhook_attempt a join webhook_delivery d on d.id = a.delivery_id where d.endpoint_id = :endpointId`,
          {
            endpointId: endpoint.id,
          },
        );
        expect(attempts).toEqual([{ status_code: 500 }]);
      }, WAIT);
      const failingEventId = JSON.parse(receiver.received[0]!.body).id;
      await first.close();

      // While no server runs: an alert is raised (as the processor would, from another process).
      const client = new pg.Client({ connectionString: first.databaseUrl });
      await client.connect();
      try {
        await raiseAlert(client, { accountId, walletId, kind: 'BALANCE_DEPLETED' });
      } finally {
        await client.end();
      }

      receiver.respond = () => 200;
      const clock = new ManualClock(Date.now());
      second = await startTestApp(
        { ...LIVE, webhookRetryDelayInitialMs: 60_000 },
        { databaseUrl: first.databaseUrl, adminToken: first.adminToken, clock },
      );
      const restarted = second;
      // The new server sends the alert at once; the failing delivery waits out its backoff.
      await vi.waitFor(() => expect(receiver.events().filter((event) => event.type === 'ALERT_RAISED')).toHaveLength(1), WAIT);
      clock.advance(60_000);
      await vi.waitFor(
        () => expect(receiver.received.filter((r) => r.answeredStatus === 200 && JSON.parse(r.body).id === failingEventId)).toHaveLength(1),
        WAIT,
      );
      // Signed by the first server on the system clock, by the second on its clock a minute ahead: both within 300 s.
      for (const request of receiver.received) expectSigned(request, endpoint.secret);
      const deliveries = (await restarted.ok(ownerKey, DELIVERIES, { id: endpoint.id })).webhookEndpoint.deliveries.edges.map(
        (e: any) => e.node,
      );
      expect(deliveries.map((d: any) => [d.eventType, d.status]).sort()).toEqual([
        ['ALERT_RAISED', 'DELIVERED'],
        ['TRANSACTION_CREATED', 'DELIVERED'],
      ]);
      expect(deliveries.find((d: any) => d.eventType === 'TRANSACTION_CREATED').attempts.map((a: any) => a.statusCode)).toEqual([200, 500]);
      // Exactly one event per cause: nothing was produced twice by the two servers.
      expect(
        await rows(
          restarted,
          `select type, count(*)::int as n from webhook_event where account_id = :accountId group by type order by type`,
          { accountId },
        ),
      ).toEqual([
        { type: 'ALERT_RAISED', n: 1 },
        { type: 'TRANSACTION_CREATED', n: 1 },
      ]);
    } finally {
      await second?.close();
      await receiver.close();
    }
  });
});
