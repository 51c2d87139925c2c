// Goal: the spend caps' two alerts (80 % and reached) are e-mailed to the account's people like the other alerts, once
// per cap and period, with the cap and a link to raise it. Method: the real server with a real SMTP server in the test
// process; real charges cross the caps, the alert processor raises the alerts, the mail jobs are run by hand.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { drainMailJobs } from '../support/consumers.js';
import { startSmtpTestServer, type SmtpTestServer } from '../support/smtp-test-server.js';
import { until } from '../support/waiting.js';

const PUBLIC_URL = 'https://app.spendwire.test';
let t: TestApp;
let smtp: SmtpTestServer;

beforeAll(async () => {
  smtp = await startSmtpTestServer();
  t = await startTestApp({ billingClockEnabled: false, smtpUrl: smtp.url, publicUrl: PUBLIC_URL, alertsIntervalMs: 50 });
});
afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

const CHARGE = `mutation($input: ChargeInput!) { charge(input: $input) { transaction { id } } }`;

it('SPEND_CAP_WARNING at 80 % and SPEND_CAP_REACHED at the cap: one e-mail each, with the cap and a link to Settings', async () => {
  const { accountId, walletId, ownerKey } = await t.createAccount('Acme Caps');
  const email = `owner-${randomUUID().slice(0, 8)}@example.com`;
  await t.ok(t.adminToken, `mutation($input: CreateUserInput!) { createUser(input: $input) { user { id } } }`, {
    input: { accountId, email, name: 'Owner', role: 'OWNER', password: 'correct horse battery' },
  });
  await t.fund(walletId, '100');
  await t.ok(ownerKey, `mutation($input: SetSpendCapsInput!) { setSpendCaps(input: $input) { spendCap { scope } } }`, {
    input: { walletId, daily: '10' },
  });
  const kinds = async () =>
    (await t.ok(ownerKey, '{ alerts(first: 20) { edges { node { kind } } } }')).alerts.edges.map((e: any) => e.node.kind as string);
  await t.ok(ownerKey, CHARGE, { input: { walletId, amount: '8' } });
  await until('the 80 % alert', async () => (await kinds()).includes('SPEND_CAP_WARNING'));
  await t.ok(ownerKey, CHARGE, { input: { walletId, amount: '2' } });
  expect((await t.graphql(ownerKey, CHARGE, { input: { walletId, amount: '1' } })).errors?.[0]?.extensions?.code).toBe('SPEND_CAP_REACHED');
  await until('the cap alert', async () => (await kinds()).includes('SPEND_CAP_REACHED'));
  const mailsTo = () => smtp.received.filter((mail) => mail.envelopeTo.includes(email));
  // One pass of the mail jobs may read short of what was just committed: pass until both mails are there.
  await until('the two spend cap mails', async () => {
    await drainMailJobs(t);
    return mailsTo().length >= 2;
  });
  const mails = mailsTo();
  expect(mails.map((mail) => mail.subject).sort()).toEqual([
    '80 % of a spend cap used (Acme Caps)',
    'Spend cap reached: calls and messages are stopped (Acme Caps)',
  ]);
  for (const mail of mails) {
    expect(mail.text).toContain('a spend cap of $10.00');
    expect(mail.text).toContain(`${PUBLIC_URL}/settings`);
  }
  // The reached mail names the status campaigns stopped by the cap show, and when to resume them.
  const reached = mails.find((mail) => mail.subject.startsWith('Spend cap reached'))!;
  expect(reached.text).toContain('Campaigns stopped by the cap show "Stopped: spend cap reached"; resume them once the cap resets.');
});
