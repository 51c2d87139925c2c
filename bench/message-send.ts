/**
 * `npm run build:server && node dist/bench/message-send.js`: how many `sendMessage` requests per second
 * ONE wallet takes, and many wallets, in-process (no HTTP or GraphQL server around it), next to the raw
 * single posting statement on one wallet in the same run (the hot-row ceiling of one statement and one
 * commit per operation).
 *
 * One embedded PostgreSQL (default durability: fsync and synchronous_commit on), one process, the
 * server's default limits. For each client count N: N loops each calling `sendMessage` one request at
 * a time (one recipient, one GSM-7 segment at 0.005, a fresh idempotency key each, as an integrator
 * platform sends) on ONE wallet; then N loops each on a wallet of its own (spread: no row shared);
 * then N connections each sending POST_WALLET_TRANSACTION (a 0.01 charge) on a third wallet, queueing
 * on its row lock; then N loops each reporting one message's delivery at a time (two of three
 * DELIVERED: the price posted; one FAILED: the hold released) for ONE tenant, on messages of a fourth
 * wallet held before the points. Figures: sends (or reports)/s, latency p50/p99, requests per
 * transaction (when the process batches them), the bench process's and PostgreSQL's CPU (% of one
 * core) and their sum per request (µs).
 *
 * Environment: `BENCH_CLIENTS` (default "16,64"), `BENCH_SECONDS` per point (default 5),
 * `BENCH_PRELOADED_REQUESTS` (default 12: 12,000 messages for the report points to settle),
 * `MESSAGE_HOLD_BATCH_SIZE_MAX` / `MESSAGE_HOLD_BATCHES_IN_FLIGHT_MAX` (the batcher's limits, as the
 * server reads them; 1 runs each request alone). Ends with verifyLedger and the messages in the books
 * against the successes seen.
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { loadConfig } from '../server/config.js';
import { sql } from '../server/database/sql.js';
import type { TransactionBatcherStats } from '../server/database/transaction-batcher.js';
import { createAccount } from '../server/domain/accounts/create-account.service.js';
import { PLATFORM_ADMIN_TOKEN_PRINCIPAL } from '../server/domain/accounts/principal.js';
import { systemClock } from '../server/domain/calls/clock.js';
import { createMessageHoldBatcher } from '../server/domain/messaging/hold-messages.js';
import { MessageDeliveryStatus } from '../server/domain/messaging/message-record.js';
import { createMessageReportBatcher, reportMessageDelivery } from '../server/domain/messaging/report-message-delivery.service.js';
import { sendMessage } from '../server/domain/messaging/send-message.service.js';
import { Role } from '../server/domain/accounts/role.js';
import { createRatePlan } from '../server/domain/rating/rate-plan.service.js';
import type { ServiceDeps } from '../server/domain/service-deps.js';
import { parseMoney } from '../server/domain/wallets/money.js';
import { createPostingBatcher, postWalletTransaction } from '../server/domain/wallets/post-wallet-transaction.js';
import { PlatformAccountCode, TransactionKind } from '../server/domain/wallets/transaction-enums.js';
import {
  checkLedger,
  cleanUpInProcessBench,
  type CpuSubjects,
  cpuMicrosPerOperation,
  fixed,
  FUNDING_AMOUNT,
  type InProcessBenchResources,
  integerListFromEnv,
  loadAverageText,
  machineBusyPercent,
  measureBatching,
  numberFromEnv,
  openInProcessBenchDatabase,
  type PointResult,
  postmasterPid,
  row,
  runBench,
  runClosedLoop,
  runRawChargePoint,
} from './bench-support.js';

const CLIENT_COUNTS = integerListFromEnv('BENCH_CLIENTS', [16, 64], 256);
const POINT_SECONDS = numberFromEnv('BENCH_SECONDS', 5, 0.5, 60);
const config = loadConfig(process.env);
const DATABASE_NAME = 'spendwire_message_send';
const BODY = 'Your code is 123456';
const SENDER = '+15550100001';
/** Requests of 1,000 recipients sent before the points, whose messages the report points settle. */
const PRELOADED_REQUESTS = numberFromEnv('BENCH_PRELOADED_REQUESTS', 12, 1, 100);

const countOutbound = sql<{ messages: string }>(`select count(*)::text as messages from message where direction = 'OUTBOUND'`);

interface BenchWallet {
  walletId: string;
  accountId: string;
}

const COLUMNS = [
  ['clients', 7],
  ['point', 10],
  ['sends/s', 8],
  ['p50 ms', 7],
  ['p99 ms', 7],
  ['sends/txn', 9],
  ['bench CPU', 9],
  ['pg CPU', 6],
  ['µs CPU/send', 11],
  ['other', 6],
] as const;

async function main(resources: InProcessBenchResources): Promise<boolean> {
  const { postgresDir, databaseUrl, orm } = await openInProcessBenchDatabase(resources, {
    tempPrefix: 'spendwire-message-send-',
    databaseName: DATABASE_NAME,
    maxConnections: 300,
    poolSizeMax: config.databasePoolSize,
  });

  const postings = createPostingBatcher(orm.em, {
    batchSizeMax: config.postingBatchSizeMax,
    batchesInFlightMax: config.postingBatchesInFlightMax,
  });
  const deps: ServiceDeps = { clock: systemClock, config, committed: () => {}, postings };
  deps.messageHolds = createMessageHoldBatcher(orm.em, deps, config);
  deps.messageReports = createMessageReportBatcher(orm.em, deps, config);
  const holdLimits = `${config.messageHoldBatchSizeMax} requests per transaction, ${config.messageHoldBatchesInFlightMax} in flight`;
  const holdStats = (): TransactionBatcherStats | undefined => deps.messageHolds?.stats;
  const reportStats = (): TransactionBatcherStats | undefined => deps.messageReports?.stats;
  const maxClients = Math.max(...CLIENT_COUNTS);
  // Wallet 0 is the hot one, 1 the raw statement's, 2.. one per client of the spread points, the last the reports'.
  const wallets: BenchWallet[] = [];
  for (let index = 0; index < maxClients + 3; index++) {
    const created = await createAccount(orm.em.fork(), {
      principal: PLATFORM_ADMIN_TOKEN_PRINCIPAL,
      name: `Message bench ${index}`,
      currency: 'USD',
      limits: config,
    });
    const wallet = { walletId: created.wallet.id, accountId: created.account.id };
    await postWalletTransaction(orm.em.fork(), postings, {
      walletId: wallet.walletId,
      accountScope: wallet.accountId,
      deltaMicros: parseMoney(FUNDING_AMOUNT),
      kind: TransactionKind.ADJUSTMENT,
      counterparty: PlatformAccountCode.ADJUSTMENTS,
      description: 'funding',
      campaignId: null,
      actor: 'bench',
      idempotencyKey: null,
      operation: 'adjust',
      walletBalanceMicrosMax: config.walletBalanceMicrosMax,
    });
    wallets.push(wallet);
  }
  const plan = await createRatePlan(orm.em.fork(), {
    principal: PLATFORM_ADMIN_TOKEN_PRINCIPAL,
    name: 'Message bench',
    currency: 'USD',
    rates: [
      {
        prefix: '1',
        perMinuteMicros: parseMoney('0.01'),
        firstIncrementSeconds: 60,
        nextIncrementSeconds: 60,
        connectFeeMicros: 0n,
        smsPerSegmentMicros: parseMoney('0.005'),
      },
    ],
    limits: config,
  });
  const [hotWallet, rawWallet] = wallets as [BenchWallet, BenchWallet];
  let sequence = 0;
  const sendOne = async (wallet: BenchWallet) => {
    sequence += 1;
    await sendMessage(orm.em.fork(), deps, {
      principal: PLATFORM_ADMIN_TOKEN_PRINCIPAL,
      walletId: wallet.walletId,
      ratePlanId: plan.id,
      from: SENDER,
      to: [`+1555${String(sequence % 10_000_000).padStart(7, '0')}`],
      body: BODY,
      idempotencyKey: randomUUID(),
    });
    return undefined;
  };

  const cpuSubjects: CpuSubjects = { serverPid: undefined, postgresPid: postmasterPid(postgresDir) };
  const idleMachinePercent = await machineBusyPercent();
  console.log('sendMessage in-process (no HTTP): one wallet, a wallet per client, and the raw single posting statement on one wallet');
  console.log(
    `Machine: ${os.cpus().length} cores, busy ${fixed(idleMachinePercent, 0)} % of one core before the load (load average ${loadAverageText()}); hold batcher: ${holdLimits}; ` +
      `${POINT_SECONDS} s per point`,
  );
  console.log(
    row(
      COLUMNS,
      COLUMNS.map(([title]) => title),
    ),
  );
  const print = (clients: number, point: string, result: PointResult, perTransaction: string) => {
    const cpuPercent = result.cpu.benchPercent + result.cpu.postgresPercent;
    console.log(
      row(COLUMNS, [
        String(clients),
        point,
        fixed(result.chargesPerSecond, 0),
        fixed(result.p50Ms, 2),
        fixed(result.p99Ms, 2),
        perTransaction,
        fixed(result.cpu.benchPercent, 0),
        fixed(result.cpu.postgresPercent, 0),
        fixed(cpuMicrosPerOperation(cpuPercent, result.chargesPerSecond), 0),
        fixed(result.cpu.otherPercent, 0),
      ]),
    );
    if (result.firstError) console.log(`  ${result.errors} errors, first: ${result.firstError}`);
  };
  // PENDING messages on the reports' wallet, 1,000 per request, for the report points to settle.
  const reportsWallet = wallets.at(-1)!;
  const pendingIds: string[] = [];
  for (let request = 0; request < PRELOADED_REQUESTS; request++) {
    const sent = await sendMessage(orm.em.fork(), deps, {
      principal: PLATFORM_ADMIN_TOKEN_PRINCIPAL,
      walletId: reportsWallet.walletId,
      ratePlanId: plan.id,
      from: SENDER,
      to: Array.from({ length: 1_000 }, (_, index) => `+1666${String(request * 1_000 + index).padStart(7, '0')}`),
      body: BODY,
    });
    pendingIds.push(...sent.messages.map((message) => message.id));
  }
  // An integrator's platform reports for its own account (a tenant's reports go one batch at a time).
  const carrier = { role: Role.OWNER, accountId: reportsWallet.accountId, apiKeyId: null, actor: 'bench carrier' };
  let reported = 0;
  const reportOne = async () => {
    const messageId = pendingIds.pop();
    if (messageId === undefined) return 'no PENDING message left: raise PRELOADED_REQUESTS';
    reported += 1;
    // Two of three are delivered (captured: the price posted), one failed (the hold released).
    const status = reported % 3 === 0 ? MessageDeliveryStatus.FAILED : MessageDeliveryStatus.DELIVERED;
    await reportMessageDelivery(orm.em.fork(), deps, { principal: carrier, messageId, status });
    return undefined;
  };
  let sendsCounted = PRELOADED_REQUESTS * 1_000;
  let errors = 0;
  const summary: { clients: number; hot: number; spread: number; raw: number; reports: number }[] = [];
  for (const clients of CLIENT_COUNTS) {
    const hot = await measureBatching(holdStats, () => runClosedLoop(clients, POINT_SECONDS, cpuSubjects, () => sendOne(hotWallet)));
    print(clients, 'one wallet', hot.result, fixed(hot.membersPerRun, 1));
    const spread = await measureBatching(holdStats, () =>
      runClosedLoop(clients, POINT_SECONDS, cpuSubjects, (client) => sendOne(wallets[2 + client]!)),
    );
    print(clients, 'spread', spread.result, fixed(spread.membersPerRun, 1));
    const raw = await runRawChargePoint({
      databaseUrl,
      targets: Array.from({ length: clients }, () => ({ walletId: rawWallet.walletId, accountScope: rawWallet.accountId, actor: 'bench' })),
      seconds: POINT_SECONDS,
      cpuSubjects,
      walletBalanceMicrosMax: config.walletBalanceMicrosMax,
    });
    print(clients, 'raw stmt', raw, '1.0');
    const reports = await measureBatching(reportStats, () => runClosedLoop(clients, POINT_SECONDS, cpuSubjects, reportOne));
    print(clients, 'reports', reports.result, fixed(reports.membersPerRun, 1));
    errors += reports.result.errors;
    sendsCounted += hot.result.ok + spread.result.ok;
    errors += hot.result.errors + spread.result.errors + raw.errors;
    summary.push({
      clients,
      hot: hot.result.chargesPerSecond,
      spread: spread.result.chargesPerSecond,
      raw: raw.chargesPerSecond,
      reports: reports.result.chargesPerSecond,
    });
  }
  const ceiling = Math.max(...summary.map((point) => point.raw));
  for (const point of summary) {
    console.log(
      `${point.clients} clients: one wallet ${fixed(point.hot, 0)} sends/s = ${(point.hot / ceiling).toFixed(2)} × the best raw hot-row rate of the run ` +
        `(${fixed(ceiling, 0)}/s); spread ${fixed(point.spread, 0)} sends/s; one tenant's delivery reports ${fixed(point.reports, 0)}/s`,
    );
  }
  const ledgerHolds = await checkLedger(orm.em.fork());
  const recorded = Number((await countOutbound.one(orm.em.fork())).messages);
  console.log(
    `Messages in the books: ${recorded}; successes counted: ${sendsCounted} → ${recorded === sendsCounted ? 'match' : 'MISMATCH'}`,
  );
  return errors === 0 && ledgerHolds && recorded === sendsCounted;
}

await runBench({
  resources: {},
  runTimeMaxMs: 180_000 + CLIENT_COUNTS.length * 3 * (POINT_SECONDS * 1000 + 10_000),
  main,
  cleanUp: cleanUpInProcessBench,
});
