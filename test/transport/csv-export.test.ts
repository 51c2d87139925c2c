// Goal: the transaction history downloads as CSV with the page's filters (type, kind, status, dates, campaign), streamed in batches without gap or repeat, safe to open in a spreadsheet, only for who may see the wallet. Method: the real server; fetch with an API key and with the session cookie; exact rows compared with the GraphQL history; a batch size of 3 to cross batch boundaries.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvCell } from '../../server/domain/wallets/export-wallet-transactions.service.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({ billingClockEnabled: false, exportBatchSize: 3 });
});
afterAll(async () => {
  await t?.close();
});

const CHARGE = `mutation($input: ChargeInput!) { charge(input: $input) { transaction { id } } }`;

async function download(
  walletId: string,
  headers: Record<string, string>,
  query = '',
): Promise<{ status: number; type: string | null; body: string }> {
  const response = await fetch(`${t.url}/export/wallets/${walletId}/transactions.csv${query}`, { headers });
  return { status: response.status, type: response.headers.get('content-type'), body: await response.text() };
}

/** Parses the CSV this export writes (quoted cells, doubled quotes, CRLF). */
function parse(csv: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const c = csv[i]!;
    if (quoted) {
      if (c === '"' && csv[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && csv[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  return rows;
}

describe('GET /export/wallets/:id/transactions.csv', () => {
  it('streams every transaction newest first across batches, matching the history', async () => {
    const { walletId, ownerKey } = await t.createAccount();
    await t.fund(walletId, '100');
    for (let i = 1; i <= 7; i++) await t.ok(ownerKey, CHARGE, { input: { walletId, amount: `${i}.5`, description: `call batch ${i}` } });
    const csv = await download(walletId, { authorization: `Bearer ${ownerKey}` });
    expect(csv.status).toBe(200);
    expect(csv.type).toBe('text/csv; charset=utf-8');
    const [header, ...rows] = parse(csv.body);
    expect(header).toEqual([
      'sequence',
      'created_at',
      'type',
      'kind',
      'status',
      'amount',
      'balance_before',
      'balance_after',
      'currency',
      'description',
      'payment_intent_id',
      'campaign_id',
      'transaction_id',
    ]);
    expect(rows.map((row) => row[0])).toEqual(['8', '7', '6', '5', '4', '3', '2', '1']);
    expect(rows[0]).toEqual(expect.arrayContaining(['DEBIT', 'CHARGE', 'COMPLETED', '7.5', '76', '68.5', 'USD', 'call batch 7']));
    expect(rows[7]).toEqual(expect.arrayContaining(['CREDIT', 'ADJUSTMENT', '100', '0']));
    expect(rows.every((row) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(row[1]!))).toBe(true);
  });

  it('applies the filters, and refuses a bad one with its parameter named', async () => {
    const { walletId, ownerKey } = await t.createAccount();
    await t.fund(walletId, '50');
    const ratePlanId = await t.createRatePlan([{ prefix: '', perMinute: '1', firstIncrementSeconds: 60, nextIncrementSeconds: 60 }]);
    const campaignId = await t.runningCampaign(ownerKey, walletId, ratePlanId);
    await t.ok(ownerKey, CHARGE, { input: { walletId, amount: '2', description: 'campaign charge', campaignId } });
    await t.ok(ownerKey, CHARGE, { input: { walletId, amount: '3', description: 'other charge' } });
    const auth = { authorization: `Bearer ${ownerKey}` };
    const byCampaign = parse((await download(walletId, auth, `?campaignId=${campaignId}`)).body);
    expect(byCampaign.slice(1).map((row) => row[9])).toEqual(['campaign charge']);
    // The same filter on the GraphQL history the page shows.
    const page = await t.ok(
      ownerKey,
      `query($id: ID!, $c: ID) { wallet(id: $id) { transactions(campaignId: $c) { edges { node { description } } } } }`,
      { id: walletId, c: campaignId },
    );
    expect(page.wallet.transactions.edges.map((edge: any) => edge.node.description)).toEqual(['campaign charge']);
    const badFilter = await t.graphql(
      ownerKey,
      `query($id: ID!) { wallet(id: $id) { transactions(campaignId: "nope") { edges { cursor } } } }`,
      { id: walletId },
    );
    expect(badFilter.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'campaignId' });
    const credits = parse((await download(walletId, auth, '?type=CREDIT')).body);
    expect(credits.slice(1).map((row) => row[3])).toEqual(['ADJUSTMENT']);
    const future = parse((await download(walletId, auth, `?from=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`)).body);
    expect(future).toHaveLength(1);
    for (const [query, field] of [
      ['?kind=LUNCH', 'kind'],
      ['?from=yesterday', 'from'],
      ['?campaignId=nope', 'campaignId'],
      ['?from=2026-02-01&to=2026-01-01', 'to'],
    ] as const) {
      const bad = await download(walletId, auth, query);
      expect(bad.status).toBe(400);
      expect(JSON.parse(bad.body).error).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
  });

  it('keeps spreadsheet formulas inert and quotes what needs quoting', async () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"');
    expect(csvCell(' padded')).toBe('" padded"');
    expect(csvCell('plain 1.5')).toBe('plain 1.5');
    const { walletId, ownerKey } = await t.createAccount();
    await t.fund(walletId, '5');
    await t.ok(ownerKey, CHARGE, { input: { walletId, amount: '1', description: '=1+2, "quoted"' } });
    const [, newest] = parse((await download(walletId, { authorization: `Bearer ${ownerKey}` })).body);
    expect(newest![9]).toBe(`'=1+2, "quoted"`);
  });

  it('is for who may see the wallet: 401 without credentials, 404 for another tenant, the session cookie works', async () => {
    const mine = await t.createAccount();
    const theirs = await t.createAccount();
    expect((await download(mine.walletId, {})).status).toBe(401);
    const foreign = await download(theirs.walletId, { authorization: `Bearer ${mine.ownerKey}` });
    expect([foreign.status, JSON.parse(foreign.body).error.code]).toEqual([404, 'NOT_FOUND']);
    expect((await download(randomUUID(), { authorization: `Bearer ${mine.ownerKey}` })).status).toBe(404);
    const support = await t.createKey(null, 'SUPPORT');
    expect((await download(theirs.walletId, { authorization: `Bearer ${support.secret}` })).status).toBe(200);

    const email = `csv-${randomUUID().slice(0, 8)}@example.com`;
    await t.ok(t.adminToken, `mutation($input: CreateUserInput!) { createUser(input: $input) { user { id } } }`, {
      input: { accountId: mine.accountId, email, name: 'Csv', role: 'CAMPAIGN_MANAGER', password: 'long enough password' },
    });
    const signIn = await fetch(`${t.url}/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: 'long enough password' }),
    });
    const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
    expect((await download(mine.walletId, { cookie })).status).toBe(200);
    expect((await download(theirs.walletId, { cookie })).status).toBe(404);
  });
});
