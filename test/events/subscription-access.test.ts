// Goal: subscriptions obey the same tenancy, credentials and limits as the HTTP API, and balanceChanged
// reports each change. Method: real server, real graphql-ws client; revocation through another process.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { startApp, type RunningApp } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { subscribe, TRANSACTION_ADDED } from '../support/subscriber.js';

const PER_SOCKET_MAX = 3;
let t: TestApp;
let other: RunningApp;
let a: { accountId: string; walletId: string; ownerKey: string };
let b: { accountId: string; walletId: string; ownerKey: string };

beforeAll(async () => {
  t = await startTestApp({ subscriptionsPerSocketMax: PER_SOCKET_MAX });
  const config = loadConfig({}, { port: 0, host: '127.0.0.1' });
  other = await startApp({ config, databaseUrl: t.app.orm.config.get('clientUrl')!, platformAdminToken: t.adminToken });
  [a, b] = await Promise.all([t.createAccount('A'), t.createAccount('B')]);
  await t.fund(a.walletId, '100');
});
afterAll(async () => {
  await other?.close();
  await t?.close();
});

const BALANCE_CHANGED = `subscription($walletId: ID!, $afterSequence: String) {
  balanceChanged(walletId: $walletId, afterSequence: $afterSequence) { id balance available reserved sequence currency }
}`;

describe('subscription access', () => {
  it.each([
    ['transactionAdded', TRANSACTION_ADDED, { afterSequence: '0' }],
    ['balanceChanged', BALANCE_CHANGED, {}],
  ])("%s on another tenant's wallet is NOT_FOUND, like an unknown one", async (_, query, extra) => {
    for (const walletId of [a.walletId, '00000000-0000-4000-8000-000000000000', 'not-an-id']) {
      const subscriber = subscribe(t.url, b.ownerKey, query, { walletId, ...extra }, (d) => d);
      try {
        await expect.poll(() => subscriber.errors.length, { timeout: 20_000 }).toBe(1);
        expect((subscriber.errors[0] as { extensions: { code: string } }).extensions.code).toBe('NOT_FOUND');
        expect(subscriber.received).toEqual([]);
      } finally {
        await subscriber.close();
      }
    }
  });

  it('SUPPORT may follow any wallet', async () => {
    const support = await t.createKey(null, 'SUPPORT');
    const subscriber = subscribe(
      t.url,
      support.secret,
      TRANSACTION_ADDED,
      { walletId: a.walletId, afterSequence: '0' },
      (d) => d.transactionAdded,
    );
    try {
      expect((await subscriber.waitFor(1))[0].sequence).toBe('1');
    } finally {
      await subscriber.close();
    }
  });

  it.each(['abc', '-1', '01', '1.5', '', '99999999999999999999'])('afterSequence %j is BAD_USER_INPUT', async (afterSequence) => {
    const subscriber = subscribe(t.url, a.ownerKey, TRANSACTION_ADDED, { walletId: a.walletId, afterSequence }, (d) => d);
    try {
      await expect.poll(() => subscriber.errors.length, { timeout: 20_000 }).toBe(1);
      expect((subscriber.errors[0] as { extensions: unknown }).extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'afterSequence' });
    } finally {
      await subscriber.close();
    }
  });

  it("afterSequence may equal the wallet's last sequence; one beyond it is BAD_USER_INPUT", async () => {
    const { wallet } = await t.ok(a.ownerKey, 'query($id: ID!) { wallet(id: $id) { sequence } }', { id: a.walletId });
    const atHead = subscribe(t.url, a.ownerKey, TRANSACTION_ADDED, { walletId: a.walletId, afterSequence: wallet.sequence }, (d) => d);
    const beyond = subscribe(
      t.url,
      a.ownerKey,
      TRANSACTION_ADDED,
      { walletId: a.walletId, afterSequence: String(Number(wallet.sequence) + 1) },
      (d) => d,
    );
    try {
      await expect.poll(() => beyond.errors.length).toBe(1);
      expect((beyond.errors[0] as { extensions: unknown }).extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'afterSequence' });
      await t.ok(a.ownerKey, 'mutation($input: ChargeInput!) { charge(input: $input) { transaction { id } } }', {
        input: { walletId: a.walletId, amount: '0.01' },
      });
      expect((await atHead.waitFor(1))[0].transactionAdded.sequence).toBe(String(Number(wallet.sequence) + 1));
      expect(atHead.errors).toEqual([]);
    } finally {
      await Promise.all([atHead.close(), beyond.close()]);
    }
  });

  it(`a socket holds ${PER_SOCKET_MAX} subscriptions; one more is LIMIT_EXCEEDED`, async () => {
    const client = createClient({
      url: `${t.url.replace(/^http/, 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      connectionParams: { authorization: `Bearer ${a.ownerKey}` },
    });
    const outcomes: unknown[] = [];
    const received: number[] = Array(PER_SOCKET_MAX + 1).fill(0);
    try {
      for (let i = 0; i <= PER_SOCKET_MAX; i++) {
        client.subscribe(
          { query: TRANSACTION_ADDED, variables: { walletId: a.walletId, afterSequence: '0' } },
          { next: () => received[i]!++, error: (error) => outcomes.push({ i, error }), complete: () => {} },
        );
      }
      await expect.poll(() => outcomes.length).toBe(1);
      expect(outcomes[0]).toEqual({
        i: PER_SOCKET_MAX,
        error: [
          expect.objectContaining({
            extensions: { code: 'LIMIT_EXCEEDED', limit: 'subscriptionsPerSocketMax', max: PER_SOCKET_MAX, requestId: expect.any(String) },
          }),
        ],
      });
      await expect.poll(() => received.slice(0, PER_SOCKET_MAX).every((count) => count >= 1)).toBe(true);
    } finally {
      await client.dispose();
    }
  });

  it('a listening socket is closed with 4403 within 5 s of its key being revoked through another server', async () => {
    const key = await t.createKey(a.accountId, 'INTEGRATOR');
    const client = createClient({
      url: `${t.url.replace(/^http/, 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      connectionParams: { authorization: `Bearer ${key.secret}` },
    });
    const closed = new Promise<{ code: number; at: number }>((resolve) =>
      client.on('closed', (event) => resolve({ code: (event as { code: number }).code, at: Date.now() })),
    );
    const events: unknown[] = [];
    client.subscribe(
      { query: TRANSACTION_ADDED, variables: { walletId: a.walletId, afterSequence: '0' } },
      { next: (v) => events.push(v), error: () => {}, complete: () => {} },
    );
    try {
      await expect.poll(() => events.length).toBeGreaterThan(0);
      const response = await fetch(`${other.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${t.adminToken}` },
        body: JSON.stringify({ query: 'mutation($id: ID!) { revokeApiKey(id: $id) { key { id } } }', variables: { id: key.id } }),
      });
      expect(response.status).toBe(200);
      const revokedAt = Date.now();
      const { code, at } = await closed;
      expect(code).toBe(4403);
      expect(at - revokedAt).toBeLessThan(5_000);
    } finally {
      await client.dispose();
    }
  });
});

describe('balanceChanged', () => {
  it('with afterSequence replays the wallet after each later change, then goes on live', async () => {
    const w = await t.createAccount('Replay');
    await t.fund(w.walletId, '5');
    await t.ok(w.ownerKey, 'mutation($input: ChargeInput!) { charge(input: $input) { transaction { id } } }', {
      input: { walletId: w.walletId, amount: '1.5' },
    });
    const subscriber = subscribe(t.url, w.ownerKey, BALANCE_CHANGED, { walletId: w.walletId, afterSequence: '0' }, (d) => d.balanceChanged);
    try {
      await subscriber.waitFor(2);
      await t.ok(w.ownerKey, 'mutation($input: ChargeInput!) { charge(input: $input) { transaction { id } } }', {
        input: { walletId: w.walletId, amount: '0.5' },
      });
      const received = await subscriber.waitFor(3);
      expect(received.map((x: { sequence: string; balance: string }) => [x.sequence, x.balance])).toEqual([
        ['1', '5'],
        ['2', '3.5'],
        ['3', '3'],
      ]);
    } finally {
      await subscriber.close();
    }
  });

  it('reports the wallet after each change, in order, from the next change on', async () => {
    const subscriber = subscribe(t.url, a.ownerKey, BALANCE_CHANGED, { walletId: a.walletId }, (d) => d.balanceChanged);
    try {
      // Established once it reports a change; keep charging until it does.
      while (subscriber.received.length === 0) {
        await t.ok(a.ownerKey, 'mutation($input: ChargeInput!) { charge(input: $input) { transaction { id } } }', {
          input: { walletId: a.walletId, amount: '1' },
        });
        // The tail has handed the charge on; if the subscriber still got nothing it was not live yet.
        await t.app.events.tail.caughtUp();
      }
      const first = subscriber.received[0];
      for (const amount of ['0.25', '0.5']) {
        await t.ok(a.ownerKey, 'mutation($input: ChargeInput!) { charge(input: $input) { transaction { id } } }', {
          input: { walletId: a.walletId, amount },
        });
      }
      await t.fund(a.walletId, '10');
      const wallet = (
        await t.ok(a.ownerKey, `query($id: ID!) { wallet(id: $id) { id balance available reserved sequence currency } }`, {
          id: a.walletId,
        })
      ).wallet;
      const received = await subscriber.waitFor(Number(wallet.sequence) - Number(first.sequence) + 1);
      expect(received.map((w: { sequence: string }) => Number(w.sequence))).toEqual(
        Array.from({ length: received.length }, (_, i) => Number(first.sequence) + i),
      );
      expect(received.at(-1)).toEqual(wallet);
      expect(received.at(-2).balance).toBe(String(Number(wallet.balance) - 10));
    } finally {
      await subscriber.close();
    }
  });
});
