// Goal: every audited mutation (keys, team, settings, thresholds, webhook endpoints, campaign budgets, support's money actions) leaves
// exactly one audit log entry with who, what, before → after and the request's IP, written with the change (a refused mutation leaves
// none), no secret ever appears in an entry, tenants see staff only as staff, the roles that may read it, and the page boundaries.
// Method: the real server over HTTP with API keys and a signed-in session; each mutation's entry read back through `auditLog`; the
// whole table searched for the secrets the API handed out.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type GraphQLResponse, type TestApp } from '../../support/test-app.js';
import { runSql } from '../../support/sql.js';

let t: TestApp;
let support: { id: string; secret: string };
const PASSWORD = 'correct horse battery';

beforeAll(async () => {
  t = await startTestApp({ billingClockEnabled: false });
  support = await t.createKey(null, 'SUPPORT');
});
afterAll(async () => {
  await t?.close();
});

const AUDIT = `query($accountId: ID, $first: Int, $after: String, $actions: [AuditAction!]) {
  auditLog(accountId: $accountId, first: $first, after: $after, actions: $actions) {
    edges { cursor node { id accountId action targetType targetId clientIp before after createdAt actor { kind id name role staff } } }
    pageInfo { hasNextPage endCursor } } }`;

const sql = (text: string, values: unknown[] = []) => runSql(t.app.orm.em.fork(), text, values);

function expectError(response: GraphQLResponse, code: string, field?: string): void {
  expect(response.errors, JSON.stringify(response)).toHaveLength(1);
  expect(response.errors![0]!.extensions?.code).toBe(code);
  if (field !== undefined) expect(response.errors![0]!.extensions?.field).toBe(field);
}

async function entries(token: string, accountId: string | null, actions?: string[]): Promise<any[]> {
  const page = (await t.ok(token, AUDIT, { accountId, first: 100, actions: actions ?? null })).auditLog;
  return page.edges.map((edge: any) => ({ ...edge.node, before: JSON.parse(edge.node.before), after: JSON.parse(edge.node.after) }));
}

/** The account's entries of `action` (newest first), read as staff. */
async function entriesOf(accountId: string | null, action: string): Promise<any[]> {
  return entries(support.secret, accountId, [action]);
}

async function count(): Promise<number> {
  return Number((await sql('select count(*)::int as n from audit_log'))[0]!.n);
}

/** Runs a mutation that must be refused with `code`, and checks the audit log did not grow. */
async function refusedWithoutEntry(token: string, query: string, variables: Record<string, unknown>, code: string): Promise<void> {
  const before = await count();
  expectError(await t.graphql(token, query, variables), code);
  expect(await count()).toBe(before);
}

/** An account with a signed-in OWNER user (cookie) besides its OWNER key. */
async function ownerSession(): Promise<{ accountId: string; walletId: string; ownerKey: string; userId: string; cookie: string }> {
  const account = await t.createAccount('Audited tenant');
  const email = `owner-${randomUUID().slice(0, 8)}@example.com`;
  const created = await t.ok(t.adminToken, `mutation($input: CreateUserInput!) { createUser(input: $input) { user { id } } }`, {
    input: { accountId: account.accountId, email, name: 'Olivia Owner', role: 'OWNER', password: PASSWORD },
  });
  const response = await fetch(`${t.url}/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  return { ...account, userId: created.createUser.user.id, cookie: response.headers.get('set-cookie')!.split(';')[0]! };
}

async function withCookie(cookie: string, query: string, variables?: Record<string, unknown>): Promise<any> {
  const response = await fetch(`${t.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ query, variables }),
  });
  const json = (await response.json()) as { data?: any; errors?: unknown[] };
  expect(json.errors).toBeUndefined();
  return json.data;
}

describe('audit log entries', () => {
  it('API keys: created (name, role, prefix; never the secret) and revoked, by whom, from where', async () => {
    const { accountId, ownerKey } = await t.createAccount('Keys tenant');
    const ownerKeyId = (await t.ok(ownerKey, `{ me { apiKeyId } }`)).me?.apiKeyId;
    const created = (
      await t.ok(ownerKey, `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { apiKey key { id prefix } } }`, {
        input: { accountId, role: 'INTEGRATOR', name: 'CRM sync' },
      })
    ).createApiKey;
    const [entry] = await entries(ownerKey, null, ['API_KEY_CREATED']);
    expect(entry).toMatchObject({
      accountId,
      action: 'API_KEY_CREATED',
      targetType: 'API_KEY',
      targetId: created.key.id,
      clientIp: '127.0.0.1',
      before: null,
      after: { name: 'CRM sync', role: 'INTEGRATOR', prefix: created.key.prefix },
      actor: { kind: 'API_KEY', name: 'Owner key', role: 'OWNER', staff: false },
    });
    if (ownerKeyId) expect(entry.actor.id).toBe(ownerKeyId);
    expect(JSON.stringify(entry)).not.toContain(created.apiKey);
    await refusedWithoutEntry(
      ownerKey,
      `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { apiKey } }`,
      { input: { accountId, role: 'INTEGRATOR', name: ' ' } },
      'BAD_USER_INPUT',
    );

    await t.ok(ownerKey, `mutation($id: ID!) { revokeApiKey(id: $id) { key { id } } }`, { id: created.key.id });
    // Revoking again changes nothing and logs nothing.
    await t.ok(ownerKey, `mutation($id: ID!) { revokeApiKey(id: $id) { key { id } } }`, { id: created.key.id });
    const revoked = await entriesOf(accountId, 'API_KEY_REVOKED');
    expect(revoked).toHaveLength(1);
    expect(revoked[0]).toMatchObject({
      targetId: created.key.id,
      before: { revoked: false },
      after: { revoked: true },
      clientIp: '127.0.0.1',
    });
    await refusedWithoutEntry(ownerKey, `mutation($id: ID!) { revokeApiKey(id: $id) { key { id } } }`, { id: randomUUID() }, 'NOT_FOUND');
  });

  it('team: invitation, role change and removal, by the signed-in user (named)', async () => {
    const { accountId, userId, cookie } = await ownerSession();
    const invited = (
      await withCookie(cookie, `mutation($input: InviteUserInput!) { inviteUser(input: $input) { token invitation { id } } }`, {
        input: { email: 'new.person@example.com', role: 'CAMPAIGN_MANAGER' },
      })
    ).inviteUser;
    const [invitation] = await entriesOf(accountId, 'USER_INVITED');
    expect(invitation).toMatchObject({
      targetType: 'INVITATION',
      targetId: invited.invitation.id,
      after: { email: 'new.person@example.com', role: 'CAMPAIGN_MANAGER' },
      actor: { kind: 'USER', id: userId, name: 'Olivia Owner', role: 'OWNER' },
      clientIp: '127.0.0.1',
    });
    expect(JSON.stringify(invitation)).not.toContain(invited.token);
    const REVOKE_INVITATION = `mutation($id: ID!) { revokeInvitation(id: $id) { invitation { id } } }`;
    await withCookie(cookie, REVOKE_INVITATION, { id: invited.invitation.id });
    const [revokedInvitation] = await entriesOf(accountId, 'INVITATION_REVOKED');
    expect(revokedInvitation).toMatchObject({
      targetId: invited.invitation.id,
      before: { status: 'PENDING' },
      after: { status: 'REVOKED', email: 'new.person@example.com' },
    });
    const ownerKeyForRefusal = (await t.createKey(accountId, 'OWNER')).secret;
    await refusedWithoutEntry(ownerKeyForRefusal, REVOKE_INVITATION, { id: invited.invitation.id }, 'INVITATION_NOT_PENDING');

    const member = (
      await t.ok(t.adminToken, `mutation($input: CreateUserInput!) { createUser(input: $input) { user { id } } }`, {
        input: {
          accountId,
          email: `m-${randomUUID().slice(0, 6)}@example.com`,
          name: 'Max Member',
          role: 'INTEGRATOR',
          password: PASSWORD,
        },
      })
    ).createUser.user.id;
    // The operator made this user directly: logged without the password, by the operator's token.
    const [created] = await entriesOf(accountId, 'USER_CREATED');
    expect(created).toMatchObject({
      targetId: member,
      before: null,
      after: { name: 'Max Member', role: 'INTEGRATOR' },
      actor: { kind: 'OPERATOR_TOKEN', staff: true },
    });
    expect(JSON.stringify(created)).not.toContain(PASSWORD);
    await withCookie(cookie, `mutation($input: ChangeMemberRoleInput!) { changeMemberRole(input: $input) { user { id } } }`, {
      input: { userId: member, role: 'CAMPAIGN_MANAGER' },
    });
    const [changed] = await entriesOf(accountId, 'MEMBER_ROLE_CHANGED');
    expect(changed).toMatchObject({ targetId: member, before: { role: 'INTEGRATOR' }, after: { role: 'CAMPAIGN_MANAGER' } });
    await withCookie(cookie, `mutation($input: RemoveMemberInput!) { removeMember(input: $input) { user { id } } }`, {
      input: { userId: member },
    });
    const [removed] = await entriesOf(accountId, 'MEMBER_REMOVED');
    expect(removed).toMatchObject({ targetId: member, before: { active: true, name: 'Max Member' }, after: { active: false } });
    // The last owner cannot be removed: refused, nothing logged.
    const ownerKey = (await t.createKey(accountId, 'OWNER')).secret;
    await refusedWithoutEntry(
      ownerKey,
      `mutation($input: RemoveMemberInput!) { removeMember(input: $input) { user { id } } }`,
      { input: { userId } },
      'LAST_OWNER',
    );
  });

  it('settings: auto-recharge, monthly recharge, notification preference, billing profile, thresholds', async () => {
    const { accountId, walletId, ownerKey, userId, cookie } = await ownerSession();
    await t.ok(ownerKey, `mutation($input: AddPaymentMethodInput!) { addPaymentMethod(input: $input) { status } }`, {
      input: { paymentMethodId: 'pm_card_visa' },
    });
    const AUTO = `mutation($input: SetAutoRechargeInput!) { setAutoRecharge(input: $input) { autoRecharge { enabled } } }`;
    await t.ok(ownerKey, AUTO, { input: { walletId, enabled: true, threshold: '10', target: '50' } });
    await t.ok(ownerKey, AUTO, { input: { walletId, enabled: false, threshold: '20', target: '60' } });
    const autos = await entriesOf(accountId, 'AUTO_RECHARGE_CHANGED');
    expect(autos.map((entry) => [entry.before, entry.after])).toEqual([
      [
        { enabled: true, threshold: '10', target: '50' },
        { enabled: false, threshold: '20', target: '60' },
      ],
      [null, { enabled: true, threshold: '10', target: '50' }],
    ]);
    await refusedWithoutEntry(ownerKey, AUTO, { input: { walletId, enabled: true, threshold: '-1', target: '60' } }, 'BAD_USER_INPUT');

    const MONTHLY = `mutation($input: SetMonthlyRechargeInput!) { setMonthlyRecharge(input: $input) { autoRecharge { monthlyEnabled } } }`;
    await t.ok(ownerKey, MONTHLY, { input: { walletId, enabled: true, dayOfMonth: 3, amount: '25' } });
    const [monthly] = await entriesOf(accountId, 'MONTHLY_RECHARGE_CHANGED');
    expect(monthly).toMatchObject({ targetId: walletId, after: { enabled: true, dayOfMonth: 3, amount: '25' } });
    await refusedWithoutEntry(ownerKey, MONTHLY, { input: { walletId, enabled: true, dayOfMonth: 29, amount: '25' } }, 'BAD_USER_INPUT');

    const PREFERENCE = `mutation($input: SetNotificationPreferenceInput!) { setNotificationPreference(input: $input) { preference { kind } } }`;
    await withCookie(cookie, PREFERENCE, { input: { kind: 'LOW_BALANCE', email: false } });
    await withCookie(cookie, PREFERENCE, { input: { kind: 'LOW_BALANCE', email: false } });
    const preferences = await entriesOf(accountId, 'NOTIFICATION_PREFERENCE_CHANGED');
    expect(preferences).toHaveLength(1);
    expect(preferences[0]).toMatchObject({
      targetId: userId,
      before: { kind: 'LOW_BALANCE', email: true },
      after: { kind: 'LOW_BALANCE', email: false },
      actor: { kind: 'USER', id: userId },
    });
    await refusedWithoutEntry(ownerKey, PREFERENCE, { input: { kind: 'LOW_BALANCE', email: true } }, 'FORBIDDEN');

    const BILLING = `mutation($input: UpdateBillingProfileInput!) { updateBillingProfile(input: $input) { billingProfile { country } } }`;
    await t.ok(ownerKey, BILLING, { input: { country: 'GB', legalName: 'Acme Ltd' } });
    const [billing] = await entriesOf(accountId, 'BILLING_PROFILE_CHANGED');
    expect(billing).toMatchObject({
      targetType: 'ACCOUNT',
      before: { country: null, legalName: null },
      after: { country: 'GB', legalName: 'Acme Ltd' },
    });
    await refusedWithoutEntry(ownerKey, BILLING, { input: { legalName: 'x'.repeat(201) } }, 'BAD_USER_INPUT');

    const THRESHOLDS = `mutation($input: SetLowBalanceThresholdsInput!) { setLowBalanceThresholds(input: $input) { thresholds } }`;
    await t.ok(ownerKey, THRESHOLDS, { input: { walletId, thresholds: ['20', '0'] } });
    const [thresholds] = await entriesOf(accountId, 'LOW_BALANCE_THRESHOLDS_CHANGED');
    expect(thresholds).toMatchObject({ targetId: walletId, before: { thresholds: ['5', '0'] }, after: { thresholds: ['20', '0'] } });
    await refusedWithoutEntry(ownerKey, THRESHOLDS, { input: { walletId, thresholds: ['1', '1'] } }, 'BAD_USER_INPUT');
  });

  it('webhook endpoints: created, updated, secret rotated, deleted; the signing secret never appears', async () => {
    const { accountId, ownerKey } = await t.createAccount('Hooks tenant');
    const created = (
      await t.ok(
        ownerKey,
        `mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { secret endpoint { id } } }`,
        {
          input: { url: 'http://127.0.0.1:9/a', eventTypes: ['ALERT_RAISED'] },
        },
      )
    ).createWebhookEndpoint;
    const id = created.endpoint.id;
    await t.ok(ownerKey, `mutation($input: UpdateWebhookEndpointInput!) { updateWebhookEndpoint(input: $input) { endpoint { id } } }`, {
      input: { id, url: 'http://127.0.0.1:9/b', enabled: false },
    });
    const rotated = (await t.ok(ownerKey, `mutation($id: ID!) { rotateWebhookEndpointSecret(id: $id) { secret } }`, { id }))
      .rotateWebhookEndpointSecret.secret;
    await t.ok(ownerKey, `mutation($id: ID!) { deleteWebhookEndpoint(id: $id) { endpoint { id } } }`, { id });
    const log = await entries(ownerKey, null);
    expect(log.map((entry) => entry.action)).toEqual([
      'WEBHOOK_ENDPOINT_DELETED',
      'WEBHOOK_ENDPOINT_SECRET_ROTATED',
      'WEBHOOK_ENDPOINT_UPDATED',
      'WEBHOOK_ENDPOINT_CREATED',
      // The operator opened the account.
      'ACCOUNT_CREATED',
    ]);
    expect(log[2]).toMatchObject({
      before: { url: 'http://127.0.0.1:9/a', enabled: true },
      after: { url: 'http://127.0.0.1:9/b', enabled: false },
    });
    expect(log[3]).toMatchObject({ accountId, before: null, after: { url: 'http://127.0.0.1:9/a', eventTypes: ['ALERT_RAISED'] } });
    expect(log[0]).toMatchObject({ before: { url: 'http://127.0.0.1:9/b' }, after: null });
    await refusedWithoutEntry(ownerKey, `mutation($id: ID!) { deleteWebhookEndpoint(id: $id) { endpoint { id } } }`, { id }, 'NOT_FOUND');
    const everything = JSON.stringify(await sql('select * from audit_log'));
    expect(everything).not.toContain(created.secret);
    expect(everything).not.toContain(rotated);
    expect(everything).not.toContain('whsec_');
  });

  it('campaign budgets: a budget change is logged, a rename alone is not', async () => {
    const { accountId, walletId, ownerKey } = await t.createAccount('Campaign tenant');
    const ratePlanId = await t.createRatePlan([{ prefix: '', perMinute: '1', firstIncrementSeconds: 60, nextIncrementSeconds: 60 }]);
    const campaign = (
      await t.ok(ownerKey, `mutation($input: CreateCampaignInput!) { createCampaign(input: $input) { campaign { id } } }`, {
        input: { walletId, ratePlanId, name: 'Spring', budget: '100' },
      })
    ).createCampaign.campaign.id;
    const UPDATE = `mutation($input: UpdateCampaignInput!) { updateCampaign(input: $input) { campaign { id } } }`;
    await t.ok(ownerKey, UPDATE, { input: { id: campaign, name: 'Spring sale' } });
    await t.ok(ownerKey, UPDATE, { input: { id: campaign, budget: '250.5' } });
    const log = await entriesOf(accountId, 'CAMPAIGN_BUDGET_CHANGED');
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ targetType: 'CAMPAIGN', targetId: campaign, before: { budget: '100' }, after: { budget: '250.5' } });
    await refusedWithoutEntry(ownerKey, UPDATE, { input: { id: campaign, budget: '0' } }, 'BAD_USER_INPUT');
  });

  it("support's actions: grant, adjust, bank transfer complete and cancel (a tenant sees staff acted, never who)", async () => {
    const { accountId, walletId, ownerKey } = await t.createAccount('Support tenant');
    await t.ok(support.secret, `mutation($input: GrantCreditInput!) { grantCredit(input: $input) { transaction { id } } }`, {
      input: { walletId, amount: '5', reason: 'Trial' },
    });
    const ADJUST = `mutation($input: AdjustWalletInput!) { adjustWallet(input: $input) { transaction { id } } }`;
    const key = randomUUID();
    await t.ok(support.secret, ADJUST, { input: { walletId, amount: '-2', reason: 'Correction', idempotencyKey: key } });
    // A replay changes nothing and logs nothing.
    await t.ok(support.secret, ADJUST, { input: { walletId, amount: '-2', reason: 'Correction', idempotencyKey: key } });
    await refusedWithoutEntry(support.secret, ADJUST, { input: { walletId, amount: '-1000', reason: 'Too much' } }, 'INSUFFICIENT_FUNDS');
    const RECORD = `mutation($input: RecordBankTransferInput!) { recordBankTransfer(input: $input) { bankTransfer { id } } }`;
    const first = (await t.ok(ownerKey, RECORD, { input: { walletId, amount: '50', reference: 'INV-1' } })).recordBankTransfer.bankTransfer
      .id;
    const second = (await t.ok(ownerKey, RECORD, { input: { walletId, amount: '70', reference: 'INV-2' } })).recordBankTransfer.bankTransfer
      .id;
    await t.ok(support.secret, `mutation($id: ID!) { completeBankTransfer(id: $id) { bankTransfer { id } } }`, { id: first });
    await t.ok(support.secret, `mutation($id: ID!) { cancelBankTransfer(id: $id) { bankTransfer { id } } }`, { id: second });
    await refusedWithoutEntry(
      support.secret,
      `mutation($id: ID!) { cancelBankTransfer(id: $id) { bankTransfer { id } } }`,
      { id: first },
      'INVALID_STATE',
    );

    // Support's own actions (the owner recorded the transfers; the operator opened the account).
    const staffView = await entries(support.secret, accountId, [
      'BANK_TRANSFER_CANCELLED',
      'BANK_TRANSFER_COMPLETED',
      'WALLET_ADJUSTED',
      'CREDIT_GRANTED',
    ]);
    expect(staffView.map((entry) => entry.action)).toEqual([
      'BANK_TRANSFER_CANCELLED',
      'BANK_TRANSFER_COMPLETED',
      'WALLET_ADJUSTED',
      'CREDIT_GRANTED',
    ]);
    expect(staffView[3]).toMatchObject({ before: { balance: '0' }, after: { balance: '5', amount: '5', reason: 'Trial' } });
    expect(staffView[2]).toMatchObject({ before: { balance: '5' }, after: { balance: '3', amount: '-2', reason: 'Correction' } });
    expect(staffView[1]).toMatchObject({ targetId: first, before: { status: 'PENDING', amount: '50' }, after: { status: 'COMPLETED' } });
    expect(staffView[0]).toMatchObject({ targetId: second, after: { status: 'CANCELED' } });
    for (const entry of staffView) {
      expect(entry.actor).toMatchObject({ kind: 'API_KEY', id: support.id, name: 'SUPPORT key', staff: true });
      expect(entry.clientIp).toBe('127.0.0.1');
    }
    const tenantView = await entries(ownerKey, null, [
      'BANK_TRANSFER_CANCELLED',
      'BANK_TRANSFER_COMPLETED',
      'WALLET_ADJUSTED',
      'CREDIT_GRANTED',
    ]);
    expect(tenantView).toHaveLength(4);
    for (const entry of tenantView) {
      expect(entry.actor).toMatchObject({ kind: 'API_KEY', id: null, name: null, staff: true });
      expect(entry.clientIp).toBeNull();
    }
  });

  it('concurrent adjustments: one key posts and logs once; debits racing never overdraw, one entry per posting; the books balance', async () => {
    const { accountId, walletId } = await t.createAccount('Racing tenant');
    const ADJUST = `mutation($input: AdjustWalletInput!) { adjustWallet(input: $input) { transaction { id } } }`;
    const key = randomUUID();
    const twins = await Promise.all(
      Array.from({ length: 5 }, () =>
        t.graphql(support.secret, ADJUST, { input: { walletId, amount: '10', reason: 'Once', idempotencyKey: key } }),
      ),
    );
    expect(new Set(twins.map((response) => response.data?.adjustWallet.transaction.id)).size).toBe(1);
    expect(await entriesOf(accountId, 'WALLET_ADJUSTED')).toHaveLength(1);
    const debits = await Promise.all(
      Array.from({ length: 8 }, () => t.graphql(support.secret, ADJUST, { input: { walletId, amount: '-3', reason: 'Race' } })),
    );
    const posted = debits.filter((response) => !response.errors).length;
    expect(posted).toBe(3);
    for (const refused of debits.filter((response) => response.errors)) expectError(refused, 'INSUFFICIENT_FUNDS');
    expect(await entriesOf(accountId, 'WALLET_ADJUSTED')).toHaveLength(1 + posted);
    await t.assertLedger();
  });

  it('support refunds of unused credit are logged with the amount', async () => {
    const { accountId, walletId, ownerKey } = await t.createAccount('Refund tenant');
    await t.ok(ownerKey, `mutation($input: TopUpInput!) { topUp(input: $input) { topUp { id } } }`, {
      input: { walletId, amount: '20', paymentMethodId: 'pm_card_visa' },
    });
    await t.app.stripeSandbox!.idle();
    await t.app.paymentJobs.runOnce();
    await t.ok(support.secret, `mutation($input: RefundUnusedCreditInput!) { refundUnusedCredit(input: $input) { transaction { id } } }`, {
      input: { walletId, amount: '15', reason: 'Customer asked' },
    });
    const [entry] = await entriesOf(accountId, 'CREDIT_REFUNDED');
    expect(entry).toMatchObject({
      before: { balance: '20', refundable: '20' },
      after: { balance: '5', refundable: '5', amount: '15', reason: 'Customer asked' },
    });
  });
});

describe('reading the audit log', () => {
  it('OWNER reads their own account, staff any; integrators and campaign managers are refused', async () => {
    const mine = await t.createAccount('Reader tenant');
    const other = await t.createAccount('Other tenant');
    await t.ok(mine.ownerKey, `mutation($input: SetLowBalanceThresholdsInput!) { setLowBalanceThresholds(input: $input) { thresholds } }`, {
      input: { walletId: mine.walletId, thresholds: ['1'] },
    });
    // Their threshold change and the account's opening; the other tenant sees only its own opening.
    expect((await entries(mine.ownerKey, mine.accountId)).map((entry) => [entry.accountId, entry.action])).toEqual([
      [mine.accountId, 'LOW_BALANCE_THRESHOLDS_CHANGED'],
      [mine.accountId, 'ACCOUNT_CREATED'],
    ]);
    expect((await entries(other.ownerKey, null)).map((entry) => [entry.accountId, entry.action])).toEqual([
      [other.accountId, 'ACCOUNT_CREATED'],
    ]);
    expectError(await t.graphql(other.ownerKey, AUDIT, { accountId: mine.accountId }), 'NOT_FOUND');
    for (const role of ['INTEGRATOR', 'CAMPAIGN_MANAGER']) {
      const key = (await t.createKey(mine.accountId, role)).secret;
      expectError(await t.graphql(key, AUDIT, { accountId: mine.accountId }), 'FORBIDDEN');
    }
    // Staff without an account read every entry, including platform keys' creation (no tenant).
    const all = await entries(support.secret, null, ['API_KEY_CREATED']);
    expect(all.some((entry) => entry.accountId === null && entry.targetId === support.id)).toBe(true);
  });

  it('pages newest first by cursor: first = max passes, max + 1 and a forged cursor are refused', async () => {
    const { accountId, walletId, ownerKey } = await t.createAccount('Paging tenant');
    const THRESHOLDS = `mutation($input: SetLowBalanceThresholdsInput!) { setLowBalanceThresholds(input: $input) { thresholds } }`;
    for (let i = 1; i <= 5; i++) await t.ok(ownerKey, THRESHOLDS, { input: { walletId, thresholds: [String(i)] } });
    const actions = ['LOW_BALANCE_THRESHOLDS_CHANGED'];
    const page = async (first: number, after: string | null) => (await t.ok(ownerKey, AUDIT, { first, after, actions })).auditLog;
    const one = await page(2, null);
    expect(one.edges.map((edge: any) => JSON.parse(edge.node.after).thresholds)).toEqual([['5'], ['4']]);
    expect(one.pageInfo.hasNextPage).toBe(true);
    const two = await page(2, one.pageInfo.endCursor);
    expect(two.edges.map((edge: any) => JSON.parse(edge.node.after).thresholds)).toEqual([['3'], ['2']]);
    const three = await page(2, two.pageInfo.endCursor);
    expect(three.edges).toHaveLength(1);
    expect(three.pageInfo.hasNextPage).toBe(false);
    const exact = await page(5, null);
    expect(exact.edges).toHaveLength(5);
    expect(exact.pageInfo.hasNextPage).toBe(false);
    const max = t.config.auditLogPageSizeMax;
    expect((await t.ok(support.secret, AUDIT, { accountId, first: max, actions })).auditLog.edges).toHaveLength(5);
    expectError(await t.graphql(ownerKey, AUDIT, { first: max + 1 }), 'BAD_USER_INPUT', 'first');
    expectError(await t.graphql(ownerKey, AUDIT, { first: 0 }), 'BAD_USER_INPUT', 'first');
    expectError(await t.graphql(ownerKey, AUDIT, { after: 'bm90LWEtY3Vyc29y' }), 'BAD_USER_INPUT', 'after');
    // Unfiltered: the five changes and the account's opening.
    expect((await t.ok(ownerKey, AUDIT, {})).auditLog.edges).toHaveLength(6);
  });

  it('the log is append-only', async () => {
    await expect(sql('update audit_log set action = action')).rejects.toThrow(/append-only/);
    await expect(sql('delete from audit_log')).rejects.toThrow(/append-only/);
  });

  it('no API key secret, webhook secret, invitation token or password ever appears in any entry', async () => {
    const rows = JSON.stringify(await sql('select * from audit_log'));
    const secrets = await sql(`select key_hash from api_key`);
    for (const { key_hash } of secrets) expect(rows).not.toContain(key_hash);
    expect(rows).not.toMatch(/sw_[A-Za-z0-9]{20,}/);
    expect(rows).not.toContain('whsec_');
    expect(rows).not.toContain(PASSWORD);
    expect(rows).not.toMatch(/"(secret|password|token|keyHash)"/i);
  });
});

describe('audit log of spend caps, the timezone and sender IDs', () => {
  it('records caps set and lifted, the timezone, and a sender ID registered, approved, rejected and cancelled, each by whom; a refused change writes nothing', async () => {
    const { accountId, walletId, ownerKey } = await t.createAccount('Capped sender');
    await t.fund(walletId, '50');
    await t.ok(ownerKey, 'mutation($input: SetSpendCapsInput!) { setSpendCaps(input: $input) { __typename } }', {
      input: { walletId, daily: '10', monthly: null },
    });
    await t.ok(ownerKey, 'mutation($input: SetSpendCapsInput!) { setSpendCaps(input: $input) { __typename } }', {
      input: { currency: 'USD', daily: null, monthly: '100.5' },
    });
    const caps = await entriesOf(accountId, 'SPEND_CAPS_CHANGED');
    expect(caps.map((entry) => [entry.targetType, entry.targetId, entry.after])).toEqual([
      ['ACCOUNT', null, { currency: 'USD', daily: null, monthly: '100.5' }],
      ['WALLET', walletId, { currency: 'USD', daily: '10', monthly: null }],
    ]);
    await refusedWithoutEntry(
      ownerKey,
      'mutation($input: SetSpendCapsInput!) { setSpendCaps(input: $input) { __typename } }',
      { input: { walletId, daily: '-1' } },
      'BAD_USER_INPUT',
    );

    await t.ok(ownerKey, 'mutation { setAccountTimezone(timezone: "Europe/Paris") { __typename } }');
    expect((await entriesOf(accountId, 'ACCOUNT_TIMEZONE_CHANGED')).map((entry) => entry.after)).toEqual([{ timezone: 'Europe/Paris' }]);
    await refusedWithoutEntry(ownerKey, 'mutation { setAccountTimezone(timezone: "Mars/Olympus") { __typename } }', {}, 'BAD_USER_INPUT');

    const REGISTER = 'mutation($input: RegisterSenderIdInput!) { registerSenderId(input: $input) { senderId { id } } }';
    const approved = (await t.ok(ownerKey, REGISTER, { input: { walletId, sender: 'ACME' } })).registerSenderId.senderId.id;
    const rejected = (await t.ok(ownerKey, REGISTER, { input: { walletId, sender: 'ACME 2' } })).registerSenderId.senderId.id;
    await t.ok(support.secret, 'mutation($input: DecideSenderIdInput!) { approveSenderId(input: $input) { senderId { id } } }', {
      input: { id: approved, reason: 'Brand checked' },
    });
    await t.ok(support.secret, 'mutation($input: DecideSenderIdInput!) { rejectSenderId(input: $input) { senderId { id } } }', {
      input: { id: rejected, reason: 'Not your brand' },
    });
    await t.ok(ownerKey, 'mutation($id: ID!) { cancelSenderId(id: $id) { senderId { id } } }', { id: approved });

    const registered = await entriesOf(accountId, 'SENDER_ID_REGISTERED');
    expect(registered.map((entry) => [entry.targetId, entry.after.sender, entry.actor.kind])).toEqual([
      [rejected, 'ACME 2', 'API_KEY'],
      [approved, 'ACME', 'API_KEY'],
    ]);
    const [approval] = await entriesOf(accountId, 'SENDER_ID_APPROVED');
    expect(approval).toMatchObject({
      targetId: approved,
      before: { status: 'PENDING' },
      after: { status: 'APPROVED', reason: 'Brand checked' },
      actor: { staff: true },
    });
    const [rejection] = await entriesOf(accountId, 'SENDER_ID_REJECTED');
    expect(rejection).toMatchObject({
      targetId: rejected,
      after: { status: 'REJECTED', reason: 'Not your brand' },
      actor: { staff: true },
    });
    const [cancellation] = await entriesOf(accountId, 'SENDER_ID_CANCELLED');
    expect(cancellation).toMatchObject({ targetId: approved, after: { sender: 'ACME', status: 'CANCELLED' } });
    // Rejecting again (no longer pending) writes nothing.
    await refusedWithoutEntry(
      support.secret,
      'mutation($input: DecideSenderIdInput!) { rejectSenderId(input: $input) { senderId { id } } }',
      { input: { id: rejected, reason: 'Twice' } },
      'INVALID_STATE',
    );
  });
});

describe('audit log of accounts, campaigns, invitations resent and bank transfers recorded', () => {
  it('records the account opened by the operator, a campaign created with its budget, an invitation resent and a bank transfer recorded', async () => {
    const { accountId, walletId, ownerKey, cookie } = await ownerSession();
    const [opened] = await entriesOf(accountId, 'ACCOUNT_CREATED');
    expect(opened).toMatchObject({
      targetType: 'ACCOUNT',
      targetId: accountId,
      after: { name: 'Audited tenant', currency: 'USD', walletId },
    });

    const ratePlanId = await t.createRatePlan([{ prefix: '', perMinute: '1', firstIncrementSeconds: 60, nextIncrementSeconds: 60 }]);
    const campaignId = (
      await t.ok(ownerKey, `mutation($input: CreateCampaignInput!) { createCampaign(input: $input) { campaign { id } } }`, {
        input: { walletId, ratePlanId, name: 'Autumn', budget: '25.5' },
      })
    ).createCampaign.campaign.id;
    expect((await entriesOf(accountId, 'CAMPAIGN_CREATED')).map((entry) => [entry.targetId, entry.after])).toEqual([
      [campaignId, { name: 'Autumn', walletId, budget: '25.5' }],
    ]);

    const invited = (
      await withCookie(cookie, `mutation($input: InviteUserInput!) { inviteUser(input: $input) { token invitation { id } } }`, {
        input: { email: 'resent@example.com', role: 'INTEGRATOR' },
      })
    ).inviteUser.invitation.id;
    await withCookie(cookie, `mutation($id: ID!) { resendInvitation(id: $id) { __typename } }`, { id: invited });
    const [resent] = await entriesOf(accountId, 'INVITATION_RESENT');
    expect(resent).toMatchObject({
      targetId: invited,
      after: { email: 'resent@example.com', role: 'INTEGRATOR' },
      actor: { kind: 'USER' },
    });

    const RECORD = `mutation($input: RecordBankTransferInput!) { recordBankTransfer(input: $input) { bankTransfer { id } } }`;
    const transferId = (await t.ok(ownerKey, RECORD, { input: { walletId, amount: '40', reference: 'PO-77' } })).recordBankTransfer
      .bankTransfer.id;
    expect((await entriesOf(accountId, 'BANK_TRANSFER_RECORDED')).map((entry) => [entry.targetId, entry.after])).toEqual([
      [transferId, { walletId, amount: '40', reference: 'PO-77', status: 'PENDING' }],
    ]);
    await refusedWithoutEntry(ownerKey, RECORD, { input: { walletId, amount: '40.001', reference: 'PO-78' } }, 'BAD_USER_INPUT');
  });
});
