// Goal: daily and monthly spend caps (account and wallet) refuse what would pass them on every spending path (charges,
// calls at start and on the billing clock, message holds), stop campaigns with their own status (STOPPED_SPEND_CAP, resumable), reset at local midnight in the account's timezone (also on a
// DST day), and raise their 80 % and cap alerts once per period. Method: the real server on a fresh database with its
// billing clock stepped by hand (ManualClock), the public API over HTTP, the ledger invariants after money moved.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../server/domain/calls/clock.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import { runSql } from '../../support/sql.js';
import { until } from '../../support/waiting.js';

const CHARGE = `mutation($input: ChargeInput!) { charge(input: $input) { transaction { id } wallet { balance } } }`;
const SET_CAPS = `mutation($input: SetSpendCapsInput!) {
  setSpendCaps(input: $input) { spendCap { scope walletId currency daily { cap spent startsOn resetsAt } monthly { cap spent startsOn resetsAt } } }
}`;
const CAPS = `query { spendCaps { accountId timezone caps { scope walletId currency daily { cap spent startsOn resetsAt } monthly { cap spent } } } }`;
const START_CALL = `mutation($input: StartCallInput!) { startCall(input: $input) { call { id status endReason } } }`;
const END_CALL = `mutation($input: EndCallInput!) { endCall(input: $input) { call { id status cost } } }`;
const CALL = `query($id: ID!) { call(id: $id) { status endReason billedSeconds cost } }`;
const ALERTS = `query { alerts(first: 50) { edges { node { kind message amount } } } }`;

let t: TestApp;
// Saturday 7 March 2026, 12:00 UTC: New York switches to daylight time on Sunday 8 March at 02:00 local.
const clock = new ManualClock(Date.UTC(2026, 2, 7, 12, 0, 0));

beforeAll(async () => {
  // The hand-stepped time jumps hours at once (to a local midnight) while the billing clock runs on
  // it: the calls still on its schedule would read as hours late and new calls be refused
  // (BILLING_CLOCK_BEHIND, tested in billing-clock-admission.test.ts), which no real clock does.
  t = await startTestApp({ alertsIntervalMs: 50, billingClockAdmissionBehindMs: 0 }, { clock });
});
afterAll(async () => {
  await t?.close();
});

const CAMPAIGN_STATUS = `query($id: ID!) { campaign(id: $id) { status } }`;
const START_CAMPAIGN = `mutation($id: ID!) { startCampaign(id: $id) { campaign { status } } }`;

async function campaignStatus(key: string, campaignId: string): Promise<string> {
  return (await t.ok(key, CAMPAIGN_STATUS, { id: campaignId })).campaign.status;
}

async function startCampaign(key: string, campaignId: string): Promise<string> {
  return (await t.ok(key, START_CAMPAIGN, { id: campaignId })).startCampaign.campaign.status;
}

async function alertKinds(key: string): Promise<string[]> {
  const data = await t.ok(key, ALERTS);
  return data.alerts.edges.map((edge: { node: { kind: string } }) => edge.node.kind).sort();
}

describe('setting caps', () => {
  it('owners set and lift caps of a wallet and of the account; bad input, other roles and foreign wallets change nothing', async () => {
    const { accountId, walletId, ownerKey } = await t.createAccount('Caps settings');
    const set = await t.ok(ownerKey, SET_CAPS, { input: { walletId, daily: '10', monthly: '100' } });
    expect(set.setSpendCaps.spendCap).toMatchObject({ scope: 'WALLET', walletId, currency: 'USD', daily: { cap: '10', spent: '0' } });
    const account = await t.ok(ownerKey, SET_CAPS, { input: { currency: 'USD', daily: '0' } });
    expect(account.setSpendCaps.spendCap).toMatchObject({ scope: 'ACCOUNT', walletId: null, daily: { cap: '0' }, monthly: { cap: null } });

    const caps = await t.ok(ownerKey, CAPS);
    expect(caps.spendCaps).toMatchObject({ accountId, timezone: 'UTC' });
    expect(caps.spendCaps.caps.map((c: { scope: string }) => c.scope)).toEqual(['ACCOUNT', 'WALLET']);

    const negative = await t.graphql(ownerKey, SET_CAPS, { input: { walletId, daily: '-1' } });
    expect(negative.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'daily' });
    const noCurrency = await t.graphql(ownerKey, SET_CAPS, { input: { daily: '1' } });
    expect(noCurrency.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'currency' });
    const integrator = await t.createKey(accountId, 'INTEGRATOR');
    expect((await t.graphql(integrator.secret, SET_CAPS, { input: { walletId, daily: '1' } })).errors?.[0]?.extensions?.code).toBe(
      'FORBIDDEN',
    );
    const other = await t.createAccount('Someone else');
    expect((await t.graphql(other.ownerKey, SET_CAPS, { input: { walletId, daily: '1' } })).errors?.[0]?.extensions?.code).toBe(
      'NOT_FOUND',
    );

    const after = await t.ok(ownerKey, CAPS);
    expect(after.spendCaps.caps[1].daily.cap).toBe('10');
    // Lifting: null caps.
    const lifted = await t.ok(ownerKey, SET_CAPS, { input: { currency: 'USD', daily: null, monthly: null } });
    expect(lifted.setSpendCaps.spendCap.daily.cap).toBeNull();
  });

  it('a cap of spendCapMicrosMax is accepted, one micro more is refused', async () => {
    const { walletId, ownerKey } = await t.createAccount('Caps boundary');
    const max = t.config.spendCapMicrosMax;
    const text = (micros: bigint) => `${micros / 1_000_000n}.${(micros % 1_000_000n).toString().padStart(6, '0')}`;
    await t.ok(ownerKey, SET_CAPS, { input: { walletId, monthly: text(max) } });
    const over = await t.graphql(ownerKey, SET_CAPS, { input: { walletId, monthly: text(max + 1n) } });
    expect(over.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'monthly' });
  });

  it('the timezone is an IANA name PostgreSQL knows; anything else is refused', async () => {
    const { ownerKey } = await t.createAccount('Timezone');
    const set = await t.ok(ownerKey, `mutation { setAccountTimezone(timezone: "Europe/London") { timezone } }`);
    expect(set.setAccountTimezone.timezone).toBe('Europe/London');
    const bad = await t.graphql(ownerKey, `mutation { setAccountTimezone(timezone: "Mars/Olympus") { timezone } }`);
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'timezone' });
    expect((await t.ok(ownerKey, CAPS)).spendCaps.timezone).toBe('Europe/London');
  });
});

describe('charges', () => {
  it('spending exactly the daily cap passes; 0.000001 more is refused SPEND_CAP_REACHED and writes nothing', async () => {
    const { walletId, ownerKey } = await t.createAccount('Charge boundary');
    await t.fund(walletId, '100');
    await t.ok(ownerKey, SET_CAPS, { input: { walletId, daily: '10' } });
    await t.ok(ownerKey, CHARGE, { input: { walletId, amount: '9.999999' } });
    await t.ok(ownerKey, CHARGE, { input: { walletId, amount: '0.000001' } });
    const refused = await t.graphql(ownerKey, CHARGE, { input: { walletId, amount: '0.000001' } });
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'SPEND_CAP_REACHED',
      scope: 'WALLET',
      period: 'DAY',
      cap: '10',
      committed: '10',
      requested: '0.000001',
    });
    const wallet = await t.ok(ownerKey, `query($id: ID!) { wallet(id: $id) { balance sequence } }`, { id: walletId });
    expect(wallet.wallet).toEqual({ balance: '90', sequence: '3' });
    // Lifting the cap lets the charge through.
    await t.ok(ownerKey, SET_CAPS, { input: { walletId, daily: null } });
    await t.ok(ownerKey, CHARGE, { input: { walletId, amount: '0.000001' } });
    await t.assertLedger();
  });

  it("the account's monthly cap in the wallet's currency counts too; a refusal for funds comes before the cap", async () => {
    const { walletId, ownerKey } = await t.createAccount('Account cap');
    await t.fund(walletId, '5');
    await t.ok(ownerKey, SET_CAPS, { input: { currency: 'USD', monthly: '3' } });
    await t.ok(ownerKey, CHARGE, { input: { walletId, amount: '3' } });
    const poor = await t.graphql(ownerKey, CHARGE, { input: { walletId, amount: '2.5' } });
    expect(poor.errors?.[0]?.extensions?.code).toBe('INSUFFICIENT_FUNDS');
    const capped = await t.graphql(ownerKey, CHARGE, { input: { walletId, amount: '1' } });
    expect(capped.errors?.[0]?.extensions).toMatchObject({ code: 'SPEND_CAP_REACHED', scope: 'ACCOUNT', period: 'MONTH' });
  });

  it('64 concurrent charges racing a cap of 40: exactly 40 pass, never above the cap, ledger intact', async () => {
    const { walletId, ownerKey } = await t.createAccount('Charge race');
    await t.fund(walletId, '100');
    await t.ok(ownerKey, SET_CAPS, { input: { walletId, daily: '40' } });
    await t.ok(ownerKey, SET_CAPS, { input: { currency: 'USD', daily: '50' } });
    const responses = await Promise.all(
      Array.from({ length: 64 }, () => t.graphql(ownerKey, CHARGE, { input: { walletId, amount: '1' } })),
    );
    expect(responses.filter((r) => r.data?.charge)).toHaveLength(40);
    expect(responses.filter((r) => r.errors?.[0]?.extensions?.code === 'SPEND_CAP_REACHED')).toHaveLength(24);
    const caps = await t.ok(ownerKey, CAPS);
    expect(caps.spendCaps.caps.map((c: { daily: { spent: string } }) => c.daily.spent)).toEqual(['40', '40']);
    const wallet = await t.ok(ownerKey, `query($id: ID!) { wallet(id: $id) { balance } }`, { id: walletId });
    expect(wallet.wallet.balance).toBe('60');
    await t.assertLedger();
  });

  it("8 wallets of one account racing the account's cap of 30 (64 charges, batched together): exactly 30 pass", async () => {
    const { accountId, walletId, ownerKey } = await t.createAccount('Account race');
    const [{ ids }] = await runSql(
      t.app.orm.em.fork(),
      `with made as (insert into wallet (id, account_id, currency) select gen_random_uuid(), $1, 'USD' from generate_series(2, 8) returning id)
       select array_agg(id::text) as ids from made`,
      [accountId],
    );
    const wallets: string[] = [walletId, ...ids];
    for (const id of wallets) await t.fund(id, '20');
    await t.ok(ownerKey, SET_CAPS, { input: { currency: 'USD', daily: '30' } });
    const responses = await Promise.all(
      Array.from({ length: 64 }, (_, i) => t.graphql(ownerKey, CHARGE, { input: { walletId: wallets[i % 8], amount: '1' } })),
    );
    expect(responses.filter((r) => r.data?.charge)).toHaveLength(30);
    expect(responses.filter((r) => r.errors?.[0]?.extensions?.code === 'SPEND_CAP_REACHED')).toHaveLength(34);
    const [{ spent }] = await runSql(
      t.app.orm.em.fork(),
      `select coalesce(sum(amount_micros), 0)::text as spent from wallet_transaction where account_id = $1 and kind = 'CHARGE'`,
      [accountId],
    );
    expect(spent).toBe('30000000');
    expect((await t.ok(ownerKey, CAPS)).spendCaps.caps[0].daily.spent).toBe('30');
    await t.assertLedger();
  });

  it('80 % and the cap each raise one alert per period (webhook and e-mail follow the alert)', async () => {
    const { walletId, ownerKey } = await t.createAccount('Alerts');
    await t.fund(walletId, '100');
    await t.ok(ownerKey, SET_CAPS, { input: { walletId, daily: '10' } });
    await t.ok(ownerKey, CHARGE, { input: { walletId, amount: '7.99' } });
    await t.ok(ownerKey, CHARGE, { input: { walletId, amount: '0.01' } });
    await until('the 80 % alert', async () => (await alertKinds(ownerKey)).includes('SPEND_CAP_WARNING'));
    await t.ok(ownerKey, CHARGE, { input: { walletId, amount: '1' } });
    await t.ok(ownerKey, CHARGE, { input: { walletId, amount: '1' } });
    await until('the cap alert', async () => (await alertKinds(ownerKey)).includes('SPEND_CAP_REACHED'));
    // More refusals in the same period raise nothing new.
    for (let i = 0; i < 3; i++) {
      expect((await t.graphql(ownerKey, CHARGE, { input: { walletId, amount: '1' } })).errors?.[0]?.extensions?.code).toBe(
        'SPEND_CAP_REACHED',
      );
    }
    // The processor reads the outbox in commit order: once a later account's alert is raised, the refusals were read.
    const later = await t.createAccount('Alerts, later');
    await t.fund(later.walletId, '10');
    await t.ok(later.ownerKey, SET_CAPS, { input: { walletId: later.walletId, daily: '1' } });
    await t.ok(later.ownerKey, CHARGE, { input: { walletId: later.walletId, amount: '0.9' } });
    await until('the later alert', async () => (await alertKinds(later.ownerKey)).includes('SPEND_CAP_WARNING'));
    expect(await alertKinds(ownerKey)).toEqual(['SPEND_CAP_REACHED', 'SPEND_CAP_WARNING']);
  });
});

describe('calls and messages', () => {
  it('the billing clock stops a call within one increment of the cap; the next call is refused SPEND_CAP_REACHED', async () => {
    const { walletId, ownerKey } = await t.createAccount('Call cap');
    await t.fund(walletId, '100');
    // 0.60 a minute in 6-second increments: 0.06 each; a daily cap of 0.30 funds 30 seconds.
    const ratePlanId = await t.createRatePlan([{ prefix: '', perMinute: '0.6', firstIncrementSeconds: 6, nextIncrementSeconds: 6 }]);
    const campaignId = await t.runningCampaign(ownerKey, walletId, ratePlanId);
    await t.ok(ownerKey, SET_CAPS, { input: { walletId, daily: '0.3' } });
    const started = await t.ok(ownerKey, START_CALL, { input: { campaignId, to: '+447700900001' } });
    const callId = started.startCall.call.id;
    for (let second = 0; second < 60; second++) {
      clock.advance(1_000);
      await t.app.spend.billingClock.runDue();
    }
    await until('the call is posted', async () => (await t.ok(ownerKey, CALL, { id: callId })).call.status === 'STOPPED');
    const call = (await t.ok(ownerKey, CALL, { id: callId })).call;
    expect(call).toEqual({ status: 'STOPPED', endReason: 'SPEND_CAP_REACHED', billedSeconds: 30, cost: '0.3' });
    const caps = await t.ok(ownerKey, CAPS);
    expect(caps.spendCaps.caps[1].daily.spent).toBe('0.3');
    // The campaign stopped with the cap's own status, not the wallet's (it holds 99.70).
    expect(await campaignStatus(ownerKey, campaignId)).toBe('STOPPED_SPEND_CAP');
    // Started again before the cap resets (allowed, as for the other stops), its next call is refused by the cap and it stops again.
    expect(await startCampaign(ownerKey, campaignId)).toBe('RUNNING');
    const refused = await t.ok(ownerKey, START_CALL, { input: { campaignId, to: '+447700900002' } });
    expect(refused.startCall.call).toMatchObject({ status: 'REFUSED', endReason: 'SPEND_CAP_REACHED' });
    expect(await campaignStatus(ownerKey, campaignId)).toBe('STOPPED_SPEND_CAP');
    await until('the cap alert', async () => (await alertKinds(ownerKey)).includes('SPEND_CAP_REACHED'));
    await t.assertLedger();
  });

  it('64 concurrent call starts racing a daily cap of 6 (0.60 each): exactly 10 connect, never above the cap', async () => {
    const { walletId, ownerKey } = await t.createAccount('Call race');
    await t.fund(walletId, '100');
    const ratePlanId = await t.createRatePlan([{ prefix: '', perMinute: '0.6', firstIncrementSeconds: 60, nextIncrementSeconds: 60 }]);
    const campaignId = await t.runningCampaign(ownerKey, walletId, ratePlanId);
    await t.ok(ownerKey, SET_CAPS, { input: { walletId, daily: '6' } });
    const responses = await Promise.all(
      Array.from({ length: 64 }, (_, i) =>
        t.graphql(ownerKey, START_CALL, { input: { campaignId, to: `+4477009003${String(i).padStart(2, '0')}` } }),
      ),
    );
    const statuses = responses.map((r) => r.data?.startCall?.call?.status ?? r.errors?.[0]?.extensions?.code);
    expect(statuses.filter((s) => s === 'ACTIVE')).toHaveLength(10);
    // The first refusal stops the campaign; later starts find it stopped.
    expect(statuses.filter((s) => s === 'REFUSED').length).toBeGreaterThanOrEqual(1);
    expect(statuses.every((s) => ['ACTIVE', 'REFUSED', 'CAMPAIGN_NOT_RUNNING'].includes(s))).toBe(true);
    expect((await t.ok(ownerKey, CAPS)).spendCaps.caps[1].daily.spent).toBe('6');
    await t.assertLedger();
  });

  it('a call ending early gives back what it held beyond its cost', async () => {
    const { walletId, ownerKey } = await t.createAccount('Call give-back');
    await t.fund(walletId, '100');
    const ratePlanId = await t.createRatePlan([{ prefix: '', perMinute: '0.6', firstIncrementSeconds: 60, nextIncrementSeconds: 60 }]);
    const campaignId = await t.runningCampaign(ownerKey, walletId, ratePlanId);
    await t.ok(ownerKey, SET_CAPS, { input: { walletId, monthly: '1' } });
    const started = await t.ok(ownerKey, START_CALL, { input: { campaignId, to: '+447700900003' } });
    expect((await t.ok(ownerKey, CAPS)).spendCaps.caps[1].monthly.spent).toBe('0.6');
    clock.advance(10_000);
    const ended = await t.ok(ownerKey, END_CALL, { input: { callId: started.startCall.call.id } });
    expect(ended.endCall.call.cost).toBe('0.6');
    expect((await t.ok(ownerKey, CAPS)).spendCaps.caps[1].monthly.spent).toBe('0.6');
    const second = await t.ok(ownerKey, START_CALL, { input: { campaignId, to: '+447700900004' } });
    expect(second.startCall.call).toMatchObject({ status: 'REFUSED', endReason: 'SPEND_CAP_REACHED' });
  });

  it('a message hold over the cap is refused SPEND_CAP_REACHED; a failed message gives its hold back', async () => {
    const { walletId, ownerKey } = await t.createAccount('Message cap');
    await t.fund(walletId, '100');
    const ratePlanId = await t.createRatePlan([
      { prefix: '', perMinute: '0.6', firstIncrementSeconds: 60, nextIncrementSeconds: 60, smsPerSegment: '0.05' },
    ]);
    await t.ok(ownerKey, SET_CAPS, { input: { walletId, daily: '0.1' } });
    const SEND = `mutation($input: SendMessageInput!) { sendMessage(input: $input) { messages { id } } }`;
    const send = (to: string[]) => t.graphql(ownerKey, SEND, { input: { walletId, ratePlanId, from: '+15550100001', to, body: 'hello' } });
    const sent = await send(['+447700900010', '+447700900011']);
    expect(sent.errors).toBeUndefined();
    const refused = await send(['+447700900012']);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'SPEND_CAP_REACHED', cap: '0.1', committed: '0.1' });
    await t.ok(ownerKey, `mutation($input: ReportMessageDeliveryInput!) { reportMessageDelivery(input: $input) { message { status } } }`, {
      input: { messageId: sent.data.sendMessage.messages[0].id, status: 'FAILED' },
    });
    expect((await t.ok(ownerKey, CAPS)).spendCaps.caps[1].daily.spent).toBe('0.05');
    expect((await send(['+447700900012'])).errors).toBeUndefined();
    await t.assertLedger();
  });
});

describe('projection', () => {
  it("the wallet's burn and the campaign's projection name the daily cap reached before the balance runs dry, and when", async () => {
    const { walletId, ownerKey } = await t.createAccount('Cap outlook');
    await t.fund(walletId, '100');
    const ratePlanId = await t.createRatePlan([{ prefix: '', perMinute: '0.6', firstIncrementSeconds: 6, nextIncrementSeconds: 6 }]);
    const campaignId = await t.runningCampaign(ownerKey, walletId, ratePlanId);
    const OUTLOOK = `query($walletId: ID!, $campaignId: ID!) {
      wallet(id: $walletId) { burn { ratePerMinute timeToEmptySeconds limitedBy limitReachedInSeconds spendCap { period scope reachedInSeconds resetsAt } } }
      campaign(id: $campaignId) { projection { endsBy endsInSeconds spendCapReachedInSeconds spendCap { period scope reachedInSeconds } } }
    }`;
    // No cap: the balance binds.
    await t.ok(ownerKey, START_CALL, { input: { campaignId, to: '+447700900501' } });
    const uncapped = await t.ok(ownerKey, OUTLOOK, { walletId, campaignId });
    // 0.6 a minute against 99.94 available: 9,994 s.
    expect(uncapped.wallet.burn).toMatchObject({
      ratePerMinute: '0.6',
      timeToEmptySeconds: 9_994,
      limitedBy: 'WALLET',
      limitReachedInSeconds: 9_994,
      spendCap: null,
    });
    // A daily cap of 0.30 set after the call started (what it held before counts nowhere): 30 s at 0.6 a minute.
    await t.ok(ownerKey, SET_CAPS, { input: { walletId, daily: '0.3', monthly: '50' } });
    const capped = await t.ok(ownerKey, OUTLOOK, { walletId, campaignId });
    const midnight = new Date(Math.floor(clock.now() / 86_400_000 + 1) * 86_400_000).toISOString();
    expect(capped.wallet.burn).toMatchObject({
      timeToEmptySeconds: 9_994,
      limitedBy: 'SPEND_CAP',
      limitReachedInSeconds: 30,
      spendCap: { period: 'DAY', scope: 'WALLET', reachedInSeconds: 30, resetsAt: midnight },
    });
    expect(capped.campaign.projection).toMatchObject({
      endsBy: 'SPEND_CAP',
      endsInSeconds: 30,
      spendCapReachedInSeconds: 30,
      spendCap: { period: 'DAY', scope: 'WALLET', reachedInSeconds: 30 },
    });
    // The account's monthly cap of 0.10 binds sooner (10 s) and is named instead.
    await t.ok(ownerKey, SET_CAPS, { input: { currency: 'USD', monthly: '0.1' } });
    const account = await t.ok(ownerKey, OUTLOOK, { walletId, campaignId });
    expect(account.wallet.burn.spendCap).toMatchObject({ period: 'MONTH', scope: 'ACCOUNT', reachedInSeconds: 10 });
  });
});

describe('periods', () => {
  it("resets at local midnight in the account's timezone, across the day clocks go forward", async () => {
    const { walletId, ownerKey } = await t.createAccount('New York');
    await t.fund(walletId, '100');
    await t.ok(ownerKey, `mutation { setAccountTimezone(timezone: "America/New_York") { timezone } }`);
    const ratePlanId = await t.createRatePlan([{ prefix: '', perMinute: '0.6', firstIncrementSeconds: 60, nextIncrementSeconds: 60 }]);
    const campaignId = await t.runningCampaign(ownerKey, walletId, ratePlanId);
    await t.ok(ownerKey, SET_CAPS, { input: { walletId, daily: '0.6' } });
    let n = 0;
    const call = async () => {
      const started = await t.ok(ownerKey, START_CALL, { input: { campaignId, to: `+4477009002${String(n++).padStart(2, '0')}` } });
      if (started.startCall.call.status === 'ACTIVE') await t.ok(ownerKey, END_CALL, { input: { callId: started.startCall.call.id } });
      else await t.ok(ownerKey, `mutation($id: ID!) { startCampaign(id: $id) { campaign { id } } }`, { id: campaignId });
      return started.startCall.call.status as string;
    };
    const to = (iso: string) => clock.advance(Date.parse(iso) - clock.now());

    to('2026-03-08T04:59:00Z'); // 23:59 on Saturday 7 March, EST (UTC−5)
    expect(await call()).toBe('ACTIVE');
    expect(await call()).toBe('REFUSED');
    const saturday = (await t.ok(ownerKey, CAPS)).spendCaps.caps[1].daily;
    expect(saturday).toMatchObject({ startsOn: '2026-03-07', resetsAt: '2026-03-08T05:00:00.000Z' });

    to('2026-03-08T05:00:00Z'); // midnight: Sunday 8 March, the day of 23 hours
    expect(await call()).toBe('ACTIVE');
    expect(await call()).toBe('REFUSED');
    const sunday = (await t.ok(ownerKey, CAPS)).spendCaps.caps[1].daily;
    expect(sunday).toMatchObject({ startsOn: '2026-03-08', spent: '0.6', resetsAt: '2026-03-09T04:00:00.000Z' });

    to('2026-03-09T03:59:00Z'); // 23:59 on Sunday, EDT (UTC−4): still Sunday
    expect(await call()).toBe('REFUSED');
    // Each refusal stopped the campaign STOPPED_SPEND_CAP (call() resumed it after each); it stops once more here.
    const last = await t.ok(ownerKey, START_CALL, { input: { campaignId, to: '+447700900299' } });
    expect(last.startCall.call).toMatchObject({ status: 'REFUSED', endReason: 'SPEND_CAP_REACHED' });
    expect(await campaignStatus(ownerKey, campaignId)).toBe('STOPPED_SPEND_CAP');
    to('2026-03-09T04:00:00Z'); // midnight EDT: Monday; the cap has reset, and the stopped campaign resumes and connects
    expect(await startCampaign(ownerKey, campaignId)).toBe('RUNNING');
    expect(await call()).toBe('ACTIVE');
    await t.assertLedger();
  });
});
