import { currentLogFields } from '../logging/logger.js';
import type { OperationTimeoutError } from '../errors.js';

/**
 * One client operation (a GraphQL request over HTTP or WebSocket) with its budget: a deadline, and
 * a cap on the pooled database connections it holds at once. Transport only scopes operations;
 * the composition root (app.ts) makes them over database/operation-budget.ts, so no transport
 * file imports the database layer.
 */
export interface ClientOperation {
  /** Resolves when the deadline passes while the operation runs. */
  readonly expired: Promise<void>;
  /** The error the operation's refused work gets (OPERATION_TIMEOUT). */
  timeoutError(): OperationTimeoutError;
  /** Runs `work` as this operation (its database work capped, and refused past the deadline); the operation ends when `work` settles. */
  run<T>(work: () => Promise<T>): Promise<T>;
  /**
   * Runs `work` as this operation and answers `onTimeout()` if the deadline passes first; the work
   * then goes on without an audience until its statement in flight ends.
   */
  runWithDeadline<T>(work: () => Promise<T>, onTimeout: () => T): Promise<T>;
}

/** Makes a {@link ClientOperation} with the configured deadline and connection cap. */
export type StartClientOperation = () => ClientOperation;

/** OPERATION_TIMEOUT as a GraphQL result: what the client gets when the deadline passed first. */
export function operationTimeoutResult(operation: ClientOperation): {
  data: null;
  errors: { message: string; extensions: Record<string, unknown> }[];
} {
  const error = operation.timeoutError();
  const requestId = currentLogFields()?.requestId;
  return {
    data: null,
    errors: [
      { message: error.message, extensions: { code: error.code, ...error.extensions, ...(requestId === undefined ? {} : { requestId }) } },
    ],
  };
}
