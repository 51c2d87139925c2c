// Goal: concurrent postings on the same wallets, of every kind that posts through the batcher (charges, credits, SMS
// captures and call postings that release a hold, keyed retries and reuses, unknown wallets, a capped wallet), give
// exactly what posting them one by one in arrival order gives: the same outcome per posting, the same balances,
// reserved credit and gap-free sequences. Method: fast-check generates wallets and an arrival order; the operations
// are sent to the posting batcher all at once in that order (it coalesces them, several per wallet per statement),
// and, on a mirror set of wallets with the same funds, holds and caps, one at a time; both are compared, and the
// ledger invariants checked. A second property sends the same operations as one in-order request (recordUsage's path).
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '../../../server/errors.js';
import { reserveCredit } from '../../../server/domain/wallets/credit.js';
import { verifyLedger } from '../../../server/domain/wallets/verify-ledger.js';
import { parseMoney } from '../../../server/domain/wallets/money.js';
import {
  postWalletTransaction,
  postWalletTransactionsInOrder,
  type PostingOutcome,
  type PostWalletTransactionOptions,
} from '../../../server/domain/wallets/post-wallet-transaction.js';
import { PlatformAccountCode, TransactionKind } from '../../../server/domain/wallets/transaction-enums.js';
import { INTERNAL_IDEMPOTENCY_KEY_PREFIX } from '../../../server/domain/wallets/validate-input.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ postingBatchSizeMax: 8, postingBatchesInFlightMax: 2 });
});
afterAll(async () => {
  await t?.close();
});

const WALLETS = 2;
const BALANCE_CAP_UNITS = 40;
/** Runs per property: each creates four accounts and posts up to 40 operations twice. */
const RUNS = 20;

/** A posting kind as its service builds it (kind, counterparty, idempotency operation, hold released). */
type Kind = 'charge' | 'credit' | 'sms' | 'call';

/** One operation of the arrival order, on wallet `slot` (null: a wallet that does not exist). */
interface Operation {
  slot: number | null;
  kind: Kind;
  /** The amount in whole units (a charge's, a credit's, a message's price, a call's cost). */
  units: number;
  /** A call's hold beyond its cost, in units (a message holds exactly its price). */
  extraHoldUnits: number;
  /** Index into a small pool of keys, so that retries (same parameters) and reuses (other ones) happen; null: no key. */
  key: number | null;
}

/** A wallet's starting state, in units: funds, a hold (reserved credit, ≤ funds), a daily spend cap or none. */
interface WalletStart {
  fundsUnits: number;
  heldUnits: number;
  dailyCapUnits: number | null;
}

const walletStart: fc.Arbitrary<WalletStart> = fc
  .record({
    fundsUnits: fc.integer({ min: 0, max: 25 }),
    heldShare: fc.integer({ min: 0, max: 100 }),
    dailyCapUnits: fc.option(fc.integer({ min: 0, max: 20 }), { freq: 3 }),
  })
  .map(({ fundsUnits, heldShare, dailyCapUnits }) => ({
    fundsUnits,
    heldUnits: Math.floor((fundsUnits * heldShare) / 100),
    dailyCapUnits,
  }));

const operation: fc.Arbitrary<Operation> = fc.record({
  slot: fc.option(fc.integer({ min: 0, max: WALLETS - 1 }), { freq: 20 }),
  kind: fc.constantFrom<Kind>('charge', 'charge', 'credit', 'sms', 'call'),
  units: fc.integer({ min: 1, max: 8 }),
  extraHoldUnits: fc.integer({ min: 0, max: 2 }),
  key: fc.option(fc.integer({ min: 0, max: 3 }), { freq: 2 }),
});

const scenario = fc.record({
  wallets: fc.array(walletStart, { minLength: WALLETS, maxLength: WALLETS }),
  operations: fc.array(operation, { minLength: 1, maxLength: 40 }),
});

type Scenario = { wallets: WalletStart[]; operations: Operation[] };

const empty: WalletStart = { fundsUnits: 0, heldUnits: 0, dailyCapUnits: null };
const op = (slot: number | null, kind: Kind, key: number | null): Operation => ({ slot, kind, units: 1, extraHoldUnits: 0, key });
/**
 * Counterexamples this property found, run first every time: a charge an empty wallet refuses, then a
 * credit with the same key. Posted one by one the charge is refused (its key is not on record yet);
 * coalesced, the credit used to record the key before the charge's refusal was explained, which then
 * read as a reuse of the key (IDEMPOTENCY_KEY_REUSED). First with the two in one statement (two
 * unknown wallets take both places in flight, so the pair waits and leaves together), then the pair alone.
 */
const EXAMPLES: [Scenario][] = [
  [{ wallets: [empty, empty], operations: [op(null, 'charge', null), op(null, 'charge', null), op(1, 'charge', 1), op(1, 'credit', 1)] }],
  [{ wallets: [empty, empty], operations: [op(1, 'charge', 3), op(1, 'credit', 3)] }],
];

/** The posting of `op` as the service of its kind builds it, on `wallets` (one of the two mirror sets). */
function postingOf(op: Operation, wallets: readonly { accountId: string; walletId: string }[], atMs: number): PostWalletTransactionOptions {
  const wallet = op.slot === null ? null : wallets[op.slot]!;
  const amountMicros = parseMoney(String(op.units));
  const common = {
    walletId: wallet?.walletId ?? randomUUID(),
    campaignId: null,
    actor: 'property test',
    walletBalanceMicrosMax: parseMoney(String(BALANCE_CAP_UNITS)),
    atMs,
  };
  switch (op.kind) {
    case 'charge':
      return {
        ...common,
        accountScope: wallet?.accountId ?? null,
        deltaMicros: -amountMicros,
        kind: TransactionKind.CHARGE,
        counterparty: PlatformAccountCode.REVENUE,
        description: 'usage',
        idempotencyKey: op.key === null ? null : `key-${op.key}`,
        operation: 'charge',
      };
    case 'credit':
      return {
        ...common,
        accountScope: null,
        deltaMicros: amountMicros,
        kind: TransactionKind.ADJUSTMENT,
        counterparty: PlatformAccountCode.ADJUSTMENTS,
        description: 'credit',
        idempotencyKey: op.key === null ? null : `key-${op.key}`,
        operation: 'adjust',
      };
    // A delivered message's capture (message-holds.ts postMessageCharge): its price, released from its hold.
    case 'sms':
      return {
        ...common,
        accountScope: null,
        deltaMicros: -amountMicros,
        kind: TransactionKind.SMS,
        counterparty: PlatformAccountCode.REVENUE,
        description: 'SMS',
        idempotencyKey: `${INTERNAL_IDEMPOTENCY_KEY_PREFIX}sms:${keyUuid(op.key!)}`,
        operation: 'sms',
        reservedReleaseMicros: amountMicros,
      };
    // An ended call's posting (call.service.ts postCallCost): its cost, releasing everything it held.
    case 'call':
      return {
        ...common,
        accountScope: null,
        deltaMicros: -amountMicros,
        kind: TransactionKind.CALL,
        counterparty: PlatformAccountCode.REVENUE,
        description: 'Call',
        idempotencyKey: `${INTERNAL_IDEMPOTENCY_KEY_PREFIX}call:${keyUuid(op.key!)}`,
        operation: 'call',
        reservedReleaseMicros: parseMoney(String(op.units + op.extraHoldUnits)),
      };
  }
}

/** The message or call a capture's internal key names (they are ids): one per pooled key number. */
function keyUuid(key: number): string {
  return `00000000-0000-4000-8000-${String(key).padStart(12, '0')}`;
}

/** An SMS or call without a pooled key gets a key of its own (every capture is keyed), the same in both sets. */
function withOwnKeys(operations: readonly Operation[]): Operation[] {
  return operations.map((op, index) => (op.key === null && (op.kind === 'sms' || op.kind === 'call') ? { ...op, key: 100 + index } : op));
}

const SET_CAPS = `mutation($input: SetSpendCapsInput!) { setSpendCaps(input: $input) { spendCap { walletId } } }`;

async function walletSet(starts: readonly WalletStart[]): Promise<{ accountId: string; walletId: string }[]> {
  return Promise.all(
    starts.map(async (start) => {
      const tenant = await t.createAccount(`Interleave ${randomUUID().slice(0, 8)}`);
      if (start.fundsUnits > 0) await t.fund(tenant.walletId, String(start.fundsUnits));
      if (start.heldUnits > 0)
        await reserveCredit(t.app.orm.em.fork(), { walletId: tenant.walletId, amountMicros: parseMoney(String(start.heldUnits)) });
      if (start.dailyCapUnits !== null) {
        await t.ok(tenant.ownerKey, SET_CAPS, { input: { walletId: tenant.walletId, daily: String(start.dailyCapUnits) } });
      }
      return tenant;
    }),
  );
}

/** The stable code of an expected refusal; anything else is rethrown (a bug fails the property). */
function errorCodeOf(error: unknown): string {
  if (error instanceof DomainError) return error.code;
  throw error;
}

/** What an outcome says, without the ids that differ between the two sets. */
function summary(outcome: PostingOutcome) {
  if (!outcome.posted) return { refused: errorCodeOf(outcome.error) };
  const { transaction, wallet } = outcome.posted;
  return {
    replayed: outcome.posted.replayed,
    sequence: transaction.sequence,
    before: transaction.balanceBeforeMicros,
    after: transaction.balanceAfterMicros,
    amount: transaction.amountMicros,
    kind: transaction.kind,
    // A replay answers with the wallet as it is now, which depends on when it was answered.
    reserved: outcome.posted.replayed ? null : wallet.reservedMicros,
  };
}

async function settle(posting: Promise<NonNullable<PostingOutcome['posted']>>): Promise<PostingOutcome> {
  try {
    return { posted: await posting };
  } catch (error) {
    return { error };
  }
}

/**
 * The ledger invariants, but for the two that tie reserved credit and SMS postings to message and call rows: the
 * holds here are reserved on the wallets directly and the captures name no real message or call (the services
 * around them are tested in their own files), so those two cannot hold; every other one must.
 */
async function assertLedgerBarHolds(): Promise<void> {
  const violations = (await verifyLedger(t.app.orm.em.fork())).filter(
    (violation) =>
      !violation.invariant.startsWith("each wallet's reserved credit is what its active calls") &&
      !violation.invariant.startsWith('every SMS posting charges one delivered or received message'),
  );
  expect(violations).toEqual([]);
}

const WALLET = `query($id: ID!) { wallet(id: $id) { balance reserved sequence } }`;

async function walletsOf(wallets: readonly { walletId: string }[]) {
  return Promise.all(wallets.map(async (wallet) => (await t.ok(t.adminToken, WALLET, { id: wallet.walletId })).wallet));
}

/** Posts `operations` one at a time, in order, on `wallets`: the reference every other way must match. */
async function oneByOne(operations: readonly Operation[], wallets: { accountId: string; walletId: string }[], atMs: number) {
  const outcomes: PostingOutcome[] = [];
  for (const op of operations) {
    outcomes.push(await settle(postWalletTransaction(t.app.orm.em.fork(), t.app.postings, postingOf(op, wallets, atMs))));
  }
  return outcomes;
}

describe('postings of every kind, interleaved at random', () => {
  it('sent all at once to the batcher (coalesced per wallet, in arrival order) match posting them one by one', async () => {
    const before = { ...t.app.postings.stats };
    await fc.assert(
      fc.asyncProperty(scenario, async ({ wallets: starts, operations: generated }) => {
        const operations = withOwnKeys(generated);
        const atMs = Date.now();
        const [concurrentSet, referenceSet] = await Promise.all([walletSet(starts), walletSet(starts)]);
        // Every call reaches the batcher synchronously, so the arrival order is the order of these calls.
        const concurrent = await Promise.all(
          operations.map((op) => settle(postWalletTransaction(t.app.orm.em.fork(), t.app.postings, postingOf(op, concurrentSet, atMs)))),
        );
        const reference = await oneByOne(operations, referenceSet, atMs);
        expect(concurrent.map(summary)).toEqual(reference.map(summary));
        expect(await walletsOf(concurrentSet)).toEqual(await walletsOf(referenceSet));
      }),
      { numRuns: RUNS, examples: EXAMPLES },
    );
    // The comparison is only worth something if postings of one wallet did share statements.
    const after = t.app.postings.stats;
    expect(after.batchedMembers - before.batchedMembers).toBeGreaterThan(RUNS);
    await assertLedgerBarHolds();
  }, 300_000);

  it('sent as one in-order request (recordUsage) match posting them one by one', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async ({ wallets: starts, operations: generated }) => {
        const operations = withOwnKeys(generated);
        const atMs = Date.now();
        const [inOrderSet, referenceSet] = await Promise.all([walletSet(starts), walletSet(starts)]);
        const inOrder = await postWalletTransactionsInOrder(
          t.app.orm.em.fork(),
          t.app.postings,
          operations.map((op) => postingOf(op, inOrderSet, atMs)),
        );
        const reference = await oneByOne(operations, referenceSet, atMs);
        expect(inOrder.map(summary)).toEqual(reference.map(summary));
        expect(await walletsOf(inOrderSet)).toEqual(await walletsOf(referenceSet));
      }),
      { numRuns: RUNS, examples: EXAMPLES },
    );
    await assertLedgerBarHolds();
  }, 300_000);
});
