// Goal: every transport error on HTTP (bad or empty body, wrong type, oversize, bad cookie or URL encoding, unknown API path, malformed HTTP) answers JSON `{ errors: [{ message, extensions: { code } }] }` with its status and no stack, path or HTML, and a client that vanishes mid-request logs one line. Method: raw node:http requests and sockets against the real server, table-driven.
import http from 'node:http';
import net from 'node:net';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, onTestFinished, vi } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { captureLogs } from '../support/log-capture.js';

let t: TestApp;
let clientDir: string;

beforeAll(async () => {
  clientDir = await fs.mkdtemp(path.join(os.tmpdir(), 'spendwire-client-'));
  await fs.writeFile(path.join(clientDir, 'index.html'), '<!doctype html><div id="root"></div>');
  t = await startTestApp({ clientDir, smtpUrl: undefined });
});
afterAll(async () => {
  await t?.close();
  await fs.rm(clientDir, { recursive: true, force: true });
});
afterEach(() => {
  vi.restoreAllMocks();
});

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
}

/** One raw HTTP request (no client-side normalization of the path, headers or body). */
function request(
  method: string,
  pathAndQuery: string,
  headers: Record<string, string | number> = {},
  body?: string | Buffer,
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const outgoing = http.request({ host: '127.0.0.1', port: t.app.port, method, path: pathAndQuery, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode!, headers: response.headers, text: Buffer.concat(chunks).toString('utf8') }),
      );
    });
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

/** Asserts the answer is the JSON error shape with `code`, and carries nothing of the server's insides. */
function expectJsonError(response: RawResponse, status: number, code: string): void {
  expect({ status: response.status, type: response.headers['content-type'] }).toEqual({ status, type: 'application/json; charset=utf-8' });
  // With the request's id, as every error (request-logging.ts).
  const requestId = response.headers['x-request-id'];
  expect(requestId).toEqual(expect.any(String));
  expect(JSON.parse(response.text)).toEqual({ errors: [{ message: expect.any(String), extensions: { code, requestId } }] });
  expect(response.text).not.toMatch(/<html|<!doctype|<pre>/i);
  // No stack frame, no absolute path of this machine.
  expect(response.text).not.toMatch(/\bat [^ ]+ \(|:\d+:\d+\)|node_modules|\/(work|home|tmp|usr|root)\//);
}

const json = { 'content-type': 'application/json' };
/** Authenticated: credentials are checked before the body's GraphQL shape, so body errors need them. */
const asAdmin = () => ({ ...json, authorization: `Bearer ${t.adminToken}` });

describe('transport errors answer JSON with a stable code', () => {
  const bodyMax = 1_048_576;
  const ADMIN = { placeholder: 'replaced by asAdmin() once the server is up' };
  const cases: {
    name: string;
    method: string;
    path: string;
    headers?: Record<string, string | number>;
    body?: string | Buffer;
    status: number;
    code: string;
  }[] = [
    { name: 'malformed JSON', method: 'POST', path: '/graphql', headers: json, body: '{"query":', status: 400, code: 'BAD_REQUEST' },
    { name: 'an empty body', method: 'POST', path: '/graphql', headers: ADMIN, body: '', status: 400, code: 'BAD_REQUEST' },
    { name: 'a null body', method: 'POST', path: '/graphql', headers: json, body: 'null', status: 400, code: 'BAD_REQUEST' },
    { name: 'a string body', method: 'POST', path: '/graphql', headers: json, body: '"a string"', status: 400, code: 'BAD_REQUEST' },
    { name: 'a number body', method: 'POST', path: '/graphql', headers: json, body: '42', status: 400, code: 'BAD_REQUEST' },
    {
      name: 'an array body (batching is off)',
      method: 'POST',
      path: '/graphql',
      headers: ADMIN,
      body: '[]',
      status: 400,
      code: 'BAD_REQUEST',
    },
    { name: 'an object without a query', method: 'POST', path: '/graphql', headers: ADMIN, body: '{}', status: 400, code: 'BAD_REQUEST' },
    {
      name: 'a query that is not a string',
      method: 'POST',
      path: '/graphql',
      headers: ADMIN,
      body: '{"query":{"a":1}}',
      status: 400,
      code: 'BAD_REQUEST',
    },
    {
      name: 'text/plain (CSRF prevention)',
      method: 'POST',
      path: '/graphql',
      headers: { 'content-type': 'text/plain' },
      body: '{"query":"{ me { role } }"}',
      status: 400,
      code: 'BAD_REQUEST',
    },
    {
      name: 'no content type',
      method: 'POST',
      path: '/graphql',
      headers: {},
      body: '{"query":"{ me { role } }"}',
      status: 400,
      code: 'BAD_REQUEST',
    },
    {
      name: 'a latin1 charset',
      method: 'POST',
      path: '/graphql',
      headers: { 'content-type': 'application/json; charset=latin1' },
      body: '{}',
      status: 415,
      code: 'UNSUPPORTED_MEDIA_TYPE',
    },
    {
      name: 'an unknown content encoding',
      method: 'POST',
      path: '/graphql',
      headers: { ...json, 'content-encoding': 'x-unknown' },
      body: '{}',
      status: 415,
      code: 'UNSUPPORTED_MEDIA_TYPE',
    },
    {
      name: 'a body over requestBodyBytesMax',
      method: 'POST',
      path: '/graphql',
      headers: json,
      body: `{"query":"${'x'.repeat(bodyMax)}"}`,
      status: 413,
      code: 'PAYLOAD_TOO_LARGE',
    },
    {
      name: 'a session cookie that is not percent-encoding',
      method: 'POST',
      path: '/graphql',
      headers: { ...json, cookie: 'sw_session=%E0%A4%A' },
      body: '{"query":"{ me { role } }"}',
      status: 401,
      code: 'UNAUTHENTICATED',
    },
    {
      name: 'sign-in with malformed JSON',
      method: 'POST',
      path: '/auth/sign-in',
      headers: json,
      body: '{"email":',
      status: 400,
      code: 'BAD_REQUEST',
    },
    {
      name: 'sign-in with a null body',
      method: 'POST',
      path: '/auth/sign-in',
      headers: json,
      body: 'null',
      status: 400,
      code: 'BAD_REQUEST',
    },
    {
      name: 'sign-in over its body limit',
      method: 'POST',
      path: '/auth/sign-in',
      headers: json,
      body: `{"email":"${'x'.repeat(20_000)}"}`,
      status: 413,
      code: 'PAYLOAD_TOO_LARGE',
    },
    {
      name: 'a Stripe webhook over its body limit',
      method: 'POST',
      path: '/webhooks/stripe',
      headers: json,
      body: Buffer.alloc(1_000_001, 32),
      status: 413,
      code: 'PAYLOAD_TOO_LARGE',
    },
    {
      name: 'an export URL that is not percent-encoding',
      method: 'GET',
      path: '/export/wallets/%E0%A4%A/transactions.csv',
      status: 400,
      code: 'BAD_REQUEST',
    },
    {
      name: 'a dev mail URL that is not percent-encoding',
      method: 'GET',
      path: '/dev/mail/%E0%A4%A',
      headers: { authorization: 'Bearer nope' },
      status: 401,
      code: 'UNAUTHENTICATED',
    },
    { name: 'an unknown /graphql sub-path', method: 'GET', path: '/graphql/nothing', status: 404, code: 'NOT_FOUND' },
    { name: 'an unknown /auth path', method: 'POST', path: '/auth/nothing', headers: json, body: '{}', status: 404, code: 'NOT_FOUND' },
    {
      name: 'an unknown /webhooks path',
      method: 'POST',
      path: '/webhooks/nothing',
      headers: json,
      body: '{}',
      status: 404,
      code: 'NOT_FOUND',
    },
    { name: 'an unknown /export path', method: 'GET', path: '/export/nothing', status: 404, code: 'NOT_FOUND' },
    { name: 'a POST to a dashboard path', method: 'POST', path: '/wallets/1', headers: json, body: '{}', status: 404, code: 'NOT_FOUND' },
    { name: 'DELETE /graphql (Apollo serves GET and POST)', method: 'DELETE', path: '/graphql', status: 400, code: 'BAD_REQUEST' },
  ];

  it.each(cases)('$name: $status $code', async ({ method, path: pathAndQuery, headers, body, status, code }) => {
    const response = await request(method, pathAndQuery, headers === ADMIN ? asAdmin() : headers, body);
    expectJsonError(response, status, code);
  });

  it('keeps the error codes of GraphQL itself in the same shape', async () => {
    const response = await request('POST', '/graphql', asAdmin(), '{"query":"{ me { "}');
    expect(response.status).toBe(400);
    expect(JSON.parse(response.text).errors[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('refuses a document the server already knows when it comes as a form would send it (CSRF prevention holds on the known-document path)', async () => {
    const body = JSON.stringify({ query: '{ me { role } }' });
    const admin = { authorization: `Bearer ${t.adminToken}` };
    // Twice as JSON: the first validates the document, the second is answered by the known-document path.
    for (let round = 0; round < 2; round += 1) {
      const served = await request('POST', '/graphql', { ...json, ...admin }, body);
      expect(JSON.parse(served.text)).toEqual({ data: { me: { role: 'PLATFORM_ADMIN' } } });
    }
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      expectJsonError(await request('POST', '/graphql', { 'content-type': type, ...admin }, body), 400, 'BAD_REQUEST');
    }
  });

  it('still serves the dashboard for other GETs, and a body just under the limit', async () => {
    // A dashboard path, even one that is not valid percent-encoding, is the client's to route.
    for (const route of ['/wallets/1', '/%E0%A4%A']) {
      const page = await request('GET', route);
      expect(page.status).toBe(200);
      expect(page.text).toContain('<div id="root">');
    }
    const base = JSON.stringify({ query: '{ me { role } }', variables: { pad: '' } });
    const atLimit = base.replace('"pad":""', `"pad":"${'x'.repeat(bodyMax - base.length)}"`);
    const served = await request('POST', '/graphql', { ...json, authorization: `Bearer ${t.adminToken}` }, atLimit);
    expect(JSON.parse(served.text)).toEqual({ data: { me: { role: 'PLATFORM_ADMIN' } } });
  });

  it('answers a request that is not valid HTTP with a JSON 400', async () => {
    const text = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(t.app.port, '127.0.0.1', () => socket.write('GARBAGE\r\n\r\n'));
      let received = '';
      socket.on('data', (chunk) => (received += chunk.toString()));
      socket.on('end', () => resolve(received));
      socket.on('error', reject);
    });
    expect(text).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(JSON.parse(text.slice(text.indexOf('\r\n\r\n') + 4))).toEqual({
      errors: [{ message: 'The request is not valid HTTP', extensions: { code: 'BAD_REQUEST' } }],
    });
  });

  it('logs one line, no stack, when a client vanishes mid-body', async () => {
    const logged = captureLogs();
    onTestFinished(() => logged.stop());
    const warnings = () => logged.lines().filter((line) => line.level === 40);
    const socket = net.connect(t.app.port, '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    socket.write('POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"query":');
    // Wait until the server has the request in hand (its body parser waits for the rest), then vanish.
    await vi.waitFor(() => expect(socket.bytesWritten).toBeGreaterThan(0));
    await new Promise((resolve) => setImmediate(resolve));
    socket.resetAndDestroy();
    await vi.waitFor(() => expect(warnings()).not.toHaveLength(0), { timeout: 5_000 });
    expect(warnings()).toHaveLength(1);
    expect(warnings()[0]!.msg).toMatch(/^Client (went away during POST \/graphql|connection dropped) \(/);
    expect(warnings()[0]!.err).toBeUndefined();
    expect(logged.lines().filter((line) => line.level >= 50)).toEqual([]);
    // The server serves on.
    expect((await request('GET', '/healthz')).status).toBe(200);
  });
});
