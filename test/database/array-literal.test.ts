// Goal: the batcher's own text form of an array parameter reaches PostgreSQL as exactly the array pg's
// conversion sends (every string, null, quote, backslash, brace, comma, blank and the word NULL), and the
// batcher's columns are sent that way. Method: fast-check arrays and hand-picked edges through a real
// PostgreSQL (`select $1::text[]`, uuid[], bigint[], timestamptz[]), compared with pg's own form, and
// runs of one repeated value (as a batch's constant columns are).
import fc from 'fast-check';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { arrayLiteral } from '../../server/database/array-literal.js';
import { transpose } from '../../server/database/statement-batcher.js';
import { createTestDatabase } from '../support/database.js';

let client: pg.Client;
beforeAll(async () => {
  client = new pg.Client({ connectionString: await createTestDatabase() });
  await client.connect();
});
afterAll(async () => {
  await client?.end();
});

/** What PostgreSQL makes of `parameter` cast to `type`, as text elements (null stays null). */
async function received(parameter: unknown, type: string): Promise<(string | null)[]> {
  const { rows } = await client.query(`select array(select x::text from unnest($1::${type}) as x) as elements`, [parameter]);
  return rows[0].elements;
}

const EDGES = [
  '',
  ' ',
  ' a',
  'a ',
  'NULL',
  'null',
  'Null',
  '"',
  '\\',
  '\\"',
  '{',
  '}',
  '{}',
  ',',
  'a,b',
  "'",
  'é',
  '😀',
  '\t',
  '\n',
  'x\ny',
  'NULLx',
];

describe('arrayLiteral', () => {
  it('gives PostgreSQL the same text[] as pg does, for the edges', async () => {
    const values = [...EDGES, null, 'plain', null];
    expect(arrayLiteral(values)).toBeDefined();
    expect(await received(arrayLiteral(values), 'text[]')).toEqual(await received(values, 'text[]'));
    expect(await received(arrayLiteral(values), 'text[]')).toEqual(values);
  });

  it('gives PostgreSQL the same text[] as pg does, for any strings and nulls (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(fc.string({ unit: 'grapheme' }), fc.constantFrom(...EDGES), fc.constant(null)), { maxLength: 20 }),
        async (values) => {
          // PostgreSQL's text cannot hold NUL, whichever form carries it.
          const storable = values.map((value) => (value === null ? null : value.replaceAll('\u0000', '')));
          expect(await received(arrayLiteral(storable), 'text[]')).toEqual(storable);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('carries the typed columns of a posting (uuid, bigint, timestamptz) as pg does', async () => {
    const uuids = ['0b8e2f4a-6c1d-4e3f-8a9b-0c1d2e3f4a5b', null, '1C9F305B-7D2E-4F40-9BAC-1D2E3F4A5B6C'];
    const amounts = ['-10000', '0', '9223372036854775807', null];
    const times = ['2026-12-07T04:00:00.000Z', null];
    expect(await received(arrayLiteral(uuids), 'uuid[]')).toEqual(await received(uuids, 'uuid[]'));
    expect(await received(arrayLiteral(amounts), 'bigint[]')).toEqual(await received(amounts, 'bigint[]'));
    expect(await received(arrayLiteral(times), 'timestamptz[]')).toEqual(await received(times, 'timestamptz[]'));
  });

  it('writes runs of one value (a batch column repeating its kind, actor or time) as pg does (property)', async () => {
    // Runs: each drawn value repeated 1..4 times, so that an element often equals the one before it
    // (written again without a second look) and a quoted one, NULL or a bare one may follow a run.
    const run = fc.tuple(fc.oneof(fc.string(), fc.constantFrom(...EDGES), fc.constant(null)), fc.integer({ min: 1, max: 4 }));
    await fc.assert(
      fc.asyncProperty(fc.array(run, { maxLength: 8 }), async (runs) => {
        const values = runs.flatMap(([value, times]) =>
          Array.from({ length: times }, () => (value === null ? null : value.replaceAll('\u0000', ''))),
        );
        expect(await received(arrayLiteral(values), 'text[]')).toEqual(values);
      }),
      { numRuns: 200 },
    );
    expect(arrayLiteral(['a b', 'a b', null, 'a b', 'x', 'x'])).toBe('{"a b","a b",NULL,"a b",x,x}');
    expect(arrayLiteral(['x', 'x', 1])).toBeUndefined();
  });

  it('leaves a column with any other value (number, bigint, Date) to pg', () => {
    expect(arrayLiteral(['a', 1])).toBeUndefined();
    expect(arrayLiteral([10n])).toBeUndefined();
    expect(arrayLiteral([new Date(0)])).toBeUndefined();
    expect(arrayLiteral([])).toBe('{}');
  });

  it('is how the batcher sends its columns', () => {
    expect(
      transpose([
        ['a', null, 1],
        ['b c', 'NULL', 2],
      ]),
    ).toEqual(['{a,"b c"}', '{NULL,"NULL"}', [1, 2]]);
  });
});
