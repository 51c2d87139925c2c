// Goal: every worked operation in schema/examples/ is valid against the schema and works as its comment says.
// Method: parse and validate each file against the built and the committed schema, then run each operation against a real test server with real fixtures.
import fs from 'node:fs/promises';
import path from 'node:path';
import {
  buildSchema,
  Kind,
  parse,
  print,
  validate,
  visit,
  type DefinitionNode,
  type DocumentNode,
  type OperationDefinitionNode,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSchema } from '../../server/graphql/schema.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { drainWebhookProducer } from '../support/consumers.js';
import { subscribe } from '../support/subscriber.js';
import { until } from '../support/waiting.js';

const EXAMPLES_DIR = path.resolve('schema/examples');

/** Every example file's name and text. */
async function examples(): Promise<{ file: string; text: string }[]> {
  const files = (await fs.readdir(EXAMPLES_DIR)).filter((file) => file.endsWith('.graphql')).sort();
  return Promise.all(files.map(async (file) => ({ file, text: await fs.readFile(path.join(EXAMPLES_DIR, file), 'utf8') })));
}

/** The named operation of a parsed example with only the fragments it spreads (a server refuses unused ones). */
function operationText(document: DocumentNode, name: string): string {
  const operation = document.definitions.find(
    (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION && definition.name?.value === name,
  );
  if (!operation) throw new Error(`No operation ${name}`);
  const fragments = new Map(
    document.definitions.flatMap((definition) =>
      definition.kind === Kind.FRAGMENT_DEFINITION ? [[definition.name.value, definition] as const] : [],
    ),
  );
  const used = new Set<string>();
  const collect = (node: DefinitionNode) =>
    visit(node, {
      FragmentSpread(spread) {
        if (used.has(spread.name.value)) return;
        used.add(spread.name.value);
        collect(fragments.get(spread.name.value)!);
      },
    });
  collect(operation);
  return [operation, ...[...used].map((fragment) => fragments.get(fragment)!)].map((definition) => print(definition)).join('\n\n');
}

describe('schema/examples', () => {
  it('holds one file per integrator task, each opening with a comment on the task and its variables', async () => {
    const files = await examples();
    expect(files.map(({ file }) => file)).toEqual([
      'alerts.graphql',
      'calls.graphql',
      'charge-wallet.graphql',
      'record-usage.graphql',
      'sms.graphql',
      'top-up.graphql',
      'wallet-subscription.graphql',
      'webhooks.graphql',
    ]);
    for (const { file, text } of files) {
      expect(text.startsWith('# '), file).toBe(true);
      expect(text, file).toMatch(/Variables/);
    }
  });

  it('validates against the schema the server builds and the committed schema/schema.graphql', async () => {
    const schemas = [await createSchema(), buildSchema(await fs.readFile(path.resolve('schema/schema.graphql'), 'utf8'))];
    for (const { file, text } of await examples()) {
      const document = parse(text);
      for (const schema of schemas) expect(validate(schema, document).map((error) => `${file}: ${error.message}`)).toEqual([]);
    }
  });
});

describe('schema/examples against a running server', () => {
  let t: TestApp;
  let documents: Map<string, DocumentNode>;
  let ownerKey: string;
  let walletId: string;
  let ratePlanId: string;

  /** Runs one example operation over HTTP as `token`; fails on any error; returns its data. */
  async function run(file: string, operation: string, variables: Record<string, unknown> = {}, token = ownerKey): Promise<any> {
    const response = await t.graphql(token, operationText(documents.get(file)!, operation), variables);
    expect(response.errors, `${file} ${operation}: ${JSON.stringify(response.errors)}`).toBeUndefined();
    return response.data;
  }

  beforeAll(async () => {
    t = await startTestApp();
    documents = new Map((await examples()).map(({ file, text }) => [file, parse(text)]));
    ({ ownerKey, walletId } = await t.createAccount('Examples'));
    await t.fund(walletId, '100');
    ratePlanId = await t.createRatePlan([
      { prefix: '44', perMinute: '0.6', firstIncrementSeconds: 60, nextIncrementSeconds: 6, smsPerSegment: '0.04' },
    ]);
  });

  afterAll(async () => {
    await t?.close();
  });

  it('charge-wallet.graphql: charges once, a retry with the same key replays', async () => {
    const input = { walletId, amount: '2.75', description: 'Order 1042', idempotencyKey: 'order-1042' };
    const first = (await run('charge-wallet.graphql', 'ChargeWallet', { input })).charge;
    expect(first).toMatchObject({ replayed: false, transaction: { kind: 'CHARGE', type: 'DEBIT', amount: '2.75' } });
    expect((await run('charge-wallet.graphql', 'ChargeWallet', { input })).charge.replayed).toBe(true);
    const wallet = (await run('charge-wallet.graphql', 'WalletBalance', { walletId })).wallet;
    expect(wallet).toMatchObject({ balance: '97.25', available: '97.25' });
    expect(wallet.transactions.edges[0].node).toMatchObject({ kind: 'CHARGE', description: 'Order 1042' });
  });

  it('record-usage.graphql: charges each event in order, refuses the one the balance no longer covers, replays a retried batch', async () => {
    const input = {
      events: [
        { walletId, amount: '0.0085', description: 'call 7781', idempotencyKey: 'cdr-7781' },
        { walletId, amount: '1000', description: 'too much', idempotencyKey: 'cdr-7782' },
        { walletId, amount: '0.012', description: 'call 7783', idempotencyKey: 'cdr-7783' },
      ],
    };
    const first = (await run('record-usage.graphql', 'RecordUsage', { input })).recordUsage;
    expect(first).toMatchObject({ postedCount: 2, replayedCount: 0, refusedCount: 1 });
    expect(first.results.map((result: { status: string }) => result.status)).toEqual(['POSTED', 'REFUSED', 'POSTED']);
    expect(first.results[1].error.code).toBe('INSUFFICIENT_FUNDS');
    const retried = (await run('record-usage.graphql', 'RecordUsage', { input })).recordUsage;
    expect(retried).toMatchObject({ postedCount: 0, replayedCount: 2, refusedCount: 1 });
    expect(retried.results[0].transaction.id).toBe(first.results[0].transaction.id);
  });

  it('top-up.graphql: quotes, starts a top-up that needs 3-D Secure, and refreshes it once authenticated', async () => {
    expect((await run('top-up.graphql', 'QuoteTopUp', { walletId, amount: '50' })).quoteTopUp).toMatchObject({
      amount: '50',
      currency: 'USD',
    });
    const input = {
      walletId,
      amount: '50',
      paymentMethodId: 'pm_card_authenticationRequired',
      savePaymentMethod: false,
      idempotencyKey: 'checkout-7f3a',
    };
    const started = (await run('top-up.graphql', 'StartTopUp', { input })).topUp.topUp;
    expect(started.status).toBe('REQUIRES_ACTION');
    expect(started.clientSecret).toEqual(expect.any(String));
    await t.app.stripeSandbox!.authenticate(started.paymentIntentId, 'succeed');
    const refreshed = (await run('top-up.graphql', 'RefreshTopUp', { id: started.id })).refreshTopUp.topUp;
    expect(refreshed.status).toBe('SUCCEEDED');
    expect(refreshed.receipt.receiptNumber).toEqual(expect.any(String));
  });

  it('calls.graphql: starts a call on a running campaign and ends it', async () => {
    const campaignId = await t.runningCampaign(ownerKey, walletId, ratePlanId);
    const input = { campaignId, to: '+447700900123', idempotencyKey: 'dialer-call-991' };
    const call = (await run('calls.graphql', 'StartCall', { input })).startCall.call;
    expect(call).toMatchObject({ status: 'ACTIVE', perMinute: '0.6' });
    const ended = (await run('calls.graphql', 'EndCall', { input: { callId: call.id } })).endCall.call;
    expect(ended).toMatchObject({ status: 'COMPLETED', endReason: 'HANGUP', reserved: '0' });
    const calls = {
      input: {
        calls: [
          { campaignId, to: '+447700900123', idempotencyKey: 'dialer-call-992' },
          { campaignId, to: '+447700900124', idempotencyKey: 'dialer-call-993' },
        ],
      },
    };
    const started = (await run('calls.graphql', 'StartCalls', calls)).startCalls;
    expect(started).toMatchObject({ activeCount: 2, refusedCount: 0, replayedCount: 0, failedCount: 0 });
    expect((await run('calls.graphql', 'StartCalls', calls)).startCalls).toMatchObject({ activeCount: 0, replayedCount: 2 });
    const callIds = started.results.map((result: { call: { id: string } }) => ({ callId: result.call.id }));
    const hungUp = (await run('calls.graphql', 'EndCalls', { input: { calls: callIds } })).endCalls;
    expect(hungUp).toMatchObject({ endedCount: 2, unchangedCount: 0, failedCount: 0 });
    expect(hungUp.results.map((result: { status: string }) => result.status)).toEqual(['ENDED', 'ENDED']);
  });

  it('sms.graphql: sends a message, holding its price, and charges it on its delivery report', async () => {
    const input = {
      walletId,
      ratePlanId,
      from: '+15550100002',
      to: ['+447700900123'],
      body: 'Your code is 123456',
      idempotencyKey: 'otp-5521',
    };
    const sent = (await run('sms.graphql', 'SendMessage', { input })).sendMessage;
    expect(sent).toMatchObject({ held: '0.04', replayed: false, messages: [{ status: 'PENDING', hold: '0.04' }] });
    const report = { input: { messageId: sent.messages[0].id, status: 'DELIVERED' } };
    const reported = (await run('sms.graphql', 'ReportMessageDelivery', report)).reportMessageDelivery;
    expect(reported.message).toMatchObject({ status: 'DELIVERED', hold: '0', price: '0.04' });
  });

  it('wallet-subscription.graphql: replays the history after a sequence, then goes on live', async () => {
    const document = documents.get('wallet-subscription.graphql')!;
    const variables = { walletId, afterSequence: '1' };
    const transactions = subscribe(
      t.url,
      ownerKey,
      operationText(document, 'TransactionAdded'),
      variables,
      (data) => data.transactionAdded,
    );
    const balances = subscribe(t.url, ownerKey, operationText(document, 'BalanceChanged'), variables, (data) => data.balanceChanged);
    try {
      // The wallet's sequence is its last transaction's: after "1" come 2..history.
      const history = Number((await t.ok(ownerKey, 'query($id: ID!) { wallet(id: $id) { sequence } }', { id: walletId })).wallet.sequence);
      expect(history).toBeGreaterThan(2);
      await transactions.waitFor(history - 1);
      await balances.waitFor(history - 1);
      await run('charge-wallet.graphql', 'ChargeWallet', {
        input: { walletId, amount: '1', description: 'Live', idempotencyKey: 'live-1' },
      });
      const received = await transactions.waitFor(history);
      expect(received.map((transaction) => Number(transaction.sequence))).toEqual(Array.from({ length: history }, (_, index) => index + 2));
      expect(received.at(-1)).toMatchObject({ description: 'Live', amount: '1' });
      expect((await balances.waitFor(history)).at(-1)!.sequence).toBe(received.at(-1)!.sequence);
      expect([...transactions.errors, ...balances.errors]).toEqual([]);
    } finally {
      await Promise.all([transactions.close(), balances.close()]);
    }
  });

  it('alerts.graphql: lists an open alert, acknowledges it, and the feed subscription replays it', async () => {
    const account = await t.createAccount('Alerts example');
    await t.fund(account.walletId, '6');
    await t.ok(account.ownerKey, 'mutation($input: ChargeInput!) { charge(input: $input) { replayed } }', {
      input: { walletId: account.walletId, amount: '2', description: 'Below the 5 threshold' },
    });
    let open: any[] = [];
    await until('a LOW_BALANCE alert', async () => {
      await t.app.alertProcessor.pass();
      open = (await run('alerts.graphql', 'OpenAlerts', { kinds: ['LOW_BALANCE'], first: 20, after: null }, account.ownerKey)).alerts.edges;
      return open.length > 0;
    });
    expect(open[0].node).toMatchObject({ kind: 'LOW_BALANCE', walletId: account.walletId, threshold: '5', balance: '4' });
    const acknowledged = (await run('alerts.graphql', 'AcknowledgeAlert', { id: open[0].node.id }, account.ownerKey)).acknowledgeAlert
      .alert;
    expect(acknowledged.acknowledgedAt).toEqual(expect.any(String));
    expect((await run('alerts.graphql', 'OpenAlerts', { kinds: ['LOW_BALANCE'] }, account.ownerKey)).alerts.edges).toEqual([]);
    const alertRaised = operationText(documents.get('alerts.graphql')!, 'AlertRaised');
    const feed = subscribe(t.url, account.ownerKey, alertRaised, { afterPosition: '0' }, (data) => data.alertRaised);
    try {
      expect((await feed.waitFor(1))[0]).toMatchObject({ id: open[0].node.id, kind: 'LOW_BALANCE' });
    } finally {
      await feed.close();
    }
  });

  it('webhooks.graphql: creates, changes, lists, rotates, shows and replays deliveries, deletes', async () => {
    const file = 'webhooks.graphql';
    const created = (
      await run(file, 'CreateEndpoint', {
        input: {
          url: 'https://example.com/hooks/spendwire',
          eventTypes: ['TRANSACTION_CREATED', 'ALERT_RAISED'],
          description: 'Ledger sync',
        },
      })
    ).createWebhookEndpoint;
    expect(created.secret).toMatch(/^whsec_/);
    const id = created.endpoint.id;
    expect((await run(file, 'UpdateEndpoint', { input: { id, enabled: false } })).updateWebhookEndpoint.endpoint).toMatchObject({
      enabled: false,
    });
    await run(file, 'UpdateEndpoint', { input: { id, enabled: true } });
    expect((await run(file, 'Endpoints')).webhookEndpoints.map((endpoint: any) => endpoint.id)).toContain(id);
    const rotated = (await run(file, 'RotateSecret', { id })).rotateWebhookEndpointSecret;
    expect(rotated.secret).toMatch(/^whsec_/);
    expect(rotated.secret).not.toBe(created.secret);
    await t.fund(walletId, '1');
    expect(await drainWebhookProducer(t)).toBeGreaterThan(0);
    const deliveries = (await run(file, 'EndpointDeliveries', { id })).webhookEndpoint.deliveries.edges;
    expect(deliveries[0].node).toMatchObject({ eventType: 'TRANSACTION_CREATED', status: 'PENDING' });
    expect((await run(file, 'ReplayDelivery', { id: deliveries[0].node.id })).replayWebhookDelivery.delivery).toMatchObject({
      status: 'PENDING',
    });
    expect((await run(file, 'DeleteEndpoint', { id })).deleteWebhookEndpoint.endpoint.id).toBe(id);
  });
});
