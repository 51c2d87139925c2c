// Goal: every HTTP request and socket operation has an id, returned to the caller (X-Request-Id, errors'
// extensions.requestId) and on its JSON log lines with the caller's account and key ids, and no secret or
// card number reaches the log. Method: the real server, real fetch and graphql-ws clients, the logger's
// output captured as written (JSON lines) while the requests run.
import { randomUUID } from 'node:crypto';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.js';
import { log } from '../../server/logging/logger.js';
import { captureLogs, type LogCapture } from '../support/log-capture.js';
import { findLogLeaks, SANDBOX_CARD_NUMBERS } from '../support/log-leaks.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { settle, topUp } from '../domain/payments/payments-support.js';
import { until } from '../support/waiting.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ME = '{ me { role } }';
const WALLET = 'query($id: ID!) { wallet(id: $id) { id balance } }';
const PASSWORD = 'correct horse battery staple 42';

let logs: LogCapture;
let t: TestApp;
beforeAll(async () => {
  logs = captureLogs('info');
  t = await startTestApp({ paymentsEnabled: false, requestIdLengthMax: 40 });
});
afterAll(async () => {
  await t?.close();
  logs?.stop();
});

async function post(query: string, options: { token?: string; requestId?: string; variables?: Record<string, unknown> } = {}) {
  const response = await fetch(`${t.url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...(options.requestId !== undefined ? { 'x-request-id': options.requestId } : {}),
    },
    body: JSON.stringify({ query, variables: options.variables }),
  });
  const body = (await response.json()) as { data?: any; errors?: { extensions?: Record<string, unknown> }[] };
  return { response, body, requestId: response.headers.get('x-request-id') };
}

/** The one log line of the HTTP request `requestId` (the request wrapper's, when the response ended). */
async function requestLine(requestId: string): Promise<Record<string, any>> {
  await until('the request log line', () => logs.lines().some((line) => line.requestId === requestId && line.res));
  return logs.lines().find((line) => line.requestId === requestId && line.res)!;
}

function socketClient(token: string): Client {
  return createClient({
    url: `${t.url.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    connectionParams: { authorization: `Bearer ${token}` },
  });
}

/** The first `next` payload or the `error` of one operation on `client`. */
function runOnSocket(client: Client, query: string, variables?: Record<string, unknown>): Promise<{ errors?: any[] }> {
  return new Promise((resolve) => {
    client.subscribe(
      { query, variables },
      {
        next: (value) => resolve(value as { errors?: any[] }),
        error: (error) => resolve({ errors: Array.isArray(error) ? error : [error] }),
        complete: () => {},
      },
    );
  });
}

describe('HTTP request ids', () => {
  it('are generated when none comes in, and returned as the header and in every error', async () => {
    const { response, body, requestId } = await post(ME);
    expect(response.status).toBe(401);
    expect(requestId).toMatch(UUID);
    expect(body.errors?.map((error) => error.extensions)).toEqual([{ code: 'UNAUTHENTICATED', requestId }]);
    // A browser's script may read it.
    expect(response.headers.get('access-control-expose-headers')).toMatch(/x-request-id/i);
  });

  it('are in errors raised while executing, with the same id as the header', async () => {
    const { ownerKey } = await t.createAccount();
    const { body, requestId } = await post(WALLET, { token: ownerKey, variables: { id: randomUUID() } });
    expect(body.errors?.[0]?.extensions).toEqual({ code: 'NOT_FOUND', id: expect.any(String), requestId });
  });

  it('honour a well-formed incoming X-Request-Id up to requestIdLengthMax characters', async () => {
    const atLimit = `lb-${'a'.repeat(37)}`;
    expect(atLimit).toHaveLength(40);
    const kept = await post(ME, { requestId: atLimit });
    expect(kept.requestId).toBe(atLimit);
    expect(kept.body.errors?.[0]?.extensions?.requestId).toBe(atLimit);
    const over = await post(ME, { requestId: `${atLimit}b` });
    expect(over.requestId).toMatch(UUID);
    expect(over.body.errors?.[0]?.extensions?.requestId).toBe(over.requestId);
  });

  it('replace a malformed incoming id', async () => {
    for (const malformed of ['has space', 'quote"d', 'semi;colon', 'brace{}']) {
      const { requestId } = await post(ME, { requestId: malformed });
      expect(requestId, malformed).toMatch(UUID);
    }
    expect((await post(ME, { requestId: 'trace.1:2_3-4' })).requestId).toBe('trace.1:2_3-4');
  });

  it('are in the transport errors answered before GraphQL runs', async () => {
    const response = await fetch(`${t.url}/graphql/nothing`, { headers: { 'x-request-id': 'not-found-1' } });
    expect(response.status).toBe(404);
    expect(response.headers.get('x-request-id')).toBe('not-found-1');
    expect(((await response.json()) as any).errors[0].extensions).toEqual({ code: 'NOT_FOUND', requestId: 'not-found-1' });
  });

  it('take the config limit from REQUEST_ID_LENGTH_MAX (default 128)', () => {
    expect(loadConfig({}).requestIdLengthMax).toBe(128);
    expect(loadConfig({ REQUEST_ID_LENGTH_MAX: '64' }).requestIdLengthMax).toBe(64);
    expect(() => loadConfig({ REQUEST_ID_LENGTH_MAX: '0' })).toThrow(/REQUEST_ID_LENGTH_MAX/);
  });
});

describe('socket operation ids', () => {
  it('differ per operation and are in every error, from execution and from validation', async () => {
    const { ownerKey } = await t.createAccount();
    const client = socketClient(ownerKey);
    try {
      const first = await runOnSocket(client, WALLET, { id: randomUUID() });
      const second = await runOnSocket(client, WALLET, { id: randomUUID() });
      const [firstId, secondId] = [first.errors?.[0]?.extensions?.requestId, second.errors?.[0]?.extensions?.requestId];
      expect(first.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      expect(firstId).toMatch(UUID);
      expect(secondId).toMatch(UUID);
      expect(secondId).not.toBe(firstId);
      const invalid = await runOnSocket(client, '{ noSuchField }');
      expect(invalid.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(invalid.errors?.[0]?.extensions?.requestId).toMatch(UUID);
    } finally {
      await client.dispose();
    }
  });
});

describe('JSON log lines', () => {
  it('an HTTP request: level, time, request id, the caller account and key ids, and never the key', async () => {
    const { accountId } = await t.createAccount();
    const key = await t.createKey(accountId, 'OWNER');
    const { requestId } = await post(ME, { token: key.secret, requestId: 'log-line-1' });
    const line = await requestLine(requestId!);
    expect(line).toMatchObject({
      level: 30,
      time: expect.any(Number),
      requestId: 'log-line-1',
      accountId,
      apiKeyId: key.id,
      req: { method: 'POST', url: '/graphql' },
      res: { statusCode: 200 },
      responseTime: expect.any(Number),
      msg: 'request completed',
    });
    expect(JSON.stringify(line)).not.toMatch(/authorization|sw_/i);
    expect(logs.text()).not.toContain(key.secret);
  });

  it('a socket operation: subscribed and completed, with its id and the caller ids', async () => {
    const { accountId } = await t.createAccount();
    const key = await t.createKey(accountId, 'OWNER');
    const client = socketClient(key.secret);
    try {
      const answer = await runOnSocket(client, WALLET, { id: randomUUID() });
      const requestId = answer.errors?.[0]?.extensions?.requestId;
      await until('the completed line', () =>
        logs.lines().some((line) => line.requestId === requestId && line.msg === 'socket operation completed'),
      );
      const lines = logs.lines().filter((line) => line.requestId === requestId);
      expect(lines.map((line) => line.msg)).toEqual(['socket operation subscribed', 'socket operation completed']);
      for (const line of lines) expect(line).toMatchObject({ level: 30, time: expect.any(Number), accountId, apiKeyId: key.id });
    } finally {
      await client.dispose();
    }
    expect(logs.text()).not.toContain(key.secret);
  });

  it('an unexpected error is logged with its stack under err and the request id', async () => {
    const { walletId, ownerKey } = await t.createAccount();
    const before = logs.lines().length;
    // As in internal-error.test.ts: the table a resolver reads is gone.
    const connection = t.app.orm.em.fork().getConnection();
    await connection.execute('alter table wallet_transaction rename to wallet_transaction_gone');
    try {
      const { body, requestId } = await post('query($id: ID!) { wallet(id: $id) { transactions { edges { cursor } } } }', {
        token: ownerKey,
        variables: { id: walletId },
      });
      expect(body.errors?.[0]?.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', requestId });
      const line = logs
        .lines()
        .slice(before)
        .find((entry) => entry.msg === 'Unexpected error in a GraphQL request');
      expect(line).toMatchObject({
        level: 50,
        requestId,
        err: { message: expect.stringMatching(/wallet_transaction/), stack: expect.any(String) },
      });
    } finally {
      await connection.execute('alter table wallet_transaction_gone rename to wallet_transaction');
    }
  });

  it('redact secrets passed by mistake', () => {
    log.warn(
      {
        req: { headers: { authorization: 'Bearer sw_leaked', cookie: 'spendwire_session=sws_leaked' } },
        password: 'hunter2-leaked',
        input: { password: 'hunter3-leaked', apiKey: 'sw_leaked2' },
        config: { stripeSecretKey: 'sk_test_leaked', stripeWebhookSecret: 'whsec_leaked' },
        card: { number: '4242424242424242', cvc: '123' },
      },
      'redaction check',
    );
    const line = logs.lines().find((entry) => entry.msg === 'redaction check')!;
    expect(line.req.headers).toEqual({ authorization: '[REDACTED]', cookie: '[REDACTED]' });
    expect(line.password).toBe('[REDACTED]');
    expect(line.input).toEqual({ password: '[REDACTED]', apiKey: '[REDACTED]' });
    expect(line.config).toEqual({ stripeSecretKey: '[REDACTED]', stripeWebhookSecret: '[REDACTED]' });
    expect(line.card).toEqual({ number: '[REDACTED]', cvc: '[REDACTED]' });
    expect(JSON.stringify(line)).not.toMatch(/leaked|4242424242424242/);
  });
});

describe('a sign-in, a key creation and a card top-up', () => {
  it('leave no password, key, token or card number in the log', async () => {
    const paying = await startTestApp({ billingClockEnabled: false });
    try {
      const start = logs.text().length;
      const account = await paying.createAccount();
      const email = `logs-${randomUUID().slice(0, 8)}@example.com`;
      await paying.ok(paying.adminToken, 'mutation($input: CreateUserInput!) { createUser(input: $input) { user { id } } }', {
        input: { accountId: account.accountId, email, name: 'Pat', role: 'OWNER', password: PASSWORD },
      });
      const signIn = await fetch(`${paying.url}/auth/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: PASSWORD }),
      });
      expect(signIn.status).toBe(200);
      const wrong = await fetch(`${paying.url}/auth/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: `${PASSWORD}!` }),
      });
      expect(wrong.status).toBe(401);
      const key = await paying.createKey(account.accountId, 'OWNER');
      const started = await topUp(paying, key.secret, { walletId: account.walletId, amount: '25', paymentMethodId: 'pm_card_visa' });
      await settle(paying);
      const declined = await paying.graphql(key.secret, 'mutation($input: TopUpInput!) { topUp(input: $input) { topUp { status } } }', {
        input: { walletId: account.walletId, amount: '25', paymentMethodId: 'pm_card_chargeDeclined' },
      });
      expect(started.status).toBeDefined();
      expect(declined.data?.topUp?.topUp?.status ?? declined.errors?.[0]?.extensions?.code).toBeDefined();
      const text = logs.text().slice(start);
      // The requests were logged (so the check below reads something), with their callers' ids.
      expect(text).toContain('/auth/sign-in');
      expect(text).toContain(key.id);
      const secrets = [
        PASSWORD,
        key.secret,
        account.ownerKey,
        paying.adminToken,
        signIn.headers.get('set-cookie')!.split(';')[0]!.split('=')[1]!,
      ];
      expect(findLogLeaks(text, secrets)).toEqual([]);
      for (const number of SANDBOX_CARD_NUMBERS) expect(text).not.toContain(number);
    } finally {
      await paying.close();
    }
  });

  it('the leak check itself finds each kind of secret', () => {
    const key = `sw_${'A'.repeat(43)}`;
    const leaks = findLogLeaks(
      [
        `{"msg":"key ${key}"}`,
        '{"msg":"card 4000002500003155"}',
        '{"password":"hunter2"}',
        '{"password":"[REDACTED]"}',
        '{"msg":"sk_test_abcdefghijkl"}',
        '{"msg":"nothing here"}',
      ].join('\n'),
    );
    expect(leaks.map((leak) => leak.name)).toEqual([
      'API key or session/verification/invitation token',
      'sandbox card number',
      'password',
      'Stripe secret key',
    ]);
  });
});
