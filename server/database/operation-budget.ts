import { AsyncLocalStorage } from 'node:async_hooks';
import { assert, OperationTimeoutError } from '../errors.js';
import { outsideRequestLogFields } from '../logging/logger.js';

/**
 * Bounded execution of client operations (GraphQL over HTTP and WebSocket).
 *
 * The transports run each operation inside {@link runOperation}, which puts an
 * {@link OperationBudget} in an AsyncLocalStorage: a deadline, and a cap on the pooled database
 * connections the operation may hold at once. {@link governConnections} wraps the pool's
 * acquireConnection/releaseConnection (the ORM's knex client, which sql.ts and statement-batcher.ts
 * use too), so that a connection taken inside an operation
 *   1. is refused with OPERATION_TIMEOUT once the deadline has passed (remaining work never starts),
 *   2. waits (it is not refused) while the operation already holds `connectionsMax`, and
 *   3. waits while requests together hold `requestConnectionsMax` (pool size − reserved), so the
 *      reserved connections are always there for background work: the billing clock, the outbox
 *      tail, consumers and jobs, which run outside any operation and go straight to the pool.
 * Both waits end at the deadline with OPERATION_TIMEOUT, so nothing waits forever.
 *
 * Work an operation starts but does not own (group-commit batches, wake-ups of the tail and the
 * jobs, hub reads) runs {@link outsideOperation}: it is neither capped nor cut by the deadline.
 */

/** What a client operation may still do. */
export class OperationBudget {
  /** 'running': counted; 'expired': refused; 'finished': done or detached (later work goes straight to the pool). */
  state: 'running' | 'expired' | 'finished' = 'running';
  /** Resolves when the deadline passes while the operation runs. */
  readonly expired: Promise<void>;
  readonly deadlineMs: number;
  /** When the deadline passes, in `Date.now()` milliseconds. */
  readonly expiresAtMs: number;
  private readonly waiters: Waiter[] = [];
  private readonly timer: NodeJS.Timeout;
  private onExpired!: () => void;

  constructor(options: { deadlineMs: number; connectionsMax: number }) {
    assert(Number.isInteger(options.connectionsMax) && options.connectionsMax >= 1, 'connectionsMax is a positive integer');
    this.deadlineMs = options.deadlineMs;
    this.expiresAtMs = Date.now() + options.deadlineMs;
    this.perOperation = new Semaphore(options.connectionsMax);
    this.expired = new Promise<void>((resolve) => (this.onExpired = resolve));
    this.timer = setTimeout(() => this.expire(), options.deadlineMs);
    this.timer.unref();
  }

  /** The operation's own cap on connections held at once. */
  readonly perOperation: Semaphore;

  /** The error the operation's refused work gets. */
  timeoutError(): OperationTimeoutError {
    return new OperationTimeoutError(`The operation ran past its ${this.deadlineMs} ms deadline`, {
      deadlineMs: this.deadlineMs,
      retryable: true,
    });
  }

  /** Ends the budget: later database work in its context is background work, uncapped. */
  finish(): void {
    clearTimeout(this.timer);
    if (this.state === 'running') this.state = 'finished';
  }

  private expire(): void {
    if (this.state !== 'running') return;
    this.state = 'expired';
    // The deadline's answer first: it must win the race against the refusals below.
    this.onExpired();
    for (const waiter of this.waiters.splice(0)) waiter.reject(this.timeoutError());
  }

  /** Waits (until the deadline) for `semaphore`; the wait is cancelled with OPERATION_TIMEOUT at expiry. */
  wait(semaphore: Semaphore): Promise<void> {
    if (this.state === 'expired') return Promise.reject(this.timeoutError());
    if (semaphore.tryAcquire()) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        resolve: () => {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          resolve();
        },
        reject: (error) => {
          semaphore.cancel(waiter);
          reject(error);
        },
      };
      this.waiters.push(waiter);
      semaphore.enqueue(waiter);
    });
  }
}

interface Waiter {
  resolve(): void;
  reject(error: unknown): void;
}

/** A counting semaphore that serves waiters in arrival order. */
export class Semaphore {
  private inUse = 0;
  private readonly queue: Waiter[] = [];

  constructor(readonly size: number) {
    assert(Number.isInteger(size) && size >= 1, 'a semaphore has at least one permit');
  }

  /** Permits taken now. */
  get taken(): number {
    return this.inUse;
  }

  /** Waiters now. */
  get waiting(): number {
    return this.queue.length;
  }

  tryAcquire(): boolean {
    if (this.inUse >= this.size || this.queue.length > 0) return false;
    this.inUse++;
    return true;
  }

  enqueue(waiter: Waiter): void {
    this.queue.push(waiter);
  }

  cancel(waiter: Waiter): void {
    const at = this.queue.indexOf(waiter);
    if (at !== -1) this.queue.splice(at, 1);
  }

  release(): void {
    const next = this.queue.shift();
    // The permit passes straight to the next waiter.
    if (next) next.resolve();
    else this.inUse--;
    assert(this.inUse >= 0, 'a semaphore was released more often than taken');
  }
}

interface OperationScope {
  budget: OperationBudget;
  /** Inside work that holds one of the operation's connections (a transaction of sql.ts): see {@link governConnections}. */
  holding: boolean;
}

const scopes = new AsyncLocalStorage<OperationScope | undefined>();

/** Runs `work` as a client operation under `budget`; finishes the budget when `work` settles. */
export async function runOperation<T>(budget: OperationBudget, work: () => Promise<T>): Promise<T> {
  try {
    return await scopes.run({ budget, holding: false }, work);
  } finally {
    budget.finish();
  }
}

/**
 * Runs `work` under `budget` and answers `onTimeout()` if the deadline passes first. The work then
 * goes on without an audience until its statement in flight ends; its further database work is refused.
 */
export async function runOperationWithDeadline<T>(budget: OperationBudget, work: () => Promise<T>, onTimeout: () => T): Promise<T> {
  const running = scopes.run({ budget, holding: false }, work);
  try {
    return await Promise.race([running, budget.expired.then(onTimeout)]);
  } finally {
    // An operation answered by the deadline may still fail later: nobody is listening any more.
    running.catch(() => {});
    budget.finish();
  }
}

/**
 * Milliseconds left before the current client operation's deadline (0 once it has passed);
 * `Infinity` outside an operation (background work) or once the operation has finished. For waits
 * that should end with an answer of their own before the deadline answers for them.
 */
export function operationTimeLeftMs(): number {
  const budget = scopes.getStore()?.budget;
  if (!budget || budget.state === 'finished') return Number.POSITIVE_INFINITY;
  return Math.max(0, budget.expiresAtMs - Date.now());
}

/**
 * Runs `work` as background work: no operation's caps or deadline apply to what it starts, and
 * its log lines carry no request's id (logging/logger.ts).
 */
export function outsideOperation<T>(work: () => T): T {
  // A run with no store rather than exit(), as outsideRequestLogFields explains (exit() toggles the promise hooks).
  return scopes.run(undefined, () => outsideRequestLogFields(work));
}

/**
 * Runs `work` (which uses a connection the operation already holds) so that a connection it takes
 * besides is not capped: it must never wait for a permit its own operation holds (a cap of N and N
 * transactions each needing one more would wait forever). The deadline still applies.
 */
export function whileHoldingConnection<T>(work: () => T): T {
  const scope = scopes.getStore();
  if (!scope || scope.holding) return work();
  return scopes.run({ budget: scope.budget, holding: true }, work);
}

interface KnexPoolClient {
  acquireConnection(): Promise<unknown>;
  releaseConnection(connection: unknown): Promise<unknown>;
}

/** The governor of one pool, for tests and monitoring. */
export interface ConnectionGovernor {
  /** Connections client operations hold now (capped ones). */
  readonly requestConnectionsHeld: number;
  /** Capped acquisitions waiting for the requests' share of the pool. */
  readonly requestConnectionsWaiting: number;
  /** Acquisitions waiting because their operation holds its `operationConnectionsMax`. */
  readonly operationCapWaiting: number;
  readonly requestConnectionsMax: number;
}

const governors = new WeakMap<object, ConnectionGovernor>();

/**
 * Wraps the pool client's acquireConnection/releaseConnection (once per client) with the
 * operation caps: see the top of this file. Background work (no running operation) is untouched.
 */
export function governConnections(client: KnexPoolClient, options: { requestConnectionsMax: number }): ConnectionGovernor {
  const existing = governors.get(client);
  if (existing) return existing;
  const requests = new Semaphore(options.requestConnectionsMax);
  const acquire = client.acquireConnection.bind(client);
  const release = client.releaseConnection.bind(client);
  /** Capped connections and the budget each counts against. */
  const owners = new Map<unknown, OperationBudget>();
  let operationCapWaiting = 0;

  client.acquireConnection = async () => {
    const scope = scopes.getStore();
    const budget = scope?.budget;
    if (!budget || budget.state === 'finished') return acquire();
    if (budget.state === 'expired') throw budget.timeoutError();
    if (scope.holding) return acquire();
    operationCapWaiting++;
    try {
      await budget.wait(budget.perOperation);
    } finally {
      operationCapWaiting--;
    }
    try {
      await budget.wait(requests);
    } catch (error) {
      budget.perOperation.release();
      throw error;
    }
    let connection: unknown;
    try {
      connection = await acquire();
    } catch (error) {
      budget.perOperation.release();
      requests.release();
      throw error;
    }
    owners.set(connection, budget);
    // The deadline passed while the pool found a connection: the work must not start.
    if ((budget.state as OperationBudget['state']) === 'expired') {
      await client.releaseConnection(connection);
      throw budget.timeoutError();
    }
    return connection;
  };
  client.releaseConnection = (connection) => {
    const budget = owners.get(connection);
    if (budget) {
      owners.delete(connection);
      budget.perOperation.release();
      requests.release();
    }
    return release(connection);
  };
  const governor: ConnectionGovernor = {
    get requestConnectionsHeld() {
      return requests.taken;
    },
    get requestConnectionsWaiting() {
      return requests.waiting;
    },
    get operationCapWaiting() {
      return operationCapWaiting;
    },
    requestConnectionsMax: options.requestConnectionsMax,
  };
  governors.set(client, governor);
  return governor;
}

/** The governor installed on `client`, if any. */
export function connectionGovernorOf(client: object): ConnectionGovernor | undefined {
  return governors.get(client);
}

/** The GraphQL answer of an operation the deadline cut short (HTTP body, or WebSocket `next` payload). */
export function operationTimeoutResult(budget: OperationBudget): {
  data: null;
  errors: { message: string; extensions: Record<string, unknown> }[];
} {
  const error = budget.timeoutError();
  return { data: null, errors: [{ message: error.message, extensions: { code: error.code, ...error.extensions } }] };
}
