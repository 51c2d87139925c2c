// Goal: the webhook producer cuts its batches by the transactions it expands into TRANSACTION_CREATED
// events (rows of subscribed accounts only), yet every subscribed transaction becomes exactly one
// event, in order, whatever the cut: a run longer than the batch, runs of unsubscribed accounts
// between, and a batch that ends in the middle of what the consumer read. Method: the real server
// with webhookProducerBatchSize 3; recordUsage statements and charges through the API on a subscribed
// and an unsubscribed account; the producer drained by hand; webhook events read back.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { drainWebhookProducer } from '../../support/consumers.js';
import { runSql } from '../../support/sql.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';

const CREATE_ENDPOINT = `mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { endpoint { id } } }`;
const RECORD_USAGE = `mutation($input: RecordUsageInput!) { recordUsage(input: $input) { postedCount } }`;
const CHARGE = `mutation($input: ChargeInput!) { charge(input: $input) { transaction { id } } }`;

let t: TestApp;
beforeAll(async () => {
  // The producer runs only when drained here (its interval is an hour), 3 transactions per batch.
  t = await startTestApp({
    webhooksEnabled: true,
    webhookProducerIntervalMs: 3_600_000,
    webhookProducerBatchSize: 3,
    billingClockEnabled: false,
  });
});
afterAll(async () => {
  await t?.close();
});

it('turns every subscribed transaction into one event, in order, across batches cut by subscribed transactions', async () => {
  const subscribed = await t.createAccount('Webhook batches subscribed');
  const other = await t.createAccount('Webhook batches other');
  await t.ok(subscribed.ownerKey, CREATE_ENDPOINT, {
    input: { url: 'http://127.0.0.1:9/hooks', eventTypes: ['TRANSACTION_CREATED'] },
  });
  await t.fund(subscribed.walletId, '100'); // sequence 1
  await t.fund(other.walletId, '100');
  const usage = (walletId: string, count: number) =>
    Array.from({ length: count }, (_, index) => ({ walletId, amount: '1', description: `w${index}` }));
  // Subscribed: a run of 5 (2..6), then charges 7 and 8 around another account's run of 10 and charge.
  await t.ok(subscribed.ownerKey, RECORD_USAGE, { input: { events: usage(subscribed.walletId, 5) } });
  await t.ok(other.ownerKey, RECORD_USAGE, { input: { events: usage(other.walletId, 10) } });
  await t.ok(subscribed.ownerKey, CHARGE, { input: { walletId: subscribed.walletId, amount: '1' } });
  await t.ok(other.ownerKey, CHARGE, { input: { walletId: other.walletId, amount: '1' } });
  await t.ok(subscribed.ownerKey, CHARGE, { input: { walletId: subscribed.walletId, amount: '1' } });
  await drainWebhookProducer(t);

  const events = await runSql<{ body: string; account_id: string }>(
    t.app.orm.em.fork(),
    `select e.body, e.account_id from webhook_delivery d join webhook_event e on e.id = d.event_id
      where e.type = 'TRANSACTION_CREATED' order by d.position`,
  );
  expect(events.every((event) => event.account_id === subscribed.accountId)).toBe(true);
  expect(events.map((event) => JSON.parse(event.body).data.sequence)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
  await t.assertLedger();
});
