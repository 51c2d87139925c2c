// Goal: without SMTP_URL the server runs its own mail jobs into a loopback SMTP sink that keeps the latest mails (mailSinkMessagesMax) and shows them at /dev/mail; with SMTP_URL there is no such page. Method: the real server with mail jobs running on their timer, an alert inserted with SQL, the page fetched over HTTP until the mail appears.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../server/database/sql.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { until } from '../support/waiting.js';

const SINK_MESSAGES_MAX = 2;
let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({
    billingClockEnabled: false,
    smtpUrl: undefined,
    mailEnabled: true,
    mailIntervalMs: 50,
    mailSinkMessagesMax: SINK_MESSAGES_MAX,
  });
});
afterAll(async () => {
  await t?.close();
});

async function customerWithUser(name: string): Promise<{ accountId: string; walletId: string; email: string }> {
  const account = await t.createAccount(name);
  const email = `dev-${randomUUID().slice(0, 8)}@example.com`;
  await t.ok(t.adminToken, `mutation($input: CreateUserInput!) { createUser(input: $input) { user { id } } }`, {
    input: { accountId: account.accountId, email, name: 'Dev', role: 'OWNER', password: 'correct horse battery' },
  });
  return { ...account, email };
}

const insertLowBalanceAlert = sql<never, { accountId: string; walletId: string; balanceMicros: bigint; dedupeKey: string }>(
  `insert into alert (kind, severity, account_id, wallet_id, currency, threshold_micros, balance_micros, message, dedupe_key, raised_at)
   values ('LOW_BALANCE', 'WARNING', :accountId, :walletId, 'USD', 5000000, :balanceMicros, 'Balance fell below 5', :dedupeKey, now())`,
);

async function raiseLowBalance(accountId: string, walletId: string, balanceMicros: bigint): Promise<void> {
  await insertLowBalanceAlert.run(t.app.orm.em.fork(), { accountId, walletId, balanceMicros, dedupeKey: randomUUID() });
}

/** GETs a dev page with the operator's token. */
function asAdmin(url: string): Promise<Response> {
  return fetch(url, { headers: { authorization: `Bearer ${t.adminToken}` } });
}

/** Fetches /dev/mail until `predicate` holds; fails after `timeoutMs`. */
async function pageWhen(predicate: (html: string) => boolean, timeoutMs = 10_000): Promise<string> {
  let html = '';
  await until(
    '/dev/mail to show the expected mail',
    async () => {
      html = await (await asAdmin(`${t.url}/dev/mail`)).text();
      return predicate(html);
    },
    timeoutMs,
    50,
  );
  return html;
}

describe('/dev/mail', () => {
  it('lists the mail the running jobs sent to the sink, escaped, and shows one with its text', async () => {
    expect(t.app.mailSink).toBeDefined();
    const { accountId, walletId, email } = await customerWithUser('<b>Tags</b> & Co');
    await raiseLowBalance(accountId, walletId, 4_500_000n);
    const html = await pageWhen((page) => page.includes(email));
    expect(html).toContain('Low balance: $4.50 left in &lt;b&gt;Tags&lt;/b&gt; &amp; Co');
    expect(html).not.toContain('<b>Tags</b>');
    const id = /href="\/dev\/mail\/([0-9]+)"/.exec(html)![1];
    const detail = await asAdmin(`${t.url}/dev/mail/${id}`);
    expect(detail.status).toBe(200);
    const text = await detail.text();
    expect(text).toContain('it is now $4.50.');
    expect(text).toContain(`Top up now: ${t.url}/top-up`);
    const raw = await (await asAdmin(`${t.url}/dev/mail/${id}/raw`)).text();
    expect(raw).toMatch(/^Subject: /m);
    expect((await asAdmin(`${t.url}/dev/mail/999999`)).status).toBe(404);
    expect((await asAdmin(`${t.url}/dev/mail/abc`)).status).toBe(404);
  });

  it(`keeps only the latest ${SINK_MESSAGES_MAX} mails (mailSinkMessagesMax), newest first`, async () => {
    const { accountId, walletId } = await customerWithUser('Sink Co');
    // One at a time: mails sent in one pass arrive in any order.
    for (const balance of ['3.00', '2.00', '1.00']) {
      await raiseLowBalance(accountId, walletId, BigInt(Number(balance) * 1_000_000));
      await pageWhen((page) => page.includes(`$${balance} left in Sink Co`));
    }
    const list = t.app.mailSink!.list();
    expect(list).toHaveLength(SINK_MESSAGES_MAX);
    expect(list.map((mail) => mail.parsed.subject)).toEqual(['Low balance: $1.00 left in Sink Co', 'Low balance: $2.00 left in Sink Co']);
    expect(list[0]!.id).toBeGreaterThan(list[1]!.id);
  });
});

describe('with SMTP_URL', () => {
  it('starts no sink and serves no /dev/mail page', async () => {
    const other = await startTestApp({ billingClockEnabled: false, smtpUrl: 'smtp://127.0.0.1:9' });
    try {
      expect(other.app.mailSink).toBeUndefined();
      const response = await fetch(`${other.url}/dev/mail`);
      expect(await response.text()).not.toContain('Captured mail');
    } finally {
      await other.close();
    }
  });
});
