import type { GraphQLResponse } from '@apollo/server';
import {
  getOperationAST,
  type DocumentNode,
  type GraphQLError,
  type GraphQLFormattedError,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import type { ServerOptions } from 'graphql-ws';
import type { Metrics } from './metrics.js';
import { OperationLabels, UNKNOWN_OPERATION, type OperationLabel } from './operation-labels.js';

/** Seconds since `startedAt` (a `process.hrtime.bigint()` reading). */
function secondsSince(startedAt: bigint): number {
  return Number(process.hrtime.bigint() - startedAt) / 1e9;
}

/** The code of the first error of an answer (undefined: no error). */
function firstCode(errors: readonly (GraphQLFormattedError | GraphQLError)[] | undefined): unknown {
  if (!errors || errors.length === 0) return undefined;
  return errors[0]!.extensions?.code ?? 'INTERNAL_SERVER_ERROR';
}

/**
 * The metrics of GraphQL over HTTP, as plain synchronous calls for the request plugin
 * (transport/graphql-request-plugin.ts) to make at Apollo's hooks: counts each operation by root field
 * and outcome (the first error's code as formatError answered it) and times it from Apollo's start of
 * the request (its credential already resolved, its body read) to its answer. A request refused
 * while its context is made (a bad credential, a key over its budget before parsing) is counted with
 * the operation `other`. Each request's start and label are kept by its context: nothing is
 * allocated per request but the start's reading.
 */
export interface GraphqlHttpMeter<TContext extends object> {
  /** Apollo's requestDidStart. */
  started(contextValue: TContext): void;
  /** Apollo's didResolveOperation. */
  resolved(contextValue: TContext, document: DocumentNode | undefined, operation: OperationDefinitionNode | null | undefined): void;
  /** Apollo's willSendResponse. */
  answered(contextValue: TContext, response: GraphQLResponse): void;
  /** Apollo's contextCreationDidFail. */
  contextFailed(error: unknown): void;
}

/** The {@link GraphqlHttpMeter} of `metrics` for `schema`'s operations. */
export function graphqlHttpMeter<TContext extends object>(metrics: Metrics, schema: GraphQLSchema): GraphqlHttpMeter<TContext> {
  const labels = new OperationLabels(schema);
  const startedAt = new WeakMap<TContext, bigint>();
  const labelOf = new WeakMap<TContext, OperationLabel>();
  return {
    started: (contextValue) => {
      startedAt.set(contextValue, process.hrtime.bigint());
    },
    resolved: (contextValue, document, operation) => {
      labelOf.set(contextValue, labels.of(document, operation));
    },
    answered: (contextValue, response) => {
      const body = response.body;
      const errors = body.kind === 'single' ? body.singleResult.errors : body.initialResult.errors;
      const label = labelOf.get(contextValue) ?? UNKNOWN_OPERATION;
      const started = startedAt.get(contextValue);
      metrics.observeOperation(
        'http',
        label.type,
        label.operation,
        firstCode(errors),
        started === undefined ? undefined : secondsSince(started),
      );
    },
    contextFailed: (error) => {
      metrics.observeOperation('http', UNKNOWN_OPERATION.type, UNKNOWN_OPERATION.operation, codeOf(error), undefined);
    },
  };
}

function codeOf(error: unknown): unknown {
  return (error as { extensions?: { code?: unknown } } | null)?.extensions?.code ?? 'INTERNAL_SERVER_ERROR';
}

/** One socket operation being measured. */
interface SocketOperation {
  startedAt: bigint;
  label: OperationLabel;
  /** Counted already (its first answer, or its subscription's setup). */
  answered: boolean;
  /** A live subscription counted in `subscriptionsActive`. */
  subscribed: boolean;
}

function isAsyncIterable(value: unknown): boolean {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}

/**
 * graphql-ws's options with metrics around the given hooks (which run first, unchanged): each
 * operation counted and timed by root field and outcome as on HTTP (a subscription when it is set
 * up, or refused), live subscriptions counted until they complete or their socket closes, and the
 * open sockets read from `webSocketServer` at each scrape. Without `metrics`, `options` as they are.
 */
export function withSocketMetrics<P extends Record<string, unknown> | undefined, E>(
  metrics: Metrics | undefined,
  webSocketServer: { clients: Set<unknown> },
  options: ServerOptions<P, E>,
): ServerOptions<P, E> {
  if (!metrics) return options;
  metrics.watch({ openSockets: () => webSocketServer.clients.size });
  const labels = options.schema && typeof options.schema !== 'function' ? new OperationLabels(options.schema) : undefined;
  const operations = new WeakMap<object, Map<string, SocketOperation>>();
  const operationsOf = (ctx: object) => {
    let open = operations.get(ctx);
    if (!open) {
      open = new Map();
      operations.set(ctx, open);
    }
    return open;
  };
  const answer = (operation: SocketOperation | undefined, code: unknown) => {
    if (!operation || operation.answered) return;
    operation.answered = true;
    metrics.observeOperation('ws', operation.label.type, operation.label.operation, code, secondsSince(operation.startedAt));
  };
  const end = (ctx: object, id: string) => {
    const operation = operations.get(ctx)?.get(id);
    if (!operation) return;
    operations.get(ctx)!.delete(id);
    if (operation.subscribed) metrics.subscriptionsActive.dec();
  };
  return {
    ...options,
    onSubscribe: async (ctx, id, payload) => {
      const operation: SocketOperation = {
        startedAt: process.hrtime.bigint(),
        label: UNKNOWN_OPERATION,
        answered: false,
        subscribed: false,
      };
      operationsOf(ctx).set(id, operation);
      const result = await options.onSubscribe?.(ctx, id, payload);
      if (result && !Array.isArray(result) && labels) {
        const args = result as { document: Parameters<OperationLabels['of']>[0]; operationName?: string | null };
        operation.label = labels.of(args.document, args.document ? getOperationAST(args.document, args.operationName ?? undefined) : null);
      }
      return result;
    },
    onOperation: async (ctx, id, payload, args, result) => {
      const replaced = await options.onOperation?.(ctx, id, payload, args, result);
      const operation = operations.get(ctx)?.get(id);
      if (operation && isAsyncIterable(replaced ?? result) && !operation.answered) {
        answer(operation, undefined);
        operation.subscribed = true;
        metrics.subscriptionsActive.inc();
      }
      return replaced;
    },
    onNext: async (ctx, id, payload, args, result) => {
      const formatted = await options.onNext?.(ctx, id, payload, args, result);
      answer(operations.get(ctx)?.get(id), firstCode((formatted ?? result).errors));
      return formatted;
    },
    onError: async (ctx, id, payload, errors) => {
      const formatted = await options.onError?.(ctx, id, payload, errors);
      answer(operations.get(ctx)?.get(id), firstCode(formatted ?? errors));
      // An operation refused before it ran gets no onComplete.
      const operation = operations.get(ctx)?.get(id);
      if (operation && !operation.subscribed) operations.get(ctx)!.delete(id);
      return formatted;
    },
    onComplete: async (ctx, id, payload) => {
      await options.onComplete?.(ctx, id, payload);
      end(ctx, id);
    },
    onClose: async (ctx, code, reason) => {
      await options.onClose?.(ctx, code, reason);
      for (const id of [...(operations.get(ctx)?.keys() ?? [])]) end(ctx, id);
      operations.delete(ctx);
    },
  };
}
