import type http from 'node:http';
import type { GraphQLSchema } from 'graphql';
import { WebSocketServer } from 'ws';
import { useServer } from 'graphql-ws/use/ws';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Config } from '../config.js';
import type { Context } from '../context.js';
import type { Principal } from '../domain/accounts/principal.js';
import { principalFor } from './principal-for.js';

/** How long a socket may take to send `connection_init`, in milliseconds. */
export const CONNECTION_INIT_WAIT_TIMEOUT_MS = 3_000;

/**
 * graphql-ws on the HTTP server's port and path. The API key travels in
 * `connectionParams.authorization` ("Bearer …") and is checked once in onConnect: an unknown or
 * revoked key closes the socket with 4403 Forbidden.
 */
export function attachWebSocketServer(options: {
  httpServer: http.Server;
  schema: GraphQLSchema;
  orm: MikroORM;
  config: Config;
  platformAdminToken: string;
}): { dispose(): Promise<void> } {
  const wsServer = new WebSocketServer({ server: options.httpServer, path: '/graphql' });
  const principals = new WeakMap<object, Principal>();
  const cleanup = useServer<Record<string, unknown> | undefined, Record<string, unknown>>(
    {
      schema: options.schema,
      connectionInitWaitTimeout: CONNECTION_INIT_WAIT_TIMEOUT_MS,
      onConnect: async (ctx) => {
        const authorization = ctx.connectionParams?.authorization;
        try {
          principals.set(ctx.extra, await principalFor(options, typeof authorization === 'string' ? authorization : undefined));
          return true;
        } catch {
          return false;
        }
      },
      context: (ctx): Context => ({ em: options.orm.em.fork(), principal: principals.get(ctx.extra)!, config: options.config }),
    },
    wsServer,
  );
  return { dispose: async () => { await cleanup.dispose(); } };
}
