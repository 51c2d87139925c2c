// Goal: with private targets refused (the production default), no webhook URL can make the server talk to an internal address, neither at registration (every literal form, names through /etc/hosts or DNS) nor at delivery (a URL stored earlier, DNS rebinding), and the attempt log never shows what a receiver answered nor raw socket text; redirects are not followed. Method: the real server on a real PostgreSQL with the sender driven by hand, every registration over HTTP except those that need a name resolved, which call the service with an injected resolver standing in for DNS; "public" addresses are only ever registered, never connected to (their endpoints subscribe to an event that never happens), and every delivery goes to loopback listeners that count what reaches them.
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type SqlParams } from '../../../server/database/sql.js';
import { PLATFORM_ADMIN_TOKEN_PRINCIPAL } from '../../../server/domain/accounts/principal.js';
import { systemClock } from '../../../server/domain/calls/clock.js';
import { createWebhookEndpoint } from '../../../server/domain/webhooks/create-webhook-endpoint.service.js';
import { sendWebhookDeliveries } from '../../../server/domain/webhooks/send-webhook-deliveries.service.js';
import { updateWebhookEndpoint } from '../../../server/domain/webhooks/update-webhook-endpoint.service.js';
import type { ResolveHost } from '../../../server/domain/webhooks/webhook-target.js';
import { drainWebhookProducer } from '../../support/consumers.js';
import { startTestApp, type GraphQLResponse, type TestApp } from '../../support/test-app.js';
import { WebhookReceiver } from '../../support/webhook-receiver.js';

const CREATE = `mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { endpoint { id url } } }`;
const UPDATE = `mutation($input: UpdateWebhookEndpointInput!) { updateWebhookEndpoint(input: $input) { endpoint { id url } } }`;
const DELETE = `mutation($id: ID!) { deleteWebhookEndpoint(id: $id) { endpoint { id } } }`;
const ENDPOINTS = `query { webhookEndpoints { id url } }`;
const DELIVERIES = `query($id: ID!) { webhookEndpoint(id: $id) { deliveries(first: 10) { edges { node {
  status attemptCount attempts { statusCode error responseBody succeeded } } } } } }`;
/** A public address that is registered in these tests and never connected to. */
const PUBLIC_ADDRESS = '93.184.215.14';
/** An event type nothing in these tests causes: endpoints on public addresses subscribe to it only. */
const NEVER_PRODUCED = ['TOP_UP_FAILED'];

function expectUrlRefused(response: GraphQLResponse): void {
  expect(response.errors, JSON.stringify(response)).toHaveLength(1);
  expect(response.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'url' });
  expect(response.data?.createWebhookEndpoint ?? response.data?.updateWebhookEndpoint ?? null).toBeNull();
}

/** Runs one ad-hoc statement of the test (named parameters) on the server's pool. */
async function rows<Row extends Record<string, any> = any>(t: TestApp, text: string, params: SqlParams = {}): Promise<Row[]> {
  return sql<Row, SqlParams>(text).all(t.app.orm.em.fork(), params);
}

/** A loopback TCP listener that counts connections and answers nothing (or hangs up at once with `hangUp`). */
async function connectionCounter(
  options: { hangUp?: boolean } = {},
): Promise<{ port: number; connections: () => number; close: () => Promise<void> }> {
  let connections = 0;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    connections += 1;
    if (options.hangUp) return void socket.destroy();
    sockets.add(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    connections: () => connections,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

describe('private targets refused (webhookAllowPrivateTargets off)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ webhookAllowPrivateTargets: false, billingClockEnabled: false });
  });
  afterAll(() => t.close());

  /** The services' dependencies with DNS replaced by `resolveHost`. */
  const depsWith = (resolveHost: ResolveHost) => ({
    clock: systemClock,
    config: t.config,
    committed: () => {},
    postings: t.app.postings,
    resolveHost,
  });

  it.each([
    'https://localhost/hooks',
    'https://localhost./hooks',
    'https://127.1/hooks',
    'https://[::ffff:127.0.0.1]/hooks',
    'https://0x7f000001/hooks',
    'https://2130706433/hooks',
    'https://017700000001/hooks',
    'https://[::1]/hooks',
    'http://127.0.0.1:8080/hooks',
    'https://10.0.0.1/hooks',
    'https://169.254.169.254/latest/meta-data/',
    'https://[fd00:ec2::254]/latest/meta-data/',
    'https://100.64.0.1/hooks',
    'https://[fe80::1]/hooks',
    'https://[fc00::1]/hooks',
    'https://0.0.0.0/hooks',
    'https://[64:ff9b::a9fe:a9fe]/hooks',
  ])('registering %s is BAD_USER_INPUT on url, and nothing is created', async (url) => {
    const { ownerKey } = await t.createAccount('SSRF literal');
    expectUrlRefused(await t.graphql(ownerKey, CREATE, { input: { url, eventTypes: ['TRANSACTION_CREATED'] } }));
    expect((await t.ok(ownerKey, ENDPOINTS)).webhookEndpoints).toEqual([]);
  });

  it('a public address literal is accepted; changing it to an internal one is refused and leaves it unchanged', async () => {
    const { ownerKey } = await t.createAccount('SSRF update');
    const created = (await t.ok(ownerKey, CREATE, { input: { url: `https://${PUBLIC_ADDRESS}/hooks`, eventTypes: NEVER_PRODUCED } }))
      .createWebhookEndpoint.endpoint;
    for (const url of ['https://127.1/hooks', 'https://[::ffff:10.0.0.1]/hooks', 'https://localhost/hooks']) {
      expectUrlRefused(await t.graphql(ownerKey, UPDATE, { input: { id: created.id, url } }));
    }
    expect((await t.ok(ownerKey, ENDPOINTS)).webhookEndpoints).toEqual([{ id: created.id, url: `https://${PUBLIC_ADDRESS}/hooks` }]);
    await t.ok(ownerKey, DELETE, { id: created.id });
  });

  it('a name is accepted when every address it resolves to is public, refused when one is not or when it does not resolve', async () => {
    const { accountId } = await t.createAccount('SSRF names');
    const resolveHost: ResolveHost = async (hostname) => {
      const table: Record<string, string[]> = {
        'hooks.example.com': [PUBLIC_ADDRESS],
        'intranet.example.com': ['10.20.30.40'],
        'mixed.example.com': [PUBLIC_ADDRESS, '169.254.169.254'],
      };
      if (!table[hostname]) throw Object.assign(new Error('not found'), { code: 'ENOTFOUND' });
      return table[hostname]!.map((address) => ({ address, family: 4 as const }));
    };
    const create = (url: string) =>
      createWebhookEndpoint(t.app.orm.em.fork(), depsWith(resolveHost), {
        principal: PLATFORM_ADMIN_TOKEN_PRINCIPAL,
        accountId,
        url,
        eventTypes: NEVER_PRODUCED,
        description: null,
      });
    const accepted = await create('https://hooks.example.com/hooks');
    expect(accepted.endpoint.url).toBe('https://hooks.example.com/hooks');
    for (const url of ['https://intranet.example.com/hooks', 'https://mixed.example.com/hooks', 'https://nowhere.example.com/hooks']) {
      await expect(create(url), url).rejects.toMatchObject({ code: 'BAD_USER_INPUT', extensions: { field: 'url' } });
    }
    await expect(
      updateWebhookEndpoint(t.app.orm.em.fork(), depsWith(resolveHost), {
        principal: PLATFORM_ADMIN_TOKEN_PRINCIPAL,
        id: accepted.endpoint.id,
        url: 'https://intranet.example.com/x',
      }),
    ).rejects.toMatchObject({ code: 'BAD_USER_INPUT', extensions: { field: 'url' } });
    expect(await rows(t, 'select url from webhook_endpoint where account_id = :accountId', { accountId })).toEqual([
      { url: 'https://hooks.example.com/hooks' },
    ]);
    await rows(t, 'delete from webhook_endpoint where account_id = :accountId', { accountId });
  });

  it('DNS rebinding: a name public at registration and loopback at delivery is refused at delivery, and nothing reaches the loopback listener', async () => {
    const { accountId, walletId } = await t.createAccount('SSRF rebinding');
    const listener = await connectionCounter();
    try {
      let answer = PUBLIC_ADDRESS;
      const lookups: string[] = [];
      const rebinding: ResolveHost = async (hostname) => {
        lookups.push(`${hostname}=${answer}`);
        return [{ address: answer, family: 4 }];
      };
      const url = `https://rebind.example.com:${listener.port}/hooks`;
      const { endpoint } = await createWebhookEndpoint(t.app.orm.em.fork(), depsWith(rebinding), {
        principal: PLATFORM_ADMIN_TOKEN_PRINCIPAL,
        accountId,
        url,
        eventTypes: ['TRANSACTION_CREATED'],
        description: null,
      });
      await t.fund(walletId, '1');
      expect(await drainWebhookProducer(t)).toBe(1);
      // The DNS server now answers with the machine itself.
      answer = '127.0.0.1';
      const summary = await sendWebhookDeliveries(t.app.orm.em.fork(), { clock: systemClock, config: t.config, resolveHost: rebinding });
      expect(summary).toEqual({ claimed: 1, delivered: 0, retrying: 1, failed: 0 });
      expect(lookups).toEqual([`rebind.example.com=${PUBLIC_ADDRESS}`, 'rebind.example.com=127.0.0.1']);
      expect(listener.connections()).toBe(0);
      const [attempt] = await rows(
        t,
        `select a.status_code, a.error, a.succeeded from webhook_attempt a join webhook_delivery d on d.id = a.delivery_id where d.endpoint_id = :endpointId`,
        { endpointId: endpoint.id },
      );
      expect(attempt).toEqual({ status_code: null, error: 'FORBIDDEN_TARGET', succeeded: false });
      const [delivery] = await rows(t, `select status, leased_until from webhook_delivery where endpoint_id = :endpointId`, {
        endpointId: endpoint.id,
      });
      expect(delivery).toEqual({ status: 'PENDING', leased_until: null });
    } finally {
      await listener.close();
      await rows(t, 'delete from webhook_endpoint where account_id = :accountId', { accountId });
    }
  });

  it('an endpoint stored with a loopback URL (registered while private targets were allowed) gets FORBIDDEN_TARGET attempts and no request', async () => {
    const { walletId, ownerKey } = await t.createAccount('SSRF stored');
    const receiver = await WebhookReceiver.start();
    try {
      const created = (
        await t.ok(ownerKey, CREATE, { input: { url: `https://${PUBLIC_ADDRESS}/hooks`, eventTypes: ['TRANSACTION_CREATED'] } })
      ).createWebhookEndpoint.endpoint;
      // As if registered under WEBHOOK_ALLOW_PRIVATE_TARGETS=1 and the server restarted without it.
      await rows(t, 'update webhook_endpoint set url = :url where id = :createdId', { createdId: created.id, url: receiver.url });
      await t.fund(walletId, '1');
      expect(await drainWebhookProducer(t)).toBe(1);
      expect(await t.app.webhooks.sendOnce()).toMatchObject({ claimed: 1, retrying: 1 });
      expect(receiver.received).toEqual([]);
      const [delivery] = (await t.ok(ownerKey, DELIVERIES, { id: created.id })).webhookEndpoint.deliveries.edges.map((e: any) => e.node);
      expect(delivery).toMatchObject({
        status: 'PENDING',
        attemptCount: 1,
        attempts: [{ statusCode: null, error: 'FORBIDDEN_TARGET', responseBody: null, succeeded: false }],
      });
      await t.ok(ownerKey, DELETE, { id: created.id });
    } finally {
      await receiver.close();
    }
  });
});

describe('what an attempt keeps (private targets allowed, loopback receivers)', () => {
  let t: TestApp;
  let server: http.Server;
  let baseUrl: string;
  const paths: string[] = [];

  beforeAll(async () => {
    t = await startTestApp({ billingClockEnabled: false });
    // Answers like an internal service would: a banner in the body, or a redirect elsewhere.
    server = http.createServer((request, response) => {
      paths.push(request.url ?? '');
      request.resume();
      if (request.url === '/redirect') {
        response.writeHead(302, { location: `${baseUrl}/elsewhere`, connection: 'close' });
        response.end('moved');
        return;
      }
      response.writeHead(500, { 'content-type': 'text/plain', connection: 'close' });
      response.end('redis_version:7.2.4 role:master at 10.1.2.3:6379');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await t.close();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('a failed answer is logged as HTTP_ERROR with its status, never its body; a refused port as CONNECTION_REFUSED, never the socket text', async () => {
    const { walletId, ownerKey } = await t.createAccount('Banner');
    const banner = (await t.ok(ownerKey, CREATE, { input: { url: `${baseUrl}/banner`, eventTypes: ['TRANSACTION_CREATED'] } }))
      .createWebhookEndpoint.endpoint;
    const closedPort = await new Promise<number>((resolve) => {
      const probe = net.createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as AddressInfo;
        probe.close(() => resolve(port));
      });
    });
    const refused = (
      await t.ok(ownerKey, CREATE, { input: { url: `http://127.0.0.1:${closedPort}/hooks`, eventTypes: ['TRANSACTION_CREATED'] } })
    ).createWebhookEndpoint.endpoint;
    await t.fund(walletId, '1');
    expect(await drainWebhookProducer(t)).toBe(2);
    expect(await t.app.webhooks.sendOnce()).toMatchObject({ claimed: 2, retrying: 2 });
    const attemptsOf = async (id: string) => (await t.ok(ownerKey, DELIVERIES, { id })).webhookEndpoint.deliveries.edges[0].node.attempts;
    expect(await attemptsOf(banner.id)).toEqual([{ statusCode: 500, error: 'HTTP_ERROR', responseBody: null, succeeded: false }]);
    expect(await attemptsOf(refused.id)).toEqual([{ statusCode: null, error: 'CONNECTION_REFUSED', responseBody: null, succeeded: false }]);
    const stored = (await rows(t, 'select row_to_json(a)::text as row from webhook_attempt a')).map((row) => row.row).join('\n');
    expect(stored).not.toMatch(/redis|10\.1\.2\.3|ECONNREFUSED|127\.0\.0\.1/);
    for (const id of [banner.id, refused.id]) await t.ok(ownerKey, DELETE, { id });
  });

  it('the socket connects to the very address the name resolved to: a made-up .invalid name pinned to a loopback listener reaches it, with one lookup', async () => {
    const { accountId, walletId } = await t.createAccount('Pinned');
    const listener = await connectionCounter({ hangUp: true });
    try {
      const lookups: string[] = [];
      const resolveHost: ResolveHost = async (hostname) => {
        lookups.push(hostname);
        return [{ address: '127.0.0.1', family: 4 }];
      };
      // .invalid never resolves (RFC 6761): a second lookup by the system would fail and connect nowhere.
      const { endpoint } = await createWebhookEndpoint(
        t.app.orm.em.fork(),
        { clock: systemClock, config: t.config, committed: () => {}, postings: t.app.postings, resolveHost },
        {
          principal: PLATFORM_ADMIN_TOKEN_PRINCIPAL,
          accountId,
          url: `https://pinned.invalid:${listener.port}/hooks`,
          eventTypes: ['TRANSACTION_CREATED'],
          description: null,
        },
      );
      await t.fund(walletId, '1');
      expect(await drainWebhookProducer(t)).toBe(1);
      expect(await sendWebhookDeliveries(t.app.orm.em.fork(), { clock: systemClock, config: t.config, resolveHost })).toMatchObject({
        claimed: 1,
        retrying: 1,
      });
      // With private targets allowed nothing is looked up at registration; the attempt looks up once and connects there.
      expect(lookups).toEqual(['pinned.invalid']);
      expect(listener.connections()).toBe(1);
      const [attempt] = await rows(
        t,
        `select a.error from webhook_attempt a join webhook_delivery d on d.id = a.delivery_id where d.endpoint_id = :endpointId`,
        { endpointId: endpoint.id },
      );
      // The listener hung up during the TLS handshake.
      expect(['CONNECTION_RESET', 'TLS_ERROR']).toContain(attempt.error);
      await rows(t, 'delete from webhook_endpoint where id = :endpointId', { endpointId: endpoint.id });
    } finally {
      await listener.close();
    }
  });

  it('a 3xx is a failed attempt (REDIRECT): the Location is not followed', async () => {
    const { walletId, ownerKey } = await t.createAccount('Redirect');
    const endpoint = (await t.ok(ownerKey, CREATE, { input: { url: `${baseUrl}/redirect`, eventTypes: ['TRANSACTION_CREATED'] } }))
      .createWebhookEndpoint.endpoint;
    await t.fund(walletId, '1');
    expect(await drainWebhookProducer(t)).toBe(1);
    paths.length = 0;
    expect(await t.app.webhooks.sendOnce()).toMatchObject({ claimed: 1, retrying: 1 });
    expect(paths).toEqual(['/redirect']);
    const [delivery] = (await t.ok(ownerKey, DELIVERIES, { id: endpoint.id })).webhookEndpoint.deliveries.edges.map((e: any) => e.node);
    expect(delivery).toMatchObject({
      status: 'PENDING',
      attempts: [{ statusCode: 302, error: 'REDIRECT', responseBody: null, succeeded: false }],
    });
    await t.ok(ownerKey, DELETE, { id: endpoint.id });
  });
});
