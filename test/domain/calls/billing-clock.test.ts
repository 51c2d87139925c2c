// Goal: the billing clock extends a batch of due calls with one statement per table whatever the batch's size
// (5 calls of one wallet, then 55 calls of two wallets and campaigns); method: the real server with its clock
// stepped by hand, every statement the process sends recorded with its connection (pg.Client#query wrapped),
// and the batch's transaction read off the connection that began it.
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Role } from '../../../server/domain/accounts/role.js';
import { startCall } from '../../../server/domain/calls/call.service.js';
import { ManualClock } from '../../../server/domain/calls/clock.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';

let t: TestApp;
const clock = new ManualClock();
const originalQuery = pg.Client.prototype.query;
let sent: { client: pg.Client; text: string }[] | null = null;

beforeAll(async () => {
  // Background work is off (or far apart) so that only the clock's statements are recorded.
  t = await startTestApp(
    {
      billingClockEnabled: false,
      alertsEnabled: false,
      outboxPollIntervalMs: 3_600_000,
      socketCredentialCheckIntervalMs: 3_600_000,
      rateLimitsEnabled: false,
    },
    { clock },
  );
  pg.Client.prototype.query = function recordingQuery(this: pg.Client, ...args: unknown[]) {
    const [config] = args;
    sent?.push({ client: this, text: typeof config === 'string' ? config : String((config as { text?: string })?.text ?? '') });
    return (originalQuery as (...all: unknown[]) => unknown).apply(this, args);
  } as typeof pg.Client.prototype.query;
});
afterAll(async () => {
  pg.Client.prototype.query = originalQuery;
  await t?.close();
});

/** Starts `count` calls of a new, funded account's running campaign at 0.60/min 1/1. */
async function startCalls(count: number): Promise<void> {
  const { accountId, walletId, ownerKey } = await t.createAccount();
  await t.fund(walletId, '100');
  const ratePlanId = await t.createRatePlan([{ prefix: '', perMinute: '0.6', firstIncrementSeconds: 1, nextIncrementSeconds: 1 }]);
  const campaignId = await t.runningCampaign(ownerKey, walletId, ratePlanId);
  const principal = { role: Role.OWNER, accountId, apiKeyId: null, actor: 'test' };
  for (let i = 0; i < count; i++) {
    await startCall(t.app.orm.em.fork(), t.app.spend.callDeps, { principal, campaignId, to: `+4477009${String(i).padStart(5, '0')}` });
  }
}

/** Steps the clock one second and runs the due calls; the statements of each batch transaction (begin … commit). */
async function batchStatements(): Promise<{ extended: number; batches: string[][] }> {
  clock.advance(1_000);
  sent = [];
  try {
    const pass = await t.app.spend.billingClock.runDue();
    const batches: string[][] = [];
    sent.forEach((statement, index) => {
      if (!/^begin\b/.test(statement.text)) return;
      const rest = sent!.slice(index).filter((other) => other.client === statement.client);
      const end = rest.findIndex((other) => other.text === 'commit');
      batches.push(rest.slice(0, end + 1).map((other) => other.text.trim().split(/\s+/).slice(0, 2).join(' ')));
    });
    return { extended: pass.extended, batches };
  } finally {
    sent = null;
  }
}

/**
 * A batch's statements by their first words: begin (with the claim timeout set local) and the claim of the calls (its first
 * round trip), lock wallets, their spend caps (none here) and campaigns (the second), then write the calls' meters, the
 * wallets' reserved credit, and the campaigns' counters with their change events in the outbox (one statement), and commit
 * (the third).
 */
const ONE_PER_TABLE = [
  'begin; set',
  'select c.id,',
  'select id,',
  'select w.id',
  'select id,',
  'update call_meter',
  'update wallet',
  'with m',
  'commit',
];

it('extends 5 calls and 55 calls with the same statements: one per table, in one transaction per batch', async () => {
  await t.app.spend.billingClock.runDue(); // the first pass reads the active calls (a rescan) before anything is counted
  await startCalls(5);
  // A second of 1/1 calls is one or two increments each (the clock reserves ahead by its lead time): one batch per round.
  const small = await batchStatements();
  expect(small.batches.length).toBeGreaterThan(0);
  expect(small.extended).toBe(5 * small.batches.length);
  for (const batch of small.batches) expect(batch).toEqual(ONE_PER_TABLE);

  await startCalls(50);
  const large = await batchStatements();
  expect(large.batches.length).toBeGreaterThan(0);
  expect(large.extended).toBeGreaterThanOrEqual(55);
  for (const batch of large.batches) expect(batch).toEqual(ONE_PER_TABLE);
  await t.assertLedger();
});
