// Goal: when the network drops under an open dashboard, the header says so and the page comes back by itself without losing or repeating money: the Transactions page of a signed-in OWNER loses its connection, charges are committed meanwhile, the indicator goes from Live through Reconnecting… back to Live, and every charge of the outage shows on the page exactly once, replayed by the socket's resume after the last sequence it had; the times from the cut to the indicator and from the network's return to Live and to the rows are printed. Method: the real server on a fresh database, the built dashboard in Debian's Chromium loaded through a loopback TCP proxy that resets every connection and refuses new ones while cut (test/support/network-cut.ts), charges over GraphQL straight to the server, page-side observers for the indicator and the rows, the WebSocket frames read through Playwright, screenshots, then the ledger invariants.
import type { Locator, Page, WebSocket } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { e2eFile, goToSection, saveScreenshot, waitForText, type BrowserPage, signInThroughPage } from '../support/browser.js';
import { startNetworkCut, type NetworkCut } from '../support/network-cut.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** Prefix of this file's screenshots in test-artifacts/e2e/. */
const SCREENSHOT_PREFIX = 'live-reconnect';

const ACCOUNT_NAME = 'E2E Reconnect Account';
const OWNER = { email: 'rita.reconnect@example.com', name: 'Rita Reconnect', password: 'the network comes and goes' };

/** Charges committed while the network is cut. */
const OUTAGE_CHARGES = 5;

/** Longest wait for the page to reconnect and catch up, in ms (the client's back-off is 0.5–1 s, then 1–2 s…). */
const RECONNECT_TIMEOUT_MS = 15_000;

const CHARGE = 'mutation($input: ChargeInput!) { charge(input: $input) { transaction { sequence } } }';

let network: NetworkCut;
const e2e = e2eFile(SCREENSHOT_PREFIX, {
  start: async () => {
    const app = await startTestApp({ billingClockEnabled: false });
    // The page reaches the server through this proxy, which the tests cut and restore.
    network = await startNetworkCut(app.url);
    return app;
  },
  closeAfter: async () => {
    await network?.close();
  },
});
let t: TestApp;
let session: BrowserPage;
let account: { accountId: string; walletId: string; ownerKey: string };
/** Every WebSocket the page opened, in order, with the graphql-ws messages it carried. */
const sockets: RecordedSocket[] = [];
/** The sequence of the last transaction before the cut. */
let lastSequenceBeforeCut: string;

/** One WebSocket of the page and its graphql-ws messages, parsed. */
interface RecordedSocket {
  url: string;
  sent: { atMs: number; message: GraphQLWsMessage }[];
  received: { atMs: number; message: GraphQLWsMessage }[];
  closedAtMs: number | null;
}

/** The graphql-ws message fields these tests read. */
interface GraphQLWsMessage {
  type: string;
  id?: string;
  payload?: any;
}

beforeAll(async () => {
  t = e2e.t;
  account = await t.createAccount(ACCOUNT_NAME);
  await e2e.createUser(account.accountId, 'OWNER', OWNER);
  await t.fund(account.walletId, '100');
  session = await e2e.open();
  session.page.on('websocket', recordSocket);
}, 120_000);

/** Keeps the graphql-ws messages of one of the page's WebSockets. */
function recordSocket(socket: WebSocket): void {
  const recorded: RecordedSocket = { url: socket.url(), sent: [], received: [], closedAtMs: null };
  sockets.push(recorded);
  const parse = (payload: string | Buffer) =>
    JSON.parse(typeof payload === 'string' ? payload : payload.toString('utf8')) as GraphQLWsMessage;
  socket.on('framesent', (frame) => recorded.sent.push({ atMs: Date.now(), message: parse(frame.payload) }));
  socket.on('framereceived', (frame) => recorded.received.push({ atMs: Date.now(), message: parse(frame.payload) }));
  socket.on('close', () => (recorded.closedAtMs = Date.now()));
}

/** The `transactionAdded` sequences a socket delivered, in order of arrival. */
function deliveredSequences(socket: RecordedSocket): string[] {
  const ids = new Set(
    socket.sent
      .filter(({ message }) => message.type === 'subscribe' && message.payload?.operationName === 'TransactionAdded')
      .map(({ message }) => message.id),
  );
  return socket.received
    .filter(({ message }) => message.type === 'next' && ids.has(message.id))
    .map(({ message }) => String(message.payload?.data?.transactionAdded?.sequence));
}

/** The `afterSequence` each `TransactionAdded` subscription on a socket asked for. */
function resumePointsAsked(socket: RecordedSocket): (string | null)[] {
  return socket.sent
    .filter(({ message }) => message.type === 'subscribe' && message.payload?.operationName === 'TransactionAdded')
    .map(({ message }) => message.payload?.variables?.afterSequence ?? null);
}

/** The header's live-connection indicator. */
function connectionIndicator(page: Page): Locator {
  return page.getByRole('banner').getByRole('status');
}

/** The rows of the Transactions table (the receipt rows under some excluded). */
function transactionRows(page: Page): Locator {
  return page
    .getByRole('region', { name: 'Transactions', exact: true })
    .locator('table.transactions > tbody > tr:not(.transactions__details)');
}

/** The "#" (sequence) and description of each row of the table, top to bottom. */
async function shownRows(page: Page): Promise<{ sequence: string; description: string }[]> {
  // The callback runs in the page; this project's tsconfig has no DOM library, hence `any`.
  return transactionRows(page).evaluateAll((rows: any[]) =>
    rows.map((row) => ({
      sequence: String(row.cells[1]?.textContent ?? '').trim(),
      description: String(row.cells[4]?.textContent ?? '').trim(),
    })),
  );
}

/** Charges the wallet through the API, straight to the server (the test's requests never cross the cut); returns the sequence. */
async function charge(description: string): Promise<string> {
  const data = await t.ok(account.ownerKey, CHARGE, { input: { walletId: account.walletId, amount: '1.25', description } });
  return data.charge.transaction.sequence;
}

/**
 * Starts a recorder in the page: each text the header's indicator takes, and when the table first
 * holds every row whose description starts with `prefix` (`count` of them), on the page's
 * `Date.now()` (the test's clock is the same machine's). Read it with {@link pageRecord}.
 */
async function startPageRecorder(page: Page, prefix: string, count: number): Promise<void> {
  await page.evaluate(
    ([rowPrefix, rowCount]: [string, number]) => {
      const page = globalThis as any;
      const record: { indicator: { text: string; atMs: number }[]; rowsShownAtMs: number | null } = { indicator: [], rowsShownAtMs: null };
      page.__reconnectRecord = record;
      const look = () => {
        const text = String(page.document.querySelector('header .connection')?.textContent ?? '(none)').trim();
        if (record.indicator.at(-1)?.text !== text) record.indicator.push({ text, atMs: Date.now() });
        if (record.rowsShownAtMs === null) {
          const rows = [...page.document.querySelectorAll('table.transactions > tbody > tr')].filter((row: any) =>
            String(row.cells[4]?.textContent ?? '')
              .trim()
              .startsWith(rowPrefix),
          );
          if (rows.length >= rowCount) record.rowsShownAtMs = Date.now();
        }
      };
      look();
      new page.MutationObserver(look).observe(page.document.body, { subtree: true, childList: true, characterData: true });
    },
    [prefix, count] as [string, number],
  );
}

async function pageRecord(page: Page) {
  return page.evaluate(
    () => (globalThis as any).__reconnectRecord as { indicator: { text: string; atMs: number }[]; rowsShownAtMs: number | null },
  );
}

describe('dashboard: the live connection drops and comes back without losing or repeating a transaction', () => {
  it('signs in through the proxy and follows the Transactions page live', async () => {
    const { page } = session;
    await page.goto(`${network.url}/`);
    await signInThroughPage(page, { ...OWNER, account: ACCOUNT_NAME });
    await goToSection(page, 'Transactions', '/transactions');
    await waitForText(connectionIndicator(page), 'Live');
    await transactionRows(page).filter({ hasText: 'Test funding' }).waitFor();
    await page.evaluate(() => ((globalThis as any).__sameDocument = true));

    for (const description of ['Before the cut 1', 'Before the cut 2']) lastSequenceBeforeCut = await charge(description);
    await transactionRows(page).filter({ hasText: 'Before the cut 2' }).waitFor();
    expect((await shownRows(page)).map((row) => row.sequence)).toEqual(['3', '2', '1']);
    expect(lastSequenceBeforeCut).toBe('3');
    await saveScreenshot(page, SCREENSHOT_PREFIX, '01-live');
  });

  it('loses the network: Offline, then Reconnecting…; charges committed meanwhile show exactly once after Live', async () => {
    const { page } = session;
    await startPageRecorder(page, 'During the cut', OUTAGE_CHARGES);
    const socketsBeforeCut = sockets.length;
    const cutAtMs = Date.now();
    network.cut();

    // The page notices at once: the socket's connection was reset.
    await waitForText(connectionIndicator(page), /^(Offline|Reconnecting…)$/);
    const outageSequences: string[] = [];
    for (let index = 1; index <= OUTAGE_CHARGES; index++) outageSequences.push(await charge(`During the cut ${index}`));
    expect(outageSequences).toEqual(['4', '5', '6', '7', '8']);
    // Wait for one reconnect attempt to fail against the cut network (Reconnecting…, then Offline again),
    // so the network comes back under the client's back-off, not before its first retry.
    await expect
      .poll(
        async () => {
          const texts = (await pageRecord(page)).indicator.map((entry) => entry.text);
          const firstRetry = texts.indexOf('Reconnecting…');
          return firstRetry >= 0 && texts.slice(firstRetry + 1).includes('Offline');
        },
        { timeout: RECONNECT_TIMEOUT_MS, interval: 50 },
      )
      .toBe(true);
    // Nothing of the outage reached the page while it was cut off.
    expect((await shownRows(page)).map((row) => row.sequence)).toEqual(['3', '2', '1']);
    await saveScreenshot(page, SCREENSHOT_PREFIX, '02-offline');
    const refusedDuringCut = network.connectionsReset;

    const restoredAtMs = Date.now();
    network.restore();
    await waitForText(connectionIndicator(page), 'Live', RECONNECT_TIMEOUT_MS);
    await expect.poll(async () => (await pageRecord(page)).rowsShownAtMs, { timeout: RECONNECT_TIMEOUT_MS }).not.toBeNull();
    await saveScreenshot(page, SCREENSHOT_PREFIX, '03-back-live');

    // On the page: every transaction once, in sequence order, the outage's among them, nothing reloaded.
    const rows = await shownRows(page);
    expect(rows.map((row) => row.sequence)).toEqual(['8', '7', '6', '5', '4', '3', '2', '1']);
    for (let index = 1; index <= OUTAGE_CHARGES; index++) {
      expect(rows.filter((row) => row.description === `During the cut ${index}`)).toHaveLength(1);
    }
    expect(await page.evaluate(() => (globalThis as any).__sameDocument)).toBe(true);

    // The indicator went Live → … → Reconnecting… → Live, the last step straight from Reconnecting….
    const record = await pageRecord(page);
    const texts = record.indicator.map((entry) => entry.text);
    expect(texts[0]).toBe('Live');
    expect(texts.at(-1)).toBe('Live');
    expect(texts.at(-2)).toBe('Reconnecting…');
    expect(texts.slice(1, -1)).not.toContain('Live');

    // On the wire: the socket opened after the cut resumed after sequence 3 and was sent 4–8, once each.
    const after = sockets.slice(socketsBeforeCut).filter((socket) => socket.sent.some(({ message }) => message.type === 'connection_init'));
    const resumed = after.filter((socket) => deliveredSequences(socket).length > 0);
    expect(resumed).toHaveLength(1);
    expect(resumePointsAsked(resumed[0]!)).toEqual([lastSequenceBeforeCut]);
    expect(deliveredSequences(resumed[0]!)).toEqual(outageSequences);
    // And, over every socket of the page, each transaction after the page's first load was delivered once.
    expect(sockets.flatMap(deliveredSequences)).toEqual(['2', '3', ...outageSequences]);

    const leftLiveAtMs = record.indicator[1]!.atMs;
    const liveAgainAtMs = record.indicator.at(-1)!.atMs;
    console.log(
      `[live-reconnect e2e] indicator ${texts.join(' → ')}; network cut → indicator off Live: ${leftLiveAtMs - cutAtMs} ms; ` +
        `outage ${restoredAtMs - cutAtMs} ms (${refusedDuringCut} connections reset or refused); ` +
        `network back → Live: ${liveAgainAtMs - restoredAtMs} ms; → the ${OUTAGE_CHARGES} outage transactions on the page: ${record.rowsShownAtMs! - restoredAtMs} ms`,
    );
  });

  it('stays live after the outage: the next charge arrives once, and the books balance', async () => {
    const { page } = session;
    const sequence = await charge('After the cut');
    expect(sequence).toBe('9');
    await transactionRows(page).filter({ hasText: 'After the cut' }).waitFor();
    expect((await shownRows(page)).map((row) => row.sequence)).toEqual(['9', '8', '7', '6', '5', '4', '3', '2', '1']);
    await expect.poll(() => sockets.flatMap(deliveredSequences).filter((delivered) => delivered === '9').length).toBe(1);
    await t.assertLedger();
    expect(session.errors.filter((error) => error.startsWith('pageerror'))).toEqual([]);
  });
});
