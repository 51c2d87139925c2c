// Goal: three server processes sharing a Redis elect one outbox reader whose stream feeds them all, so that a subscriber on each sees every transaction once and in order, and when the reader is killed (-9) mid-stream the survivors elect another and their subscribers still see every transaction once, in order. Method: real `node dist/server/main.js` processes on one fresh database with a real Redis (REDIS_URL, else 127.0.0.1:6379; a channel prefix of this file's own), the real graphql-ws client, and charges over HTTP through every process.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subscribe, TRANSACTION_ADDED, type AddedTransaction, type Subscriber } from '../support/subscriber.js';
import { createTestDatabase } from '../support/database.js';
import { buildServer, startServerProcess, type BuiltServer, type ServerProcess } from '../support/server-process.js';
import { until } from '../support/waiting.js';

const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
const READER_LINE = 'This process now reads the outbox for the fleet';
const ADMIN_TOKEN = `test_admin_${randomBytes(16).toString('hex')}`;
const CHARGE = `mutation($input: ChargeInput!) { charge(input: $input) { transaction { sequence } } }`;

let built: BuiltServer;
const servers: ServerProcess[] = [];
const subscribers: Subscriber<AddedTransaction>[] = [];

beforeAll(async () => {
  built = await buildServer();
});
afterAll(async () => {
  await Promise.all(subscribers.map((subscriber) => subscriber.close().catch(() => {})));
  await Promise.all(servers.map((server) => server.stop()));
});

// biome-ignore lint/suspicious/noExplicitAny: GraphQL response data, checked by each caller.
async function graphql(server: ServerProcess, token: string, query: string, variables: Record<string, unknown>): Promise<any> {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: unknown; errors?: unknown[] };
  if (body.errors?.length) throw new Error(`GraphQL errors from ${server.url}: ${JSON.stringify(body.errors)}`);
  return body.data;
}

/** `count` charges one after another through `server`. */
async function charges(server: ServerProcess, key: string, walletId: string, count: number): Promise<void> {
  for (let index = 0; index < count; index++) await graphql(server, key, CHARGE, { input: { walletId, amount: '0.01' } });
}

function expectEveryTransactionOnceInOrder(subscriber: Subscriber<AddedTransaction>, last: number): void {
  expect(subscriber.errors).toEqual([]);
  expect(subscriber.received.map((transaction) => Number(transaction.sequence))).toEqual(
    Array.from({ length: last - 1 }, (_, index) => index + 2),
  );
}

describe('three processes sharing a Redis', () => {
  it('one reader feeds every subscriber; killed mid-stream, another takes over and nothing is lost or repeated', async () => {
    const databaseUrl = await createTestDatabase();
    const env = {
      DATABASE_URL: databaseUrl,
      PLATFORM_ADMIN_TOKEN: ADMIN_TOKEN,
      REDIS_URL,
      REDIS_KEY_PREFIX: `test-fleet-processes-${randomBytes(4).toString('hex')}:`,
      RETENTION_ENABLED: '0',
    };
    servers.push(...(await Promise.all([1, 2, 3].map(() => startServerProcess(built.mainFile, env, 120_000)))));
    await until('one process to become the reader', () => servers.some((server) => server.output().includes(READER_LINE)));
    const reader = servers.find((server) => server.output().includes(READER_LINE))!;
    const survivors = servers.filter((server) => server !== reader);

    const created = await graphql(
      servers[0]!,
      ADMIN_TOKEN,
      'mutation($input: CreateAccountInput!) { createAccount(input: $input) { wallet { id } apiKey } }',
      { input: { name: 'Fleet', currency: 'USD' } },
    );
    const walletId: string = created.createAccount.wallet.id;
    const key: string = created.createAccount.apiKey;
    await graphql(servers[1]!, ADMIN_TOKEN, 'mutation($input: AdjustWalletInput!) { adjustWallet(input: $input) { transaction { id } } }', {
      input: { walletId, amount: '100', reason: 'Fleet test funding' },
    });
    for (const server of servers) {
      subscribers.push(subscribe(server.url, key, TRANSACTION_ADDED, { walletId, afterSequence: '1' }, (d) => d.transactionAdded));
    }

    // Every process commits; every subscriber sees every charge once, in order.
    await Promise.all(servers.map((server) => charges(server, key, walletId, 5)));
    await Promise.all(subscribers.map((subscriber) => subscriber.waitFor(15)));
    for (const subscriber of subscribers) expectEveryTransactionOnceInOrder(subscriber, 16);

    // Charges keep flowing through the survivors while the reader is killed.
    const survivorSubscribers = survivors.map((server) => subscribers[servers.indexOf(server)]!);
    const flowing = Promise.all(survivors.map((server) => charges(server, key, walletId, 20)));
    await until('charges to flow again', () => survivorSubscribers[0]!.received.length >= 19);
    const killedAt = performance.now();
    reader.child.kill('SIGKILL');
    await until('a survivor to become the reader', () => survivors.some((server) => server.output().includes(READER_LINE)), 10_000, 2);
    const failoverMs = performance.now() - killedAt;
    await flowing;
    await Promise.all(survivorSubscribers.map((subscriber) => subscriber.waitFor(55)));
    for (const subscriber of survivorSubscribers) expectEveryTransactionOnceInOrder(subscriber, 56);
    expect(survivors.filter((server) => server.output().includes(READER_LINE))).toHaveLength(1);
    console.log(`Fail-over: a survivor read the outbox ${failoverMs.toFixed(0)} ms after the reader was killed.`);
    // The lock is released when PostgreSQL sees the killed process's socket close: well within the stream's stale time.
    expect(failoverMs).toBeLessThan(3_000);
    for (const server of survivors) expect(server.output()).not.toMatch(/error/i);
    // Three processes starting at once on 2 shared cores take most of the time.
  }, 180_000);
});
