// Goal: a subscription to raised alerts is checked before its stream opens — its position at most the newest alert's, its
// replay not crossing alerts retention deleted, its kinds not empty, its account visible. Method: a fresh database, alerts
// inserted through the alert writers' own statements, and each boundary on either side.
import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrm } from '../../../server/database/orm.js';
import { sql, transaction } from '../../../server/database/sql.js';
import { Role } from '../../../server/domain/accounts/role.js';
import { AlertKind } from '../../../server/domain/alerts/alert-kinds.js';
import { checkAlertSubscription } from '../../../server/domain/alerts/check-alert-subscription.service.js';
import { insertAlerts, lockAlertWriters } from '../../../server/domain/alerts/raise-alerts.service.js';
import { createTestDatabase } from '../../support/database.js';

let orm: MikroORM;
const accountId = randomUUID();
const admin = { role: Role.PLATFORM_ADMIN, accountId: null, apiKeyId: null, actor: 'test' };
const owner = { role: Role.OWNER, accountId, apiKeyId: null, actor: 'test' };

beforeAll(async () => {
  orm = await createOrm({ databaseUrl: await createTestDatabase(), poolSizeMax: 2 });
  const em = orm.em.fork();
  await sql<never, { id: string }>(`insert into account (id, name) values (:id, 'Alerts subscription test')`).run(em, { id: accountId });
  await transaction(em, async (tx) => {
    await lockAlertWriters(tx);
    const raisedAt = new Date('2026-12-01T00:00:00Z');
    const alerts = [1, 2, 3].map((n) => ({
      kind: AlertKind.PAYMENT_FAILED,
      accountId,
      message: `alert ${n}`,
      dedupeKey: `test:${n}`,
      raisedAt,
    }));
    expect(await insertAlerts(tx, alerts)).toBe(3);
  });
});
afterAll(async () => {
  await orm?.close(true);
});

describe('checkAlertSubscription', () => {
  it('starts live without a position, and replays from any position up to the newest alert', async () => {
    const em = orm.em.fork();
    expect(await checkAlertSubscription(em, { principal: admin })).toEqual({ afterId: null, accountId: null, kinds: null });
    const head = BigInt((await sql<{ id: string }>('select max(id)::text as id from alert').one(em)).id);
    expect((await checkAlertSubscription(em, { principal: owner, afterPosition: head.toString() })).afterId).toBe(head);
    expect((await checkAlertSubscription(em, { principal: owner, afterPosition: '0', kinds: [AlertKind.LOW_BALANCE] })).kinds).toEqual([
      AlertKind.LOW_BALANCE,
    ]);
    await expect(checkAlertSubscription(em, { principal: owner, afterPosition: (head + 1n).toString() })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      extensions: { field: 'afterPosition' },
    });
  });

  it('refuses a malformed position, an empty kinds list and another tenant’s account', async () => {
    const em = orm.em.fork();
    await expect(checkAlertSubscription(em, { principal: owner, afterPosition: '-1' })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await expect(checkAlertSubscription(em, { principal: owner, kinds: [] })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      extensions: { field: 'kinds' },
    });
    await expect(checkAlertSubscription(em, { principal: owner, accountId: randomUUID() })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('answers RESUME_WINDOW_EXCEEDED below the highest alert retention deleted, and accepts the position at it', async () => {
    const em = orm.em.fork();
    const head = BigInt((await sql<{ id: string }>('select max(id)::text as id from alert').one(em)).id);
    const floor = head - 1n;
    await sql<never, { position: string }>(
      `insert into retention_floor (name, position) values ('alerts', :position) on conflict (name) do update set position = excluded.position`,
    ).run(em, { position: floor.toString() });
    expect((await checkAlertSubscription(em, { principal: owner, afterPosition: floor.toString() })).afterId).toBe(floor);
    await expect(checkAlertSubscription(em, { principal: owner, afterPosition: (floor - 1n).toString() })).rejects.toMatchObject({
      code: 'RESUME_WINDOW_EXCEEDED',
    });
  });
});
