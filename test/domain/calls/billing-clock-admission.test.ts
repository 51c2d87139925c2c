// Goal: on a host at its capacity, new calls wait rather than the calls already up. A billing clock
// more than `billingClockLeadMs` behind lets grants run out, and every call it takes on makes it later:
// the call set-up benchmark's dialer (550–685 startCall/s in the clock's process, 2 cores) left the clock
// unable to keep up, and 13,000 of 15,000 funded calls were hung up as their grants lapsed. While the clock is
// more than `billingClockAdmissionBehindMs` late, startCall, startCalls and startInboundCall answer
// BILLING_CLOCK_BEHIND (retryable, HTTP 503 with Retry-After) and write nothing.
// Method: the boundary on a clock's schedule stepped by hand (ManualClock); then the real server with
// its real clock held up by a row lock on one account's wallet (its batch waits for it, as behind a
// slow database), a second account's starts refused over HTTP, and admitted once the lock is gone.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../server/config.js';
import { BillingClock } from '../../../server/domain/calls/billing-clock.js';
import { ManualClock } from '../../../server/domain/calls/clock.js';
import { ErrorCode } from '../../../server/errors.js';
import { newCallCampaign } from '../../support/call-fixtures.js';
import { runSql } from '../../support/sql.js';
import { JOBS_BY_HAND, startTestApp, type TestApp } from '../../support/test-app.js';
import { until } from '../../support/waiting.js';

/** The refusal threshold here, ms: short, so that a held-up clock crosses it quickly. */
const ADMISSION_BEHIND_MS = 100;

describe('the threshold (billingClockAdmissionBehindMs)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(JOBS_BY_HAND);
  });
  afterAll(async () => {
    await t?.close();
  });

  /** A clock of its own on a hand-stepped time, with one call on its schedule due at `dueAtMs`. */
  function clockWithOneCallDue(admissionBehindMs: number, dueAtMs: number): { billing: BillingClock; clock: ManualClock } {
    const clock = new ManualClock(dueAtMs);
    const billing = new BillingClock({
      em: t.app.orm.em,
      clock,
      config: loadConfig({}, { billingClockAdmissionBehindMs: admissionBehindMs }),
      committed: () => {},
      postings: t.app.spend.callDeps.postings,
    });
    billing.track('00000000-0000-4000-8000-000000000001', dueAtMs);
    return { billing, clock };
  }

  it('defaults to 250 ms', () => {
    expect(loadConfig({}).billingClockAdmissionBehindMs).toBe(250);
    expect(loadConfig({ BILLING_CLOCK_ADMISSION_BEHIND_MS: '40' }).billingClockAdmissionBehindMs).toBe(40);
    expect(() => loadConfig({ BILLING_CLOCK_ADMISSION_BEHIND_MS: '-1' })).toThrow(/BILLING_CLOCK_ADMISSION_BEHIND_MS/);
  });

  it('admits at the threshold and refuses one millisecond past it', () => {
    const dueAtMs = 1_000_000;
    const { billing, clock } = clockWithOneCallDue(ADMISSION_BEHIND_MS, dueAtMs);
    expect(billing.behindMs()).toBe(0);
    clock.advance(ADMISSION_BEHIND_MS);
    expect(billing.behindMs()).toBe(ADMISSION_BEHIND_MS);
    expect(billing.admission()).toBeNull();
    clock.advance(1);
    const refusal = billing.admission();
    expect(refusal).toMatchObject({
      code: ErrorCode.BILLING_CLOCK_BEHIND,
      extensions: { behindMs: ADMISSION_BEHIND_MS + 1, limit: 'billingClockAdmissionBehindMs', max: ADMISSION_BEHIND_MS, retryable: true },
    });
  });

  it('does not count a call ended in this process as late', () => {
    const { billing, clock } = clockWithOneCallDue(ADMISSION_BEHIND_MS, 1_000_000);
    clock.advance(60_000);
    expect(billing.admission()).not.toBeNull();
    billing.ended('00000000-0000-4000-8000-000000000001');
    expect(billing.behindMs()).toBe(0);
    expect(billing.admission()).toBeNull();
  });

  it('never refuses with 0, nor while the clock is not running', () => {
    const off = clockWithOneCallDue(0, 1_000_000);
    off.clock.advance(60_000);
    expect(off.billing.behindMs()).toBe(60_000);
    expect(off.billing.admission()).toBeNull();

    const stopped = clockWithOneCallDue(ADMISSION_BEHIND_MS, 1_000_000);
    stopped.clock.advance(60_000);
    expect(stopped.billing.admission()).not.toBeNull();
    expect(() => stopped.billing.admit()).not.toThrow();
    expect(stopped.billing.admissionRefusals).toBe(0);
  });
});

describe('a running clock held up', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ billingClockAdmissionBehindMs: ADMISSION_BEHIND_MS });
  });
  afterAll(async () => {
    await t?.close();
  });

  const START_CALL = 'mutation($input: StartCallInput!) { startCall(input: $input) { call { id status } } }';
  const START_INBOUND = 'mutation($input: StartInboundCallInput!) { startInboundCall(input: $input) { call { id status } } }';
  const PURCHASE = 'mutation($input: PurchaseNumberInput!) { purchaseNumber(input: $input) { phoneNumber { id } } }';
  const START_CALLS =
    'mutation($input: StartCallsInput!) { startCalls(input: $input) { activeCount failedCount results { index status error { code } } } }';

  async function post(token: string, query: string, variables: Record<string, unknown>) {
    const response = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    // biome-ignore lint/suspicious/noExplicitAny: a GraphQL answer read by the test.
    return { status: response.status, retryAfter: response.headers.get('retry-after'), body: (await response.json()) as any };
  }

  async function callsOf(accountId: string): Promise<number> {
    const [row] = await runSql<{ n: number }>(t.app.orm.em.fork(), 'select count(*)::int as n from call where account_id = $1', [
      accountId,
    ]);
    return row!.n;
  }

  it('refuses new calls while it is late, writes nothing for them, and admits them once it has caught up', async () => {
    const billingClock = t.app.spend.billingClock;
    const held = await newCallCampaign(t, '10', '+4477031');
    const other = await newCallCampaign(t, '10', '+4477032');
    await held.start();
    // A number of the other account's, for its inbound calls.
    const numberPlanId = await t.createRatePlan([
      {
        prefix: '44',
        perMinute: '0.6',
        firstIncrementSeconds: 1,
        nextIncrementSeconds: 1,
        numberPurchase: '1',
        numberMonthly: '1',
        inboundPerMinute: '0.6',
      },
    ]);
    const numberId = (
      await t.ok(other.ownerKey, PURCHASE, { input: { walletId: other.walletId, ratePlanId: numberPlanId, number: '+447703300001' } })
    ).purchaseNumber.phoneNumber.id;
    // The clock's next batch of the held account's call waits for this lock on its wallet (FOR NO
    // KEY UPDATE against FOR UPDATE), as a batch does behind a slow database; the other account's
    // rows stay free, so its starts would go through if they were admitted.
    const locker = new pg.Client({ connectionString: t.databaseUrl });
    await locker.connect();
    try {
      await locker.query('begin');
      await locker.query('select id from wallet where id = $1 for update', [held.walletId]);
      await until('the clock to run more than the threshold late', () => billingClock.behindMs() > ADMISSION_BEHIND_MS + 20);

      const refused = await post(other.ownerKey, START_CALL, { input: { campaignId: other.campaignId, to: '+447703200001' } });
      expect(refused.status).toBe(503);
      expect(refused.retryAfter).not.toBeNull();
      expect(refused.body.errors[0].extensions).toMatchObject({
        code: 'BILLING_CLOCK_BEHIND',
        limit: 'billingClockAdmissionBehindMs',
        max: ADMISSION_BEHIND_MS,
        retryable: true,
      });
      expect(refused.body.errors[0].extensions.behindMs).toBeGreaterThan(ADMISSION_BEHIND_MS);

      const listed = await post(other.ownerKey, START_CALLS, {
        input: {
          calls: [
            { campaignId: other.campaignId, to: '+447703200002' },
            { campaignId: other.campaignId, to: '+447703200003' },
          ],
        },
      });
      expect(listed.body.data.startCalls).toMatchObject({
        activeCount: 0,
        failedCount: 2,
        results: [
          { index: 0, status: 'FAILED', error: { code: 'BILLING_CLOCK_BEHIND' } },
          { index: 1, status: 'FAILED', error: { code: 'BILLING_CLOCK_BEHIND' } },
        ],
      });
      const inbound = await post(other.ownerKey, START_INBOUND, { input: { numberId, from: '+12025550123' } });
      expect(inbound.status).toBe(503);
      expect(inbound.body.errors[0].extensions).toMatchObject({ code: 'BILLING_CLOCK_BEHIND', retryable: true });
      expect(await callsOf(other.principal.accountId!)).toBe(0);
      // One startCall, two calls of one startCalls and one startInboundCall.
      expect(billingClock.admissionRefusals).toBe(4);
      const metrics = await (await fetch(`${t.url}/metrics`, { headers: { authorization: `Bearer ${t.adminToken}` } })).text();
      expect(Number(/^spendwire_billing_clock_admission_refusals_total (\d+)$/m.exec(metrics)?.[1])).toBe(billingClock.admissionRefusals);
    } finally {
      await locker.query('commit');
      await locker.end();
    }

    await until('the clock to catch up', () => billingClock.behindMs() <= ADMISSION_BEHIND_MS);
    const admitted = await post(other.ownerKey, START_CALL, { input: { campaignId: other.campaignId, to: '+447703200001' } });
    expect(admitted.status).toBe(200);
    expect(admitted.body.data.startCall.call.status).toBe('ACTIVE');
    expect(await callsOf(other.principal.accountId!)).toBe(1);
    await t.assertLedger();
  });
});
