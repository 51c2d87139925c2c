/**
 * `npm run build:server && node dist/bench/usage-statement.js`: the posting statement's database cost before and after the work
 * that made it cheaper (issue 18, usage at 30,000 events/s), side by side in ONE run on ONE
 * PostgreSQL cluster, without the server: what PostgreSQL itself spends per posted event.
 *
 * Two databases of one embedded cluster (default durability: fsync and synchronous_commit on):
 * "after" migrated to the current schema; "before" migrated the same way, then with the migrations
 * of {@link MIGRATIONS_UNDER_TEST} taken back (their `down()`, newest first), so it holds the schema
 * those migrations replaced. Each side posts with the statement its schema goes with
 * ({@link POST_WALLET_TRANSACTIONS}, and on a "before" side without the outbox runs of
 * Migration20261207235200 the same statement with one outbox row per posting, and on one without the
 * legs on the wallet transaction of Migration20261208140000 with the journal's header and two entries
 * per posting, as they were). Points alternate between the sides (A B, then B A, ...) so that the load of a shared
 * machine falls on both alike; the table gives each round and the median per side.
 *
 * Two shapes: "usage" — `BENCH_USAGE_CLIENTS` (default 4) connections each sending batches of
 * `BENCH_USAGE_EVENTS` (default 500) charges spread round robin over 8 wallets of their own (what
 * recordUsage sends); "keyed" — the same with an idempotency key per event (one more row per event, as
 * an integrator sends them); "single" — `BENCH_SINGLE_CLIENTS` (default 16) connections each posting one
 * charge per statement on a wallet of its own (what a lone `charge` sends). Figures: events/s, the
 * PostgreSQL cluster's CPU in % of one core, and its CPU per event in µs (the figure that does not
 * depend on how much of the machine the cluster got). `BENCH_SECONDS` per point (default 3),
 * `BENCH_ROUNDS` (default 3), `BENCH_SHAPES` (default "usage,keyed,single"), `BENCH_TAKE_BACK` (how many of the
 * work's migrations the "before" side takes back, newest first; default all).
 *
 * Ends with verifyLedger on both databases (exit 1 when the books are broken on either side).
 */
import 'reflect-metadata';
import { createHash, randomUUID } from 'node:crypto';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Migration } from '@mikro-orm/migrations';
import pg from 'pg';
import { ensureDatabase } from '../server/database/database.js';
import { type EmbeddedDatabase, startEmbeddedPostgres } from '../server/database/embedded-postgres.js';
import { createOrm, migrate } from '../server/database/orm.js';
import type { PreparedStatement } from '../server/database/statement-batcher.js';
import { Migration20261207170000PostingChecksPerStatement } from '../server/migrations/Migration20261207170000_posting_checks_per_statement.js';
import { Migration20261207174000PostingChecksSmallStatements } from '../server/migrations/Migration20261207174000_posting_checks_small_statements.js';
import { Migration20261207235200OutboxTransactionRanges } from '../server/migrations/Migration20261207235200_outbox_transaction_ranges.js';
import { Migration20261208140000LedgerLegsOnWalletTransaction } from '../server/migrations/Migration20261208140000_ledger_legs_on_wallet_transaction.js';
import { POST_WALLET_TRANSACTION, POST_WALLET_TRANSACTIONS } from '../server/domain/wallets/post-wallet-transaction.js';
import { PlatformAccountCode, TransactionKind } from '../server/domain/wallets/transaction-enums.js';
import { verifyLedger } from '../server/domain/wallets/verify-ledger.js';
import {
  CHARGE_AMOUNT_MICROS,
  CHARGE_DESCRIPTION,
  cpuBetween,
  fixed,
  machineBusyCpuSeconds,
  numberFromEnv,
  postmasterPid,
  REQUEST_TIMEOUT_MS,
  row,
  runBench,
  sampleCpu,
  sleep,
  type CpuSubjects,
} from './bench-support.js';

/**
 * The migrations whose effect is measured, oldest first: the "before" side takes them back. A
 * migration of the work goes here with a `down()` that restores exactly what it replaced.
 */
const MIGRATIONS_OF_THE_WORK: (new (...args: ConstructorParameters<typeof Migration>) => Migration)[] = [
  Migration20261207170000PostingChecksPerStatement,
  Migration20261207174000PostingChecksSmallStatements,
  Migration20261207235200OutboxTransactionRanges,
  Migration20261208140000LedgerLegsOnWalletTransaction,
];
/**
 * How many of the newest {@link MIGRATIONS_OF_THE_WORK} the "before" side takes back, from
 * `BENCH_TAKE_BACK` (default: all, the schema before the work; 1: the journal in four rows per posting
 * instead of its legs on the wallet transaction, to measure that step alone; 2: that and one outbox row per posting instead of per run; 3: those
 * and the checks' small path).
 */
const TAKE_BACK = numberFromEnv('BENCH_TAKE_BACK', MIGRATIONS_OF_THE_WORK.length, 1, MIGRATIONS_OF_THE_WORK.length);
const MIGRATIONS_UNDER_TEST = MIGRATIONS_OF_THE_WORK.slice(MIGRATIONS_OF_THE_WORK.length - TAKE_BACK);

/** The outbox insert of the posting statement before Migration20261207235200: one row per posting. */
const OUTBOX_ROW_PER_POSTING = `published as (
  insert into outbox_event (type, account_id, wallet_id, wallet_sequence, balance_micros, reserved_micros, transaction_id)
  select 'WALLET_TRANSACTION', p.account_id, p.wallet_id, p.sequence, p.balance_after_micros, p.wallet_reserved_micros, i.transaction_id
    from posted p join input i using (transaction_id)
)`;

/** `statement` as it was before outbox rows stood for runs of postings: its `published` step swapped for {@link OUTBOX_ROW_PER_POSTING}. */
function withOutboxRowPerPosting(statement: PreparedStatement): PreparedStatement {
  const start = statement.text.indexOf('published as (');
  const end = statement.text.indexOf('\n)\n', start);
  if (start < 0 || end < 0) throw new Error(`${statement.name}: no published step to swap`);
  return {
    name: `${statement.name}_row_per_posting`,
    text: `${statement.text.slice(0, start)}${OUTBOX_ROW_PER_POSTING}${statement.text.slice(end + 2)}`,
  };
}

/**
 * The journal steps of the posting statement before Migration20261208140000: a header and two entries
 * (the wallet's leg and the platform account's) per posting, beside a wallet transaction without legs.
 */
const JOURNAL_IN_FOUR_ROWS = `journal as (
  insert into ledger_transaction (id, kind, created_at)
  select i.transaction_id, i.kind, now() from posted p join input i using (transaction_id)
),
entries as (
  insert into ledger_entry (transaction_id, wallet_id, platform_account_id, amount_micros)
  select i.transaction_id, p.wallet_id, null, i.delta_micros from posted p join input i using (transaction_id)
  union all
  select i.transaction_id, null, pa.id, -i.delta_micros
    from posted p join input i using (transaction_id)
    join platform_account pa on pa.code = i.counterparty and pa.currency = p.currency
),
inserted as (
  insert into wallet_transaction (id, wallet_id, account_id, sequence, type, kind, status, amount_micros,
    balance_before_micros, balance_after_micros, description, idempotency_key, campaign_id, actor, payment_intent_id, created_at)
  select i.transaction_id, p.wallet_id, p.account_id, p.sequence,
         case when i.delta_micros > 0 then 'CREDIT' else 'DEBIT' end, i.kind, 'COMPLETED', abs(i.delta_micros),
         p.balance_before_micros, p.balance_after_micros, i.description, i.idempotency_key, i.campaign_id, i.actor,
         i.payment_intent_id, now()
    from posted p join input i using (transaction_id)
  returning id
)`;

/** `statement` as it was before the legs moved onto the wallet transaction: its `inserted` step swapped for {@link JOURNAL_IN_FOUR_ROWS}. */
function withJournalInFourRows(statement: PreparedStatement): PreparedStatement {
  const start = statement.text.indexOf('inserted as (');
  const end = statement.text.indexOf('\n)', start);
  if (start < 0 || end < 0) throw new Error(`${statement.name}: no inserted step to swap`);
  return {
    name: `${statement.name}_journal_in_four_rows`,
    text: `${statement.text.slice(0, start)}${JOURNAL_IN_FOUR_ROWS}${statement.text.slice(end + 2)}`,
  };
}

/** Whether the "before" side takes back the outbox runs, and so posts one outbox row per posting. */
const BEFORE_OUTBOX_RUNS = MIGRATIONS_UNDER_TEST.includes(Migration20261207235200OutboxTransactionRanges);
/** Whether the "before" side takes back the legs on the wallet transaction, and so writes the journal in four rows per posting. */
const BEFORE_FOUR_ROWS = MIGRATIONS_UNDER_TEST.includes(Migration20261208140000LedgerLegsOnWalletTransaction);

/** `statement` as the "before" side's schema needs it. */
function asBefore(statement: PreparedStatement): PreparedStatement {
  const journal = BEFORE_FOUR_ROWS ? withJournalInFourRows(statement) : statement;
  const before = BEFORE_OUTBOX_RUNS ? withOutboxRowPerPosting(journal) : journal;
  // One short name whatever was swapped: PostgreSQL cuts prepared statement names at 63 characters.
  return { name: `${statement.name}_before`, text: before.text };
}

/** The statements each side posts with: one posting, and many over arrays (the statement recordUsage runs). */
const STATEMENTS: Record<Side, { single: PreparedStatement; batched: PreparedStatement }> = {
  before: { single: asBefore(POST_WALLET_TRANSACTION), batched: asBefore(POST_WALLET_TRANSACTIONS) },
  after: { single: POST_WALLET_TRANSACTION, batched: POST_WALLET_TRANSACTIONS },
};

const SIDES = ['before', 'after'] as const;
type Side = (typeof SIDES)[number];
const ALL_SHAPES = ['usage', 'keyed', 'single'] as const;
type Shape = (typeof ALL_SHAPES)[number];

/** Connections of the usage shape, each sending one batch at a time. */
const USAGE_CLIENTS = numberFromEnv('BENCH_USAGE_CLIENTS', 4, 1, 64);
/** Charges per batch statement. */
const USAGE_EVENTS = numberFromEnv('BENCH_USAGE_EVENTS', 500, 1, 1000);
/** Wallets each usage connection spreads its events over, round robin. */
const USAGE_WALLETS_PER_CLIENT = 8;
/** Connections of the single shape, each posting one charge per statement on a wallet of its own. */
const SINGLE_CLIENTS = numberFromEnv('BENCH_SINGLE_CLIENTS', 16, 1, 128);
/** Measured seconds per point (one side, one shape, one round). */
const POINT_SECONDS = numberFromEnv('BENCH_SECONDS', 3, 0.5, 60);
/** Rounds; each runs every shape on both sides, the side going first alternating. */
const ROUNDS = numberFromEnv('BENCH_ROUNDS', 3, 1, 20);
const SHAPES: readonly Shape[] = (() => {
  const text = process.env.BENCH_SHAPES;
  if (!text) return ALL_SHAPES;
  const names = text.split(',').map((part) => part.trim());
  const unknown = names.filter((name) => !(ALL_SHAPES as readonly string[]).includes(name));
  if (unknown.length > 0) throw new Error(`BENCH_SHAPES must list ${ALL_SHAPES.join(', ')}, got "${text}"`);
  return ALL_SHAPES.filter((shape) => names.includes(shape));
})();

/** Largest balance a wallet may reach, in micros (far above what the bench funds). */
const BALANCE_MICROS_MAX = '100000000000000';
/** Funding of every wallet, in micros: more than any run can charge. */
const FUNDING_MICROS = '1000000000000';

interface Resources {
  tempDir?: string;
  cluster?: EmbeddedDatabase;
  orms: MikroORM[];
  clients: pg.Client[];
}

/** One side's database: its connections and the wallets each connection charges. */
interface SideDatabase {
  url: string;
  /** One connection per client of the largest shape. */
  connections: pg.Client[];
  usageWallets: string[][];
  singleWallets: string[];
}

interface PointResult {
  eventsPerSecond: number;
  postgresPercent: number;
  otherPercent: number;
  postgresMicrosPerEvent: number;
}

/** The parameters $1..$16 of the posting statement for one charge (operator scope; a key per event when `keyed`), as arrays when batched. */
function chargeValues(
  walletIds: string[],
  kind: TransactionKind,
  deltaMicros: string,
  counterparty: PlatformAccountCode,
  keyed = false,
): unknown[][] {
  return walletIds.map((walletId) => [
    randomUUID(),
    walletId,
    null,
    deltaMicros,
    BALANCE_MICROS_MAX,
    kind,
    counterparty,
    CHARGE_DESCRIPTION,
    null,
    'platform_admin',
    keyed ? randomUUID() : null,
    'charge',
    // The request hash goes only with an idempotency key, as the server sends it.
    keyed ? createHash('sha256').update(walletId).digest('hex') : null,
    '0',
    null,
    null,
  ]);
}

function transpose(rows: unknown[][]): unknown[][] {
  return rows[0]!.map((_, column) => rows.map((values) => values[column]));
}

async function post(connection: pg.Client, statement: PreparedStatement, values: unknown[]): Promise<number> {
  const result = await connection.query({ name: statement.name, text: statement.text, values });
  return result.rowCount ?? 0;
}

/** Creates a side's database from the migrated template, takes back the migrations under test for "before", and funds its wallets. */
async function prepareSide(resources: Resources, cluster: EmbeddedDatabase, side: Side, template: string): Promise<SideDatabase> {
  const name = `spendwire_usage_${side}`;
  await ensureDatabase(cluster.serverUrl, name, template);
  const url = cluster.urlFor(name);
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  resources.clients.push(admin);
  if (side === 'before') {
    const orm = await createOrm({ databaseUrl: url, poolSizeMax: 1 });
    resources.orms.push(orm);
    await admin.query('begin');
    for (const MigrationClass of [...MIGRATIONS_UNDER_TEST].reverse()) {
      const migration = new MigrationClass(orm.em.getDriver(), orm.config);
      await migration.down();
      for (const query of migration.getQueries()) await admin.query(String(query));
    }
    await admin.query('commit');
  }
  const walletCount = USAGE_CLIENTS * USAGE_WALLETS_PER_CLIENT + SINGLE_CLIENTS;
  const walletIds: string[] = [];
  for (let index = 0; index < walletCount; index++) {
    const accountId = randomUUID();
    const walletId = randomUUID();
    await admin.query(`insert into account (id, name) values ($1, $2)`, [accountId, `bench ${index}`]);
    await admin.query(`insert into wallet (id, account_id, currency) values ($1, $2, 'USD')`, [walletId, accountId]);
    walletIds.push(walletId);
  }
  // Funded through the statement itself, so the books start sound (verifyLedger at the end).
  await post(
    admin,
    STATEMENTS[side].batched,
    transpose(chargeValues(walletIds, TransactionKind.TOP_UP, FUNDING_MICROS, PlatformAccountCode.PAYMENT_CLEARING)),
  );
  const connections: pg.Client[] = [];
  for (let index = 0; index < Math.max(USAGE_CLIENTS, SINGLE_CLIENTS); index++) {
    const connection = new pg.Client({ connectionString: url, statement_timeout: REQUEST_TIMEOUT_MS });
    await connection.connect();
    resources.clients.push(connection);
    connections.push(connection);
  }
  return {
    url,
    connections,
    usageWallets: Array.from({ length: USAGE_CLIENTS }, (_, client) =>
      walletIds.slice(client * USAGE_WALLETS_PER_CLIENT, (client + 1) * USAGE_WALLETS_PER_CLIENT),
    ),
    singleWallets: walletIds.slice(USAGE_CLIENTS * USAGE_WALLETS_PER_CLIENT),
  };
}

/** Runs one point: every client of `shape` posting back to back for POINT_SECONDS on `side`. */
async function runPoint(side: Side, shape: Shape, database: SideDatabase, cpuSubjects: CpuSubjects): Promise<PointResult> {
  const charge = (-CHARGE_AMOUNT_MICROS).toString();
  const clients = shape === 'single' ? SINGLE_CLIENTS : USAGE_CLIENTS;
  const eventsPerStatement = shape === 'single' ? 1 : USAGE_EVENTS;
  let events = 0;
  const before = sampleCpu(cpuSubjects);
  const started = performance.now();
  const deadline = started + POINT_SECONDS * 1000;
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      const connection = database.connections[client]!;
      while (performance.now() < deadline) {
        let posted: number;
        if (shape !== 'single') {
          const wallets = database.usageWallets[client]!;
          const walletIds = Array.from({ length: USAGE_EVENTS }, (_, index) => wallets[index % wallets.length]!);
          posted = await post(
            connection,
            STATEMENTS[side].batched,
            transpose(chargeValues(walletIds, TransactionKind.CHARGE, charge, PlatformAccountCode.REVENUE, shape === 'keyed')),
          );
        } else {
          const walletId = database.singleWallets[client]!;
          posted = await post(
            connection,
            STATEMENTS[side].single,
            chargeValues([walletId], TransactionKind.CHARGE, charge, PlatformAccountCode.REVENUE)[0]!,
          );
        }
        if (posted !== eventsPerStatement) throw new Error(`${side} ${shape}: the statement posted ${posted} of ${eventsPerStatement}`);
        events += posted;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const cpu = cpuBetween(before, sampleCpu(cpuSubjects));
  const eventsPerSecond = events / seconds;
  return {
    eventsPerSecond,
    postgresPercent: cpu.postgresPercent,
    otherPercent: cpu.otherPercent,
    postgresMicrosPerEvent: (cpu.postgresPercent / 100 / eventsPerSecond) * 1e6,
  };
}

const COLUMNS = [
  ['shape', 6],
  ['round', 5],
  ['side', 6],
  ['events/s', 8],
  ['pg %', 5],
  ['pg µs/event', 11],
  ['other %', 7],
] as const;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

async function main(resources: Resources): Promise<boolean> {
  resources.tempDir = await fsp.mkdtemp(path.join(os.tmpdir(), 'spendwire-usage-statement-'));
  const dataDir = path.join(resources.tempDir, 'postgres');
  // Default durability on purpose: every statement's commit waits for its WAL flush.
  resources.cluster = await startEmbeddedPostgres({
    dataDir,
    port: 0,
    persistent: false,
    settings: { max_connections: String(2 * Math.max(USAGE_CLIENTS, SINGLE_CLIENTS) + 20) },
  });
  const cluster = resources.cluster;
  const template = 'spendwire_usage_template';
  await ensureDatabase(cluster.serverUrl, template);
  const templateOrm = await createOrm({ databaseUrl: cluster.urlFor(template), poolSizeMax: 2 });
  await migrate(templateOrm);
  await templateOrm.close(true);

  const databases = {} as Record<Side, SideDatabase>;
  for (const side of SIDES) databases[side] = await prepareSide(resources, cluster, side, template);
  const cpuSubjects: CpuSubjects = { serverPid: undefined, postgresPid: postmasterPid(dataDir) };

  const busyBefore = machineBusyCpuSeconds();
  await sleep(1000);
  const idlePercent = 100 * (machineBusyCpuSeconds() - busyBefore);
  console.log('Spendwire posting statement: PostgreSQL cost per event before and after the work under test, same cluster, same run');
  console.log(
    `Machine: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown CPU'}); busy before the load: ${fixed(idlePercent, 0)} % of one core` +
      `${idlePercent > 20 ? ' — other processes are busy: compare µs/event, not events/s' : ''}`,
  );
  console.log(
    `before = current schema with ${MIGRATIONS_UNDER_TEST.map((migration) => migration.name).join(', ')} taken back; after = current schema. ` +
      `usage: ${USAGE_CLIENTS} connections × ${USAGE_EVENTS}-event statements over ${USAGE_WALLETS_PER_CLIENT} wallets each; ` +
      `keyed: the same with an idempotency key per event; single: ${SINGLE_CLIENTS} connections × 1 charge per statement, a wallet each. ${POINT_SECONDS} s per point, ${ROUNDS} rounds.`,
  );
  console.log('');
  console.log(
    row(
      COLUMNS,
      COLUMNS.map(([title]) => title),
    ),
  );
  const results: Record<Shape, Record<Side, PointResult[]>> = {
    usage: { before: [], after: [] },
    keyed: { before: [], after: [] },
    single: { before: [], after: [] },
  };
  for (let round = 0; round < ROUNDS; round++) {
    for (const shape of SHAPES) {
      const order = round % 2 === 0 ? SIDES : [...SIDES].reverse();
      for (const side of order) {
        const point = await runPoint(side, shape, databases[side], cpuSubjects);
        results[shape][side].push(point);
        console.log(
          row(COLUMNS, [
            shape,
            String(round + 1),
            side,
            fixed(point.eventsPerSecond, 0),
            fixed(point.postgresPercent, 0),
            fixed(point.postgresMicrosPerEvent, 1),
            fixed(point.otherPercent, 0),
          ]),
        );
      }
    }
  }
  console.log('');
  console.log('Medians (after ÷ before):');
  for (const shape of SHAPES) {
    const rate = (side: Side) => median(results[shape][side].map((point) => point.eventsPerSecond));
    const cost = (side: Side) => median(results[shape][side].map((point) => point.postgresMicrosPerEvent));
    console.log(
      `  ${shape}: ${fixed(rate('before'), 0)} → ${fixed(rate('after'), 0)} events/s (${fixed(rate('after') / rate('before'), 2)} ×); ` +
        `PostgreSQL ${fixed(cost('before'), 1)} → ${fixed(cost('after'), 1)} µs of CPU per event (${fixed(cost('after') / cost('before'), 2)} ×)`,
    );
  }

  let sound = true;
  for (const side of SIDES) {
    const orm = await createOrm({ databaseUrl: databases[side].url, poolSizeMax: 2 });
    resources.orms.push(orm);
    if (side === 'before') {
      // verifyLedger reads the current schema: the taken-back migrations are applied again, oldest
      // first, on the books the "before" side wrote (the outbox runs' column, whose default makes every
      // row written here a run of one, as it was; the legs on the wallet transaction, whose up() moves
      // the four rows' legs onto the wallet transactions and refuses books not of that shape).
      for (const MigrationClass of MIGRATIONS_UNDER_TEST) {
        const migration = new MigrationClass(orm.em.getDriver(), orm.config);
        await migration.up();
        for (const query of migration.getQueries()) await orm.em.getConnection().execute(String(query));
      }
    }
    const violations = await verifyLedger(orm.em.fork());
    console.log(
      `Ledger invariants (${side}): ${violations.length === 0 ? 'all hold' : `${violations.length} BROKEN: ${violations.map((v) => v.invariant).join('; ')}`}`,
    );
    sound &&= violations.length === 0;
  }
  return sound;
}

async function cleanUp(resources: Resources): Promise<void> {
  for (const client of resources.clients.splice(0)) await client.end().catch(() => {});
  for (const orm of resources.orms.splice(0)) await orm.close(true).catch(() => {});
  await resources.cluster?.stop().catch(() => {});
  if (resources.tempDir) await fsp.rm(resources.tempDir, { recursive: true, force: true });
}

const resources: Resources = { orms: [], clients: [] };
await runBench({
  resources,
  runTimeMaxMs: 120_000 + ROUNDS * SHAPES.length * 2 * (POINT_SECONDS * 1000 + 10_000),
  main,
  cleanUp,
});
