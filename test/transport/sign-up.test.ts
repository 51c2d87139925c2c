// Goal: people open an account themselves (POST /auth/sign-up: account, wallet and OWNER in one transaction, signed in at once), every field is checked with its own code and a refused sign-up writes nothing, a taken address is refused, sign-ups are limited per client IP (N pass, N+1 refused), the operator can turn sign-up off, the verification link arrives through the mail outbox at a real SMTP server and works once (expiring, replaced by a resend, resends limited per user), the trial credit is granted exactly once per person (per verified address with its case, `+tag` and Gmail dots folded together; also when the link is clicked many times at once, or two spellings at once) and its wallet starts with a trial's low-balance threshold (the grant raises no alert, spending the trial down to it raises one, once; an operator's wallet funded below a threshold raises none until its balance falls from above it) as a GRANT from promotional credit that refunds never pay back, and an unverified account is refused EMAIL_NOT_VERIFIED on top-ups, campaign starts, messages, numbers and invitations. Method: the real server on its own databases (one per configuration), fetch for /auth/* and /graphql with the session cookie, mail jobs driven by hand on a manual clock (until the awaited mail is out), the alert processor drained before alerts are read, rows checked with SQL, the ledger invariants checked after the money tests.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, parseTrialCredit } from '../../server/config.js';
import { hashApiKeySecret } from '../../server/domain/accounts/api-key-secret.js';
import { ManualClock } from '../../server/domain/calls/clock.js';
import { runSql } from '../support/sql.js';
import { startSmtpTestServer, type ReceivedMail, type SmtpTestServer } from '../support/smtp-test-server.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { drainOutboxConsumer, until } from '../support/waiting.js';
import { ALERTS_CONSUMER } from '../../server/domain/alerts/raise-alerts.service.js';
import { trialLowBalanceThresholdMicros } from '../../server/domain/alerts/start-trial-thresholds.service.js';
import { drainMailJobs } from '../support/consumers.js';

const clock = new ManualClock(Date.UTC(2026, 11, 7, 9, 0));
const PUBLIC_URL = 'https://app.spendwire.test';
const PASSWORD = 'correct horse battery';
const TTL_MS = 86_400_000;
/** The per-user verification mail limit in this file (small, to reach it). */
const VERIFICATION_MAILS_MAX = 3;
let t: TestApp;
let smtp: SmtpTestServer;

beforeAll(async () => {
  smtp = await startSmtpTestServer();
  t = await startTestApp(
    {
      billingClockEnabled: false,
      smtpUrl: smtp.url,
      publicUrl: PUBLIC_URL,
      signUpsPerIpMax: 1_000,
      verificationMailsPerUserMax: VERIFICATION_MAILS_MAX,
      emailVerificationTtlMs: TTL_MS,
    },
    { clock },
  );
});
afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

const sql = (text: string, values: unknown[] = []) => runSql(t.app.orm.em.fork(), text, values);

async function post(
  app: TestApp,
  path: string,
  body: unknown,
  cookie?: string,
): Promise<{ status: number; json: any; cookie: string | null }> {
  const response = await fetch(`${app.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify(body),
  });
  return { status: response.status, json: await response.json(), cookie: response.headers.get('set-cookie') };
}

async function gql(cookie: string, query: string, variables?: Record<string, unknown>): Promise<{ data?: any; errors?: any[] }> {
  const response = await fetch(`${t.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: any; errors?: any[] };
}

const uniqueEmail = (name = 'sam') => `${name}-${randomUUID().slice(0, 8)}@example.com`;

function form(overrides: Record<string, unknown> = {}) {
  return {
    email: uniqueEmail(),
    password: PASSWORD,
    name: 'Sam Signup',
    company: 'Acme Dialers',
    country: 'gb',
    currency: 'GBP',
    ...overrides,
  };
}

/** Signs up through the API; returns the session cookie and what the server answered. */
async function signUp(overrides: Record<string, unknown> = {}) {
  const body = form(overrides);
  const answer = await post(t, '/auth/sign-up', body);
  expect(answer.status, JSON.stringify(answer.json)).toBe(200);
  return { email: String(body.email).toLowerCase(), cookie: answer.cookie!.split(';')[0]!, json: answer.json };
}

function mailsTo(email: string): ReceivedMail[] {
  return smtp.received.filter((mail) => mail.envelopeTo.includes(email));
}

/**
 * The verification link's token of the newest send to `email` (mails may arrive out of order): the one whose hash is stored now.
 * Runs the mail jobs until that mail is out: one pass sends at most `mailSendBatchSize` due mails, oldest first, so the
 * awaited one may wait for a later pass when other mails (alerts, other sign-ups) are due with it.
 */
async function tokenMailedTo(email: string): Promise<string> {
  const [stored] = await sql('select v.token_hash from email_verification v join app_user u on u.id = v.user_id where u.email = $1', [
    email,
  ]);
  const tokenOf = () =>
    mailsTo(email)
      .map((mail) => /https:\/\/app\.spendwire\.test\/verify-email\?token=(swv_[A-Za-z0-9_-]+)/.exec(mail.text ?? '')?.[1])
      .find((candidate) => candidate !== undefined && hashApiKeySecret(candidate) === stored.token_hash);
  await until(`the verification mail to ${email}`, async () => {
    await drainMailJobs(t);
    return tokenOf() !== undefined;
  });
  return tokenOf()!;
}

const ME = '{ me { role accountId user { email name role emailVerified } account { name wallets { id currency name balance } } } }';

describe('sign-up', () => {
  it('opens the account, its wallet and its OWNER at once, signs them in unverified, and mails the link through the outbox', async () => {
    const { email, cookie, json } = await signUp({ email: 'New.Person@Example.com', country: 'uk' });
    expect(json.user).toMatchObject({ email: 'new.person@example.com', role: 'OWNER', emailVerified: false });
    const me = (await gql(cookie, ME)).data.me;
    expect(me).toMatchObject({ role: 'OWNER', user: { email, name: 'Sam Signup', role: 'OWNER', emailVerified: false } });
    expect(me.account).toEqual({ name: 'Acme Dialers', wallets: [{ id: json.walletId, currency: 'GBP', name: 'Main', balance: '0' }] });
    const [account] = await sql('select billing_country, billing_legal_name, email_verified_at from account where id = $1', [me.accountId]);
    expect(account).toEqual({ billing_country: 'GB', billing_legal_name: 'Acme Dialers', email_verified_at: null });
    const [verification] = await sql(
      'select token_hash, sends, used_at from email_verification v join app_user u on u.id = v.user_id where u.email = $1',
      [email],
    );
    expect(verification).toMatchObject({ sends: 1, used_at: null });
    const token = await tokenMailedTo(email);
    // Only the token's hash is stored.
    expect(verification.token_hash).not.toContain(token);
    const mail = mailsTo(email).at(-1)!;
    expect(mail.subject).toBe('Confirm your e-mail address for Spendwire');
    expect(mail.text).toContain('£2.00 of trial credit');
  });

  it('refuses each malformed field with BAD_USER_INPUT naming it, and writes nothing', async () => {
    const [before] = await sql('select (select count(*) from account)::int as accounts, (select count(*) from app_user)::int as users');
    const cases: [Record<string, unknown>, string][] = [
      [{ email: 'not-an-address' }, 'email'],
      [{ email: '' }, 'email'],
      [{ password: 'x'.repeat(9) }, 'password'],
      [{ password: 'x'.repeat(201) }, 'password'],
      [{ name: '   ' }, 'name'],
      [{ name: 'n'.repeat(201) }, 'name'],
      [{ company: '' }, 'company'],
      [{ company: 'c'.repeat(201) }, 'company'],
      [{ country: 'GBR' }, 'country'],
      [{ country: '' }, 'country'],
      [{ currency: 'JPY' }, 'currency'],
      [{ currency: undefined }, 'currency'],
    ];
    for (const [overrides, field] of cases) {
      const answer = await post(t, '/auth/sign-up', form(overrides));
      expect([answer.status, answer.json.error.code, answer.json.error.field], JSON.stringify(overrides)).toEqual([
        400,
        'BAD_USER_INPUT',
        field,
      ]);
      expect(answer.cookie).toBeNull();
    }
    const [after] = await sql('select (select count(*) from account)::int as accounts, (select count(*) from app_user)::int as users');
    expect(after).toEqual(before);
    // The boundaries pass: a 10-character password, 200-character name and company.
    await signUp({ password: 'p'.repeat(10), name: 'n'.repeat(200), company: 'c'.repeat(200) });
  });

  it('refuses a taken address (any case) with INVALID_STATE on `email`, and writes nothing', async () => {
    const { email } = await signUp();
    const [before] = await sql('select count(*)::int as accounts from account');
    const again = await post(t, '/auth/sign-up', form({ email: email.toUpperCase() }));
    expect([again.status, again.json.error.code, again.json.error.field]).toEqual([409, 'INVALID_STATE', 'email']);
    expect(again.cookie).toBeNull();
    expect((await sql('select count(*)::int as accounts from account'))[0]).toEqual(before);
  });

  it('refuses posts that are not JSON from this site, as sign-in does', async () => {
    const foreign = await fetch(`${t.url}/auth/sign-up`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
      body: JSON.stringify(form()),
    });
    expect(foreign.status).toBe(400);
    const formPost = await fetch(`${t.url}/auth/sign-up`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'a=b',
    });
    expect(formPost.status).toBe(400);
  });
});

describe('verification and the trial credit', () => {
  it('verifies once: the trial credit is a GRANT from promotional credit, not refundable; a second click changes nothing', async () => {
    const { email, cookie, json } = await signUp({ currency: 'USD', country: 'US' });
    const token = await tokenMailedTo(email);
    const verified = await post(t, '/auth/verify-email', { token });
    expect(verified.status).toBe(200);
    expect(verified.json).toEqual({
      verified: true,
      alreadyVerified: false,
      trialCredit: { amount: '2', currency: 'USD', walletId: json.walletId },
    });
    const me = (await gql(cookie, ME)).data.me;
    expect(me.user.emailVerified).toBe(true);
    expect(me.account.wallets[0].balance).toBe('2');
    const rows = await sql(
      `select t.kind, t.amount_micros::text, t.description, pa.code from wallet_transaction t
         join ledger_entry e on e.transaction_id = t.id and e.platform_account_id is not null join platform_account pa on pa.id = e.platform_account_id
        where t.wallet_id = $1`,
      [json.walletId],
    );
    expect(rows).toEqual([
      {
        kind: 'GRANT',
        amount_micros: '2000000',
        description: 'Promotional credit: trial credit for verifying your e-mail address',
        code: 'PROMOTIONAL_CREDIT',
      },
    ]);
    const refundable = await gql(cookie, `query($id: ID!) { wallet(id: $id) { refundable } }`, { id: json.walletId });
    if (!refundable.errors) expect(refundable.data.wallet.refundable).toBe('0');
    const again = await post(t, '/auth/verify-email', { token });
    expect(again.json).toEqual({ verified: true, alreadyVerified: true, trialCredit: null });
    expect(await sql('select count(*)::int as n from wallet_transaction where wallet_id = $1', [json.walletId])).toEqual([{ n: 1 }]);
    await t.assertLedger();
  });

  it('grants the trial credit exactly once when the link is clicked many times at once', async () => {
    const { email, json } = await signUp({ currency: 'EUR', country: 'DE' });
    const token = await tokenMailedTo(email);
    const answers = await Promise.all(Array.from({ length: 8 }, () => post(t, '/auth/verify-email', { token })));
    expect(answers.map((answer) => answer.status)).toEqual(Array(8).fill(200));
    expect(answers.filter((answer) => answer.json.trialCredit !== null)).toHaveLength(1);
    expect(answers.filter((answer) => answer.json.alreadyVerified)).toHaveLength(7);
    expect(await sql(`select kind, amount_micros::text from wallet_transaction where wallet_id = $1`, [json.walletId])).toEqual([
      { kind: 'GRANT', amount_micros: '2000000' },
    ]);
    expect(await sql('select count(*)::int as n from trial_credit_grant where email = $1', [email])).toEqual([{ n: 1 }]);
    await t.assertLedger();
  });

  it('gives an address its trial once: an address that had it before verifies without a second grant', async () => {
    const earlier = await signUp();
    await post(t, '/auth/verify-email', { token: await tokenMailedTo(earlier.email) });
    // The same address signs up again after its first user is gone (the operator removed it).
    const email = uniqueEmail('again');
    await sql(`update trial_credit_grant set email = $1, email_key = $1 where email = $2`, [email, earlier.email]);
    const { json } = await signUp({ email });
    const verified = await post(t, '/auth/verify-email', { token: await tokenMailedTo(email) });
    expect(verified.json).toMatchObject({ verified: true, alreadyVerified: false, trialCredit: null });
    expect(await sql('select count(*)::int as n from wallet_transaction where wallet_id = $1', [json.walletId])).toEqual([{ n: 0 }]);
  });

  it('refuses an unknown or expired link with BAD_USER_INPUT on `token`', async () => {
    const unknown = await post(t, '/auth/verify-email', { token: 'swv_nothing' });
    expect([unknown.status, unknown.json.error.code, unknown.json.error.field]).toEqual([400, 'BAD_USER_INPUT', 'token']);
    const { email, cookie } = await signUp();
    const token = await tokenMailedTo(email);
    clock.advance(TTL_MS);
    const expired = await post(t, '/auth/verify-email', { token });
    expect([expired.status, expired.json.error.field]).toEqual([400, 'token']);
    expect((await gql(cookie, ME)).data.me.user.emailVerified).toBe(false);
  });

  it('resends a new link (the earlier one stops working), at most verificationMailsPerUserMax mails per window, and not once verified', async () => {
    const { email, cookie } = await signUp();
    const first = await tokenMailedTo(email);
    for (let send = 2; send <= VERIFICATION_MAILS_MAX; send += 1) {
      const resent = await post(t, '/auth/resend-verification', {}, cookie);
      expect(resent.status, JSON.stringify(resent.json)).toBe(200);
    }
    const refused = await post(t, '/auth/resend-verification', {}, cookie);
    expect([refused.status, refused.json.error.code, refused.json.error.limit]).toEqual([
      429,
      'RATE_LIMITED',
      'verificationMailsPerUserMax',
    ]);
    const latest = await tokenMailedTo(email);
    expect(mailsTo(email)).toHaveLength(VERIFICATION_MAILS_MAX);
    expect(mailsTo(email).at(-1)!.subject).toBe('Your new link to confirm your e-mail address');
    const old = await post(t, '/auth/verify-email', { token: first });
    expect([old.status, old.json.error.field]).toEqual([400, 'token']);
    const newest = await post(t, '/auth/verify-email', { token: latest });
    expect(newest.status, JSON.stringify(newest.json)).toBe(200);
    const verified = await post(t, '/auth/resend-verification', {}, cookie);
    expect([verified.status, verified.json.error.code]).toEqual([409, 'INVALID_STATE']);
    const signedOut = await post(t, '/auth/resend-verification', {});
    expect([signedOut.status, signedOut.json.error.code]).toEqual([401, 'UNAUTHENTICATED']);
  });
});

describe('an unverified account', () => {
  it('is refused EMAIL_NOT_VERIFIED on top-ups, campaign starts, calls, messages, numbers and invitations; verified, it may', async () => {
    const { email, cookie, json } = await signUp({ currency: 'USD', country: 'US' });
    const walletId = json.walletId;
    const me = (await gql(cookie, ME)).data.me;
    const ratePlanId = await t.createRatePlan(
      [
        {
          prefix: '+44',
          perMinute: '0.10',
          firstIncrementSeconds: 60,
          nextIncrementSeconds: 6,
          smsPerSegment: '0.05',
          numberPurchase: '1.00',
          numberMonthly: '1.00',
        },
      ],
      'USD',
    );
    const campaign = await gql(cookie, `mutation($input: CreateCampaignInput!) { createCampaign(input: $input) { campaign { id } } }`, {
      input: { walletId, ratePlanId, name: 'Trial campaign' },
    });
    const campaignId = campaign.data.createCampaign.campaign.id;
    const attempts: [string, string, Record<string, unknown>][] = [
      [
        'topUp',
        `mutation($input: TopUpInput!) { topUp(input: $input) { topUp { id } } }`,
        { input: { walletId, amount: '20.00', paymentMethodId: 'pm_card_visa' } },
      ],
      ['startCampaign', `mutation($id: ID!) { startCampaign(id: $id) { campaign { id } } }`, { id: campaignId }],
      [
        'sendMessage',
        `mutation($input: SendMessageInput!) { sendMessage(input: $input) { messages { id } } }`,
        { input: { walletId, ratePlanId, from: 'Acme', to: ['+447700900123'], body: 'hi' } },
      ],
      [
        'purchaseNumber',
        `mutation($input: PurchaseNumberInput!) { purchaseNumber(input: $input) { phoneNumber { id } } }`,
        { input: { walletId, ratePlanId, number: '+447700900124' } },
      ],
      [
        'inviteUser',
        `mutation($input: InviteUserInput!) { inviteUser(input: $input) { token } }`,
        { input: { email: uniqueEmail('friend'), role: 'INTEGRATOR' } },
      ],
    ];
    for (const [name, query, variables] of attempts) {
      const answer = await gql(cookie, query, variables);
      expect(answer.errors?.[0]?.extensions?.code, `${name}: ${JSON.stringify(answer)}`).toBe('EMAIL_NOT_VERIFIED');
    }
    // Nothing was written by the refusals.
    expect(await sql('select count(*)::int as n from top_up where wallet_id = $1', [walletId])).toEqual([{ n: 0 }]);
    expect(await sql(`select status from campaign where id = $1`, [campaignId])).toEqual([{ status: 'DRAFT' }]);
    // A campaign running anyway (set by hand here: it cannot be started unverified) places no call.
    await sql(`update campaign set status = 'RUNNING' where id = $1`, [campaignId]);
    const call = await gql(cookie, `mutation($input: StartCallInput!) { startCall(input: $input) { call { id } } }`, {
      input: { campaignId, to: '+447700900125' },
    });
    expect(call.errors?.[0]?.extensions?.code, JSON.stringify(call)).toBe('EMAIL_NOT_VERIFIED');
    expect(await sql('select count(*)::int as n from call where campaign_id = $1', [campaignId])).toEqual([{ n: 0 }]);
    await sql(`update campaign set status = 'DRAFT' where id = $1`, [campaignId]);
    expect(await sql(`select count(*)::int as n from user_invitation where account_id = $1`, [me.accountId])).toEqual([{ n: 0 }]);
    await post(t, '/auth/verify-email', { token: await tokenMailedTo(email) });
    const started = await gql(cookie, `mutation($id: ID!) { startCampaign(id: $id) { campaign { status } } }`, { id: campaignId });
    expect(started.errors).toBeUndefined();
    expect(started.data.startCampaign.campaign.status).toBe('RUNNING');
  });
});

describe('limits and the operator switch', () => {
  it('limits sign-ups per client IP: signUpsPerIpMax pass (refused ones count), one more is refused RATE_LIMITED with Retry-After', async () => {
    const limited = await startTestApp({ billingClockEnabled: false, signUpsPerIpMax: 3, signUpWindowSeconds: 3_600 });
    try {
      expect((await post(limited, '/auth/sign-up', form({ email: 'bad' }))).status).toBe(400);
      expect((await post(limited, '/auth/sign-up', form())).status).toBe(200);
      expect((await post(limited, '/auth/sign-up', form())).status).toBe(200);
      const refused = await fetch(`${limited.url}/auth/sign-up`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(form()),
      });
      const body = (await refused.json()) as any;
      expect([refused.status, body.error.code, body.error.limit]).toEqual([429, 'RATE_LIMITED', 'signUpsPerIpMax']);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(3_000);
      expect(await runSql(limited.app.orm.em.fork(), 'select count(*)::int as n from app_user')).toEqual([{ n: 2 }]);
    } finally {
      await limited.close();
    }
  });

  it('SIGN_UP=0 turns sign-up off: 403 SIGN_UP_DISABLED, nothing written, and the options say so', async () => {
    expect(loadConfig({ SIGN_UP: '0' }).signUpEnabled).toBe(false);
    expect(loadConfig({}).signUpEnabled).toBe(true);
    const off = await startTestApp({ billingClockEnabled: false, signUpEnabled: false });
    try {
      const refused = await post(off, '/auth/sign-up', form());
      expect([refused.status, refused.json.error.code]).toEqual([403, 'SIGN_UP_DISABLED']);
      expect(refused.cookie).toBeNull();
      expect((await post(off, '/auth/sign-up/options', {})).json.enabled).toBe(false);
      expect(await runSql(off.app.orm.em.fork(), 'select count(*)::int as n from app_user')).toEqual([{ n: 0 }]);
    } finally {
      await off.close();
    }
    const on = await post(t, '/auth/sign-up/options', {});
    expect(on.json).toEqual({
      enabled: true,
      currencies: ['USD', 'EUR', 'GBP', 'CAD', 'AUD'],
      trialCredit: { USD: '2', EUR: '2', GBP: '2', CAD: '2', AUD: '2' },
    });
  });

  it('reads TRIAL_CREDIT: one amount for every currency, a list, or 0 for none', () => {
    expect(loadConfig({}).trialCreditMicros.USD).toBe(2_000_000n);
    expect(parseTrialCredit('5')).toMatchObject({ USD: 5_000_000n, AUD: 5_000_000n });
    expect(parseTrialCredit('USD=1.5,EUR=0')).toEqual({ USD: 1_500_000n, EUR: 0n });
    expect(parseTrialCredit('0').GBP).toBe(0n);
    expect(() => parseTrialCredit('USD=abc')).toThrow(/TRIAL_CREDIT/);
  });
});

/** Signs up and verifies; returns the session cookie, the wallet and what the verification answered. */
async function signUpVerified(overrides: Record<string, unknown> = {}) {
  const signedUp = await signUp(overrides);
  const verified = await post(t, '/auth/verify-email', { token: await tokenMailedTo(signedUp.email) });
  expect(verified.status, JSON.stringify(verified.json)).toBe(200);
  return { ...signedUp, walletId: signedUp.json.walletId as string, verified: verified.json };
}

describe('one trial per person', () => {
  it('the first spelling of an address gets the trial; another spelling verified later gets none, and its account works', async () => {
    const local = `ann.lee${randomUUID().slice(0, 6)}`;
    const first = await signUpVerified({ email: `${local}+trial@gmail.com`, currency: 'USD', country: 'US' });
    expect(first.verified.trialCredit).toEqual({ amount: '2', currency: 'USD', walletId: first.walletId });
    // The address the person typed is what they sign in with and what the grant records as verified.
    expect(await sql('select email, email_key from trial_credit_grant where wallet_id = $1', [first.walletId])).toEqual([
      { email: `${local}+trial@gmail.com`, email_key: `${local.replaceAll('.', '')}@gmail.com` },
    ]);
    for (const spelling of [`${local.toUpperCase()}@GMAIL.com`, `${local.replace('.', '')}+again@googlemail.com`]) {
      const again = await signUpVerified({ email: spelling, currency: 'USD', country: 'US' });
      expect(again.verified, spelling).toEqual({ verified: true, alreadyVerified: false, trialCredit: null });
      const me = (await gql(again.cookie, ME)).data.me;
      expect(me.user).toMatchObject({ email: spelling.toLowerCase(), emailVerified: true });
      expect(me.account.wallets[0].balance).toBe('0');
      const signedIn = await post(t, '/auth/sign-in', { email: spelling, password: PASSWORD });
      expect(signedIn.status, JSON.stringify(signedIn.json)).toBe(200);
    }
    expect(
      await sql('select count(*)::int as n from trial_credit_grant where email_key = $1', [`${local.replaceAll('.', '')}@gmail.com`]),
    ).toEqual([{ n: 1 }]);
    await t.assertLedger();
  });

  it('folds the case and the +tag everywhere, but dots only at Gmail: s.am@ is another person than sam@ elsewhere', async () => {
    const local = `sam${randomUUID().slice(0, 6)}`;
    expect((await signUpVerified({ email: `${local}+a@example.com` })).verified.trialCredit).not.toBeNull();
    expect((await signUpVerified({ email: `${local.toUpperCase()}+b@Example.COM` })).verified.trialCredit).toBeNull();
    expect((await signUpVerified({ email: `${local.slice(0, 1)}.${local.slice(1)}@example.com` })).verified.trialCredit).not.toBeNull();
  });

  it('grants one trial when two spellings of one address are verified at the same moment', async () => {
    const local = `kim${randomUUID().slice(0, 6)}`;
    const spellings = [`${local}+one@example.org`, `${local}+two@example.org`, `${local}@example.org`];
    const accounts = [];
    for (const email of spellings) {
      const signedUp = await signUp({ email, currency: 'EUR', country: 'DE' });
      accounts.push({ ...signedUp, token: await tokenMailedTo(email) });
    }
    const answers = await Promise.all(accounts.map((account) => post(t, '/auth/verify-email', { token: account.token })));
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200]);
    expect(answers.filter((answer) => answer.json.trialCredit !== null)).toHaveLength(1);
    const [granted] = await sql(
      `select count(*)::int as n, coalesce(sum(amount_micros), 0)::text as micros from wallet_transaction where wallet_id = any($1::uuid[])`,
      [accounts.map((account) => account.json.walletId)],
    );
    expect(granted).toEqual({ n: 1, micros: '2000000' });
    await t.assertLedger();
  });
});

describe('low-balance alerts of a trial', () => {
  const drainAlerts = () => drainOutboxConsumer(sql, ALERTS_CONSUMER, () => t.app.alertProcessor.pass());
  const alertsOf = async (walletId: string) => {
    await drainAlerts();
    return sql(
      `select kind, threshold_micros::text as threshold, balance_micros::text as balance from alert where wallet_id = $1 order by id`,
      [walletId],
    );
  };
  const THRESHOLDS = 'query($id: ID!) { wallet(id: $id) { lowBalanceThresholds } }';
  const charge = async (cookie: string, walletId: string, amount: string) => {
    const answer = await gql(cookie, `mutation($input: ChargeInput!) { charge(input: $input) { transaction { id } } }`, {
      input: { walletId, amount, description: 'usage', idempotencyKey: randomUUID() },
    });
    expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined();
  };

  it('the trial raises no alert; spending it down to half raises LOW_BALANCE once (not a micro before), then BALANCE_DEPLETED', async () => {
    const { cookie, walletId } = await signUpVerified({ currency: 'USD', country: 'US' });
    expect((await gql(cookie, THRESHOLDS, { id: walletId })).data.wallet.lowBalanceThresholds).toEqual(['1', '0']);
    expect(await alertsOf(walletId)).toEqual([]);
    await charge(cookie, walletId, '0.999999');
    expect(await alertsOf(walletId)).toEqual([]);
    await charge(cookie, walletId, '0.000001');
    const low = [{ kind: 'LOW_BALANCE', threshold: '1000000', balance: '1000000' }];
    expect(await alertsOf(walletId)).toEqual(low);
    await charge(cookie, walletId, '0.50');
    expect(await alertsOf(walletId)).toEqual(low);
    await charge(cookie, walletId, '0.50');
    expect(await alertsOf(walletId)).toEqual([...low, { kind: 'BALANCE_DEPLETED', threshold: '0', balance: '0' }]);
    const [audit] = await sql(`select action, after from audit_log where target_id = $1 and action = 'LOW_BALANCE_THRESHOLDS_CHANGED'`, [
      walletId,
    ]);
    expect(audit).toMatchObject({ after: { thresholds: ['1', '0'], trialCredit: true } });
    await t.assertLedger();
  });

  it('an operator-made wallet funded below its 5.00 threshold raises nothing; falling to 5.00 from above raises LOW_BALANCE once', async () => {
    const { walletId, ownerKey } = await t.createAccount('Operator-made', 'USD');
    await t.fund(walletId, '2');
    expect(await alertsOf(walletId)).toEqual([]);
    expect((await t.ok(ownerKey, THRESHOLDS, { id: walletId })).wallet.lowBalanceThresholds).toEqual(['5', '0']);
    await t.fund(walletId, '10');
    const chargeAsOwner = (amount: string) =>
      t.ok(ownerKey, `mutation($input: ChargeInput!) { charge(input: $input) { transaction { id } } }`, {
        input: { walletId, amount, description: 'usage', idempotencyKey: randomUUID() },
      });
    await chargeAsOwner('6.999999');
    expect(await alertsOf(walletId)).toEqual([]);
    await chargeAsOwner('0.000001');
    await chargeAsOwner('1');
    expect(await alertsOf(walletId)).toEqual([{ kind: 'LOW_BALANCE', threshold: '5000000', balance: '5000000' }]);
    await t.assertLedger();
  });

  it('keeps thresholds someone chose before the trial arrived', async () => {
    const { email, cookie, json } = await signUp({ currency: 'USD', country: 'US' });
    const set = await gql(
      cookie,
      `mutation($input: SetLowBalanceThresholdsInput!) { setLowBalanceThresholds(input: $input) { thresholds } }`,
      {
        input: { walletId: json.walletId, thresholds: ['0.25', '0'] },
      },
    );
    expect(set.errors, JSON.stringify(set.errors)).toBeUndefined();
    await post(t, '/auth/verify-email', { token: await tokenMailedTo(email) });
    expect((await gql(cookie, THRESHOLDS, { id: json.walletId })).data.wallet.lowBalanceThresholds).toEqual(['0.25', '0']);
  });

  it('reads TRIAL_LOW_BALANCE_THRESHOLD_PERCENT: 50 unset, 0..90 (91 refused); the threshold is rounded down to a cent', () => {
    expect(loadConfig({}).trialLowBalanceThresholdPercent).toBe(50);
    expect(loadConfig({ TRIAL_LOW_BALANCE_THRESHOLD_PERCENT: '90' }).trialLowBalanceThresholdPercent).toBe(90);
    expect(() => loadConfig({ TRIAL_LOW_BALANCE_THRESHOLD_PERCENT: '91' })).toThrow(/TRIAL_LOW_BALANCE_THRESHOLD_PERCENT/);
    expect(loadConfig({ TRIAL_LOW_BALANCE_THRESHOLD_PERCENT: '0' }).trialLowBalanceThresholdPercent).toBe(0);
    expect(trialLowBalanceThresholdMicros(2_000_000n, 50)).toBe(1_000_000n);
    expect(trialLowBalanceThresholdMicros(1_500_000n, 50)).toBe(750_000n);
    expect(trialLowBalanceThresholdMicros(30_000n, 50)).toBe(10_000n);
    expect(trialLowBalanceThresholdMicros(2_000_000n, 0)).toBeNull();
  });
});
