import pg from 'pg';
import { assert } from '../errors.js';
import { outsideOperation } from './operation-budget.js';

/** One member's outcome in a batch: its result, or the error it alone gets (the others are unaffected). */
export type MemberOutcome<Output> = { ok: true; value: Output } | { ok: false; error: unknown };

/** Options of {@link TransactionBatcher}. */
export interface TransactionBatcherOptions<Input, Output> {
  /**
   * Runs many members in ONE transaction (one statement per table, one commit), in the order given,
   * and answers each in that order. A member's expected refusal (a domain error) is its outcome and
   * writes nothing; a throw (PostgreSQL refused the transaction) rolls back the whole batch.
   */
  runBatch(inputs: readonly Input[]): Promise<MemberOutcome<Output>[]>;
  /**
   * Runs one member in a transaction of its own (a batch of one, or after its batch was refused).
   * @default runBatch with that member alone: its value, or its error thrown
   */
  runAlone?(input: Input): Promise<Output>;
  /** Most members in one transaction. 1 turns batching off: every member runs alone at once. */
  batchSizeMax: number;
  /**
   * Most members in one transaction when all of them came in lists ({@link TransactionBatcher.executeAll}):
   * a list's caller waits for its whole list anyway, so its members may share larger transactions
   * (fewer locks, statements and commits per member) without holding back a lone caller's answer.
   * A member that came alone caps its batch at `batchSizeMax` again. At least `batchSizeMax`;
   * @default batchSizeMax
   */
  listBatchSizeMax?: number;
  /** Most batch transactions running at once (each on its own pooled connection). */
  batchesInFlightMax: number;
  /**
   * The rows a member will lock that others share (e.g. its wallet), as keys. A member waits while
   * a batch in flight holds one of its keys, and leaves with the next batch for them: a second
   * transaction sent meanwhile would only queue on the row lock in PostgreSQL, holding a connection,
   * with its members fixed early, where waiting here lets the next batch gather everyone who came
   * meanwhile (the posting batcher's coalescing does the same for a wallet's postings). Members of
   * one key keep their arrival order. Without it every member may go with any batch.
   */
  keysOf?: (input: Input) => readonly string[];
}

const NO_KEYS: readonly string[] = Object.freeze([]);

/** What a batcher has done, for tests and the benchmark. */
export interface TransactionBatcherStats {
  /** Members run in a transaction of their own. */
  singles: number;
  /** Transactions that carried more than one member. */
  batches: number;
  /** Members those transactions carried. */
  batchedMembers: number;
  /** The most members one transaction carried. */
  largestBatch: number;
  /** Batches PostgreSQL refused whose members were then run alone. */
  fallbacks: number;
}

interface Member<Input, Output> {
  input: Input;
  /** Whether it came in a list (executeAll): see {@link TransactionBatcherOptions.listBatchSizeMax}. */
  inList: boolean;
  /**
   * Its keys ({@link TransactionBatcherOptions.keysOf}), computed once when it arrives: every arrival
   * while a batch is in flight scans the whole queue, which with 64 waiting callers built 128 key
   * strings per arrival (issue 18).
   */
  keys: readonly string[];
  resolve(value: Output): void;
  reject(error: unknown): void;
}

/**
 * Group commit for a whole transaction, where {@link StatementBatcher} groups one statement: many
 * concurrent callers' operations (call starts, call ends) run as one transaction whose every
 * statement covers the whole batch, so rows they share (a wallet, a campaign, an account's
 * concurrent-call counter) are locked and written once per batch instead of once per caller.
 *
 * A member goes alone at once while fewer than `batchesInFlightMax` transactions run (no added
 * wait when the server is not busy); otherwise it waits for one to finish and leaves with everyone
 * who arrived meanwhile (up to `batchSizeMax`), in arrival order. With `keysOf`, a member also waits
 * while a batch in flight shares one of its keys (a hot wallet: one batch at a time, the next gathering).
 *
 * Each member's result is the one it would have had alone: expected refusals are per member
 * ({@link MemberOutcome}); a batch PostgreSQL refuses (a unique violation, a deadlock, a CHECK)
 * rolled back whole, and its members are then run alone, one after another in arrival order, so an
 * error reaches only the member that causes it. A batch whose connection failed is not run again
 * (it may have committed): each member gets that error, as it would alone.
 */
export class TransactionBatcher<Input, Output> {
  private readonly waiting: Member<Input, Output>[] = [];
  private batchesInFlight = 0;
  /** Keys of the batches in flight (see {@link TransactionBatcherOptions.keysOf}). */
  private readonly busyKeys = new Set<string>();
  readonly stats: TransactionBatcherStats = { singles: 0, batches: 0, batchedMembers: 0, largestBatch: 0, fallbacks: 0 };

  private readonly listBatchSizeMax: number;

  constructor(private readonly options: TransactionBatcherOptions<Input, Output>) {
    assert(Number.isInteger(options.batchSizeMax) && options.batchSizeMax >= 1, 'batchSizeMax is a positive integer');
    this.listBatchSizeMax = options.listBatchSizeMax ?? options.batchSizeMax;
    assert(
      Number.isInteger(this.listBatchSizeMax) && this.listBatchSizeMax >= options.batchSizeMax,
      'listBatchSizeMax is an integer of at least batchSizeMax',
    );
    assert(Number.isInteger(options.batchesInFlightMax) && options.batchesInFlightMax >= 1, 'batchesInFlightMax is a positive integer');
  }

  /** Members waiting for a batch to leave (for tests and monitoring). */
  get waitingMembers(): number {
    return this.waiting.length;
  }

  /** Runs one member, batched with whoever else is waiting; its result, or the error it alone would get. */
  execute(input: Input): Promise<Output> {
    // A batch carries many operations' work: it belongs to none of them, so no operation's
    // connection cap or deadline applies to it; batches are bounded by batchesInFlightMax instead.
    return outsideOperation(() => {
      if (this.options.batchSizeMax === 1) return this.runAlone(input);
      return new Promise<Output>((resolve, reject) => {
        this.waiting.push({ input, inList: false, keys: this.keysOf(input), resolve, reject });
        this.pump();
      });
    });
  }

  /**
   * Runs many members of one caller (a request's list), queued together in the order given so that
   * they leave in as few batches as they fit (up to `batchSizeMax` each; with `keysOf`, a key's members
   * keep this order and go one batch at a time). Answers each: its result, or the error it alone would
   * get. With batching off (`batchSizeMax` 1) they run alone one after another, in order.
   */
  executeAll(inputs: readonly Input[]): Promise<MemberOutcome<Output>[]> {
    return outsideOperation(async () => {
      if (this.options.batchSizeMax === 1) {
        const outcomes: MemberOutcome<Output>[] = [];
        for (const input of inputs) outcomes.push(await settled(this.runAlone(input)));
        return outcomes;
      }
      const answers = inputs.map(
        (input) =>
          new Promise<Output>((resolve, reject) => this.waiting.push({ input, inList: true, keys: this.keysOf(input), resolve, reject })),
      );
      this.pump();
      return Promise.all(answers.map(settled));
    });
  }

  private keysOf(input: Input): readonly string[] {
    return this.options.keysOf ? this.options.keysOf(input) : NO_KEYS;
  }

  private pump(): void {
    while (this.batchesInFlight < this.options.batchesInFlightMax && this.waiting.length > 0) {
      const batch = this.takeBatch();
      if (batch.members.length === 0) return;
      this.batchesInFlight += 1;
      for (const key of batch.keys) this.busyKeys.add(key);
      void this.run(batch.members)
        // A broken assertion inside run(): fail every member (a settled promise ignores it).
        .catch((error: unknown) => {
          for (const member of batch.members) member.reject(error);
        })
        .finally(() => {
          this.batchesInFlight -= 1;
          for (const key of batch.keys) this.busyKeys.delete(key);
          this.pump();
        });
    }
  }

  /**
   * The next batch: the first waiting members, up to batchSizeMax (listBatchSizeMax while every one
   * taken came in a list), skipping those a batch in flight holds a key of.
   */
  private takeBatch(): { members: Member<Input, Output>[]; keys: Set<string> } {
    const keys = new Set<string>();
    const { keysOf } = this.options;
    const members: Member<Input, Output>[] = [];
    const left: Member<Input, Output>[] = [];
    // A member left waiting blocks its keys for the members behind it, so each key's members keep their order.
    const blocked = new Set(this.busyKeys);
    let allInLists = true;
    for (const member of this.waiting) {
      const fits = members.length < (allInLists && member.inList ? this.listBatchSizeMax : this.options.batchSizeMax);
      const memberKeys = member.keys;
      if (fits && !memberKeys.some((key) => blocked.has(key))) {
        members.push(member);
        allInLists &&= member.inList;
        for (const key of memberKeys) keys.add(key);
      } else {
        // Without keys nothing can join behind a member left waiting: the batch is full.
        if (!keysOf) break;
        left.push(member);
        for (const key of memberKeys) blocked.add(key);
      }
    }
    this.waiting.splice(0, members.length + left.length, ...left);
    return { members, keys };
  }

  private async runAlone(input: Input): Promise<Output> {
    this.stats.singles += 1;
    if (this.options.runAlone) return this.options.runAlone(input);
    return onlyOutcome(await this.options.runBatch([input]));
  }

  private async settleAlone(member: Member<Input, Output>): Promise<void> {
    try {
      member.resolve(await this.runAlone(member.input));
    } catch (error) {
      member.reject(error);
    }
  }

  private async run(batch: Member<Input, Output>[]): Promise<void> {
    if (batch.length === 1) return this.settleAlone(batch[0]!);
    let outcomes: MemberOutcome<Output>[];
    try {
      this.stats.batches += 1;
      this.stats.batchedMembers += batch.length;
      this.stats.largestBatch = Math.max(this.stats.largestBatch, batch.length);
      outcomes = await this.options.runBatch(batch.map((member) => member.input));
    } catch (error) {
      if (!(error instanceof pg.DatabaseError && error.severity === 'ERROR')) {
        // The connection failed or was ended (FATAL), or a programmer error: whether the batch
        // committed may be unknown, so its members are not run again.
        for (const member of batch) member.reject(error);
        return;
      }
      // PostgreSQL refused the transaction, so it rolled back whole: each member's own outcome
      // comes from running it alone, in arrival order (as they would have queued on a shared row).
      this.stats.fallbacks += 1;
      for (const member of batch) await this.settleAlone(member);
      return;
    }
    assert(outcomes.length === batch.length, 'a batch answers each member once');
    batch.forEach((member, index) => {
      const outcome = outcomes[index]!;
      if (outcome.ok) member.resolve(outcome.value);
      else member.reject(outcome.error);
    });
  }
}

async function settled<Output>(answer: Promise<Output>): Promise<MemberOutcome<Output>> {
  try {
    return { ok: true, value: await answer };
  } catch (error) {
    return { ok: false, error };
  }
}

/** The outcome of a batch of one: its value, or its error thrown (a member run alone, outside a batcher). */
export function onlyOutcome<Output>(outcomes: readonly MemberOutcome<Output>[]): Output {
  const [outcome] = outcomes;
  assert(outcomes.length === 1 && outcome !== undefined, 'a batch of one answers once');
  if (!outcome.ok) throw outcome.error;
  return outcome.value;
}
