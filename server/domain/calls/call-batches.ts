import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../../config.js';
import { TransactionBatcher, type MemberOutcome } from '../../database/transaction-batcher.js';
import { markCallsPosted } from './call-batches.queries.js';
import type { CallRecord } from './call-record.js';
import { markCallPosted } from './calls.queries.js';
import type { CallServiceDeps } from './call.service.js';
import { endCalls, type CallEnding, type EndedCall } from './end-calls.js';
import { openCalls, type CallOpening } from './open-call.js';

/**
 * A process's group commit of call set-up: concurrent startCall/startInboundCall share one
 * transaction ({@link openCalls}), concurrent endCall share another ({@link endCalls}), so a wallet,
 * a campaign and an account's concurrent-call counter that many calls share are locked and written
 * once per batch instead of once per call. Starts of one wallet or account, and ends of one tenant's
 * calls, go one batch at a time (the next gathers while it runs) rather than queue on its row locks.
 * A lone call goes at once, alone.
 */
export class CallBatches {
  readonly starts: TransactionBatcher<CallOpening, CallRecord>;
  readonly ends: TransactionBatcher<CallEnding, EndedCall>;
  /** Ended calls' ledger transactions recorded on them: one statement and one commit per batch. */
  readonly posted: TransactionBatcher<{ callId: string; transactionId: string }, void>;

  constructor(
    em: EntityManager,
    deps: CallServiceDeps,
    limits: Pick<Config, 'callBatchSizeMax' | 'callListBatchSizeMax' | 'callBatchesInFlightMax'>,
  ) {
    const batchLimits = {
      batchSizeMax: limits.callBatchSizeMax,
      // Lists (startCalls, endCalls) may share larger transactions; never smaller than a lone call's.
      listBatchSizeMax: Math.max(limits.callListBatchSizeMax, limits.callBatchSizeMax),
      batchesInFlightMax: limits.callBatchesInFlightMax,
    };
    // Every statement of a batch is raw SQL (database/sql.ts), which takes a pooled connection of its
    // own and puts nothing in an identity map: one EntityManager serves every batch, none is forked per batch.
    const sqlEm = em.fork();
    const withoutBatches: CallServiceDeps = { ...deps, callBatches: undefined };
    this.starts = new TransactionBatcher({
      ...batchLimits,
      // A start batch locks its wallets (and their campaigns) and accounts from its first round trip
      // to its commit: one batch per wallet and account at a time, the next gathering meanwhile.
      keysOf: (opening) => [`wallet:${opening.walletId}`, `account:${opening.accountId}`],
      runBatch: (openings) => openCalls(sqlEm, liveDeps(), openings),
    });
    this.ends = new TransactionBatcher({
      ...batchLimits,
      // An end batch writes its calls' campaigns and accounts: a tenant's hang-ups (the calls of its
      // account) likewise go one batch at a time. Platform staff's (any account) are not keyed.
      keysOf: (ending) => (ending.accountScope === null ? [] : [`account:${ending.accountScope}`]),
      runBatch: (endings) => endCalls(sqlEm, liveDeps(), endings),
    });
    this.posted = new TransactionBatcher({
      ...batchLimits,
      runBatch: async (marks) => {
        await markCallsPosted.run(sqlEm, {
          callIds: marks.map((mark) => mark.callId),
          transactionIds: marks.map((mark) => mark.transactionId),
        });
        return marks.map(() => ({ ok: true, value: undefined }));
      },
      runAlone: async (mark) => {
        await markCallPosted.run(sqlEm, mark);
      },
    });
    // The billing clock's hand-offs (deps.callStarted, deps.callEnded) are set after this is made: read them when a batch runs.
    function liveDeps(): CallServiceDeps {
      withoutBatches.callStarted = deps.callStarted;
      withoutBatches.callEnded = deps.callEnded;
      return withoutBatches;
    }
  }

  /** Starts one call, batched with concurrent starts; see {@link openCalls}. */
  open(opening: CallOpening): Promise<CallRecord> {
    return this.starts.execute(opening);
  }

  /** Starts a request's calls, queued together in the order given and batched with concurrent starts; each one's outcome. */
  openAll(openings: readonly CallOpening[]): Promise<MemberOutcome<CallRecord>[]> {
    return this.starts.executeAll(openings);
  }

  /** Ends a request's calls, queued together in the order given and batched with concurrent ends; each one's outcome. */
  endAll(endings: readonly CallEnding[]): Promise<MemberOutcome<EndedCall>[]> {
    return this.ends.executeAll(endings);
  }

  /** Records many ended calls' ledger transactions on them, batched with concurrent ones. */
  async markAllPosted(marks: readonly { callId: string; transactionId: string }[]): Promise<void> {
    for (const outcome of await this.posted.executeAll(marks)) if (!outcome.ok) throw outcome.error;
  }

  /** Records an ended call's ledger transaction on it (once), batched with concurrent ones. */
  markPosted(callId: string, transactionId: string): Promise<void> {
    return this.posted.execute({ callId, transactionId });
  }

  /** Ends one call at its caller's hang-up, batched with concurrent ends; see {@link endCalls}. */
  end(ending: CallEnding): Promise<EndedCall> {
    return this.ends.execute(ending);
  }
}
