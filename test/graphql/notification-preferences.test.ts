// Goal: a signed-in user reads and sets their own e-mail preference per notification kind, on by default (the usage reports off: opt-in), and nobody else can: API keys and the operator token get FORBIDDEN, no credentials UNAUTHENTICATED, an unknown kind BAD_USER_INPUT. Method: the real server over HTTP with session cookies, every error code once.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
const PASSWORD = 'correct horse battery';
const KINDS = [
  'LOW_BALANCE',
  'BALANCE_DEPLETED',
  'PAYMENT_FAILED',
  'AUTO_RECHARGE_FAILED',
  'AUTO_RECHARGE_PAUSED',
  'ACCOUNT_CLOSING',
  'TOP_UP_RECEIPT',
  'SPEND_CAP_WARNING',
  'SPEND_CAP_REACHED',
  'NUMBER_RENEWAL_FAILED',
  'NUMBER_RELEASED',
  'SENDER_ID_APPROVED',
  'SENDER_ID_REJECTED',
  'SENDER_ID_RENEWAL_FAILED',
  'SENDER_ID_CANCELLED',
  'DAILY_USAGE_REPORT',
  'MONTHLY_USAGE_REPORT',
];
/** The kinds nobody gets until they turn them on. */
const OPT_IN = new Set(['DAILY_USAGE_REPORT', 'MONTHLY_USAGE_REPORT']);
const ME = `{ me { user { id notificationPreferences { kind email } } } }`;
const SET = `mutation($input: SetNotificationPreferenceInput!) { setNotificationPreference(input: $input) {
  preference { kind email } preferences { kind email } } }`;

beforeAll(async () => {
  t = await startTestApp({ billingClockEnabled: false });
});
afterAll(async () => {
  await t?.close();
});

async function signedInUser(): Promise<{ cookie: string; ownerKey: string; userId: string }> {
  const account = await t.createAccount();
  const email = `user-${randomUUID().slice(0, 8)}@example.com`;
  const created = await t.ok(t.adminToken, `mutation($input: CreateUserInput!) { createUser(input: $input) { user { id } } }`, {
    input: { accountId: account.accountId, email, name: 'Pat', role: 'CAMPAIGN_MANAGER', password: PASSWORD },
  });
  const response = await fetch(`${t.url}/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  return { cookie: response.headers.get('set-cookie')!.split(';')[0]!, ownerKey: account.ownerKey, userId: created.createUser.user.id };
}

async function withCookie(cookie: string, query: string, variables?: Record<string, unknown>): Promise<any> {
  const response = await fetch(`${t.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, ...((await response.json()) as object) };
}

/** Every kind at `email`, except the opt-in kinds, which stay at their default (off). */
const all = (email: boolean) => KINDS.map((kind) => ({ kind, email: OPT_IN.has(kind) ? false : email }));

describe('notificationPreferences', () => {
  it('lists every kind, on by default except the opt-in usage reports, for the signed-in user', async () => {
    const { cookie, userId } = await signedInUser();
    const response = await withCookie(cookie, ME);
    expect(response.errors).toBeUndefined();
    expect(response.data.me.user).toEqual({ id: userId, notificationPreferences: all(true) });
  });

  it('sets one kind off and on again for that user only (idempotent)', async () => {
    const { cookie } = await signedInUser();
    const other = await signedInUser();
    const off = await withCookie(cookie, SET, { input: { kind: 'LOW_BALANCE', email: false } });
    expect(off.errors).toBeUndefined();
    expect(off.data.setNotificationPreference.preference).toEqual({ kind: 'LOW_BALANCE', email: false });
    const expected = all(true).map((entry) => (entry.kind === 'LOW_BALANCE' ? { ...entry, email: false } : entry));
    expect(off.data.setNotificationPreference.preferences).toEqual(expected);
    const again = await withCookie(cookie, SET, { input: { kind: 'LOW_BALANCE', email: false } });
    expect(again.data.setNotificationPreference.preferences).toEqual(expected);
    expect((await withCookie(cookie, ME)).data.me.user.notificationPreferences).toEqual(expected);
    expect((await withCookie(other.cookie, ME)).data.me.user.notificationPreferences).toEqual(all(true));
    const on = await withCookie(cookie, SET, { input: { kind: 'LOW_BALANCE', email: true } });
    expect(on.data.setNotificationPreference.preferences).toEqual(all(true));
  });

  it('FORBIDDEN for an API key and for the operator token: preferences belong to a signed-in user', async () => {
    const { ownerKey } = await signedInUser();
    for (const token of [ownerKey, t.adminToken]) {
      const response = await t.graphql(token, SET, { input: { kind: 'PAYMENT_FAILED', email: false } });
      expect(response.errors?.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);
      expect(response.data).toBeNull();
    }
    // An API key has no user to read preferences of: no error, just no user.
    expect((await t.ok(ownerKey, ME)).me.user).toBeNull();
  });

  it("FORBIDDEN to read another user's preferences (the operator creating a user)", async () => {
    const account = await t.createAccount();
    const response = await t.graphql(
      t.adminToken,
      `mutation($input: CreateUserInput!) { createUser(input: $input) { user { id notificationPreferences { kind } } } }`,
      {
        input: {
          accountId: account.accountId,
          email: `u-${randomUUID().slice(0, 8)}@example.com`,
          name: 'Sam',
          role: 'OWNER',
          password: PASSWORD,
        },
      },
    );
    expect(response.errors?.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);
  });

  it('UNAUTHENTICATED without credentials', async () => {
    const response = await t.graphql(null, SET, { input: { kind: 'PAYMENT_FAILED', email: false } });
    expect(response.status).toBe(401);
    expect(response.errors?.map((error) => error.extensions?.code)).toEqual(['UNAUTHENTICATED']);
  });

  it('BAD_USER_INPUT for a kind that is not a NotificationKind (e.g. a feed-only alert kind)', async () => {
    const { cookie } = await signedInUser();
    const response = await withCookie(cookie, SET, { input: { kind: 'CALLS_STOPPED', email: false } });
    expect(response.errors?.map((error: any) => error.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    expect((await withCookie(cookie, ME)).data.me.user.notificationPreferences).toEqual(all(true));
  });
});
