// Goal: integrators manage webhook endpoints and read and replay their delivery log through the API, within their role and tenant, and every rule and limit holds at its boundary. Method: the real server on its own database with the producer run by hand (no sender), every call over HTTP; each error code is provoked and compared, for other tenants, with the same call on an unknown id.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type SqlParams } from '../../../server/database/sql.js';
import { startTestApp, type GraphQLResponse, type TestApp } from '../../support/test-app.js';
import { drainWebhookProducer } from '../../support/consumers.js';

const ENDPOINTS_MAX = 3;
const REPLAY_MAX = 3;

const ENDPOINT_FIELDS = 'id accountId url description eventTypes enabled createdAt updatedAt';
const CREATE = `mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { secret endpoint { ${ENDPOINT_FIELDS} } } }`;
const UPDATE = `mutation($input: UpdateWebhookEndpointInput!) { updateWebhookEndpoint(input: $input) { endpoint { ${ENDPOINT_FIELDS} } } }`;
const DELETE = `mutation($id: ID!) { deleteWebhookEndpoint(id: $id) { endpoint { id } } }`;
const ROTATE = `mutation($id: ID!) { rotateWebhookEndpointSecret(id: $id) { secret endpoint { id } } }`;
const ENDPOINT = `query($id: ID!) { webhookEndpoint(id: $id) { ${ENDPOINT_FIELDS} } }`;
const ENDPOINTS = `query($accountId: ID) { webhookEndpoints(accountId: $accountId) { id url } }`;
const ACCOUNT_ENDPOINTS = `query($id: ID!) { account(id: $id) { id webhookEndpoints { id } } }`;
const DELIVERIES = `query($id: ID!, $first: Int, $after: String, $status: WebhookDeliveryStatus) { webhookEndpoint(id: $id) {
  deliveries(first: $first, after: $after, status: $status) { edges { cursor node { id eventId eventType status attemptCount payload } } pageInfo { hasNextPage endCursor } } } }`;
const DELIVERY = `query($id: ID!) { webhookDelivery(id: $id) { id endpointId eventId status nextAttemptAt deliverUntil attempts { id } } }`;
const REPLAY = `mutation($id: ID!) { replayWebhookDelivery(id: $id) { delivery { id status nextAttemptAt } } }`;
const REPLAY_EVENTS = `mutation($input: ReplayWebhookEventsInput!) { replayWebhookEvents(input: $input) { queued } }`;

let t: TestApp;

function expectError(response: GraphQLResponse, code: string, field?: string): void {
  expect(response.errors, JSON.stringify(response)).toHaveLength(1);
  expect(response.errors![0]!.extensions?.code).toBe(code);
  if (field !== undefined) expect(response.errors![0]!.extensions?.field).toBe(field);
}

/** Runs one ad-hoc statement of the test (named parameters) on the server's pool. */
async function rows<Row extends Record<string, any> = any>(text: string, params: SqlParams = {}): Promise<Row[]> {
  return sql<Row, SqlParams>(text).all(t.app.orm.em.fork(), params);
}

async function create(token: string, input: Record<string, unknown>): Promise<{ id: string; secret: string }> {
  const data = await t.ok(token, CREATE, { input: { url: 'https://example.com/hooks', eventTypes: ['TRANSACTION_CREATED'], ...input } });
  return { id: data.createWebhookEndpoint.endpoint.id, secret: data.createWebhookEndpoint.secret };
}

beforeAll(async () => {
  t = await startTestApp({ webhookEndpointsPerAccountMax: ENDPOINTS_MAX, webhookReplayEventsMax: REPLAY_MAX });
});
afterAll(() => t.close());

describe('creating, reading, changing and deleting endpoints', () => {
  it('an OWNER registers one on its own account and gets the whsec_ secret once', async () => {
    const { accountId, ownerKey } = await t.createAccount('Endpoints');
    const data = await t.ok(ownerKey, CREATE, {
      input: {
        url: ' https://example.com/hooks ',
        eventTypes: ['ALERT_RAISED', 'TRANSACTION_CREATED', 'ALERT_RAISED'],
        description: ' ops ',
      },
    });
    const created = data.createWebhookEndpoint;
    expect(created.secret).toMatch(/^whsec_[0-9a-f]{64}$/);
    expect(created.endpoint).toMatchObject({
      accountId,
      url: 'https://example.com/hooks',
      description: 'ops',
      eventTypes: ['TRANSACTION_CREATED', 'ALERT_RAISED'],
      enabled: true,
    });
    const [stored] = await rows('select secret from webhook_endpoint where id = :id', { id: created.endpoint.id });
    expect(stored.secret).toBe(created.secret);
    expect((await t.ok(ownerKey, ENDPOINTS, {})).webhookEndpoints).toEqual([{ id: created.endpoint.id, url: 'https://example.com/hooks' }]);
    expect((await t.ok(ownerKey, ACCOUNT_ENDPOINTS, { id: accountId })).account.webhookEndpoints).toEqual([{ id: created.endpoint.id }]);
  });

  it('an INTEGRATOR and the PLATFORM_ADMIN (naming the account) manage them too', async () => {
    const { accountId } = await t.createAccount('Integrator');
    const integrator = await t.createKey(accountId, 'INTEGRATOR');
    const mine = await create(integrator.secret, {});
    const admins = await create(t.adminToken, { accountId });
    const listed = (await t.ok(t.adminToken, ENDPOINTS, { accountId })).webhookEndpoints.map((e: any) => e.id);
    expect(listed).toEqual([mine.id, admins.id]);
    await t.ok(integrator.secret, DELETE, { id: admins.id });
    expect((await t.ok(integrator.secret, ENDPOINTS, {})).webhookEndpoints.map((e: any) => e.id)).toEqual([mine.id]);
  });

  it('updates url, event types, description and enabled, leaving omitted fields alone', async () => {
    const { ownerKey } = await t.createAccount('Update');
    const { id } = await create(ownerKey, { description: 'first' });
    const updated = (await t.ok(ownerKey, UPDATE, { input: { id, url: 'http://localhost:9/x', eventTypes: ['CALLS_STOPPED'] } }))
      .updateWebhookEndpoint.endpoint;
    expect(updated).toMatchObject({ url: 'http://localhost:9/x', eventTypes: ['CALLS_STOPPED'], description: 'first', enabled: true });
    const disabled = (await t.ok(ownerKey, UPDATE, { input: { id, enabled: false, description: '' } })).updateWebhookEndpoint.endpoint;
    expect(disabled).toMatchObject({ url: 'http://localhost:9/x', eventTypes: ['CALLS_STOPPED'], description: '', enabled: false });
    expectError(await t.graphql(ownerKey, UPDATE, { input: { id, eventTypes: [] } }), 'BAD_USER_INPUT', 'eventTypes');
  });

  it('rotates the secret: a new one, stored, the old one gone', async () => {
    const { ownerKey } = await t.createAccount('Rotate');
    const { id, secret } = await create(ownerKey, {});
    const rotated = (await t.ok(ownerKey, ROTATE, { id })).rotateWebhookEndpointSecret.secret;
    expect(rotated).toMatch(/^whsec_[0-9a-f]{64}$/);
    expect(rotated).not.toBe(secret);
    expect((await rows('select secret from webhook_endpoint where id = :id', { id }))[0].secret).toBe(rotated);
  });

  it('deletes: the endpoint is NOT_FOUND afterwards, and a second delete too', async () => {
    const { ownerKey } = await t.createAccount('Delete');
    const { id } = await create(ownerKey, {});
    await t.ok(ownerKey, DELETE, { id });
    expectError(await t.graphql(ownerKey, ENDPOINT, { id }), 'NOT_FOUND');
    expectError(await t.graphql(ownerKey, DELETE, { id }), 'NOT_FOUND');
  });
});

describe('input rules and limits', () => {
  let ownerKey: string;
  beforeAll(async () => {
    ({ ownerKey } = await t.createAccount('Rules'));
  });

  it.each([
    ['https://example.com/hooks', true],
    ['http://localhost:8080/hooks', true],
    ['http://127.0.0.1/hooks', true],
    ['http://127.255.0.9:1/hooks', true],
    ['http://[::1]:3000/hooks', true],
    ['http://example.com/hooks', false],
    ['http://128.0.0.1/hooks', false],
    ['http://127.0.0.1.example.com/hooks', false],
    ['http://localhost.example.com/hooks', false],
    ['ftp://example.com/hooks', false],
    ['https://user:pass@example.com/hooks', false],
    ['example.com/hooks', false],
    ['   ', false],
  ])('url %s accepted: %s', async (url, accepted) => {
    const response = await t.graphql(ownerKey, CREATE, { input: { url, eventTypes: ['TRANSACTION_CREATED'] } });
    if (accepted) {
      expect(response.errors).toBeUndefined();
      await t.ok(ownerKey, DELETE, { id: response.data.createWebhookEndpoint.endpoint.id });
    } else {
      expectError(response, 'BAD_USER_INPUT', 'url');
    }
  });

  it('a url of exactly webhookUrlLengthMax characters is accepted, one more is BAD_USER_INPUT', async () => {
    const prefix = 'https://example.com/';
    const longest = prefix + 'a'.repeat(t.config.webhookUrlLengthMax - prefix.length);
    const created = await create(ownerKey, { url: longest });
    await t.ok(ownerKey, DELETE, { id: created.id });
    expectError(
      await t.graphql(ownerKey, CREATE, { input: { url: `${longest}a`, eventTypes: ['TRANSACTION_CREATED'] } }),
      'BAD_USER_INPUT',
      'url',
    );
  });

  it('event types must not be empty', async () => {
    expectError(
      await t.graphql(ownerKey, CREATE, { input: { url: 'https://example.com', eventTypes: [] } }),
      'BAD_USER_INPUT',
      'eventTypes',
    );
  });

  it('a description of descriptionLengthMax characters is accepted, one more is BAD_USER_INPUT', async () => {
    const created = await create(ownerKey, { description: 'd'.repeat(t.config.descriptionLengthMax) });
    await t.ok(ownerKey, DELETE, { id: created.id });
    expectError(
      await t.graphql(ownerKey, CREATE, {
        input: { url: 'https://example.com', eventTypes: ['ALERT_RAISED'], description: 'd'.repeat(t.config.descriptionLengthMax + 1) },
      }),
      'BAD_USER_INPUT',
      'description',
    );
  });

  it(`an account holds at most webhookEndpointsPerAccountMax (${ENDPOINTS_MAX}) endpoints: the next is LIMIT_EXCEEDED until one is deleted`, async () => {
    const { ownerKey: key } = await t.createAccount('Limit');
    const ids: string[] = [];
    for (let i = 0; i < ENDPOINTS_MAX; i += 1) ids.push((await create(key, {})).id);
    const refused = await t.graphql(key, CREATE, { input: { url: 'https://example.com', eventTypes: ['ALERT_RAISED'] } });
    expectError(refused, 'LIMIT_EXCEEDED');
    expect(refused.errors![0]!.extensions).toMatchObject({ limit: 'webhookEndpointsPerAccountMax', max: ENDPOINTS_MAX });
    await t.ok(key, DELETE, { id: ids[0] });
    await create(key, {});
  });
});

describe('roles', () => {
  it('CAMPAIGN_MANAGER and SUPPORT are FORBIDDEN for every operation', async () => {
    const { accountId, ownerKey } = await t.createAccount('Roles');
    const { id } = await create(ownerKey, {});
    const manager = await t.createKey(accountId, 'CAMPAIGN_MANAGER');
    const support = await t.createKey(null, 'SUPPORT');
    for (const token of [manager.secret, support.secret]) {
      const calls: [string, Record<string, unknown>][] = [
        [CREATE, { input: { accountId, url: 'https://example.com', eventTypes: ['ALERT_RAISED'] } }],
        [UPDATE, { input: { id, enabled: false } }],
        [DELETE, { id }],
        [ROTATE, { id }],
        [ENDPOINT, { id }],
        [ENDPOINTS, { accountId }],
        [DELIVERY, { id: randomUUID() }],
        [REPLAY, { id: randomUUID() }],
        [REPLAY_EVENTS, { input: { endpointId: id, from: new Date(0).toISOString() } }],
      ];
      for (const [query, variables] of calls) expectError(await t.graphql(token, query, variables), 'FORBIDDEN');
    }
    const fromAccount = await t.graphql(manager.secret, ACCOUNT_ENDPOINTS, { id: accountId });
    expectError(fromAccount, 'FORBIDDEN');
    expect((await t.ok(ownerKey, ENDPOINT, { id })).webhookEndpoint.enabled).toBe(true);
  });
});

describe('the delivery log and replays', () => {
  let ownerKey: string;
  let walletId: string;
  let endpointId: string;

  beforeAll(async () => {
    ({ ownerKey, walletId } = await t.createAccount('Log'));
    endpointId = (await create(ownerKey, { eventTypes: ['TRANSACTION_CREATED'] })).id;
    for (let i = 1; i <= 3; i += 1) await t.fund(walletId, String(i));
    expect(await drainWebhookProducer(t)).toBe(3);
  });

  it('pages newest first with cursors, filters by status, and bounds the page size', async () => {
    const first = (await t.ok(ownerKey, DELIVERIES, { id: endpointId, first: 2 })).webhookEndpoint.deliveries;
    expect(first.edges.map((e: any) => JSON.parse(e.node.payload).data.amount)).toEqual(['3', '2']);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = (await t.ok(ownerKey, DELIVERIES, { id: endpointId, first: 2, after: first.pageInfo.endCursor })).webhookEndpoint
      .deliveries;
    expect(second.edges.map((e: any) => JSON.parse(e.node.payload).data.amount)).toEqual(['1']);
    expect(second.pageInfo.hasNextPage).toBe(false);
    for (const edge of [...first.edges, ...second.edges])
      expect(edge.node).toMatchObject({ eventType: 'TRANSACTION_CREATED', status: 'PENDING', attemptCount: 0 });
    expect((await t.ok(ownerKey, DELIVERIES, { id: endpointId, status: 'PENDING' })).webhookEndpoint.deliveries.edges).toHaveLength(3);
    expect((await t.ok(ownerKey, DELIVERIES, { id: endpointId, status: 'DELIVERED' })).webhookEndpoint.deliveries.edges).toHaveLength(0);
    await t.ok(ownerKey, DELIVERIES, { id: endpointId, first: t.config.webhookDeliveriesPageSizeMax });
    expectError(
      await t.graphql(ownerKey, DELIVERIES, { id: endpointId, first: t.config.webhookDeliveriesPageSizeMax + 1 }),
      'BAD_USER_INPUT',
      'first',
    );
    expectError(await t.graphql(ownerKey, DELIVERIES, { id: endpointId, first: 0 }), 'BAD_USER_INPUT', 'first');
    expectError(await t.graphql(ownerKey, DELIVERIES, { id: endpointId, after: 'bm90LWEtY3Vyc29y' }), 'BAD_USER_INPUT', 'after');
  });

  it('replays one delivery: PENDING again, due now, window renewed', async () => {
    const [delivery] = await rows(`select id from webhook_delivery where endpoint_id = :endpointId order by position limit 1`, {
      endpointId,
    });
    await rows(`update webhook_delivery set status = 'FAILED', next_attempt_at = null where id = :deliveryId`, { deliveryId: delivery.id });
    const replayed = (await t.ok(ownerKey, REPLAY, { id: delivery.id })).replayWebhookDelivery.delivery;
    expect(replayed.status).toBe('PENDING');
    expect(Math.abs(Date.parse(replayed.nextAttemptAt) - Date.now())).toBeLessThan(60_000);
    const read = (await t.ok(ownerKey, DELIVERY, { id: delivery.id })).webhookDelivery;
    expect(Date.parse(read.deliverUntil) - Date.parse(replayed.nextAttemptAt)).toBe(t.config.webhookRetryWindowMs);
  });

  it(`replays events since a time, also to an endpoint that never had them, up to webhookReplayEventsMax (${REPLAY_MAX})`, async () => {
    const late = (await create(ownerKey, { eventTypes: ['TRANSACTION_CREATED'] })).id;
    const from = new Date(Date.now() - 3_600_000).toISOString();
    expect((await t.ok(ownerKey, REPLAY_EVENTS, { input: { endpointId: late, from } })).replayWebhookEvents.queued).toBe(REPLAY_MAX);
    const lateEvents = await rows(`select event_id from webhook_delivery where endpoint_id = :late order by event_id`, { late });
    const firstEvents = await rows(`select event_id from webhook_delivery where endpoint_id = :endpointId order by event_id`, {
      endpointId,
    });
    expect(lateEvents).toEqual(firstEvents);
    // Replaying again re-queues the same deliveries rather than adding new ones.
    expect((await t.ok(ownerKey, REPLAY_EVENTS, { input: { endpointId: late, from } })).replayWebhookEvents.queued).toBe(REPLAY_MAX);
    expect(await rows(`select id from webhook_delivery where endpoint_id = :late`, { late })).toHaveLength(REPLAY_MAX);
    // A range in the future holds nothing; `to` before `from` is refused.
    const future = new Date(Date.now() + 3_600_000).toISOString();
    expect((await t.ok(ownerKey, REPLAY_EVENTS, { input: { endpointId: late, from: future } })).replayWebhookEvents.queued).toBe(0);
    expectError(await t.graphql(ownerKey, REPLAY_EVENTS, { input: { endpointId: late, from: future, to: from } }), 'BAD_USER_INPUT', 'to');
    // One more event than the limit: LIMIT_EXCEEDED, and nothing is queued.
    await t.fund(walletId, '4');
    // Produced until the whole outbox is read (one pass may read short of the funding just committed): exactly two.
    expect(await drainWebhookProducer(t)).toBe(2);
    await rows(`update webhook_delivery set status = 'DELIVERED', next_attempt_at = null, delivered_at = now() where endpoint_id = :late`, {
      late,
    });
    const refused = await t.graphql(ownerKey, REPLAY_EVENTS, { input: { endpointId: late, from } });
    expectError(refused, 'LIMIT_EXCEEDED');
    expect(refused.errors![0]!.extensions).toMatchObject({ limit: 'webhookReplayEventsMax', max: REPLAY_MAX });
    expect(await rows(`select id from webhook_delivery where endpoint_id = :late and status = 'PENDING'`, { late })).toHaveLength(0);
  });

  it('a disabled endpoint cannot be replayed to: INVALID_STATE', async () => {
    const [delivery] = await rows(`select id from webhook_delivery where endpoint_id = :endpointId limit 1`, { endpointId });
    await t.ok(ownerKey, UPDATE, { input: { id: endpointId, enabled: false } });
    expectError(await t.graphql(ownerKey, REPLAY, { id: delivery.id }), 'INVALID_STATE');
    expectError(await t.graphql(ownerKey, REPLAY_EVENTS, { input: { endpointId, from: new Date(0).toISOString() } }), 'INVALID_STATE');
    await t.ok(ownerKey, UPDATE, { input: { id: endpointId, enabled: true } });
    await t.ok(ownerKey, REPLAY, { id: delivery.id });
  });
});

describe('tenancy', () => {
  it("another tenant's endpoint and delivery answer exactly like unknown ones, for every operation, and stay unchanged", async () => {
    const a = await t.createAccount('Tenant A');
    const b = await t.createAccount('Tenant B');
    const bIntegrator = await t.createKey(b.accountId, 'INTEGRATOR');
    const { id: endpointId } = await create(a.ownerKey, {});
    await t.fund(a.walletId, '1');
    await drainWebhookProducer(t);
    const [{ id: deliveryId }] = await rows(`select id from webhook_delivery where endpoint_id = :endpointId`, { endpointId });
    const unknown = randomUUID();
    const calls: [string, (id: string) => Record<string, unknown>][] = [
      [ENDPOINT, (id) => ({ id })],
      [DELIVERIES, (id) => ({ id })],
      [UPDATE, (id) => ({ input: { id, url: 'https://evil.example.com' } })],
      [ROTATE, (id) => ({ id })],
      [DELETE, (id) => ({ id })],
      [REPLAY_EVENTS, (id) => ({ input: { endpointId: id, from: new Date(0).toISOString() } })],
    ];
    const same = async (token: string, query: string, variables: (id: string) => Record<string, unknown>, target: string) => {
      const foreign = await t.graphql(token, query, variables(target));
      const missing = await t.graphql(token, query, variables(unknown));
      expectError(foreign, 'NOT_FOUND');
      expect(JSON.stringify(foreign).split(target).join('<id>')).toBe(JSON.stringify(missing).split(unknown).join('<id>'));
    };
    for (const token of [b.ownerKey, bIntegrator.secret]) {
      for (const [query, variables] of calls) await same(token, query, variables, endpointId);
      await same(token, DELIVERY, (id) => ({ id }), deliveryId);
      await same(token, REPLAY, (id) => ({ id }), deliveryId);
      await same(token, ENDPOINTS, (id) => ({ accountId: id }), a.accountId);
      await same(
        token,
        CREATE,
        (id) => ({ input: { accountId: id, url: 'https://example.com', eventTypes: ['ALERT_RAISED'] } }),
        a.accountId,
      );
    }
    const endpoint = (await t.ok(a.ownerKey, ENDPOINT, { id: endpointId })).webhookEndpoint;
    expect(endpoint.url).toBe('https://example.com/hooks');
    expect(await rows(`select id from webhook_endpoint where account_id = :accountId`, { accountId: a.accountId })).toHaveLength(1);
    expect(await rows(`select id from webhook_endpoint where account_id = :accountId`, { accountId: b.accountId })).toHaveLength(0);
  });
});
