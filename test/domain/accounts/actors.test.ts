// Goal: every stored actor text is named for people (users with their e-mail, keys by name, the operator token, the server's own processes), and a tenant sees its own users and keys but never which staff member acted, nor anyone it cannot identify. Method: describeActors on the real server's database with users and keys made through the API; actorAsSeenBy checked for a tenant and for staff.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ActorKind, actorAsSeenBy, describeActors } from '../../../server/domain/accounts/actors.js';
import type { Principal } from '../../../server/domain/accounts/principal.js';
import { Role } from '../../../server/domain/accounts/role.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';

let t: TestApp;
let account: { accountId: string; ownerKey: string };
let ownerUserId: string;
let supportKeyId: string;
beforeAll(async () => {
  t = await startTestApp();
  account = await t.createAccount('Actors Domain Ltd');
  ownerUserId = (
    await t.ok(t.adminToken, 'mutation($input: CreateUserInput!) { createUser(input: $input) { user { id } } }', {
      input: {
        accountId: account.accountId,
        email: 'ana.owner@example.com',
        name: 'Ana Owner',
        role: 'OWNER',
        password: 'a long enough password',
      },
    })
  ).createUser.user.id;
  supportKeyId = (await t.createKey(null, 'SUPPORT')).id;
});
afterAll(async () => {
  await t?.close();
});

const tenant = (accountId: string): Principal => ({ role: Role.OWNER, accountId, apiKeyId: null, actor: 'test' });
const staff: Principal = { role: Role.SUPPORT, accountId: null, apiKeyId: null, actor: 'test' };

describe('describeActors', () => {
  it('names users, keys, the operator token and the server, and keeps unknown ones unnamed', async () => {
    const unknownUser = `user:${randomUUID()}`;
    const texts = [
      `user:${ownerUserId}`,
      `api_key:${supportKeyId}`,
      'platform_admin_token',
      'stripe:pi_123',
      'subscription_renewal',
      unknownUser,
      'api_key:not-a-uuid',
    ];
    const actors = await describeActors(t.app.orm.em.fork(), texts);
    expect([...actors.keys()]).toEqual(texts);
    expect(actors.get(`user:${ownerUserId}`)).toEqual({
      kind: ActorKind.USER,
      id: ownerUserId,
      accountId: account.accountId,
      role: 'OWNER',
      name: 'Ana Owner',
      email: 'ana.owner@example.com',
      staff: false,
    });
    expect(actors.get(`api_key:${supportKeyId}`)).toMatchObject({
      kind: ActorKind.API_KEY,
      accountId: null,
      role: 'SUPPORT',
      name: 'SUPPORT key',
      staff: true,
    });
    expect(actors.get('platform_admin_token')).toMatchObject({ kind: ActorKind.OPERATOR_TOKEN, role: 'PLATFORM_ADMIN', staff: true });
    expect(actors.get('stripe:pi_123')).toMatchObject({ kind: ActorKind.SYSTEM, name: 'stripe', id: null, staff: false });
    expect(actors.get('subscription_renewal')).toMatchObject({ kind: ActorKind.SYSTEM, name: 'subscription_renewal' });
    expect(actors.get(unknownUser)).toMatchObject({ kind: ActorKind.USER, name: null, role: null, staff: false });
    expect(actors.get('api_key:not-a-uuid')).toMatchObject({ kind: ActorKind.API_KEY, name: null });
  });

  it('shows a tenant its own people, staff only as staff, and nobody of another tenant', async () => {
    const other = await t.createAccount('Someone Else Ltd');
    const actors = await describeActors(t.app.orm.em.fork(), [`user:${ownerUserId}`, `api_key:${supportKeyId}`, 'stripe:pi_1']);
    const own = actors.get(`user:${ownerUserId}`)!;
    expect(actorAsSeenBy(tenant(account.accountId), own)).toEqual(own);
    expect(actorAsSeenBy(tenant(other.accountId), own)).toEqual({ ...own, id: null, accountId: null, name: null, email: null });
    const supportKey = actors.get(`api_key:${supportKeyId}`)!;
    expect(actorAsSeenBy(tenant(account.accountId), supportKey)).toEqual({ ...supportKey, id: null, name: null, email: null });
    expect(actorAsSeenBy(staff, supportKey)).toEqual(supportKey);
    expect(actorAsSeenBy(tenant(account.accountId), actors.get('stripe:pi_1')!)).toMatchObject({ kind: ActorKind.SYSTEM, name: 'stripe' });
  });
});
