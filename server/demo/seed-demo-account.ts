import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../config.js';
import { selectAccount, selectAnyAccount, selectApiKeyByHash } from '../domain/accounts/accounts.queries.js';
import { hashApiKeySecret } from '../domain/accounts/api-key-secret.js';
import { PLATFORM_ADMIN_TOKEN_PRINCIPAL } from '../domain/accounts/principal.js';
import { createAccount } from '../domain/accounts/create-account.service.js';
import { chargeWallet } from '../domain/wallets/charge-wallet.service.js';
import { parseMoney } from '../domain/wallets/money.js';
import { postWalletTransaction, type PostingBatcher } from '../domain/wallets/post-wallet-transaction.js';
import { createCampaign, transitionCampaign } from '../domain/campaigns/campaign.service.js';
import { createRatePlan } from '../domain/rating/rate-plan.service.js';
import { PlatformAccountCode, TransactionKind } from '../domain/wallets/transaction-enums.js';
import { createUser } from '../domain/users/invitations.service.js';
import { selectEmailTaken } from '../domain/users/users.queries.js';
import { Role } from '../domain/accounts/role.js';

/** What `npm start` prints so a newcomer can sign in at once; kept in `<DATA_DIR>/demo-account.json`. */
export interface DemoAccount {
  accountId: string;
  walletId: string;
  apiKey: string;
  /** False once someone revoked the demo key (it is still shown, marked so). */
  apiKeyLive?: boolean;
  /** The RUNNING campaign the built-in dialer simulator places calls for. */
  campaignId?: string;
  /** The demo OWNER's sign-in (POST /auth/sign-in); added to data folders seeded before users existed. */
  userEmail?: string;
  userPassword?: string;
}

/** The seed runs before the server listens: no subscriber to tell of its postings. */
const nobodyListening = (postings: PostingBatcher) => ({ committed: () => {}, postings });

/** The demo OWNER's e-mail. */
export const DEMO_USER_EMAIL = 'demo@spendwire.local';

/** Creates the demo OWNER user with a random password when the demo has none yet; returns the demo with it. */
async function ensureDemoUser(em: EntityManager, config: Config, demo: DemoAccount, file: string): Promise<DemoAccount> {
  if (demo.userEmail && demo.userPassword) return demo;
  if (await selectEmailTaken.maybeOne(em, { email: DEMO_USER_EMAIL })) return demo;
  const password = randomBytes(12).toString('base64url');
  await createUser(em, config, {
    principal: PLATFORM_ADMIN_TOKEN_PRINCIPAL,
    accountId: demo.accountId,
    email: DEMO_USER_EMAIL,
    name: 'Demo Owner',
    role: Role.OWNER,
    password,
  });
  const withUser = { ...demo, userEmail: DEMO_USER_EMAIL, userPassword: password };
  await fs.mkdir(config.dataDir, { recursive: true });
  await fs.writeFile(file, `${JSON.stringify(withUser, null, 2)}\n`, { mode: 0o600 });
  return withUser;
}

/** The demo's prices: 6-second increments so spend visibly moves within seconds of a call starting. */
const DEMO_RATES: {
  prefix: string;
  perMinute: string;
  firstIncrementSeconds: number;
  nextIncrementSeconds: number;
  connectFee?: string;
  smsPerSegment?: string;
  smsInboundPerSegment?: string;
  numberPurchase?: string;
  numberMonthly?: string;
}[] = [
  { prefix: '', perMinute: '0.25', firstIncrementSeconds: 60, nextIncrementSeconds: 60, smsPerSegment: '0.06' },
  {
    prefix: '1',
    perMinute: '0.014',
    firstIncrementSeconds: 6,
    nextIncrementSeconds: 6,
    smsPerSegment: '0.0079',
    smsInboundPerSegment: '0.0079',
    numberPurchase: '0',
    numberMonthly: '1.15',
  },
  {
    prefix: '44',
    perMinute: '0.02',
    firstIncrementSeconds: 6,
    nextIncrementSeconds: 6,
    smsPerSegment: '0.04',
    smsInboundPerSegment: '0.01',
    numberPurchase: '1',
    numberMonthly: '1.5',
  },
  { prefix: '447', perMinute: '0.09', firstIncrementSeconds: 6, nextIncrementSeconds: 6, connectFee: '0.005', smsPerSegment: '0.04' },
];

/** A rate plan and a RUNNING campaign with `simulate: true` on the demo wallet, so spend moves at once. */
async function seedDemoCampaign(em: EntityManager, config: Config, accountId: string, walletId: string): Promise<string> {
  const principal = PLATFORM_ADMIN_TOKEN_PRINCIPAL;
  const plan = await createRatePlan(em, {
    principal,
    name: 'Standard voice (USD)',
    currency: 'USD',
    rates: DEMO_RATES.map((rate) => ({
      prefix: rate.prefix,
      perMinuteMicros: parseMoney(rate.perMinute),
      firstIncrementSeconds: rate.firstIncrementSeconds,
      nextIncrementSeconds: rate.nextIncrementSeconds,
      connectFeeMicros: parseMoney(rate.connectFee ?? '0'),
      smsPerSegmentMicros: rate.smsPerSegment === undefined ? null : parseMoney(rate.smsPerSegment),
      smsInboundPerSegmentMicros: rate.smsInboundPerSegment === undefined ? null : parseMoney(rate.smsInboundPerSegment),
      numberPurchaseMicros: rate.numberPurchase === undefined ? null : parseMoney(rate.numberPurchase),
      numberMonthlyMicros: rate.numberMonthly === undefined ? null : parseMoney(rate.numberMonthly),
    })),
    limits: config,
  });
  const owner = { ...principal, accountId };
  const campaign = await createCampaign(em, {
    principal: owner,
    walletId,
    name: 'Spring promo (simulated dialer)',
    ratePlanId: plan.id,
    budgetMicros: parseMoney('50'),
    simulate: true,
    limits: config,
  });
  await transitionCampaign(em, { principal: owner, campaignId: campaign.id, transition: 'start' });
  return campaign.id;
}

const DEMO_CHARGES = [
  ['0.0085', 'SMS to +44 7700 900123'],
  ['0.14', 'Call to +1 415 555 0100, 1 min'],
  ['1.12', 'Call to +44 20 7946 0958, 8 min'],
  ['0.42', 'Call to +1 212 555 0147, 3 min'],
] as const;

/**
 * On the first start of an empty database: opens the "Demo Telecom" account with a USD wallet,
 * a 100.00 promotional grant and a few charges, and remembers its OWNER key (shown once, so kept
 * in the data folder for later starts). Posts through `postings`, the app's posting batcher. Returns the demo account, or null when the database
 * already holds accounts that this data folder did not seed.
 */
export async function seedDemoAccount(em: EntityManager, config: Config, postings: PostingBatcher): Promise<DemoAccount | null> {
  const file = path.join(config.dataDir, 'demo-account.json');
  const existing = await fs.readFile(file, 'utf8').then(
    (text) => JSON.parse(text) as DemoAccount,
    () => null,
  );
  if (existing && (await selectAccount.maybeOne(em, { accountId: existing.accountId }))) {
    const key = await selectApiKeyByHash.maybeOne(em, { keyHash: hashApiKeySecret(existing.apiKey) });
    const withUser = await ensureDemoUser(em, config, existing, file);
    return { ...withUser, apiKeyLive: key !== undefined && key.revoked_at_ms === null };
  }
  if (await selectAnyAccount.maybeOne(em)) return null;

  const principal = PLATFORM_ADMIN_TOKEN_PRINCIPAL;
  const created = await createAccount(em, { principal, name: 'Demo Telecom Ltd', currency: 'USD', limits: config });
  await postWalletTransaction(em, postings, {
    walletId: created.wallet.id,
    accountScope: null,
    deltaMicros: parseMoney('100'),
    kind: TransactionKind.GRANT,
    counterparty: PlatformAccountCode.PROMOTIONAL_CREDIT,
    description: 'Welcome credit',
    campaignId: null,
    actor: principal.actor,
    idempotencyKey: null,
    operation: 'grant',
    walletBalanceMicrosMax: config.walletBalanceMicrosMax,
  });
  for (const [amount, description] of DEMO_CHARGES) {
    await chargeWallet(em, nobodyListening(postings), {
      principal,
      walletId: created.wallet.id,
      amountMicros: parseMoney(amount),
      description,
      limits: config,
    });
  }
  const campaignId = await seedDemoCampaign(em, config, created.account.id, created.wallet.id);
  const demo: DemoAccount = { accountId: created.account.id, walletId: created.wallet.id, apiKey: created.ownerKeySecret, campaignId };
  await fs.mkdir(config.dataDir, { recursive: true });
  await fs.writeFile(file, `${JSON.stringify(demo, null, 2)}\n`, { mode: 0o600 });
  return { ...(await ensureDemoUser(em, config, demo, file)), apiKeyLive: true };
}
