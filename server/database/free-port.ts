import net from 'node:net';

/**
 * A TCP port on 127.0.0.1 that was free a moment ago, for a child server that cannot report the
 * port it bound (PostgreSQL, a server process). Another process may take it in between: callers
 * that can bind port 0 themselves should.
 */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
