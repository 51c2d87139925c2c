/**
 * `npm run build:server && node dist/bench/hot-wallet.js`: how many charges per second ONE wallet takes
 * through the posting batcher's coalescing, without the HTTP and GraphQL server around it, next to the
 * raw single posting statement on one wallet in the same run. It separates what coalescing and the
 * database can do (this bench) from what a server answering one HTTP request per charge can feed them
 * (`BENCH_SCENARIOS=hot` of charge-throughput.ts).
 *
 * One embedded PostgreSQL (default durability: fsync and synchronous_commit on), one process: for each
 * client count N, N loops each calling `postWalletTransaction` one charge at a time on ONE wallet
 * through a posting batcher with the server's default limits (coalesced: the wallet's concurrent
 * charges leave together, in arrival order, one statement and one commit per batch), then N
 * connections each sending POST_WALLET_TRANSACTION (the same named prepared statement) on another
 * wallet, queueing on its row lock. Figures: charges/s, latency p50/p99 per charge, postings per
 * statement, the bench process's and PostgreSQL's CPU (% of one core). The goal figure divides the
 * coalesced rate at 64 clients by the BEST raw rate of the run at any client count.
 *
 * Environment: `BENCH_CLIENTS` (default "1,4,16,64"), `BENCH_SECONDS` per point (default 5),
 * `POSTING_BATCH_SIZE_MAX` / `POSTING_BATCHES_IN_FLIGHT_MAX` (the batcher's limits, as the server reads
 * them). Ends with verifyLedger and a count of the charges in the books against the successes seen.
 */
import 'reflect-metadata';
import os from 'node:os';
import { loadConfig } from '../server/config.js';
import { PLATFORM_ADMIN_TOKEN_PRINCIPAL } from '../server/domain/accounts/principal.js';
import { createAccount } from '../server/domain/accounts/create-account.service.js';
import {
  createPostingBatcher,
  postWalletTransaction,
  type PostWalletTransactionOptions,
} from '../server/domain/wallets/post-wallet-transaction.js';
import { parseMoney } from '../server/domain/wallets/money.js';
import { PlatformAccountCode, TransactionKind } from '../server/domain/wallets/transaction-enums.js';
import {
  CHARGE_AMOUNT_MICROS,
  CHARGE_DESCRIPTION,
  checkLedger,
  cleanUpInProcessBench,
  countBenchCharges,
  fixed,
  FUNDING_AMOUNT,
  type InProcessBenchResources,
  integerListFromEnv,
  loadAverageText,
  machineBusyPercent,
  measureBatching,
  numberFromEnv,
  openInProcessBenchDatabase,
  postmasterPid,
  row,
  runBench,
  runRawChargePoint,
  type CpuSubjects,
  runClosedLoop,
  type PointResult,
} from './bench-support.js';

const CLIENT_COUNTS = integerListFromEnv('BENCH_CLIENTS', [1, 4, 16, 64], 512);
const POINT_SECONDS = numberFromEnv('BENCH_SECONDS', 5, 0.5, 60);
const config = loadConfig(process.env);
const DATABASE_NAME = 'spendwire_hot_wallet';

/** `clients` loops, each posting one charge at a time until the deadline (a thrown error counts as a failure). */
function closedLoop(clients: number, cpuSubjects: CpuSubjects, chargeOne: (client: number) => Promise<void>): Promise<PointResult> {
  return runClosedLoop(clients, POINT_SECONDS, cpuSubjects, async (client) => {
    await chargeOne(client);
    return undefined;
  });
}

function charge(walletId: string, accountId: string): PostWalletTransactionOptions {
  return {
    walletId,
    accountScope: accountId,
    deltaMicros: -CHARGE_AMOUNT_MICROS,
    kind: TransactionKind.CHARGE,
    counterparty: PlatformAccountCode.REVENUE,
    description: CHARGE_DESCRIPTION,
    campaignId: null,
    actor: 'bench',
    idempotencyKey: null,
    operation: 'charge',
    walletBalanceMicrosMax: config.walletBalanceMicrosMax,
  };
}

const COLUMNS = [
  ['clients', 7],
  ['coalesced/s', 11],
  ['p50 ms', 7],
  ['p99 ms', 7],
  ['postings/stmt', 13],
  ['raw sql/s', 9],
  ['p50 ms', 7],
  ['p99 ms', 7],
  ['bench CPU', 9],
  ['pg CPU', 6],
  ['raw pg CPU', 10],
  ['other', 6],
] as const;

async function main(resources: InProcessBenchResources): Promise<boolean> {
  const { postgresDir, databaseUrl, orm } = await openInProcessBenchDatabase(resources, {
    tempPrefix: 'spendwire-hot-wallet-',
    databaseName: DATABASE_NAME,
    maxConnections: 200,
    poolSizeMax: config.databasePoolSize,
  });

  const wallets = await Promise.all(
    ['coalesced', 'raw'].map(async (name) => {
      const created = await createAccount(orm.em.fork(), {
        principal: PLATFORM_ADMIN_TOKEN_PRINCIPAL,
        name: `Hot wallet ${name}`,
        currency: 'USD',
        limits: config,
      });
      return { walletId: created.wallet.id, accountId: created.account.id };
    }),
  );
  const postings = createPostingBatcher(orm.em, {
    batchSizeMax: config.postingBatchSizeMax,
    batchesInFlightMax: config.postingBatchesInFlightMax,
  });
  for (const wallet of wallets) {
    await postWalletTransaction(orm.em.fork(), postings, {
      ...charge(wallet.walletId, wallet.accountId),
      deltaMicros: parseMoney(FUNDING_AMOUNT),
      kind: TransactionKind.ADJUSTMENT,
      counterparty: PlatformAccountCode.ADJUSTMENTS,
      description: 'funding',
      operation: 'adjust',
    });
  }
  const [coalescedWallet, rawWallet] = wallets as [(typeof wallets)[0], (typeof wallets)[0]];
  const cpuSubjects: CpuSubjects = { serverPid: undefined, postgresPid: postmasterPid(postgresDir) };
  const idleMachinePercent = await machineBusyPercent();
  console.log('One wallet: charges through the posting batcher (coalesced, in-process, no HTTP) vs the raw single statement');
  console.log(
    `Machine: ${os.cpus().length} cores, busy ${fixed(idleMachinePercent, 0)} % of one core before the load (load average ${loadAverageText()}); batcher limits: ${config.postingBatchSizeMax} postings per statement, ${config.postingBatchesInFlightMax} in flight; ` +
      `${POINT_SECONDS} s per side and point`,
  );
  console.log(
    row(
      COLUMNS,
      COLUMNS.map(([title]) => title),
    ),
  );
  const results: { clients: number; coalesced: PointResult; raw: PointResult }[] = [];
  let counted = 0;
  for (const clients of CLIENT_COUNTS) {
    const { result: coalesced, membersPerRun } = await measureBatching(
      () => postings.stats,
      () =>
        closedLoop(clients, cpuSubjects, async () => {
          await postWalletTransaction(orm.em.fork(), postings, charge(coalescedWallet.walletId, coalescedWallet.accountId));
        }),
    );
    const raw = await runRawChargePoint({
      databaseUrl,
      targets: Array.from({ length: clients }, () => ({ walletId: rawWallet.walletId, accountScope: rawWallet.accountId, actor: 'bench' })),
      seconds: POINT_SECONDS,
      cpuSubjects,
      walletBalanceMicrosMax: config.walletBalanceMicrosMax,
    });
    counted += coalesced.ok + raw.ok;
    results.push({ clients, coalesced, raw });
    console.log(
      row(COLUMNS, [
        String(clients),
        fixed(coalesced.chargesPerSecond, 0),
        fixed(coalesced.p50Ms, 2),
        fixed(coalesced.p99Ms, 2),
        fixed(membersPerRun, 1),
        fixed(raw.chargesPerSecond, 0),
        fixed(raw.p50Ms, 2),
        fixed(raw.p99Ms, 2),
        fixed(coalesced.cpu.benchPercent, 0),
        fixed(coalesced.cpu.postgresPercent, 0),
        fixed(raw.cpu.postgresPercent, 0),
        fixed(coalesced.cpu.otherPercent, 0),
      ]),
    );
  }
  const errors = results.reduce((sum, result) => sum + result.coalesced.errors + result.raw.errors, 0);
  for (const { clients, coalesced, raw } of results) {
    if (coalesced.firstError) console.log(`  ${clients} coalesced: ${coalesced.errors} errors, first: ${coalesced.firstError}`);
    if (raw.firstError) console.log(`  ${clients} raw: ${raw.errors} errors, first: ${raw.firstError}`);
  }
  const at64 = results.find((result) => result.clients === 64);
  if (at64) {
    const ceiling = Math.max(...results.map((result) => result.raw.chargesPerSecond));
    const ceilingClients = results.find((result) => result.raw.chargesPerSecond === ceiling)!.clients;
    const ratio = at64.coalesced.chargesPerSecond / ceiling;
    console.log(
      `Coalesced at 64 clients: ${fixed(at64.coalesced.chargesPerSecond, 0)}/s = ${ratio.toFixed(2)} × the best raw hot-row rate of the run ` +
        `(${fixed(ceiling, 0)}/s at ${ceilingClients} clients) → ${ratio >= 4 ? 'at least' : 'below'} 4 ×`,
    );
  }
  const ledgerHolds = await checkLedger(orm.em.fork());
  const recorded = await countBenchCharges(orm.em.fork());
  console.log(`Charges in the books: ${recorded}; successes counted: ${counted} → ${recorded === counted ? 'match' : 'MISMATCH'}`);
  return errors === 0 && ledgerHolds && recorded === counted;
}

await runBench({
  resources: {},
  runTimeMaxMs: 120_000 + CLIENT_COUNTS.length * 2 * (POINT_SECONDS * 1000 + 10_000),
  main,
  cleanUp: cleanUpInProcessBench,
});
