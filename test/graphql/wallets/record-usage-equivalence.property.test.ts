// Goal: a recordUsage batch answers every event exactly as the same events sent one by one as `charge`
// would be answered (posted, replayed or refused with the same code and field, in input order, with the
// same sequence, amount, balance after, description and campaign), whatever the mix. Method: fast-check
// batches over twin accounts (the same wallets and balances): one twin gets the batch, the other each
// event alone in order, through the real server over HTTP; the answers, the wallets and the ledger are
// compared after each run.
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app.js';

const RECORD_USAGE = `mutation($input: RecordUsageInput!) {
  recordUsage(input: $input) {
    postedCount replayedCount refusedCount
    results { index status transaction { sequence amount balanceAfter description campaignId idempotencyKey } error { code field } }
  }
}`;
const CHARGE = `mutation($input: ChargeInput!) {
  charge(input: $input) { transaction { sequence amount balanceAfter description campaignId idempotencyKey } replayed }
}`;
const CREATE_WALLET = `mutation($input: CreateWalletInput!) { createWallet(input: $input) { wallet { id } } }`;
const WALLET = `query($id: ID!) { wallet(id: $id) { balance sequence } }`;

/** Where an event goes: the twin's first or second wallet, another account's wallet, or no wallet id at all. */
type Target = 0 | 1 | 'foreign' | 'malformed';

interface DrawnEvent {
  target: Target;
  amount: string;
  description: string | null;
  /** An index into a small pool of keys (so that keys repeat: replays and reuses), or null. */
  key: number | null;
  campaign: boolean;
}

const drawnEvent: fc.Arbitrary<DrawnEvent> = fc.record({
  target: fc.constantFrom<Target>(0, 0, 1, 1, 'foreign', 'malformed'),
  // Zero is BAD_USER_INPUT for its event; the large ones run the wallets short (INSUFFICIENT_FUNDS). (A
  // malformed Money fails the whole request's variables, before any event: not a per-event answer.)
  amount: fc.constantFrom('0.01', '0.25', '1', '2.5', '4', '0'),
  description: fc.constantFrom(null, 'usage', '  padded  ', '   ', 'x'.repeat(501)),
  key: fc.option(fc.integer({ min: 0, max: 3 }), { nil: null, freq: 2 }),
  campaign: fc.boolean(),
});

/**
 * A batch: drawn events, some of them then replaced by a copy of an earlier one with a key (the same
 * key and parameters: a replay, when the first was posted).
 */
const drawnBatch: fc.Arbitrary<DrawnEvent[]> = fc
  .array(fc.tuple(drawnEvent, fc.option(fc.nat(), { nil: null, freq: 3 })), { minLength: 1, maxLength: 24 })
  .map((pairs) =>
    pairs.reduce<DrawnEvent[]>((events, [event, repeat]) => {
      const keyed = events.filter((earlier) => earlier.key !== null);
      events.push(repeat === null || keyed.length === 0 ? event : keyed[repeat % keyed.length]!);
      return events;
    }, []),
  );

/** A charge of 1 on the first wallet with key 0: posted the first time, replayed the next. */
const KEYED_POST: DrawnEvent = { target: 0, amount: '1', description: 'usage', key: 0, campaign: false };

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.close();
});

/** An account with two wallets funded alike: one of two twins. */
async function twin(): Promise<{ ownerKey: string; walletIds: [string, string] }> {
  const tenant = await t.createAccount(`Twin ${randomUUID().slice(0, 8)}`);
  const second = (await t.ok(tenant.ownerKey, CREATE_WALLET, { input: { accountId: tenant.accountId, currency: 'USD', name: 'Second' } }))
    .createWallet.wallet.id as string;
  await t.fund(tenant.walletId, '6');
  await t.fund(second, '3');
  return { ownerKey: tenant.ownerKey, walletIds: [tenant.walletId, second] };
}

describe('recordUsage against charge one by one (property)', () => {
  it('answers each event of any batch as `charge` answers it alone, in order, and leaves the wallets alike', async () => {
    const foreign = await t.createAccount(`Foreign ${randomUUID().slice(0, 8)}`);
    await t.fund(foreign.walletId, '100');
    const campaignId = randomUUID();
    const statuses: string[] = [];
    await fc.assert(
      fc.asyncProperty(drawnBatch, async (drawn) => {
        const [batched, alone] = await Promise.all([twin(), twin()]);
        // Keys are scoped to the account: each twin's own copy of the same key.
        const keyPrefix = randomUUID().slice(0, 8);
        const eventFor = (walletIds: readonly string[], event: DrawnEvent) => ({
          walletId:
            event.target === 'foreign' ? foreign.walletId : event.target === 'malformed' ? 'not-a-wallet' : walletIds[event.target]!,
          amount: event.amount,
          ...(event.description === null ? {} : { description: event.description }),
          ...(event.key === null ? {} : { idempotencyKey: `${keyPrefix}-${event.key}` }),
          ...(event.campaign ? { campaignId } : {}),
        });

        const batch = (
          await t.ok(batched.ownerKey, RECORD_USAGE, { input: { events: drawn.map((event) => eventFor(batched.walletIds, event)) } })
        ).recordUsage;
        const expected: { status: string; transaction: unknown; error: unknown }[] = [];
        for (const event of drawn) {
          const answer = await t.graphql(alone.ownerKey, CHARGE, { input: eventFor(alone.walletIds, event) });
          const error = answer.errors?.[0];
          expected.push(
            error
              ? { status: 'REFUSED', transaction: null, error: { code: error.extensions?.code, field: error.extensions?.field ?? null } }
              : {
                  status: answer.data.charge.replayed ? 'REPLAYED' : 'POSTED',
                  transaction: answer.data.charge.transaction,
                  error: null,
                },
          );
        }

        type Result = { index: number; status: string; transaction: unknown; error: unknown };
        expect(
          batch.results.map((result: Result) => ({ status: result.status, transaction: result.transaction, error: result.error })),
        ).toEqual(expected);
        expect(batch.results.map((result: Result) => result.index)).toEqual(drawn.map((_, index) => index));
        const count = (status: string) => expected.filter((result) => result.status === status).length;
        expect([batch.postedCount, batch.replayedCount, batch.refusedCount]).toEqual([
          count('POSTED'),
          count('REPLAYED'),
          count('REFUSED'),
        ]);
        statuses.push(...expected.map((result) => result.status));
        for (const at of [0, 1]) {
          expect((await t.ok(t.adminToken, WALLET, { id: batched.walletIds[at] })).wallet).toEqual(
            (await t.ok(t.adminToken, WALLET, { id: alone.walletIds[at] })).wallet,
          );
        }
      }),
      // One batch given as well as the 12 drawn: a post, its replay and a refusal, so the check below
      // never depends on the draw (12 drawn batches once held no replay, a CI failure).
      { numRuns: 12, examples: [[[KEYED_POST, KEYED_POST, { ...KEYED_POST, target: 'foreign', key: null }]]] },
    );
    // The runs met every answer (the property is not vacuous).
    expect(new Set(statuses)).toEqual(new Set(['POSTED', 'REPLAYED', 'REFUSED']));
    expect((await t.ok(t.adminToken, WALLET, { id: foreign.walletId })).wallet).toEqual({ balance: '100', sequence: '1' });
    await t.assertLedger();
  });
});
