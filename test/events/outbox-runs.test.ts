// Goal: a posting statement of many events on one wallet writes ONE outbox row standing for the run of
// their sequences, and every reader still sees each transaction exactly once, in order: transactionAdded
// and balanceChanged (live, and resumed in the middle of a run), the webhook producer (one
// TRANSACTION_CREATED per transaction) and the alert processor (a threshold crossed inside a run).
// Method: the real server with its webhook producer, sender and a loopback receiver; recordUsage
// statements and single charges over HTTP; the real graphql-ws client; outbox, webhook and alert rows
// read back; the ledger invariants last.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drainAlerts, drainWebhookProducer } from '../support/consumers.js';
import { runSql } from '../support/sql.js';
import { subscribe, TRANSACTION_ADDED, type AddedTransaction } from '../support/subscriber.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { WebhookReceiver } from '../support/webhook-receiver.js';

const RECORD_USAGE = `mutation($input: RecordUsageInput!) { recordUsage(input: $input) { postedCount } }`;
const CHARGE = `mutation($input: ChargeInput!) { charge(input: $input) { transaction { sequence } } }`;
const CREATE_ENDPOINT = `mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { endpoint { id } } }`;
const BALANCE_CHANGED = `subscription($walletId: ID!, $afterSequence: String) {
  balanceChanged(walletId: $walletId, afterSequence: $afterSequence) { balance available reserved sequence }
}`;

interface WalletState {
  balance: string;
  available: string;
  reserved: string;
  sequence: string;
}

let t: TestApp;
let receiver: WebhookReceiver;
beforeAll(async () => {
  t = await startTestApp({ webhooksEnabled: true, webhookProducerIntervalMs: 50, webhookSenderIntervalMs: 50, billingClockEnabled: false });
  receiver = await WebhookReceiver.start();
});
afterAll(async () => {
  await t?.close();
  await receiver?.close();
});

/** Sequences from..to, as the API writes them. */
function sequences(from: number, to: number): string[] {
  return Array.from({ length: to - from + 1 }, (_, index) => String(from + index));
}

describe('one outbox row per statement and wallet', () => {
  it('subscribers, webhooks and alerts each see every transaction of the runs once, in order', async () => {
    const { accountId, walletId, ownerKey } = await t.createAccount(`Runs ${randomUUID().slice(0, 8)}`);
    const endpoint = (
      await t.ok(ownerKey, CREATE_ENDPOINT, { input: { url: `${receiver.url}/runs`, eventTypes: ['TRANSACTION_CREATED'] } })
    ).createWebhookEndpoint.endpoint.id as string;
    await t.fund(walletId, '12'); // sequence 1, balance 12

    const added = subscribe(
      t.url,
      ownerKey,
      TRANSACTION_ADDED,
      { walletId, afterSequence: '1' },
      (d) => d.transactionAdded as AddedTransaction,
    );
    const states = subscribe(t.url, ownerKey, BALANCE_CHANGED, { walletId, afterSequence: '1' }, (d) => d.balanceChanged as WalletState);
    try {
      // Sequences 2..9 in one statement (balance 11 → 4, crossing the default low-balance threshold of 5
      // at sequence 8), a single charge (10), then 2 more in one statement (11..12, reaching 0 at 12).
      const usage = (count: number) => Array.from({ length: count }, (_, index) => ({ walletId, amount: '1', description: `u${index}` }));
      expect((await t.ok(ownerKey, RECORD_USAGE, { input: { events: usage(8) } })).recordUsage.postedCount).toBe(8);
      await t.ok(ownerKey, CHARGE, { input: { walletId, amount: '2' } });
      expect((await t.ok(ownerKey, RECORD_USAGE, { input: { events: usage(2) } })).recordUsage.postedCount).toBe(2);

      const rows = await runSql(
        t.app.orm.em.fork(),
        `select wallet_sequence::text as sequence, transaction_count from outbox_event
          where type = 'WALLET_TRANSACTION' and wallet_id = $1 order by tx_id, id`,
        [walletId],
      );
      expect(rows.map((row) => [row.sequence, row.transaction_count])).toEqual([
        ['1', 1],
        ['9', 8],
        ['10', 1],
        ['12', 2],
      ]);

      // Live subscribers: each transaction once, in order, with the balance right after it.
      const balances = ['11', '10', '9', '8', '7', '6', '5', '4', '2', '1', '0'];
      expect((await added.waitFor(11)).map((x) => x.sequence)).toEqual(sequences(2, 12));
      expect((await states.waitFor(11)).map((x) => [x.sequence, x.balance, x.reserved, x.available])).toEqual(
        sequences(2, 12).map((sequence, index) => [sequence, balances[index], '0', balances[index]]),
      );

      // Resumed in the middle of the first run (after 5: its row stands for 2..9) and at its last.
      for (const after of [5, 9]) {
        const resumedAdded = subscribe(
          t.url,
          ownerKey,
          TRANSACTION_ADDED,
          { walletId, afterSequence: String(after) },
          (d) => d.transactionAdded as AddedTransaction,
        );
        const resumedStates = subscribe(
          t.url,
          ownerKey,
          BALANCE_CHANGED,
          { walletId, afterSequence: String(after) },
          (d) => d.balanceChanged as WalletState,
        );
        try {
          expect((await resumedAdded.waitFor(12 - after)).map((x) => x.sequence)).toEqual(sequences(after + 1, 12));
          expect((await resumedStates.waitFor(12 - after)).map((x) => [x.sequence, x.balance, x.reserved])).toEqual(
            sequences(after + 1, 12).map((sequence) => [sequence, balances[Number(sequence) - 2], '0']),
          );
          expect([...resumedAdded.errors, ...resumedStates.errors]).toEqual([]);
        } finally {
          await Promise.all([resumedAdded.close(), resumedStates.close()]);
        }
      }

      // Webhooks: one TRANSACTION_CREATED per transaction, in sequence order, with its own figures.
      await drainWebhookProducer(t);
      const events = await runSql<{ body: string; source_key: string }>(
        t.app.orm.em.fork(),
        `select e.body, e.source_key from webhook_delivery d join webhook_event e on e.id = d.event_id
          where d.endpoint_id = $1 order by d.position`,
        [endpoint],
      );
      const data = events.map((event) => JSON.parse(event.body).data as { sequence: string; balanceAfter: string; id: string });
      expect(data.map((x) => x.sequence)).toEqual(sequences(1, 12));
      expect(data.map((x) => x.balanceAfter)).toEqual(['12', ...balances]);
      expect(new Set(events.map((event) => event.source_key)).size).toBe(12);
      expect(new Set(data.map((x) => x.id)).size).toBe(12);
      const deliveries = () => runSql(t.app.orm.em.fork(), `select d.status from webhook_delivery d where d.endpoint_id = $1`, [endpoint]);
      await expect
        .poll(async () => (await deliveries()).filter((delivery) => delivery.status === 'DELIVERED').length, {
          timeout: 30_000,
          interval: 100,
        })
        .toBe(12);
      const delivered = receiver.received
        .map((request) => JSON.parse(request.body))
        .filter((body) => body.accountId === accountId)
        .map((body) => body.data.id);
      expect(delivered).toHaveLength(12);
      expect(new Set(delivered)).toEqual(new Set(data.map((x) => x.id)));

      // Alerts: the crossings inside runs, each once, at the transaction that crossed.
      await drainAlerts(t);
      const alerts = await runSql<{ kind: string; dedupe_key: string }>(
        t.app.orm.em.fork(),
        `select kind, dedupe_key from alert where account_id = $1 and kind in ('LOW_BALANCE', 'BALANCE_DEPLETED') order by id`,
        [accountId],
      );
      expect(alerts.map((alert) => alert.kind)).toEqual(['LOW_BALANCE', 'BALANCE_DEPLETED']);
      expect(alerts[0]!.dedupe_key).toMatch(/:8$/);
      expect(alerts[1]!.dedupe_key).toBe(`BALANCE_DEPLETED:${walletId}:12`);

      expect(added.received).toHaveLength(11);
      expect(states.received).toHaveLength(11);
      expect([...added.errors, ...states.errors]).toEqual([]);
      await t.assertLedger();
    } finally {
      await Promise.all([added.close(), states.close()]);
    }
  });
});
