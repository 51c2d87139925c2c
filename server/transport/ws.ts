import type http from 'node:http';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import { WebSocketServer } from 'ws';
import { useServer } from 'graphql-ws/use/ws';
import type { Config } from '../config.js';
import type { Context } from '../context.js';
import type { Principal } from '../domain/accounts/principal.js';
import type { Events } from '../events/events.js';
import { formatError } from '../graphql/format-error.js';
import { principalFor } from './principal-for.js';

/** graphql-ws close code for a credential that is missing, unknown or revoked. */
export const CLOSE_CODE_FORBIDDEN = 4403;

/**
 * graphql-ws on the HTTP server's port and path. The API key travels in
 * `connectionParams.authorization` ("Bearer …"): checked in onConnect (4403 Forbidden when bad),
 * and again before every operation, so a key revoked while its socket is open gets nothing more
 * through it: the operation is refused UNAUTHENTICATED and the socket closed with 4403.
 */
export function attachWebSocketServer(options: {
  httpServer: http.Server;
  schema: GraphQLSchema;
  config: Config;
  /** How credentials are resolved, shared with HTTP (same cache). */
  auth: Parameters<typeof principalFor>[0];
  events: Events;
}): { dispose(): Promise<void> } {
  const wsServer = new WebSocketServer({ server: options.httpServer, path: '/graphql' });
  const principals = new WeakMap<object, Principal>();
  const authorizationOf = (params: Record<string, unknown> | undefined) =>
    typeof params?.authorization === 'string' ? params.authorization : undefined;
  const cleanup = useServer<Record<string, unknown> | undefined>(
    {
      schema: options.schema,
      connectionInitWaitTimeout: options.config.connectionInitWaitTimeoutMs,
      onConnect: async (ctx) => {
        try {
          principals.set(ctx.extra, await principalFor(options.auth, authorizationOf(ctx.connectionParams)));
          return true;
        } catch {
          return false;
        }
      },
      onSubscribe: async (ctx) => {
        try {
          principals.set(ctx.extra, await principalFor(options.auth, authorizationOf(ctx.connectionParams)));
          return undefined;
        } catch (error) {
          // Answer this operation first, then hang up: the client learns why before the close.
          setImmediate(() => ctx.extra.socket.close(CLOSE_CODE_FORBIDDEN, 'Forbidden'));
          return [error instanceof GraphQLError ? error : new GraphQLError('Internal server error')];
        }
      },
      // Apollo's formatError does not run here: give socket clients the same codes and masking as HTTP.
      onNext: (_ctx, _id, _payload, _args, result) =>
        result.errors ? { ...result, errors: result.errors.map((error) => formatError(error.toJSON(), error)) } : undefined,
      onError: (_ctx, _id, _payload, errors) => errors.map((error) => formatError(error.toJSON(), error)),
      context: (ctx): Context => ({
        em: options.auth.orm.em.fork(),
        principal: principals.get(ctx.extra)!,
        config: options.config,
        credentialCache: options.auth.credentialCache,
        events: options.events,
        closeSocket: (code, reason) => ctx.extra.socket.close(code, reason),
      }),
    },
    wsServer,
  );
  return {
    dispose: async () => {
      await cleanup.dispose();
    },
  };
}
