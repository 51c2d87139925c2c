import type http from 'node:http';
import {
  execute,
  getOperationAST,
  GraphQLError,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  type GraphQLSchema,
} from 'graphql';
import { inputErrorsOf, mayHoldNul } from '../graphql/input-check.js';
import { WebSocketServer, type WebSocket } from 'ws';
import { useServer } from 'graphql-ws/use/ws';
import type { Config } from '../config.js';
import type { Context } from '../context.js';
import { fromClientIp, tenantScope, type Principal } from '../domain/accounts/principal.js';
import type { Events } from '../events/events.js';
import type { SpendControl } from '../domain/calls/spend-control.js';
import type { PaymentsRuntime } from '../domain/payments/payments-runtime.js';
import { findRevokedApiKeys } from '../domain/accounts/find-revoked-api-keys.service.js';
import { findEndedSessions } from '../domain/users/find-ended-sessions.service.js';
import { sameOrigin } from './session-cookie.js';
import { formatError, withRequestId } from '../graphql/format-error.js';
import { randomUUID } from 'node:crypto';
import { log, runWithLogFields, setLogPrincipal, type RequestLogFields } from '../logging/logger.js';
import { requestIdOf } from './request-logging.js';
import {
  mutationPoints,
  prepareSocketOperation,
  queryCost,
  queryParseOptions,
  queryValidationRules,
  withoutFieldSuggestions,
} from '../graphql/query-limits.js';
import { principalFor } from './principal-for.js';
import { ValidatedDocuments } from '../graphql/validated-documents.js';
import { subscribeSharingExecution } from './shared-subscription-execution.js';
import { rateLimitedError, rateLimitKey, type RateLimits } from './rate-limits/rate-limits.js';
import type { ClientOperation, StartClientOperation } from './client-operation.js';
import { createLoaders } from '../graphql/loaders.js';
import type { Metrics } from '../metrics/metrics.js';
import { withSocketMetrics } from '../metrics/graphql-metrics.js';

const TIMED_OUT = Symbol('timedOut');

function isAsyncIterator(value: unknown): value is AsyncIterator<unknown> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}

/** OPERATION_TIMEOUT as graphql-ws sends it (formatError passes the code through). */
function timeoutResult(operation: ClientOperation): ExecutionResult {
  const error = operation.timeoutError();
  return { data: null, errors: [new GraphQLError(error.message, { extensions: { code: error.code, ...error.extensions } })] };
}

/**
 * What a subscriber may see of an event, as the resolvers below a subscription's root decide it: its
 * role and the tenant it is confined to ("*" for platform staff). Subscribers share one execution of
 * an event only with the same view (see subscribeSharingExecution).
 */
function subscriberView(contextValue: unknown): string {
  const principal = (contextValue as Context).principal;
  return `${principal.role}:${tenantScope(principal) ?? '*'}`;
}

/** graphql-ws close code for a credential that is missing, unknown or revoked. */
export const CLOSE_CODE_FORBIDDEN = 4403;

/** Close code for a socket over `socketsPerKeyMax` (graphql-ws's "too many requests"). */
export const CLOSE_CODE_TOO_MANY_SOCKETS = 4429;

/**
 * graphql-ws on the HTTP server's port and path. The API key travels in
 * `connectionParams.authorization` ("Bearer …"): checked in onConnect (4403 Forbidden when bad),
 * and again before every operation, so a key revoked while its socket is open gets nothing more
 * through it: the operation is refused UNAUTHENTICATED and the socket closed with 4403. Open
 * sockets are also checked every `socketCredentialCheckIntervalMs`, so a socket that only listens
 * is closed (4403) soon after its key is revoked, through any server process. A socket holds at
 * most `subscriptionsPerSocketMax` operations; one more is refused LIMIT_EXCEEDED.
 *
 * Rate limits (rate-limits/): one key (API key or session) holds at most `socketsPerKeyMax` sockets
 * per process (one more is closed with 4429) and `subscriptionsPerKeyMax` subscriptions over them
 * (one more is refused RATE_LIMITED, the socket stays open); every operation spends the key's
 * query or mutation budget like an HTTP request (over it: RATE_LIMITED with `retryAfterSeconds`).
 */
export function attachWebSocketServer(options: {
  httpServer: http.Server;
  schema: GraphQLSchema;
  config: Config;
  /** How credentials are resolved, shared with HTTP (same cache). */
  auth: Parameters<typeof principalFor>[0];
  events: Events;
  spend: SpendControl;
  payments: PaymentsRuntime;
  rateLimits: RateLimits;
  /** Scopes each operation (deadline, connection cap), as on HTTP. */
  startOperation: StartClientOperation;
  /** The app's metrics: socket operations, subscriptions and open sockets counted. */
  metrics?: Metrics;
}): { dispose(): Promise<void>; closeSessionSockets(sessionId: string): void } {
  // maxPayload: ws reads a frame's length from its header and closes with 1009 (Message Too Big)
  // before buffering the payload; without it, a 50 MB message was buffered and parsed.
  const wsServer = new WebSocketServer({
    server: options.httpServer,
    path: '/graphql',
    maxPayload: options.config.webSocketMessageBytesMax,
  });
  const { startOperation } = options;
  const principals = new WeakMap<object, Principal>();
  /** Open, authenticated sockets and the API key each uses (none for the operator's token). */
  const sockets = new Map<WebSocket, string | null>();
  /** Open sockets signed in with a dashboard session, and the session. */
  const sessionSockets = new Map<WebSocket, string>();

  function closeSessionSockets(sessionId: string): void {
    for (const [socket, id] of sessionSockets) if (id === sessionId) socket.close(CLOSE_CODE_FORBIDDEN, 'Signed out');
  }
  const revocationCheck = setInterval(() => void closeRevokedSockets(), options.config.socketCredentialCheckIntervalMs);
  revocationCheck.unref();

  /** Closes (4403) every socket whose API key has been revoked, through any server process. */
  async function closeRevokedSockets(): Promise<void> {
    await closeEndedSessions();
    const keyIds = [...new Set([...sockets.values()].filter((id): id is string => id !== null))];
    if (keyIds.length === 0) return;
    try {
      const revoked = await findRevokedApiKeys(options.auth.orm.em, keyIds);
      const revokedIds = new Set(revoked.map((key) => key.id));
      for (const key of revoked) options.auth.credentialCache.forget(key.keyHash);
      for (const [socket, keyId] of sockets) {
        if (keyId !== null && revokedIds.has(keyId)) socket.close(CLOSE_CODE_FORBIDDEN, 'API key revoked');
      }
    } catch (error) {
      log.error({ err: error }, 'Checking open sockets for revoked API keys failed (retried)');
    }
  }

  /** Closes (4403) every socket whose session was signed out (through any process) or has expired. */
  async function closeEndedSessions(): Promise<void> {
    const sessionIds = [...new Set(sessionSockets.values())];
    if (sessionIds.length === 0) return;
    try {
      for (const id of await findEndedSessions(options.auth.orm.em, sessionIds)) closeSessionSockets(id);
    } catch (error) {
      log.error({ err: error }, 'Checking open sockets for ended sessions failed (retried)');
    }
  }

  // The query limits of HTTP (query-limits.ts): onSubscribe parses, validates and costs every
  // operation with them; graphql-ws's own parse and validate get them too, should it ever run them.
  const rules = queryValidationRules(options.config);
  const documents = new ValidatedDocuments(options.config.socketDocumentCacheEntriesMax);
  const format = (error: GraphQLError) => {
    const formatted = formatError(error.toJSON(), error);
    return options.config.fieldSuggestionsEnabled ? formatted : withoutFieldSuggestions(formatted);
  };
  // Each socket has an id (its upgrade request's X-Request-Id when well-formed) and each operation
  // on it one of its own: on the operation's log lines (subscribe, complete, error, and whatever its
  // resolvers log) and in its errors' `extensions.requestId`.
  const socketIds = new WeakMap<object, string>();
  const socketOperations = new WeakMap<object, Map<string, { fields: RequestLogFields; startedMs: number }>>();
  const operationOf = (extra: object, id: string) => socketOperations.get(extra)?.get(id);
  /** The log fields of the operation whose context this is (set by `context` below). */
  const fieldsOfContext = new WeakMap<object, RequestLogFields>();
  const formatFor = (extra: object, id: string) => {
    const requestId = operationOf(extra, id)?.fields.requestId;
    return (error: GraphQLError) => withRequestId(format(error), requestId);
  };
  const inScope = <T>(contextValue: unknown, work: () => T): T => {
    const fields = typeof contextValue === 'object' && contextValue !== null ? fieldsOfContext.get(contextValue) : undefined;
    return fields ? runWithLogFields(fields, work) : work();
  };
  const authorizationOf = (params: Record<string, unknown> | undefined) =>
    typeof params?.authorization === 'string' ? params.authorization : undefined;
  // A subscription's setup (checks, first reads) has the deadline; its lifetime does not.
  const subscribeWithDeadline = async (args: ExecutionArgs) => {
    const operation = startOperation();
    const setup = operation.run(() => subscribeSharingExecution(args, subscriberView));
    const first = await Promise.race([setup, operation.expired.then(() => TIMED_OUT)]);
    if (typeof first !== 'symbol') return first;
    // Nobody will read a stream whose setup finishes now: end it so it holds nothing.
    void setup.then((stream) => (isAsyncIterator(stream) ? stream.return?.() : undefined)).catch(() => {});
    return timeoutResult(operation);
  };
  const cleanup = useServer<Record<string, unknown> | undefined>(
    withSocketMetrics(options.metrics, wsServer, {
      schema: options.schema,
      // Queries and mutations on the socket have the same deadline and connection caps as on HTTP.
      execute: (args) =>
        inScope(args.contextValue, () => {
          const operation = startOperation();
          return operation.runWithDeadline(
            async () => execute(args),
            () => timeoutResult(operation),
          );
        }),
      subscribe: (args) => inScope(args.contextValue, () => subscribeWithDeadline(args)),
      parse: (source) => parse(source, queryParseOptions(options.config)),
      validate: (schema, document) => validate(schema, document, [...specifiedRules, ...rules]),
      connectionInitWaitTimeout: options.config.connectionInitWaitTimeoutMs,
      onConnect: async (ctx) => {
        try {
          const headers = ctx.extra.request.headers;
          const authorization = authorizationOf(ctx.connectionParams);
          // A socket signed in by the session cookie must come from this server's own pages.
          if (!authorization && !sameOrigin(headers.origin, headers.host)) return false;
          socketIds.set(ctx.extra, requestIdOf(headers['x-request-id'], options.config.requestIdLengthMax));
          const principal = await principalFor(options.auth, authorization, headers.cookie);
          principals.set(ctx.extra, principal);
          const socket = ctx.extra.socket;
          const key = rateLimitKey(principal);
          const quota = options.rateLimits.sockets;
          if (key !== null && quota && !quota.openSocket(key, ctx)) {
            socket.close(CLOSE_CODE_TOO_MANY_SOCKETS, `At most ${options.config.socketsPerKeyMax} sockets per key (socketsPerKeyMax)`);
            return false;
          }
          sockets.set(socket, principal.apiKeyId);
          if (principal.sessionId) sessionSockets.set(socket, principal.sessionId);
          const release = () => {
            sockets.delete(socket);
            sessionSockets.delete(socket);
            if (key !== null) quota?.closeSocket(key, ctx);
          };
          socket.once('close', release);
          // Closed while the credential was being looked up: its 'close' has already fired.
          if (socket.readyState === socket.CLOSED) release();
          return true;
        } catch {
          return false;
        }
      },
      onSubscribe: async (ctx, id, payload) => {
        const known = principals.get(ctx.extra);
        const fields: RequestLogFields = {
          requestId: randomUUID(),
          socketId: socketIds.get(ctx.extra),
          accountId: known?.accountId,
          apiKeyId: known?.apiKeyId,
        };
        const operations = socketOperations.get(ctx.extra) ?? new Map();
        socketOperations.set(ctx.extra, operations);
        operations.set(id, { fields, startedMs: performance.now() });
        log.info({ ...fields, operationId: id, operationName: payload.operationName ?? undefined }, 'socket operation subscribed');
        // graphql-ws has already registered this operation in ctx.subscriptions.
        const open = Object.keys(ctx.subscriptions).length;
        if (open > options.config.subscriptionsPerSocketMax) {
          return [
            new GraphQLError(`At most ${options.config.subscriptionsPerSocketMax} operations may be open on one socket`, {
              extensions: { code: 'LIMIT_EXCEEDED', limit: 'subscriptionsPerSocketMax', max: options.config.subscriptionsPerSocketMax },
            }),
          ];
        }
        try {
          const principal = fromClientIp(
            await principalFor(options.auth, authorizationOf(ctx.connectionParams), ctx.extra.request.headers.cookie),
            ctx.extra.request.socket.remoteAddress,
          );
          principals.set(ctx.extra, principal);
          setLogPrincipal(fields, principal);
        } catch (error) {
          // Answer this operation first, then hang up: the client learns why before the close.
          setImmediate(() => ctx.extra.socket.close(CLOSE_CODE_FORBIDDEN, 'Forbidden'));
          return [error instanceof GraphQLError ? error : new GraphQLError('Internal server error')];
        }
        // Limits (tokens, depth, aliases, directives, cost) as on HTTP, from one definition (query-limits.ts).
        const prepared = prepareSocketOperation(options.schema, rules, options.config, payload, documents);
        if (Array.isArray(prepared)) return prepared;
        const { document } = prepared as { document: DocumentNode };
        // The same input check as HTTP's (input-check.ts).
        if (mayHoldNul(payload.query, payload.variables)) {
          const inputErrors = inputErrorsOf(options.schema, document, payload.operationName, payload.variables);
          if (inputErrors.length > 0) return inputErrors;
        }
        if (!options.rateLimits.enabled) return prepared;
        const principal = principals.get(ctx.extra)!;
        const operation = getOperationAST(document, payload.operationName ?? undefined)?.operation;
        const key = rateLimitKey(principal);
        // The count first: a subscription refused for it spends nothing of the budget.
        if (operation === 'subscription' && key !== null && !options.rateLimits.sockets!.openSubscription(key, ctx, id)) {
          const max = options.config.subscriptionsPerKeyMax;
          return [
            new GraphQLError(`At most ${max} subscriptions may be open per key`, {
              extensions: { code: 'RATE_LIMITED', limit: 'subscriptionsPerKeyMax', max },
            }),
          ];
        }
        const cost =
          operation === 'query' ? queryCost(options.schema, document, payload.operationName, payload.variables, options.config) : undefined;
        const points = operation === 'mutation' ? mutationPoints(document, payload.operationName, payload.variables) : undefined;
        const refusal = await options.rateLimits.chargeOperation(principal, operation ?? 'query', cost, points);
        if (refusal) return [rateLimitedError(refusal)];
        return prepared;
      },
      // Apollo's formatError does not run here: give socket clients the same codes and masking as HTTP.
      onNext: (ctx, id, _payload, _args, result) =>
        result.errors ? { ...result, errors: result.errors.map(formatFor(ctx.extra, id)) } : undefined,
      onError: (ctx, id, _payload, errors) => {
        const formatted = errors.map(formatFor(ctx.extra, id));
        const operation = operationOf(ctx.extra, id);
        socketOperations.get(ctx.extra)?.delete(id);
        log.info(
          {
            ...operation?.fields,
            operationId: id,
            codes: formatted.map((error) => error.extensions?.code),
            durationMs: operation ? Math.round(performance.now() - operation.startedMs) : undefined,
          },
          'socket operation failed',
        );
        return formatted;
      },
      onComplete: (ctx, id) => {
        const operation = operationOf(ctx.extra, id);
        // A stream that failed was logged by onError, which graphql-ws calls before this.
        if (!operation) return;
        socketOperations.get(ctx.extra)?.delete(id);
        log.info(
          {
            ...operation.fields,
            operationId: id,
            durationMs: Math.round(performance.now() - operation.startedMs),
          },
          'socket operation completed',
        );
      },
      context: (ctx, id): Context => {
        const em = options.auth.orm.em.fork();
        const fields = operationOf(ctx.extra, id)?.fields;
        const value: Context = {
          em,
          principal: principals.get(ctx.extra)!,
          config: options.config,
          credentialCache: options.auth.credentialCache,
          events: options.events,
          spend: options.spend,
          payments: options.payments,
          closeSocket: (code, reason) => ctx.extra.socket.close(code, reason),
          loaders: createLoaders(em, { clock: options.spend.clock, config: options.config }),
        };
        if (fields) fieldsOfContext.set(value, fields);
        return value;
      },
    }),
    wsServer,
  );
  // graphql-ws logs every socket error with its stack as an implementation fault and closes with
  // 4500. A socket's errors are the peer's doing (a frame over maxPayload, already closed by ws with
  // 1009; an invalid frame, 1002; a reset): replace its handler, registered on 'connection' just
  // above, by one that logs one line and closes with the code ws chose.
  wsServer.on('connection', (socket: WebSocket) => {
    socket.removeAllListeners('error');
    socket.on('error', (error: Error & { code?: string }) => {
      log.warn(
        { code: error.code ?? error.name },
        `WebSocket closed on a client error: ${error.code ?? error.name} ${error.message}`.slice(0, 300),
      );
      if (socket.readyState === socket.OPEN) socket.close(1002, 'Protocol error');
    });
  });
  return {
    closeSessionSockets,
    dispose: async () => {
      clearInterval(revocationCheck);
      await cleanup.dispose();
    },
  };
}
