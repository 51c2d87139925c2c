// Goal: Wallet.transactions pages a wallet's history newest first, completely and without overlap, filters it exactly as documented and rejects every out-of-range argument with BAD_USER_INPUT naming the field. Method: build one wallet's known history through the real API (with another tenant's charges interleaved), then page and filter it and compare against what was written.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type GraphQLResponse, type TestApp } from '../support/test-app.js';

interface Node {
  id: string;
  walletId: string;
  sequence: string;
  type: 'CREDIT' | 'DEBIT';
  kind: string;
  amount: string;
  balanceBefore: string;
  balanceAfter: string;
  description: string;
  status: string;
  paymentIntentId: string | null;
  idempotencyKey: string | null;
  campaignId: string | null;
  createdAt: string;
}

interface Page {
  nodes: Node[];
  cursors: string[];
  hasNextPage: boolean;
  endCursor: string | null;
}

const NODE_FIELDS = `id walletId sequence type kind amount balanceBefore balanceAfter description status paymentIntentId idempotencyKey campaignId createdAt`;
const TRANSACTIONS = `query($id: ID!, $first: Int, $after: String, $type: TransactionType, $kind: TransactionKind,
    $status: TransactionStatus, $from: DateTime, $to: DateTime) {
  wallet(id: $id) {
    transactions(first: $first, after: $after, type: $type, kind: $kind, status: $status, from: $from, to: $to) {
      edges { cursor node { ${NODE_FIELDS} } }
      pageInfo { hasNextPage endCursor }
    }
  }
}`;
const CHARGE = `mutation($input: ChargeInput!) { charge(input: $input) { transaction { ${NODE_FIELDS} } } }`;
const ADJUST = `mutation($input: AdjustWalletInput!) { adjustWallet(input: $input) { transaction { ${NODE_FIELDS} } } }`;

const CAMPAIGN_SPRING = randomUUID();
const CAMPAIGN_SUMMER = randomUUID();
const CHARGE_AMOUNTS = ['0.5', '1.25', '0.000001', '2', '0.0085', '1'];
const CHARGE_COUNT = 44;

let t: TestApp;
let walletId: string;
let ownerKey: string;
let otherWalletId: string;
/** Every transaction written on the wallet, oldest first, as the mutations returned them. */
const written: Node[] = [];

/** Money string → micros, written independently of the server's money module. */
function micros(money: string): bigint {
  const match = /^(-?)(\d+)(?:\.(\d{1,6}))?$/.exec(money);
  if (!match) throw new Error(`not a Money string: ${money}`);
  const value = BigInt(match[2]!) * 1_000_000n + BigInt((match[3] ?? '').padEnd(6, '0'));
  return match[1] ? -value : value;
}

async function page(variables: Record<string, unknown>): Promise<Page> {
  const data = await t.ok(ownerKey, TRANSACTIONS, { id: walletId, ...variables });
  const connection = data.wallet.transactions;
  return {
    nodes: connection.edges.map((edge: { node: Node }) => edge.node),
    cursors: connection.edges.map((edge: { cursor: string }) => edge.cursor),
    hasNextPage: connection.pageInfo.hasNextPage,
    endCursor: connection.pageInfo.endCursor,
  };
}

/** Follows endCursor from the first page to the last; returns every page. */
async function allPages(variables: Record<string, unknown>): Promise<Page[]> {
  const pages: Page[] = [];
  let after: string | null = null;
  for (let guard = 0; guard < 100; guard += 1) {
    const current = await page({ ...variables, after });
    pages.push(current);
    if (!current.hasNextPage) return pages;
    expect(current.endCursor).toBe(current.cursors.at(-1));
    after = current.endCursor;
  }
  throw new Error('pagination did not end');
}

async function failure(variables: Record<string, unknown>): Promise<{ code: unknown; field: unknown }> {
  const response: GraphQLResponse = await t.graphql(ownerKey, TRANSACTIONS, { id: walletId, ...variables });
  expect(response.status === 200 || response.status === 400).toBe(true);
  return { code: response.errors?.[0]?.extensions?.code, field: response.errors?.[0]?.extensions?.field };
}

/** Newest first, as the API orders them. */
function newestFirst(nodes: Node[]): Node[] {
  return [...nodes].sort((left, right) => Number(right.sequence) - Number(left.sequence));
}

const ms = (node: Node) => Date.parse(node.createdAt);

beforeAll(async () => {
  // This file reads hundreds of full pages through one key within seconds: the burst the per-key
  // query cost budget exists to slow (test/transport/query-cost-budget.test.ts tests it). Here it
  // is raised, as an integrator syncing its history at full speed would ask for.
  t = await startTestApp({ graphqlQueryCostPerWindowMax: 10_000_000 });
  ({ walletId, ownerKey } = await t.createAccount('Paged'));
  const other = await t.createAccount('Neighbour');
  otherWalletId = other.walletId;
  await t.fund(otherWalletId, '10');

  const adjust = async (amount: string, reason: string) => {
    const data = await t.ok(t.adminToken, ADJUST, { input: { walletId, amount, reason } });
    written.push(data.adjustWallet.transaction);
  };
  await adjust('100', 'Opening balance');
  for (let i = 0; i < CHARGE_COUNT; i += 1) {
    const input = {
      walletId,
      amount: CHARGE_AMOUNTS[i % CHARGE_AMOUNTS.length],
      description: i % 2 === 0 ? `Voice call ${i} to +44 20 7946 ${String(i).padStart(4, '0')}` : `SMS batch #${i} (${i * 3} messages)`,
      campaignId: i % 3 === 0 ? CAMPAIGN_SPRING : i % 5 === 0 ? CAMPAIGN_SUMMER : undefined,
      idempotencyKey: i % 4 === 0 ? `pagination-${i}` : undefined,
    };
    const data = await t.ok(ownerKey, CHARGE, { input });
    expect(data.charge.transaction).toMatchObject({
      walletId,
      type: 'DEBIT',
      kind: 'CHARGE',
      amount: input.amount,
      description: input.description,
      campaignId: input.campaignId ?? null,
      idempotencyKey: input.idempotencyKey ?? null,
      status: 'COMPLETED',
      paymentIntentId: null,
    });
    written.push(data.charge.transaction);
    if (i === 9) await adjust('5', 'Goodwill credit');
    if (i === 14) await adjust('-2', 'Correction: duplicate top-up');
    if (i === 29) await adjust('-3.5', 'Correction: refund reversed');
    // Another tenant's activity in between must never show up in this wallet's history.
    if (i % 10 === 5) await t.ok(other.ownerKey, CHARGE, { input: { walletId: otherWalletId, amount: '0.1' } });
  }
});
afterAll(async () => {
  await t?.close();
});

describe('the history written', () => {
  it('is 48 rows with gap-free sequences 1..48 on this wallet', () => {
    expect(written).toHaveLength(1 + CHARGE_COUNT + 3);
    expect(written.map((node) => Number(node.sequence))).toEqual(written.map((_, index) => index + 1));
  });
});

describe('paging', () => {
  it('first: 20 gives 20, 20, 8 with hasNextPage true, true, false; newest first, contiguous, no duplicates, union = all', async () => {
    const pages = await allPages({ first: 20 });
    expect(pages.map((current) => current.nodes.length)).toEqual([20, 20, 8]);
    expect(pages.map((current) => current.hasNextPage)).toEqual([true, true, false]);
    const nodes = pages.flatMap((current) => current.nodes);
    expect(nodes.map((node) => Number(node.sequence))).toEqual(Array.from({ length: 48 }, (_, index) => 48 - index));
    expect(new Set(nodes.map((node) => node.id)).size).toBe(48);
    expect(nodes).toEqual(newestFirst(written));
    const cursors = pages.flatMap((current) => current.cursors);
    expect(new Set(cursors).size).toBe(48);
    expect(pages.at(-1)!.endCursor).toBe(cursors.at(-1));
  });

  it('after the last endCursor the page is empty, with hasNextPage false and endCursor null', async () => {
    const last = (await allPages({ first: 20 })).at(-1)!;
    expect(await page({ first: 20, after: last.endCursor })).toEqual({ nodes: [], cursors: [], hasNextPage: false, endCursor: null });
  });

  it('any edge cursor continues right after its row', async () => {
    const all = await page({ first: 100 });
    const index = 17;
    const next = await page({ first: 5, after: all.cursors[index] });
    expect(next.nodes).toEqual(all.nodes.slice(index + 1, index + 6));
  });

  it('the default page size is 20 when first is omitted', async () => {
    const first = await page({});
    expect(first.nodes).toHaveLength(20);
    expect(first.hasNextPage).toBe(true);
    const second = await page({ after: first.endCursor });
    expect(second.nodes).toEqual(newestFirst(written).slice(20, 40));
  });

  it.each([
    [100, 48, false],
    [49, 48, false],
    [48, 48, false],
    [47, 47, true],
    [1, 1, true],
  ])('first: %i returns %i rows, hasNextPage %s', async (first, rows, hasNextPage) => {
    const current = await page({ first });
    expect(current.nodes).toEqual(newestFirst(written).slice(0, rows));
    expect(current.hasNextPage).toBe(hasNextPage);
  });

  it.each([101, 0, -1, 1000, 2147483647])('first: %i → BAD_USER_INPUT field "first"', async (first) => {
    expect(await failure({ first })).toEqual({ code: 'BAD_USER_INPUT', field: 'first' });
  });

  it('first beyond a GraphQL Int → BAD_USER_INPUT field "first"', async () => {
    expect(await failure({ first: 2147483648 })).toEqual({ code: 'BAD_USER_INPUT', field: 'first' });
    expect(await failure({ first: 1.5 })).toEqual({ code: 'BAD_USER_INPUT', field: 'first' });
  });

  const encode = (text: string) => Buffer.from(text).toString('base64url');
  it.each([
    ['plain garbage', 'garbage'],
    ['an unencoded sequence', 'seq:5'],
    ['sequence 0', encode('seq:0')],
    ['a negative sequence', encode('seq:-3')],
    ['a non-numeric sequence', encode('seq:abc')],
    ['a sequence with a trailing space', encode('seq:5 ')],
    ['a sequence with a leading zero', encode('seq:05')],
    ['another prefix', encode('id:5')],
    ['a sequence beyond bigint', encode('seq:99999999999999999999')],
    ['padded base64', Buffer.from('seq:5').toString('base64')],
    ['a UUID', randomUUID()],
    ['an empty string', ''],
  ])('after: %s → BAD_USER_INPUT field "after"', async (_label, after) => {
    expect(await failure({ after })).toEqual({ code: 'BAD_USER_INPUT', field: 'after' });
  });
});

describe('filters', () => {
  it.each([
    ['type CREDIT', { type: 'CREDIT' }, (node: Node) => node.type === 'CREDIT'],
    ['type DEBIT', { type: 'DEBIT' }, (node: Node) => node.type === 'DEBIT'],
    ['kind CHARGE', { kind: 'CHARGE' }, (node: Node) => node.kind === 'CHARGE'],
    ['kind ADJUSTMENT', { kind: 'ADJUSTMENT' }, (node: Node) => node.kind === 'ADJUSTMENT'],
    ['kind TOP_UP', { kind: 'TOP_UP' }, () => false],
    ['status COMPLETED', { status: 'COMPLETED' }, () => true],
    ['status PENDING', { status: 'PENDING' }, () => false],
    ['status FAILED', { status: 'FAILED' }, () => false],
    [
      'type DEBIT and kind ADJUSTMENT',
      { type: 'DEBIT', kind: 'ADJUSTMENT' },
      (node: Node) => node.type === 'DEBIT' && node.kind === 'ADJUSTMENT',
    ],
  ])('%s', async (_label, filter, keep) => {
    const current = await page({ first: 100, ...filter });
    expect(current.nodes).toEqual(newestFirst(written.filter(keep)));
    expect(current.hasNextPage).toBe(false);
  });

  it('the filtered counts are the ones written: 2 credits, 46 debits, 44 charges, 4 adjustments', async () => {
    const counts = await Promise.all(
      [{ type: 'CREDIT' }, { type: 'DEBIT' }, { kind: 'CHARGE' }, { kind: 'ADJUSTMENT' }].map(
        async (filter) => (await page({ first: 100, ...filter })).nodes.length,
      ),
    );
    expect(counts).toEqual([2, 46, 44, 4]);
  });

  it('from is inclusive and to exclusive on createdAt, at every boundary taken from a returned row', async () => {
    const all = (await page({ first: 100 })).nodes;
    // Every row's own createdAt, as the API printed it, is a boundary: the row must fall on the `from` side.
    for (const boundary of all) {
      const from = await page({ first: 100, from: boundary.createdAt });
      expect(from.nodes).toEqual(all.filter((node) => ms(node) >= ms(boundary)));
      expect(from.nodes.map((node) => node.id)).toContain(boundary.id);
      const to = await page({ first: 100, to: boundary.createdAt });
      expect(to.nodes).toEqual(all.filter((node) => ms(node) < ms(boundary)));
      expect(to.nodes.map((node) => node.id)).not.toContain(boundary.id);
    }
  });

  it('from and to together select the half-open window [from, to)', async () => {
    const all = (await page({ first: 100 })).nodes;
    const [late, early] = [all[5]!, all[40]!];
    const window = await page({ first: 100, from: early.createdAt, to: late.createdAt });
    expect(window.nodes).toEqual(all.filter((node) => ms(node) >= ms(early) && ms(node) < ms(late)));
    expect(window.nodes.length).toBeGreaterThan(0);
  });

  it('from equal to to is an empty window, not an error; bounds outside the history select all or nothing', async () => {
    const all = (await page({ first: 100 })).nodes;
    const instant = all[20]!.createdAt;
    expect((await page({ first: 100, from: instant, to: instant })).nodes).toEqual([]);
    expect((await page({ first: 100, from: '2000-01-01T00:00:00Z' })).nodes).toEqual(all);
    expect((await page({ first: 100, to: '2000-01-01T00:00:00Z' })).nodes).toEqual([]);
    expect((await page({ first: 100, from: '2999-01-01T00:00:00Z' })).nodes).toEqual([]);
  });

  it('from after to → BAD_USER_INPUT field "to"', async () => {
    const all = (await page({ first: 100 })).nodes;
    const [later, earlier] = [all[0]!, all[47]!];
    expect(ms(later)).toBeGreaterThan(ms(earlier));
    expect(await failure({ from: later.createdAt, to: earlier.createdAt })).toEqual({ code: 'BAD_USER_INPUT', field: 'to' });
    expect(await failure({ from: '2026-01-02T00:00:00Z', to: '2026-01-01T23:59:59.999Z' })).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'to',
    });
  });

  it('a malformed DateTime → BAD_USER_INPUT naming the argument', async () => {
    expect(await failure({ from: 'yesterday' })).toEqual({ code: 'BAD_USER_INPUT', field: 'from' });
    expect(await failure({ to: '2026-13-01T00:00:00Z' })).toEqual({ code: 'BAD_USER_INPUT', field: 'to' });
  });

  it('filters combine with paging: kind CHARGE by 10 gives 10, 10, 10, 10, 4 and exactly the charges', async () => {
    const pages = await allPages({ first: 10, kind: 'CHARGE' });
    expect(pages.map((current) => current.nodes.length)).toEqual([10, 10, 10, 10, 4]);
    expect(pages.map((current) => current.hasNextPage)).toEqual([true, true, true, true, false]);
    expect(pages.flatMap((current) => current.nodes)).toEqual(newestFirst(written.filter((node) => node.kind === 'CHARGE')));
  });

  it('type DEBIT within a time window, by 7, pages exactly the matching set', async () => {
    const all = (await page({ first: 100 })).nodes;
    const [late, early] = [all[3]!, all[44]!];
    const expected = all.filter((node) => node.type === 'DEBIT' && ms(node) >= ms(early) && ms(node) < ms(late));
    const pages = await allPages({ first: 7, type: 'DEBIT', from: early.createdAt, to: late.createdAt });
    expect(pages.flatMap((current) => current.nodes)).toEqual(expected);
    expect(pages.map((current) => current.nodes.length)).toEqual(
      Array.from({ length: Math.max(1, Math.ceil(expected.length / 7)) }, (_, index) => Math.min(7, expected.length - index * 7)),
    );
  });

  it('a cursor from the unfiltered list continues a filtered one from the same point', async () => {
    const all = await page({ first: 100 });
    const index = all.nodes.findIndex((node) => node.sequence === '30');
    const adjustments = await page({ first: 100, kind: 'ADJUSTMENT', after: all.cursors[index] });
    expect(adjustments.nodes).toEqual(newestFirst(written.filter((node) => node.kind === 'ADJUSTMENT' && Number(node.sequence) < 30)));
  });
});

describe('row fields', () => {
  it('each row: balanceBefore ± amount = balanceAfter; rows chain; the newest matches the wallet', async () => {
    const nodes = (await page({ first: 100 })).nodes;
    const oldestFirst = [...nodes].reverse();
    expect(oldestFirst[0]!.balanceBefore).toBe('0');
    for (const [index, node] of oldestFirst.entries()) {
      const signed = node.type === 'CREDIT' ? micros(node.amount) : -micros(node.amount);
      expect(micros(node.amount) > 0n, `amount of ${node.sequence}`).toBe(true);
      expect(micros(node.balanceBefore) + signed, `row ${node.sequence}`).toBe(micros(node.balanceAfter));
      if (index > 0) expect(node.balanceBefore, `row ${node.sequence}`).toBe(oldestFirst[index - 1]!.balanceAfter);
      expect(node.walletId).toBe(walletId);
    }
    const wallet = await t.ok(ownerKey, `query($id: ID!) { wallet(id: $id) { balance sequence } }`, { id: walletId });
    expect(wallet.wallet).toEqual({ balance: oldestFirst.at(-1)!.balanceAfter, sequence: '48' });
    // 100 + 5 − 2 − 3.5 − the charges.
    const charged = Array.from({ length: CHARGE_COUNT }, (_, i) => micros(CHARGE_AMOUNTS[i % CHARGE_AMOUNTS.length]!)).reduce(
      (sum, value) => sum + value,
      0n,
    );
    expect(micros(wallet.wallet.balance)).toBe(micros('99.5') - charged);
  });

  it('descriptions, campaign ids and idempotency keys are listed as they were created', async () => {
    const nodes = newestFirst((await page({ first: 100 })).nodes).reverse();
    expect(nodes.map((node) => [node.description, node.campaignId, node.idempotencyKey])).toEqual(
      written.map((node) => [node.description, node.campaignId, node.idempotencyKey]),
    );
    expect(nodes.filter((node) => node.campaignId === CAMPAIGN_SPRING)).toHaveLength(15);
    expect(nodes.filter((node) => node.campaignId === CAMPAIGN_SUMMER)).toHaveLength(6);
    expect(nodes.filter((node) => node.kind === 'ADJUSTMENT').map((node) => [node.type, node.amount, node.description])).toEqual([
      ['CREDIT', '100', 'Opening balance'],
      ['CREDIT', '5', 'Goodwill credit'],
      ['DEBIT', '2', 'Correction: duplicate top-up'],
      ['DEBIT', '3.5', 'Correction: refund reversed'],
    ]);
    await t.assertLedger();
  });
});
