// Goal: in a fleet the durable outbox consumers (the alert processor, the webhook producer) run only on the elected outbox reader, never on processes fed by its stream, and still handle every row exactly once: commits through the followers raise each alert once, and when the reader stops, the process elected next takes the consumers over. Method: three real apps on one fresh database sharing a real Redis (REDIS_URL, else 127.0.0.1:6379; a channel prefix of this file's own), charges over HTTP through the followers that cross the low-balance threshold, the alert table read directly, and each process's counts of scheduled consumer passes run and skipped.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSql } from '../support/sql.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { until } from '../support/waiting.js';

const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
const CHARGE = `mutation($input: ChargeInput!) { charge(input: $input) { transaction { sequence } } }`;
/** Accounts charged below the default 5.00 low-balance threshold in each step. */
const ACCOUNTS = 12;

const apps: TestApp[] = [];
afterAll(async () => {
  for (const app of apps.reverse()) await app.close().catch(() => {});
});

/** The scheduled passes of the two outbox consumers that count passes (alerts, webhook producer). */
function passesOf(app: TestApp): { run: number; skipped: number } {
  return {
    run: app.app.alertProcessor.passesRun + app.app.webhooks.producerPassesRun,
    skipped: app.app.alertProcessor.passesSkipped + app.app.webhooks.producerPassesSkipped,
  };
}

/** `ACCOUNTS` funded accounts, each then charged from 10.00 to 4.00 (below 5.00) through `through`, round robin. */
async function crossThresholds(creator: TestApp, through: TestApp[]): Promise<string[]> {
  const accounts = await Promise.all(
    Array.from({ length: ACCOUNTS }, async () => {
      const account = await creator.createAccount();
      await creator.fund(account.walletId, '10');
      return account;
    }),
  );
  await Promise.all(
    accounts.map((account, index) =>
      through[index % through.length]!.ok(account.ownerKey, CHARGE, { input: { walletId: account.walletId, amount: '6' } }),
    ),
  );
  return accounts.map((account) => account.accountId);
}

/** LOW_BALANCE alerts per account among `accountIds`. */
async function lowBalanceAlerts(app: TestApp, accountIds: string[]): Promise<Map<string, number>> {
  const rows = await runSql<{ account_id: string; count: string }>(
    app.app.orm.em.fork(),
    `select account_id, count(*)::text as count from alert where kind = 'LOW_BALANCE' and account_id = any($1::uuid[]) group by account_id`,
    [accountIds],
  );
  return new Map(rows.map((row) => [row.account_id, Number(row.count)]));
}

describe('durable outbox consumers in a fleet', () => {
  let reader: TestApp;
  let followers: TestApp[];

  beforeAll(async () => {
    const fleet = {
      redisUrl: REDIS_URL,
      redisKeyPrefix: `test-fleet-consumers-${randomBytes(4).toString('hex')}:`,
      outboxPollIntervalMs: 200,
      outboxStreamHeartbeatIntervalMs: 200,
      alertsEnabled: true,
      alertsIntervalMs: 100,
      webhooksEnabled: true,
      webhookProducerIntervalMs: 100,
    };
    reader = await startTestApp(fleet);
    apps.push(reader);
    await until('the first process to become the reader', () => reader.app.fleet!.isReader);
    const shared = { databaseUrl: reader.databaseUrl, adminToken: reader.adminToken };
    followers = [await startTestApp(fleet, shared), await startTestApp(fleet, shared)];
    apps.push(...followers);
  });

  it('run on the reader alone; commits through the followers raise every alert exactly once', async () => {
    await until('the followers to hear the stream', () => followers.every((follower) => !follower.app.events.tail.isSelfReading));
    const selfReadingStarts = followers.map((follower) => follower.app.events.tail.selfReadingStarts);
    const before = followers.map(passesOf);
    const readerBefore = passesOf(reader);

    const accountIds = await crossThresholds(reader, followers);
    await until('every account to have its low-balance alert', async () => (await lowBalanceAlerts(reader, accountIds)).size === ACCOUNTS);
    // A few more scheduled passes: a late second alert would show.
    const runTarget = passesOf(reader).run + 4;
    await until('a few more passes on the reader', () => passesOf(reader).run >= runTarget);
    expect([...(await lowBalanceAlerts(reader, accountIds)).values()]).toEqual(Array(ACCOUNTS).fill(1));

    expect(passesOf(reader).run).toBeGreaterThan(readerBefore.run);
    expect(reader.app.alertProcessor.passesSkipped + reader.app.webhooks.producerPassesSkipped).toBe(0);
    followers.forEach((follower, index) => {
      // A follower that heard no reader for the stale time (a loaded machine's pause) rightly runs
      // them meanwhile; one that heard the stream all along ran none.
      if (follower.app.events.tail.selfReadingStarts === selfReadingStarts[index]) expect(passesOf(follower).run).toBe(before[index]!.run);
      expect(passesOf(follower).skipped).toBeGreaterThan(before[index]!.skipped);
    });
  });

  it('move to the process elected next when the reader stops, still exactly once', async () => {
    await reader.close();
    apps.splice(apps.indexOf(reader), 1);
    await until('a follower to become the reader', () => followers.some((follower) => follower.app.fleet!.isReader));
    const next = followers.find((follower) => follower.app.fleet!.isReader)!;
    const runBefore = passesOf(next).run;

    const accountIds = await crossThresholds(next, followers);
    await until('every account to have its low-balance alert', async () => (await lowBalanceAlerts(next, accountIds)).size === ACCOUNTS);
    const runTarget = passesOf(next).run + 4;
    await until('a few more passes on the new reader', () => passesOf(next).run >= runTarget);
    expect([...(await lowBalanceAlerts(next, accountIds)).values()]).toEqual(Array(ACCOUNTS).fill(1));
    expect(passesOf(next).run).toBeGreaterThan(runBefore);
    await next.assertLedger();
  });
});
