// Goal: how long a signed-in owner waits for the Overview's Available figure on a slow link with a cold cache, and how many bytes that costs (printed, not asserted), with the facts that make it fast asserted: one boot request answers the session check and the account's wallets (no separate session check or Me query), scripts and styles arrive brotli-compressed, hashed assets are cacheable for a year and come from the cache on the next visit, index.html is revalidated. Method: the real server and built dashboard, Debian's Chromium in a fresh context with the session cookie set, CDP network throttling (1.6 Mbps down, 750 kbps up, 150 ms latency) and CDP's network events for the bytes on the wire; the time is the page's own performance.now() when the figure is on screen.
import type { CDPSession } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { IMMUTABLE_CACHE_CONTROL, REVALIDATE_CACHE_CONTROL } from '../../server/transport/static-client.js';
import { e2eFile, saveScreenshot } from '../support/browser.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** Prefix of this file's screenshots in test-artifacts/e2e/. */
const SCREENSHOT_PREFIX = 'first-load';

/** The simulated link of the issue: 1.6 Mbps down, 750 kbps up, 150 ms latency (CDP takes bytes per second). */
const LINK = { offline: false, latency: 150, downloadThroughput: 1_600_000 / 8, uploadThroughput: 750_000 / 8 };

const ACCOUNT_NAME = 'E2E First Load Account';
const OWNER = { email: 'fay.first-load@example.com', name: 'Fay First', password: 'a slow link to the dashboard' };
/** What the Overview's Available figure reads once loaded. */
const AVAILABLE = '$321.09';

const e2e = e2eFile(SCREENSHOT_PREFIX, { start: () => startTestApp({ billingClockEnabled: false }) });
let t: TestApp;
let sessionToken: string;

beforeAll(async () => {
  t = e2e.t;
  const account = await t.createAccount(ACCOUNT_NAME);
  await t.fund(account.walletId, '321.09');
  await e2e.createUser(account.accountId, 'OWNER', OWNER);
  const signIn = await fetch(`${t.url}/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: t.url },
    body: JSON.stringify({ email: OWNER.email, password: OWNER.password }),
  });
  expect(signIn.status).toBe(200);
  const cookie = /sw_session=([^;]+)/.exec(signIn.headers.get('set-cookie') ?? '');
  expect(cookie).not.toBeNull();
  sessionToken = cookie![1]!;
}, 180_000);

/** One response as CDP saw it. */
interface Transfer {
  url: string;
  status: number;
  mimeType: string;
  headers: Record<string, string>;
  fromCache: boolean;
  /** Bytes on the wire (headers and the encoded body); 0 for one served from the cache. */
  encodedBytes: number;
}

/** Records every HTTP response of the page (WebSocket frames aside), and the operation of each GraphQL POST, until `stop()`. */
function recordTransfers(cdp: CDPSession): { transfers: Map<string, Transfer>; operations: string[]; stop(): void } {
  const transfers = new Map<string, Transfer>();
  const operations: string[] = [];
  const onRequest = (event: { request: { url: string; method: string; postData?: string } }) => {
    if (event.request.method !== 'POST' || new URL(event.request.url).pathname !== '/graphql') return;
    const body = JSON.parse(event.request.postData ?? '{}') as { operationName?: string };
    operations.push(body.operationName ?? '(anonymous)');
  };
  // CDP tells "served from the cache" before the response itself.
  const servedFromCache = new Set<string>();
  const onResponse = (event: {
    requestId: string;
    response: { url: string; status: number; mimeType: string; headers: Record<string, string>; fromDiskCache?: boolean };
  }) => {
    const headers = Object.fromEntries(Object.entries(event.response.headers).map(([name, value]) => [name.toLowerCase(), value]));
    transfers.set(event.requestId, {
      url: event.response.url,
      status: event.response.status,
      mimeType: event.response.mimeType,
      headers,
      fromCache: event.response.fromDiskCache === true || servedFromCache.has(event.requestId),
      encodedBytes: 0,
    });
  };
  const onCached = (event: { requestId: string }) => {
    servedFromCache.add(event.requestId);
    const transfer = transfers.get(event.requestId);
    if (transfer) transfer.fromCache = true;
  };
  const onFinished = (event: { requestId: string; encodedDataLength: number }) => {
    const transfer = transfers.get(event.requestId);
    if (transfer) transfer.encodedBytes = transfer.fromCache ? 0 : event.encodedDataLength;
  };
  cdp.on('Network.requestWillBeSent', onRequest);
  cdp.on('Network.responseReceived', onResponse);
  cdp.on('Network.requestServedFromCache', onCached);
  cdp.on('Network.loadingFinished', onFinished);
  return {
    transfers,
    operations,
    stop() {
      cdp.off('Network.requestWillBeSent', onRequest);
      cdp.off('Network.responseReceived', onResponse);
      cdp.off('Network.requestServedFromCache', onCached);
      cdp.off('Network.loadingFinished', onFinished);
    },
  };
}

/**
 * In the page: the time since navigation start (performance.now(), ms) at the first animation frame on which
 * the Overview's Available figure reads `expected`, else false. Runs in the page: the test's tsconfig has no DOM types.
 */
function availableOnScreen(expected: string): number | false {
  const page = globalThis as unknown as {
    document: {
      querySelectorAll(
        selector: string,
      ): Iterable<{ textContent: string | null; nextElementSibling: { textContent: string | null } | null }>;
    };
    performance: { now(): number };
  };
  for (const term of page.document.querySelectorAll('section[aria-label="Balances"] dt')) {
    if (term.textContent?.trim() === 'Available' && term.nextElementSibling?.textContent?.trim() === expected)
      return page.performance.now();
  }
  return false;
}

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

describe('first load of the Overview on a slow link', () => {
  it('shows the Available figure and prints how long it took and how many bytes it cost; the next visit takes assets from the cache', async () => {
    const open = await e2e.open({ viewport: { width: 1280, height: 800 }, timeoutMs: 60_000 });
    const { page, context } = open;
    await context.addCookies([{ name: 'sw_session', value: sessionToken, url: t.url, httpOnly: true, sameSite: 'Strict' }]);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.clearBrowserCache');
    await cdp.send('Network.emulateNetworkConditions', LINK);

    // Cold: a fresh context (empty cache), the throttled link, straight to the Overview.
    const cold = recordTransfers(cdp);
    await page.goto(`${t.url}/`, { waitUntil: 'commit' });
    const coldMs = Number(
      await (await page.waitForFunction(availableOnScreen, AVAILABLE, { polling: 'raf', timeout: 60_000 })).jsonValue(),
    );
    await page.waitForLoadState('networkidle');
    cold.stop();
    await saveScreenshot(page, SCREENSHOT_PREFIX, 'overview-cold');

    const transfers = [...cold.transfers.values()];
    const assets = transfers.filter((transfer) => new URL(transfer.url).pathname.startsWith('/assets/'));
    const scripts = assets.filter((transfer) => transfer.url.endsWith('.js'));
    const styles = assets.filter((transfer) => transfer.url.endsWith('.css'));
    const document = transfers.find((transfer) => new URL(transfer.url).pathname === '/');
    const total = transfers.reduce((sum, transfer) => sum + transfer.encodedBytes, 0);
    const scriptBytes = scripts.reduce((sum, transfer) => sum + transfer.encodedBytes, 0);
    console.log(
      `first load (1.6 Mbps down / 750 kbps up / 150 ms, cold cache): Available on screen after ${Math.round(coldMs)} ms; ` +
        `${transfers.length} responses, ${kB(total)} on the wire, of which JS ${kB(scriptBytes)} in ${scripts.length} files ` +
        `(${scripts.map((script) => `${new URL(script.url).pathname.replace('/assets/', '')} ${kB(script.encodedBytes)}`).join(', ')})`,
    );

    // The facts behind the figure: one request asks who is signed in and for their account and wallets, started by
    // index.html before the script has arrived (no separate session check, no Me query); compressed, cacheable,
    // the page itself revalidated.
    expect(cold.operations.filter((operation) => ['Boot', 'SessionCheck', 'Me'].includes(operation))).toEqual(['Boot']);
    expect(scripts.length).toBeGreaterThan(0);
    for (const asset of [...scripts, ...styles]) {
      expect(asset.headers['content-encoding'], asset.url).toBe('br');
      expect(asset.headers.vary, asset.url).toMatch(/Accept-Encoding/i);
    }
    for (const asset of assets) expect(asset.headers['cache-control'], asset.url).toBe(IMMUTABLE_CACHE_CONTROL);
    expect(document?.headers['cache-control']).toBe(REVALIDATE_CACHE_CONTROL);
    expect(document?.headers['content-encoding']).toBe('br');

    // Warm: the same browser again; hashed assets come from its cache without asking the server.
    const warm = recordTransfers(cdp);
    await page.goto(`${t.url}/`, { waitUntil: 'commit' });
    const warmMs = Number(
      await (await page.waitForFunction(availableOnScreen, AVAILABLE, { polling: 'raf', timeout: 60_000 })).jsonValue(),
    );
    await page.waitForLoadState('networkidle');
    warm.stop();
    const warmTransfers = [...warm.transfers.values()];
    const warmAssets = warmTransfers.filter((transfer) => new URL(transfer.url).pathname.startsWith('/assets/'));
    console.log(
      `next visit (same link, warm cache): Available on screen after ${Math.round(warmMs)} ms; ` +
        `${kB(warmTransfers.reduce((sum, transfer) => sum + transfer.encodedBytes, 0))} on the wire, ` +
        `${warmAssets.filter((transfer) => transfer.fromCache).length} of ${warmAssets.length} assets from the cache`,
    );
    expect(warmAssets.length).toBeGreaterThan(0);
    for (const asset of warmAssets) {
      expect(asset.fromCache, `${asset.url} ${asset.status} ${JSON.stringify(asset.headers)}`).toBe(true);
      expect(asset.status, asset.url).toBe(200);
    }
  }, 180_000);
});
