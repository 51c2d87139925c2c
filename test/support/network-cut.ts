// A loopback TCP proxy in front of the test app that can cut the network between the browser and
// the server: the end-to-end tests load the dashboard through it, then cut() resets every open
// connection (the page's WebSocket among them) and refuses new ones until restore(). Unlike
// Playwright's context.setOffline(), which in Chromium leaves an open WebSocket silently stalled
// rather than closed, a cut is seen by the page at once, as a server restart or a lost route is.
import net from 'node:net';

/** A proxy from a local port to the app, whose connections can be cut. Pair with `afterAll(() => cut.close())`. */
export interface NetworkCut {
  /** `http://localhost:<proxy port>`: open the dashboard here so that its traffic goes through the proxy. */
  url: string;
  /** Resets every open connection and refuses (resets) new ones until {@link restore}. */
  cut(): void;
  /** Lets new connections through again. */
  restore(): void;
  /**
   * A network that stalls rather than fails: stops passing bytes both ways on every open
   * connection, and accepts new ones without passing anything, until {@link unstall}. Nothing is
   * reset: each side sees silence, as behind a frozen route or a paused peer.
   */
  stall(): void;
  /** Passes the bytes held back by {@link stall} and everything after; connections closed meanwhile are closed on the other side too. */
  unstall(): void;
  /** Connections accepted and passed on to the app since the start. */
  readonly connectionsPassed: number;
  /** Connections reset by {@link cut} or refused while cut, since the start. */
  readonly connectionsReset: number;
  /** Stops listening and resets what is still open. */
  close(): Promise<void>;
}

/** Starts a proxy on 127.0.0.1 (a free port) to `target` (the test app's `url`, `http://localhost:<port>`). */
export async function startNetworkCut(target: string): Promise<NetworkCut> {
  const { hostname, port } = new URL(target);
  const upstreamHost = hostname === 'localhost' ? '127.0.0.1' : hostname;
  /** Each open connection's two sockets: the browser's side and the app's. */
  const open = new Set<{ client: net.Socket; upstream: net.Socket }>();
  let isCut = false;
  let connectionsPassed = 0;
  let connectionsReset = 0;

  const reset = (socket: net.Socket) => {
    // An RST, not a FIN: the peer learns at once that the connection is gone, without a close handshake.
    if (!socket.destroyed) socket.resetAndDestroy();
  };
  let isStalled = false;
  /** Connections accepted while stalled: their upstream side is opened at {@link NetworkCut.unstall}. */
  const held: net.Socket[] = [];
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
  const pass = (client: net.Socket) => {
    connectionsPassed++;
    const pair = { client, upstream: net.connect(Number(port), upstreamHost) };
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
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address() as net.AddressInfo;

  const resetOpen = () => {
    for (const pair of [...open]) {
      open.delete(pair);
      connectionsReset++;
      reset(pair.client);
      reset(pair.upstream);
    }
  };
  return {
    url: `http://localhost:${address.port}`,
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
    unstall() {
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
