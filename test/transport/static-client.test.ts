// Goal: the dashboard's files reach the browser compressed by what it accepts and with the right caching
// (hashed assets for a year, index.html revalidated). Method: the real HTTP server over a fixture build
// whose .br/.gz siblings are real brotli and gzip, read with node:http so the raw bytes and headers show.
import fs from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptedEncodings, IMMUTABLE_CACHE_CONTROL, REVALIDATE_CACHE_CONTROL } from '../../server/transport/static-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const INDEX_HTML = '<!doctype html><div id="root"></div><script type="module" src="/assets/index-abc123.js"></script>';
const SCRIPT = `console.log(${JSON.stringify('spendwire '.repeat(200))});`;
const STYLE = 'body{margin:0}';

let workDir: string;
let app: TestApp;

beforeAll(async () => {
  workDir = await fs.mkdtemp(path.join(os.tmpdir(), 'spendwire-static-'));
  const clientDir = path.join(workDir, 'client');
  await fs.mkdir(path.join(clientDir, 'assets'), { recursive: true });
  await fs.mkdir(path.join(clientDir, '.vite'));
  const write = async (name: string, content: string, compressed: boolean) => {
    await fs.writeFile(path.join(clientDir, name), content);
    if (!compressed) return;
    await fs.writeFile(path.join(clientDir, `${name}.br`), zlib.brotliCompressSync(content));
    await fs.writeFile(path.join(clientDir, `${name}.gz`), zlib.gzipSync(content));
  };
  await write('index.html', INDEX_HTML, true);
  await write('assets/index-abc123.js', SCRIPT, true);
  // Too small to be worth compressing: the build writes no sibling.
  await write('assets/index-abc123.css', STYLE, false);
  await write('.vite/manifest.json', '{}', false);
  await fs.writeFile(path.join(workDir, 'secret.txt'), 'outside the client folder');
  app = await startTestApp({ clientDir });
});
afterAll(async () => {
  await app?.close();
  await fs.rm(workDir, { recursive: true, force: true });
});

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** One request with exactly these headers (fetch would add its own Accept-Encoding and decompress). */
function get(urlPath: string, headers: Record<string, string> = {}, method = 'GET'): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const request = http.request(`${app.url}${urlPath}`, { method, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end();
  });
}

describe('acceptedEncodings', () => {
  it.each([
    [undefined, []],
    ['', []],
    ['identity', []],
    ['gzip, deflate, br, zstd', ['br', 'gzip']],
    ['gzip', ['gzip']],
    ['br', ['br']],
    ['*', ['br', 'gzip']],
    ['br;q=0, gzip', ['gzip']],
    ['*;q=0', []],
    ['gzip;q=1.0, br;q=0.5', ['gzip', 'br']],
    ['GZIP ; q=0.8, *;q=0.1', ['gzip', 'br']],
    ['deflate', []],
  ])('%j → %j', (header, expected) => {
    expect(acceptedEncodings(header)).toEqual(expected);
  });
});

describe('static dashboard files', () => {
  it('sends a hashed script as brotli when accepted, cacheable for a year and varying by Accept-Encoding', async () => {
    const response = await get('/assets/index-abc123.js', { 'accept-encoding': 'gzip, deflate, br, zstd' });
    expect(response.status).toBe(200);
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers['content-type']).toMatch(/^(text|application)\/javascript/);
    expect(response.headers['cache-control']).toBe(IMMUTABLE_CACHE_CONTROL);
    expect(response.headers.vary).toMatch(/Accept-Encoding/i);
    expect(Number(response.headers['content-length'])).toBe(response.body.length);
    expect(response.body.length).toBeLessThan(SCRIPT.length / 4);
    expect(zlib.brotliDecompressSync(response.body).toString()).toBe(SCRIPT);
  });

  it('sends gzip to a browser that refuses brotli, and the plain file to one that accepts neither', async () => {
    const gzipped = await get('/assets/index-abc123.js', { 'accept-encoding': 'br;q=0, gzip' });
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gzipped.body).toString()).toBe(SCRIPT);

    for (const headers of [{} as Record<string, string>, { 'accept-encoding': 'identity' }, { 'accept-encoding': 'deflate' }]) {
      const plain = await get('/assets/index-abc123.js', headers);
      expect(plain.status).toBe(200);
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.headers['cache-control']).toBe(IMMUTABLE_CACHE_CONTROL);
      expect(plain.headers.vary).toMatch(/Accept-Encoding/i);
      expect(plain.body.toString()).toBe(SCRIPT);
    }
  });

  it('sends a file without a compressed sibling as it is, still cacheable', async () => {
    const response = await get('/assets/index-abc123.css', { 'accept-encoding': 'br, gzip' });
    expect(response.status).toBe(200);
    expect(response.headers['content-encoding']).toBeUndefined();
    expect(response.headers['content-type']).toMatch(/^text\/css/);
    expect(response.headers['cache-control']).toBe(IMMUTABLE_CACHE_CONTROL);
    expect(response.body.toString()).toBe(STYLE);
  });

  it('sends index.html, at / and for client-side routes, revalidated on every use and compressed', async () => {
    for (const route of ['/', '/index.html', '/wallets/123/overview', '/support/alerts']) {
      const response = await get(route, { 'accept-encoding': 'gzip, br' });
      expect(response.status, route).toBe(200);
      expect(response.headers['cache-control'], route).toBe(REVALIDATE_CACHE_CONTROL);
      expect(response.headers['content-type'], route).toMatch(/^text\/html/);
      expect(response.headers['content-encoding'], route).toBe('br');
      expect(zlib.brotliDecompressSync(response.body).toString(), route).toBe(INDEX_HTML);
    }
    const plain = await get('/wallets/123/overview');
    expect(plain.headers['cache-control']).toBe(REVALIDATE_CACHE_CONTROL);
    expect(plain.body.toString()).toBe(INDEX_HTML);
  });

  it('answers a conditional request for an unchanged file with 304, and HEAD with headers only', async () => {
    const first = await get('/assets/index-abc123.js', { 'accept-encoding': 'br' });
    const etag = first.headers.etag;
    expect(etag).toBeDefined();
    const again = await get('/assets/index-abc123.js', { 'accept-encoding': 'br', 'if-none-match': etag as string });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);

    const head = await get('/assets/index-abc123.js', { 'accept-encoding': 'gzip' }, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers['content-encoding']).toBe('gzip');
    expect(head.body.length).toBe(0);
  });

  it('answers a missing asset with a JSON 404, never index.html (an old page must not cache HTML as a script)', async () => {
    const response = await get('/assets/index-gone999.js', { 'accept-encoding': 'br' });
    expect(response.status).toBe(404);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.headers['cache-control']).not.toBe(IMMUTABLE_CACHE_CONTROL);
    expect(JSON.parse(response.body.toString())).toMatchObject({ errors: [{ extensions: { code: 'NOT_FOUND' } }] });
  });

  it('serves nothing outside the client folder nor its dot-folders', async () => {
    for (const urlPath of ['/..%2fsecret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/.vite/manifest.json']) {
      const response = await get(urlPath);
      expect(response.body.toString(), urlPath).not.toContain('outside the client folder');
      expect(response.body.toString(), urlPath).not.toBe('{}');
    }
  });

  it('serves the Webhooks page at /webhooks although Stripe posts under /webhooks/', async () => {
    for (const route of ['/webhooks', '/webhooks/']) {
      const response = await get(route);
      expect(response.status, route).toBe(200);
      expect(response.body.toString(), route).toBe(INDEX_HTML);
    }
    const stripe = await get('/webhooks/stripe');
    expect(stripe.status).toBe(404);
    expect(stripe.headers['content-type']).toMatch(/^application\/json/);
  });

  it('leaves API paths to the JSON 404', async () => {
    const response = await get('/healthz/nothing-here', { 'accept-encoding': 'br' });
    expect(response.status).toBe(404);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
  });
});
