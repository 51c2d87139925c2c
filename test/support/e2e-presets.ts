// Presets of the dashboard's end-to-end files, so a new file states what it needs instead of
// repeating its siblings' set-up: the two viewports every page is checked at, the sideways-scroll
// check, and accountE2eFile(), an e2eFile() whose account, OWNER (and SUPPORT) users and money are
// seeded once per file, with sign-in by cookie for each of those roles.
import type { Page } from 'playwright-core';
import { beforeAll, expect } from 'vitest';
import { type E2EFile, type E2EFileOptions, e2eFile, signInWithCookie } from './browser.js';

/** The desktop size the dashboard's pages are checked at, in CSS pixels. */
export const DESKTOP = { width: 1280, height: 800 } as const;

/** The phone the dashboard's pages must fit (an iPhone 12–15), in CSS pixels. */
export const PHONE = { width: 390, height: 844 } as const;

/** The document's scroll width in CSS pixels: wider than the viewport means the page scrolls sideways. */
export function documentScrollWidth(page: Page): Promise<number> {
  // The callback runs in the page; the tests' tsconfig has no DOM library.
  return page.evaluate(
    () => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth,
  );
}

/** Fails the test when the page is wider than `width` CSS pixels (it would scroll sideways). */
export async function expectNoHorizontalScroll(page: Page, width: number): Promise<void> {
  expect(await documentScrollWidth(page)).toBeLessThanOrEqual(width);
}

/** Someone who signs in to the dashboard with e-mail and password. */
export interface Person {
  email: string;
  name: string;
  password: string;
}

/** Just the fields createUser takes (a file's constant may carry more, such as its account's name). */
function personOf({ email, name, password }: Person): Person {
  return { email, name, password };
}

/** Options of {@link accountE2eFile}. */
export interface AccountE2EFileOptions extends E2EFileOptions {
  /** The account's name (its dashboard's heading). */
  account: string;
  /** The account's OWNER user. */
  owner: Person;
  /** A platform SUPPORT user (no account) as well. @default none */
  support?: Person;
  /** Credited to the wallet by an operator's adjustment, a decimal string. @default nothing */
  funds?: string;
  /**
   * Paid into the wallet by card (`pm_card_visa`) through the loopback Stripe sandbox, settled by
   * its webhook and one payment-jobs pass: refundable card credit. @default nothing
   */
  cardTopUp?: string;
}

/** What {@link accountE2eFile} gives a file: {@link E2EFile} plus the seeded account and sign-ins as its people. */
export interface AccountE2EFile extends E2EFile {
  /** The seeded account (set once the preset's beforeAll ran). */
  readonly account: { accountId: string; walletId: string; ownerKey: string };
  /** Signs `page` in as the OWNER by cookie, opens `path` and waits for the account's heading. */
  signInAsOwner(page: Page, path?: string): Promise<void>;
  /** Signs `page` in as the SUPPORT user by cookie and opens `path` (the console). */
  signInAsSupport(page: Page, path?: string): Promise<void>;
}

/**
 * An {@link e2eFile} whose account is seeded before the file's own `beforeAll`: the account, its
 * OWNER user, a SUPPORT user when asked, and money by adjustment and/or card. Call it at the top
 * level of the file, in place of e2eFile().
 */
export function accountE2eFile(screenshotPrefix: string, options: AccountE2EFileOptions): AccountE2EFile {
  const e2e = e2eFile(screenshotPrefix, options);
  let account: AccountE2EFile['account'] | undefined;
  beforeAll(async () => {
    const t = e2e.t;
    const created = await t.createAccount(options.account);
    // One after the other, in the order the files did it by hand: the audit log lists them so.
    if (options.funds) await t.fund(created.walletId, options.funds);
    await e2e.createUser(created.accountId, 'OWNER', personOf(options.owner));
    if (options.support) await e2e.createUser(null, 'SUPPORT', personOf(options.support));
    if (options.cardTopUp) {
      await t.ok(created.ownerKey, 'mutation($input: TopUpInput!) { topUp(input: $input) { topUp { id } } }', {
        input: { walletId: created.walletId, amount: options.cardTopUp, paymentMethodId: 'pm_card_visa' },
      });
      const sandbox = t.app.stripeSandbox;
      if (!sandbox) throw new Error('cardTopUp needs the Stripe sandbox of the test server');
      await sandbox.idle();
      await t.app.paymentJobs.runOnce();
    }
    account = created;
  }, 120_000);
  return {
    get t() {
      return e2e.t;
    },
    get browser() {
      return e2e.browser;
    },
    pages: e2e.pages,
    open: (pageOptions) => e2e.open(pageOptions),
    createUser: (accountId, role, person) => e2e.createUser(accountId, role, person),
    get account() {
      if (account === undefined)
        throw new Error("The file's account is not seeded yet: use it in a test or a beforeAll after accountE2eFile()");
      return account;
    },
    signInAsOwner(page, path = '/') {
      return signInWithCookie(page, e2e.t.url, { ...options.owner, account: options.account }, path);
    },
    signInAsSupport(page, path = '/') {
      if (!options.support) throw new Error('accountE2eFile() was given no support person');
      return signInWithCookie(page, e2e.t.url, options.support, path);
    },
  };
}
