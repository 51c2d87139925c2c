// Goal: the transaction batcher gathers concurrent members into batches of at most batchSizeMax (a
// full batch has exactly that many), answers each member with its own outcome, and runs a batch
// PostgreSQL refused member by member so only the guilty one fails; with keys, never two batches of one key at once. Method: the batcher over plain
// functions that record what they were given and finish when the test releases them.
import pg from 'pg';
import { expect, it } from 'vitest';
import { TransactionBatcher, type MemberOutcome } from '../../server/database/transaction-batcher.js';
import { until } from '../support/waiting.js';

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

it('without runAlone runs a lone member as a batch of one: its value, or its own error thrown', async () => {
  const batches: number[][] = [];
  const batcher = new TransactionBatcher<number, number>({
    batchSizeMax: 1,
    batchesInFlightMax: 1,
    runBatch: async (inputs) => {
      batches.push([...inputs]);
      return inputs.map(
        (input): MemberOutcome<number> => (input % 2 ? { ok: false, error: new Error(`odd ${input}`) } : { ok: true, value: input * 10 }),
      );
    },
  });
  expect(await batcher.execute(2)).toBe(20);
  await expect(batcher.execute(3)).rejects.toThrow('odd 3');
  expect(batches).toEqual([[2], [3]]);
  expect(batcher.stats.singles).toBe(2);
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

it('with keysOf, never runs two batches sharing a key: members of a busy key gather for the next batch, in arrival order, while other keys go', async () => {
  const gates = new Map<string, ReturnType<typeof gate>>();
  const runs: string[][] = [];
  let inFlight = new Set<string>();
  let overlaps = 0;
  const key = (input: string) => input.split('-')[0]!;
  const run = async (inputs: readonly string[]) => {
    const keys = new Set(inputs.map(key));
    if ([...keys].some((k) => inFlight.has(k))) overlaps += 1;
    inFlight = new Set([...inFlight, ...keys]);
    runs.push([...inputs]);
    const held = gate();
    gates.set(inputs[0]!, held);
    await held.promise;
    for (const k of keys) inFlight.delete(k);
  };
  const batcher = new TransactionBatcher<string, string>({
    batchSizeMax: 8,
    batchesInFlightMax: 4,
    keysOf: (input) => [key(input)],
    runAlone: async (input) => {
      await run([input]);
      return input;
    },
    runBatch: async (inputs) => {
      await run(inputs);
      return inputs.map((input): MemberOutcome<string> => ({ ok: true, value: input }));
    },
  });
  const results = Promise.all(['w1-a', 'w1-b', 'w2-a', 'w1-c', 'w2-b', 'w3-a'].map((input) => batcher.execute(input)));
  // w1-a went alone at once; w1-b waits for it although three more transactions may run; w2-a went
  // alone, w2-b waits for it; w3-a found its key free and went.
  expect(runs).toEqual([['w1-a'], ['w2-a'], ['w3-a']]);
  expect(batcher.waitingMembers).toBe(3);
  gates.get('w1-a')!.open();
  await until('the w1 batch', () => runs.length === 4);
  expect(runs[3]).toEqual(['w1-b', 'w1-c']);
  gates.get('w2-a')!.open();
  await until('the w2 batch', () => runs.length === 5);
  expect(runs[4]).toEqual(['w2-b']);
  for (const name of ['w1-b', 'w2-b', 'w3-a']) gates.get(name)!.open();
  expect(await results).toEqual(['w1-a', 'w1-b', 'w2-a', 'w1-c', 'w2-b', 'w3-a']);
  expect(overlaps).toBe(0);
});

it('with keysOf, a member whose keys include a busy one holds back the later members of its other keys (each key keeps its order)', async () => {
  const held = gate();
  const runs: string[][] = [];
  const batcher = new TransactionBatcher<{ name: string; keys: string[] }, string>({
    batchSizeMax: 8,
    batchesInFlightMax: 2,
    keysOf: (input) => input.keys,
    runAlone: async (input) => {
      runs.push([input.name]);
      if (input.name === 'first') await held.promise;
      return input.name;
    },
    runBatch: async (inputs) => {
      runs.push(inputs.map((input) => input.name));
      return inputs.map((input): MemberOutcome<string> => ({ ok: true, value: input.name }));
    },
  });
  const results = Promise.all([
    batcher.execute({ name: 'first', keys: ['account'] }),
    // Waits for the account; the wallet's next member must not overtake it.
    batcher.execute({ name: 'blocked', keys: ['wallet', 'account'] }),
    batcher.execute({ name: 'behind', keys: ['wallet'] }),
  ]);
  expect(runs).toEqual([['first']]);
  held.open();
  expect(await results).toEqual(['first', 'blocked', 'behind']);
  expect(runs).toEqual([['first'], ['blocked', 'behind']]);
});

it('executeAll queues a list together: it leaves in full batches in list order from the start, each member answered on its own; with batchSizeMax 1, one by one in order', async () => {
  const runs: number[][] = [];
  const batcher = new TransactionBatcher<number, number>({
    batchSizeMax: 4,
    batchesInFlightMax: 1,
    keysOf: (input) => [`k${input % 2}`],
    runAlone: async (input) => {
      runs.push([input]);
      return input;
    },
    runBatch: async (inputs) => {
      runs.push([...inputs]);
      return inputs.map(
        (input): MemberOutcome<number> => (input === 5 ? { ok: false, error: new Error('five') } : { ok: true, value: input }),
      );
    },
  });
  const outcomes = await batcher.executeAll([0, 1, 2, 3, 4, 5, 6]);
  expect(outcomes.map((outcome) => (outcome.ok ? outcome.value : (outcome.error as Error).message))).toEqual([0, 1, 2, 3, 4, 'five', 6]);
  // No member went alone ahead of the list: the first batch is full, the rest follow in order.
  expect(runs).toEqual([
    [0, 1, 2, 3],
    [4, 5, 6],
  ]);

  const alone: number[] = [];
  let running = 0;
  const unbatched = new TransactionBatcher<number, number>({
    batchSizeMax: 1,
    batchesInFlightMax: 4,
    runAlone: async (input) => {
      running += 1;
      expect(running).toBe(1);
      alone.push(input);
      await Promise.resolve();
      running -= 1;
      if (input === 1) throw new Error('one');
      return input;
    },
    runBatch: async () => {
      throw new Error('never batched');
    },
  });
  const answered = await unbatched.executeAll([0, 1, 2]);
  expect(answered.map((outcome) => outcome.ok)).toEqual([true, false, true]);
  expect(alone).toEqual([0, 1, 2]);
});

it('members that came in lists share batches of up to listBatchSizeMax, exactly that many and never one more; a member that came alone caps its batch at batchSizeMax', async () => {
  const held = gate();
  const runs: string[][] = [];
  const batcher = new TransactionBatcher<string, string>({
    batchSizeMax: 2,
    listBatchSizeMax: 5,
    batchesInFlightMax: 1,
    runAlone: async (input) => {
      runs.push([input]);
      await held.promise;
      return input;
    },
    runBatch: async (inputs) => {
      runs.push([...inputs]);
      return inputs.map((input): MemberOutcome<string> => ({ ok: true, value: input }));
    },
  });
  const first = batcher.execute('first');
  // Three lists queued while the first runs: 3 + 3 + 4 members, then a lone member, then a list of 2.
  const lists = [
    batcher.executeAll(['a1', 'a2', 'a3']),
    batcher.executeAll(['b1', 'b2', 'b3']),
    batcher.executeAll(['c1', 'c2', 'c3', 'c4']),
  ];
  const lone = batcher.execute('lone');
  const last = batcher.executeAll(['d1', 'd2']);
  held.open();
  await Promise.all([first, ...lists, lone, last]);
  expect(runs).toEqual([
    ['first'],
    // Lists merge across callers, in arrival order: 5 members (listBatchSizeMax), then 5 more.
    ['a1', 'a2', 'a3', 'b1', 'b2'],
    ['b3', 'c1', 'c2', 'c3', 'c4'],
    // The lone member joins a list's members only up to batchSizeMax (2).
    ['lone', 'd1'],
    ['d2'],
  ]);
  expect(batcher.stats.largestBatch).toBe(5);

  expect(
    () =>
      new TransactionBatcher<string, string>({
        batchSizeMax: 4,
        listBatchSizeMax: 3,
        batchesInFlightMax: 1,
        runAlone: async (input) => input,
        runBatch: async () => [],
      }),
  ).toThrow(/listBatchSizeMax/);
});
