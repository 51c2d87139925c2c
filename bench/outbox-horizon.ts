/**
 * `npm run build:server && node dist/bench/outbox-horizon.js`: what the outbox readers' horizon
 * costs per read, before (the server-wide `pg_snapshot_xmin`) and after (this database's oldest
 * running transaction, {@link OUTBOX_HORIZON}), side by side in ONE run on ONE embedded cluster.
 *
 * The statement timed is the live tail's read (`selectTailRowsAfter`, prepared as the server
 * prepares it) from the outbox's head, which is what nearly every read finds: nothing or a few rows.
 * While it runs, `BENCH_HORIZON_OPEN` (default 8) transactions hold an id in this database and as
 * many in another one (the in-progress list the new horizon filters), and 40 more connections sit
 * idle (the activity rows it reads). The sides alternate (A B, then B A) so that a shared
 * machine's load falls on both alike (in chunks of 100 reads); `BENCH_HORIZON_READS` reads per side and round (default 3000),
 * `BENCH_ROUNDS` rounds (default 3). Prints µs per read for each round and the medians.
 */
import 'reflect-metadata';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { ensureDatabase } from '../server/database/database.js';
import { startEmbeddedPostgres } from '../server/database/embedded-postgres.js';
import { createOrm, migrate } from '../server/database/orm.js';
import { OUTBOX_HORIZON, selectTailRowsAfter } from '../server/domain/outbox/outbox.queries.js';
import { numberFromEnv } from './bench-support.js';

const OPEN = numberFromEnv('BENCH_HORIZON_OPEN', 8, 0, 100);
const READS = numberFromEnv('BENCH_HORIZON_READS', 3_000, 200, 1_000_000);
const ROUNDS = numberFromEnv('BENCH_ROUNDS', 3, 1, 20);
const SERVER_WIDE = 'pg_snapshot_xmin(pg_current_snapshot())';
/** Reads in a row on one side before switching to the other. */
const CHUNK_READS = 100;

function urlOf(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function main(): Promise<void> {
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'spendwire-bench-horizon-'));
  const cluster = await startEmbeddedPostgres({
    dataDir: path.join(dir, 'data'),
    port: 0,
    persistent: false,
    settings: { max_connections: '200' },
  });
  const clients: pg.Client[] = [];
  try {
    await ensureDatabase(cluster.serverUrl, 'spendwire');
    await ensureDatabase(cluster.serverUrl, 'elsewhere');
    const orm = await createOrm({ databaseUrl: urlOf(cluster.serverUrl, 'spendwire'), poolSizeMax: 2 });
    await migrate(orm);
    await orm.close(true);
    const connect = async (database: string) => {
      const client = new pg.Client({ connectionString: urlOf(cluster.serverUrl, database) });
      await client.connect();
      clients.push(client);
      return client;
    };
    for (const database of ['spendwire', 'elsewhere']) {
      for (let index = 0; index < OPEN; index++) {
        const client = await connect(database);
        await client.query('begin');
        await client.query('select pg_current_xact_id()');
      }
    }
    for (let index = 0; index < 40; index++) await connect(index % 2 === 0 ? 'spendwire' : 'elsewhere');
    const reader = await connect('spendwire');
    const sides = [
      { name: 'before: server-wide xmin', text: selectTailRowsAfter.text.replaceAll(OUTBOX_HORIZON, SERVER_WIDE), prepared: 'before' },
      { name: 'after: this database only', text: selectTailRowsAfter.text, prepared: 'after' },
    ];
    if (sides[0]!.text === sides[1]!.text) throw new Error('the tail read does not use OUTBOX_HORIZON');
    const results = new Map<string, number[]>(sides.map((side) => [side.name, []]));
    console.log(
      `Tail read from the head, ${OPEN} open transactions here and ${OPEN} in another database, 40 idle connections; µs per read`,
    );
    for (let round = 0; round < ROUNDS; round++) {
      // Chunks of CHUNK_READS alternate between the sides (A B, then B A), so that a shared
      // machine's load, which drifts over seconds, falls on both alike.
      const spentMs = new Map<string, number>(sides.map((side) => [side.name, 0]));
      for (let chunk = 0; chunk < READS / CHUNK_READS; chunk++) {
        const order = chunk % 2 === 0 ? sides : [...sides].reverse();
        for (const side of order) {
          const started = performance.now();
          for (let index = 0; index < CHUNK_READS; index++) {
            await reader.query({ name: side.prepared, text: side.text, values: ['999999999', '999999999', 500] });
          }
          spentMs.set(side.name, spentMs.get(side.name)! + performance.now() - started);
        }
      }
      for (const side of sides) {
        const microsPerRead = (spentMs.get(side.name)! * 1_000) / READS;
        results.get(side.name)!.push(microsPerRead);
        console.log(`round ${round + 1}  ${side.name.padEnd(28)} ${microsPerRead.toFixed(1)} µs`);
      }
    }
    for (const [name, values] of results) {
      const sorted = [...values].sort((a, b) => a - b);
      console.log(`median  ${name.padEnd(28)} ${sorted[Math.floor(sorted.length / 2)]!.toFixed(1)} µs`);
    }
  } finally {
    for (const client of clients) await client.end().catch(() => {});
    await cluster.stop();
    await fsp.rm(dir, { recursive: true, force: true });
  }
}

await main();
