// Goal: one alert, from its real cause to every place it must reach, with nothing driven by hand: a
// charge that crosses 5 and 0 reaches a SUPPORT feed, the owner's inbox (one mail per alert) and the
// integrator's endpoint (signed ALERT_RAISED events), exactly once each. Method: the real server with
// its background alert processor, mail and webhook jobs on the real clock; a real SMTP server and a
// real HTTP receiver in the test process; the real graphql-ws client.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from '../../../server/database/sql.js';
import { verifyWebhookSignature } from '../../../server/domain/webhooks/webhook-signature.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import { startSmtpTestServer, type SmtpTestServer } from '../../support/smtp-test-server.js';
import { subscribe } from '../../support/subscriber.js';
import { until } from '../../support/waiting.js';
import { WebhookReceiver } from '../../support/webhook-receiver.js';

/** Both alert readers (mail, webhooks) are at the newest alert, and the account's mails and the endpoint's deliveries are all sent. */
const jobsSettled = sql<{ settled: boolean }, { accountId: string; endpointId: string }>(
  `select (select count(*) from alert_reader r where r.name in ('mail', 'webhooks') and r.alert_id >= (select max(id) from alert)) = 2
          and not exists (select 1 from email_message m where m.account_id = :accountId and m.status = 'PENDING')
          and not exists (select 1 from webhook_delivery d where d.endpoint_id = :endpointId and d.status = 'PENDING') as settled`,
);
const queued = sql<{ mails: number; deliveries: number }, { accountId: string; endpointId: string }>(
  `select (select count(*)::int from email_message where account_id = :accountId) as mails,
          (select count(*)::int from webhook_delivery where endpoint_id = :endpointId) as deliveries`,
);

let t: TestApp;
let smtp: SmtpTestServer;
let receiver: WebhookReceiver;
beforeAll(async () => {
  smtp = await startSmtpTestServer();
  receiver = await WebhookReceiver.start();
  t = await startTestApp({
    smtpUrl: smtp.url,
    mailEnabled: true,
    webhooksEnabled: true,
    mailIntervalMs: 100,
    webhookProducerIntervalMs: 100,
    webhookSenderIntervalMs: 100,
  });
});
afterAll(async () => {
  await t?.close();
  await receiver?.close();
  await smtp?.close();
});

it('a charge crossing 5 and then 0 reaches support live, the owner by e-mail and the integrator by webhook, once each', async () => {
  const { accountId, walletId, ownerKey } = await t.createAccount('Acme Voice');
  const email = `owner-${randomUUID().slice(0, 8)}@example.com`;
  await t.ok(t.adminToken, `mutation($input: CreateUserInput!) { createUser(input: $input) { user { id } } }`, {
    input: { accountId, email, name: 'Owner', role: 'OWNER', password: 'correct horse battery' },
  });
  const endpoint = (
    await t.ok(
      ownerKey,
      `mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { endpoint { id } secret } }`,
      {
        input: { url: `${receiver.url}/alerts`, eventTypes: ['ALERT_RAISED'] },
      },
    )
  ).createWebhookEndpoint;
  const supportKey = (await t.createKey(null, 'SUPPORT')).secret;
  const head = (await t.ok(supportKey, `{ alerts(first: 1) { edges { node { position } } } }`)).alerts.edges[0]?.node.position ?? '0';
  const feed = subscribe(
    t.url,
    supportKey,
    `subscription($after: String) { alertRaised(afterPosition: $after) { id kind accountId } }`,
    { after: head },
    (d) => d.alertRaised,
  );
  try {
    await t.fund(walletId, '10');
    const charge = (amount: string) =>
      t.ok(ownerKey, `mutation($input: ChargeInput!) { charge(input: $input) { transaction { id } } }`, {
        input: { walletId, amount, description: 'usage', idempotencyKey: randomUUID() },
      });
    await charge('5.5');
    await charge('4.5');

    const live = await feed.waitFor(2);
    expect(live.map((alert) => [alert.kind, alert.accountId])).toEqual([
      ['LOW_BALANCE', accountId],
      ['BALANCE_DEPLETED', accountId],
    ]);

    const mails = await smtp.waitForMail(2);
    // Senders work in parallel: mails and webhooks may arrive in either order.
    expect(mails.map((mail) => [mail.envelopeTo, mail.subject]).sort()).toEqual([
      [[email], 'Low balance: $4.50 left in Acme Voice'],
      [[email], 'Your balance is $0.00: calls and messages have stopped (Acme Voice)'],
    ]);

    await expect.poll(() => receiver.received.length, { timeout: 15_000 }).toBe(2);
    const events = receiver.events();
    expect(events.map((event) => [event.type, event.data.kind, event.data.balance]).sort()).toEqual([
      ['ALERT_RAISED', 'BALANCE_DEPLETED', '0'],
      ['ALERT_RAISED', 'LOW_BALANCE', '4.5'],
    ]);
    for (const request of receiver.received) {
      expect(verifyWebhookSignature(request.body, request.headers['spendwire-signature'] as string, endpoint.secret, 300)).toBe(true);
    }

    // Nothing arrives twice: a second pass of the processor finds nothing new, and once the mail and
    // webhook jobs have read past the last alert with nothing left to send, no copy can be on its way.
    expect(await t.app.alertProcessor.pass()).toBe(0);
    const params = { accountId, endpointId: endpoint.endpoint.id };
    await until('the mail and webhook jobs to read past the last alert and send all they queued', async () => {
      return (await jobsSettled.one(t.app.orm.em.fork(), params)).settled;
    });
    expect(await queued.one(t.app.orm.em.fork(), params)).toEqual({ mails: 2, deliveries: 2 });
    expect([feed.received.length, smtp.received.length, receiver.received.length]).toEqual([2, 2, 2]);
    await t.assertLedger();
  } finally {
    await feed.close();
  }
});
