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

  it('refuses a request body above 100 kB with 413, and takes one just below', async () => {
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
});
