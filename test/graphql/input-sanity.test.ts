// Goal: NUL characters in any text input and out-of-range numbers or cursors are refused BAD_USER_INPUT naming the field, never INTERNAL_SERVER_ERROR, on HTTP and on the socket, and change nothing. Method: a table of operations across the schema sent to the real server (variables and literals), then the ledger invariants and the untouched row counts checked.
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { sql } from '../../server/database/sql.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let tenant: { accountId: string; walletId: string; ownerKey: string };
let campaignId: string;
let ratePlanId: string;
let endpointId: string;

beforeAll(async () => {
  t = await startTestApp();
  tenant = await t.createAccount('Input Co');
  await t.fund(tenant.walletId, '100');
  ratePlanId = await t.createRatePlan([
    { prefix: '1', perMinute: '0.01', firstIncrementSeconds: 6, nextIncrementSeconds: 6, smsPerSegment: '0.01' },
  ]);
  campaignId = await t.runningCampaign(tenant.ownerKey, tenant.walletId, ratePlanId);
  const endpoint = await t.ok(
    tenant.ownerKey,
    'mutation { createWebhookEndpoint(input: { url: "http://127.0.0.1:9/hook", eventTypes: [TRANSACTION_CREATED] }) { endpoint { id } } }',
  );
  endpointId = endpoint.createWebhookEndpoint.endpoint.id;
});
afterAll(async () => {
  await t?.close();
});

const NUL = 'a\u0000b';
const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64url');

interface Case {
  name: string;
  /** 'admin' or 'owner' */
  as: 'admin' | 'owner';
  query: string;
  variables?: () => Record<string, unknown>;
  field: string;
}

const cases: Case[] = [
  // NUL characters in text, through variables.
  {
    name: 'account name',
    as: 'admin',
    query: 'mutation($name: String!) { createAccount(input: { name: $name }) { account { id } } }',
    variables: () => ({ name: NUL }),
    field: 'name',
  },
  {
    name: 'charge description',
    as: 'owner',
    query: 'mutation($input: ChargeInput!) { charge(input: $input) { transaction { id } } }',
    variables: () => ({ input: { walletId: tenant.walletId, amount: '1', description: NUL } }),
    field: 'description',
  },
  {
    name: 'charge idempotency key',
    as: 'owner',
    query: 'mutation($input: ChargeInput!) { charge(input: $input) { transaction { id } } }',
    variables: () => ({ input: { walletId: tenant.walletId, amount: '1', idempotencyKey: NUL } }),
    field: 'idempotencyKey',
  },
  {
    name: 'adjustment reason',
    as: 'admin',
    query: 'mutation($input: AdjustWalletInput!) { adjustWallet(input: $input) { transaction { id } } }',
    variables: () => ({ input: { walletId: tenant.walletId, amount: '1', reason: NUL } }),
    field: 'reason',
  },
  {
    name: 'API key name',
    as: 'owner',
    query: 'mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { apiKey } }',
    variables: () => ({ input: { accountId: tenant.accountId, role: 'INTEGRATOR', name: NUL } }),
    field: 'name',
  },
  {
    name: 'user e-mail',
    as: 'admin',
    query: 'mutation($input: CreateUserInput!) { createUser(input: $input) { user { id } } }',
    variables: () => ({
      input: { accountId: tenant.accountId, email: `x${NUL}@example.com`, name: 'X', role: 'OWNER', password: 'correct horse battery' },
    }),
    field: 'email',
  },
  {
    name: 'user password',
    as: 'admin',
    query: 'mutation($input: CreateUserInput!) { createUser(input: $input) { user { id } } }',
    variables: () => ({
      input: { accountId: tenant.accountId, email: 'nul@example.com', name: 'X', role: 'OWNER', password: `correct horse ${NUL}` },
    }),
    field: 'password',
  },
  {
    name: 'webhook URL',
    as: 'owner',
    query: 'mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { endpoint { id } } }',
    variables: () => ({ input: { url: `https://example.com/${NUL}`, eventTypes: ['TRANSACTION_CREATED'] } }),
    field: 'url',
  },
  {
    name: 'campaign name',
    as: 'owner',
    query: 'mutation($input: CreateCampaignInput!) { createCampaign(input: $input) { campaign { id } } }',
    variables: () => ({ input: { walletId: tenant.walletId, ratePlanId, name: NUL } }),
    field: 'name',
  },
  {
    name: 'message body',
    as: 'owner',
    query: 'mutation($input: SendMessageInput!) { sendMessage(input: $input) { messages { id } } }',
    variables: () => ({ input: { walletId: tenant.walletId, ratePlanId, from: '+15550001', to: ['+15550002'], body: NUL } }),
    field: 'body',
  },
  {
    name: 'message recipient in a list',
    as: 'owner',
    query: 'mutation($input: SendMessageInput!) { sendMessage(input: $input) { messages { id } } }',
    variables: () => ({
      input: { walletId: tenant.walletId, ratePlanId, from: '+15550001', to: ['+15550002', `+1555${NUL}`], body: 'hi' },
    }),
    field: 'to.1',
  },
  {
    name: 'call destination',
    as: 'owner',
    query: 'mutation($input: StartCallInput!) { startCall(input: $input) { call { id } } }',
    variables: () => ({ input: { campaignId, to: `+1${NUL}` } }),
    field: 'to',
  },
  {
    name: 'rate prefix',
    as: 'admin',
    query: 'mutation($input: CreateRatePlanInput!) { createRatePlan(input: $input) { ratePlan { id } } }',
    variables: () => ({
      input: {
        name: 'P',
        currency: 'USD',
        rates: [{ prefix: `1${NUL}`, perMinute: '0.01', firstIncrementSeconds: 6, nextIncrementSeconds: 6 }],
      },
    }),
    field: 'rates.0.prefix',
  },
  {
    name: 'billing profile VAT number',
    as: 'owner',
    query: 'mutation($input: UpdateBillingProfileInput!) { updateBillingProfile(input: $input) { billingProfile { country } } }',
    variables: () => ({ input: { vatNumber: NUL } }),
    field: 'vatNumber',
  },
  {
    name: 'wallet id',
    as: 'owner',
    query: 'query($id: ID!) { wallet(id: $id) { id } }',
    variables: () => ({ id: `${tenant.walletId}${NUL}` }),
    field: 'id',
  },
  {
    name: 'a transactions cursor',
    as: 'owner',
    query: 'query($id: ID!, $after: String) { wallet(id: $id) { transactions(after: $after) { edges { cursor } } } }',
    variables: () => ({ id: tenant.walletId, after: NUL }),
    field: 'after',
  },
  // NUL characters in literals.
  {
    name: 'account name literal',
    as: 'admin',
    query: 'mutation { createAccount(input: { name: "a\\u0000b" }) { account { id } } }',
    field: 'name',
  },
  { name: 'wallet id literal', as: 'owner', query: 'query { wallet(id: "\\u0000") { id } }', field: 'id' },
  {
    name: 'a variable-width escape in a literal',
    as: 'owner',
    query: 'mutation($id: ID!) { charge(input: { walletId: $id, amount: "1", description: "x\\u{0}y" }) { transaction { id } } }',
    variables: () => ({ id: tenant.walletId }),
    field: 'description',
  },
  // Out-of-range numbers.
  {
    name: 'first beyond Int (variable)',
    as: 'owner',
    query: 'query($id: ID!, $first: Int) { wallet(id: $id) { transactions(first: $first) { edges { cursor } } } }',
    variables: () => ({ id: tenant.walletId, first: 2 ** 31 }),
    field: 'first',
  },
  {
    name: 'first beyond Int (literal)',
    as: 'owner',
    query: 'query($id: ID!) { wallet(id: $id) { transactions(first: 2147483648) { edges { cursor } } } }',
    variables: () => ({ id: tenant.walletId }),
    field: 'first',
  },
  {
    name: 'a huge first',
    as: 'owner',
    query: 'query($id: ID!) { wallet(id: $id) { transactions(first: 2147483647) { edges { cursor } } } }',
    variables: () => ({ id: tenant.walletId }),
    field: 'first',
  },
  {
    name: 'a negative first',
    as: 'owner',
    query: 'query($id: ID!) { wallet(id: $id) { transactions(first: -1) { edges { cursor } } } }',
    variables: () => ({ id: tenant.walletId }),
    field: 'first',
  },
  { name: 'a negative first of campaigns', as: 'owner', query: '{ campaigns(first: -5) { edges { cursor } } }', field: 'first' },
  { name: 'a huge first of alerts', as: 'owner', query: '{ alerts(first: 2147483647) { edges { cursor } } }', field: 'first' },
  {
    name: 'a negative first of top-ups',
    as: 'owner',
    query: 'query($id: ID!) { wallet(id: $id) { topUps(first: -1) { id } } }',
    variables: () => ({ id: tenant.walletId }),
    field: 'first',
  },
  {
    name: 'a huge first of top-ups',
    as: 'owner',
    query: 'query($id: ID!) { wallet(id: $id) { topUps(first: 2147483647) { id } } }',
    variables: () => ({ id: tenant.walletId }),
    field: 'first',
  },
  {
    name: 'a negative spend window',
    as: 'owner',
    query: 'query($id: ID!) { campaign(id: $id) { spendByMinute(minutes: -1) { spent } } }',
    variables: () => ({ id: campaignId }),
    field: 'minutes',
  },
  {
    name: 'a huge spend window',
    as: 'owner',
    query: 'query($id: ID!) { campaign(id: $id) { spendByMinute(minutes: 2147483647) { spent } } }',
    variables: () => ({ id: campaignId }),
    field: 'minutes',
  },
  {
    name: 'an increment beyond Int',
    as: 'admin',
    query:
      'mutation { createRatePlan(input: { name: "P", currency: "USD", rates: [{ prefix: "1", perMinute: "0.01", firstIncrementSeconds: 99999999999, nextIncrementSeconds: 6 }] }) { ratePlan { id } } }',
    field: 'rates.0.firstIncrementSeconds',
  },
  {
    name: 'a huge increment',
    as: 'admin',
    query:
      'mutation { createRatePlan(input: { name: "P", currency: "USD", rates: [{ prefix: "1", perMinute: "0.01", firstIncrementSeconds: 2147483647, nextIncrementSeconds: 6 }] }) { ratePlan { id } } }',
    field: 'rates.0.firstIncrementSeconds',
  },
  {
    name: 'a negative increment',
    as: 'admin',
    query:
      'mutation { createRatePlan(input: { name: "P", currency: "USD", rates: [{ prefix: "1", perMinute: "0.01", firstIncrementSeconds: -6, nextIncrementSeconds: 6 }] }) { ratePlan { id } } }',
    field: 'rates.0.firstIncrementSeconds',
  },
  {
    name: 'a day of month out of range',
    as: 'owner',
    query:
      'mutation($id: ID!) { setMonthlyRecharge(input: { walletId: $id, enabled: true, dayOfMonth: 2147483647, amount: "10" }) { __typename } }',
    variables: () => ({ id: tenant.walletId }),
    field: 'dayOfMonth',
  },
  // Cursors that decode to nonsense or to numbers beyond any row.
  {
    name: 'a nonsense transactions cursor',
    as: 'owner',
    query: 'query($id: ID!, $after: String) { wallet(id: $id) { transactions(after: $after) { edges { cursor } } } }',
    variables: () => ({ id: tenant.walletId, after: 'nonsense' }),
    field: 'after',
  },
  {
    name: 'a transactions cursor beyond bigint',
    as: 'owner',
    query: 'query($id: ID!, $after: String) { wallet(id: $id) { transactions(after: $after) { edges { cursor } } } }',
    variables: () => ({ id: tenant.walletId, after: b64('seq:9999999999999999999') }),
    field: 'after',
  },
  {
    name: 'a calls cursor that is not base64',
    as: 'owner',
    query: 'query($id: ID!, $after: String) { calls(campaignId: $id, after: $after) { edges { cursor } } }',
    variables: () => ({ id: campaignId, after: '%%%' }),
    field: 'after',
  },
  {
    name: 'an alerts cursor beyond bigint',
    as: 'owner',
    query: 'query($after: String) { alerts(after: $after) { edges { cursor } } }',
    variables: () => ({ after: '99999999999999999999' }),
    field: 'after',
  },
  {
    name: 'a deliveries cursor beyond bigint',
    as: 'owner',
    query: 'query($id: ID!, $after: String) { webhookEndpoint(id: $id) { deliveries(after: $after) { edges { cursor } } } }',
    variables: () => ({ id: endpointId, after: b64('whd:9999999999999999999') }),
    field: 'after',
  },
  {
    name: 'a huge first of deliveries',
    as: 'owner',
    query: 'query($id: ID!) { webhookEndpoint(id: $id) { deliveries(first: 2147483647) { edges { cursor } } } }',
    variables: () => ({ id: endpointId }),
    field: 'first',
  },
  {
    name: 'a webhook description',
    as: 'owner',
    query:
      'mutation($id: ID!, $description: String) { updateWebhookEndpoint(input: { id: $id, description: $description }) { endpoint { id } } }',
    variables: () => ({ id: endpointId, description: NUL }),
    field: 'description',
  },
];

describe('text and number inputs', () => {
  it.each(cases)('$name: BAD_USER_INPUT on $field', async ({ as, query, variables, field }) => {
    const token = as === 'admin' ? t.adminToken : tenant.ownerKey;
    const response = await t.graphql(token, query, variables?.());
    expect(response.errors, JSON.stringify(response)).toHaveLength(1);
    expect(response.errors![0]!.extensions, JSON.stringify(response.errors)).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it('changed nothing', async () => {
    const counts = await sql<{ accounts: string; transactions: string; keys: string; users: string; endpoints: string; messages: string }>(
      `select (select count(*) from account) as accounts, (select count(*) from wallet_transaction) as transactions,
              (select count(*) from api_key) as keys, (select count(*) from app_user) as users,
              (select count(*) from webhook_endpoint) as endpoints, (select count(*) from message) as messages`,
    ).one(t.app.orm.em.fork());
    // One account and key from createAccount, one funding transaction: nothing from the refused inputs.
    expect(counts).toEqual({ accounts: '1', transactions: '1', keys: '1', users: '0', endpoints: '1', messages: '0' });
    await t.assertLedger();
  });

  it('refuses a NUL character on the socket as on HTTP', async () => {
    const client = createClient({
      url: `${t.url.replace(/^http/, 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      lazy: true,
      connectionParams: { authorization: `Bearer ${tenant.ownerKey}` },
    });
    try {
      const outcome = (query: string, variables: Record<string, unknown>) =>
        new Promise<unknown>((resolve) => {
          let last: unknown;
          client.subscribe({ query, variables }, { next: (value) => (last = value), error: resolve, complete: () => resolve(last) });
        });
      // Refused before execution: an error message; refused by the subscription's resolver: a result with errors.
      const errorsOf = (value: unknown) =>
        (Array.isArray(value) ? value : (value as { errors: unknown[] }).errors) as { extensions?: Record<string, unknown> }[];
      const errors = errorsOf(await outcome('query($id: ID!) { wallet(id: $id) { id } }', { id: NUL }));
      expect(errors[0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
      const resumed = errorsOf(
        await outcome('subscription($id: ID!, $after: String) { transactionAdded(walletId: $id, afterSequence: $after) { id } }', {
          id: tenant.walletId,
          after: '99999999999999999999',
        }),
      );
      expect(resumed[0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'afterSequence' });
      const named = errorsOf(
        await outcome('subscription($id: ID!) { transactionAdded(walletId: $id) { id } }', { id: `${tenant.walletId}\u0000` }),
      );
      expect(named[0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'walletId' });
    } finally {
      await client.dispose();
    }
  });
});
