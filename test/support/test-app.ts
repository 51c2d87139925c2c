import { randomBytes } from 'node:crypto';
import { startApp, type RunningApp } from '../../server/app.js';
import { loadConfig, type Config } from '../../server/config.js';
import { assertLedgerInvariants } from '../../server/domain/wallets/verify-ledger.js';
import { createTestDatabase } from './database.js';
import type { Clock } from '../../server/domain/calls/clock.js';

/** A GraphQL response as a client sees it. */
export interface GraphQLResponse<T = any> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: string[]; extensions?: Record<string, any> }[];
}

/** The real server on its own database and a free port, plus helpers that go through its HTTP API. */
export interface TestApp {
  app: RunningApp;
  url: string;
  /** The test's own database (to start a second server process on it). */
  databaseUrl: string;
  adminToken: string;
  config: Config;
  /** POSTs one GraphQL operation over HTTP with `Authorization: Bearer <token>` (none when token is null). */
  graphql<T = any>(token: string | null, query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  /** Like graphql() but fails the test on any error; returns data. */
  ok<T = any>(token: string | null, query: string, variables?: Record<string, unknown>): Promise<T>;
  /** Creates an account through the API; returns its ids and OWNER key. */
  createAccount(name?: string, currency?: string): Promise<{ accountId: string; walletId: string; ownerKey: string }>;
  /** Credits a wallet through adjustWallet as the operator. */
  fund(walletId: string, amount: string): Promise<void>;
  /** Issues an API key through the API (as the operator). */
  createKey(accountId: string | null, role: string): Promise<{ id: string; secret: string }>;
  /** Creates a rate plan as the operator with one rate per entry; returns its id. */
  createRatePlan(
    rates: {
      prefix: string;
      perMinute: string;
      firstIncrementSeconds: number;
      nextIncrementSeconds: number;
      connectFee?: string;
      smsPerSegment?: string;
      smsInboundPerSegment?: string;
      numberPurchase?: string;
      numberMonthly?: string;
      inboundPerMinute?: string;
    }[],
    currency?: string,
  ): Promise<string>;
  /** Creates and starts a campaign on a wallet; returns its id. */
  runningCampaign(token: string, walletId: string, ratePlanId: string, budget?: string | null): Promise<string>;
  /** Throws unless every ledger invariant holds. */
  assertLedger(): Promise<void>;
  close(): Promise<void>;
}

/**
 * `body` once every error in it is checked to carry the request's id (`extensions.requestId`, the
 * `X-Request-Id` answered), without it: each test through {@link TestApp.graphql} checks the id,
 * and its assertions on errors stay about what they test.
 * @throws Error when an error lacks the id or has another one.
 */
export function withRequestIdChecked<T extends { errors?: GraphQLResponse['errors'] }>(body: T, requestId: string | null): T {
  if (!body.errors) return body;
  const errors = body.errors.map((error) => {
    const { requestId: given, ...extensions } = error.extensions ?? {};
    if (requestId === null || given !== requestId)
      throw new Error(`A GraphQL error without the request's id ${requestId} in extensions.requestId: ${JSON.stringify(error)}`);
    return { ...error, extensions };
  });
  return { ...body, errors };
}

/**
 * Overrides for a file that drives its jobs by hand: no billing clock, lifecycle, alert, mail or
 * webhook pass runs unless the test runs it.
 */
export const JOBS_BY_HAND = {
  billingClockEnabled: false,
  lifecycleEnabled: false,
  alertsEnabled: false,
  mailEnabled: false,
  webhooksEnabled: false,
} as const satisfies Partial<Config>;

/** scrypt cost N of the test servers' password hashes (production: 16_384, `Config.passwordScryptCost`). */
export const TEST_PASSWORD_SCRYPT_COST = 1_024;

/**
 * Starts the app on a fresh database (or on `options.databaseUrl`, e.g. to restart on the same
 * one; `options.adminToken` then keeps the operator's token). Pair with `afterAll(() => testApp.close())`.
 */
export async function startTestApp(
  overrides: Partial<Config> = {},
  options: { clock?: Clock; databaseUrl?: string; adminToken?: string } = {},
): Promise<TestApp> {
  const adminToken = options.adminToken ?? `test_admin_${randomBytes(16).toString('hex')}`;
  const config = loadConfig(
    {},
    {
      port: 0,
      host: '127.0.0.1',
      databasePoolSize: 20,
      simulatorEnabled: false,
      lifecycleEnabled: false,
      retentionEnabled: false,
      paymentsEnabled: false,
      mailEnabled: false,
      webhooksEnabled: false,
      // Tests receive webhooks on loopback ports; the tests of the SSRF filter turn this off.
      webhookAllowPrivateTargets: true,
      // Every created user and sign-in hashes a password: scrypt at 2^10 takes ~5 ms here instead of
      // ~100 ms at the production 2^14. Hashes name their cost, so the checks are the same code; the
      // sign-in tests pin the production cost where they look at the stored hash.
      passwordScryptCost: TEST_PASSWORD_SCRYPT_COST,
      ...overrides,
    },
  );
  const databaseUrl = options.databaseUrl ?? (await createTestDatabase());
  const app = await startApp({ config, databaseUrl, platformAdminToken: adminToken, clock: options.clock });

  const graphql: TestApp['graphql'] = async (token, query, variables) => {
    const response = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token === null ? {} : { authorization: `Bearer ${token}` }) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as Omit<GraphQLResponse, 'status'>;
    return { status: response.status, ...withRequestIdChecked(body, response.headers.get('x-request-id')) };
  };
  const ok: TestApp['ok'] = async (token, query, variables) => {
    const response = await graphql(token, query, variables);
    if (response.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(response.errors)}`);
    return response.data;
  };

  return {
    app,
    url: app.url,
    databaseUrl,
    adminToken,
    config,
    graphql,
    ok,
    async createAccount(name = 'Test Account', currency = 'USD') {
      const data = await ok(
        adminToken,
        `mutation($input: CreateAccountInput!) { createAccount(input: $input) { account { id } wallet { id } apiKey } }`,
        { input: { name, currency } },
      );
      return { accountId: data.createAccount.account.id, walletId: data.createAccount.wallet.id, ownerKey: data.createAccount.apiKey };
    },
    async fund(walletId, amount) {
      await ok(adminToken, `mutation($input: AdjustWalletInput!) { adjustWallet(input: $input) { transaction { id } } }`, {
        input: { walletId, amount, reason: 'Test funding' },
      });
    },
    async createKey(accountId, role) {
      const data = await ok(adminToken, `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { apiKey key { id } } }`, {
        input: { accountId, role, name: `${role} key` },
      });
      return { id: data.createApiKey.key.id, secret: data.createApiKey.apiKey };
    },
    async createRatePlan(rates, currency = 'USD') {
      const data = await ok(adminToken, `mutation($input: CreateRatePlanInput!) { createRatePlan(input: $input) { ratePlan { id } } }`, {
        input: { name: 'Test plan', currency, rates },
      });
      return data.createRatePlan.ratePlan.id;
    },
    async runningCampaign(token, walletId, ratePlanId, budget = null) {
      const created = await ok(token, `mutation($input: CreateCampaignInput!) { createCampaign(input: $input) { campaign { id } } }`, {
        input: { walletId, ratePlanId, name: 'Test campaign', budget },
      });
      const id = created.createCampaign.campaign.id;
      await ok(token, `mutation($id: ID!) { startCampaign(id: $id) { campaign { id } } }`, { id });
      return id;
    },
    assertLedger: () => assertLedgerInvariants(app.orm.em.fork()),
    close: () => app.close(),
  };
}
