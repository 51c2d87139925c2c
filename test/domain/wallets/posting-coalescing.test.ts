// Goal: postings coalesced into one statement (many per wallet, in arrival order) give exactly what
// posting them one by one gives: the same outcome per posting, the same balances and the same
// gap-free sequences. Method: seeded random interleavings of several clients' charges, credits,
// keyed retries and refusals, posted once in one statement and once one by one on a mirror set of
// wallets with the same funds, compared; then a hot wallet under 64 concurrent clients through the
// batcher, ending with the ledger invariants.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '../../../server/errors.js';
import { parseMoney } from '../../../server/domain/wallets/money.js';
import {
  postWalletTransaction,
  postWalletTransactionsInOrder,
  type PostingOutcome,
  type PostWalletTransactionOptions,
} from '../../../server/domain/wallets/post-wallet-transaction.js';
import { PlatformAccountCode, TransactionKind } from '../../../server/domain/wallets/transaction-enums.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ postingBatchSizeMax: 32, postingBatchesInFlightMax: 2 });
});
afterAll(async () => {
  await t?.close();
});

/** The stable code of an expected refusal; anything else is rethrown (a bug fails the test). */
function errorCodeOf(error: unknown): string {
  if (error instanceof DomainError) return error.code;
  throw error;
}

/** mulberry32: a small seeded PRNG, so a failing interleaving can be replayed from its seed. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** A posting of the random plan, on wallet `slot` (or none: an unknown wallet). */
interface PlannedPosting {
  slot: number | null;
  deltaUnits: number;
  key: string | null;
  description: string;
}

const WALLETS = 3;
const BALANCE_CAP_UNITS = 40;

/** Several clients' postings, interleaved at random: the arrival order. */
function plan(random: () => number): PlannedPosting[] {
  const clients = 2 + Math.floor(random() * 4);
  const queues: PlannedPosting[][] = Array.from({ length: clients }, (_, client) =>
    Array.from({ length: 5 + Math.floor(random() * 15) }, (_, index) => {
      const roll = random();
      const slot = roll < 0.04 ? null : Math.floor(random() * WALLETS);
      // Mostly charges of 1..6 units; some credits (a few of which would pass the balance cap).
      const deltaUnits = roll < 0.8 ? -(1 + Math.floor(random() * 6)) : 1 + Math.floor(random() * 15);
      // Some keyed postings, with a small pool of keys so that retries (same parameters) and reuses (others) happen.
      const key = random() < 0.3 ? `k${Math.floor(random() * 6)}` : null;
      return { slot, deltaUnits, key, description: key ? `keyed ${key}` : `c${client}-${index}` };
    }),
  );
  const order: PlannedPosting[] = [];
  while (queues.some((queue) => queue.length > 0)) {
    const open = queues.filter((queue) => queue.length > 0);
    order.push(open[Math.floor(random() * open.length)]!.shift()!);
  }
  return order;
}

async function walletSet(fundsUnits: number[]): Promise<{ accountId: string; walletId: string }[]> {
  return Promise.all(
    fundsUnits.map(async (units) => {
      const tenant = await t.createAccount(`Coalesce ${randomUUID().slice(0, 8)}`);
      if (units > 0) await t.fund(tenant.walletId, String(units));
      return tenant;
    }),
  );
}

function postingOf(planned: PlannedPosting, wallets: { accountId: string; walletId: string }[]): PostWalletTransactionOptions {
  const wallet = planned.slot === null ? null : wallets[planned.slot]!;
  const credit = planned.deltaUnits > 0;
  return {
    walletId: wallet?.walletId ?? randomUUID(),
    accountScope: wallet?.accountId ?? null,
    deltaMicros: parseMoney(String(planned.deltaUnits)),
    kind: credit ? TransactionKind.ADJUSTMENT : TransactionKind.CHARGE,
    counterparty: credit ? PlatformAccountCode.ADJUSTMENTS : PlatformAccountCode.REVENUE,
    description: planned.description,
    campaignId: null,
    actor: 'property test',
    idempotencyKey: planned.key,
    operation: 'charge',
    walletBalanceMicrosMax: parseMoney(String(BALANCE_CAP_UNITS)),
  };
}

/** What a posting's outcome says, without ids that differ between the two wallet sets. */
function summary(outcome: PostingOutcome) {
  if (!outcome.posted) return { refused: errorCodeOf(outcome.error) };
  const { transaction } = outcome.posted;
  return {
    replayed: outcome.posted.replayed,
    sequence: transaction.sequence,
    before: transaction.balanceBeforeMicros,
    after: transaction.balanceAfterMicros,
    amount: transaction.amountMicros,
  };
}

async function settle(posting: Promise<unknown>): Promise<PostingOutcome> {
  try {
    return { posted: (await posting) as NonNullable<PostingOutcome['posted']> };
  } catch (error) {
    return { error };
  }
}

async function balancesOf(wallets: { walletId: string }[]) {
  return Promise.all(
    wallets.map(
      async (wallet) =>
        (await t.ok(t.adminToken, 'query($id: ID!) { wallet(id: $id) { balance sequence } }', { id: wallet.walletId })).wallet,
    ),
  );
}

describe('coalesced postings', () => {
  // One test per seed (each within the test timeout on a busy machine); a failure names its seed.
  it.each(Array.from({ length: 12 }, (_, index) => index + 1))(
    'match posting one by one over a random interleaving (seed %i)',
    async (seed) => {
      const random = prng(seed);
      const funds = Array.from({ length: WALLETS }, () => Math.floor(random() * 20));
      const order = plan(random);
      const [coalescedSet, oneByOneSet] = await Promise.all([walletSet(funds), walletSet(funds)]);

      const coalesced = await postWalletTransactionsInOrder(
        t.app.orm.em.fork(),
        t.app.postings,
        order.map((planned) => postingOf(planned, coalescedSet)),
      );
      const oneByOne: PostingOutcome[] = [];
      for (const planned of order) {
        oneByOne.push(await settle(postWalletTransaction(t.app.orm.em.fork(), t.app.postings, postingOf(planned, oneByOneSet))));
      }
      expect(coalesced.map(summary)).toEqual(oneByOne.map(summary));
      expect(await balancesOf(coalescedSet)).toEqual(await balancesOf(oneByOneSet));
      await t.assertLedger();
    },
  );

  it('a hot wallet under 64 concurrent clients through the batcher: postings coalesce, exactly the funded ones pass, sequences 1..n, ledger exact', async () => {
    const [hot] = await walletSet([300]);
    const before = { ...t.app.postings.stats };
    const clients = Array.from({ length: 64 }, async () => {
      const outcomes: PostingOutcome[] = [];
      for (let index = 0; index < 6; index += 1) {
        outcomes.push(
          await settle(
            postWalletTransaction(t.app.orm.em.fork(), t.app.postings, {
              ...postingOf({ slot: 0, deltaUnits: -1, key: null, description: 'hot' }, [hot!]),
              walletBalanceMicrosMax: t.config.walletBalanceMicrosMax,
            }),
          ),
        );
      }
      return outcomes;
    });
    const outcomes = (await Promise.all(clients)).flat();
    const posted = outcomes.filter((outcome) => outcome.posted);
    for (const outcome of outcomes) if (!outcome.posted) errorCodeOf(outcome.error);
    expect(posted).toHaveLength(300);
    expect(outcomes.filter((outcome) => !outcome.posted).every((outcome) => errorCodeOf(outcome.error) === 'INSUFFICIENT_FUNDS')).toBe(
      true,
    );
    // Sequence 1 is the funding credit; the charges took 2..301, each once.
    const sequences = posted.map((outcome) => Number(outcome.posted!.transaction.sequence)).sort((a, b) => a - b);
    expect(sequences).toEqual(Array.from({ length: 300 }, (_, index) => index + 2));
    const after = t.app.postings.stats;
    // Most postings shared a statement with others of the same wallet.
    expect(after.batchedMembers - before.batchedMembers).toBeGreaterThan(after.singles - before.singles);
    expect(await balancesOf([hot!])).toEqual([{ balance: '0', sequence: '301' }]);
    await t.assertLedger();
  });
});
