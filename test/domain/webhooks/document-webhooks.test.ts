// Goal: integrators hear of every invoice and credit note once, signed like every other event, with the document's number, amounts, currency and a PDF link that works with their key. Method: the real server with its webhook producer and sender running, a real HTTP receiver on a loopback port, card top-ups and a refund through the API and the loopback Stripe sandbox; the producer drained before the deliveries are counted in the database.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEBHOOK_READER_NAME } from '../../../server/domain/webhooks/produce-webhook-events.service.js';
import { verifyWebhookSignature } from '../../../server/domain/webhooks/webhook-signature.js';
import { runSql } from '../../support/sql.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import { drainOutboxConsumer, until } from '../../support/waiting.js';
import { WebhookReceiver } from '../../support/webhook-receiver.js';
import { settle, topUp } from '../payments/payments-support.js';

const CREATE = `mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { secret endpoint { id } } }`;
const REFUND = `mutation($input: RefundUnusedCreditInput!) { refundUnusedCredit(input: $input) { refunds { status } } }`;
const INVOICES = `query { invoices(first: 10) { edges { node { id number kind net tax total currency } } } }`;

let t: TestApp;
let receiver: WebhookReceiver;
let support: string;

beforeAll(async () => {
  t = await startTestApp({
    webhooksEnabled: true,
    webhookProducerIntervalMs: 50,
    webhookSenderIntervalMs: 50,
    billingClockEnabled: false,
  });
  receiver = await WebhookReceiver.start();
  support = (await t.createKey(null, 'SUPPORT')).secret;
});
afterAll(async () => {
  await t?.close();
  await receiver?.close();
});

/** Deliveries the producer created for the endpoint, by event type, once it has read the whole outbox. */
async function deliveriesByType(endpointId: string): Promise<Record<string, number>> {
  const em = t.app.orm.em.fork();
  await drainOutboxConsumer(
    (text, values) => runSql(em, text, values),
    WEBHOOK_READER_NAME,
    () => t.app.webhooks.produceOnce(),
  );
  const rows = await runSql<{ type: string; count: number }>(
    em,
    `select e.type, count(*)::int as count from webhook_delivery d join webhook_event e on e.id = d.event_id
      where d.endpoint_id = $1 group by e.type`,
    [endpointId],
  );
  return Object.fromEntries(rows.map((row) => [row.type, row.count]));
}

describe('document webhooks', () => {
  it('a settled top-up yields one INVOICE_ISSUED, a refund one CREDIT_NOTE_ISSUED, signed, with figures and a PDF link that downloads', async () => {
    const { accountId, walletId, ownerKey } = await t.createAccount('Documents Ltd');
    const other = await t.createAccount('Someone else');
    const created = (
      await t.ok(ownerKey, CREATE, { input: { url: `${receiver.url}/documents`, eventTypes: ['INVOICE_ISSUED', 'CREDIT_NOTE_ISSUED'] } })
    ).createWebhookEndpoint;
    const { secret } = created;
    const endpointId = created.endpoint.id;

    await topUp(t, ownerKey, { walletId, amount: '40', paymentMethodId: 'pm_card_visa', idempotencyKey: randomUUID() });
    await topUp(t, other.ownerKey, {
      walletId: other.walletId,
      amount: '15',
      paymentMethodId: 'pm_card_visa',
      idempotencyKey: randomUUID(),
    });
    await settle(t);
    const mine = () => receiver.events().filter((event) => event.accountId === accountId);
    await until('the INVOICE_ISSUED delivery', () => mine().some((event) => event.type === 'INVOICE_ISSUED'));

    const [invoice] = (await t.ok(ownerKey, INVOICES, {})).invoices.edges.map((edge: { node: Record<string, string> }) => edge.node);
    const issued = mine().find((event) => event.type === 'INVOICE_ISSUED')!;
    expect(issued.data).toEqual(
      expect.objectContaining({
        id: invoice.id,
        kind: 'INVOICE',
        number: invoice.number,
        walletId,
        currency: 'USD',
        net: invoice.net,
        tax: invoice.tax,
        total: invoice.total,
        creditedInvoiceId: null,
        pdfUrl: `${t.url}/documents/invoices/${invoice.id}.pdf`,
      }),
    );
    const request = receiver.received.find((received) => JSON.parse(received.body).id === (issued as { id: string }).id)!;
    expect(verifyWebhookSignature(request.body, request.headers['spendwire-signature'] as string, secret, 300, Date.now() / 1000)).toBe(
      true,
    );
    const pdf = await fetch(issued.data.pdfUrl, { headers: { authorization: `Bearer ${ownerKey}` } });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');

    await t.ok(support, REFUND, { input: { walletId, amount: '10', reason: 'Customer request', idempotencyKey: randomUUID() } });
    await settle(t);
    await until('the CREDIT_NOTE_ISSUED delivery', () => mine().some((event) => event.type === 'CREDIT_NOTE_ISSUED'));
    const note = mine().find((event) => event.type === 'CREDIT_NOTE_ISSUED')!;
    expect(note.data).toEqual(
      expect.objectContaining({
        kind: 'CREDIT_NOTE',
        number: expect.stringMatching(/^SW-CN-/),
        walletId,
        currency: 'USD',
        net: '10',
        creditedInvoiceId: invoice.id,
        creditedInvoiceNumber: invoice.number,
        pdfUrl: expect.stringMatching(/\/documents\/invoices\/[0-9]+\.pdf$/),
      }),
    );

    // Exactly one of each for this endpoint; the other account's invoice went nowhere near it.
    expect(await deliveriesByType(endpointId)).toEqual({ INVOICE_ISSUED: 1, CREDIT_NOTE_ISSUED: 1 });
    expect(mine().filter((event) => event.type === 'INVOICE_ISSUED')).toHaveLength(1);
    expect(receiver.events().filter((event) => event.accountId === other.accountId)).toEqual([]);
    await t.assertLedger();
  });
});
