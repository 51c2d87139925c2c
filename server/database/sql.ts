/**
 * The one way Spendwire runs SQL outside the posting batcher: a statement is defined once, with
 * named parameters (`:walletId`) and the type of its rows, in its domain's `*.queries.ts`; services
 * run it on the ORM's pool (autocommit) or inside a transaction they own.
 *
 *   export const selectWallet = sql<WalletRow, { walletId: string }>(
 *     'select id, balance_micros::text from wallet where id = :walletId');
 *   const wallet = await selectWallet.maybeOne(em, { walletId });
 *   await transaction(em, async (tx) => { await lockWallet.one(tx, { walletId }); … });
 *
 * Values are bound by PostgreSQL (never inlined into the text); `bigint` is sent as its decimal
 * string. int8, numeric and timestamptz come back as strings: row types say so and the domain's
 * record mappers convert them. A statement on the hot path may ask to be prepared by name
 * (`{ prepareAs }`): PostgreSQL then parses and plans it once per connection.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type pg from 'pg';
import { assert } from '../errors.js';
import { whileHoldingConnection } from './operation-budget.js';

/** The part of knex's client that lends pooled connections; the one declaration every module shares. */
export interface PoolClient {
  acquireConnection(): Promise<pg.Client>;
  releaseConnection(connection: pg.Client): Promise<unknown>;
}

/** The pool behind an entity manager (the ORM owns it; operation-budget.ts governs it). */
export function poolOf(em: EntityManager): PoolClient {
  return em.getConnection().getKnex().client as PoolClient;
}

/** An open transaction on one pooled connection, handed to the `work` of {@link transaction}. */
export class SqlTransaction {
  /**
   * @internal Only {@link transaction} and {@link pipelinedTransaction} make one; `begun` is false
   * until the latter has sent its `begin` (a statement sent before would run outside the transaction).
   */
  constructor(
    readonly connection: pg.Client,
    public begun = true,
  ) {}
}

/** Where a statement runs: the ORM's pool (each statement in autocommit) or an open transaction. */
export type Db = EntityManager | SqlTransaction;

/** Named parameters of a statement; `undefined` is refused (say `null` for SQL NULL). */
export type SqlParams = Record<string, unknown>;

/** Longest statement name PostgreSQL keeps (NAMEDATALEN − 1). */
const PREPARED_NAME_LENGTH_MAX = 63;
const PARAMETER = /(?<![:\w]):([A-Za-z_][A-Za-z0-9_]*)/g;

/** Options of {@link sql}. */
export interface SqlOptions {
  /** Prepare the statement under this name (unique per text, ≤ 63 characters): for hot statements only. */
  prepareAs?: string;
}

/** One SQL statement with its parameters' and rows' types; run it with `all`, `one`, `maybeOne` or `run`. */
export class Query<Row, Params extends SqlParams> {
  /** The text sent to PostgreSQL, with `$1`, `$2`, … for the named parameters. */
  readonly text: string;
  /** Parameter names in `$n` order. */
  readonly names: readonly string[];
  readonly prepareAs: string | undefined;

  constructor(source: string, options: SqlOptions = {}) {
    const names: string[] = [];
    this.text = source.replace(PARAMETER, (_match, name: string) => {
      let index = names.indexOf(name);
      if (index < 0) index = names.push(name) - 1;
      return `$${index + 1}`;
    });
    this.names = names;
    assert(
      options.prepareAs === undefined || (options.prepareAs.length > 0 && options.prepareAs.length <= PREPARED_NAME_LENGTH_MAX),
      'prepared statement names are 1..63 characters',
    );
    this.prepareAs = options.prepareAs;
  }

  /** The positional values for `params`, in `$n` order. @throws when a parameter is missing or undefined. */
  values(params: Params): unknown[] {
    return this.names.map((name) => {
      const value = params[name];
      assert(value !== undefined, `SQL parameter :${name} is missing`);
      return typeof value === 'bigint' ? value.toString() : value;
    });
  }

  /** Every row. */
  async all(db: Db, ...params: ParamsArgument<Params>): Promise<Row[]> {
    return (await this.execute(db, params[0] ?? ({} as Params))).rows;
  }

  /** The only row. @throws an assertion when there is none or more than one (a programmer's error). */
  async one(db: Db, ...params: ParamsArgument<Params>): Promise<Row> {
    const { rows } = await this.execute(db, params[0] ?? ({} as Params));
    assert(rows.length === 1, `expected exactly one row, got ${rows.length}: ${this.text.slice(0, 80)}`);
    return rows[0]!;
  }

  /** The first row, or undefined when there is none. */
  async maybeOne(db: Db, ...params: ParamsArgument<Params>): Promise<Row | undefined> {
    return (await this.execute(db, params[0] ?? ({} as Params))).rows[0];
  }

  /** Runs the statement for its effect; the number of rows it touched. */
  async run(db: Db, ...params: ParamsArgument<Params>): Promise<number> {
    return (await this.execute(db, params[0] ?? ({} as Params))).rowCount ?? 0;
  }

  private async execute(db: Db, params: Params): Promise<{ rows: Row[]; rowCount: number | null }> {
    const config: pg.QueryConfig =
      this.prepareAs === undefined
        ? { text: this.text, values: this.values(params) }
        : { name: this.prepareAs, text: this.text, values: this.values(params) };
    if (db instanceof SqlTransaction) {
      assert(db.begun, 'a pipelined transaction sends its first statements in a round trip (the begin goes with them)');
      return db.connection.query(config) as Promise<pg.QueryResult & { rows: Row[] }>;
    }
    return withConnection(db, (connection) => connection.query(config) as Promise<pg.QueryResult & { rows: Row[] }>);
  }
}

/** A statement without parameters takes none; one with parameters must be given them. */
type ParamsArgument<Params extends SqlParams> = keyof Params extends never ? [params?: Params] : [params: Params];

/**
 * Defines a statement: `sql<Row, Params>(text)`. Define it once at module level in the domain's
 * queries file; build text at call time only when its shape really varies (a list of columns).
 */
export function sql<Row = Record<string, never>, Params extends SqlParams = Record<never, never>>(
  text: string,
  options?: SqlOptions,
): Query<Row, Params> {
  return new Query<Row, Params>(text, options);
}

async function withConnection<T>(em: EntityManager, work: (connection: pg.Client) => Promise<T>): Promise<T> {
  assert(!em.isInTransaction(), 'a pooled connection cannot join an ORM transaction');
  const pool = poolOf(em);
  const connection = await pool.acquireConnection();
  try {
    return await whileHoldingConnection(() => work(connection));
  } catch (error) {
    disposeIfBroken(connection, error);
    throw error;
  } finally {
    await pool.releaseConnection(connection);
  }
}

/**
 * Whether a query's error means its connection is gone: a FATAL from the server (terminated by an
 * administrator, a shutdown: SQLSTATE class 57P), a connection exception (class 08), the socket
 * closing under the query, or no answer within the client's query timeout (node-postgres then
 * leaves the statement running on a connection whose next answer would be that statement's).
 */
export function isConnectionLost(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const { code, severity } = error as Error & { code?: unknown; severity?: unknown };
  if (severity === 'FATAL') return true;
  if (typeof code === 'string' && (code.startsWith('57P') || code.startsWith('08'))) return true;
  return /Connection terminated|Connection ended|Query read timeout|not queryable/i.test(error.message);
}

/**
 * Marks a pooled connection whose query failed because the connection died as disposed, the way
 * knex marks one on its 'error'/'end' events, so the pool destroys it instead of handing it to the
 * next request. The FATAL answer reaches the query before the socket's 'end' event does: released
 * at once, the dead connection went to the next request, which failed with "Connection terminated
 * unexpectedly" (seen in posting-batches.test.ts under load).
 */
export function disposeIfBroken(connection: pg.Client, error: unknown): void {
  if (!isConnectionLost(error)) return;
  const marked = connection as pg.Client & { __knex__disposed?: unknown };
  marked.__knex__disposed ??= error;
}

/** Options of {@link transaction}. */
export interface TransactionOptions {
  /** @default 'read committed' */
  isolationLevel?: 'read committed' | 'repeatable read' | 'serializable';
  /** A read-only transaction (PostgreSQL refuses its writes). @default false */
  readOnly?: boolean;
  /**
   * How long the rows this transaction locks stay locked once its process has stopped talking to
   * PostgreSQL, in milliseconds: set local, in the `begin` round trip, as the transaction's
   * `idle_in_transaction_session_timeout` (a frozen or cut-off process's session is ended this long
   * after its last statement finished) and `client_connection_check_interval` (a statement running
   * for a process that has died notices its closed socket within this, PostgreSQL 14 and later). A
   * statement still running for a frozen process holds its locks until it ends (the connection's
   * statement and lock timeouts), then this. A positive integer. @default the connection's (the pool's timeouts)
   */
  claimTimeoutMs?: number;
  /**
   * Whether the transaction's prepared statements run their generic plan (planned once per
   * connection and statement) rather than a plan of their own parameters: set local, in the `begin`
   * round trip, as `plan_cache_mode = force_generic_plan`. For hot statements over arrays of ids,
   * whose generic plan PostgreSQL estimates dearer than a plan for the arrays at hand and so planned
   * anew at every execution (a few milliseconds each for the call batches' statements). Only for
   * statements written to need no parameter value to plan well. @default false
   */
  genericPlans?: boolean;
}

/**
 * The statement that opens a transaction with `options`: `begin`, with the claim timeout's
 * settings behind it in the same simple query (one round trip; an integer, so no quoting).
 */
function openingStatement(options: TransactionOptions): string {
  // A plain `begin` is the server's default, READ COMMITTED; options are spelled out only when given.
  const begin =
    options.isolationLevel === undefined && !options.readOnly
      ? 'begin'
      : `begin isolation level ${options.isolationLevel ?? 'read committed'}${options.readOnly ? ' read only' : ''}`;
  const { claimTimeoutMs } = options;
  assert(
    claimTimeoutMs === undefined || (Number.isInteger(claimTimeoutMs) && claimTimeoutMs > 0),
    'a transaction claim timeout is a positive integer of milliseconds',
  );
  const generic = options.genericPlans ? '; set local plan_cache_mode = force_generic_plan' : '';
  return claimTimeoutMs === undefined
    ? `${begin}${generic}`
    : `${begin}; set local idle_in_transaction_session_timeout = ${claimTimeoutMs}; set local client_connection_check_interval = ${claimTimeoutMs}${generic}`;
}

/**
 * Runs `work` in one transaction (READ COMMITTED unless `options` say otherwise) on one pooled
 * connection: commits when `work` resolves, rolls back when it throws. Multi-statement writes lock
 * rows in one fixed order: calls, wallets, subscriptions, campaigns, accounts.
 */
export async function transaction<T>(
  em: EntityManager,
  work: (tx: SqlTransaction) => Promise<T>,
  options: TransactionOptions = {},
): Promise<T> {
  const opening = openingStatement(options);
  return withConnection(em, async (connection) => {
    await connection.query(opening);
    try {
      const result = await work(new SqlTransaction(connection));
      await connection.query('commit');
      return result;
    } catch (error) {
      // A lost connection has no transaction left to roll back (PostgreSQL rolled it back), and a
      // rollback sent on it would wait for the client's query timeout.
      if (!isConnectionLost(error)) await connection.query('rollback').catch(() => {});
      throw error;
    }
  });
}

/**
 * Sends statements of a {@link pipelinedTransaction} in one round trip. `send` starts them, in
 * order, and returns their promises: each must send its statement before its first `await` (every
 * {@link Query} method does, and so do helpers that run one such method first thing). Resolves with
 * their results once PostgreSQL has answered all of them; throws the first error (PostgreSQL
 * answers the statements after a failed one "transaction aborted", and the commit, if sent, rolls back).
 * `commit: true` sends the commit behind them.
 */
export type RoundTrip = <const Sent extends readonly Promise<unknown>[]>(
  send: () => Sent,
  options?: { commit?: boolean },
) => Promise<{ -readonly [K in keyof Sent]: Awaited<Sent[K]> }>;

/** The node-postgres parts pipelining needs: its pipeline switch (read per query sent) and its socket. */
interface PipelinedClient {
  pipeline: boolean;
  connection: { stream: { cork(): void; uncork(): void } };
}

/**
 * {@link transaction} for hot multi-statement writes (call set-up batches): `work` sends its
 * statements in a few round trips ({@link RoundTrip}) instead of one each, so the rows it locks are
 * held across fewer network waits. The `begin` goes with the first round trip, the `commit` with the
 * one that asks for it (or alone after `work`). Uses node-postgres's pipeline mode (every message
 * written at once, each statement still its own Sync, so a failed one only aborts the transaction),
 * switched on only while a round trip is in flight on this connection, which the transaction owns.
 * READ COMMITTED; `options.claimTimeoutMs` as in {@link transaction} (its settings go with the `begin`).
 * Rolls back when `work` or a round trip throws.
 */
export async function pipelinedTransaction<T>(
  em: EntityManager,
  work: (tx: SqlTransaction, roundTrip: RoundTrip) => Promise<T>,
  options: Pick<TransactionOptions, 'claimTimeoutMs' | 'genericPlans'> = {},
): Promise<T> {
  const opening = openingStatement(options);
  return withConnection(em, async (connection) => {
    const tx = new SqlTransaction(connection, false);
    let committed = false;
    const client = connection as unknown as PipelinedClient;
    const roundTrip = (async (send: () => readonly Promise<unknown>[], options: { commit?: boolean } = {}) => {
      assert(!committed, 'nothing is sent after the commit');
      assert(!client.pipeline, 'one round trip at a time');
      const sent: Promise<unknown>[] = [];
      let statements = 0;
      let sendError: unknown;
      client.pipeline = true;
      client.connection.stream.cork();
      try {
        if (!tx.begun) {
          sent.push(connection.query(opening));
          tx.begun = true;
        }
        const own = send();
        statements = own.length;
        sent.push(...own);
        if (options.commit) {
          sent.push(connection.query('commit'));
          committed = true;
        }
      } catch (error) {
        sendError = error;
      } finally {
        client.connection.stream.uncork();
      }
      // Whatever went out is answered before the connection leaves pipeline mode.
      const settled = await Promise.allSettled(sent);
      client.pipeline = false;
      if (sendError !== undefined) throw sendError;
      const failed = settled.find((outcome) => outcome.status === 'rejected');
      if (failed) throw failed.reason;
      const values = settled.map((outcome) => (outcome as PromiseFulfilledResult<unknown>).value);
      const first = values.length - statements - (options.commit ? 1 : 0);
      return values.slice(first, first + statements);
    }) as RoundTrip;
    try {
      const result = await work(tx, roundTrip);
      if (tx.begun && !committed) await connection.query('commit');
      return result;
    } catch (error) {
      // As in transaction(): a lost connection has nothing to roll back. After a commit that was
      // sent (and answered "rollback" or an error) the rollback is a harmless no-op.
      if (tx.begun && !isConnectionLost(error)) await connection.query('rollback').catch(() => {});
      throw error;
    }
  });
}
