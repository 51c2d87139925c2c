import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, expect, it } from 'vitest';
import { LeanHttpConnection } from '../../bench/lean-http.js';

// The benches' load generator (bench/lean-http.ts): what it reads of an answer must be what node:http would.

const servers: http.Server[] = [];
const connections: LeanHttpConnection[] = [];

afterEach(async () => {
  for (const connection of connections.splice(0)) connection.close();
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

async function serve(listener: http.RequestListener): Promise<{ port: number; sockets: Set<unknown> }> {
  const server = http.createServer(listener);
  const sockets = new Set<unknown>();
  server.on('connection', (socket) => sockets.add(socket));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as AddressInfo).port, sockets };
}

function readBody(request: http.IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

function connect(port: number, timeoutMs?: number): LeanHttpConnection {
  const connection = new LeanHttpConnection(port, 'sw_token', timeoutMs);
  connections.push(connection);
  return connection;
}

it('sends a POST to /graphql with the bearer token and JSON body, and reads a Content-Length answer; requests reuse one connection', async () => {
  const seen: { method?: string; url?: string; authorization?: string; type?: string; body: string }[] = [];
  const { port, sockets } = await serve(async (request, response) => {
    const body = await readBody(request);
    seen.push({
      method: request.method,
      url: request.url,
      authorization: request.headers.authorization,
      type: request.headers['content-type'],
      body,
    });
    const answer = JSON.stringify({ echo: body, n: seen.length, text: 'é€' });
    response.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(answer) });
    response.end(answer);
  });
  const connection = connect(port);
  for (const n of [1, 2, 3]) {
    const answer = await connection.post(`{"n":${n}}`);
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({ echo: `{"n":${n}}`, n, text: 'é€' });
  }
  expect(seen).toEqual(
    [1, 2, 3].map((n) => ({
      method: 'POST',
      url: '/graphql',
      authorization: 'Bearer sw_token',
      type: 'application/json',
      body: `{"n":${n}}`,
    })),
  );
  expect(sockets.size).toBe(1);
});

it('reads a chunked answer and its status', async () => {
  const { port } = await serve(async (request, response) => {
    await readBody(request);
    response.writeHead(503, { 'content-type': 'application/json' });
    response.write('{"errors":');
    setImmediate(() => response.end('[{"message":"later"}]}'));
  });
  const answer = await connect(port).post('{}');
  expect(answer).toEqual({ status: 503, body: '{"errors":[{"message":"later"}]}' });
});

it('fails the request when the server closes the connection, and opens a new one for the next', async () => {
  let requests = 0;
  const { port, sockets } = await serve(async (request, response) => {
    await readBody(request);
    requests += 1;
    if (requests === 1) {
      request.socket.destroy();
      return;
    }
    response.end('ok');
  });
  const connection = connect(port);
  await expect(connection.post('{}')).rejects.toThrow(/closed the connection/);
  expect(await connection.post('{}')).toEqual({ status: 200, body: 'ok' });
  expect(sockets.size).toBe(2);
});

it('fails a request that gets no answer within its timeout, and refuses a second request while one is waiting', async () => {
  const { port } = await serve(() => {});
  const connection = connect(port, 200);
  const first = connection.post('{}');
  await expect(connection.post('{}')).rejects.toThrow(/one request at a time/);
  await expect(first).rejects.toThrow(/no answer within 200 ms/);
});

it('after an answer with Connection: close, sends the next request at once on a new connection, which that closing does not fail', async () => {
  const { port, sockets } = await serve(async (request, response) => {
    await readBody(request);
    response.writeHead(200, { connection: 'close', 'content-length': '2' });
    response.end('ok');
  });
  const connection = connect(port);
  for (let round = 0; round < 5; round++) expect(await connection.post('{}')).toEqual({ status: 200, body: 'ok' });
  expect(sockets.size).toBe(5);
});
