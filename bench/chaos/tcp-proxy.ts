/**
 * A loopback TCP proxy put in front of a dependency to break the network to it on purpose: the
 * chaos storm's (PostgreSQL, the Stripe sandbox, SMTP, the webhook receiver) and the tests'
 * (test/support/network-cut.ts, between a browser and the server or a server and PostgreSQL).
 * `cut()` resets every open connection and refuses new ones until `restore()`; `stall()` stops
 * moving bytes either way (connections stay open, as behind a hung router or a frozen peer) until
 * `release()`.
 */
import net from 'node:net';

/** A proxy from a loopback port to a target. */
export interface TcpProxy {
  /** The port it listens on (127.0.0.1). */
  port: number;
  /** Resets every open connection and refuses (resets) new ones until {@link restore}. */
  cut(): void;
  /** Lets new connections through again after {@link cut}. */
  restore(): void;
  /**
   * A network that stalls rather than fails: stops passing bytes both ways on every open
   * connection, and accepts new ones without passing anything, until {@link release}. Nothing is
   * reset: each side sees silence.
   */
  stall(): void;
  /** Passes the bytes held back by {@link stall} and everything after; connections closed meanwhile are closed on the other side too. */
  release(): void;
  /** Connections open now. */
  readonly openConnections: number;
  /** Connections accepted and passed on since the start. */
  readonly connectionsPassed: number;
  /** Connections reset by {@link cut} or refused while cut, since the start. */
  readonly connectionsReset: number;
  /** Stops listening and resets what is still open. */
  close(): Promise<void>;
}

interface Pair {
  client: net.Socket;
  upstream: net.Socket;
}

/** Starts a proxy on 127.0.0.1 (a free port, or `port`) to `targetHost`:`targetPort`. */
export async function startTcpProxy(targetHost: string, targetPort: number, port = 0): Promise<TcpProxy> {
  const open = new Set<Pair>();
  let isCut = false;
  let isStalled = false;
  let connectionsPassed = 0;
  let connectionsReset = 0;
  /** Connections accepted while stalled: their upstream side is opened at release. */
  const held: net.Socket[] = [];
  const reset = (socket: net.Socket) => {
    // An RST, not a FIN: the peer learns at once that the connection is gone, without a close handshake.
    if (!socket.destroyed) socket.resetAndDestroy();
  };
  const pass = (client: net.Socket) => {
    connectionsPassed++;
    const pair: Pair = { client, upstream: net.connect(targetPort, targetHost) };
    open.add(pair);
    for (const socket of [pair.client, pair.upstream]) {
      // A failure on either side resets the other: a half-open pair would look alive to one of them.
      // A graceful end travels through the pipes (each side's end ends the other's writes).
      socket.on('error', () => {
        reset(pair.client);
        reset(pair.upstream);
      });
      socket.on('close', () => {
        if (pair.client.destroyed && pair.upstream.destroyed) open.delete(pair);
      });
    }
    pair.client.pipe(pair.upstream);
    pair.upstream.pipe(pair.client);
  };
  const server = net.createServer((client) => {
    if (isCut) {
      connectionsReset++;
      reset(client);
      return;
    }
    if (isStalled) {
      client.pause();
      client.on('error', () => reset(client));
      held.push(client);
      return;
    }
    pass(client);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const resetOpen = () => {
    for (const pair of [...open]) {
      open.delete(pair);
      connectionsReset++;
      reset(pair.client);
      reset(pair.upstream);
    }
    for (const client of held.splice(0)) reset(client);
  };
  return {
    port: (server.address() as net.AddressInfo).port,
    cut() {
      isCut = true;
      resetOpen();
    },
    restore() {
      isCut = false;
    },
    stall() {
      isStalled = true;
      for (const pair of open) {
        pair.client.unpipe(pair.upstream);
        pair.upstream.unpipe(pair.client);
        pair.client.pause();
        pair.upstream.pause();
      }
    },
    release() {
      isStalled = false;
      for (const pair of [...open]) {
        if (pair.client.destroyed || pair.upstream.destroyed) {
          // One side went away during the stall: the other learns it now.
          open.delete(pair);
          reset(pair.client);
          reset(pair.upstream);
          continue;
        }
        pair.client.pipe(pair.upstream);
        pair.upstream.pipe(pair.client);
      }
      for (const client of held.splice(0)) {
        if (client.destroyed) continue;
        client.removeAllListeners('error');
        pass(client);
      }
    },
    get openConnections() {
      return open.size;
    },
    get connectionsPassed() {
      return connectionsPassed;
    },
    get connectionsReset() {
      return connectionsReset;
    },
    async close() {
      resetOpen();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
