// Goal: the WebSocket endpoint shares HTTP's port, path and credentials, and hangs up with graphql-ws's
// close codes on bad or late credentials. Method: the real graphql-ws client and raw `ws` sockets
// against the real server.
import { createClient, type Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startTestApp, type TestApp } from '../support/test-app.js';

const INIT_TIMEOUT_MS = 300;
let t: TestApp;
let tenant: { accountId: string; walletId: string; ownerKey: string };

beforeAll(async () => {
  t = await startTestApp({ connectionInitWaitTimeoutMs: INIT_TIMEOUT_MS });
  tenant = await t.createAccount();
});
afterAll(async () => {
  await t?.close();
});

const wsUrl = () => `${t.url.replace(/^http/, 'ws')}/graphql`;

/** Runs one operation on a client; resolves with its result, or the close event/error that ended it. */
function run(
  client: Client,
  query: string,
  variables?: Record<string, unknown>,
): Promise<{ data?: any; errors?: any[]; closed?: { code: number } }> {
  return new Promise((resolve) => {
    let result: { data?: any; errors?: any[] } = {};
    client.subscribe(
      { query, variables },
      {
        next: (value) => (result = value as typeof result),
        error: (error) => resolve(Array.isArray(error) ? { errors: error } : { closed: error as { code: number } }),
        complete: () => resolve(result),
      },
    );
  });
}

function clientWith(authorization?: string, lazy = true): Client {
  return createClient({
    url: wsUrl(),
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    lazy,
    // Closes are asserted through the 'closed' event; the client need not log them.
    onNonLazyError: () => {},
    connectionParams: authorization === undefined ? {} : { authorization },
  });
}

describe('GraphQL over WebSocket', () => {
  it('answers queries and mutations with the same credentials as HTTP', async () => {
    const client = clientWith(`Bearer ${tenant.ownerKey}`);
    try {
      const me = await run(client, '{ me { role accountId } }');
      expect(me.data).toEqual({ me: { role: 'OWNER', accountId: tenant.accountId } });
      await t.fund(tenant.walletId, '5');
      const charged = await run(client, 'mutation($input: ChargeInput!) { charge(input: $input) { wallet { balance } } }', {
        input: { walletId: tenant.walletId, amount: '1.5' },
      });
      expect(charged.data).toEqual({ charge: { wallet: { balance: '3.5' } } });
      const refused = await run(client, 'mutation($input: ChargeInput!) { charge(input: $input) { wallet { balance } } }', {
        input: { walletId: tenant.walletId, amount: '100' },
      });
      expect(refused.errors?.[0]?.extensions?.code).toBe('INSUFFICIENT_FUNDS');
      const invalid = await run(client, 'mutation { charge(input: { walletId: "x", amount: "1e3" }) { wallet { balance } } }');
      expect(invalid.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    } finally {
      await client.dispose();
    }
  });

  it.each([
    ['no authorization', undefined],
    ['a malformed one', 'Basic abc'],
    ['an unknown key', 'Bearer sw_nope'],
  ])('closes with 4403 Forbidden for %s', async (_, authorization) => {
    const client = clientWith(authorization);
    try {
      expect((await run(client, '{ me { role } }')).closed?.code).toBe(4403);
    } finally {
      await client.dispose();
    }
  });

  it('refuses the next operation of a key revoked while its socket is open, then closes with 4403', async () => {
    const key = await t.createKey(tenant.accountId, 'INTEGRATOR');
    // Not lazy: one socket stays open across the revocation, as a long-lived integration's would.
    const client = clientWith(`Bearer ${key.secret}`, false);
    const closed = new Promise<number>((resolve) => client.on('closed', (event) => resolve((event as { code: number }).code)));
    try {
      expect((await run(client, '{ me { role } }')).data).toEqual({ me: { role: 'INTEGRATOR' } });
      await t.ok(t.adminToken, 'mutation($id: ID!) { revokeApiKey(id: $id) { key { id } } }', { id: key.id });
      const refused = await run(client, '{ me { role } }');
      expect(refused.errors).toEqual([
        expect.objectContaining({
          message: 'The API key is unknown or revoked',
          extensions: { code: 'UNAUTHENTICATED', requestId: expect.any(String) },
        }),
      ]);
      expect(await closed).toBe(4403);
    } finally {
      await client.dispose();
    }
  });

  it(`closes a socket that sends no connection_init within ${INIT_TIMEOUT_MS} ms with 4408`, async () => {
    const socket = new WebSocket(wsUrl(), 'graphql-transport-ws');
    const openedAt = await new Promise<number>((resolve) => socket.once('open', () => resolve(Date.now())));
    const { code, at } = await new Promise<{ code: number; at: number }>((resolve) =>
      socket.once('close', (closeCode) => resolve({ code: closeCode, at: Date.now() })),
    );
    expect(code).toBe(4408);
    expect(at - openedAt).toBeGreaterThanOrEqual(INIT_TIMEOUT_MS - 5);
  });

  it('keeps a socket that sends connection_init just in time', async () => {
    const socket = new WebSocket(wsUrl(), 'graphql-transport-ws');
    await new Promise((resolve) => socket.once('open', resolve));
    const acknowledged = new Promise<string>((resolve) => socket.once('message', (data) => resolve(String(data))));
    setTimeout(
      () => socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${tenant.ownerKey}` } })),
      INIT_TIMEOUT_MS / 2,
    );
    expect(JSON.parse(await acknowledged)).toEqual({ type: 'connection_ack' });
    socket.close(1000);
  });
});
