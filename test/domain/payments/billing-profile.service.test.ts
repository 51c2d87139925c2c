// Goal: findBillingProfileFor answers the caller's own account by default, any account to platform roles, and NOT_FOUND alike for another tenant's account and for one that does not exist. Method: the service called directly on a real server's database, the profile set first through the API.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../../server/domain/accounts/role.js';
import { findBillingProfileFor } from '../../../server/domain/payments/billing-profile.service.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.close();
});

const SUPPORT = { role: Role.SUPPORT, accountId: null, apiKeyId: null, actor: 'test:support' };
const UPDATE = 'mutation($input: UpdateBillingProfileInput!) { updateBillingProfile(input: $input) { billingProfile { country } } }';

describe('findBillingProfileFor', () => {
  it('reads its own account, any account for platform roles, and hides the rest as NOT_FOUND', async () => {
    const mine = await t.createAccount();
    const theirs = await t.createAccount();
    await t.ok(mine.ownerKey, UPDATE, { input: { country: 'DE', vatNumber: 'DE123456789', email: 'billing@example.com' } });
    const owner = { role: Role.OWNER, accountId: mine.accountId, apiKeyId: null, actor: 'test:owner' };
    const em = () => t.app.orm.em.fork();
    expect(await findBillingProfileFor(em(), owner, null)).toEqual({
      accountId: mine.accountId,
      country: 'DE',
      state: null,
      vatNumber: 'DE123456789',
      email: 'billing@example.com',
      legalName: null,
      addressLine1: null,
      addressLine2: null,
      city: null,
      postalCode: null,
    });
    expect(await findBillingProfileFor(em(), SUPPORT, mine.accountId)).toMatchObject({ accountId: mine.accountId, country: 'DE' });
    expect(await findBillingProfileFor(em(), SUPPORT, theirs.accountId)).toMatchObject({ accountId: theirs.accountId, country: null });
    await expect(findBillingProfileFor(em(), owner, theirs.accountId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(findBillingProfileFor(em(), SUPPORT, randomUUID())).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(findBillingProfileFor(em(), SUPPORT, null)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
