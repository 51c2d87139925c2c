import pg from 'pg';
import { arrayLiteral } from './array-literal.js';
import { assert } from '../errors.js';
import { outsideOperation } from './operation-budget.js';
import { disposeIfBroken, type PoolClient } from './sql.js';

/**
 * A statement PostgreSQL parses and plans once per connection, then only executes. The posting
 * statements are hand-written with positional parameters on purpose: the batcher sends each
 * member's values as parameter arrays of one statement (measured: planning the ledger statement
 * costs as much as running it, so it is prepared). Everything else uses sql.ts.
 */
export interface PreparedStatement {
  /** Unique per statement text. */
  name: string;
  /** SQL with `$1`, `$2`, … placeholders. */
  text: string;
}

/** Options of {@link StatementBatcher}. */
export interface StatementBatcherOptions<Row, Check = never> {
  /** The statement for one member: parameters $1..$n. */
  single: PreparedStatement;
  /**
   * The same statement for many members at once: parameter $k is the array of every member's k-th
   * value, in member order. One row per member it acted on, none for a member it refused.
   */
  batched: PreparedStatement;
  /**
   * Members with the same key never run in two statements at the same time (e.g. the wallet they
   * lock). Without {@link coalesce} they never share a batch either.
   */
  exclusiveKey(values: readonly unknown[]): string;
  /**
   * True when {@link batched} applies members in the order given, several per exclusive key (e.g. a
   * running balance per wallet): members with the same key then share a batch, in arrival order,
   * and a member whose key is running waits for the next batch instead of going alone. False: one
   * member per key and batch; a member whose key is running goes alone at once. @default false
   */
  coalesce?: boolean;
  /** Which member a row of {@link batched} answers (e.g. the transaction id it was given). */
  memberKey(values: readonly unknown[]): string;
  /** The {@link memberKey} a row answers. */
  rowKey(row: Row): string;
  /** Most members in one batch. 1 turns batching off: every member runs alone at once, with no queue and no limit in flight. */
  batchSizeMax: number;
  /** Most batches running at once (each on its own connection). */
  batchesInFlightMax: number;
  /**
   * For a statement that left members without a row: a question about them, asked BEFORE the
   * statement's keys are freed (so before any member of those keys that arrived later has run), given
   * every member of the statement in order and its row or none, answering one value per member
   * (undefined for those with a row); each member without a row gets its answer as
   * {@link StatementAnswer.check}. For what a later arrival would change, e.g. whether a refused
   * posting's idempotency key was on record before it (a later member of the same statement may have
   * recorded it since: the members are given so that the answer can leave those out). Not asked for
   * members run outside the key queue (`batchSizeMax` 1, a key running without `coalesce`,
   * {@link StatementBatcher.executeTogether}). @default none
   */
  checkRefused?: (members: readonly (readonly unknown[])[], rows: readonly (Row | undefined)[]) => Promise<readonly (Check | undefined)[]>;
}

/** A member's answer: its row, or none; for none, {@link StatementBatcherOptions.checkRefused}'s answer when it was asked. */
export interface StatementAnswer<Row, Check> {
  row: Row | undefined;
  /** Undefined when the member has a row, or the question was not asked for it. */
  check: Check | undefined;
}

/** What a batcher has done, for tests and the benchmark. */
export interface StatementBatcherStats {
  /** Members run alone with {@link StatementBatcherOptions.single}. */
  singles: number;
  /** Runs of {@link StatementBatcherOptions.batched}. */
  batches: number;
  /** Members those runs carried. */
  batchedMembers: number;
  /** Batches that failed and whose members were then run alone. */
  fallbacks: number;
}

interface Member<Row, Check> {
  values: readonly unknown[];
  exclusiveKey: string;
  resolve(answer: StatementAnswer<Row, Check>): void;
  reject(error: unknown): void;
}

/**
 * Hand-written on purpose, beside the one SQL helper (sql.ts): it runs the hot posting statement
 * (domain/wallets/post-wallet-transaction.ts) prepared by name, with positional parameters.
 *
 * Group commit in the application: runs a single-row autocommit statement for many concurrent
 * callers as one statement and one commit. A member goes alone at once while fewer than
 * `batchesInFlightMax` batches run (no added wait when the server is not busy); otherwise it waits
 * for one to finish and leaves with everyone who arrived meanwhile, up to `batchSizeMax`.
 *
 * Each member's result is the one it would have had alone: a batch PostgreSQL refuses (a
 * unique violation, a deadlock with another process) is rolled back whole and each of its members
 * is then run alone, so an error reaches only the member that causes it. A batch whose connection
 * fails is not run again (it may have committed): each member gets that error, as it would alone.
 *
 * A batch never names an exclusive key that another running statement of this process names.
 * Without `coalesce` it names each key once, and a member whose key is running goes alone at once
 * and queues on that row's lock in PostgreSQL. With `coalesce` a member whose key is running waits,
 * and leaves with every other member of that key that arrived meanwhile, in one statement that
 * applies them in order (a hot wallet's postings then cost one statement and one commit per batch,
 * and no batch of this process waits behind another on that row's lock).
 */
export class StatementBatcher<Row, Check = never> {
  private readonly waiting: Member<Row, Check>[] = [];
  /** Members running now (alone or in a batch), per exclusive key. */
  private readonly runningByKey = new Map<string, number>();
  private batchesInFlight = 0;
  readonly stats: StatementBatcherStats = { singles: 0, batches: 0, batchedMembers: 0, fallbacks: 0 };
  /** Told of each statement run, with the members it carried (1: alone), for metrics. */
  onStatement: ((members: number) => void) | undefined;

  constructor(
    private readonly client: PoolClient,
    private readonly options: StatementBatcherOptions<Row, Check>,
  ) {
    assert(Number.isInteger(options.batchSizeMax) && options.batchSizeMax >= 1, 'batchSizeMax is a positive integer');
    assert(Number.isInteger(options.batchesInFlightMax) && options.batchesInFlightMax >= 1, 'batchesInFlightMax is a positive integer');
  }

  /** Runs the statement for one member: its row, or undefined when the statement acted on nothing. */
  async execute(values: readonly unknown[]): Promise<Row | undefined> {
    return (await this.executeAnswering(values)).row;
  }

  /** {@link execute}, with the answer of {@link StatementBatcherOptions.checkRefused} for a member left without a row. */
  executeAnswering(values: readonly unknown[]): Promise<StatementAnswer<Row, Check>> {
    // A batch carries many operations' postings and the billing clock's: it belongs to none of
    // them, so no operation's connection cap or deadline applies (a caller holding its last permit
    // must not wait on itself). Batches are bounded by batchesInFlightMax instead.
    return outsideOperation(() => this.executeMember(values));
  }

  /**
   * Runs the batched statement for `members` at once, as they are (many per key, in the order
   * given: for a statement that applies them in order), on a connection of its own within the
   * caller's operation (its connection cap and deadline apply), outside the queue and its limits:
   * for a caller that brings a batch of its own (recordUsage). Answers each member with its row or
   * undefined, in order. Throws what PostgreSQL throws: a refused statement rolled back whole.
   */
  async executeTogether(members: readonly (readonly unknown[])[]): Promise<(Row | undefined)[]> {
    assert(this.options.coalesce === true, 'executeTogether needs a batched statement that applies members in order');
    if (members.length === 0) return [];
    this.stats.batches += 1;
    this.stats.batchedMembers += members.length;
    this.onStatement?.(members.length);
    // The members' keys are taken before the statement runs, so that the members themselves (500
    // arrays of values for a 500-event recordUsage) are not kept alive across its round trip, where
    // every young-generation collection meanwhile would copy them.
    const memberKeys = members.map((values) => this.options.memberKey(values));
    const rows = await this.query(this.options.batched, transpose(members));
    const byMember = new Map<string, Row>();
    for (const row of rows) byMember.set(this.options.rowKey(row), row);
    assert(byMember.size === rows.length, 'a batched statement answers each member at most once');
    return memberKeys.map((memberKey) => byMember.get(memberKey));
  }

  private async executeMember(values: readonly unknown[]): Promise<StatementAnswer<Row, Check>> {
    if (this.options.batchSizeMax === 1) return { row: await this.executeAlone(values), check: undefined };
    const exclusiveKey = this.options.exclusiveKey(values);
    if (!this.options.coalesce && this.runningByKey.has(exclusiveKey)) {
      return { row: await this.runKeyAlone(exclusiveKey, values), check: undefined };
    }
    return new Promise<StatementAnswer<Row, Check>>((resolve, reject) => {
      this.waiting.push({ values, exclusiveKey, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.batchesInFlight < this.options.batchesInFlightMax && this.waiting.length > 0) {
      const batch = this.takeBatch();
      if (batch.length === 0) return;
      this.batchesInFlight += 1;
      void this.run(batch)
        // A broken assertion inside run(): fail every member it had not answered (answered ones stay answered).
        .catch((error: unknown) => {
          for (const member of batch) member.reject(error);
        })
        .finally(() => {
          this.batchesInFlight -= 1;
          for (const exclusiveKey of new Set(batch.map((member) => member.exclusiveKey))) this.release(exclusiveKey);
          this.pump();
        });
    }
  }

  /**
   * Takes the oldest waiting members, one per key, keeping the rest in order. A member whose key
   * is running (or already in this batch) leaves alone at once instead: it would only wait for
   * that row's lock, and in a batch it would make the batch's other rows wait with it.
   * Coalescing: every waiting member whose key is not running in another batch, several per key,
   * in arrival order; the others keep waiting for their key's batch to finish (so a hot key's
   * members leave together, and no batch of this process waits behind another on a key's lock).
   */
  private takeBatch(): Member<Row, Check>[] {
    if (this.options.coalesce) return this.takeCoalescedBatch();
    const batch: Member<Row, Check>[] = [];
    let kept = 0;
    for (const member of this.waiting) {
      if (this.runningByKey.has(member.exclusiveKey)) {
        this.runKeyAlone(member.exclusiveKey, member.values).then((row) => member.resolve({ row, check: undefined }), member.reject);
      } else if (batch.length < this.options.batchSizeMax) {
        this.hold(member.exclusiveKey);
        batch.push(member);
      } else {
        this.waiting[kept++] = member;
      }
    }
    this.waiting.length = kept;
    return batch;
  }

  private takeCoalescedBatch(): Member<Row, Check>[] {
    const batch: Member<Row, Check>[] = [];
    const inBatch = new Set<string>();
    let kept = 0;
    for (const member of this.waiting) {
      const free = inBatch.has(member.exclusiveKey) || !this.runningByKey.has(member.exclusiveKey);
      if (free && batch.length < this.options.batchSizeMax) {
        if (!inBatch.has(member.exclusiveKey)) {
          inBatch.add(member.exclusiveKey);
          this.hold(member.exclusiveKey);
        }
        batch.push(member);
      } else {
        this.waiting[kept++] = member;
      }
    }
    this.waiting.length = kept;
    return batch;
  }

  private hold(exclusiveKey: string): void {
    this.runningByKey.set(exclusiveKey, (this.runningByKey.get(exclusiveKey) ?? 0) + 1);
  }

  private release(exclusiveKey: string): void {
    const running = this.runningByKey.get(exclusiveKey)! - 1;
    if (running === 0) this.runningByKey.delete(exclusiveKey);
    else this.runningByKey.set(exclusiveKey, running);
  }

  /** A member whose key is running: at once, on its own connection, outside the batch limits. */
  private async runKeyAlone(exclusiveKey: string, values: readonly unknown[]): Promise<Row | undefined> {
    this.hold(exclusiveKey);
    try {
      return await this.executeAlone(values);
    } finally {
      this.release(exclusiveKey);
    }
  }

  /**
   * Runs `batch` and answers its members, refused ones with the answer of `checkRefused`, asked
   * before run() settles and so before the batch's keys are freed (pump() frees them then).
   */
  private async run(batch: Member<Row, Check>[]): Promise<void> {
    if (batch.length === 1) return this.runAlone(batch[0]!);
    let rows: Row[];
    try {
      this.stats.batches += 1;
      this.stats.batchedMembers += batch.length;
      this.onStatement?.(batch.length);
      rows = await this.query(this.options.batched, transpose(batch.map((member) => member.values)));
    } catch (error) {
      if (!(error instanceof pg.DatabaseError && error.severity === 'ERROR')) {
        // The connection failed or was ended (FATAL): whether the batch committed may be unknown,
        // so running its members again could post them twice. Each gets the error, as it would
        // have alone (callers retry with their idempotency keys).
        for (const member of batch) member.reject(error);
        return;
      }
      // PostgreSQL refused the statement (ERROR: never after a commit), so it rolled back whole: nothing of it happened. Each
      // member's own error (or success) comes from running it alone.
      this.stats.fallbacks += 1;
      if (!this.options.coalesce) {
        await Promise.all(batch.map((member) => this.runAlone(member)));
        return;
      }
      // Members of one key run one after another, in arrival order (as in the batch); keys side by side.
      const byKey = new Map<string, Member<Row, Check>[]>();
      for (const member of batch) byKey.set(member.exclusiveKey, [...(byKey.get(member.exclusiveKey) ?? []), member]);
      await Promise.all(
        [...byKey.values()].map(async (members) => {
          for (const member of members) await this.runAlone(member);
        }),
      );
      return;
    }
    const byMember = new Map<string, Row>();
    for (const row of rows) byMember.set(this.options.rowKey(row), row);
    assert(byMember.size === rows.length, 'a batched statement answers each member at most once');
    const answered = batch.map((member) => byMember.get(this.options.memberKey(member.values)));
    let checks: (Check | undefined)[];
    try {
      checks = await this.checkRefused(batch, answered);
    } catch (error) {
      // The statement committed: members with a row have it; the others get the check's failure.
      batch.forEach((member, index) => {
        if (answered[index] === undefined) member.reject(error);
        else member.resolve({ row: answered[index], check: undefined });
      });
      return;
    }
    batch.forEach((member, index) => {
      member.resolve({ row: answered[index], check: checks[index] });
    });
  }

  /** The answers of {@link StatementBatcherOptions.checkRefused} for the members without a row (undefined for the others). */
  private async checkRefused(batch: readonly Member<Row, Check>[], rows: readonly (Row | undefined)[]): Promise<(Check | undefined)[]> {
    if (!this.options.checkRefused || rows.every((row) => row !== undefined)) return batch.map(() => undefined);
    const answers = await this.options.checkRefused(
      batch.map((member) => member.values),
      rows,
    );
    assert(answers.length === batch.length, 'checkRefused answers each member of the statement');
    return answers.map((answer, index) => (rows[index] === undefined ? answer : undefined));
  }

  /** Runs one member of the key queue alone and answers it (with the refusal check, asked before anything after it of its key runs). */
  private async runAlone(member: Member<Row, Check>): Promise<void> {
    try {
      const row = await this.executeAlone(member.values);
      const [check] = await this.checkRefused([member], [row]);
      member.resolve({ row, check });
    } catch (error) {
      member.reject(error);
    }
  }

  /** Batching off: every member at once on its own connection, as many as the pool gives. */
  private async executeAlone(values: readonly unknown[]): Promise<Row | undefined> {
    this.stats.singles += 1;
    this.onStatement?.(1);
    const rows = await this.query(this.options.single, values);
    assert(rows.length <= 1, `${this.options.single.name} answers one member with at most one row`);
    return rows[0];
  }

  private async query(statement: PreparedStatement, values: readonly unknown[]): Promise<Row[]> {
    const connection = await this.client.acquireConnection();
    try {
      const result = await connection.query<Row & pg.QueryResultRow>({
        name: statement.name,
        text: statement.text,
        values: values as unknown[],
      });
      return result.rows;
    } catch (error) {
      disposeIfBroken(connection, error);
      throw error;
    } finally {
      await this.client.releaseConnection(connection);
    }
  }
}

/**
 * [[a1, b1], [a2, b2]] → [[a1, a2], [b1, b2]]: the members' k-th values as the k-th array parameter,
 * in PostgreSQL's text form when they are all strings or nulls ({@link arrayLiteral}: cheaper than pg's
 * conversion of the array), else as the array for pg to convert.
 */
export function transpose(rows: readonly (readonly unknown[])[]): unknown[] {
  const width = rows[0]!.length;
  const columns: unknown[][] = Array.from({ length: width }, () => new Array(rows.length));
  rows.forEach((row, at) => {
    assert(row.length === width, 'every member passes the same number of values');
    for (let index = 0; index < width; index += 1) columns[index]![at] = row[index];
  });
  return columns.map((column) => arrayLiteral(column) ?? column);
}

/** How much a batcher may gather and run at once. */
export type StatementBatchLimits = Pick<StatementBatcherOptions<unknown, unknown>, 'batchSizeMax' | 'batchesInFlightMax'>;
