// A loopback TCP proxy in front of the test app that can cut the network between the browser and
// the server: the end-to-end tests load the dashboard through it, then cut() resets every open
// connection (the page's WebSocket among them) and refuses new ones until restore(). Unlike
// Playwright's context.setOffline(), which in Chromium leaves an open WebSocket silently stalled
// rather than closed, a cut is seen by the page at once, as a server restart or a lost route is.
// The proxy itself is the chaos storm's (bench/chaos/tcp-proxy.ts).
import { startTcpProxy, type TcpProxy } from '../../bench/chaos/tcp-proxy.js';

/** A proxy from a local port to the app, whose connections can be cut. Pair with `afterAll(() => cut.close())`. */
export interface NetworkCut extends Omit<TcpProxy, 'port' | 'release'> {
  /** `http://localhost:<proxy port>`: open the dashboard here so that its traffic goes through the proxy. */
  url: string;
  /** Passes the bytes held back by {@link TcpProxy.stall} and everything after (the proxy's `release`). */
  unstall(): void;
}

/** Starts a proxy on 127.0.0.1 (a free port) to `target` (the test app's `url`, `http://localhost:<port>`). */
export async function startNetworkCut(target: string): Promise<NetworkCut> {
  const { hostname, port } = new URL(target);
  const proxy = await startTcpProxy(hostname === 'localhost' ? '127.0.0.1' : hostname, Number(port));
  return {
    url: `http://localhost:${proxy.port}`,
    cut: () => proxy.cut(),
    restore: () => proxy.restore(),
    stall: () => proxy.stall(),
    unstall: () => proxy.release(),
    get openConnections() {
      return proxy.openConnections;
    },
    get connectionsPassed() {
      return proxy.connectionsPassed;
    },
    get connectionsReset() {
      return proxy.connectionsReset;
    },
    close: () => proxy.close(),
  };
}
