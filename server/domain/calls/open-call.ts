import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { pipelinedTransaction, type RoundTrip, type SqlTransaction } from '../../database/sql.js';
import { type MemberOutcome, onlyOutcome } from '../../database/transaction-batcher.js';
import { assert, CampaignNotRunningError, DomainError, EmailNotVerifiedError, LimitExceededError } from '../../errors.js';
import { CampaignStatus } from '../campaigns/campaign-record.js';
import type { Rate } from '../rating/rating.js';
import { callCostMicros } from '../rating/rating.js';
import { publishSpendCapReached } from '../spend-caps/spend-cap-alerts.js';
import { SpendCapBook } from '../spend-caps/spend-cap-book.js';
import { availableMicros, changeReservedCredit } from '../wallets/credit.js';
import { insertCalls, lockCallAccounts, lockStartSubscriptions, lockStartWallets, type WrittenCallRow } from './call-batches.queries.js';
import { type CallDirection, CallEndReason, CallStatus, nextCheckAtMs, type CallRecord } from './call-record.js';
import { lockBatchCampaigns, updateBatchSubscriptions, updateCallCountersWithEvents } from './calls.queries.js';
import type { CallServiceDeps } from './call.service.js';

/**
 * One call about to start, as its direction describes it: where it is billed, how it is rated, and
 * what it records. Everything else (locks, refusals, the first reservation) is the same both ways.
 */
export interface CallOpening {
  direction: CallDirection;
  accountId: string;
  walletId: string;
  /** The campaign placing an outbound call (checked RUNNING, its budget and counters); null for an inbound call. */
  campaignId: string | null;
  /** The number an inbound call was received on; null for an outbound call. */
  numberId: string | null;
  /** The caller of an inbound call; null for an outbound call. */
  from: string | null;
  /** E.164: the destination of an outbound call, the number called of an inbound one. */
  to: string;
  /** The rate the call is metered at (per minute in micros, connect fee, increments). */
  rate: Rate;
  /**
   * Whether the wallet's subscription pays for the call: its allowance covers minutes first, its
   * overage rate replaces the rate's per-minute price beyond. Outbound calls only.
   */
  subscriptionPays: boolean;
  idempotencyKey: string | null;
  startedAtMs: number;
}

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * The transaction of a call start or end batch ({@link pipelinedTransaction}) with every statement on
 * its generic plan, planned once per connection. Planned for the arrays at hand (PostgreSQL
 * estimates the generic plans of these array statements dearer, so it kept planning them anew), the
 * batch's statements cost PostgreSQL a planning at nearly every batch, the posting statement alone a
 * few milliseconds. Their plans need no parameter value: rows by key, arrays unnested.
 */
export function callBatchTransaction<T>(em: EntityManager, work: (tx: SqlTransaction, roundTrip: RoundTrip) => Promise<T>): Promise<T> {
  return pipelinedTransaction(em, work, { genericPlans: true });
}

/**
 * Starts one call (outbound or inbound): through the process's call batches when it has them, so
 * concurrent starts share one transaction, else alone. See {@link openCalls}.
 * @throws EmailNotVerifiedError when the wallet's account has not verified its address.
 * @throws CampaignNotRunningError when the campaign is no longer RUNNING.
 * @throws LimitExceededError at the account's concurrent-call cap (`concurrentCallsPerAccountMax`); nothing is written.
 */
export async function openCall(em: EntityManager, deps: CallServiceDeps, opening: CallOpening): Promise<CallRecord> {
  deps.admitCall?.();
  if (deps.callBatches) return deps.callBatches.open(opening);
  return onlyOutcome(await openCalls(em, deps, [opening]));
}

/** A wallet of a batch of starts: its state as the batch decides, in micros. */
interface StartWallet {
  balanceMicros: bigint;
  reservedMicros: bigint;
  deltaMicros: bigint;
  status: string;
  accountStatus: string;
  emailUnverified: boolean;
}

/** A subscription of a batch of starts: seconds of allowance free as the batch decides. */
interface StartSubscription {
  id: string;
  freeSeconds: number;
  reservedSeconds: number;
  overagePerMinuteMicros: bigint | null;
}

/** A campaign of a batch of starts: its counters and status as the batch decides. */
interface StartCampaign {
  status: CampaignStatus;
  budgetMicros: bigint | null;
  committedMicros: bigint;
  committedDelta: bigint;
  activeDelta: number;
  stopStatus: CampaignStatus | null;
}

/**
 * The one start routine of calls in both directions, for many calls in ONE transaction with one
 * statement per table (wallets, spend caps, subscriptions, campaigns, accounts, calls, outbox; the writes of campaigns and accounts share one) sent
 * in two round trips (the locking reads with the begin, the writes with the commit:
 * {@link pipelinedTransaction}), deciding each call in the order given as if it ran alone after the ones before it. For each:
 * checks the wallet (its owner must have verified their address), the wallet's spend caps, the
 * subscription that may pay, and the campaign that places it; reserves the first increment (plus
 * connect fee) on the wallet and counts it on the caps, the campaign and the account's concurrent
 * calls, or records the call REFUSED with the first reason of WALLET_SUSPENDED, INSUFFICIENT_FUNDS,
 * BUDGET_REACHED, SPEND_CAP_REACHED (which also raises the cap's alert). A refusal is data, not an
 * error; it stops the campaign that placed the call (so later calls of that campaign in the batch
 * get CampaignNotRunningError, as they would have alone). A call that fails (the errors of
 * {@link openCall}) writes nothing and leaves the others alone. Hands ACTIVE calls to this
 * process's billing clock and signals subscribers after commit.
 * Throws what PostgreSQL throws (the whole batch rolled back).
 */
export async function openCalls(
  em: EntityManager,
  deps: CallServiceDeps,
  openings: readonly CallOpening[],
): Promise<MemberOutcome<CallRecord>[]> {
  const outcomes = await callBatchTransaction(em, async (tx, roundTrip) => {
    // Lock order everywhere: calls, wallets, spend caps, subscriptions, campaigns, accounts. Every
    // row the batch shares is locked in the first round trip (with the begin) and written in the
    // second (with the commit), so a hot wallet or campaign is held across two network waits.
    const walletIds = [...new Set(openings.map((opening) => opening.walletId))].sort();
    const paidWalletIds = [...new Set(openings.filter((opening) => opening.subscriptionPays).map((opening) => opening.walletId))].sort();
    const campaignIds = [...new Set(openings.flatMap((opening) => (opening.campaignId === null ? [] : [opening.campaignId])))].sort();
    const accountIds = [...new Set(openings.map((opening) => opening.accountId))].sort();
    const [walletRows, caps, subscriptionRows, campaignRows, accountRows] = await roundTrip(() => [
      lockStartWallets.all(tx, { walletIds }),
      SpendCapBook.lock(tx, walletIds, Math.max(...openings.map((opening) => opening.startedAtMs))),
      paidWalletIds.length === 0 ? Promise.resolve([]) : lockStartSubscriptions.all(tx, { walletIds: paidWalletIds }),
      campaignIds.length === 0 ? Promise.resolve([]) : lockBatchCampaigns.all(tx, { campaignIds }),
      lockCallAccounts.all(tx, { accountIds }),
    ]);
    const wallets = new Map<string, StartWallet>();
    for (const row of walletRows) {
      wallets.set(row.id, {
        balanceMicros: BigInt(row.balance_micros),
        reservedMicros: BigInt(row.reserved_micros),
        deltaMicros: 0n,
        status: row.status,
        accountStatus: row.account_status,
        emailUnverified: row.account_email_unverified,
      });
    }
    const subscriptions = new Map<string, StartSubscription>();
    for (const row of subscriptionRows) {
      assert(!subscriptions.has(row.wallet_id), 'a wallet has at most one ACTIVE subscription');
      subscriptions.set(row.wallet_id, {
        id: row.id,
        freeSeconds: row.free_seconds,
        reservedSeconds: 0,
        overagePerMinuteMicros: row.overage_per_minute_micros === null ? null : BigInt(row.overage_per_minute_micros),
      });
    }
    const campaigns = new Map<string, StartCampaign>();
    for (const row of campaignRows) {
      campaigns.set(row.id, {
        status: row.status,
        budgetMicros: row.budget_micros === null ? null : BigInt(row.budget_micros),
        committedMicros: BigInt(row.committed_micros),
        committedDelta: 0n,
        activeDelta: 0,
        stopStatus: null,
      });
    }
    const accounts = new Map<string, { activeCalls: number; delta: number }>();
    for (const row of accountRows) accounts.set(row.id, { activeCalls: row.active_calls, delta: 0 });

    // Each call in order, against the running state of the rows it shares with the ones before it.
    const decided: (MemberOutcome<CallInsert> & { opening: CallOpening })[] = [];
    for (const opening of openings) {
      try {
        decided.push({
          ok: true,
          value: await decideStart(tx, deps, opening, { wallets, caps, subscriptions, campaigns, accounts }),
          opening,
        });
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        decided.push({ ok: false, error, opening });
      }
    }

    const inserts = decided.flatMap((outcome) => (outcome.ok ? [outcome.value] : []));
    const subscriptionChanges = [...subscriptions.values()].filter((subscription) => subscription.reservedSeconds > 0);
    const changedCampaigns = [...campaigns.entries()].filter(
      ([, campaign]) => campaign.activeDelta !== 0 || campaign.committedDelta !== 0n || campaign.stopStatus !== null,
    );
    const changedAccounts = [...accounts.entries()].filter(([, account]) => account.delta !== 0);
    // Every write in one round trip with the commit; the outbox events (each call's and each changed
    // campaign's, with its new version) are written by the insert and the counters' statement themselves.
    const [rows] = await roundTrip(
      () => [
        inserts.length === 0 ? Promise.resolve([]) : insertCalls.all(tx, insertParams(inserts)),
        subscriptionChanges.length === 0
          ? Promise.resolve(0)
          : updateBatchSubscriptions.run(tx, {
              ids: subscriptionChanges.map((subscription) => subscription.id),
              reservedDeltas: subscriptionChanges.map((subscription) => subscription.reservedSeconds),
              usedDeltas: subscriptionChanges.map(() => 0),
            }),
        changeReservedCredit(
          tx,
          [...wallets.entries()].map(([walletId, wallet]) => ({ walletId, deltaMicros: wallet.deltaMicros })),
        ),
        caps.write(tx),
        changedCampaigns.length === 0 && changedAccounts.length === 0
          ? Promise.resolve(0)
          : updateCallCountersWithEvents.run(tx, {
              campaignIds: changedCampaigns.map(([id]) => id),
              committedDeltas: changedCampaigns.map(([, campaign]) => campaign.committedDelta.toString()),
              spentDeltas: changedCampaigns.map(() => '0'),
              activeDeltas: changedCampaigns.map(([, campaign]) => campaign.activeDelta),
              stopStatuses: changedCampaigns.map(([, campaign]) => campaign.stopStatus),
              accountIds: changedAccounts.map(([id]) => id),
              accountDeltas: changedAccounts.map(([, account]) => account.delta),
            }),
      ],
      { commit: true },
    );
    // Each call's record is what the batch decided, with what the database set (version, created_at).
    const byId = new Map(rows.map((row) => [row.id, row]));
    return decided.map((outcome): MemberOutcome<CallRecord> => {
      if (!outcome.ok) return outcome;
      const written = byId.get(outcome.value.id);
      assert(written, 'every decided start is inserted');
      return { ok: true, value: startedCallRecord(outcome.value, written) };
    });
  });
  for (const outcome of outcomes) {
    if (outcome.ok && outcome.value.status === CallStatus.ACTIVE && outcome.value.nextCheckAtMs !== null) {
      deps.callStarted?.(outcome.value.id, outcome.value.nextCheckAtMs);
    }
  }
  if (outcomes.some((outcome) => outcome.ok)) deps.committed();
  return outcomes;
}

/** A started call's row as {@link insertCalls} writes it. */
interface CallInsert {
  id: string;
  opening: CallOpening;
  status: CallStatus;
  endReason: CallEndReason | null;
  perMinuteMicros: bigint;
  fundedSeconds: number;
  reservedMicros: bigint;
  nextCheckAtMs: number | null;
  subscriptionId: string | null;
  allowanceSeconds: number;
}

/**
 * Decides one start against the batch's running state and counts it there (nothing is written yet).
 * @throws the DomainErrors of {@link openCall}, having counted nothing.
 */
async function decideStart(
  tx: SqlTransaction,
  deps: CallServiceDeps,
  opening: CallOpening,
  state: {
    wallets: Map<string, StartWallet>;
    caps: SpendCapBook;
    subscriptions: Map<string, StartSubscription>;
    campaigns: Map<string, StartCampaign>;
    accounts: Map<string, { activeCalls: number; delta: number }>;
  },
): Promise<CallInsert> {
  const { rate, startedAtMs } = opening;
  const wallet = state.wallets.get(opening.walletId);
  assert(wallet, 'a started call names an existing wallet');
  // A signed-up account calls once its owner verified their address (campaigns and numbers need it too).
  if (wallet.emailUnverified) throw new EmailNotVerifiedError(opening.accountId);
  const subscription = opening.subscriptionPays ? state.subscriptions.get(opening.walletId) : undefined;
  const perMinuteMicros = subscription?.overagePerMinuteMicros ?? rate.perMinuteMicros;
  const fromAllowance = subscription !== undefined && subscription.freeSeconds >= rate.firstIncrementSeconds;
  const firstMicros = callCostMicros(
    { perMinuteMicros, connectFeeMicros: rate.connectFeeMicros },
    fromAllowance ? 0 : rate.firstIncrementSeconds,
  );
  const campaign = opening.campaignId === null ? null : state.campaigns.get(opening.campaignId);
  assert(campaign !== undefined, 'a started call names an existing campaign');
  if (campaign !== null && campaign.status !== CampaignStatus.RUNNING)
    throw new CampaignNotRunningError(opening.campaignId!, campaign.status);

  const available = availableMicros({ balanceMicros: wallet.balanceMicros, reservedMicros: wallet.reservedMicros + wallet.deltaMicros });
  // A wallet that ran out is suspended until funded again; a closed account's wallet stays so.
  const suspended = wallet.status === 'SUSPENDED' && (available <= 0n || wallet.accountStatus === 'CLOSED');
  const committed = campaign === null ? 0n : campaign.committedMicros + campaign.committedDelta;
  const fundsRefusal = suspended
    ? CallEndReason.WALLET_SUSPENDED
    : available < firstMicros
      ? CallEndReason.INSUFFICIENT_FUNDS
      : campaign !== null && campaign.budgetMicros !== null && committed + firstMicros > campaign.budgetMicros
        ? CallEndReason.BUDGET_REACHED
        : null;
  const capRefusal = fundsRefusal === null ? state.caps.refusal(opening.walletId, firstMicros) : null;
  const refusal = capRefusal !== null ? CallEndReason.SPEND_CAP_REACHED : fundsRefusal;
  const account = state.accounts.get(opening.accountId);
  assert(account, 'a started call names an existing account');
  if (refusal === null && account.activeCalls + account.delta >= deps.config.concurrentCallsPerAccountMax) {
    throw new LimitExceededError(
      `The account already has ${deps.config.concurrentCallsPerAccountMax} active calls`,
      'concurrentCallsPerAccountMax',
      deps.config.concurrentCallsPerAccountMax,
    );
  }
  if (capRefusal !== null) await publishSpendCapReached(tx, capRefusal);
  const active = refusal === null;
  const funded = active ? rate.firstIncrementSeconds : 0;
  const allowance = active && fromAllowance ? funded : 0;
  if (active) {
    account.delta += 1;
    wallet.deltaMicros += firstMicros;
    state.caps.add(opening.walletId, firstMicros);
    if (allowance > 0) {
      subscription!.freeSeconds -= allowance;
      subscription!.reservedSeconds += allowance;
    }
  }
  if (campaign !== null) {
    if (active) {
      campaign.committedDelta += firstMicros;
      campaign.activeDelta += 1;
    } else {
      campaign.status = stopStatusFor(refusal);
      campaign.stopStatus = campaign.status;
    }
  }
  return {
    id: randomUUID(),
    opening,
    status: active ? CallStatus.ACTIVE : CallStatus.REFUSED,
    endReason: refusal,
    perMinuteMicros,
    fundedSeconds: funded,
    reservedMicros: active ? firstMicros : 0n,
    nextCheckAtMs: active
      ? nextCheckAtMs(
          { startedAtMs, fundedSeconds: funded, nextIncrementSeconds: rate.nextIncrementSeconds },
          deps.config.billingClockLeadMs,
        )
      : null,
    subscriptionId: subscription?.id ?? null,
    allowanceSeconds: allowance,
  };
}

/** A started call's record: as {@link insertCalls} wrote it from `insert`, with what the database set. */
function startedCallRecord(insert: CallInsert, written: WrittenCallRow): CallRecord {
  const { opening } = insert;
  return {
    id: insert.id,
    accountId: opening.accountId,
    direction: opening.direction,
    campaignId: opening.campaignId,
    numberId: opening.numberId,
    from: opening.from,
    walletId: opening.walletId,
    to: opening.to,
    status: insert.status,
    endReason: insert.endReason,
    ratePrefix: opening.rate.prefix,
    perMinuteMicros: insert.perMinuteMicros,
    firstIncrementSeconds: opening.rate.firstIncrementSeconds,
    nextIncrementSeconds: opening.rate.nextIncrementSeconds,
    connectFeeMicros: opening.rate.connectFeeMicros,
    startedAtMs: opening.startedAtMs,
    endedAtMs: insert.status === CallStatus.ACTIVE ? null : opening.startedAtMs,
    fundedSeconds: insert.fundedSeconds,
    reservedMicros: insert.reservedMicros,
    billedSeconds: 0,
    costMicros: 0n,
    nextCheckAtMs: insert.nextCheckAtMs,
    transactionId: written.transaction_id,
    idempotencyKey: opening.idempotencyKey,
    version: BigInt(written.version),
    subscriptionId: insert.subscriptionId,
    allowanceSeconds: insert.allowanceSeconds,
    createdAtUs: written.created_at_us,
  };
}

/** The parameter arrays of {@link insertCalls}: element i of each is call i. */
function insertParams(inserts: readonly CallInsert[]) {
  const column = <T>(pick: (insert: CallInsert) => T) => inserts.map(pick);
  return {
    ids: column((insert) => insert.id),
    accountIds: column((insert) => insert.opening.accountId),
    directions: column((insert) => insert.opening.direction),
    campaignIds: column((insert) => insert.opening.campaignId),
    numberIds: column((insert) => insert.opening.numberId),
    froms: column((insert) => insert.opening.from),
    walletIds: column((insert) => insert.opening.walletId),
    tos: column((insert) => insert.opening.to),
    statuses: column((insert) => insert.status),
    endReasons: column((insert) => insert.endReason),
    ratePrefixes: column((insert) => insert.opening.rate.prefix),
    perMinuteMicros: column((insert) => insert.perMinuteMicros.toString()),
    firstIncrementSeconds: column((insert) => insert.opening.rate.firstIncrementSeconds),
    nextIncrementSeconds: column((insert) => insert.opening.rate.nextIncrementSeconds),
    connectFeeMicros: column((insert) => insert.opening.rate.connectFeeMicros.toString()),
    startedAts: column((insert) => iso(insert.opening.startedAtMs)),
    endedAts: column((insert) => (insert.status === CallStatus.ACTIVE ? null : iso(insert.opening.startedAtMs))),
    fundedSeconds: column((insert) => insert.fundedSeconds),
    reservedMicros: column((insert) => insert.reservedMicros.toString()),
    nextCheckAts: column((insert) => (insert.nextCheckAtMs === null ? null : iso(insert.nextCheckAtMs))),
    idempotencyKeys: column((insert) => insert.opening.idempotencyKey),
    subscriptionIds: column((insert) => insert.subscriptionId),
    allowanceSeconds: column((insert) => insert.allowanceSeconds),
  };
}

/** The campaign status a refusal or stop puts a RUNNING campaign in: budget, spend cap, else funds (short or suspended). */
export function stopStatusFor(reason: CallEndReason): CampaignStatus {
  switch (reason) {
    case CallEndReason.BUDGET_REACHED:
      return CampaignStatus.STOPPED_BUDGET_REACHED;
    case CallEndReason.SPEND_CAP_REACHED:
      return CampaignStatus.STOPPED_SPEND_CAP;
    default:
      return CampaignStatus.STOPPED_INSUFFICIENT_FUNDS;
  }
}
