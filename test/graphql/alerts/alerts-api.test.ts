// Goal: the alerts API honours tenancy and every limit: thresholds set at their boundaries, lists
// filtered and paged, acknowledgements recorded once, and the alertRaised feed: account roles see
// their own account, SUPPORT every account, and a feed resumed from a position misses nothing and
// repeats nothing across accounts. Method: the real server and its alert processor, GraphQL over
// HTTP and the real graphql-ws client over real sockets; every error code checked with nothing
// changed by the refused call.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type GraphQLResponse, type TestApp } from '../../support/test-app.js';
import { drainAlerts } from '../../support/consumers.js';
import { subscribe } from '../../support/subscriber.js';
import { drainOutboxConsumer, until } from '../../support/waiting.js';
import { runSql } from '../../support/sql.js';
import { ALERTS_CONSUMER } from '../../../server/domain/alerts/raise-alerts.service.js';

let t: TestApp;
let supportKey: string;
beforeAll(async () => {
  t = await startTestApp();
  supportKey = (await t.createKey(null, 'SUPPORT')).secret;
});
afterAll(async () => {
  await t?.close();
});

const SET_THRESHOLDS = `mutation($input: SetLowBalanceThresholdsInput!) { setLowBalanceThresholds(input: $input) { thresholds wallet { id lowBalanceThresholds } } }`;
const THRESHOLDS = `query($id: ID!) { wallet(id: $id) { lowBalanceThresholds } }`;
const ALERTS = `query($accountId: ID, $kinds: [AlertKind!], $acknowledged: Boolean, $from: DateTime, $to: DateTime, $first: Int, $after: String) {
  alerts(accountId: $accountId, kinds: $kinds, acknowledged: $acknowledged, from: $from, to: $to, first: $first, after: $after) {
    edges { cursor node { id position kind accountId balance acknowledgedAt acknowledgedBy } } pageInfo { hasNextPage endCursor } } }`;
const ACKNOWLEDGE = `mutation($id: ID!) { acknowledgeAlert(id: $id) { alert { id acknowledgedAt acknowledgedBy } } }`;
const ALERT_RAISED = `subscription($accountId: ID, $kinds: [AlertKind!], $afterPosition: String) {
  alertRaised(accountId: $accountId, kinds: $kinds, afterPosition: $afterPosition) { id position kind accountId balance message } }`;

function expectError(response: GraphQLResponse, code: string, field?: string): void {
  expect(response.errors, JSON.stringify(response)).toHaveLength(1);
  expect(response.errors![0]!.extensions?.code).toBe(code);
  if (field !== undefined) expect(response.errors![0]!.extensions?.field).toBe(field);
}

async function charge(token: string, walletId: string, amount: string): Promise<void> {
  await t.ok(token, `mutation($input: ChargeInput!) { charge(input: $input) { transaction { id } } }`, {
    input: { walletId, amount, description: 'usage', idempotencyKey: randomUUID() },
  });
}

/** LOW_BALANCE, BALANCE_DEPLETED and BALANCE_RECOVERED on the wallet (default thresholds 5 and 0), from any balance. */
async function raiseThree(account: { walletId: string; ownerKey: string }): Promise<void> {
  await t.fund(account.walletId, '10');
  const { balance } = (await t.ok(account.ownerKey, `query($id: ID!) { wallet(id: $id) { balance } }`, { id: account.walletId })).wallet;
  await charge(account.ownerKey, account.walletId, (BigInt(balance) - 4n).toString());
  await charge(account.ownerKey, account.walletId, '4');
  await t.fund(account.walletId, '10');
}

async function listed(token: string, variables: Record<string, unknown>): Promise<any[]> {
  await drainOutboxConsumer(
    (text, values) => runSql(t.app.orm.em.fork(), text, values),
    ALERTS_CONSUMER,
    () => t.app.alertProcessor.pass(),
  );
  return (await t.ok(token, ALERTS, { first: 100, ...variables })).alerts.edges.map((edge: any) => edge.node);
}

async function head(): Promise<string> {
  await drainAlerts(t);
  const newest = (await t.ok(supportKey, ALERTS, { first: 1 })).alerts.edges[0];
  return newest ? newest.node.position : '0';
}

describe('low-balance thresholds', () => {
  it('defaults to 5 and 0, are replaced sorted, and a custom threshold fires', async () => {
    const { accountId, walletId, ownerKey } = await t.createAccount();
    expect((await t.ok(ownerKey, THRESHOLDS, { id: walletId })).wallet.lowBalanceThresholds).toEqual(['5', '0']);
    await t.fund(walletId, '100');
    const set = (await t.ok(ownerKey, SET_THRESHOLDS, { input: { walletId, thresholds: ['20', '50.5', '0'] } })).setLowBalanceThresholds;
    expect(set).toEqual({ thresholds: ['50.5', '20', '0'], wallet: { id: walletId, lowBalanceThresholds: ['50.5', '20', '0'] } });
    await charge(ownerKey, walletId, '60');
    // The server's own processor may be mid-pass when the test's pass runs (and then skips): wait for the alert.
    await until('the alert at 40', async () => (await listed(ownerKey, { accountId })).length >= 1);
    expect((await listed(ownerKey, { accountId })).map((a) => [a.kind, a.balance])).toEqual([['LOW_BALANCE', '40']]);
    // A threshold added above the balance is not armed: it takes a climb above it to fire later.
    await t.ok(ownerKey, SET_THRESHOLDS, { input: { walletId, thresholds: ['45', '20', '0'] } });
    await charge(ownerKey, walletId, '1');
    expect(await listed(ownerKey, { accountId })).toHaveLength(1);
    await charge(ownerKey, walletId, '20'); // 19: crosses 20
    await until('the alert at 19', async () => (await listed(ownerKey, { accountId })).length >= 2);
    expect((await listed(ownerKey, { accountId })).map((a) => a.balance)).toEqual(['19', '40']);
    await t.assertLedger();
  });

  it('set on a wallet the processor has not judged yet, still judges its whole history', async () => {
    // A server of its own whose alert processor runs only when told (on this file's database,
    // the other server's processor could judge the wallet first).
    const quiet = await startTestApp({ alertsEnabled: false });
    try {
      const { accountId, walletId, ownerKey } = await quiet.createAccount();
      await quiet.fund(walletId, '10');
      await quiet.ok(ownerKey, `mutation($input: ChargeInput!) { charge(input: $input) { transaction { id } } }`, {
        input: { walletId, amount: '3', description: 'usage', idempotencyKey: randomUUID() },
      });
      // The 10 → 7 charge crossed 8 before anyone judged it; the threshold is set after.
      await quiet.ok(ownerKey, SET_THRESHOLDS, { input: { walletId, thresholds: ['8'] } });
      await drainOutboxConsumer(
        (text, values) => runSql(quiet.app.orm.em.fork(), text, values),
        ALERTS_CONSUMER,
        () => quiet.app.alertProcessor.pass(),
      );
      expect(
        (await quiet.ok(ownerKey, ALERTS, { accountId, first: 10 })).alerts.edges.map((e: any) => [e.node.kind, e.node.balance]),
      ).toEqual([['LOW_BALANCE', '7']]);
    } finally {
      await quiet.close();
    }
  });

  it('refuses bad lists at their boundaries and changes nothing', async () => {
    const { walletId, ownerKey } = await t.createAccount();
    const ten = Array.from({ length: 10 }, (_, i) => String(i));
    expect(
      (await t.ok(ownerKey, SET_THRESHOLDS, { input: { walletId, thresholds: ten } })).setLowBalanceThresholds.thresholds,
    ).toHaveLength(10);
    expectError(
      await t.graphql(ownerKey, SET_THRESHOLDS, { input: { walletId, thresholds: [...ten, '10'] } }),
      'BAD_USER_INPUT',
      'thresholds',
    );
    expectError(
      await t.graphql(ownerKey, SET_THRESHOLDS, { input: { walletId, thresholds: ['-0.000001'] } }),
      'BAD_USER_INPUT',
      'thresholds',
    );
    expectError(
      await t.graphql(ownerKey, SET_THRESHOLDS, { input: { walletId, thresholds: ['5', '5.000000'] } }),
      'BAD_USER_INPUT',
      'thresholds',
    );
    expect(
      (await t.ok(ownerKey, SET_THRESHOLDS, { input: { walletId, thresholds: [formatCap(t.config.walletBalanceMicrosMax)] } }))
        .setLowBalanceThresholds.thresholds,
    ).toHaveLength(1);
    expectError(
      await t.graphql(ownerKey, SET_THRESHOLDS, { input: { walletId, thresholds: [formatCap(t.config.walletBalanceMicrosMax + 1n)] } }),
      'BAD_USER_INPUT',
      'thresholds',
    );
    expectError(await t.graphql(ownerKey, SET_THRESHOLDS, { input: { walletId, thresholds: ['1e3'] } }), 'BAD_USER_INPUT');
    expect((await t.ok(ownerKey, THRESHOLDS, { id: walletId })).wallet.lowBalanceThresholds).toEqual([
      formatCap(t.config.walletBalanceMicrosMax),
    ]);
    // An empty list turns balance alerts off.
    expect((await t.ok(ownerKey, SET_THRESHOLDS, { input: { walletId, thresholds: [] } })).setLowBalanceThresholds.thresholds).toEqual([]);
  });

  it('is refused to integrators (FORBIDDEN) and for another tenant or an unknown wallet (NOT_FOUND)', async () => {
    const a = await t.createAccount();
    const b = await t.createAccount();
    const integrator = await t.createKey(a.accountId, 'INTEGRATOR');
    const manager = await t.createKey(a.accountId, 'CAMPAIGN_MANAGER');
    expectError(await t.graphql(integrator.secret, SET_THRESHOLDS, { input: { walletId: a.walletId, thresholds: ['1'] } }), 'FORBIDDEN');
    expectError(await t.graphql(b.ownerKey, SET_THRESHOLDS, { input: { walletId: a.walletId, thresholds: ['1'] } }), 'NOT_FOUND');
    expectError(await t.graphql(b.ownerKey, SET_THRESHOLDS, { input: { walletId: randomUUID(), thresholds: ['1'] } }), 'NOT_FOUND');
    expect((await t.ok(a.ownerKey, THRESHOLDS, { id: a.walletId })).wallet.lowBalanceThresholds).toEqual(['5', '0']);
    expect(
      (await t.ok(manager.secret, SET_THRESHOLDS, { input: { walletId: a.walletId, thresholds: ['1'] } })).setLowBalanceThresholds
        .thresholds,
    ).toEqual(['1']);
    expect(
      (await t.ok(supportKey, SET_THRESHOLDS, { input: { walletId: b.walletId, thresholds: ['2'] } })).setLowBalanceThresholds.thresholds,
    ).toEqual(['2']);
  });
});

function formatCap(micros: bigint): string {
  const whole = micros / 1_000_000n;
  const fraction = (micros % 1_000_000n).toString().padStart(6, '0').replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : `${whole}`;
}

describe('listing and acknowledging', () => {
  it('shows an account its own alerts and SUPPORT everyone’s, with kind, date and acknowledgement filters and paging', async () => {
    const a = await t.createAccount();
    const b = await t.createAccount();
    await raiseThree(a);
    await raiseThree(b);
    const ofA = await listed(a.ownerKey, {});
    expect(ofA.map((x) => x.kind)).toEqual(['BALANCE_RECOVERED', 'BALANCE_DEPLETED', 'LOW_BALANCE']);
    expect(ofA.every((x) => x.accountId === a.accountId)).toBe(true);
    expectError(await t.graphql(a.ownerKey, ALERTS, { accountId: b.accountId }), 'NOT_FOUND');
    expectError(await t.graphql(a.ownerKey, ALERTS, { accountId: 'not-a-uuid' }), 'NOT_FOUND');
    const all = await listed(supportKey, {});
    expect(all.filter((x) => x.accountId === a.accountId || x.accountId === b.accountId)).toHaveLength(6);
    expect((await listed(supportKey, { accountId: b.accountId, kinds: ['LOW_BALANCE', 'BALANCE_DEPLETED'] })).map((x) => x.kind)).toEqual([
      'BALANCE_DEPLETED',
      'LOW_BALANCE',
    ]);
    const future = new Date(Date.now() + 3_600_000).toISOString();
    expect(await listed(a.ownerKey, { from: future })).toEqual([]);
    expect(await listed(a.ownerKey, { to: future })).toHaveLength(3);

    // Paging newest first, one at a time, ends with hasNextPage false.
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: any = (await t.ok(a.ownerKey, ALERTS, { first: 1, after })).alerts;
      seen.push(...page.edges.map((edge: any) => edge.node.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(ofA.map((x) => x.id));
  });

  it('answers bad arguments with BAD_USER_INPUT at their boundaries', async () => {
    const { ownerKey } = await t.createAccount();
    expect((await t.graphql(ownerKey, ALERTS, { first: 100 })).errors).toBeUndefined();
    expect((await t.graphql(ownerKey, ALERTS, { first: 1 })).errors).toBeUndefined();
    expectError(await t.graphql(ownerKey, ALERTS, { first: 101 }), 'BAD_USER_INPUT', 'first');
    expectError(await t.graphql(ownerKey, ALERTS, { first: 0 }), 'BAD_USER_INPUT', 'first');
    expectError(await t.graphql(ownerKey, ALERTS, { after: 'abc' }), 'BAD_USER_INPUT', 'after');
    expectError(await t.graphql(ownerKey, ALERTS, { kinds: [] }), 'BAD_USER_INPUT', 'kinds');
    expectError(await t.graphql(ownerKey, ALERTS, { from: '2026-02-01T00:00:00Z', to: '2026-01-31T23:59:59Z' }), 'BAD_USER_INPUT', 'to');
    expect((await t.graphql(ownerKey, ALERTS, { from: '2026-02-01T00:00:00Z', to: '2026-02-01T00:00:00Z' })).errors).toBeUndefined();
  });

  it('records who acknowledged an alert once; integrators may not, other tenants see NOT_FOUND', async () => {
    const a = await t.createAccount();
    const b = await t.createAccount();
    await raiseThree(a);
    const [newest, middle] = await listed(a.ownerKey, {});
    const integrator = await t.createKey(a.accountId, 'INTEGRATOR');
    expectError(await t.graphql(integrator.secret, ACKNOWLEDGE, { id: newest.id }), 'FORBIDDEN');
    expectError(await t.graphql(b.ownerKey, ACKNOWLEDGE, { id: newest.id }), 'NOT_FOUND');
    expectError(await t.graphql(b.ownerKey, ACKNOWLEDGE, { id: 'nope' }), 'NOT_FOUND');
    expectError(await t.graphql(b.ownerKey, ACKNOWLEDGE, { id: '999999999999' }), 'NOT_FOUND');
    expect(await listed(a.ownerKey, { acknowledged: true })).toEqual([]);

    const first = (await t.ok(a.ownerKey, ACKNOWLEDGE, { id: newest.id })).acknowledgeAlert.alert;
    expect(first.acknowledgedBy).toMatch(/.+/);
    expect(Math.abs(Date.parse(first.acknowledgedAt) - Date.now())).toBeLessThan(60_000);
    const again = (await t.ok(supportKey, ACKNOWLEDGE, { id: newest.id })).acknowledgeAlert.alert;
    expect(again).toEqual(first);
    const bySupport = (await t.ok(supportKey, ACKNOWLEDGE, { id: middle.id })).acknowledgeAlert.alert;
    expect(bySupport.acknowledgedBy).not.toBe(first.acknowledgedBy);
    expect((await listed(a.ownerKey, { acknowledged: true })).map((x) => x.id)).toEqual([newest.id, middle.id]);
    expect((await listed(a.ownerKey, { acknowledged: false })).map((x) => x.kind)).toEqual(['LOW_BALANCE']);
  });
});

describe('alertRaised', () => {
  it('feeds SUPPORT every account in position order and an account only its own', async () => {
    const a = await t.createAccount();
    const b = await t.createAccount();
    const from = await head();
    const support = subscribe(t.url, supportKey, ALERT_RAISED, { afterPosition: from }, (d) => d.alertRaised);
    const ownerA = subscribe(t.url, a.ownerKey, ALERT_RAISED, { afterPosition: from }, (d) => d.alertRaised);
    const depletedOfB = subscribe(
      t.url,
      supportKey,
      ALERT_RAISED,
      { afterPosition: from, accountId: b.accountId, kinds: ['BALANCE_DEPLETED'] },
      (d) => d.alertRaised,
    );
    try {
      await Promise.all([raiseThree(a), raiseThree(b)]);
      await support.waitFor(6);
      await ownerA.waitFor(3);
      await depletedOfB.waitFor(1);
      const stored = (await listed(supportKey, {})).filter((x) => BigInt(x.position) > BigInt(from)).reverse();
      expect(support.received.map((x) => x.id)).toEqual(stored.map((x) => x.id));
      expect(ownerA.received.map((x) => x.accountId)).toEqual([a.accountId, a.accountId, a.accountId]);
      expect(depletedOfB.received.map((x) => [x.kind, x.accountId])).toEqual([['BALANCE_DEPLETED', b.accountId]]);
      // Nothing more arrives for them.
      await raiseThree(await t.createAccount());
      await support.waitFor(9);
      expect(ownerA.received).toHaveLength(3);
      expect(depletedOfB.received).toHaveLength(1);
    } finally {
      await Promise.all([support.close(), ownerA.close(), depletedOfB.close()]);
    }
  });

  it('resumes from a position with no gap and no duplicate across accounts', async () => {
    const accounts = await Promise.all([t.createAccount(), t.createAccount(), t.createAccount()]);
    const from = await head();
    const first = subscribe(t.url, supportKey, ALERT_RAISED, { afterPosition: from }, (d) => d.alertRaised);
    await raiseThree(accounts[0]!);
    await first.waitFor(2);
    await first.close();
    const lastSeen = first.received.at(-1)!.position;
    // While disconnected, alerts commit on three accounts at once.
    await Promise.all(accounts.map((account) => raiseThree(account)));
    const resumed = subscribe(t.url, supportKey, ALERT_RAISED, { afterPosition: lastSeen }, (d) => d.alertRaised);
    try {
      const stored = (await listed(supportKey, {})).filter((x) => BigInt(x.position) > BigInt(from)).reverse();
      expect(stored).toHaveLength(12);
      await resumed.waitFor(stored.length - first.received.length);
      // Live ones keep coming on the same subscription.
      await raiseThree(accounts[1]!);
      await resumed.waitFor(stored.length - first.received.length + 3);
      const all = [...first.received, ...resumed.received].map((x) => x.id);
      const storedNow = (await listed(supportKey, {}))
        .filter((x) => BigInt(x.position) > BigInt(from))
        .reverse()
        .map((x) => x.id);
      expect(all).toEqual(storedNow);
      expect(new Set(all).size).toBe(all.length);
    } finally {
      await resumed.close();
    }
  });

  it('refuses a malformed or future afterPosition, an empty kinds list and another tenant', async () => {
    const a = await t.createAccount();
    const b = await t.createAccount();
    const ahead = (BigInt(await head()) + 1n).toString();
    const cases: [string, Record<string, unknown>, string][] = [
      [supportKey, { afterPosition: 'x' }, 'BAD_USER_INPUT'],
      [supportKey, { afterPosition: '-1' }, 'BAD_USER_INPUT'],
      [supportKey, { afterPosition: ahead }, 'BAD_USER_INPUT'],
      [supportKey, { kinds: [] }, 'BAD_USER_INPUT'],
      [a.ownerKey, { accountId: b.accountId }, 'NOT_FOUND'],
    ];
    for (const [token, variables, code] of cases) {
      const subscriber = subscribe(t.url, token, ALERT_RAISED, variables, (d) => d.alertRaised);
      try {
        await expect.poll(() => subscriber.errors.length, { timeout: 10_000 }).toBeGreaterThan(0);
        expect(JSON.stringify(subscriber.errors)).toContain(code);
      } finally {
        await subscriber.close();
      }
    }
    // A position equal to the newest alert's is fine (nothing to replay).
    const atHead = subscribe(t.url, supportKey, ALERT_RAISED, { afterPosition: await head() }, (d) => d.alertRaised);
    try {
      await raiseThree(a);
      await atHead.waitFor(3);
      expect(atHead.errors).toEqual([]);
    } finally {
      await atHead.close();
    }
  });
});
