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
import { credentialIdentity, type DashboardCredential } from '../utils/dashboard-screen.js';
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
  /**
   * What to connect with at first: an API key (sent as `connectionParams.authorization`) or the
   * dashboard session (the browser's cookie rides on the same-origin handshake: no params). Null
   * or absent for none. Takes precedence over `apiKey`.
   */
  credential?: DashboardCredential | null;
  /** Shorthand for `credential: { kind: 'api-key', apiKey }`; null for none. */
  apiKey?: string | null;
  /**
   * Called once when the server closes the socket of the credential in use with 4403 (an API key
   * revoked, a session signed out elsewhere or expired): the socket gives up on that credential.
   * Not called for a credential already replaced or disposed.
   */
  onForbidden?: (credential: DashboardCredential) => void;
  /** Makes the graphql-ws client; tests pass a fake or a Node `webSocketImpl`. @default graphql-ws createClient */
  createClient?: (options: ClientOptions) => Client;
}

/** The dashboard's WebSocket: one graphql-ws client per credential, and the state of its connection. */
export interface LiveSocket {
  /** Terminating link for subscription operations: sends them over the current credential's socket. */
  readonly link: ApolloLink;
  /**
   * Uses another credential: the previous one's client is disposed (its subscriptions complete, its
   * socket closes) and, unless `credential` is null (signed out), a new one is made. The same
   * credential again changes nothing, except after a refusal (4403), when it makes a fresh client.
   */
  setCredential(credential: DashboardCredential | null): void;
  /** `setCredential` for an API key (null: none). */
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

/** One credential's graphql-ws client and what the live socket tracks of it. */
class CredentialSession {
  /** True once the server refused the credential: the link answers with an error instead of reconnecting. */
  refused = false;
  readonly client: Client;
  readonly link: GraphQLWsLink;
  private pongTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    readonly credential: DashboardCredential,
    url: string,
    makeClient: (options: ClientOptions) => Client,
    report: (from: CredentialSession, event: ConnectionEvent) => void,
  ) {
    const rawClient = makeClient({
      url,
      // A session socket sends no params: the browser adds the cookie to the same-origin handshake,
      // and an authorization param would win over it.
      ...(credential.kind === 'api-key' ? { connectionParams: { authorization: `Bearer ${credential.apiKey}` } } : {}),
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
 * The WebSocket side of the dashboard. Each credential gets its own graphql-ws client (lazy: it
 * opens a socket when the first subscription starts, and closes it {@link LAZY_CLOSE_TIMEOUT_MS}
 * after the last one ends): an API key goes in `connectionParams.authorization`; a session sends
 * no params (its cookie rides on the handshake). Lost sockets are reopened forever with
 * exponential back-off (1 s … 30 s, jittered); subscriptions that declare `$afterSequence` resume
 * after the last sequence they delivered (apollo/resumable-subscriptions.ts). A 4403 (unknown or
 * revoked key, ended session) is final for that credential: no retry, status "revoked", and
 * `onForbidden` is told.
 */
export function createLiveSocket(options: LiveSocketOptions): LiveSocket {
  const makeClient = options.createClient ?? createClient;
  let session: CredentialSession | null = null;
  let status: ConnectionStatus = INITIAL_CONNECTION_STATUS;
  const listeners = new Set<() => void>();

  const setStatus = (next: ConnectionStatus) => {
    if (next === status) return;
    status = next;
    for (const listener of [...listeners]) listener();
  };
  const report = (from: CredentialSession, event: ConnectionEvent) => {
    // A disposed client's last events (its closing socket) must not overwrite the new credential's status.
    if (from !== session) return;
    const next = nextConnectionStatus(status, event);
    const refusedNow = status.state !== 'revoked' && next.state === 'revoked';
    setStatus(next);
    // After the status, so a listener of onForbidden that replaces the credential starts from a clean status.
    if (refusedNow && from === session) options.onForbidden?.(from.credential);
  };
  const replaceSession = (credential: DashboardCredential | null) => {
    session?.dispose();
    session = credential === null ? null : new CredentialSession(credential, options.url, makeClient, report);
    setStatus(INITIAL_CONNECTION_STATUS);
  };

  const link = new ApolloLink((operation) => {
    const current = session;
    if (current === null) {
      return new Observable((observer) =>
        observer.error(new LiveSocketUnavailableError('No API key or session in use: live updates are off.')),
      );
    }
    if (current.refused) {
      const what = current.credential.kind === 'api-key' ? 'this API key' : 'this session';
      return new Observable((observer) =>
        observer.error(new LiveSocketUnavailableError(`The server refused ${what} on the live connection (4403).`)),
      );
    }
    return current.link.request(operation);
  });

  const setCredential = (credential: DashboardCredential | null) => {
    if (
      session !== null &&
      credential !== null &&
      credentialIdentity(session.credential) === credentialIdentity(credential) &&
      !session.refused
    )
      return;
    if (session === null && credential === null) return;
    replaceSession(credential);
  };

  replaceSession(
    options.credential !== undefined ? options.credential : options.apiKey ? { kind: 'api-key', apiKey: options.apiKey } : null,
  );

  return {
    link,
    setCredential,
    setApiKey: (apiKey) => setCredential(apiKey === null ? null : { kind: 'api-key', apiKey }),
    getStatus: () => status,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose: () => replaceSession(null),
  };
}
