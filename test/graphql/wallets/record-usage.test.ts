// Goal: recordUsage charges each event exactly as `charge` would (order on one wallet, refusals per
// event, idempotency, access, spend caps, outbox events, limits) and keeps the ledger exact under
// concurrent batches. Method: the real server over HTTP on its own PostgreSQL; balances, sequences
// and outbox rows read back; concurrency tests end with the ledger invariants.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import { runSql } from '../../support/sql.js';

const RECORD_USAGE = `mutation($input: RecordUsageInput!) {
  recordUsage(input: $input) {
    postedCount replayedCount refusedCount
    results { index status transaction { id walletId sequence amount balanceAfter description } error { code field } }
  }
}`;
const CHARGE = `mutation($input: ChargeInput!) { charge(input: $input) { transaction { id } replayed } }`;
const WALLET = `query($id: ID!) { wallet(id: $id) { balance sequence } }`;
const SET_CAPS = `mutation($input: SetSpendCapsInput!) { setSpendCaps(input: $input) { spendCap { walletId } } }`;

interface UsageEvent {
  walletId: string;
  amount: string;
  description?: string;
  idempotencyKey?: string;
  campaignId?: string;
}

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.close();
});

async function tenantWith(balance: string) {
  const tenant = await t.createAccount(`Usage ${randomUUID().slice(0, 8)}`);
  if (balance !== '0') await t.fund(tenant.walletId, balance);
  return tenant;
}

interface UsageResult {
  index: number;
  status: 'POSTED' | 'REPLAYED' | 'REFUSED';
  // Null when REFUSED (transaction) or when not (error): each test reads the one its status has.
  transaction: { id: string; walletId: string; sequence: string; amount: string; balanceAfter: string; description: string };
  error: { code: string; field: string | null };
}
interface UsagePayload {
  postedCount: number;
  replayedCount: number;
  refusedCount: number;
  results: UsageResult[];
}

async function record(token: string, events: UsageEvent[]): Promise<UsagePayload> {
  return (await t.ok(token, RECORD_USAGE, { input: { events } })).recordUsage;
}

async function walletOf(walletId: string) {
  return (await t.ok(t.adminToken, WALLET, { id: walletId })).wallet as { balance: string; sequence: string };
}

describe('recordUsage', () => {
  it('answers every event in input order: on one wallet each checked against the running balance, a refusal touches no other event', async () => {
    const a = await tenantWith('3');
    // A second wallet of the same account.
    const second = (
      await t.ok(a.ownerKey, `mutation($input: CreateWalletInput!) { createWallet(input: $input) { wallet { id } } }`, {
        input: { accountId: a.accountId, currency: 'USD', name: 'Second' },
      })
    ).createWallet.wallet.id as string;
    await t.fund(second, '1');
    const foreign = await tenantWith('10');
    const campaignId = randomUUID();
    const result = await record(a.ownerKey, [
      { walletId: a.walletId, amount: '2', description: 'first' },
      { walletId: a.walletId, amount: '2', description: 'too much now' }, // 1 left
      { walletId: foreign.walletId, amount: '1' }, // another account's wallet
      { walletId: second, amount: '0.5', campaignId },
      { walletId: a.walletId, amount: '0.75', description: 'fits after the refusal' },
      { walletId: a.walletId, amount: '0', description: 'zero' },
      { walletId: 'not-a-uuid', amount: '1' },
      { walletId: a.walletId, amount: '0.25' },
    ]);
    expect(result.results.map((r) => [r.index, r.status, r.error?.code ?? null, r.error?.field ?? null])).toEqual([
      [0, 'POSTED', null, null],
      [1, 'REFUSED', 'INSUFFICIENT_FUNDS', null],
      [2, 'REFUSED', 'NOT_FOUND', null],
      [3, 'POSTED', null, null],
      [4, 'POSTED', null, null],
      [5, 'REFUSED', 'BAD_USER_INPUT', 'amount'],
      [6, 'REFUSED', 'NOT_FOUND', null],
      [7, 'POSTED', null, null],
    ]);
    expect([result.postedCount, result.replayedCount, result.refusedCount]).toEqual([4, 0, 4]);
    const onA = [0, 4, 7].map((index) => result.results[index]!.transaction);
    expect(onA.map((tx) => [tx.sequence, tx.balanceAfter, tx.description])).toEqual([
      ['2', '1', 'first'],
      ['3', '0.25', 'fits after the refusal'],
      ['4', '0', 'Charge'],
    ]);
    expect(result.results[3]!.transaction).toMatchObject({ walletId: second, sequence: '2', balanceAfter: '0.5' });
    expect(await walletOf(a.walletId)).toEqual({ balance: '0', sequence: '4' });
    expect(await walletOf(foreign.walletId)).toEqual({ balance: '10', sequence: '1' });
    const [row] = await runSql(t.app.orm.em.fork(), 'select campaign_id from wallet_transaction where id = $1', [
      result.results[3]!.transaction.id,
    ]);
    expect(row.campaign_id).toBe(campaignId);
    await t.assertLedger();
  });

  it('answers the counts alone when asked for nothing else, and the results (made only when selected) agree with them', async () => {
    const a = await tenantWith('1');
    const foreign = await tenantWith('1');
    const events = [
      { walletId: a.walletId, amount: '0.5' },
      { walletId: foreign.walletId, amount: '0.1' }, // another account's wallet
      { walletId: a.walletId, amount: '0.75' }, // 0.5 left
      { walletId: a.walletId, amount: '0.5', description: 'last' },
    ];
    const counts = (
      await t.ok(
        a.ownerKey,
        'mutation($input: RecordUsageInput!) { recordUsage(input: $input) { postedCount replayedCount refusedCount } }',
        {
          input: { events },
        },
      )
    ).recordUsage;
    expect(counts).toEqual({ postedCount: 2, replayedCount: 0, refusedCount: 2 });
    expect(await walletOf(a.walletId)).toEqual({ balance: '0', sequence: '3' });
    // The same events again, now all refused for funds or access; every selection of one payload agrees.
    const again = await record(a.ownerKey, events);
    expect([again.postedCount, again.replayedCount, again.refusedCount]).toEqual([0, 0, 4]);
    expect(again.results.map((result) => [result.index, result.error.code])).toEqual([
      [0, 'INSUFFICIENT_FUNDS'],
      [1, 'NOT_FOUND'],
      [2, 'INSUFFICIENT_FUNDS'],
      [3, 'INSUFFICIENT_FUNDS'],
    ]);
    await t.assertLedger();
  });

  it('writes one WALLET_TRANSACTION outbox row per statement and wallet, standing for the run of its posted events', async () => {
    const a = await tenantWith('5');
    const events = Array.from({ length: 7 }, (_, index) => ({ walletId: a.walletId, amount: '1', description: `e${index}` }));
    const result = await record(a.ownerKey, events);
    expect(result.postedCount).toBe(5);
    const rows = await runSql(
      t.app.orm.em.fork(),
      `select wallet_sequence::text as sequence, transaction_count, balance_micros::text as balance, reserved_micros::text as reserved,
              transaction_id from outbox_event
        where type = 'WALLET_TRANSACTION' and wallet_id = $1 order by wallet_sequence`,
      [a.walletId],
    );
    // The funding credit (its own statement), then the five charges as one run: sequences 2..6,
    // the balance and the transaction of the last, the reserved credit after each of them.
    expect(rows.map((r) => [r.sequence, r.transaction_count, r.balance, r.reserved])).toEqual([
      ['1', 1, '5000000', '0'],
      ['6', 5, '0', '0'],
    ]);
    expect(rows[1]!.transaction_id).toBe(result.results[4]!.transaction.id);
    await t.assertLedger();
  });

  it('idempotency per event: same key and parameters replay, other parameters are IDEMPOTENCY_KEY_REUSED, a refusal for funds keeps its key', async () => {
    const a = await tenantWith('2');
    const [k1, k2, k3] = [randomUUID(), randomUUID(), randomUUID()];
    const first = await record(a.ownerKey, [
      { walletId: a.walletId, amount: '1', idempotencyKey: k1 },
      { walletId: a.walletId, amount: '1', idempotencyKey: k1 }, // the same key twice in one call: a replay of the first
      { walletId: a.walletId, amount: '5', idempotencyKey: k2 }, // refused for funds
    ]);
    expect(first.results.map((r) => [r.status, r.error?.code ?? null])).toEqual([
      ['POSTED', null],
      ['REPLAYED', null],
      ['REFUSED', 'INSUFFICIENT_FUNDS'],
    ]);
    expect(first.results[1]!.transaction.id).toBe(first.results[0]!.transaction.id);
    await t.fund(a.walletId, '10');
    const second = await record(a.ownerKey, [
      { walletId: a.walletId, amount: '1', idempotencyKey: k1 },
      { walletId: a.walletId, amount: '2', idempotencyKey: k1 },
      { walletId: a.walletId, amount: '5', idempotencyKey: k2 },
      { walletId: a.walletId, amount: '1', idempotencyKey: k3 },
    ]);
    expect(second.results.map((r) => [r.status, r.error?.code ?? null, r.error?.field ?? null])).toEqual([
      ['REPLAYED', null, null],
      ['REFUSED', 'IDEMPOTENCY_KEY_REUSED', 'idempotencyKey'],
      ['POSTED', null, null],
      ['POSTED', null, null],
    ]);
    expect(second.results[0]!.transaction.id).toBe(first.results[0]!.transaction.id);
    // Keys are shared with charge: an event is a charge.
    const viaCharge = (await t.ok(a.ownerKey, CHARGE, { input: { walletId: a.walletId, amount: '1', idempotencyKey: k3 } })).charge;
    expect(viaCharge).toEqual({ transaction: { id: second.results[3]!.transaction.id }, replayed: true });
    expect(await walletOf(a.walletId)).toEqual({ balance: '5', sequence: '5' });
    await t.assertLedger();
  });

  it('a spend cap refuses only the events past it', async () => {
    const a = await tenantWith('100');
    await t.ok(a.ownerKey, SET_CAPS, { input: { walletId: a.walletId, daily: '5' } });
    const result = await record(a.ownerKey, [
      { walletId: a.walletId, amount: '3' },
      { walletId: a.walletId, amount: '3' },
      { walletId: a.walletId, amount: '2' },
      { walletId: a.walletId, amount: '1' },
    ]);
    expect(result.results.map((r) => [r.status, r.error?.code ?? null])).toEqual([
      ['POSTED', null],
      ['REFUSED', 'SPEND_CAP_REACHED'],
      ['POSTED', null],
      ['REFUSED', 'SPEND_CAP_REACHED'],
    ]);
    expect(await walletOf(a.walletId)).toEqual({ balance: '95', sequence: '3' });
    await t.assertLedger();
  });

  it(`takes usageEventsPerCallMax events (1,000) and refuses 1,001 or none whole with BAD_USER_INPUT, writing nothing`, async () => {
    expect(t.config.usageEventsPerCallMax).toBe(1_000);
    const a = await tenantWith('1000');
    const events = (count: number) => Array.from({ length: count }, () => ({ walletId: a.walletId, amount: '0.001' }));
    for (const count of [1_001, 0]) {
      const refused = await t.graphql(a.ownerKey, RECORD_USAGE, { input: { events: events(count) } });
      expect(refused.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'events',
        limit: 'usageEventsPerCallMax',
        max: 1_000,
      });
    }
    expect(await walletOf(a.walletId)).toEqual({ balance: '1000', sequence: '1' });
    // Every field at its longest: a full call still fits the HTTP body limit (requestBodyBytesMax).
    const longest = Array.from({ length: 1_000 }, (_, index) => ({
      walletId: a.walletId,
      amount: '0.001000',
      description: 'd'.repeat(t.config.descriptionLengthMax),
      idempotencyKey: `${index}-`.padEnd(t.config.idempotencyKeyLengthMax, 'k'),
    }));
    expect(JSON.stringify({ query: RECORD_USAGE, variables: { input: { events: longest } } }).length).toBeLessThan(
      t.config.requestBodyBytesMax,
    );
    const taken = await record(a.ownerKey, longest);
    expect(taken.postedCount).toBe(1_000);
    expect(await walletOf(a.walletId)).toEqual({ balance: '999', sequence: '1001' });
    await t.assertLedger();
  });

  it('SUPPORT may not record usage (FORBIDDEN, nothing written)', async () => {
    const a = await tenantWith('10');
    const support = await t.createKey(null, 'SUPPORT');
    const answer = await t.graphql(support.secret, RECORD_USAGE, { input: { events: [{ walletId: a.walletId, amount: '1' }] } });
    expect(answer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await walletOf(a.walletId)).toEqual({ balance: '10', sequence: '1' });
  });

  it('concurrent batches (operator, across every wallet) and single charges never overdraw, keep sequences gap-free, and keep the ledger exact', async () => {
    const tenants = await Promise.all(Array.from({ length: 4 }, () => tenantWith('30')));
    const hot = tenants[0]!;
    // Four batches of 40 events of 1, each spread over the four wallets (the operator may charge any), racing each other.
    const batches = Array.from({ length: 4 }, (_, client) =>
      record(
        t.adminToken,
        Array.from({ length: 40 }, (_, index) => ({
          walletId: tenants[(index + client) % 4]!.walletId,
          amount: '1',
          description: `c${client}`,
        })),
      ),
    );
    // Single charges on the first wallet race the batches.
    const singles = Array.from({ length: 20 }, () => t.graphql(hot.ownerKey, CHARGE, { input: { walletId: hot.walletId, amount: '1' } }));
    const [answers, charges] = await Promise.all([Promise.all(batches), Promise.all(singles)]);
    const postedByWallet = new Map<string, number>();
    for (const answer of answers) {
      expect(answer.postedCount + answer.refusedCount).toBe(40);
      for (const result of answer.results) {
        if (result.status === 'REFUSED') expect(result.error.code).toBe('INSUFFICIENT_FUNDS');
        else postedByWallet.set(result.transaction.walletId, (postedByWallet.get(result.transaction.walletId) ?? 0) + 1);
      }
    }
    const singlesPosted = charges.filter((answer) => answer.data?.charge).length;
    expect(
      charges.filter((answer) => !answer.data?.charge).every((answer) => answer.errors?.[0]?.extensions?.code === 'INSUFFICIENT_FUNDS'),
    ).toBe(true);
    expect((postedByWallet.get(hot.walletId) ?? 0) + singlesPosted).toBe(30);
    for (const tenant of tenants.slice(1)) expect(postedByWallet.get(tenant.walletId)).toBe(30);
    for (const tenant of tenants) expect(await walletOf(tenant.walletId)).toEqual({ balance: '0', sequence: '31' });
    await t.assertLedger();
  });
});
