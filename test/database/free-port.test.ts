// Goal: freePort hands out ports that can be bound and that the kernel never hands out on its own (outside its ephemeral range), so a child server restarted on its port finds it free. Method: real sockets on 127.0.0.1.
import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { ephemeralPortRange, FREE_PORT_MIN, freePort } from '../../server/database/free-port.js';

function listen(port: number): Promise<net.Server> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

describe('freePort', () => {
  it('gives bindable ports below the ephemeral range, never one the kernel gives to listen(0)', async () => {
    const [low, high] = ephemeralPortRange();
    expect(low).toBeGreaterThan(FREE_PORT_MIN);
    expect(high).toBeGreaterThanOrEqual(low);
    const ports = await Promise.all(Array.from({ length: 20 }, () => freePort()));
    for (const port of ports) {
      expect(port).toBeGreaterThanOrEqual(FREE_PORT_MIN);
      expect(port).toBeLessThan(low);
    }
    // Each can really be bound (one at a time: two calls may pick the same free port).
    for (const port of ports) await new Promise<void>((resolve) => listen(port).then((server) => server.close(() => resolve())));
    // What the kernel picks is in the range freePort stays out of.
    const kernels = await listen(0);
    const kernelsPort = (kernels.address() as net.AddressInfo).port;
    await new Promise<void>((resolve) => kernels.close(() => resolve()));
    expect(kernelsPort).toBeGreaterThanOrEqual(low);
    expect(kernelsPort).toBeLessThanOrEqual(high);
  });
});
