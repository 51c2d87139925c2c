// Goal: when the process whose billing clock holds calls mid-batch is killed (`kill -9`) or frozen (SIGSTOP, as a
// machine that stops answering), another process's clock takes those calls over within the claim timeout, so no
// call runs more than one increment past its funded time. Method: three real `node dist/server/main.js` processes on
// one database, each naming its connections (PGAPPNAME); calls started through the API; the test holds the calls'
// wallet so that a clock batch stops mid-transaction with the calls claimed, finds whose batch it is, kills or
// freezes that process, and samples every active call's lag behind its funded time until the survivor has extended
// them; the ledger invariants at the end.
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createOrm } from '../../../server/database/orm.js';
import { verifyLedger } from '../../../server/domain/wallets/verify-ledger.js';
import {
  buildServer,
  createEmptyDatabase,
  startServerProcess,
  type BuiltServer,
  type ServerProcess,
} from '../../support/server-process.js';

/** The servers' claim timeout here, in ms: short, so the bound leaves a loaded machine room inside one increment. */
const CLAIM_TIMEOUT_MS = 1_000;
/** The demo rate plan's increment for +447… numbers, in seconds (6/6). */
const INCREMENT_SECONDS = 6;
/** Calls started per case. */
const CALLS = 3;

let built: BuiltServer;
let databaseUrl: string;
let monitor: pg.Client;
const running = new Map<string, ServerProcess>();
let demo: { apiKey: string; walletId: string; campaignId: string };

async function startNamed(name: string): Promise<ServerProcess> {
  const server = await startServerProcess(built.mainFile, {
    DATABASE_URL: databaseUrl,
    PGAPPNAME: `takeover-${name}`,
    BILLING_CLOCK_CLAIM_TIMEOUT_MS: String(CLAIM_TIMEOUT_MS),
  });
  running.set(name, server);
  return server;
}

function printed(output: string, label: string): string {
  const match = new RegExp(`${label}: +(\\S+)`).exec(output);
  if (!match) throw new Error(`"${label}" not printed:\n${output}`);
  return match[1]!;
}

beforeAll(async () => {
  built = await buildServer();
  databaseUrl = await createEmptyDatabase();
  // The first migrates and seeds the demo account (a 6/6 rate for +447… numbers); two more, so that each case has
  // its victim and a survivor without a restart between them.
  const first = await startNamed('A');
  await Promise.all([startNamed('B'), startNamed('C')]);
  demo = {
    apiKey: printed(first.output(), 'Demo account API key \\(OWNER\\)'),
    walletId: printed(first.output(), 'Demo wallet id'),
    campaignId: printed(first.output(), 'Demo campaign id'),
  };
  monitor = new pg.Client({ connectionString: databaseUrl });
  await monitor.connect();
}, 120_000);

afterAll(async () => {
  await monitor?.end();
  for (const server of running.values()) {
    server.child.kill('SIGKILL');
    await server.stop();
  }
});

async function graphql<T>(server: ServerProcess, query: string, variables: Record<string, unknown>): Promise<T> {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${demo.apiKey}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data!;
}

async function startCalls(server: ServerProcess, round: string): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < CALLS; i++) {
    const data = await graphql<{ startCall: { call: { id: string; status: string } } }>(
      server,
      'mutation S($input: StartCallInput!) { startCall(input: $input) { call { id status } } }',
      {
        input: { campaignId: demo.campaignId, to: `+4477009${round}${String(i).padStart(4, '0')}`, idempotencyKey: `${round}-${i}` },
      },
    );
    expect(data.startCall.call.status).toBe('ACTIVE');
    ids.push(data.startCall.call.id);
  }
  return ids;
}

/**
 * Waits until a clock batch that has claimed calls (its transaction holds `call_meter` rows for update) waits on the
 * wallet the test holds; the process it belongs to (by application name) and its backend's pid.
 */
async function clockBatchWaitingOnWallet(): Promise<{ name: string; pid: number }> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const { rows } = await monitor.query<{ application_name: string; pid: number }>(
      `select a.application_name, a.pid from pg_stat_activity a
        where a.datname = current_database() and a.wait_event_type = 'Lock' and a.query ilike '%from wallet where id = any%'
          and exists (select 1 from pg_locks l where l.pid = a.pid and l.relation = 'call_meter'::regclass and l.mode = 'RowShareLock')
        order by a.xact_start limit 1`,
    );
    if (rows[0]) return { name: rows[0].application_name.replace(/^takeover-/, ''), pid: rows[0].pid };
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('no clock batch came to wait on the held wallet within 30 s');
}

/** Whether the backend `pid` still exists. */
async function backendAlive(pid: number): Promise<boolean> {
  const { rows } = await monitor.query('select 1 from pg_stat_activity where pid = $1', [pid]);
  return rows.length > 0;
}

/**
 * Samples (every 50 ms, on its own connection) how far the given calls are past their funded time, from now until
 * each has been extended past its first increment or has ended; the most seen, in seconds. @throws after 60 s.
 */
async function lagUntilExtended(callIds: string[]): Promise<number> {
  const sampler = new pg.Client({ connectionString: databaseUrl });
  await sampler.connect();
  try {
    let lagMaxSeconds = 0;
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      const { rows } = await sampler.query<{ lag: number | null; pending: string }>(
        `select max(extract(epoch from clock_timestamp() - (c.started_at + m.funded_seconds * interval '1 second')))::float8 as lag,
                count(*) filter (where m.funded_seconds <= $2)::text as pending
           from call c join call_meter m on m.call_id = c.id where c.id = any($1::uuid[]) and c.status = 'ACTIVE'`,
        [callIds, INCREMENT_SECONDS],
      );
      lagMaxSeconds = Math.max(lagMaxSeconds, rows[0]?.lag ?? 0);
      if (Number(rows[0]?.pending ?? 0) === 0) return lagMaxSeconds;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`calls still unextended after 60 s (lag ${lagMaxSeconds.toFixed(1)} s)`);
  } finally {
    await sampler.end();
  }
}

/** Starts calls, holds their wallet until a clock batch waits on it with the calls claimed, then `fault`s that batch's process. */
async function takeover(
  round: string,
  fault: (victim: ServerProcess, backendPid: number, releaseWallet: () => Promise<void>) => Promise<void>,
): Promise<{ lagSeconds: number; victim: string }> {
  const caller = [...running.values()][0]!;
  const callIds = await startCalls(caller, round);
  const lag = lagUntilExtended(callIds);
  const holder = new pg.Client({ connectionString: databaseUrl });
  await holder.connect();
  let held = true;
  const releaseWallet = async () => {
    if (!held) return;
    held = false;
    await holder.query('rollback');
  };
  try {
    await holder.query('begin');
    await holder.query('select 1 from wallet where id = $1 for update', [demo.walletId]);
    const batch = await clockBatchWaitingOnWallet();
    const victim = running.get(batch.name)!;
    await fault(victim, batch.pid, releaseWallet);
    await releaseWallet();
    const lagSeconds = await lag;
    // The victim is out for good.
    running.delete(batch.name);
    victim.child.kill('SIGKILL');
    await victim.stop();
    await graphql([...running.values()][0]!, 'mutation E($input: EndCallsInput!) { endCalls(input: $input) { results { status } } }', {
      input: { calls: callIds.map((callId) => ({ callId })) },
    });
    console.info(
      `${round === '1' ? 'kill -9' : 'SIGSTOP'} of ${batch.name}: calls at most ${lagSeconds.toFixed(2)} s past their funded time`,
    );
    return { lagSeconds, victim: batch.name };
  } finally {
    await releaseWallet().catch(() => {});
    await holder.end();
    await lag.catch(() => {});
  }
}

it('kill -9 of the process whose clock holds calls mid-batch: its backend goes within the claim timeout, another clock extends the calls', async () => {
  const { lagSeconds } = await takeover('1', async (victim, backendPid) => {
    victim.child.kill('SIGKILL');
    await victim.exited;
    // Its statement still waits on the held wallet: PostgreSQL notices the closed socket within the claim timeout
    // (client_connection_check_interval) and ends the transaction, freeing its calls, while the wallet is still held.
    const killedAt = Date.now();
    while ((await backendAlive(backendPid)) && Date.now() - killedAt < 15_000) await new Promise((resolve) => setTimeout(resolve, 25));
    expect(await backendAlive(backendPid)).toBe(false);
    console.info(`kill -9: the killed clock's backend ended ${Date.now() - killedAt} ms after the kill`);
    expect(Date.now() - killedAt).toBeLessThan(CLAIM_TIMEOUT_MS + 2_000);
  });
  expect(lagSeconds).toBeLessThanOrEqual(INCREMENT_SECONDS);
}, 120_000);

it('a frozen process (SIGSTOP) whose clock holds calls mid-batch: PostgreSQL ends its transaction after the claim timeout, another clock extends the calls within one increment', async () => {
  const { lagSeconds } = await takeover('2', async (victim, backendPid, releaseWallet) => {
    victim.child.kill('SIGSTOP');
    // Its statement gets the wallet and answers into the frozen process's socket; its transaction then sits idle
    // with the calls claimed until PostgreSQL ends it (the claim timeout; the pool's 30 s before).
    await releaseWallet();
    const releasedAt = Date.now();
    while ((await backendAlive(backendPid)) && Date.now() - releasedAt < 60_000) await new Promise((resolve) => setTimeout(resolve, 25));
    console.info(`SIGSTOP: the frozen clock's backend ended ${Date.now() - releasedAt} ms after its statement could finish`);
    expect(Date.now() - releasedAt).toBeLessThan(CLAIM_TIMEOUT_MS + 2_000);
  });
  expect(lagSeconds).toBeLessThanOrEqual(INCREMENT_SECONDS);
}, 120_000);

it('leaves the ledger whole', async () => {
  const orm = await createOrm({ databaseUrl, poolSizeMax: 2 });
  try {
    expect(await verifyLedger(orm.em.fork())).toEqual([]);
  } finally {
    await orm.close(true);
  }
});
