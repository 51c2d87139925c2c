import fs from 'node:fs';
import net from 'node:net';

/** Lowest port {@link freePort} picks from. @default 10000 */
export const FREE_PORT_MIN = 10_000;

/** Ports {@link freePort} tries at random before it falls back to one the kernel picks. @default 20 */
const FREE_PORT_ATTEMPTS = 20;

/** Linux's default range of ephemeral ports (net.ipv4.ip_local_port_range), used when it cannot be read. */
const EPHEMERAL_DEFAULT: readonly [number, number] = [32_768, 60_999];

/**
 * The kernel's range of ephemeral ports: those it hands out as the local port of every outgoing
 * connection and to every `listen(0)`.
 */
export function ephemeralPortRange(): [number, number] {
  try {
    const [low, high] = fs.readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/).map(Number);
    if (Number.isInteger(low) && Number.isInteger(high) && low! > FREE_PORT_MIN) return [low!, high!];
  } catch {
    // Not Linux, or no /proc: the default below.
  }
  return [...EPHEMERAL_DEFAULT];
}

/** Resolves with `port` when it can be bound on 127.0.0.1 right now, else null. */
function tryPort(port: number): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE' || error.code === 'EACCES') resolve(null);
      else reject(error);
    });
    server.listen(port, '127.0.0.1', () => {
      const { port: bound } = server.address() as net.AddressInfo;
      server.close(() => resolve(bound));
    });
  });
}

/**
 * A TCP port on 127.0.0.1 that was free a moment ago, for a child server that cannot report the
 * port it bound (PostgreSQL, a server process). Picked at random BELOW the kernel's ephemeral
 * range: a port from that range (what `listen(0)` gives) can be taken meanwhile by any outgoing
 * connection of the machine as its local port, and was: a test that restarts PostgreSQL on its port
 * found it taken while tests in the other workers opened connections. Below the range only another
 * explicit bind can take it. Callers that can bind port 0 themselves and report it should.
 */
export async function freePort(): Promise<number> {
  const [ephemeralLow] = ephemeralPortRange();
  for (let attempt = 0; attempt < FREE_PORT_ATTEMPTS; attempt++) {
    const port = FREE_PORT_MIN + Math.floor(Math.random() * (ephemeralLow - FREE_PORT_MIN));
    const free = await tryPort(port);
    if (free !== null) return free;
  }
  // Every try was taken (a crowded machine): one the kernel picks, from the ephemeral range.
  return (await tryPort(0))!;
}
