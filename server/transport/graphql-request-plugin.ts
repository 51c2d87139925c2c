import type {
  ApolloServerPlugin,
  GraphQLRequestContextDidResolveOperation,
  GraphQLRequestContextExecutionDidStart,
  GraphQLRequestContextWillSendResponse,
} from '@apollo/server';
import { getOperationAST } from 'graphql';
import type { Config } from '../config.js';
import type { Context } from '../context.js';
import { inputErrorsOf } from '../graphql/input-check.js';
import type { ValidatedDocuments } from '../graphql/validated-documents.js';
import { mutationPoints, queryCost, queryTooComplexError } from '../graphql/query-limits.js';
import type { GraphqlHttpMeter } from '../metrics/graphql-metrics.js';
import { HeavyQueryTurns } from './rate-limits/heavy-queries.js';
import { rateLimitedError, rateLimitKey, type RateLimits } from './rate-limits/rate-limits.js';
import type { RateLimited } from './rate-limits/shared-budget.js';

/** Options of {@link graphqlRequestPlugin}. */
export interface GraphqlRequestPluginOptions {
  config: Config;
  /** The per-key budgets; a query's cost and a mutation's points are charged once the operation is known. */
  rateLimits: RateLimits;
  /** The metrics of GraphQL over HTTP; absent when metrics are off. */
  meter?: GraphqlHttpMeter<Context>;
  /** The Retry-After of a retryable answer (HTTP 503), in seconds. */
  retryAfterSeconds: number;
  /**
   * Where each document that reached its operation's checks (Apollo parsed and validated it) is
   * remembered by its text, for the known-document path (known-document-path.ts). Absent: none kept.
   */
  documents?: ValidatedDocuments;
}

/** What {@link GraphqlRequestListener.didResolveOperation} reads of Apollo's request context. */
export type ResolvedRequest = Pick<
  GraphQLRequestContextDidResolveOperation<Context>,
  'contextValue' | 'operation' | 'document' | 'operationName' | 'request' | 'schema' | 'source'
>;

/**
 * The request listener's hooks, typed by what each reads, so that the known-document path
 * (known-document-path.ts), which runs a request without Apollo's pipeline, calls the very same
 * functions at the same points. Every hook here is one the known-document path calls: a hook added
 * here must be called there too (test/transport/known-document-path.test.ts checks the list).
 */
export interface GraphqlRequestListener {
  didResolveOperation(requestContext: ResolvedRequest): Promise<void>;
  executionDidStart(requestContext: Pick<GraphQLRequestContextExecutionDidStart<Context>, 'contextValue'>): Promise<void>;
  willSendResponse(requestContext: Pick<GraphQLRequestContextWillSendResponse<Context>, 'contextValue' | 'response'>): Promise<void>;
}

/** The request plugin with its listener and start hook exposed (for the known-document path). */
export interface GraphqlRequestPlugin extends ApolloServerPlugin<Context> {
  /** requestDidStart's own work (the metrics' start), without the promise Apollo needs. */
  started(contextValue: Context): void;
  /** The one listener every request gets. */
  listener: GraphqlRequestListener;
}

/**
 * Every check and count an HTTP GraphQL request gets from Apollo's hooks, as one plugin with one
 * listener shared by all requests (each request's state is kept by its context), in this order:
 *  - the metrics' start (requestDidStart) and label (once the operation is resolved);
 *  - the query cost (`queryCostMax`, QUERY_TOO_COMPLEX), then NUL characters in any argument
 *    (BAD_USER_INPUT), then the per-key budgets (RATE_LIMITED): refused before anything runs, the first
 *    of them answered; the budgets are charged even when an earlier check refuses (as each check used
 *    to be a plugin of its own, all started at once);
 *  - a heavy query's turn (`heavyQueriesInFlightPerKeyMax`), taken once execution starts;
 *  - HTTP 503 with Retry-After when an error of the answer is retryable (SERVICE_UNAVAILABLE,
 *    OPERATION_TIMEOUT: `extensions.retryable`), so proxies and clients that only look at the status
 *    retry too; then the turn ended and the operation counted.
 * They were five plugins, each of whose async hooks Apollo awaits on every request (a promise per hook
 * and plugin, each paying the AsyncLocalStorage hooks): one listener of synchronous hooks costs a
 * fraction (issue 18, server CPU per request).
 */
export function graphqlRequestPlugin(options: GraphqlRequestPluginOptions): GraphqlRequestPlugin {
  const { config, rateLimits, meter } = options;
  const heavyQueryTurns = new HeavyQueryTurns(config.heavyQueriesInFlightPerKeyMax);
  /** The key of a heavy query whose turn is to be taken, and the end of a turn taken, per request. */
  const heavyKeys = new WeakMap<Context, string>();
  const endTurns = new WeakMap<Context, () => void>();
  const retryAfter = String(options.retryAfterSeconds);
  /** What a hook with nothing to wait for answers: one settled promise for every request (a hook's result must be a promise). */
  const DONE = Promise.resolve();

  /** The budgets' refusal (or none) once charged; the heavy query's key remembered when admitted. */
  const admitted = (contextValue: Context, refusal: RateLimited | undefined, heavy: boolean): void => {
    if (refusal) throw rateLimitedError(refusal);
    const key = rateLimitKey(contextValue.principal);
    if (heavy && key !== null) heavyKeys.set(contextValue, key);
  };

  const didResolveOperation = (requestContext: ResolvedRequest): Promise<void> => {
    const { contextValue, operation, document, operationName, request, schema } = requestContext;
    // Apollo parsed and validated this text (validation depends on the text alone): later requests
    // sending it may take the known-document path.
    options.documents?.set(requestContext.source, document);
    meter?.resolved(contextValue, document, operation);
    // The cost is counted once, for the limit and for the budget (a query's cost is charged). The
    // limit costs the operation `operationName` names (the only one when null), as it always did,
    // even where Apollo resolved none (an operation name the document lacks: execution refuses it).
    const cost =
      operation || getOperationAST(document, operationName)
        ? queryCost(schema, document, operationName, request.variables, config)
        : undefined;
    const costError =
      cost !== undefined && cost > config.queryCostMax
        ? queryTooComplexError(
            'queryCostMax',
            config.queryCostMax,
            `Query cost limit of ${config.queryCostMax} exceeded, found ${cost} (queryCostMax)`,
          )
        : undefined;
    const firstError = costError ?? inputErrorsOf(schema, document, operationName, request.variables)[0];
    if (!rateLimits.enabled) return firstError ? Promise.reject(firstError) : DONE;
    const type = operation?.operation ?? 'query';
    const queryCostCharged = type === 'query' && operation ? cost : undefined;
    const points = type === 'mutation' ? mutationPoints(document, operationName, request.variables) : undefined;
    const heavy = queryCostCharged !== undefined && queryCostCharged >= config.heavyQueryCostMin;
    const charged = rateLimits.chargeOperation(contextValue.principal, type, queryCostCharged, points);
    if (charged instanceof Promise) {
      if (!firstError) return charged.then((refusal) => admitted(contextValue, refusal, heavy));
      // The refusal above is the answer; the budget's store still counts the operation.
      charged.catch(() => {});
      return Promise.reject(firstError);
    }
    if (firstError) return Promise.reject(firstError);
    try {
      admitted(contextValue, charged, heavy);
    } catch (error) {
      return Promise.reject(error);
    }
    return DONE;
  };

  const listener: GraphqlRequestListener = {
    didResolveOperation,
    // The turn is taken once execution starts, so no other check can refuse the request meanwhile.
    executionDidStart: ({ contextValue }) => {
      const key = heavyKeys.get(contextValue);
      if (key === undefined) return DONE;
      return heavyQueryTurns.take(key).then((endTurn) => {
        endTurns.set(contextValue, endTurn);
      });
    },
    willSendResponse: ({ contextValue, response }) => {
      if (response.body.kind === 'single' && response.body.singleResult.errors?.some((error) => error.extensions?.retryable === true)) {
        response.http.status = 503;
        response.http.headers.set('retry-after', retryAfter);
      }
      const endTurn = endTurns.get(contextValue);
      if (endTurn) {
        endTurns.delete(contextValue);
        endTurn();
      }
      meter?.answered(contextValue, response);
      return DONE;
    },
  };

  const listenerPromise = Promise.resolve(listener);
  const started = (contextValue: Context): void => meter?.started(contextValue);
  return {
    started,
    listener,
    requestDidStart: ({ contextValue }) => {
      started(contextValue);
      return listenerPromise;
    },
    ...(meter
      ? {
          contextCreationDidFail: ({ error }) => {
            meter.contextFailed(error);
            return DONE;
          },
        }
      : {}),
  };
}
