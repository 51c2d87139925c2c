// Goal: on a hot key the batcher asks its refusal question before anything of the key that arrived later runs, and hands
// each refused member its answer. Method: a scripted pool whose statements finish when the test says so (the order of
// events, not timing, is what is checked; a real database cannot be paused between a statement and the next), recording
// each statement and question as it is sent.
import type pg from 'pg';
import { describe, expect, it } from 'vitest';
import type { PoolClient } from '../../server/database/sql.js';
import { StatementBatcher } from '../../server/database/statement-batcher.js';

/** A statement the batcher sent: its members' first values (a member's id), and how to finish it with rows. */
interface Sent {
  ids: string[];
  finish(rowIds: string[]): void;
}

/** A pool whose one statement kind answers rows `{ id }` when the test finishes it; `log` records what happened, in order. */
function scriptedPool(log: string[]): { client: PoolClient; sent: Sent[] } {
  const sent: Sent[] = [];
  const connection = {
    query: (query: { name: string; values: unknown[] }) =>
      new Promise((resolve) => {
        // The batched statement gets one array per parameter, in PostgreSQL's text form for strings (these
        // ids need no quotes: "{b,c,d}"); the single one plain values.
        const first = query.values[0] as string;
        const ids = query.name === 'batched' ? first.slice(1, -1).split(',') : [first];
        log.push(`statement ${ids.join('+')}`);
        sent.push({ ids, finish: (rowIds) => resolve({ rows: rowIds.map((id) => ({ id })) }) });
      }),
  } as unknown as pg.Client;
  return {
    client: { acquireConnection: async () => connection, releaseConnection: async () => undefined },
    sent,
  };
}

/** Waits until `count` statements were sent (the batcher sends from promise callbacks), or fails. */
async function sentCount(sent: Sent[], count: number): Promise<void> {
  for (let turn = 0; turn < 1_000 && sent.length < count; turn += 1) await new Promise((resolve) => setImmediate(resolve));
  expect(sent.length).toBe(count);
}

function hotBatcher(pool: PoolClient, log: string[]) {
  return new StatementBatcher<{ id: string }, boolean>(pool, {
    single: { name: 'single', text: 'single' },
    batched: { name: 'batched', text: 'batched' },
    exclusiveKey: () => 'the hot wallet',
    coalesce: true,
    memberKey: (values) => String(values[0]),
    rowKey: (row) => row.id,
    batchSizeMax: 32,
    batchesInFlightMax: 2,
    checkRefused: async (members, rows) => {
      log.push(
        `check ${members
          .filter((_, index) => rows[index] === undefined)
          .map((values) => values[0])
          .join('+')}`,
      );
      return members.map(() => true);
    },
  });
}

describe('a hot key in the statement batcher', () => {
  it('asks its refusal question before anything of the key that arrived later runs, and hands each refused member its answer', async () => {
    const log: string[] = [];
    const { client, sent } = scriptedPool(log);
    const batcher = hotBatcher(client, log);
    const answers = ['a', 'b', 'c', 'd'].map((id) => batcher.executeAnswering([id]));
    await sentCount(sent, 1);
    sent[0]!.finish([]); // a refused
    await sentCount(sent, 2);
    sent[1]!.finish(['c']); // b and d refused, c posted
    expect(await Promise.all(answers)).toEqual([
      { row: undefined, check: true },
      { row: undefined, check: true },
      { row: { id: 'c' }, check: undefined },
      { row: undefined, check: true },
    ]);
    expect(log).toEqual(['statement a', 'check a', 'statement b+c+d', 'check b+d']);
  });
});
