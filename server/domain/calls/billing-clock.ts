import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../../config.js';
import { pipelinedTransaction, type RoundTrip, type SqlTransaction } from '../../database/sql.js';
import { assert, BillingClockBehindError } from '../../errors.js';
import { CampaignStatus } from '../campaigns/campaign-record.js';
import { callCostMicros, incrementPriceMicros } from '../rating/rating.js';
import { availableMicros, changeReservedCredit, type WalletCredit } from '../wallets/credit.js';
import { CallEndReason, CallStatus, fundedUntilMs, nextCheckAtMs, paidSeconds, toCallRecord, type CallRecord } from './call-record.js';
import {
  lockBatchCampaigns,
  lockBatchSubscriptions,
  lockBatchWallets,
  updateBatchSubscriptions,
  updateCallCountersWithEvents,
} from './calls.queries.js';
import {
  type ClaimedCallRow,
  claimDueCalls,
  type MeterSeenRow,
  selectCallsDue,
  selectMetersDue,
  selectMetersPlacedSince,
  stopBatchCalls,
  updateBatchMeters,
} from './call-meter.queries.js';
import { postCallCosts, type PostingDeps } from './call.service.js';
import { stopStatusFor } from './open-call.js';
import type { PostingBatcher } from '../wallets/post-wallet-transaction.js';
import type { Clock } from './clock.js';
import { Periodic } from '../../periodic.js';
import { publishSpendCapReached } from '../spend-caps/spend-cap-alerts.js';
import { SpendCapBook, type CapRefusal } from '../spend-caps/spend-cap-book.js';

/** What one pass over the due calls did. */
export interface BillingPass {
  /** Calls decided on: extended, stopped, or short and retried at the end of their funded time (not those deferred). */
  processed: number;
  /** Increments reserved. */
  extended: number;
  /** Calls stopped at the end of their funded time. */
  stopped: number;
  /**
   * Calls whose grant had run out with their next increment affordable (the clock came too late),
   * left for a batch of their own once no call it can still extend is due (not counted in `processed`).
   */
  deferred: number;
}

/** Options of {@link BillingClock}. */
export interface BillingClockOptions {
  em: EntityManager;
  clock: Clock;
  config: Pick<
    Config,
    | 'billingClockLeadMs'
    | 'billingClockIntervalMs'
    | 'billingClockBatchSize'
    | 'billingClockLapsedBatchSize'
    | 'billingClockLapsedWaitMaxMs'
    | 'billingClockAdmissionBehindMs'
    | 'billingClockLookAheadMs'
    | 'billingClockRescanMs'
    | 'billingClockFullRescanMs'
    | 'billingClockClaimTimeoutMs'
    | 'walletBalanceMicrosMax'
    | 'concurrentCallsPerAccountMax'
    | 'idempotencyKeyLengthMax'
  >;
  committed(): void;
  /** The app's posting batcher: stopped calls' costs are posted through it. */
  postings: PostingBatcher;
  onError?: (error: unknown) => void;
  /** Told of each committed batch: what it did, how long it took and how late it acted on each call (ms), for metrics. */
  onBatch?: (pass: BillingPass, durationMs: number, lagsMs: readonly number[]) => void;
}

/** A wallet of a batch: its credit as the batch goes, and what the batch reserved on it, in micros. */
interface WalletState extends WalletCredit {
  deltaMicros: bigint;
}

interface CampaignState {
  accountId: string;
  status: CampaignStatus;
  budget: bigint | null;
  committed: bigint;
  committedDelta: bigint;
  spentDelta: bigint;
  activeDelta: number;
  stopStatus: CampaignStatus | null;
}

/**
 * What a batch knows of a call it claimed (a {@link ClaimedCallRow}, parsed) and what it decides of
 * it: the figures of its meter as the batch leaves them, and for a call it stops, how it ends.
 * Amounts in micros, times in epoch milliseconds.
 */
interface MeteredCall {
  id: string;
  accountId: string;
  campaignId: string | null;
  walletId: string;
  subscriptionId: string | null;
  perMinuteMicros: bigint;
  nextIncrementSeconds: number;
  connectFeeMicros: bigint;
  startedAtMs: number;
  fundedSeconds: number;
  reservedMicros: bigint;
  allowanceSeconds: number;
  /** The due time it was claimed at; then when the clock acts next, null once stopped. */
  nextCheckAtMs: number | null;
}

/** How a batch ends a call: its final status and figures. */
interface CallStop {
  call: MeteredCall;
  status: CallStatus.STOPPED | CallStatus.COMPLETED;
  endReason: CallEndReason;
  endedAtMs: number;
  costMicros: bigint;
}

function toMeteredCall(row: ClaimedCallRow): MeteredCall {
  return {
    id: row.id,
    accountId: row.account_id,
    campaignId: row.campaign_id,
    walletId: row.wallet_id,
    subscriptionId: row.subscription_id,
    perMinuteMicros: BigInt(row.per_minute_micros),
    nextIncrementSeconds: row.next_increment_seconds,
    connectFeeMicros: BigInt(row.connect_fee_micros),
    startedAtMs: row.started_at_ms,
    fundedSeconds: row.funded_seconds,
    reservedMicros: BigInt(row.reserved_micros),
    allowanceSeconds: row.allowance_seconds,
    nextCheckAtMs: row.next_check_at_ms,
  };
}

/**
 * Which read of the meters a clock makes now: none until `billingClockRescanMs` has passed since its
 * last read (of either kind, failed ones too), then `full` (every active call's due time) when
 * `billingClockFullRescanMs` has passed since its last full read, else `placed` (the meters placed
 * since the last read). `sinceRescanMs` and `sinceFullRescanMs` are machine milliseconds; Infinity:
 * never (a clock with no read to take on from reads everything).
 */
export function rescanKind(
  sinceRescanMs: number,
  sinceFullRescanMs: number,
  config: Pick<Config, 'billingClockRescanMs' | 'billingClockFullRescanMs'>,
): 'full' | 'placed' | null {
  if (sinceRescanMs < config.billingClockRescanMs) return null;
  return sinceFullRescanMs >= config.billingClockFullRescanMs ? 'full' : 'placed';
}

/** The largest number of lag samples kept between two reads (the bench reads them). */
const LAG_SAMPLES_MAX = 1_000_000;

/**
 * The server's meter for every active call, in any number of processes (calls are claimed with
 * SKIP LOCKED). Every process's clock meters every call: it schedules the calls it starts at once
 * and learns of the others' by its rescan (every `billingClockRescanMs`: the meters placed since its
 * last read, by the snapshot that read ran with; every `billingClockFullRescanMs` all of them), and whichever clock claims
 * a due call first handles it while the others skip it. So a process that dies leaves nothing
 * behind but the calls its batch in flight had locked, and those only until PostgreSQL ends that
 * transaction: within `billingClockClaimTimeoutMs` of its death (see {@link BillingClock.claiming}).
 * Shortly before a call's funded time runs out it reserves the next increment; when that cannot be reserved (wallet, campaign budget or a daily or monthly spend cap) it tries once more at the end of the
 * funded time, then stops the call there and posts its cost. A call it reaches only after its funded time (its grant,
 * `Call.fundedUntil`) ran out (the clock or its database late or unreachable) is never extended: the switch hung it up at its
 * grant, so the clock ends it there as a hang-up.
 *
 * Work is batched: one transaction per batch of due calls, with one statement per table
 * (call meters, wallets, campaigns, accounts, outbox; calls only for those it stops), never a round
 * trip per call. An increment rewrites the call's narrow meter row (a HOT update), not the call. Funds are handed
 * out within a batch in due order, so a wallet shared by many calls is never over-reserved;
 * the database's CHECK (balance >= reserved) would refuse it anyway.
 */
export class BillingClock {
  private readonly periodic: Periodic;
  private lags: number[] = [];
  /** When each active call known here is due next, in clock milliseconds. */
  private readonly dueAt = new Map<string, number>();
  /** Min-heap of (due, call) over {@link dueAt}; entries whose due no longer matches are skipped. */
  private readonly heap = new DueHeap();
  /** Machine time of the last read of the meters (either kind); -Infinity: never. */
  private lastRescanMs = Number.NEGATIVE_INFINITY;
  /** Machine time of the last full read of the meters; -Infinity: never. */
  private lastFullRescanMs = Number.NEGATIVE_INFINITY;
  /** The snapshot (`pg_snapshot` text) the last read ran with: the next read takes on from it. Undefined: never read. */
  private seenSnapshot: string | undefined;

  /** Reads of the meters since start, by kind, for tests and monitoring. */
  readonly rescans = { full: 0, placed: 0 };

  constructor(private readonly options: BillingClockOptions) {
    // Sleeps until the next call is due (at most billingClockIntervalMs when any is; until the
    // next rescan when none is): an idle clock costs one wake-up a second, not fifty.
    this.periodic = new Periodic(
      () => this.runDue(),
      () => this.sleepMs(),
      (error) => {
        this.passesFailed++;
        options.onError?.(error);
      },
    );
  }

  /** Passes that failed since start (each is retried on the next pass), for tests and monitoring. */
  passesFailed = 0;

  /** New calls refused since start because this clock ran late ({@link admit}), for monitoring. */
  admissionRefusals = 0;

  /** Between {@link start} and {@link stop}: only a running clock refuses new calls. */
  private running = false;

  /** The due time of the earliest call of the batch in flight (not of a lapsed calls' batch); undefined between batches. */
  private inFlightDueMs: number | undefined;

  /**
   * How late this clock is now, in clock milliseconds: the time since the earliest due time of the
   * calls it has not yet extended (those of the batch in flight, and those still on its schedule);
   * 0 when none is past due. Lapsed calls waiting to be ended do not count: nothing is late for them.
   */
  behindMs(nowMs: number = this.options.clock.now()): number {
    const dueMs = Math.min(this.inFlightDueMs ?? Number.POSITIVE_INFINITY, this.nextDueMs() ?? Number.POSITIVE_INFINITY);
    return dueMs === Number.POSITIVE_INFINITY ? 0 : Math.max(0, nowMs - dueMs);
  }

  /**
   * The refusal a new call gets at `nowMs`: BillingClockBehindError when this clock is more than
   * `billingClockAdmissionBehindMs` behind (see {@link behindMs}; never when that is 0), else null.
   * A clock at its capacity falls behind a little more with every call it takes on, and one more
   * than the lead behind lets the grants of calls in progress run out: new calls wait instead.
   */
  admission(nowMs: number = this.options.clock.now()): BillingClockBehindError | null {
    const maxMs = this.options.config.billingClockAdmissionBehindMs;
    if (maxMs === 0) return null;
    const behindMs = this.behindMs(nowMs);
    return behindMs > maxMs ? new BillingClockBehindError(Math.ceil(behindMs), maxMs) : null;
  }

  /** Admits `calls` new calls, or refuses them while this clock runs and is late ({@link admission}). @throws BillingClockBehindError */
  admit(calls = 1): void {
    if (!this.running) return;
    const refusal = this.admission();
    if (refusal === null) return;
    this.admissionRefusals += calls;
    throw refusal;
  }

  private sleepMs(): number {
    const { config, clock } = this.options;
    const untilRescan = this.lastRescanMs + config.billingClockRescanMs - Date.now();
    const next = this.heap.peek();
    if (!next) return untilRescan;
    // A call due within the look-ahead of a pass is handled in it: wake that much before the next.
    return Math.min(untilRescan, Math.max(config.billingClockIntervalMs, next[0] - config.billingClockLookAheadMs - clock.now()));
  }

  /**
   * Schedules a call this process started (or learned of) for its due time. Calls started
   * elsewhere, or before a restart, are found by the periodic rescan of the active calls.
   */
  track(callId: string, dueAtMs: number): void {
    this.trackUntil(callId, dueAtMs, undefined);
  }

  /** {@link track}, knowing when the call's grant runs out (epoch ms), or not (undefined). */
  private trackUntil(callId: string, dueAtMs: number, lapsesAtMs: number | undefined): void {
    if (lapsesAtMs === undefined) this.lapsesAt.delete(callId);
    else this.lapsesAt.set(callId, lapsesAtMs);
    this.dueAt.set(callId, dueAtMs);
    this.heap.push(dueAtMs, callId);
    this.periodic.wake(Math.max(0, dueAtMs - this.options.clock.now()));
  }

  private forget(callId: string): void {
    this.dueAt.delete(callId);
    this.lapsesAt.delete(callId);
  }

  /**
   * Takes a call ended elsewhere in this process (endCall, endCalls, a hang-up) off the schedule, so
   * that its past due time does not count as the clock being late ({@link behindMs}). A call
   * ended by another process is found out when it falls due, as before (the claim skips it).
   */
  ended(callId: string): void {
    this.forget(callId);
    this.lapsed.delete(callId);
  }

  /**
   * When the grant of a call on the schedule runs out (`Call.fundedUntil`, epoch ms), for the calls
   * this clock extended last (the others' it learns at their claim).
   */
  private readonly lapsesAt = new Map<string, number>();

  /** Calls a batch found lapsed and left for a batch of their own ({@link runBatch}), in the order found: when (clock ms). */
  private readonly lapsed = new Map<string, number>();

  /** Clock time of the last batch of lapsed calls; -Infinity: none yet. */
  private lastLapsedBatchMs = Number.NEGATIVE_INFINITY;

  /** Puts a call found lapsed at `nowMs` with those waiting to be ended (a call found again keeps its first time). */
  private addLapsed(callId: string, nowMs: number): void {
    if (!this.lapsed.has(callId)) this.lapsed.set(callId, nowMs);
  }

  /**
   * Whether a batch of lapsed calls goes before the due calls at `nowMs`: the oldest has waited
   * `billingClockLapsedWaitMaxMs` and no lapsed batch ran for as long (see the setting).
   */
  private lapsedOverdue(nowMs: number): boolean {
    const oldest = this.lapsed.values().next();
    if (oldest.done) return false;
    const waitMaxMs = this.options.config.billingClockLapsedWaitMaxMs;
    return nowMs - oldest.value >= waitMaxMs && nowMs - this.lastLapsedBatchMs >= waitMaxMs;
  }

  /** Takes up to `limit` of the lapsed calls waiting to be ended, oldest first. */
  private takeLapsed(limit: number): string[] {
    const ids: string[] = [];
    for (const id of this.lapsed.keys()) {
      if (ids.length >= limit) break;
      ids.push(id);
    }
    for (const id of ids) this.lapsed.delete(id);
    return ids;
  }

  /**
   * Learns of the active calls it does not know, when a read is due ({@link rescanKind}): the meters
   * placed since its last read (a few rows a second), or every active call's (once every
   * `billingClockFullRescanMs`, and first). The full read also forgets the calls ended elsewhere
   * and takes the due times other processes' clocks moved; between two, such a call is found out
   * when it falls due (the claim skips it, {@link reschedule} reads it).
   */
  private async rescan(): Promise<void> {
    const { config, em } = this.options;
    const nowMs = Date.now();
    // Without a snapshot to take on from (none read yet, or the first read failed) it reads everything.
    const sinceFullRescanMs = this.seenSnapshot === undefined ? Number.POSITIVE_INFINITY : nowMs - this.lastFullRescanMs;
    const kind = rescanKind(nowMs - this.lastRescanMs, sinceFullRescanMs, config);
    if (kind === null) return;
    this.lastRescanMs = nowMs;
    if (kind === 'placed') {
      const rows = await selectMetersPlacedSince.all(em, { since: this.seenSnapshot! });
      this.rescans.placed++;
      this.learn(rows);
      return;
    }
    this.lastFullRescanMs = nowMs;
    // Only calls known before the read are forgotten when it misses them: one this process starts
    // meanwhile may have committed after the read's snapshot (the next read of the placed finds it).
    const known = [...this.dueAt.keys()];
    const rows = await selectMetersDue.all(em);
    this.rescans.full++;
    const active = this.learn(rows);
    for (const id of known) if (!active.has(id)) this.forget(id);
  }

  /** Schedules the meters read (those whose due time it did not have), keeps the read's snapshot; the ids read. */
  private learn(rows: readonly MeterSeenRow[]): Set<string> {
    const read = new Set<string>();
    let snapshot: string | undefined;
    for (const row of rows) {
      if (row.id === null) {
        snapshot = row.snapshot!;
        continue;
      }
      read.add(row.id);
      if (this.dueAt.get(row.id) !== row.next_check_at_ms) this.track(row.id, row.next_check_at_ms!);
    }
    assert(snapshot !== undefined, 'a read of the meters returns its snapshot');
    this.seenSnapshot = snapshot;
    return read;
  }

  /** The earliest due time on the schedule (stale heap entries dropped), or undefined when nothing is scheduled. */
  private nextDueMs(): number | undefined {
    for (;;) {
      const top = this.heap.peek();
      if (!top) return undefined;
      if (this.dueAt.get(top[1]) === top[0]) return top[0];
      this.heap.pop(); // rescheduled or forgotten since
    }
  }

  /**
   * Takes up to `limit` calls due at `untilMs` off the schedule, earliest first. A call whose grant
   * is known to have run out before `nowMs` goes to the lapsed calls instead, unclaimed (see runBatch).
   */
  private takeDue(untilMs: number, limit: number, nowMs: number): string[] {
    const ids: string[] = [];
    while (ids.length < limit) {
      const due = this.nextDueMs();
      if (due === undefined || due > untilMs) break;
      const id = this.heap.pop()![1];
      this.dueAt.delete(id);
      const lapsesAtMs = this.lapsesAt.get(id);
      this.lapsesAt.delete(id);
      if (lapsesAtMs !== undefined && lapsesAtMs < nowMs) this.addLapsed(id, nowMs);
      else {
        if (ids.length === 0) this.inFlightDueMs = due;
        ids.push(id);
      }
    }
    return ids;
  }

  /** Runs {@link runDue} every `billingClockIntervalMs` until {@link stop}. */
  start(): void {
    this.stopping = false;
    this.running = true;
    this.periodic.start();
  }

  /** Set by {@link stop}: a run in progress ends after its current batch. */
  private stopping = false;

  /** Stops; resolves once a run in progress has finished its current batch. */
  async stop(): Promise<void> {
    // A clock that is behind finds calls due again as soon as it has handled them: without this,
    // the run in progress (and so stop) would only end once the backlog is gone.
    this.stopping = true;
    this.running = false;
    await this.periodic.stop();
  }

  /** How late each call was acted on (clock time after commit minus its due time), in ms, since the last call; clears them. */
  takeLagSamples(): number[] {
    const lags = this.lags;
    this.lags = [];
    return lags;
  }

  /**
   * Handles every call due at the clock's current time, batch after batch; then the lapsed calls
   * waiting to be ended (see runBatch), one batch of them at a time, looking for calls due again
   * between two. A batch of lapsed calls that waited `billingClockLapsedWaitMaxMs` goes first, at most
   * one per that interval ({@link lapsedOverdue}): a clock always finding calls due never ended them.
   */
  async runDue(): Promise<BillingPass> {
    const { config, clock } = this.options;
    const total: BillingPass = { processed: 0, extended: 0, stopped: 0, deferred: 0 };
    for (let first = true; ; first = false) {
      if (this.stopping) return total;
      // Between batches too: a clock that always finds calls due (a busy or loaded one) never leaves
      // this loop, and read the active calls only here it would never learn of the calls of a
      // process that died (measured in the kill -9 storm: 24 of them unmetered for 20 s).
      await this.rescan();
      const nowMs = clock.now();
      // The first batch of a pass takes the calls due within the look-ahead too; later ones only
      // calls already due (a backlog): the calls falling due meanwhile wait for the next pass, one
      // batch of them, rather than going now in batches of a few each.
      let ids =
        this.lapsedOverdue(nowMs) || (!first && (this.nextDueMs() ?? Number.POSITIVE_INFINITY) > nowMs)
          ? []
          : this.takeDue(nowMs + config.billingClockLookAheadMs, config.billingClockBatchSize, nowMs);
      const endLapsed = ids.length === 0 && this.lapsed.size > 0;
      if (endLapsed) {
        ids = this.takeLapsed(config.billingClockLapsedBatchSize);
        this.lastLapsedBatchMs = nowMs;
      }
      if (ids.length === 0) return total;
      let pass: BillingPass;
      try {
        pass = await this.runBatch(ids, nowMs, endLapsed);
      } catch (error) {
        // The calls taken off the schedule for a batch that failed (rolled back, or its outcome
        // unknown) go back on it, due at the next pass: a claim then reads what they are now. The
        // read of the placed meters would not bring them back (they were placed long before).
        for (const id of ids) if (!this.dueAt.has(id)) this.track(id, nowMs + config.billingClockIntervalMs);
        throw error;
      } finally {
        this.inFlightDueMs = undefined;
      }
      total.processed += pass.processed;
      total.extended += pass.extended;
      total.stopped += pass.stopped;
      total.deferred += pass.deferred;
    }
  }

  /**
   * One batch: claims the given calls that are still active and due at `nowMs` plus the look-ahead
   * (by primary key, SKIP LOCKED: another process may hold some), decides, writes, and reschedules them.
   */
  private async runBatch(ids: string[], nowMs: number, endLapsed: boolean): Promise<BillingPass> {
    const { config, clock } = this.options;
    const startedAtMs = performance.now();
    // Calls due before the next pass are handled in this one (billingClockLookAheadMs).
    const horizonMs = nowMs + config.billingClockLookAheadMs;
    // Three round trips: the claim (with the begin), the locks, and the writes with the commit.
    const result = await this.claiming(async (tx, roundTrip) => {
      const [rows] = await roundTrip(() => [claimDueCalls.all(tx, { callIds: ids, now: new Date(horizonMs).toISOString() })] as const);
      if (rows.length === 0)
        return {
          pass: { processed: 0, extended: 0, stopped: 0, deferred: 0 },
          stopped: [] as CallRecord[],
          due: [] as number[],
          going: [] as MeteredCall[],
          claimed: new Set<string>(),
          deferred: [] as string[],
        };
      // Earliest due first: funds short in this batch go to the calls that asked first.
      rows.sort((a, b) => a.next_check_at_ms - b.next_check_at_ms);
      const calls = rows.map(toMeteredCall);
      const due = calls.map((c) => c.nextCheckAtMs!);
      const walletIds = [...new Set(calls.map((c) => c.walletId))].sort();
      // Inbound calls have no campaign: no budget to check, no campaign counters to move.
      const campaignIds = [...new Set(calls.map((c) => c.campaignId).filter((id): id is string => id !== null))].sort();
      const subscriptionIds = [...new Set(calls.map((c) => c.subscriptionId).filter((id): id is string => id !== null))].sort();
      // Lock order: wallets, spend caps, subscriptions, campaigns, accounts (the statements of a
      // round trip run one after another, in the order sent). Nothing is sent for a kind of row
      // the batch has none of.
      const [walletRows, caps, subscriptionRows, campaignRows] = await roundTrip(
        () =>
          [
            lockBatchWallets.all(tx, { walletIds }),
            SpendCapBook.lock(tx, walletIds, nowMs),
            subscriptionIds.length === 0 ? Promise.resolve([]) : lockBatchSubscriptions.all(tx, { subscriptionIds }),
            campaignIds.length === 0 ? Promise.resolve([]) : lockBatchCampaigns.all(tx, { campaignIds }),
          ] as const,
      );
      const wallets = new Map<string, WalletState>();
      for (const w of walletRows) {
        wallets.set(w.id, { balanceMicros: BigInt(w.balance_micros), reservedMicros: BigInt(w.reserved_micros), deltaMicros: 0n });
      }
      const capRefusals = new Map<string, CapRefusal>();
      const subscriptions = new Map<string, { active: boolean; free: number; reservedDelta: number; usedDelta: number }>();
      for (const row of subscriptionRows) {
        subscriptions.set(row.id, { active: row.status === 'ACTIVE', free: row.free_seconds, reservedDelta: 0, usedDelta: 0 });
      }
      const campaigns = new Map<string, CampaignState>();
      for (const m of campaignRows) {
        campaigns.set(m.id, {
          accountId: m.account_id,
          status: m.status,
          budget: m.budget_micros === null ? null : BigInt(m.budget_micros),
          committed: BigInt(m.committed_micros),
          committedDelta: 0n,
          spentDelta: 0n,
          activeDelta: 0,
          stopStatus: null,
        });
      }

      // Each call is changed in place (its meter as the batch leaves it) and goes on or stops.
      const going: MeteredCall[] = [];
      const stops: CallStop[] = [];
      const deferred: string[] = [];
      const accountsEnded = new Map<string, number>();
      let extended = 0;
      // The time of the decisions, read after the claim and the locks: a batch held up (a database
      // stall, lock waits) must not extend a grant that ran out meanwhile.
      const decidedAtMs = Math.max(nowMs, clock.now());
      for (const call of calls) {
        const wallet = wallets.get(call.walletId)!;
        const campaign = call.campaignId === null ? undefined : campaigns.get(call.campaignId)!;
        const subscription = call.subscriptionId === null ? undefined : subscriptions.get(call.subscriptionId);
        const fundedUntil = fundedUntilMs(call);
        // A grant (Call.fundedUntil) that ran out before the clock could extend it (the clock or
        // its database late or unreachable) is never extended after the fact: a switch that follows
        // the grant hung the call up at fundedUntil, so it ends there, as that switch's endCall
        // would end it, and nothing past it is reserved or billed.
        const lapsed = decidedAtMs > fundedUntil;
        const allowanceFunds = subscription?.active === true && subscription.free >= call.nextIncrementSeconds;
        if (!lapsed && allowanceFunds) {
          // The allowance funds this increment: no money moves.
          call.fundedSeconds += call.nextIncrementSeconds;
          call.allowanceSeconds += call.nextIncrementSeconds;
          call.nextCheckAtMs = nextCheckAtMs(call, config.billingClockLeadMs);
          subscription.free -= call.nextIncrementSeconds;
          subscription.reservedDelta += call.nextIncrementSeconds;
          going.push(call);
          extended++;
          continue;
        }
        const paid = paidSeconds(call.fundedSeconds, call.allowanceSeconds);
        const increment = incrementPriceMicros(call.perMinuteMicros, paid, call.nextIncrementSeconds);
        const walletShort = availableMicros(wallet) < increment;
        const budgetShort = campaign !== undefined && campaign.budget !== null && campaign.committed + increment > campaign.budget;
        const capRefusal = walletShort || budgetShort ? null : caps.refusal(call.walletId, increment);
        const short = !allowanceFunds && (walletShort || budgetShort || capRefusal !== null);
        if (lapsed && !short && !endLapsed) {
          // The clock came too late for this call (a stall, a backlog): the switch hung it up at its
          // grant, and ending it there costs the same whenever it is written. Ending it (the call row,
          // its event, its cost's posting) costs several times an extension, so it waits for a batch
          // of lapsed calls run once nothing extendable is due: ended first, in due order, a backlog's
          // lapsed calls took the time the calls behind them needed, and those lapsed in turn (after a
          // 1.2 s stall at 25,000 calls, all 25,000 ended as hang-ups). Nothing is written for it here.
          deferred.push(call.id);
          continue;
        }
        if (!lapsed && !short) {
          call.fundedSeconds += call.nextIncrementSeconds;
          call.reservedMicros += increment;
          call.nextCheckAtMs = nextCheckAtMs(call, config.billingClockLeadMs);
          wallet.reservedMicros += increment;
          wallet.deltaMicros += increment;
          if (campaign) {
            campaign.committed += increment;
            campaign.committedDelta += increment;
          }
          caps.add(call.walletId, increment);
          going.push(call);
          extended++;
        } else if (lapsed || nowMs >= fundedUntil) {
          // The funded time is over and the next increment could not be had (stopped at its end),
          // or its grant lapsed unextended (hung up at its end, as the switch did).
          const reason = !short
            ? CallEndReason.HANGUP
            : walletShort
              ? CallEndReason.INSUFFICIENT_FUNDS
              : budgetShort
                ? CallEndReason.BUDGET_REACHED
                : CallEndReason.SPEND_CAP_REACHED;
          if (short && capRefusal !== null) capRefusals.set(`${capRefusal.capId}:${capRefusal.period}`, capRefusal);
          const cost = callCostMicros(call, paid);
          assert(cost === call.reservedMicros, 'a call reserves exactly the cost of its funded seconds');
          call.nextCheckAtMs = null;
          stops.push({
            call,
            status: short ? CallStatus.STOPPED : CallStatus.COMPLETED,
            endReason: reason,
            endedAtMs: fundedUntil,
            costMicros: cost,
          });
          if (subscription && call.allowanceSeconds > 0) {
            subscription.reservedDelta -= call.allowanceSeconds;
            subscription.usedDelta += call.allowanceSeconds;
          }
          if (campaign) {
            campaign.spentDelta += cost;
            campaign.activeDelta -= 1;
            if (short && campaign.status === CampaignStatus.RUNNING) campaign.stopStatus = stopStatusFor(reason);
          }
          accountsEnded.set(call.accountId, (accountsEnded.get(call.accountId) ?? 0) + 1);
        } else {
          // Short now; money may come back (a call ending, a top-up) before the funded time ends.
          // Tried once more at the first pass at or after that end, as without the look-ahead: due
          // the look-ahead after it, so a pass takes it no earlier than the end itself.
          call.nextCheckAtMs = fundedUntil + config.billingClockLookAheadMs;
          going.push(call);
        }
      }

      const iso = (ms: number) => new Date(ms).toISOString();
      const subscriptionChanges = [...subscriptions].filter(([, sub]) => sub.reservedDelta !== 0 || sub.usedDelta !== 0);
      const campaignChanges = [...campaigns].filter(([, m]) => m.committedDelta !== 0n || m.activeDelta !== 0 || m.stopStatus !== null);
      // Every write in one round trip with the commit, each statement only when it has rows to write.
      const [, stoppedRows] = await roundTrip(
        () =>
          [
            // Calls that go on rewrite their narrow meter row only (a HOT update).
            going.length === 0
              ? Promise.resolve(0)
              : updateBatchMeters.run(tx, {
                  ids: going.map((c) => c.id),
                  fundedSeconds: going.map((c) => c.fundedSeconds),
                  reservedMicros: going.map((c) => c.reservedMicros.toString()),
                  allowanceSeconds: going.map((c) => c.allowanceSeconds),
                  nextCheckAts: going.map((c) => iso(c.nextCheckAtMs!)),
                }),
            // Stopped calls write their final figures onto the call, lose their meter and get their
            // CALL_UPDATED events; their rows as written come back for their cost postings.
            stops.length === 0
              ? Promise.resolve([])
              : stopBatchCalls.all(tx, {
                  ids: stops.map((s) => s.call.id),
                  fundedSeconds: stops.map((s) => s.call.fundedSeconds),
                  reservedMicros: stops.map((s) => s.call.reservedMicros.toString()),
                  statuses: stops.map((s) => s.status),
                  endReasons: stops.map((s) => s.endReason),
                  endedAts: stops.map((s) => iso(s.endedAtMs)),
                  billedSeconds: stops.map((s) => s.call.fundedSeconds),
                  costMicros: stops.map((s) => s.costMicros.toString()),
                  allowanceSeconds: stops.map((s) => s.call.allowanceSeconds),
                }),
            subscriptionChanges.length === 0
              ? Promise.resolve(0)
              : updateBatchSubscriptions.run(tx, {
                  ids: subscriptionChanges.map(([id]) => id),
                  reservedDeltas: subscriptionChanges.map(([, sub]) => sub.reservedDelta),
                  usedDeltas: subscriptionChanges.map(([, sub]) => sub.usedDelta),
                }),
            caps.write(tx),
            ...[...capRefusals.values()].map((refusal) => publishSpendCapReached(tx, refusal)),
            // One statement for every wallet of the batch (none when nothing was reserved).
            changeReservedCredit(
              tx,
              [...wallets].map(([walletId, w]) => ({ walletId, deltaMicros: w.deltaMicros })),
            ),
            // The campaigns' counters with their CAMPAIGN_UPDATED events, and the accounts' active
            // calls, in one statement.
            campaignChanges.length === 0 && accountsEnded.size === 0
              ? Promise.resolve(0)
              : updateCallCountersWithEvents.run(tx, {
                  campaignIds: campaignChanges.map(([id]) => id),
                  committedDeltas: campaignChanges.map(([, m]) => m.committedDelta.toString()),
                  spentDeltas: campaignChanges.map(([, m]) => m.spentDelta.toString()),
                  activeDeltas: campaignChanges.map(([, m]) => m.activeDelta),
                  stopStatuses: campaignChanges.map(([, m]) => m.stopStatus),
                  accountIds: [...accountsEnded.keys()],
                  accountDeltas: [...accountsEnded.values()].map((ended) => -ended),
                }),
          ] as const,
        { commit: true },
      );
      assert(stoppedRows.length === stops.length, 'every call a batch stops is one it holds');
      const stoppedById = new Map(stoppedRows.map((row) => [row.id, toCallRecord(row)]));
      const stopped = stops.map((s) => stoppedById.get(s.call.id)!);
      // The lag is sampled for the calls decided on: a deferred call's is its lapsed batch's.
      const deferredIds = new Set(deferred);
      return {
        pass: { processed: calls.length - deferred.length, extended, stopped: stopped.length, deferred: deferred.length },
        stopped,
        due: deferred.length === 0 ? due : due.filter((_, at) => !deferredIds.has(calls[at]!.id)),
        going,
        claimed: new Set(calls.map((c) => c.id)),
        deferred,
      };
    });
    for (const call of result.going) {
      // An extended call is due before its grant runs out; one short of funds is retried after.
      const fundedUntil = fundedUntilMs(call);
      this.trackUntil(call.id, call.nextCheckAtMs!, call.nextCheckAtMs! < fundedUntil ? fundedUntil : undefined);
    }
    for (const id of result.deferred) this.addLapsed(id, nowMs);
    const unclaimed = ids.filter((id) => !result.claimed.has(id));
    if (unclaimed.length > 0) await this.reschedule(unclaimed, nowMs);
    if (result.pass.processed === 0) return result.pass;
    const doneMs = clock.now();
    if (this.lags.length < LAG_SAMPLES_MAX) for (const due of result.due) this.lags.push(doneMs - due);
    this.options.onBatch?.(
      result.pass,
      performance.now() - startedAtMs,
      result.due.map((due) => doneMs - due),
    );
    this.options.committed();
    await this.postStopped(result.stopped);
    return result.pass;
  }

  /**
   * Runs one batch's transaction: its row locks are its claim on the batch's calls, bounded by
   * `billingClockClaimTimeoutMs`: PostgreSQL ends the transaction of a process that died or froze
   * mid-batch within that (after the statement in flight, for a frozen one), then any clock takes them.
   */
  private claiming<T>(work: (tx: SqlTransaction, roundTrip: RoundTrip) => Promise<T>): Promise<T> {
    return pipelinedTransaction(this.options.em, work, { claimTimeoutMs: this.options.config.billingClockClaimTimeoutMs });
  }

  /**
   * Calls taken as due but not claimed: ended meanwhile (forgotten), handled by another process
   * (its new due time is read), or locked by one right now (retried on the next pass).
   */
  private async reschedule(ids: string[], nowMs: number): Promise<void> {
    const rows = await selectCallsDue.all(this.options.em, { callIds: ids });
    for (const row of rows) {
      if (row.status !== CallStatus.ACTIVE || row.next_check_at_ms === null) continue;
      this.track(row.id, row.next_check_at_ms > nowMs ? row.next_check_at_ms : nowMs + this.options.config.billingClockIntervalMs);
    }
  }

  /**
   * Posts the costs of a batch's stopped calls (at most `billingClockBatchSize`) together: one ledger
   * statement and commit where possible (postCallCosts), not one each. A clock that fell behind ends
   * whole batches of lapsed calls, and posting a thousand costs one by one (8 at a time) took it
   * about 2 s a batch on a loaded 2-core host, while every other call lapsed too.
   */
  private async postStopped(calls: CallRecord[]): Promise<void> {
    if (calls.length === 0) return;
    // One wake-up for the whole set, after it (below), rather than one per posting.
    const deps: PostingDeps = { config: this.options.config, committed: () => {}, postings: this.options.postings };
    try {
      const outcomes = await postCallCosts(this.options.em.fork(), deps, calls, 'billing_clock');
      // A refused posting is left for postPendingCallCosts at the next start; its reservation stays held until then.
      for (const outcome of outcomes) if (!outcome.ok) this.options.onError?.(outcome.error);
    } catch (error) {
      // A lost connection: the costs not recorded are posted by postPendingCallCosts (their keys make it idempotent).
      this.options.onError?.(error);
    }
    this.options.committed();
  }
}

/** A binary min-heap of (due ms, call id). */
class DueHeap {
  private readonly items: [number, string][] = [];

  push(due: number, id: string): void {
    const items = this.items;
    items.push([due, id]);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (items[parent]![0] <= items[i]![0]) break;
      [items[parent], items[i]] = [items[i]!, items[parent]!];
      i = parent;
    }
  }

  peek(): [number, string] | undefined {
    return this.items[0];
  }

  pop(): [number, string] | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length > 0 && last) {
      items[0] = last;
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        const right = left + 1;
        let smallest = i;
        if (left < items.length && items[left]![0] < items[smallest]![0]) smallest = left;
        if (right < items.length && items[right]![0] < items[smallest]![0]) smallest = right;
        if (smallest === i) break;
        [items[smallest], items[i]] = [items[i]!, items[smallest]!];
        i = smallest;
      }
    }
    return top;
  }
}
