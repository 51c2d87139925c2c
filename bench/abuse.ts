/**
 * `npm run bench:abuse`: what one caller with an ordinary OWNER key (or none) can do to the server,
 * tried as an attacker would, on loopback only. Not a test: it prints, per scenario, what the
 * server answered, the server's CPU per request, its resident memory, and another tenant's simple
 * `wallet` query latency (p50/p99) measured at the same time, next to the same query on the idle
 * server in the same run.
 *
 * Scenarios (each bounded in count and time):
 * - idle: the victim's query alone (the baseline of every other victim figure);
 * - alias-1000: 1,000 aliases of `wallet { transactions(first: 100) }` in one request (≈ 25 KB);
 * - worst-allowed flood: the largest document of that shape the server still accepts (found by
 *   bisecting on the alias count), sent by `ABUSE_ATTACK_CLIENTS` concurrent loops of the attacker's
 *   key for `ABUSE_SECONDS`, while the victim queries: the fair-sharing figure;
 * - body-200k: a 200 KB JSON body (over the HTTP body cap);
 * - ws-frame-10m: one 10 MB WebSocket message;
 * - sockets: `ABUSE_SOCKETS` sockets of one key, each asking for `ABUSE_SUBSCRIPTIONS_PER_SOCKET`
 *   subscriptions;
 * - sign-in: `ABUSE_SIGN_INS` wrong passwords for one e-mail from one address;
 * - churn: `ABUSE_CHURN` subscriptions opened and closed on an idle wallet (memory after).
 *
 * Setup: a throwaway embedded PostgreSQL, the server as a child process with NODE_ENV=production
 * and its default limits (extra settings through `ABUSE_SERVER_ENV`, e.g. "RATE_LIMITS=0"), two
 * accounts made through the API. Exits 1 when the server dies or the ledger check fails.
 */
import 'reflect-metadata';
import { randomBytes, randomUUID } from 'node:crypto';
import fsp from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { ensureDatabase } from '../server/database/database.js';
import { startEmbeddedPostgres } from '../server/database/embedded-postgres.js';
import { createOrm } from '../server/database/orm.js';
import { verifyLedger } from '../server/domain/wallets/verify-ledger.js';
import { residentMib, startServer, stopServer, cleanUpServerBench, type ServerBenchResources } from './bench-server.js';
import {
  createFundedWallet,
  fixed,
  graphqlOk,
  inBatches,
  Latencies,
  numberFromEnv,
  percentile,
  processCpuSeconds,
  row,
  runBench,
  sleep,
  type BenchWallet,
} from './bench-support.js';

// ---------------------------------------------------------------------------------------------
// Settings

/** Seconds of each measured phase (idle probe, flood). */
const PHASE_SECONDS = numberFromEnv('ABUSE_SECONDS', 10, 1, 120);
/** Concurrent attacker loops in the flood. */
const ATTACK_CLIENTS = numberFromEnv('ABUSE_ATTACK_CLIENTS', 8, 1, 64);
/** Sockets the attacker opens with one key. */
const SOCKETS = numberFromEnv('ABUSE_SOCKETS', 500, 1, 2_000);
/** Subscriptions asked for on each of those sockets. */
const SUBSCRIPTIONS_PER_SOCKET = numberFromEnv('ABUSE_SUBSCRIPTIONS_PER_SOCKET', 50, 1, 200);
/** Wrong passwords tried for one e-mail. */
const SIGN_INS = numberFromEnv('ABUSE_SIGN_INS', 100, 1, 10_000);
/** Subscriptions opened and closed in the churn scenario. */
const CHURN = numberFromEnv('ABUSE_CHURN', 10_000, 1, 100_000);
/** Extra server environment, "A=1 B=2". */
const SERVER_ENV = Object.fromEntries(
  (process.env.ABUSE_SERVER_ENV ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]),
);
/** Longest wait for one attacker request, in ms (an unprotected server takes seconds). */
const ATTACK_REQUEST_TIMEOUT_MS = 120_000;
/** Charges on the attacker's wallet, so its transaction pages are full. */
const ATTACKER_TRANSACTIONS = 120;
const DATABASE_NAME = 'spendwire_abuse';
const PASSWORD = 'correct horse battery staple';

const VICTIM_QUERY = 'query Victim($id: ID!) { wallet(id: $id) { id balance available } }';
const TRANSACTIONS_FIELD = 'transactions(first: 100) { edges { node { id amount } } }';

/**
 * k aliases of the attacker's wallet with a full transactions page each: the wallet id is a
 * variable and the selection a fragment, so 1,000 aliases fit in about 25 KB.
 */
function aliasDocument(aliases: number): string {
  const fields = Array.from({ length: aliases }, (_, index) => `w${index}: wallet(id: $id) { ...Page }`);
  return `query Flood($id: ID!) { ${fields.join(' ')} } fragment Page on Wallet { ${TRANSACTIONS_FIELD} }`;
}

/** The JSON body of {@link aliasDocument} for one wallet. */
function aliasBody(walletId: string, aliases: number): string {
  return JSON.stringify({ query: aliasDocument(aliases), variables: { id: walletId } });
}

// ---------------------------------------------------------------------------------------------
// HTTP

interface Answer {
  status: number;
  body: string;
  headers: http.IncomingHttpHeaders;
}

function post(
  port: number,
  pathName: string,
  body: string,
  headers: Record<string, string>,
  timeoutMs = ATTACK_REQUEST_TIMEOUT_MS,
  agent?: http.Agent,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: '127.0.0.1',
        port,
        path: pathName,
        method: 'POST',
        agent: agent ?? false,
        headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), ...headers },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), headers: response.headers }),
        );
        response.on('error', reject);
      },
    );
    request.setTimeout(timeoutMs, () => request.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    request.on('error', reject);
    request.end(body);
  });
}

/** "400 QUERY_TOO_COMPLEX", "200 ok", "429 RATE_LIMITED", "timeout"… for one answer. */
function outcomeOf(answer: Answer | Error): string {
  if (answer instanceof Error) return /no answer/.test(answer.message) ? 'timeout' : 'socket error';
  let code: string | undefined;
  try {
    const parsed = JSON.parse(answer.body) as { errors?: { extensions?: { code?: string } }[]; error?: { code?: string } };
    code = parsed.errors?.[0]?.extensions?.code ?? parsed.error?.code;
  } catch {
    code = answer.headers['content-type']?.includes('html') ? 'HTML page' : 'not JSON';
  }
  return `${answer.status} ${code ?? 'ok'}`;
}

/** Counts outcomes: "400 QUERY_TOO_COMPLEX ×3, 200 ok ×1". */
class Outcomes {
  private counts = new Map<string, number>();
  add(outcome: string): void {
    this.counts.set(outcome, (this.counts.get(outcome) ?? 0) + 1);
  }
  get total(): number {
    return [...this.counts.values()].reduce((sum, count) => sum + count, 0);
  }
  count(prefix: string): number {
    return [...this.counts].filter(([outcome]) => outcome.startsWith(prefix)).reduce((sum, [, count]) => sum + count, 0);
  }
  toString(): string {
    return [...this.counts]
      .sort((a, b) => b[1] - a[1])
      .map(([outcome, count]) => `${outcome} ×${count}`)
      .join(', ');
  }
}

// ---------------------------------------------------------------------------------------------
// The victim

interface Probe {
  p50Ms: number;
  p99Ms: number;
  count: number;
  failures: number;
}

/** The victim's query, one at a time, until `until()` says stop (and at least `seconds`). */
async function probeVictim(port: number, victim: BenchWallet, seconds: number, until?: Promise<unknown>): Promise<Probe> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const latencies = new Latencies();
  let failures = 0;
  let stopped = false;
  void until?.finally(() => (stopped = true));
  const deadline = performance.now() + seconds * 1000;
  const body = JSON.stringify({ query: VICTIM_QUERY, variables: { id: victim.walletId } });
  try {
    while (until ? !stopped : performance.now() < deadline) {
      const sent = performance.now();
      try {
        const answer = await post(port, '/graphql', body, { authorization: `Bearer ${victim.ownerKey}` }, 60_000, agent);
        if (answer.status !== 200 || answer.body.includes('"errors"')) failures++;
      } catch {
        failures++;
      }
      latencies.push(performance.now() - sent);
      // A person's dashboard, not a second flood: 20 queries a second at most.
      await sleep(Math.max(0, 50 - (performance.now() - sent)));
    }
  } finally {
    agent.destroy();
  }
  const sorted = latencies.sorted();
  return { p50Ms: percentile(sorted, 0.5), p99Ms: percentile(sorted, 0.99), count: sorted.length, failures };
}

// ---------------------------------------------------------------------------------------------
// WebSocket (graphql-ws protocol by hand: thousands of sockets, no client library per socket)

interface RawSocket {
  socket: WebSocket;
  /** Close code once closed. */
  closed: Promise<number>;
  /** Messages of type next/error/complete by id. */
  onMessage(handler: (message: { id?: string; type: string; payload?: unknown }) => void): void;
}

/** Opens a socket and completes connection_init; resolves with the socket or the close code. */
function openSocket(port: number, token: string): Promise<RawSocket | number> {
  return new Promise((resolve) => {
    const socket = new WebSocket(`ws://127.0.0.1:${port}/graphql`, 'graphql-transport-ws');
    const handlers: ((message: { id?: string; type: string; payload?: unknown }) => void)[] = [];
    const closed = new Promise<number>((resolveClosed) => socket.once('close', (code) => resolveClosed(code)));
    let acknowledged = false;
    socket.on('error', () => {});
    socket.once('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } })));
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as { id?: string; type: string; payload?: unknown };
      if (message.type === 'connection_ack' && !acknowledged) {
        acknowledged = true;
        resolve({ socket, closed, onMessage: (handler) => handlers.push(handler) });
        return;
      }
      if (message.type === 'ping') socket.send(JSON.stringify({ type: 'pong' }));
      for (const handler of handlers) handler(message);
    });
    void closed.then((code) => {
      if (!acknowledged) resolve(code);
    });
  });
}

function subscribeMessage(id: string, walletId: string): string {
  return JSON.stringify({
    id,
    type: 'subscribe',
    payload: { query: 'subscription Tail($walletId: ID!) { transactionAdded(walletId: $walletId) { id } }', variables: { walletId } },
  });
}

// ---------------------------------------------------------------------------------------------
// Main

type Resources = ServerBenchResources;
const cleanUp = cleanUpServerBench;

const COLUMNS = [
  ['scenario', 22],
  ['requests', 8],
  ['server CPU ms/req', 17],
  ['RSS MiB', 7],
  ['victim p50', 10],
  ['victim p99', 10],
  ['answers', 0],
] as const;

interface ScenarioRow {
  scenario: string;
  requests: number;
  cpuMsPerRequest: number;
  rssMib: number;
  victim?: Probe;
  answers: string;
}

async function main(resources: Resources): Promise<boolean> {
  resources.tempDir = await fsp.mkdtemp(path.join(os.tmpdir(), 'spendwire-abuse-'));
  const postgresDir = path.join(resources.tempDir, 'postgres');
  resources.cluster = await startEmbeddedPostgres({
    dataDir: postgresDir,
    port: 0,
    persistent: false,
    settings: { max_connections: '200' },
  });
  await ensureDatabase(resources.cluster.serverUrl, DATABASE_NAME);
  const databaseUrl = resources.cluster.urlFor(DATABASE_NAME);
  const adminToken = `sw_admin_${randomBytes(24).toString('base64url')}`;
  resources.server = await startServer({ databaseUrl, adminToken, dataDir: path.join(resources.tempDir, 'server-data'), env: SERVER_ENV });
  const server = resources.server;
  const pid = server.child.pid;
  const port = server.port;

  // Two tenants: the attacker (an ordinary OWNER key, a wallet with full transaction pages, a user
  // with a password) and the victim.
  const setupAgent = new http.Agent({ keepAlive: true, maxSockets: 8 });
  const [attacker, victim] = await inBatches(2, 2, (index) =>
    createFundedWallet(setupAgent, port, adminToken, index === 0 ? 'attacker' : 'victim'),
  );
  await inBatches(ATTACKER_TRANSACTIONS, 8, (index) =>
    graphqlOk(setupAgent, port, attacker!.ownerKey, 'mutation C($input: ChargeInput!) { charge(input: $input) { transaction { id } } }', {
      input: { walletId: attacker!.walletId, amount: '0.01', description: `abuse fixture ${index}` },
    }),
  );
  const email = `attacker-${randomUUID()}@example.com`;
  await graphqlOk(setupAgent, port, adminToken, 'mutation U($input: CreateUserInput!) { createUser(input: $input) { user { id } } }', {
    input: { accountId: attacker!.accountId, email, name: 'Attacker', role: 'OWNER', password: PASSWORD },
  });
  setupAgent.destroy();

  const rows: ScenarioRow[] = [];
  const cpu = () => processCpuSeconds(pid);
  const print = (scenarioRow: ScenarioRow) => {
    rows.push(scenarioRow);
    console.log(
      row(COLUMNS, [
        scenarioRow.scenario,
        String(scenarioRow.requests),
        fixed(scenarioRow.cpuMsPerRequest, 1),
        fixed(scenarioRow.rssMib, 0),
        scenarioRow.victim ? `${fixed(scenarioRow.victim.p50Ms, 1)} ms` : '',
        scenarioRow.victim ? `${fixed(scenarioRow.victim.p99Ms, 1)} ms` : '',
        scenarioRow.answers,
      ]),
    );
  };
  const attackHeaders = { authorization: `Bearer ${attacker!.ownerKey}` };

  console.log("Spendwire abuse bench: one tenant attacks, another tenant's simple wallet query is timed meanwhile");
  console.log(
    `Machine: ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB; server pid ${pid}, NODE_ENV=production` +
      `${Object.keys(SERVER_ENV).length ? `, ${process.env.ABUSE_SERVER_ENV}` : ''}; phases of ${PHASE_SECONDS} s; victim: one query at a time, ≤ 20/s`,
  );
  console.log('');
  console.log(
    row(
      COLUMNS,
      COLUMNS.map(([title]) => title),
    ),
  );

  // Idle baseline.
  const idle = await probeVictim(port, victim!, PHASE_SECONDS);
  print({
    scenario: 'idle',
    requests: idle.count,
    cpuMsPerRequest: Number.NaN,
    rssMib: residentMib(pid),
    victim: idle,
    answers: `${idle.failures} failed`,
  });

  // 1,000 aliases, three times in a row, the victim querying meanwhile.
  {
    const body = aliasBody(attacker!.walletId, 1_000);
    const outcomes = new Outcomes();
    const before = cpu();
    const attack = (async () => {
      for (let attempt = 0; attempt < 3; attempt++)
        outcomes.add(outcomeOf(await post(port, '/graphql', body, attackHeaders).catch((error: Error) => error)));
    })();
    const probe = await probeVictim(port, victim!, 0, attack);
    print({
      scenario: `alias-1000 (${Math.round(body.length / 1024)} KB)`,
      requests: outcomes.total,
      cpuMsPerRequest: ((cpu() - before) * 1000) / outcomes.total,
      rssMib: residentMib(pid),
      victim: probe,
      answers: outcomes.toString(),
    });
  }

  // The worst document of that shape the server accepts: bisect on the alias count.
  let low = 0;
  let high = 1_000;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    const answer = await post(port, '/graphql', aliasBody(attacker!.walletId, middle), attackHeaders).catch((error: Error) => error);
    const accepted = !(answer instanceof Error) && answer.status === 200 && !answer.body.includes('"errors"');
    if (accepted) low = middle;
    else high = middle - 1;
  }
  const worstAliases = low;
  if (worstAliases > 0) {
    const body = aliasBody(attacker!.walletId, worstAliases);
    const outcomes = new Outcomes();
    const before = cpu();
    let rssMax = 0;
    const deadline = performance.now() + PHASE_SECONDS * 1000;
    const agent = new http.Agent({ keepAlive: true, maxSockets: ATTACK_CLIENTS });
    const attack = Promise.all(
      Array.from({ length: ATTACK_CLIENTS }, async () => {
        while (performance.now() < deadline) {
          outcomes.add(
            outcomeOf(await post(port, '/graphql', body, attackHeaders, ATTACK_REQUEST_TIMEOUT_MS, agent).catch((error: Error) => error)),
          );
          rssMax = Math.max(rssMax, residentMib(pid));
        }
      }),
    );
    const probe = await probeVictim(port, victim!, 0, attack);
    agent.destroy();
    print({
      scenario: `flood ${ATTACK_CLIENTS}× ${worstAliases} aliases`,
      requests: outcomes.total,
      cpuMsPerRequest: ((cpu() - before) * 1000) / outcomes.total,
      rssMib: rssMax,
      victim: probe,
      answers: outcomes.toString(),
    });
    console.log(
      row(COLUMNS, [
        '  → fair sharing',
        '',
        '',
        '',
        '',
        `${fixed(probe.p99Ms / idle.p99Ms, 1)}× idle`,
        `victim p99 ${fixed(probe.p99Ms, 1)} ms under attack vs ${fixed(idle.p99Ms, 1)} ms idle (goal < 10×)`,
      ]),
    );
  } else {
    print({
      scenario: 'flood',
      requests: 0,
      cpuMsPerRequest: Number.NaN,
      rssMib: residentMib(pid),
      answers: 'no document of this shape is accepted',
    });
  }

  // A body over the HTTP cap.
  {
    const body = JSON.stringify({ query: `query { me { apiKeyId } } #${'x'.repeat(200_000)}` });
    const before = cpu();
    const answer = await post(port, '/graphql', body, attackHeaders).catch((error: Error) => error);
    print({
      scenario: 'body-200k',
      requests: 1,
      cpuMsPerRequest: (cpu() - before) * 1000,
      rssMib: residentMib(pid),
      answers: outcomeOf(answer),
    });
  }

  // One 10 MB WebSocket message.
  {
    const before = cpu();
    const opened = await openSocket(port, attacker!.ownerKey);
    let answer: string;
    if (typeof opened === 'number') answer = `refused before: close ${opened}`;
    else {
      opened.socket.send(
        JSON.stringify({ id: 'big', type: 'subscribe', payload: { query: `query { me { apiKeyId } } #${'x'.repeat(10_000_000)}` } }),
      );
      const code = await Promise.race([opened.closed, sleep(30_000).then(() => 0)]);
      answer = code === 0 ? 'still open after 30 s' : `close ${code}`;
      opened.socket.terminate();
    }
    print({ scenario: 'ws-frame-10m', requests: 1, cpuMsPerRequest: (cpu() - before) * 1000, rssMib: residentMib(pid), answers: answer });
  }

  // Many sockets × many subscriptions on one key.
  {
    const before = cpu();
    const outcomes = new Outcomes();
    const open: RawSocket[] = [];
    let subscriptions = 0;
    let refusedSubscriptions = 0;
    const rssBefore = residentMib(pid);
    await inBatches(SOCKETS, 20, async () => {
      const opened = await openSocket(port, attacker!.ownerKey);
      if (typeof opened === 'number') {
        outcomes.add(`socket closed ${opened}`);
        return;
      }
      outcomes.add('socket open');
      open.push(opened);
      let settled = 0;
      const done = new Promise<void>((resolve) => {
        opened.onMessage((message) => {
          if (message.type === 'error') refusedSubscriptions++;
          if (message.type === 'error' || message.type === 'next' || message.type === 'complete') settled++;
          if (settled >= SUBSCRIPTIONS_PER_SOCKET) resolve();
        });
        void opened.closed.then(() => resolve());
      });
      for (let index = 0; index < SUBSCRIPTIONS_PER_SOCKET; index++) opened.socket.send(subscribeMessage(`s${index}`, attacker!.walletId));
      subscriptions += SUBSCRIPTIONS_PER_SOCKET;
      // Live subscriptions send nothing until a charge; errors arrive at once. Give each socket a moment.
      await Promise.race([done, sleep(200)]);
    });
    const probe = await probeVictim(port, victim!, Math.min(PHASE_SECONDS, 5));
    const rssAfter = residentMib(pid);
    const stillOpen = open.filter((item) => item.socket.readyState === WebSocket.OPEN).length;
    for (const item of open) item.socket.terminate();
    print({
      scenario: `sockets ${SOCKETS}×${SUBSCRIPTIONS_PER_SOCKET}`,
      requests: SOCKETS,
      cpuMsPerRequest: ((cpu() - before) * 1000) / SOCKETS,
      rssMib: rssAfter,
      victim: probe,
      answers: `${outcomes}; ${stillOpen} still open; ${subscriptions - refusedSubscriptions} of ${subscriptions} subscriptions not refused; RSS +${fixed(rssAfter - rssBefore, 0)} MiB`,
    });
  }

  // Wrong passwords for one e-mail from one address.
  {
    const outcomes = new Outcomes();
    const before = cpu();
    const origin = `http://127.0.0.1:${port}`;
    for (let attempt = 0; attempt < SIGN_INS; attempt++) {
      const answer = await post(port, '/auth/sign-in', JSON.stringify({ email, password: `wrong password ${attempt}` }), { origin }).catch(
        (error: Error) => error,
      );
      outcomes.add(outcomeOf(answer));
    }
    print({
      scenario: `sign-in ×${SIGN_INS}`,
      requests: SIGN_INS,
      cpuMsPerRequest: ((cpu() - before) * 1000) / SIGN_INS,
      rssMib: residentMib(pid),
      answers: outcomes.toString(),
    });
  }

  // Open and close subscriptions on an idle wallet, one socket at a time (a reconnecting dashboard).
  {
    const rssBefore = residentMib(pid);
    const before = cpu();
    const outcomes = new Outcomes();
    let remaining = CHURN;
    while (remaining > 0) {
      const opened = await openSocket(port, victim!.ownerKey);
      if (typeof opened === 'number') {
        outcomes.add(`socket closed ${opened}`);
        break;
      }
      const onThis = Math.min(remaining, 40);
      for (let index = 0; index < onThis; index++) {
        opened.socket.send(subscribeMessage(`c${index}`, victim!.walletId));
        opened.socket.send(JSON.stringify({ id: `c${index}`, type: 'complete' }));
      }
      remaining -= onThis;
      outcomes.add('cycled');
      // Closing the socket lets the server end its operations; wait for it before the next one.
      opened.socket.close(1000);
      await opened.closed;
    }
    // The server frees what it can; give its collector a chance before reading RSS.
    await sleep(2_000);
    print({
      scenario: `churn ×${CHURN}`,
      requests: CHURN,
      cpuMsPerRequest: ((cpu() - before) * 1000) / CHURN,
      rssMib: residentMib(pid),
      answers: `${outcomes}; RSS ${fixed(rssBefore, 0)} → ${fixed(residentMib(pid), 0)} MiB`,
    });
  }

  const alive = server.child.exitCode === null && server.child.signalCode === null;
  console.log('');
  console.log(`Server still running: ${alive ? 'yes' : 'NO'}; it wrote ${server.stderrLines} lines to stderr`);
  for (const line of server.output.filter((text) => text.startsWith('[server stderr]')).slice(-5)) console.log(`  ${line.slice(0, 300)}`);

  await stopServer(server);
  resources.server = undefined;
  const orm = await createOrm({ databaseUrl, poolSizeMax: 2 });
  try {
    const violations = await verifyLedger(orm.em.fork());
    console.log(`Ledger invariants: ${violations.length === 0 ? 'all hold' : `${violations.length} BROKEN`} (verifyLedger).`);
    return alive && violations.length === 0 && rows.length > 0;
  } finally {
    await orm.close(true);
  }
}

const resources: Resources = {};
await runBench({
  resources,
  runTimeMaxMs: 900_000,
  main,
  cleanUp,
  onError: (r) => {
    if (r.server) console.error(r.server.output.slice(-30).join('\n'));
  },
});
