// Goal: the per-process API key cache trusts a key no longer than its TTL, stays bounded, and forgets a
// revoked key at once. Method: the cache with an injected clock, then two real servers on one database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CredentialCache } from '../../../server/domain/accounts/credential-cache.js';
import { Role } from '../../../server/domain/accounts/role.js';
import { startApp, type RunningApp } from '../../../server/app.js';
import { loadConfig } from '../../../server/config.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import { until } from '../../support/waiting.js';

const principal = (id: string) => ({ role: Role.INTEGRATOR, accountId: 'a', apiKeyId: id, actor: `api_key:${id}` });

describe('CredentialCache', () => {
  it('returns an entry until its TTL has passed, then forgets it', () => {
    let now = 1_000;
    const cache = new CredentialCache({ ttlMs: 5_000, entriesMax: 10, nowMs: () => now });
    cache.set('h1', principal('k1'));
    now += 4_999;
    expect(cache.get('h1')?.apiKeyId).toBe('k1');
    now += 1;
    expect(cache.get('h1')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('holds at most entriesMax keys, forgetting the oldest first', () => {
    const cache = new CredentialCache({ ttlMs: 5_000, entriesMax: 2 });
    cache.set('h1', principal('k1'));
    cache.set('h2', principal('k2'));
    cache.set('h3', principal('k3'));
    expect(cache.size).toBe(2);
    expect(cache.get('h1')).toBeUndefined();
    expect(cache.get('h3')?.apiKeyId).toBe('k3');
  });

  it('forgets a key on demand, and caches nothing with a TTL of 0', () => {
    const cache = new CredentialCache({ ttlMs: 5_000, entriesMax: 2 });
    cache.set('h1', principal('k1'));
    cache.forget('h1');
    expect(cache.get('h1')).toBeUndefined();
    const off = new CredentialCache({ ttlMs: 0, entriesMax: 2 });
    off.set('h1', principal('k1'));
    expect(off.get('h1')).toBeUndefined();
  });
});

describe('revocation across two server processes on one database', () => {
  const TTL_MS = 300;
  let a: TestApp;
  let b: RunningApp;

  beforeAll(async () => {
    a = await startTestApp({ apiKeyCacheTtlMs: TTL_MS });
    // A second server on the same database, as a second process of the fleet would be.
    const databaseUrl = a.app.orm.config.get('clientUrl')!;
    const config = loadConfig({}, { port: 0, host: '127.0.0.1', apiKeyCacheTtlMs: TTL_MS });
    b = await startApp({ config, databaseUrl, platformAdminToken: a.adminToken });
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  async function status(url: string, key: string): Promise<number> {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify({ query: '{ me { role } }' }),
    });
    return response.status;
  }

  it('the revoking server refuses the key at once; the other within its TTL', async () => {
    const { accountId } = await a.createAccount();
    const key = await a.createKey(accountId, 'INTEGRATOR');
    expect(await status(a.url, key.secret)).toBe(200);
    expect(await status(b.url, key.secret)).toBe(200);

    await a.ok(a.adminToken, 'mutation($id: ID!) { revokeApiKey(id: $id) { key { revokedAt } } }', { id: key.id });
    const revokedAt = Date.now();

    expect(await status(a.url, key.secret)).toBe(401);
    // B cached the key before revokedAt, so B can accept it only for requests sent before revokedAt + TTL.
    await until(
      'B refuses the revoked key',
      async () => {
        const sentAt = Date.now();
        if ((await status(b.url, key.secret)) !== 200) return true;
        expect(sentAt - revokedAt).toBeLessThan(TTL_MS);
        return false;
      },
      20_000,
      20,
    );
    expect(await status(b.url, key.secret)).toBe(401);
  });
});
