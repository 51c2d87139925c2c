// Goal: the transaction batcher gathers concurrent members into batches of at most batchSizeMax (a
// full batch has exactly that many), answers each member with its own outcome, and runs a batch
// PostgreSQL refused member by member so only the guilty one fails. Method: the batcher over plain
// functions that record what they were given and finish when the test releases them.
import pg from 'pg';
import { expect, it } from 'vitest';
import { TransactionBatcher, type MemberOutcome } from '../../server/database/transaction-batcher.js';

/** A promise the test resolves. */
function gate(): { promise: Promise<void>; open(): void } {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}

function refusedByPostgres(): pg.DatabaseError {
  const error = new pg.DatabaseError('duplicate key value violates unique constraint', 0, 'error');
  error.severity = 'ERROR';
  error.code = '23505';
  return error;
}

it('gathers members arriving while batchesInFlightMax run into batches of exactly batchSizeMax, never one more', async () => {
  const held = gate();
  const runs: number[][] = [];
  const batcher = new TransactionBatcher<number, number>({
    batchSizeMax: 4,
    batchesInFlightMax: 1,
    runAlone: async (input) => {
      runs.push([input]);
      await held.promise;
      return input * 10;
    },
    runBatch: async (inputs) => {
      runs.push([...inputs]);
      return inputs.map((input): MemberOutcome<number> => ({ ok: true, value: input * 10 }));
    },
  });
  const results = Promise.all(Array.from({ length: 10 }, (_, i) => batcher.execute(i)));
  expect(batcher.waitingMembers).toBe(9);
  held.open();
  expect(await results).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80, 90]);
  // The first went alone at once; the other 9 left in arrival order, 4 + 4 + 1 (a lone member runs alone).
  expect(runs).toEqual([[0], [1, 2, 3, 4], [5, 6, 7, 8], [9]]);
  expect(batcher.stats).toEqual({ singles: 2, batches: 2, batchedMembers: 8, largestBatch: 4, fallbacks: 0 });
});

it('with batchSizeMax 1 runs every member alone at once, with no queue', async () => {
  const held = gate();
  let running = 0;
  const batcher = new TransactionBatcher<number, number>({
    batchSizeMax: 1,
    batchesInFlightMax: 1,
    runAlone: async (input) => {
      running += 1;
      await held.promise;
      return input;
    },
    runBatch: async () => {
      throw new Error('never batched');
    },
  });
  const results = Promise.all([1, 2, 3].map((input) => batcher.execute(input)));
  expect(running).toBe(3);
  held.open();
  expect(await results).toEqual([1, 2, 3]);
});

it('gives each member its own outcome; a batch PostgreSQL refused runs its members alone, in order, so only the guilty one fails', async () => {
  const held = gate();
  const alone: number[] = [];
  const batcher = new TransactionBatcher<number, number>({
    batchSizeMax: 8,
    batchesInFlightMax: 1,
    runAlone: async (input) => {
      alone.push(input);
      if (input === 0) await held.promise;
      if (input === 3) throw refusedByPostgres();
      return input;
    },
    runBatch: async (inputs) => {
      if (inputs.includes(3)) throw refusedByPostgres();
      return inputs.map(
        (input): MemberOutcome<number> => (input % 2 ? { ok: false, error: new Error(`odd ${input}`) } : { ok: true, value: input }),
      );
    },
  });
  const first = [0, 1, 2, 3, 4].map((input) => batcher.execute(input).then(String, (error: Error) => error.message));
  held.open();
  expect(await Promise.all(first)).toEqual(['0', '1', '2', 'duplicate key value violates unique constraint', '4']);
  expect(alone).toEqual([0, 1, 2, 3, 4]);
  expect(batcher.stats.fallbacks).toBe(1);

  // Without a refused statement, expected refusals are per member.
  const again = gate();
  const blocker = new TransactionBatcher<number, number>({
    batchSizeMax: 8,
    batchesInFlightMax: 1,
    runAlone: async (input) => {
      await again.promise;
      return input;
    },
    runBatch: async (inputs) =>
      inputs.map(
        (input): MemberOutcome<number> => (input % 2 ? { ok: false, error: new Error(`odd ${input}`) } : { ok: true, value: input }),
      ),
  });
  const second = [10, 11, 12, 13].map((input) => blocker.execute(input).then(String, (error: Error) => error.message));
  again.open();
  expect(await Promise.all(second)).toEqual(['10', 'odd 11', '12', 'odd 13']);
});

it('a batch that failed outside PostgreSQL (a lost connection: it may have committed) is not run again', async () => {
  const held = gate();
  let aloneRuns = 0;
  const batcher = new TransactionBatcher<number, number>({
    batchSizeMax: 8,
    batchesInFlightMax: 1,
    runAlone: async (input) => {
      aloneRuns += 1;
      await held.promise;
      return input;
    },
    runBatch: async () => {
      throw new Error('Connection terminated unexpectedly');
    },
  });
  const results = [0, 1, 2].map((input) => batcher.execute(input).then(String, (error: Error) => error.message));
  held.open();
  expect(await Promise.all(results)).toEqual(['0', 'Connection terminated unexpectedly', 'Connection terminated unexpectedly']);
  expect(aloneRuns).toBe(1);
});
