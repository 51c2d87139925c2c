/**
 * A loopback TCP proxy the chaos storm puts in front of a dependency (PostgreSQL, the Stripe
 * sandbox) to break the network to it on purpose: `cut()` resets every open connection and refuses
 * new ones, `stall()` stops moving bytes either way (connections stay open, as behind a hung
 * router or a frozen peer) until `release()`.
 */
import net from 'node:net';

/** A proxy from a loopback port to `target`. */
export interface TcpProxy {
  /** The port it listens on (127.0.0.1). */
  port: number;
  /** Resets every open connection and refuses (resets) new ones until {@link restore}. */
  cut(): void;
  /** Lets new connections through again after {@link cut}. */
  restore(): void;
  /** Stops forwarding bytes on every connection, open or new, until {@link release}. */
  stall(): void;
  /** Forwards again what was held back by {@link stall}, in order. */
  release(): void;
  /** Connections open now. */
  readonly openConnections: number;
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
  const reset = (socket: net.Socket) => {
    // An RST, not a FIN: the peer learns at once that the connection is gone.
    if (!socket.destroyed) socket.resetAndDestroy();
  };
  const pausePair = (pair: Pair) => {
    pair.client.pause();
    pair.upstream.pause();
  };
  const resumePair = (pair: Pair) => {
    pair.client.resume();
    pair.upstream.resume();
  };
  const server = net.createServer((client) => {
    if (isCut) {
      reset(client);
      return;
    }
    const pair: Pair = { client, upstream: net.connect(targetPort, targetHost) };
    open.add(pair);
    for (const socket of [pair.client, pair.upstream]) {
      // A failure on either side resets the other: a half-open pair would look alive to one of them.
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
    if (isStalled) pausePair(pair);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const resetOpen = () => {
    for (const pair of [...open]) {
      open.delete(pair);
      reset(pair.client);
      reset(pair.upstream);
    }
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
      for (const pair of open) pausePair(pair);
    },
    release() {
      isStalled = false;
      for (const pair of open) resumePair(pair);
    },
    get openConnections() {
      return open.size;
    },
    async close() {
      resetOpen();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
