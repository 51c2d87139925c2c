// Goal: acknowledgeAlerts acknowledges several alerts at once, all or none, within alertsAcknowledgeMax, keeps who acknowledged first, and names who acknowledged (a tenant sees staff only as staff); acknowledgeAlert is unchanged. Method: the real server and its alert processor on its own database with a small batch limit, alerts raised by real charges crossing the default thresholds, GraphQL over HTTP; each refused call checked for its code and for nothing acknowledged.
import { randomUUID } from 'node:crypto';
import { until } from '../../support/waiting.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type GraphQLResponse, type TestApp } from '../../support/test-app.js';

/** This file's batch limit (small, so the boundary is cheap to reach). */
const ACKNOWLEDGE_MAX = 3;

let t: TestApp;
let support: { id: string; secret: string };
beforeAll(async () => {
  t = await startTestApp({ alertsAcknowledgeMax: ACKNOWLEDGE_MAX });
  support = await t.createKey(null, 'SUPPORT');
});
afterAll(async () => {
  await t?.close();
});

const ACKNOWLEDGE_MANY = `mutation($ids: [ID!]!) { acknowledgeAlerts(ids: $ids) { alerts { id accountId acknowledgedAt acknowledgedBy acknowledger { kind id role name staff } } } }`;
const ALERTS = `query($accountId: ID) { alerts(accountId: $accountId, first: 100) { edges { node { id kind acknowledgedAt acknowledger { kind id staff } } } } }`;

function expectError(response: GraphQLResponse, code: string, field?: string): void {
  expect(response.errors, JSON.stringify(response)).toHaveLength(1);
  expect(response.errors![0]!.extensions?.code).toBe(code);
  if (field !== undefined) expect(response.errors![0]!.extensions?.field).toBe(field);
}

/** An account whose wallet crossed 5 and 0 (LOW_BALANCE, BALANCE_DEPLETED); its alerts newest first. */
async function accountWithAlerts(): Promise<{ accountId: string; ownerKey: string; alertIds: string[] }> {
  const account = await t.createAccount();
  await t.fund(account.walletId, '10');
  for (const amount of ['6', '4']) {
    await t.ok(account.ownerKey, 'mutation($input: ChargeInput!) { charge(input: $input) { transaction { id } } }', {
      input: { walletId: account.walletId, amount, description: 'usage', idempotencyKey: randomUUID() },
    });
  }
  // One pass may stop short of what was just committed (the server's own processor runs too, and the
  // outbox is read in turns): seen under load in CI, so pass until both alerts are there.
  let alerts: any[] = [];
  await until('both alerts raised', async () => {
    await t.app.alertProcessor.pass();
    alerts = (await t.ok(account.ownerKey, ALERTS, {})).alerts.edges.map((e: any) => e.node);
    return alerts.length >= 2;
  });
  expect(alerts.map((a: any) => a.kind)).toEqual(['BALANCE_DEPLETED', 'LOW_BALANCE']);
  return { ...account, alertIds: alerts.map((a: any) => a.id) };
}

async function acknowledgedIds(token: string): Promise<string[]> {
  return (await t.ok(token, ALERTS, {})).alerts.edges.filter((e: any) => e.node.acknowledgedAt !== null).map((e: any) => e.node.id);
}

describe('acknowledgeAlerts', () => {
  it('lets staff acknowledge alerts of several accounts in one call, naming them; the tenant sees only "staff"', async () => {
    const a = await accountWithAlerts();
    const b = await accountWithAlerts();
    const ids = [a.alertIds[0]!, b.alertIds[1]!, a.alertIds[0]!];
    const acknowledged = (await t.ok(support.secret, ACKNOWLEDGE_MANY, { ids })).acknowledgeAlerts.alerts;
    expect(acknowledged.map((alert: any) => [alert.id, alert.accountId])).toEqual([
      [a.alertIds[0], a.accountId],
      [b.alertIds[1], b.accountId],
    ]);
    for (const alert of acknowledged) {
      expect(alert.acknowledgedAt).not.toBeNull();
      expect(alert.acknowledgedBy).toBe(`api_key:${support.id}`);
      expect(alert.acknowledger).toEqual({ kind: 'API_KEY', id: support.id, role: 'SUPPORT', name: 'SUPPORT key', staff: true });
    }
    const seenByOwner = (await t.ok(a.ownerKey, ALERTS, {})).alerts.edges.map((e: any) => e.node);
    expect(seenByOwner.map((n: any) => n.acknowledger)).toEqual([{ kind: 'API_KEY', id: null, staff: true }, null]);

    // Acknowledging again keeps the first acknowledgement; the owner's own acknowledgement names its key.
    const again = (await t.ok(a.ownerKey, ACKNOWLEDGE_MANY, { ids: a.alertIds })).acknowledgeAlerts.alerts;
    expect(again[0].acknowledgedBy).toBe(`api_key:${support.id}`);
    expect(again[0].acknowledgedAt).toBe(acknowledged[0].acknowledgedAt);
    expect(again[1].acknowledger).toMatchObject({ kind: 'API_KEY', role: 'OWNER', staff: false });
  });

  it(`takes ${ACKNOWLEDGE_MAX} ids (alertsAcknowledgeMax) and refuses ${ACKNOWLEDGE_MAX + 1} or none, acknowledging nothing`, async () => {
    const a = await accountWithAlerts();
    const b = await accountWithAlerts();
    const four = [...a.alertIds, ...b.alertIds];
    expectError(await t.graphql(support.secret, ACKNOWLEDGE_MANY, { ids: four }), 'BAD_USER_INPUT', 'ids');
    expectError(await t.graphql(support.secret, ACKNOWLEDGE_MANY, { ids: [] }), 'BAD_USER_INPUT', 'ids');
    expect(await acknowledgedIds(a.ownerKey)).toEqual([]);
    expect(await acknowledgedIds(b.ownerKey)).toEqual([]);
    expect((await t.ok(support.secret, ACKNOWLEDGE_MANY, { ids: four.slice(0, 3) })).acknowledgeAlerts.alerts).toHaveLength(3);
  });

  it("is all or none: another tenant's or an unknown id is NOT_FOUND and acknowledges nothing", async () => {
    const a = await accountWithAlerts();
    const b = await accountWithAlerts();
    expectError(await t.graphql(a.ownerKey, ACKNOWLEDGE_MANY, { ids: [a.alertIds[0], b.alertIds[0]] }), 'NOT_FOUND');
    expectError(await t.graphql(support.secret, ACKNOWLEDGE_MANY, { ids: [a.alertIds[0], '999999999'] }), 'NOT_FOUND');
    expectError(await t.graphql(support.secret, ACKNOWLEDGE_MANY, { ids: [a.alertIds[0], 'abc'] }), 'NOT_FOUND');
    expect(await acknowledgedIds(a.ownerKey)).toEqual([]);
    expect(await acknowledgedIds(b.ownerKey)).toEqual([]);
  });

  it('is FORBIDDEN to INTEGRATOR keys, like acknowledgeAlert', async () => {
    const a = await accountWithAlerts();
    const integrator = await t.createKey(a.accountId, 'INTEGRATOR');
    expectError(await t.graphql(integrator.secret, ACKNOWLEDGE_MANY, { ids: [a.alertIds[0]] }), 'FORBIDDEN');
    expect(await acknowledgedIds(a.ownerKey)).toEqual([]);
  });
});
