// Goal: each retention job deletes exactly the rows past its window (a row 1 ms inside stays, 1 ms past goes), at most
// retentionBatchSize per table per pass, never a ledger row, and the outbox and alert triggers refuse every other delete.
// Method: the real server on its own database with an injected clock the test sets, jobs run by hand (app.retention.runOnce),
// rows made through the API where the API makes them, else inserted as fixtures with exact timestamps; the ledger checked after.
import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../server/config.js';
import { runSql, runSqlTransaction } from '../support/sql.js';
import { checkRetentionSettings, IDEMPOTENCY_KEY_RETENTION_MS_MIN, pruneOutbox } from '../../server/lifecycle/retention-jobs.js';
import { subscribe, TRANSACTION_ADDED, type AddedTransaction } from '../support/subscriber.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { drainAlerts, drainMailJobs, drainWebhookProducer } from '../support/consumers.js';

const DAY_MS = 86_400_000;
const BATCH = 2;
const CHARGE = `mutation($input: ChargeInput!) { charge(input: $input) { transaction { id sequence } replayed } }`;

/** A clock the test sets at will (backwards too: each test places it relative to its own rows). */
const clock = {
  ms: Date.now(),
  now(): number {
    return this.ms;
  },
};

let t: TestApp;
let accountId: string;
let walletId: string;
let ownerKey: string;

beforeAll(async () => {
  t = await startTestApp({ retentionBatchSize: BATCH }, { clock });
  ({ accountId, walletId, ownerKey } = await t.createAccount('Retention'));
  await t.fund(walletId, '1000');
});
afterAll(async () => {
  await t?.close();
});

function sql<Row extends Record<string, any> = any>(text: string, values: unknown[] = []): Promise<Row[]> {
  return runSql<Row>(t.app.orm.em.fork(), text, values);
}

/** Runs every retention job once at the clock's time; fails on any job's error. */
async function pass(): Promise<Record<string, any>> {
  const results = await t.app.retention.runOnce();
  for (const [job, result] of Object.entries(results))
    if (result instanceof Error) throw new Error(`Retention job ${job} failed: ${result.message}`);
  return results;
}

/** Runs passes until one deletes nothing from the table `job`.`field` reports; returns each pass's count. */
async function passesUntilDone(job: string, field: string): Promise<number[]> {
  const counts: number[] = [];
  for (;;) {
    const counted = (await pass())[job][field] as number;
    counts.push(counted);
    if (counted === 0) return counts;
  }
}

/** Epoch milliseconds of a timestamptz column, exact to the microsecond (a float). */
async function epochMs(table: string, column: string, where: string, values: unknown[]): Promise<number> {
  const [row] = await sql<{ ms: number }>(
    `select (extract(epoch from ${column}) * 1000)::float8 as ms from ${table} where ${where}`,
    values,
  );
  return row!.ms;
}

async function ledgerCounts(): Promise<{ entries: string; walletTransactions: string }> {
  const [row] = await sql(
    `select (select count(*) from ledger_entry)::text as entries, (select count(*) from wallet_transaction)::text as "walletTransactions"`,
  );
  return row;
}

const iso = (ms: number) => new Date(ms).toISOString();

describe('settings', () => {
  it('keeps idempotency keys at least 24 h: 24 h starts, 1 ms less is refused at start', async () => {
    const defaults = loadConfig({});
    expect(defaults.idempotencyKeyRetentionMs).toBe(7 * DAY_MS);
    expect(() => checkRetentionSettings({ ...defaults, idempotencyKeyRetentionMs: IDEMPOTENCY_KEY_RETENTION_MS_MIN })).not.toThrow();
    await expect(startTestApp({ idempotencyKeyRetentionMs: IDEMPOTENCY_KEY_RETENTION_MS_MIN - 1 })).rejects.toThrow(/at least 86400000/);
    expect(() => loadConfig({ IDEMPOTENCY_KEY_RETENTION_MS: 'soon' })).toThrow(/IDEMPOTENCY_KEY_RETENTION_MS/);
    expect(() => checkRetentionSettings({ ...defaults, retentionBatchSize: 0 })).toThrow(/retentionBatchSize/);
  });
});

describe('idempotency keys', () => {
  it('replays a key until the window ends (boundary), then forgets it: a reuse is a new request; the ledger rows stay', async () => {
    const key = `retention-${randomUUID()}`;
    const first = (await t.ok(ownerKey, CHARGE, { input: { walletId, amount: '1', idempotencyKey: key } })).charge;
    const createdMs = await epochMs('idempotency_key', 'created_at', 'key = $1', [key]);
    const before = await ledgerCounts();

    clock.ms = Math.floor(createdMs) + 7 * DAY_MS; // the cutoff is at or below created_at: kept
    await pass();
    expect(await sql('select 1 from idempotency_key where key = $1', [key])).toHaveLength(1);
    const replay = (await t.ok(ownerKey, CHARGE, { input: { walletId, amount: '1', idempotencyKey: key } })).charge;
    expect(replay).toEqual({ transaction: first.transaction, replayed: true });

    clock.ms = Math.floor(createdMs) + 1 + 7 * DAY_MS; // 1 ms past: forgotten
    await pass();
    expect(await sql('select 1 from idempotency_key where key = $1', [key])).toHaveLength(0);
    expect(await ledgerCounts()).toEqual(before);
    expect(await sql('select 1 from wallet_transaction where id = $1 and idempotency_key = $2', [first.transaction.id, key])).toHaveLength(
      1,
    );

    // After the window the key is simply new (as at Stripe): a second posting, not a replay.
    const reused = (await t.ok(ownerKey, CHARGE, { input: { walletId, amount: '1', idempotencyKey: key } })).charge;
    expect(reused.replayed).toBe(false);
    expect(reused.transaction.id).not.toBe(first.transaction.id);
    await t.assertLedger();
  });

  it("deletes at most retentionBatchSize keys per pass, and never the server's own keys", async () => {
    const keys = Array.from({ length: 5 }, () => `batch-${randomUUID()}`);
    for (const key of keys) await t.ok(ownerKey, CHARGE, { input: { walletId, amount: '0.01', idempotencyKey: key } });
    // The server's own exactly-once marker of a posting (as a call's cost has), as old as the others.
    const [{ id: transactionId }] = await sql(`select id from wallet_transaction where idempotency_key = $1`, [keys[0]]);
    await sql(
      `insert into idempotency_key (account_id, key, operation, request_hash, wallet_transaction_id, created_at)
               values ($1, 'spendwire:call:retention-test', 'callCost', 'x', $2, now())`,
      [accountId, transactionId],
    );
    // Every caller's key is past the window then (the previous test's reused key too).
    const [{ count }] = await sql(`select count(*)::int as count from idempotency_key where key not like 'spendwire:%'`);
    expect(count).toBe(6);
    clock.ms = Date.now() + 8 * DAY_MS;
    expect(await passesUntilDone('idempotencyKeys', 'idempotencyKeys')).toEqual([2, 2, 2, 0]);
    expect(await sql(`select 1 from idempotency_key where key = any($1)`, [keys])).toHaveLength(0);
    expect(await sql(`select 1 from idempotency_key where key = 'spendwire:call:retention-test'`)).toHaveLength(1);
    await t.assertLedger();
  });
});

describe('webhook deliveries', () => {
  it('deletes DELIVERED deliveries 30 days after delivery with their attempts, then events left without a delivery; FAILED and PENDING stay', async () => {
    const base = Date.now() - 40 * DAY_MS;
    const endpointId = randomUUID();
    await sql(
      `insert into webhook_endpoint (id, account_id, url, description, event_types, secret, enabled, created_at, updated_at)
       values ($1, $2, 'https://example.com/hook', '', array['TRANSACTION_CREATED'], $3, true, $4, $4)`,
      [endpointId, accountId, `whsec_${randomBytes(32).toString('hex')}`, iso(base)],
    );
    const event = async (createdMs: number) => {
      const id = `evt_${randomBytes(16).toString('hex')}`;
      await sql(
        `insert into webhook_event (id, account_id, type, source_key, body, created_at) values ($1, $2, 'TRANSACTION_CREATED', $3, '{}', $4)`,
        [id, accountId, `test:${id}`, iso(createdMs)],
      );
      return id;
    };
    const delivery = async (eventId: string, status: string, deliveredMs: number | null, attempts: number) => {
      const id = randomUUID();
      await sql(
        `insert into webhook_delivery (id, endpoint_id, event_id, status, attempt_count, next_attempt_at, deliver_until, delivered_at, created_at, updated_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $7, $7)`,
        [
          id,
          endpointId,
          eventId,
          status,
          attempts,
          status === 'PENDING' ? iso(base) : null,
          iso(base),
          deliveredMs === null ? null : iso(deliveredMs),
        ],
      );
      for (let i = 0; i < attempts; i++) {
        const ok = status === 'DELIVERED' && i === attempts - 1;
        await sql(
          `insert into webhook_attempt (delivery_id, attempted_at, status_code, duration_ms, succeeded, error) values ($1, $2, $3, 5, $4, $5)`,
          [id, iso(base), ok ? 200 : 500, ok, ok ? null : 'HTTP_ERROR'],
        );
      }
      return id;
    };
    const deliveredAt = base + DAY_MS;
    const pastEvent = await event(base);
    const past = await delivery(pastEvent, 'DELIVERED', deliveredAt, 2);
    const insideEvent = await event(base);
    const inside = await delivery(insideEvent, 'DELIVERED', deliveredAt + 1, 1);
    const failedEvent = await event(base);
    const failed = await delivery(failedEvent, 'FAILED', null, 3);
    const pendingEvent = await event(base);
    const pending = await delivery(pendingEvent, 'PENDING', null, 1);
    const orphanPast = await event(deliveredAt);
    const orphanInside = await event(deliveredAt + 1);

    clock.ms = deliveredAt + 30 * DAY_MS + 1; // cutoff = deliveredAt + 1 ms
    const { webhookDeliveries } = await pass();
    expect(webhookDeliveries).toEqual({ deliveries: 1, attempts: 2, events: 2 });
    const deliveries = (await sql(`select id from webhook_delivery where endpoint_id = $1`, [endpointId])).map((r) => r.id);
    expect(deliveries.sort()).toEqual([inside, failed, pending].sort());
    expect(await sql(`select 1 from webhook_attempt where delivery_id = $1`, [past])).toHaveLength(0);
    expect(await sql(`select 1 from webhook_attempt where delivery_id = $1`, [failed])).toHaveLength(3);
    const events = (await sql(`select id from webhook_event where account_id = $1`, [accountId])).map((r) => r.id);
    expect(events.sort()).toEqual([insideEvent, failedEvent, pendingEvent, orphanInside].sort());
    expect(events).not.toContain(pastEvent);
    expect(events).not.toContain(orphanPast);
  });

  it('deletes at most retentionBatchSize deliveries and events per pass', async () => {
    const endpointId = randomUUID();
    const old = Date.now() - 100 * DAY_MS;
    await sql(
      `insert into webhook_endpoint (id, account_id, url, description, event_types, secret, enabled, created_at, updated_at)
       values ($1, $2, 'https://example.com/batch', '', array['TRANSACTION_CREATED'], $3, true, $4, $4)`,
      [endpointId, accountId, `whsec_${randomBytes(32).toString('hex')}`, iso(old)],
    );
    for (let i = 0; i < 5; i++) {
      const eventId = `evt_${randomBytes(16).toString('hex')}`;
      await sql(
        `insert into webhook_event (id, account_id, type, source_key, body, created_at) values ($1, $2, 'TRANSACTION_CREATED', $1, '{}', $3)`,
        [eventId, accountId, iso(old)],
      );
      await sql(
        `insert into webhook_delivery (id, endpoint_id, event_id, status, attempt_count, deliver_until, delivered_at, created_at, updated_at)
         values ($1, $2, $3, 'DELIVERED', 1, $4, $4, $4, $4)`,
        [randomUUID(), endpointId, eventId, iso(old)],
      );
    }
    clock.ms = old + 30 * DAY_MS + 1; // only this test's rows are past the cutoff
    expect(await passesUntilDone('webhookDeliveries', 'deliveries')).toEqual([2, 2, 1, 0]);
    expect(await sql(`select 1 from webhook_delivery where endpoint_id = $1`, [endpointId])).toHaveLength(0);
    // Events go once their deliveries are gone, also batch by batch.
    while ((await pass()).webhookDeliveries.events > 0);
    expect(await sql(`select 1 from webhook_event where source_key like 'evt_%' and created_at = $1`, [iso(old)])).toHaveLength(0);
  });
});

/** An acknowledged (or not) alert of the test's account; returns its id. */
async function insertAlert(raisedMs: number, acknowledgedMs: number | null): Promise<string> {
  const [row] = await sql<{ id: string }>(
    // An acknowledged alert takes the next acknowledgement position, as acknowledging does.
    `insert into alert (kind, severity, account_id, wallet_id, currency, balance_micros, message, dedupe_key, raised_at, acknowledged_at, acknowledged_by,
                        acknowledgement_position)
     values ('LOW_BALANCE', 'WARNING', $1, $2, 'USD', 0, 'Low balance', $3, $4, $5, $6,
             case when $5::timestamptz is null then null else nextval('alert_acknowledgement_position_seq') end) returning id::text`,
    [
      accountId,
      walletId,
      `test:${randomUUID()}`,
      iso(raisedMs),
      acknowledgedMs === null ? null : iso(acknowledgedMs),
      acknowledgedMs === null ? null : 'test',
    ],
  );
  return row!.id;
}

async function insertMail(
  alertId: string,
  status: 'PENDING' | 'SENT' | 'FAILED',
  createdMs: number,
  sentMs: number | null,
): Promise<string> {
  const [row] = await sql<{ id: string }>(
    `insert into email_message (account_id, recipient, kind, subject, body_text, alert_id, status, attempts, next_attempt_at, last_error, created_at, sent_at)
     values ($1, $2, 'LOW_BALANCE', 'Low balance', 'Low balance', $3, $4, 1, $5, $6, $5, $7) returning id::text`,
    [
      accountId,
      `${randomUUID()}@example.com`,
      alertId,
      status,
      iso(createdMs),
      status === 'FAILED' ? 'refused' : null,
      sentMs === null ? null : iso(sentMs),
    ],
  );
  return row!.id;
}

describe('mails', () => {
  it('deletes SENT mails 30 days after sending and FAILED ones 30 days after creation (boundary); PENDING ones stay', async () => {
    const sentAt = Date.now() - 40 * DAY_MS;
    const alertId = await insertAlert(sentAt - DAY_MS, null);
    const sentPast = await insertMail(alertId, 'SENT', sentAt - DAY_MS, sentAt);
    const sentInside = await insertMail(alertId, 'SENT', sentAt - DAY_MS, sentAt + 1);
    const failedPast = await insertMail(alertId, 'FAILED', sentAt, null);
    const failedInside = await insertMail(alertId, 'FAILED', sentAt + 1, null);
    const pending = await insertMail(alertId, 'PENDING', sentAt - DAY_MS, null);

    clock.ms = sentAt + 30 * DAY_MS + 1;
    expect((await pass()).mails).toEqual({ mails: 2 });
    const left = (await sql(`select id::text from email_message where alert_id = $1`, [alertId])).map((r) => r.id);
    expect(left.sort()).toEqual([sentInside, failedInside, pending].sort());
    expect(left).not.toContain(sentPast);
    expect(left).not.toContain(failedPast);
  });

  it('deletes at most retentionBatchSize mails per pass', async () => {
    const old = Date.now() - 100 * DAY_MS;
    const alertId = await insertAlert(old, null);
    for (let i = 0; i < 5; i++) await insertMail(alertId, 'SENT', old, old);
    clock.ms = old + 30 * DAY_MS + 1;
    expect(await passesUntilDone('mails', 'mails')).toEqual([2, 2, 1, 0]);
    expect(await sql(`select 1 from email_message where alert_id = $1`, [alertId])).toHaveLength(0);
  });
});

describe('alerts', () => {
  it('deletes alerts a year after acknowledgement once every reader has passed them and no mail refers to them; resumes from before them are refused', async () => {
    const ackAt = Date.now() - 400 * DAY_MS;
    const past = await insertAlert(ackAt - DAY_MS, ackAt);
    const inside = await insertAlert(ackAt - DAY_MS, ackAt + 1);
    const unacknowledged = await insertAlert(ackAt - DAY_MS, null);
    const mailed = await insertAlert(ackAt - DAY_MS, ackAt);
    await insertMail(mailed, 'PENDING', ackAt, null);
    const unread = await insertAlert(ackAt - DAY_MS, ackAt);
    // The mail and webhook producers have read up to `mailed`, not `unread`; the live feed reads everything.
    await sql(`update alert_reader set alert_id = $1`, [mailed]);
    await t.app.events.alerts.caughtUp();
    await t.app.events.acknowledgements.caughtUp();

    // A plain DELETE is refused, whatever the alert.
    await expect(sql(`delete from alert where id = $1`, [past])).rejects.toThrow(/alert is append-only/);

    clock.ms = ackAt + 365 * DAY_MS + 1; // cutoff = ackAt + 1 ms
    const first = await pass();
    expect(first.alerts.alerts).toBe(1);
    const left = (
      await sql(`select id::text from alert where id = any($1::bigint[])`, [[past, inside, unacknowledged, mailed, unread]])
    ).map((r) => r.id);
    expect(left.sort()).toEqual([inside, unacknowledged, mailed, unread].sort());
    const [floor] = await sql(`select position::text from retention_floor where name = 'alerts'`);
    expect(floor.position).toBe(past);
    const [acknowledgementFloor] = await sql(`select position::text from retention_floor where name = 'alert_acknowledgements'`);
    const [pastAcknowledgement] = await sql(`select acknowledgement_position::text as position from alert where id = $1`, [inside]);
    expect(BigInt(acknowledgementFloor.position)).toBeLessThan(BigInt(pastAcknowledgement.position));

    // alertAcknowledged is refused from below its own floor (the deleted alert's acknowledgement).
    const belowAcknowledged = subscribe(
      t.url,
      ownerKey,
      `subscription($after: String) { alertAcknowledged(afterAcknowledgementPosition: $after) { id } }`,
      { after: (BigInt(acknowledgementFloor.position) - 1n).toString() },
      (d) => d.alertAcknowledged.id,
    );
    try {
      await vi.waitFor(() => expect(belowAcknowledged.errors.length).toBeGreaterThan(0), { timeout: 20_000 });
      expect(belowAcknowledged.errors[0]).toMatchObject({
        extensions: { code: 'RESUME_WINDOW_EXCEEDED', field: 'afterAcknowledgementPosition', window: 'alertRetentionMs' },
      });
    } finally {
      await belowAcknowledged.close();
    }

    // alertRaised resumes from the floor, not from below it.
    const query = `subscription($after: String) { alertRaised(afterPosition: $after) { id } }`;
    const below = subscribe(t.url, ownerKey, query, { after: (BigInt(past) - 1n).toString() }, (d) => d.alertRaised.id);
    const at = subscribe(t.url, ownerKey, query, { after: past }, (d) => d.alertRaised.id as string);
    try {
      await at.waitFor(1);
      expect(at.received[0]).toBe(inside);
      await vi.waitFor(() => expect(below.errors.length).toBeGreaterThan(0), { timeout: 20_000 });
      expect(below.errors[0]).toMatchObject({
        extensions: { code: 'RESUME_WINDOW_EXCEEDED', field: 'afterPosition', window: 'alertRetentionMs' },
      });
      expect(below.received).toHaveLength(0);
    } finally {
      await below.close();
      await at.close();
    }
  });

  it('deletes at most retentionBatchSize alerts per pass', async () => {
    const ackAt = Date.now() - 500 * DAY_MS;
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push(await insertAlert(ackAt, ackAt));
    await sql(`update alert_reader set alert_id = $1`, [ids.at(-1)]);
    await t.app.events.alerts.caughtUp();
    await t.app.events.acknowledgements.caughtUp();
    clock.ms = ackAt + 365 * DAY_MS + 1;
    expect(await passesUntilDone('alerts', 'alerts')).toEqual([2, 2, 1, 0]);
    expect(await sql(`select 1 from alert where id = any($1::bigint[])`, [ids])).toHaveLength(0);
  });
});

describe('stopped calls gathered into alerts', () => {
  it('deletes those already alerted a year after they were seen (boundary), a batch per pass', async () => {
    clock.ms = Date.now();
    const ratePlanId = await t.createRatePlan([{ prefix: '', perMinute: '0.6', firstIncrementSeconds: 1, nextIncrementSeconds: 1 }]);
    const campaignId = await t.runningCampaign(ownerKey, walletId, ratePlanId);
    const callIds: string[] = [];
    for (let i = 0; i < 6; i++) {
      const started = await t.ok(ownerKey, `mutation($input: StartCallInput!) { startCall(input: $input) { call { id } } }`, {
        input: { campaignId, to: `+4477009000${10 + i}` },
      });
      callIds.push(started.startCall.call.id);
      await t.ok(ownerKey, `mutation($input: EndCallInput!) { endCall(input: $input) { call { id } } }`, {
        input: { callId: started.startCall.call.id },
      });
    }
    const seenAt = Date.now() - 600 * DAY_MS;
    const gathered = (callId: string, alerted: boolean, seenMs: number) =>
      sql(
        `insert into alert_stopped_call (call_id, campaign_id, end_reason, seen_at, alerted) values ($1, $2, 'INSUFFICIENT_FUNDS', $3, $4)`,
        [callId, campaignId, iso(seenMs), alerted],
      );
    // (Rows not yet alerted are never deleted, but the running alert processor reports them at once.)
    const [past, inside, ...more] = callIds as [string, string, ...string[]];
    await gathered(past, true, seenAt);
    await gathered(inside, true, seenAt + 1);
    for (const callId of more) await gathered(callId, true, seenAt - DAY_MS);

    clock.ms = seenAt + 365 * DAY_MS + 1;
    expect(await passesUntilDone('alerts', 'stoppedCalls')).toEqual([2, 2, 1, 0]);
    expect((await sql(`select call_id from alert_stopped_call where campaign_id = $1`, [campaignId])).map((r) => r.call_id).sort()).toEqual(
      [inside],
    );
    await t.assertLedger();
  });
});

describe('sessions and invitations', () => {
  it('deletes sessions and invitations a day past their expiry (boundary), at most retentionBatchSize of each per pass', async () => {
    const userId = randomUUID();
    await sql(
      `insert into app_user (id, account_id, email, name, role, password_hash, created_by) values ($1, $2, $3, 'Retained', 'OWNER', 'x', 'test')`,
      [userId, accountId, `${userId}@example.com`],
    );
    const expiresAt = Date.now() - 10 * DAY_MS;
    const session = async (expiresMs: number) => {
      const id = randomUUID();
      await sql(`insert into user_session (id, user_id, token_hash, expires_at) values ($1, $2, $3, $4)`, [
        id,
        userId,
        randomBytes(32).toString('hex'),
        iso(expiresMs),
      ]);
      return id;
    };
    const invitation = async (expiresMs: number) => {
      const id = randomUUID();
      await sql(
        `insert into user_invitation (id, account_id, email, role, token_hash, invited_by, expires_at) values ($1, $2, 'invitee@example.com', 'OWNER', $3, 'test', $4)`,
        [id, accountId, randomBytes(32).toString('hex'), iso(expiresMs)],
      );
      return id;
    };
    const sessionPast = await session(expiresAt);
    const sessionInside = await session(expiresAt + 1);
    const invitationPast = await invitation(expiresAt);
    const invitationInside = await invitation(expiresAt + 1);

    clock.ms = expiresAt + DAY_MS + 1;
    expect((await pass()).expiredCredentials).toEqual({ sessions: 1, invitations: 1 });
    expect((await sql(`select id from user_session where user_id = $1`, [userId])).map((r) => r.id)).toEqual([sessionInside]);
    const invitations = (await sql(`select id from user_invitation where id = any($1::uuid[])`, [[invitationPast, invitationInside]])).map(
      (r) => r.id,
    );
    expect(invitations).toEqual([invitationInside]);
    expect(sessionPast).not.toBe(sessionInside);

    for (let i = 0; i < 4; i++) {
      await session(expiresAt - DAY_MS);
      await invitation(expiresAt - DAY_MS);
    }
    expect(await passesUntilDone('expiredCredentials', 'sessions')).toEqual([2, 2, 0]);
  });
});

const BALANCE_CHANGED = `subscription($walletId: ID!, $afterSequence: String) {
  balanceChanged(walletId: $walletId, afterSequence: $afterSequence) { sequence balance reserved }
}`;

describe('outbox', () => {
  it('refuses a plain DELETE, an UPDATE, a TRUNCATE, and a retention DELETE of a row newer than the cutoff', async () => {
    const [row] = await sql(`select id::text, created_at from outbox_event order by id desc limit 1`);
    await expect(sql(`delete from outbox_event where id = $1`, [row.id])).rejects.toThrow(/outbox_event is append-only/);
    await expect(sql(`update outbox_event set balance_micros = 0 where id = $1`, [row.id])).rejects.toThrow(/append-only/);
    await expect(sql(`truncate outbox_event cascade`)).rejects.toThrow(/append-only/);
    await expect(
      runSqlTransaction(t.app.orm.em.fork(), async (query) => {
        await query(`select set_config('spendwire.outbox_retention_before', $1, true)`, [row.created_at]);
        await query(`delete from outbox_event where id = $1`, [row.id]);
      }),
    ).rejects.toThrow(/only rows older than its cutoff/);
    expect(await sql(`select 1 from outbox_event where id = $1`, [row.id])).toHaveLength(1);
  });

  it('deletes rows every reader has passed once older than the resume window (boundary), a batch per pass; transactionAdded still replays from 0, balanceChanged only within the window', async () => {
    const second = await t.createAccount('Outbox');
    await t.fund(second.walletId, '100');
    for (let i = 0; i < 2; i++) await t.ok(second.ownerKey, CHARGE, { input: { walletId: second.walletId, amount: '1' } });
    // Every durable consumer reads up to here: the alert processor, the mail and webhook producers; and this process's tail.
    await sql(`update webhook_endpoint set enabled = false`);
    // Each is passed until it has read the whole outbox (one pass may read short of what was just committed).
    await drainAlerts(t);
    await drainMailJobs(t);
    await drainWebhookProducer(t);
    await t.app.events.tail.caughtUp();
    const read = (await sql(`select id::text from outbox_event`)).map((r) => r.id);
    // Three more transactions no durable consumer but the alert processor has read yet (mail and webhooks are not running).
    for (let i = 0; i < 3; i++) await t.ok(second.ownerKey, CHARGE, { input: { walletId: second.walletId, amount: '1' } });
    const before = await ledgerCounts();

    // Boundary: the first row in position order, 1 ms inside the window, then 1 ms past it.
    const [first] = await sql<{ id: string; ms: number }>(
      `select e.id::text as id, (extract(epoch from e.created_at) * 1000)::float8 as ms from outbox_event e order by e.tx_id, e.id limit 1`,
    );
    clock.ms = Math.floor(first!.ms) + 7 * DAY_MS;
    expect((await pass()).outbox).toEqual({ outboxEvents: 0 });
    clock.ms = Math.floor(first!.ms) + 1 + 7 * DAY_MS;
    expect((await pass()).outbox.outboxEvents).toBeGreaterThanOrEqual(1);
    expect(await sql(`select 1 from outbox_event where id = $1`, [first!.id])).toHaveLength(0);

    // A live reader behind keeps everything after it.
    const em = t.app.orm.em.fork();
    const farAhead = Date.now() + 30 * DAY_MS;
    expect(await pruneOutbox(em, t.config, farAhead, { outboxPosition: () => ({ txId: '0', id: '0' }) })).toEqual({ outboxEvents: 0 });

    clock.ms = farAhead;
    const counts = await passesUntilDone('outbox', 'outboxEvents');
    expect(Math.max(...counts)).toBeLessThanOrEqual(BATCH);
    const left = (await sql(`select id::text from outbox_event`)).map((r) => r.id);
    expect(left).toHaveLength(3); // exactly the rows the mail and webhook producers have not read
    expect(left.filter((id) => read.includes(id))).toEqual([]);
    expect(await ledgerCounts()).toEqual(before);
    await t.assertLedger();

    // transactionAdded replays from any sequence (wallet_transaction rows stay); balanceChanged needs the outbox's rows.
    const added = subscribe(
      t.url,
      second.ownerKey,
      TRANSACTION_ADDED,
      { walletId: second.walletId, afterSequence: '0' },
      (d) => d.transactionAdded as AddedTransaction,
    );
    const states = subscribe(
      t.url,
      second.ownerKey,
      BALANCE_CHANGED,
      { walletId: second.walletId, afterSequence: '3' },
      (d) => d.balanceChanged,
    );
    const tooOld = subscribe(
      t.url,
      second.ownerKey,
      BALANCE_CHANGED,
      { walletId: second.walletId, afterSequence: '2' },
      (d) => d.balanceChanged,
    );
    try {
      await added.waitFor(6);
      expect(added.received.map((r) => Number(r.sequence))).toEqual([1, 2, 3, 4, 5, 6]);
      expect(added.received.map((r) => r.balanceAfter)).toEqual(['100', '99', '98', '97', '96', '95']);
      await states.waitFor(3);
      expect(states.received).toEqual([
        { sequence: '4', balance: '97', reserved: '0' },
        { sequence: '5', balance: '96', reserved: '0' },
        { sequence: '6', balance: '95', reserved: '0' },
      ]);
      await vi.waitFor(() => expect(tooOld.errors.length).toBeGreaterThan(0), { timeout: 20_000 });
      expect(tooOld.errors[0]).toMatchObject({
        extensions: { code: 'RESUME_WINDOW_EXCEEDED', field: 'afterSequence', window: 'outboxResumeWindowMs' },
      });
      expect(tooOld.received).toHaveLength(0);
    } finally {
      await added.close();
      await states.close();
      await tooOld.close();
    }
  });
});
