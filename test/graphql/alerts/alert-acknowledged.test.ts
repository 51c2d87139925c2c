// Goal: acknowledgements are a live, resumable feed: two open SUPPORT consoles both see an alert
// acknowledged through either (the owner only their own account's), each acknowledgement once, in
// commit order, with no gap after a resume even while many are acknowledged at once. Method: the
// real server and its alert processor, GraphQL over HTTP and two real graphql-ws clients; the
// delivered order compared with the stored acknowledgement positions; refusals change nothing.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import { subscribe } from '../../support/subscriber.js';
import { runSql } from '../../support/sql.js';
import { drainOutboxConsumer } from '../../support/waiting.js';
import { ALERTS_CONSUMER } from '../../../server/domain/alerts/raise-alerts.service.js';

let t: TestApp;
let supportKey: string;
let otherSupportKey: string;
beforeAll(async () => {
  t = await startTestApp();
  supportKey = (await t.createKey(null, 'SUPPORT')).secret;
  otherSupportKey = (await t.createKey(null, 'SUPPORT')).secret;
});
afterAll(async () => {
  await t?.close();
});

const ALERTS = `query($accountId: ID, $acknowledged: Boolean) {
  alerts(accountId: $accountId, acknowledged: $acknowledged, first: 100) {
    edges { node { id accountId acknowledgedAt acknowledgementPosition } } acknowledgedThrough } }`;
const ACKNOWLEDGE = `mutation($id: ID!) { acknowledgeAlert(id: $id) { alert { id acknowledgedAt acknowledgementPosition } } }`;
const ACKNOWLEDGE_MANY = `mutation($ids: [ID!]!) { acknowledgeAlerts(ids: $ids) { alerts { id acknowledgementPosition } } }`;
const ALERT_ACKNOWLEDGED = `subscription($accountId: ID, $kinds: [AlertKind!], $after: String) {
  alertAcknowledged(accountId: $accountId, kinds: $kinds, afterAcknowledgementPosition: $after) {
    id accountId kind acknowledgedAt acknowledgedBy acknowledgementPosition } }`;

interface ListedAlert {
  id: string;
  acknowledgementPosition: string | null;
}

interface Acknowledged {
  id: string;
  accountId: string;
  kind: string;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  acknowledgementPosition: string;
}

async function charge(token: string, walletId: string, amount: string): Promise<void> {
  await t.ok(token, `mutation($input: ChargeInput!) { charge(input: $input) { transaction { id } } }`, {
    input: { walletId, amount, description: 'usage', idempotencyKey: randomUUID() },
  });
}

/** LOW_BALANCE, BALANCE_DEPLETED and BALANCE_RECOVERED on a new account (default thresholds 5 and 0); returns it and its alert ids. */
async function accountWithAlerts(): Promise<{ accountId: string; walletId: string; ownerKey: string; alertIds: string[] }> {
  const account = await t.createAccount();
  await t.fund(account.walletId, '10');
  await charge(account.ownerKey, account.walletId, '6');
  await charge(account.ownerKey, account.walletId, '4');
  await t.fund(account.walletId, '10');
  await drainOutboxConsumer(
    (text, values) => runSql(t.app.orm.em.fork(), text, values),
    ALERTS_CONSUMER,
    () => t.app.alertProcessor.pass(),
  );
  const alerts = (await t.ok(supportKey, ALERTS, { accountId: account.accountId })).alerts.edges.map(
    (edge: { node: ListedAlert }) => edge.node.id,
  );
  expect(alerts).toHaveLength(3);
  return { ...account, alertIds: alerts };
}

/** The acknowledgement feed's head as a fresh page reports it. */
async function acknowledgedThrough(): Promise<string> {
  return (await t.ok(supportKey, ALERTS, {})).alerts.acknowledgedThrough;
}

/** Every acknowledged alert after `after`, in acknowledgement order, as stored. */
async function storedAfter(after: string): Promise<string[]> {
  const nodes: ListedAlert[] = (await t.ok(supportKey, ALERTS, { acknowledged: true })).alerts.edges.map(
    (edge: { node: ListedAlert }) => edge.node,
  );
  const position = (node: ListedAlert) => BigInt(node.acknowledgementPosition!);
  return nodes
    .filter((node) => position(node) > BigInt(after))
    .sort((a, b) => (position(a) < position(b) ? -1 : 1))
    .map((node) => node.id);
}

describe('alertAcknowledged', () => {
  it('tells two SUPPORT consoles of an acknowledgement made in either, once each; the owner sees only their own', async () => {
    const a = await accountWithAlerts();
    const b = await accountWithAlerts();
    const from = await acknowledgedThrough();
    const pick = (data: { alertAcknowledged: Acknowledged }) => data.alertAcknowledged;
    const consoleOne = subscribe(t.url, supportKey, ALERT_ACKNOWLEDGED, { after: from }, pick);
    const consoleTwo = subscribe(t.url, otherSupportKey, ALERT_ACKNOWLEDGED, { after: from }, pick);
    const ownerA = subscribe(t.url, a.ownerKey, ALERT_ACKNOWLEDGED, { after: from }, pick);
    const depletedOfB = subscribe(
      t.url,
      supportKey,
      ALERT_ACKNOWLEDGED,
      { after: from, accountId: b.accountId, kinds: ['BALANCE_DEPLETED'] },
      pick,
    );
    try {
      // One console acknowledges an alert of A, the other two of B at once, the owner one of A.
      await t.ok(supportKey, ACKNOWLEDGE, { id: a.alertIds[0] });
      await t.ok(otherSupportKey, ACKNOWLEDGE_MANY, { ids: [b.alertIds[0], b.alertIds[1], b.alertIds[2]] });
      await t.ok(a.ownerKey, ACKNOWLEDGE, { id: a.alertIds[1] });
      // Acknowledging again changes nothing and tells no one.
      await t.ok(otherSupportKey, ACKNOWLEDGE, { id: a.alertIds[0] });
      await t.ok(supportKey, ACKNOWLEDGE_MANY, { ids: [b.alertIds[0]] });

      const stored = await storedAfter(from);
      expect(stored).toHaveLength(5);
      await consoleOne.waitFor(5);
      await consoleTwo.waitFor(5);
      await ownerA.waitFor(2);
      await depletedOfB.waitFor(1);
      expect(consoleOne.received.map((x) => x.id)).toEqual(stored);
      expect(consoleTwo.received.map((x) => x.id)).toEqual(stored);
      expect(consoleOne.received.every((x) => x.acknowledgedAt !== null && x.acknowledgedBy !== null)).toBe(true);
      expect(ownerA.received.map((x) => x.id)).toEqual([a.alertIds[0], a.alertIds[1]]);
      expect(depletedOfB.received.map((x) => [x.kind, x.accountId])).toEqual([['BALANCE_DEPLETED', b.accountId]]);

      // The last one: delivered once to each, nothing more before it.
      await t.ok(otherSupportKey, ACKNOWLEDGE, { id: a.alertIds[2] });
      await consoleOne.waitFor(6);
      await consoleTwo.waitFor(6);
      await ownerA.waitFor(3);
      expect(consoleOne.received.map((x) => x.id)).toEqual([...stored, a.alertIds[2]]);
      expect(consoleTwo.received).toHaveLength(6);
      expect(depletedOfB.received).toHaveLength(1);
      for (const subscriber of [consoleOne, consoleTwo, ownerA, depletedOfB]) expect(subscriber.errors).toEqual([]);
    } finally {
      await Promise.all([consoleOne.close(), consoleTwo.close(), ownerA.close(), depletedOfB.close()]);
    }
  });

  it('resumes after the last acknowledgement seen with no gap and no duplicate while many are acknowledged at once', async () => {
    const accounts = await Promise.all([accountWithAlerts(), accountWithAlerts(), accountWithAlerts()]);
    const from = await acknowledgedThrough();
    const pick = (data: { alertAcknowledged: Acknowledged }) => data.alertAcknowledged;
    const first = subscribe(t.url, supportKey, ALERT_ACKNOWLEDGED, { after: from }, pick);
    await t.ok(supportKey, ACKNOWLEDGE, { id: accounts[0]!.alertIds[0] });
    await first.waitFor(1);
    await first.close();
    const lastSeen = first.received.at(-1)!.acknowledgementPosition;
    // While disconnected, eight alerts are acknowledged concurrently by three callers (one twice, by two).
    const rest = accounts.flatMap((account) => account.alertIds).filter((id) => id !== accounts[0]!.alertIds[0]);
    const callers = [supportKey, otherSupportKey, ...accounts.map((account) => account.ownerKey)];
    await Promise.all([
      ...rest.map((id, index) => {
        const owner = accounts.find((account) => account.alertIds.includes(id))!.ownerKey;
        return t.ok(index % 2 === 0 ? callers[index % 2]! : owner, ACKNOWLEDGE, { id });
      }),
      t.ok(otherSupportKey, ACKNOWLEDGE_MANY, { ids: rest.slice(0, 2) }),
    ]);
    const resumed = subscribe(t.url, otherSupportKey, ALERT_ACKNOWLEDGED, { after: lastSeen }, pick);
    try {
      const stored = await storedAfter(from);
      expect(stored).toHaveLength(9);
      await resumed.waitFor(8);
      const all = [...first.received, ...resumed.received].map((x) => x.id);
      expect(all).toEqual(stored);
      expect(new Set(all).size).toBe(all.length);
      // The page's acknowledgedThrough is the newest position: resuming from it delivers nothing old.
      expect(await acknowledgedThrough()).toBe(resumed.received.at(-1)!.acknowledgementPosition);
      expect(resumed.errors).toEqual([]);
    } finally {
      await resumed.close();
    }
    await t.assertLedger();
  });

  it('refuses a malformed or future position, an empty kinds list and another tenant; the head itself is fine', async () => {
    const a = await accountWithAlerts();
    const b = await accountWithAlerts();
    const ahead = (BigInt(await acknowledgedThrough()) + 1n).toString();
    const cases: [string, Record<string, unknown>, string][] = [
      [supportKey, { after: 'x' }, 'BAD_USER_INPUT'],
      [supportKey, { after: '-1' }, 'BAD_USER_INPUT'],
      [supportKey, { after: ahead }, 'BAD_USER_INPUT'],
      [supportKey, { kinds: [] }, 'BAD_USER_INPUT'],
      [a.ownerKey, { accountId: b.accountId }, 'NOT_FOUND'],
    ];
    for (const [token, variables, code] of cases) {
      const subscriber = subscribe(t.url, token, ALERT_ACKNOWLEDGED, variables, (d) => d.alertAcknowledged);
      try {
        await expect.poll(() => subscriber.errors.length, { timeout: 10_000 }).toBeGreaterThan(0);
        expect(JSON.stringify(subscriber.errors)).toContain(code);
      } finally {
        await subscriber.close();
      }
    }
    const atHead = subscribe(t.url, supportKey, ALERT_ACKNOWLEDGED, { after: await acknowledgedThrough() }, (d) => d.alertAcknowledged);
    try {
      await t.ok(a.ownerKey, ACKNOWLEDGE, { id: a.alertIds[0] });
      await atHead.waitFor(1);
      expect(atHead.errors).toEqual([]);
    } finally {
      await atHead.close();
    }
  });
});
