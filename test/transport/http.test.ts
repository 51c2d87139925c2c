// Goal: one port serves GraphQL, a health check and the dashboard with client-side routes. Method: the
// real HTTP server with its client folder pointed at a small fixture, and at a folder that is missing.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.js';

let clientDir: string;
let built: TestApp;
let unbuilt: TestApp;

beforeAll(async () => {
  clientDir = await fs.mkdtemp(path.join(os.tmpdir(), 'spendwire-client-'));
  await fs.writeFile(path.join(clientDir, 'index.html'), '<!doctype html><div id="root"></div><script src="/assets/app.js"></script>');
  await fs.mkdir(path.join(clientDir, 'assets'));
  await fs.writeFile(path.join(clientDir, 'assets/app.js'), 'console.log("app")');
  [built, unbuilt] = await Promise.all([startTestApp({ clientDir }), startTestApp({ clientDir: path.join(clientDir, 'missing') })]);
});
afterAll(async () => {
  await Promise.all([built?.close(), unbuilt?.close()]);
  await fs.rm(clientDir, { recursive: true, force: true });
});

describe('HTTP', () => {
  it('serves the dashboard at / and index.html for client-side routes', async () => {
    for (const route of ['/', '/wallets/123']) {
      const response = await fetch(`${built.url}${route}`);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('<div id="root">');
    }
    const asset = await fetch(`${built.url}/assets/app.js`);
    expect(await asset.text()).toBe('console.log("app")');
  });

  it('says how to build the dashboard when it is missing', async () => {
    const response = await fetch(`${unbuilt.url}/`);
    expect(response.status).toBe(404);
    expect(await response.text()).toMatch(/npm run build:client/);
  });

  it('answers a health check', async () => {
    expect(await (await fetch(`${built.url}/healthz`)).json()).toEqual({ ok: true });
  });

  it('refuses a request body above requestBodyBytesMax (1 MiB) with 413, and takes one just below', async () => {
    const limit = built.config.requestBodyBytesMax;
    const body = (size: number) => {
      const base = JSON.stringify({ query: '{ me { role } }', variables: { pad: '' } });
      return base.replace('"pad":""', `"pad":"${'x'.repeat(size - base.length)}"`);
    };
    const post = (text: string) =>
      fetch(`${built.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${built.adminToken}` },
        body: text,
      });
    expect(body(limit)).toHaveLength(limit);
    expect((await post(body(limit))).status).toBe(200);
    expect((await post(body(limit + 1))).status).toBe(413);
  });

  // POST /graphql is served without express (graphql-post.ts): the same rules must hold on it.
  it('answers POST /graphql with the CORS header, a JSON type and a length; bad bodies get JSON errors', async () => {
    const post = (text: string, contentType = 'application/json') =>
      fetch(`${built.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': contentType, authorization: `Bearer ${built.adminToken}`, origin: 'https://elsewhere.example' },
        body: text,
      });
    const answer = await post(JSON.stringify({ query: '{ me { role } }' }));
    expect(answer.status).toBe(200);
    expect(answer.headers.get('access-control-allow-origin')).toBe('*');
    expect(answer.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const text = await answer.text();
    expect(answer.headers.get('content-length')).toBe(String(Buffer.byteLength(text)));
    expect(JSON.parse(text)).toEqual({ data: { me: { role: 'PLATFORM_ADMIN' } } });

    for (const bad of ['{"query":', '"a string"']) {
      const refused = await post(bad);
      expect(refused.status).toBe(400);
      expect(refused.headers.get('access-control-allow-origin')).toBe('*');
      expect(refused.headers.get('content-type')).toBe('application/json; charset=utf-8');
      const requestId = refused.headers.get('x-request-id');
      expect(await refused.json()).toEqual({ errors: [{ message: expect.any(String), extensions: { code: 'BAD_REQUEST', requestId } }] });
    }
    expect((await post(JSON.stringify({ query: '{ me { role } }' }), 'application/json; charset=latin1')).status).toBe(415);
    // Not JSON: Apollo's CSRF prevention refuses it, as before.
    const plain = await post(JSON.stringify({ query: '{ me { role } }' }), 'text/plain');
    expect(plain.status).toBe(400);
    expect(await plain.text()).toMatch(/CSRF/);
  });

  it('answers a CORS preflight of /graphql', async () => {
    const response = await fetch(`${built.url}/graphql`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://elsewhere.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type, authorization',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-methods')).toContain('POST');
    expect(response.headers.get('access-control-allow-headers')).toBe('content-type, authorization');
  });
});
