import type http from 'node:http';
import { GraphQLError, parse, specifiedRules, validate, type GraphQLSchema } from 'graphql';
import { WebSocketServer, type WebSocket } from 'ws';
import { executePrepared, type PreparedStatement } from '../database/prepared-statement.js';
import { useServer } from 'graphql-ws/use/ws';
import type { Config } from '../config.js';
import type { Context } from '../context.js';
import type { Principal } from '../domain/accounts/principal.js';
import type { Events } from '../events/events.js';
import type { SpendControl } from '../domain/calls/spend-control.js';
import type { PaymentsRuntime } from '../domain/payments/payments-runtime.js';
import { pgQuery } from '../database/pg-transaction.js';
import { sameOrigin } from './session-cookie.js';
import { formatError } from '../graphql/format-error.js';
import { prepareSocketOperation, queryParseOptions, queryValidationRules, withoutFieldSuggestions } from '../graphql/query-limits.js';
import { principalFor } from './principal-for.js';
import { subscribeSharingExecution } from './shared-subscription-execution.js';
import { createLoaders } from '../graphql/loaders.js';

const REVOKED_KEYS: PreparedStatement = {
  name: 'spendwire_revoked_keys',
  text: 'select id, key_hash from api_key where id = any($1::uuid[]) and revoked_at is not null',
};

/** graphql-ws close code for a credential that is missing, unknown or revoked. */
export const CLOSE_CODE_FORBIDDEN = 4403;

/**
 * graphql-ws on the HTTP server's port and path. The API key travels in
 * `connectionParams.authorization` ("Bearer …"): checked in onConnect (4403 Forbidden when bad),
 * and again before every operation, so a key revoked while its socket is open gets nothing more
 * through it: the operation is refused UNAUTHENTICATED and the socket closed with 4403. Open
 * sockets are also checked every `socketCredentialCheckIntervalMs`, so a socket that only listens
 * is closed (4403) soon after its key is revoked, through any server process. A socket holds at
 * most `subscriptionsPerSocketMax` operations; one more is refused LIMIT_EXCEEDED.
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
}): { dispose(): Promise<void>; closeSessionSockets(sessionId: string): void } {
  const wsServer = new WebSocketServer({ server: options.httpServer, path: '/graphql' });
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
      const revoked = await executePrepared<{ id: string; key_hash: string }>(options.auth.orm.em, REVOKED_KEYS, [keyIds]);
      const revokedIds = new Set(revoked.map((row) => row.id));
      for (const row of revoked) options.auth.credentialCache.forget(row.key_hash);
      for (const [socket, keyId] of sockets) {
        if (keyId !== null && revokedIds.has(keyId)) socket.close(CLOSE_CODE_FORBIDDEN, 'API key revoked');
      }
    } catch (error) {
      console.error('Checking open sockets for revoked API keys failed (retried):', error);
    }
  }

  /** Closes (4403) every socket whose session was signed out (through any process) or has expired. */
  async function closeEndedSessions(): Promise<void> {
    const sessionIds = [...new Set(sessionSockets.values())];
    if (sessionIds.length === 0) return;
    try {
      const ended = await pgQuery<{ id: string }>(
        options.auth.orm.em,
        'select id from user_session where id = any($1::uuid[]) and (revoked_at is not null or expires_at <= now())',
        [sessionIds],
      );
      for (const { id } of ended) closeSessionSockets(id);
    } catch (error) {
      console.error('Checking open sockets for ended sessions failed (retried):', error);
    }
  }

  // The query limits of HTTP (query-limits.ts): onSubscribe parses, validates and costs every
  // operation with them; graphql-ws's own parse and validate get them too, should it ever run them.
  const rules = queryValidationRules(options.config);
  const format = (error: GraphQLError) => {
    const formatted = formatError(error.toJSON(), error);
    return options.config.fieldSuggestionsEnabled ? formatted : withoutFieldSuggestions(formatted);
  };
  const authorizationOf = (params: Record<string, unknown> | undefined) =>
    typeof params?.authorization === 'string' ? params.authorization : undefined;
  const cleanup = useServer<Record<string, unknown> | undefined>(
    {
      schema: options.schema,
      subscribe: subscribeSharingExecution,
      parse: (source) => parse(source, queryParseOptions(options.config)),
      validate: (schema, document) => validate(schema, document, [...specifiedRules, ...rules]),
      connectionInitWaitTimeout: options.config.connectionInitWaitTimeoutMs,
      onConnect: async (ctx) => {
        try {
          const headers = ctx.extra.request.headers;
          const authorization = authorizationOf(ctx.connectionParams);
          // A socket signed in by the session cookie must come from this server's own pages.
          if (!authorization && !sameOrigin(headers.origin, headers.host)) return false;
          const principal = await principalFor(options.auth, authorization, headers.cookie);
          principals.set(ctx.extra, principal);
          const socket = ctx.extra.socket;
          sockets.set(socket, principal.apiKeyId);
          if (principal.sessionId) sessionSockets.set(socket, principal.sessionId);
          socket.once('close', () => {
            sockets.delete(socket);
            sessionSockets.delete(socket);
          });
          return true;
        } catch {
          return false;
        }
      },
      onSubscribe: async (ctx, _id, payload) => {
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
          principals.set(ctx.extra, await principalFor(options.auth, authorizationOf(ctx.connectionParams), ctx.extra.request.headers.cookie));
        } catch (error) {
          // Answer this operation first, then hang up: the client learns why before the close.
          setImmediate(() => ctx.extra.socket.close(CLOSE_CODE_FORBIDDEN, 'Forbidden'));
          return [error instanceof GraphQLError ? error : new GraphQLError('Internal server error')];
        }
        return prepareSocketOperation(options.schema, rules, options.config, payload);
      },
      // Apollo's formatError does not run here: give socket clients the same codes and masking as HTTP.
      onNext: (_ctx, _id, _payload, _args, result) => (result.errors ? { ...result, errors: result.errors.map(format) } : undefined),
      onError: (_ctx, _id, _payload, errors) => errors.map(format),
      context: (ctx): Context => {
        const em = options.auth.orm.em.fork();
        return {
        em,
        principal: principals.get(ctx.extra)!,
        config: options.config,
        credentialCache: options.auth.credentialCache,
        events: options.events,
        spend: options.spend,
        payments: options.payments,
        closeSocket: (code, reason) => ctx.extra.socket.close(code, reason),
        loaders: createLoaders(em),
        };
      },
    },
    wsServer,
  );
  return {
    closeSessionSockets,
    dispose: async () => {
      clearInterval(revocationCheck);
      await cleanup.dispose();
    },
  };
}
