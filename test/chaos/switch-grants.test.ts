// Goal: while PostgreSQL is unreachable a call still stops within one increment of its grant, because the switch enforces it (bench/chaos/switch.ts: hang up at the last fundedUntil seen), and after recovery the books end it exactly at the grant the switch held and bill exactly its funded seconds, whether its wallet could have paid on (the clock does not extend a grant that lapsed) or not; and a switch that never sees an extension reports its hang-up at the old grant as endCall's endedAt, so the books bill only to that grant. Method: the real server over HTTP with the real clock and its billing clock, reaching its own PostgreSQL through a loopback TCP proxy stalled for 10 s (no reset, silence), the storm's switch simulator polling callGrants, the books read with SQL, the ledger invariants last.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../../bench/chaos/api-client.js';
import { SwitchSimulator, type SwitchCall } from '../../bench/chaos/switch.js';
import { sql } from '../../server/database/sql.js';
import { createTestDatabase } from '../support/database.js';
import { startNetworkCut, type NetworkCut } from '../support/network-cut.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { until } from '../support/waiting.js';

/** How long the network to PostgreSQL stalls: longer than a 6 s increment, so every grant held when it starts runs out in it. */
const STALL_MS = 10_000;
const INCREMENT_SECONDS = 6;

const START_CALL = 'mutation S($input: StartCallInput!) { startCall(input: $input) { call { id status fundedUntil } } }';

const selectCallBooks = sql<
  {
    status: string;
    end_reason: string | null;
    started_ms: number;
    ended_ms: number | null;
    funded_seconds: number;
    billed_seconds: number;
    cost_micros: string;
  },
  { callId: string }
>(
  `select status, end_reason, (extract(epoch from started_at) * 1000)::float8 as started_ms, (extract(epoch from ended_at) * 1000)::float8 as ended_ms,
          funded_seconds, billed_seconds, cost_micros::text from call where id = :callId`,
);

let proxy: NetworkCut;
let t: TestApp;
let api: ApiClient;
let callSwitch: SwitchSimulator;
beforeAll(async () => {
  const databaseUrl = new URL(await createTestDatabase());
  proxy = await startNetworkCut(`http://127.0.0.1:${databaseUrl.port}`);
  databaseUrl.port = new URL(proxy.url).port;
  t = await startTestApp(
    {
      billingClockEnabled: true,
      // Requests caught in the stall answer a retryable 503 within seconds, as in production.
      operationDeadlineMs: 3_000,
      databaseStatementTimeoutMs: 1_000,
      databaseQueryTimeoutMs: 2_000,
      databaseConnectTimeoutMs: 1_000,
      databasePoolAcquireTimeoutMs: 2_000,
    },
    { databaseUrl: databaseUrl.toString().replace('localhost', '127.0.0.1') },
  );
  api = new ApiClient({ ports: [Number(new URL(t.url).port)] }, 4);
  callSwitch = new SwitchSimulator({ api, pollToken: t.adminToken });
}, 120_000);
afterAll(async () => {
  proxy?.unstall();
  callSwitch?.close();
  api?.close();
  await t?.close();
  await proxy?.close();
});

/** A fresh account whose wallet holds `balance`, with a running campaign at 0.60 a minute in 6-second increments (0.06 each). */
async function dialer(balance: string) {
  const account = await t.createAccount('Switch');
  await t.fund(account.walletId, balance);
  const ratePlanId = await t.createRatePlan([
    { prefix: '', perMinute: '0.60', firstIncrementSeconds: INCREMENT_SECONDS, nextIncrementSeconds: INCREMENT_SECONDS },
  ]);
  const campaignId = await t.runningCampaign(account.ownerKey, account.walletId, ratePlanId);
  return { ...account, campaignId };
}

/** Places a call through the API and puts it through the switch with the grant startCall answered. */
async function placeCall(token: string, campaignId: string): Promise<SwitchCall> {
  const outcome = await api.run(token, START_CALL, { input: { campaignId, to: '+447700900123' } });
  if (outcome.kind !== 'ok') throw new Error(`startCall: ${JSON.stringify(outcome)}`);
  const call = outcome.data.startCall.call as { id: string; status: string; fundedUntil: string };
  expect(call.status).toBe('ACTIVE');
  callSwitch.connect(call.id, token, call.fundedUntil);
  return callSwitch.calls.get(call.id)!;
}

describe(`PostgreSQL unreachable for ${STALL_MS / 1000} s`, () => {
  it('the switch hangs each call up at its grant meanwhile; after recovery the books end each exactly at that grant, billed exactly its funded seconds', async () => {
    const funded = await dialer('10');
    const short = await dialer('0.06');
    const fundedCall = await placeCall(funded.ownerKey, funded.campaignId);
    // The billing clock extends the funded call one lead (1 s) before its grant ends, and the switch's poll sees it.
    await until('the switch to see the funded call extended', () => fundedCall.extensionsSeen >= 1, 30_000);
    // Its wallet holds one increment: its grant can never be extended.
    const shortCall = await placeCall(short.ownerKey, short.campaignId);

    proxy.stall();
    const stalledAtMs = Date.now();
    const grants = { funded: fundedCall.grantMs, short: shortCall.grantMs };
    try {
      // Both grants end inside the stall: nothing the server does can reach the switch before they do.
      expect(grants.funded).toBeGreaterThan(stalledAtMs);
      expect(grants.short).toBeGreaterThan(stalledAtMs);
      expect(Math.max(grants.funded, grants.short)).toBeLessThan(stalledAtMs + STALL_MS - 1_000);
      await until(
        'the switch to hang both calls up',
        () => !callSwitch.isUp(fundedCall.callId) && !callSwitch.isUp(shortCall.callId),
        STALL_MS,
      );
      // The stall lasts its time whatever the switch does meanwhile.
      await until('the stall to last its time', () => Date.now() - stalledAtMs >= STALL_MS, STALL_MS + 5_000, 50);
    } finally {
      proxy.unstall();
    }
    for (const call of [fundedCall, shortCall]) {
      expect(call.stopCause).toBe('grant');
      // Hung up on the switch's own timer, at its grant (within one increment; in practice within its 20 ms tick plus the event loop's delay).
      expect(call.stoppedAtMs! - call.grantMs).toBeGreaterThanOrEqual(0);
      expect(call.stoppedAtMs! - call.grantMs).toBeLessThanOrEqual(INCREMENT_SECONDS * 1000);
      expect(call.stoppedAtMs!).toBeLessThan(stalledAtMs + STALL_MS);
    }

    // After the stall the switch's endCalls (retried with the same call id) go through.
    await callSwitch.endAll();
    expect(fundedCall.endAcknowledged && shortCall.endAcknowledged).toBe(true);
    const em = t.app.orm.em.fork();
    const fundedBooks = await selectCallBooks.one(em, { callId: fundedCall.callId });
    const shortBooks = await selectCallBooks.one(em, { callId: shortCall.callId });

    // The unfundable call: ended exactly at the grant the switch held, billed exactly its funded seconds (one increment, 0.06).
    expect(shortBooks.status).not.toBe('ACTIVE');
    expect(shortBooks.ended_ms).toBe(shortBooks.started_ms + shortBooks.funded_seconds * 1000);
    expect(Math.abs(shortBooks.ended_ms! - grants.short)).toBeLessThanOrEqual(1);
    expect(shortBooks.funded_seconds).toBe(INCREMENT_SECONDS);
    expect(shortBooks.billed_seconds).toBe(INCREMENT_SECONDS);
    expect(shortBooks.cost_micros).toBe('60000');

    // The funded call: its wallet could have paid on, but its grant lapsed in the stall, so it was not extended after the fact:
    // it ends as the switch hung it up, at that grant, billed exactly its funded seconds (a hang-up: its campaign runs on).
    expect(fundedBooks).toMatchObject({ status: 'COMPLETED', end_reason: 'HANGUP' });
    expect(fundedBooks.ended_ms).toBe(fundedBooks.started_ms + fundedBooks.funded_seconds * 1000);
    expect(Math.abs(fundedBooks.ended_ms! - grants.funded)).toBeLessThanOrEqual(1);
    expect(fundedBooks.billed_seconds).toBe(fundedBooks.funded_seconds);
    expect(fundedCall.stoppedAtMs! - fundedBooks.ended_ms!).toBeLessThanOrEqual(INCREMENT_SECONDS * 1000);
    console.log(
      `switch grants: the funded call hung up ${(fundedCall.stoppedAtMs! - grants.funded).toFixed(0)} ms after its grant, ` +
        `the books end it ${((fundedBooks.ended_ms! - fundedCall.stoppedAtMs!) / 1000).toFixed(1)} s after that (funded ${fundedBooks.funded_seconds} s, billed ${fundedBooks.billed_seconds} s); ` +
        `the unfundable call hung up ${(shortCall.stoppedAtMs! - grants.short).toFixed(0)} ms after its grant, ended ${shortBooks.status} ${shortBooks.end_reason}`,
    );
    await t.assertLedger();
  }, 120_000);
});

describe('a switch that never sees an extension', () => {
  it("hangs up at its first grant and reports that time as endCall's endedAt: the books end the call there, billed one increment, the extension's reservation released", async () => {
    // Polls once an hour: the server's extension never reaches it.
    const blind = new SwitchSimulator({ api, pollToken: t.adminToken, pollIntervalMs: 3_600_000 });
    try {
      const owner = await dialer('1');
      const outcome = await api.run(owner.ownerKey, START_CALL, { input: { campaignId: owner.campaignId, to: '+447700900123' } });
      if (outcome.kind !== 'ok') throw new Error(`startCall: ${JSON.stringify(outcome)}`);
      const started = outcome.data.startCall.call as { id: string; fundedUntil: string };
      blind.connect(started.id, owner.ownerKey, started.fundedUntil);
      const call = blind.calls.get(started.id)!;
      const GRANTS = 'query($ids: [ID!]!) { callGrants(ids: $ids) { grants { fundedUntil } } }';
      await until(
        'the billing clock to extend the call',
        async () => (await t.ok(owner.ownerKey, GRANTS, { ids: [call.callId] })).callGrants.grants[0].fundedUntil !== started.fundedUntil,
        30_000,
        50,
      );
      await until('the switch to hang the call up at its grant', () => !blind.isUp(call.callId), 30_000);
      expect(call).toMatchObject({ stopCause: 'grant', extensionsSeen: 0 });
      await blind.endAll();
      expect(call.endAcknowledged).toBe(true);
      const books = await selectCallBooks.one(t.app.orm.em.fork(), { callId: call.callId });
      // Funded 12 s (the extension), ended and billed at the grant the switch held: 6 s, 0.06; the extension's 0.06 released.
      expect(books).toMatchObject({
        status: 'COMPLETED',
        end_reason: 'HANGUP',
        funded_seconds: 12,
        billed_seconds: 6,
        cost_micros: '60000',
      });
      expect(books.ended_ms).toBe(call.grantMs);
      const WALLET = 'query($id: ID!) { wallet(id: $id) { balance reserved } }';
      expect((await t.ok(owner.ownerKey, WALLET, { id: owner.walletId })).wallet).toEqual({ balance: '0.94', reserved: '0' });
      await t.assertLedger();
    } finally {
      blind.close();
    }
  }, 60_000);
});
