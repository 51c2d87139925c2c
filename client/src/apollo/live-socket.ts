import { ApolloLink } from '@apollo/client';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { createClient, type Client, type ClientOptions } from 'graphql-ws';
import { Observable } from 'rxjs';
import {
  CLOSE_CODE_FORBIDDEN,
  INITIAL_CONNECTION_STATUS,
  nextConnectionStatus,
  type ConnectionEvent,
  type ConnectionStatus,
} from '../utils/connection-status.js';
import { reconnectDelayMs } from '../utils/reconnect-delay.js';
import { withResumableSubscriptions } from './resumable-subscriptions.js';

/**
 * How long the socket stays open after the last subscription ends, in milliseconds. Switching
 * wallets ends two subscriptions and starts two others a render later: without this grace the
 * socket would close and reopen each time. @default 3000
 */
export const LAZY_CLOSE_TIMEOUT_MS = 3_000;

/** How often the client pings an otherwise quiet socket, in milliseconds. @default 15000 */
export const KEEP_ALIVE_INTERVAL_MS = 15_000;

/**
 * How long a ping may wait for its pong before the socket is taken for dead and dropped (graphql-ws
 * then reconnects and the subscriptions resume), in milliseconds. Without it a socket whose network
 * vanished silently (a laptop waking up, a changed Wi-Fi) would show "Live" for minutes. @default 5000
 */
export const PONG_TIMEOUT_MS = 5_000;

/**
 * How long the server may take to acknowledge a connection, in milliseconds, before the socket is
 * closed (4504) and opened again. @default 10000
 */
export const CONNECTION_ACK_TIMEOUT_MS = 10_000;

/** Options of {@link createLiveSocket}. */
export interface LiveSocketOptions {
  /** `ws://` or `wss://` address of the GraphQL endpoint (see utils/web-socket-url.ts). */
  url: string;
  /** The key to connect with at first; null for none. */
  apiKey: string | null;
  /** Makes the graphql-ws client; tests pass a fake or a Node `webSocketImpl`. @default graphql-ws createClient */
  createClient?: (options: ClientOptions) => Client;
}

/** The dashboard's WebSocket: one graphql-ws client per API key, and the state of its connection. */
export interface LiveSocket {
  /** Terminating link for subscription operations: sends them over the current key's socket. */
  readonly link: ApolloLink;
  /**
   * Uses another key: the previous key's client is disposed (its subscriptions complete, its socket
   * closes) and, unless `apiKey` is null (signed out), a new one is made. The same key again changes
   * nothing, except after a refusal (4403), when it makes a fresh client.
   */
  setApiKey(apiKey: string | null): void;
  /** The connection's state, for `useSyncExternalStore`. */
  getStatus(): ConnectionStatus;
  /** Calls `listener` after every status change; returns the function that stops it. */
  subscribe(listener: () => void): () => void;
  /** Disposes the current client; the link then refuses subscriptions. */
  dispose(): void;
}

/** What the link answers when there is no client to send a subscription through. */
export class LiveSocketUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LiveSocketUnavailableError';
  }
}

function closeCodeOf(event: unknown): number | null {
  const code: unknown = typeof event === 'object' && event !== null ? (event as { code?: unknown }).code : undefined;
  return typeof code === 'number' ? code : null;
}

function wait(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}

/** One key's graphql-ws client and what the live socket tracks of it. */
class KeySession {
  /** True once the server refused the key: the link answers with an error instead of reconnecting. */
  refused = false;
  readonly client: Client;
  readonly link: GraphQLWsLink;
  private pongTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    readonly apiKey: string,
    url: string,
    makeClient: (options: ClientOptions) => Client,
    report: (from: KeySession, event: ConnectionEvent) => void,
  ) {
    const rawClient = makeClient({
      url,
      connectionParams: { authorization: `Bearer ${apiKey}` },
      lazy: true,
      lazyCloseTimeout: LAZY_CLOSE_TIMEOUT_MS,
      keepAlive: KEEP_ALIVE_INTERVAL_MS,
      connectionAckWaitTimeout: CONNECTION_ACK_TIMEOUT_MS,
      retryAttempts: Number.POSITIVE_INFINITY,
      retryWait: (retries) => wait(reconnectDelayMs(retries, Math.random())),
      // graphql-ws' default retries only close events, but a socket that fails to open reports an
      // error event first: retry both, except a refused key.
      shouldRetry: (errorOrCloseEvent) => closeCodeOf(errorOrCloseEvent) !== CLOSE_CODE_FORBIDDEN,
      on: {
        connecting: (retry) => report(this, { type: 'connecting', retry }),
        connected: () => report(this, { type: 'connected' }),
        closed: (event) => {
          this.stopHeartbeat();
          const code = closeCodeOf(event);
          if (code === CLOSE_CODE_FORBIDDEN) this.refused = true;
          report(this, { type: 'closed', code });
        },
        ping: (received) => {
          if (received) return;
          clearTimeout(this.pongTimer);
          this.pongTimer = setTimeout(() => rawClient.terminate(), PONG_TIMEOUT_MS);
        },
        pong: (received) => {
          if (received) clearTimeout(this.pongTimer);
        },
      },
    });
    this.client = withResumableSubscriptions(rawClient);
    this.link = new GraphQLWsLink(this.client);
  }

  stopHeartbeat(): void {
    clearTimeout(this.pongTimer);
  }

  dispose(): void {
    this.stopHeartbeat();
    void this.client.dispose();
  }
}

/**
 * The WebSocket side of the dashboard. Each key gets its own graphql-ws client (lazy: it opens a
 * socket when the first subscription starts, and closes it {@link LAZY_CLOSE_TIMEOUT_MS} after the
 * last one ends), with the key in `connectionParams.authorization`. Lost sockets are reopened
 * forever with exponential back-off (1 s … 30 s, jittered); subscriptions that declare
 * `$afterSequence` resume after the last sequence they delivered (apollo/resumable-subscriptions.ts).
 * A 4403 (unknown or revoked key) is final for that key: no retry, status "revoked".
 */
export function createLiveSocket(options: LiveSocketOptions): LiveSocket {
  const makeClient = options.createClient ?? createClient;
  let session: KeySession | null = null;
  let status: ConnectionStatus = INITIAL_CONNECTION_STATUS;
  const listeners = new Set<() => void>();

  const setStatus = (next: ConnectionStatus) => {
    if (next === status) return;
    status = next;
    for (const listener of [...listeners]) listener();
  };
  const report = (from: KeySession, event: ConnectionEvent) => {
    // A disposed client's last events (its closing socket) must not overwrite the new key's status.
    if (from === session) setStatus(nextConnectionStatus(status, event));
  };
  const replaceSession = (apiKey: string | null) => {
    session?.dispose();
    session = apiKey === null ? null : new KeySession(apiKey, options.url, makeClient, report);
    setStatus(INITIAL_CONNECTION_STATUS);
  };

  const link = new ApolloLink((operation) => {
    const current = session;
    if (current === null) {
      return new Observable((observer) => observer.error(new LiveSocketUnavailableError('No API key in use: live updates are off.')));
    }
    if (current.refused) {
      return new Observable((observer) =>
        observer.error(new LiveSocketUnavailableError('The server refused this API key on the live connection (4403).')),
      );
    }
    return current.link.request(operation);
  });

  replaceSession(options.apiKey);

  return {
    link,
    setApiKey(apiKey) {
      if (session !== null && session.apiKey === apiKey && !session.refused) return;
      if (session === null && apiKey === null) return;
      replaceSession(apiKey);
    },
    getStatus: () => status,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose: () => replaceSession(null),
  };
}
