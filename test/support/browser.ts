// Shared harness of the dashboard's end-to-end tests: Debian's Chromium driven by playwright-core
// (never a browser download: shared/STACK.md pitfall 8), the dashboard built into dist/client when
// its sources are newer than the build, screenshots under test-artifacts/e2e/, and waits on text.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { withFolderLock } from './folder-lock.js';
import type { TestApp } from './test-app.js';

/** The repository's root: the folder holding package.json, vite.config.ts and dist/. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Where the Chromium binary is looked for when CHROMIUM_PATH is not set (Debian's `chromium` package). */
export const CHROMIUM_PATH_DEFAULT = '/usr/bin/chromium';

/**
 * Chromium's switches for a headless run on a CI machine without internet: no sandbox (CI runs as
 * root in a container), no GPU, and none of the background fetches a fresh profile would start.
 */
export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Folder of the screenshots, relative to the repository root (git-ignored through `test-artifacts/`). */
export const SCREENSHOT_DIR = path.join(REPO_ROOT, 'test-artifacts', 'e2e');

/** Longest wait for one element or text, in milliseconds. @default 15000 */
export const WAIT_TIMEOUT_MS = 15_000;

/** Longest `npx vite build`, in milliseconds, before it is killed. @default 120000 */
const CLIENT_BUILD_TIMEOUT_MS = 120_000;

/** Age after which another process's build lock is taken as abandoned, in milliseconds. @default 180000 */
const CLIENT_BUILD_LOCK_STALE_MS = 180_000;

/** The Chromium executable: CHROMIUM_PATH, else {@link CHROMIUM_PATH_DEFAULT}. */
export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH?.trim() || CHROMIUM_PATH_DEFAULT;
}

/**
 * Launches headless Chromium with {@link CHROMIUM_ARGS}; Playwright gives it a fresh temporary
 * profile (user data dir) and deletes it on close. Pair with `afterAll(() => browser.close())`.
 * @throws Error naming the fix when the executable is missing or not executable.
 */
export async function openBrowser(): Promise<Browser> {
  const executablePath = chromiumPath();
  try {
    await fs.access(executablePath, fs.constants.X_OK);
  } catch {
    throw new Error(
      `No Chromium executable at ${executablePath}: install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH ` +
        'to a Chromium binary. Do not run `npx playwright install` (no internet).',
    );
  }
  return chromium.launch({ executablePath, args: [...CHROMIUM_ARGS], timeout: 30_000 });
}

/**
 * How long a page must have no HTTP request in flight before {@link waitForQuietNetwork} calls its
 * network quiet, in milliseconds. Playwright's `networkidle` waits a fixed 500 ms, which was most of
 * the phone-layout file's time (two loads per page, 18 pages); the dashboard shows a `.placeholder`
 * while it loads a route or a query, which the callers check as well. @default 250
 */
export const QUIET_NETWORK_MS = 250;

/** Requests in flight per page and when that count last changed, kept by {@link trackNetwork}. */
const networkOf = new WeakMap<Page, { inFlight: number; changedAtMs: number }>();

/** Counts `page`'s HTTP requests in flight (WebSocket frames are not requests), for {@link waitForQuietNetwork}. */
function trackNetwork(page: Page): void {
  const network = { inFlight: 0, changedAtMs: Date.now() };
  networkOf.set(page, network);
  const change = (delta: number) => {
    network.inFlight = Math.max(0, network.inFlight + delta);
    network.changedAtMs = Date.now();
  };
  page.on('request', () => change(1));
  page.on('requestfinished', () => change(-1));
  page.on('requestfailed', () => change(-1));
}

/**
 * Resolves once `page` (opened through {@link newPage}) has had no HTTP request in flight for
 * `quietMs`: the shorter, event-driven form of Playwright's `waitForLoadState('networkidle')`.
 * @throws Error when the page was not opened through {@link newPage}, or the network stays busy for `timeoutMs`.
 */
export async function waitForQuietNetwork(
  page: Page,
  quietMs: number = QUIET_NETWORK_MS,
  timeoutMs: number = WAIT_TIMEOUT_MS,
): Promise<void> {
  const network = networkOf.get(page);
  if (network === undefined) throw new Error('waitForQuietNetwork needs a page opened through newPage()');
  const deadlineMs = Date.now() + timeoutMs;
  for (;;) {
    const quietForMs = network.inFlight === 0 ? Date.now() - network.changedAtMs : 0;
    if (quietForMs >= quietMs) return;
    if (Date.now() > deadlineMs)
      throw new Error(`The page's network stayed busy for ${timeoutMs} ms (${network.inFlight} requests in flight)`);
    await new Promise((resolve) => setTimeout(resolve, network.inFlight === 0 ? quietMs - quietForMs : 20));
  }
}

/** A page in a context of its own (no cookies or storage shared with other pages), with what went wrong in it. */
export interface BrowserPage {
  context: BrowserContext;
  page: Page;
  /** Uncaught exceptions and `console.error` messages of the page, in order, for failure messages. */
  errors: string[];
  close(): Promise<void>;
}

/** Options of {@link newPage}. */
export interface NewPageOptions {
  /** @default { width: 1280, height: 900 } */
  viewport?: { width: number; height: number };
  /** Default timeout of every wait and action, in milliseconds. @default {@link WAIT_TIMEOUT_MS} */
  timeoutMs?: number;
}

/** Opens a page in a fresh browser context: empty localStorage, a desktop viewport, bounded waits. */
export async function newPage(browser: Browser, options: NewPageOptions = {}): Promise<BrowserPage> {
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 1280, height: 900 } });
  context.setDefaultTimeout(options.timeoutMs ?? WAIT_TIMEOUT_MS);
  const page = await context.newPage();
  trackNetwork(page);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console.error: ${message.text()}`);
  });
  return { context, page, errors, close: () => context.close() };
}

/** Lowercase words joined by dashes, safe in a file name: "Top up: Visa!" → "top-up-visa". */
function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80) || 'unnamed'
  );
}

/** `test-artifacts/e2e/<test-name>-<step>.png`, both parts slugged. */
export function screenshotPath(testName: string, step: string): string {
  return path.join(SCREENSHOT_DIR, `${slug(testName)}-${slug(step)}.png`);
}

/**
 * Saves a full-page screenshot to {@link screenshotPath}, creating the folder on demand.
 * @returns the file's path.
 */
export async function saveScreenshot(page: Page, testName: string, step: string): Promise<string> {
  const file = screenshotPath(testName, step);
  await fs.mkdir(path.dirname(file), { recursive: true });
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/**
 * Registers, for every test of the file, a screenshot of each open page and its browser errors on
 * the console when the test fails (`failed-<test>`, with `-page-<n>` when several are open). Call
 * at the file's top level; `openPages` is read when a test fails, so pages opened later count.
 */
export function screenshotOnFailure(testName: string, openPages: () => readonly (BrowserPage | undefined)[]): void {
  beforeEach(({ task, onTestFailed }) => {
    onTestFailed(async () => {
      const pages = openPages().filter((open): open is BrowserPage => open !== undefined);
      for (const [index, open] of pages.entries()) {
        const which = pages.length > 1 ? `-page-${index}` : '';
        await saveScreenshot(open.page, testName, `failed-${task.name}${which}`).catch(() => undefined);
        if (open.errors.length > 0)
          console.error(`Browser errors${which && ` of page ${index}`} during "${task.name}":\n${open.errors.join('\n')}`);
      }
    });
  });
}

/**
 * Waits until `locator`'s single element has the text `expected` (the whole trimmed text for a
 * string; a match for a RegExp), through Playwright's auto-waiting, and returns that text.
 * @throws Error with the element's last text when it does not get there within `timeoutMs`.
 */
export async function waitForText(locator: Locator, expected: string | RegExp, timeoutMs: number = WAIT_TIMEOUT_MS): Promise<string> {
  const pattern = typeof expected === 'string' ? new RegExp(`^\\s*${expected.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`) : expected;
  try {
    await locator.filter({ hasText: pattern }).waitFor({ state: 'visible', timeout: timeoutMs });
  } catch (error) {
    const actual = await locator.textContent({ timeout: 1_000 }).catch(() => '(element not found)');
    throw new Error(`Expected ${locator} to read ${String(expected)} within ${timeoutMs} ms; it reads ${JSON.stringify(actual)}.`, {
      cause: error,
    });
  }
  return ((await locator.textContent()) ?? '').trim();
}

/** Newest modification time of the files under `target` (a file or a folder), in ms since the epoch; 0 when missing. */
async function newestMtimeMs(target: string): Promise<number> {
  let stat: Awaited<ReturnType<typeof fs.stat>>;
  try {
    stat = await fs.stat(target);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of await fs.readdir(target)) newest = Math.max(newest, await newestMtimeMs(path.join(target, entry)));
  return newest;
}

/** Whether dist/client/index.html exists and is newer than every source of the dashboard. */
async function clientBuildIsFresh(): Promise<boolean> {
  const builtMs = await newestMtimeMs(path.join(REPO_ROOT, 'dist', 'client', 'index.html'));
  if (builtMs === 0) return false;
  // client/src is what changes; client/index.html and vite.config.ts shape the build too.
  const sources = ['client/src', 'client/index.html', 'vite.config.ts'].map((source) => path.join(REPO_ROOT, source));
  const sourceMs = Math.max(...(await Promise.all(sources.map(newestMtimeMs))));
  return builtMs >= sourceMs;
}

/** Runs `npx vite build` in the repository root; resolves when it exits 0. */
function runViteBuild(): Promise<void> {
  return new Promise((resolve, reject) => {
    // NODE_ENV as `npm start` has it: vitest sets it to `test`, with which Vite would bundle React's development build.
    const child = spawn('npx', ['vite', 'build'], {
      cwd: REPO_ROOT,
      env: { ...process.env, NODE_ENV: 'production' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), CLIENT_BUILD_TIMEOUT_MS);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`Could not start \`npx vite build\`: ${error.message}`));
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`\`npx vite build\` failed (${signal ?? `exit ${code}`}):\n${output.slice(-4_000)}`));
    });
  });
}

/**
 * Holds a lock shared by every process building this checkout's dashboard (a folder in the
 * temporary directory, named after the checkout), so parallel test files never build into
 * dist/client at the same time. A lock older than {@link CLIENT_BUILD_LOCK_STALE_MS} is broken.
 */
function withClientBuildLock<T>(work: () => Promise<T>): Promise<T> {
  const lockDir = path.join(os.tmpdir(), `spendwire-client-build-${createHash('sha1').update(REPO_ROOT).digest('hex').slice(0, 12)}.lock`);
  return withFolderLock(
    lockDir,
    { staleMs: CLIENT_BUILD_LOCK_STALE_MS, timeoutMs: CLIENT_BUILD_TIMEOUT_MS + CLIENT_BUILD_LOCK_STALE_MS },
    work,
  );
}

/**
 * Makes sure the server has a current dashboard to serve: runs `npx vite build` (into dist/client,
 * the server's `clientDir`) when dist/client/index.html is missing or older than the newest file
 * of client/src (or client/index.html, vite.config.ts). Call from `beforeAll` with a timeout of
 * a minute or more.
 * @returns whether it built.
 * @throws Error with the build's output when the build fails.
 */
export async function ensureClientBuilt(): Promise<boolean> {
  if (await clientBuildIsFresh()) return false;
  return withClientBuildLock(async () => {
    // Another process may have built it while this one waited for the lock.
    if (await clientBuildIsFresh()) return false;
    await runViteBuild();
    if (!(await clientBuildIsFresh())) throw new Error('`npx vite build` succeeded but dist/client/index.html is still missing or stale.');
    return true;
  });
}

/** The value (`<dd>`) of the `<dt>term</dt><dd>…</dd>` pair inside `container` whose term is exactly `term`. */
export function definitionOf(container: Locator, term: string): Locator {
  return container
    .locator('div')
    .filter({ has: container.page().getByText(term, { exact: true }) })
    .getByRole('definition');
}

/** Follows a link of the dashboard's "Sections" navigation (client-side: no reload) and waits for its path. */
export async function goToSection(page: Page, label: string, path: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: label, exact: true }).click();
  await page.waitForURL((url) => url.pathname === path);
}

/** Who signs in through the dashboard's sign-in page. */
export interface PageSignIn {
  email: string;
  password: string;
  /**
   * The account's name: when given, waits for its dashboard (the heading with that name) after
   * sending the form. Leave it out to look at the sign-in page's answer yourself (a refusal).
   */
  account?: string;
}

/**
 * Signs in through the sign-in page as a person would: waits for the page (the session check said
 * "signed out"), fills in the e-mail and password, presses "Sign in" and, given `account`, waits
 * for that account's dashboard.
 */
export async function signInThroughPage(page: Page, person: PageSignIn): Promise<void> {
  await page.getByRole('heading', { name: 'Sign in', exact: true }).waitFor();
  await page.getByLabel('E-mail', { exact: true }).fill(person.email);
  await page.getByLabel('Password', { exact: true }).fill(person.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  if (person.account !== undefined) await page.getByRole('heading', { name: person.account }).waitFor();
}

/**
 * Signs in without the sign-in page, for tests about what comes after it: POSTs the e-mail and
 * password to `/auth/sign-in` through the page's own context (so the context gets the same
 * httpOnly session cookie the form would get), opens `path` and, given `account`, waits for that
 * account's dashboard. The sign-in page itself is tested through {@link signInThroughPage}.
 * @throws Error with the server's answer when it refuses the sign-in.
 */
export async function signInWithCookie(page: Page, baseUrl: string, person: PageSignIn, path = '/'): Promise<void> {
  const response = await page.context().request.post(`${baseUrl}/auth/sign-in`, {
    data: { email: person.email, password: person.password },
  });
  if (!response.ok()) throw new Error(`Sign-in of ${person.email} refused: ${response.status()} ${await response.text()}`);
  await page.goto(`${baseUrl}${path}`);
  if (person.account !== undefined) await page.getByRole('heading', { name: person.account }).waitFor();
}

/** What {@link e2eFile} gives an end-to-end test file: its server, its browser and the pages it opens. */
export interface E2EFile {
  /** The file's server (set once the file's first beforeAll ran). */
  readonly t: TestApp;
  /** Debian's Chromium, one for the file. */
  readonly browser: Browser;
  /** Every page opened through {@link E2EFile.open}: screenshotted when a test fails, closed after the file. */
  readonly pages: BrowserPage[];
  /** Opens a page in a fresh context (no cookies or storage shared) that the file closes at its end. */
  open(options?: NewPageOptions): Promise<BrowserPage>;
  /**
   * Creates a user who signs in with e-mail and password, through the operator's createUser
   * (`accountId` null: platform staff such as SUPPORT). Returns the user's id.
   */
  createUser(accountId: string | null, role: string, person: { email: string; name: string; password: string }): Promise<string>;
}

/** Options of {@link e2eFile}. */
export interface E2EFileOptions {
  /** Starts the file's server (and what it talks to: an SMTP sink, a webhook receiver, a proxy). @default startTestApp() with the test defaults */
  start?: () => Promise<TestApp>;
  /** Closes what `start` started beside the server, after the pages, the browser and the server are closed. @default nothing */
  closeAfter?: () => Promise<void>;
}

/**
 * The set-up every end-to-end file repeats, registered once: before all its tests the dashboard is
 * built if stale, the server started and Chromium opened; a failing test leaves screenshots of the
 * open pages (named with `screenshotPrefix`); after all, every page, the browser and the server are
 * closed. Call it at the top level of the file, before the file's own `beforeAll`, which then sees
 * `t` and `browser` ready.
 */
export function e2eFile(screenshotPrefix: string, options: E2EFileOptions = {}): E2EFile {
  let app: TestApp | undefined;
  let chromiumBrowser: Browser | undefined;
  const pages: BrowserPage[] = [];
  beforeAll(async () => {
    // Chromium starts while the dashboard is checked and the server starts: neither needs the other.
    const startServer = async () => {
      await ensureClientBuilt();
      return options.start ? options.start() : (await import('./test-app.js')).startTestApp();
    };
    const [server, browser] = await Promise.allSettled([startServer(), openBrowser()]);
    if (server.status === 'fulfilled') app = server.value;
    if (browser.status === 'fulfilled') chromiumBrowser = browser.value;
    // A failure of either is the file's failure; afterAll closes whichever did start.
    if (server.status === 'rejected') throw server.reason;
    if (browser.status === 'rejected') throw browser.reason;
  }, 120_000);
  afterAll(async () => {
    for (const page of pages) await page.close().catch(() => undefined);
    await chromiumBrowser?.close();
    await app?.close();
    await options.closeAfter?.();
  });
  screenshotOnFailure(screenshotPrefix, () => pages);
  const ready = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is not started yet: use it in a test or a beforeAll after e2eFile()`);
    return value;
  };
  return {
    get t() {
      return ready(app, 'The test server');
    },
    get browser() {
      return ready(chromiumBrowser, 'Chromium');
    },
    pages,
    async open(pageOptions) {
      const opened = await newPage(ready(chromiumBrowser, 'Chromium'), pageOptions);
      pages.push(opened);
      return opened;
    },
    async createUser(accountId, role, person) {
      const created = await ready(app, 'The test server').ok(
        ready(app, 'The test server').adminToken,
        'mutation($input: CreateUserInput!) { createUser(input: $input) { user { id } } }',
        { input: { accountId, role, ...person } },
      );
      return created.createUser.user.id as string;
    },
  };
}
