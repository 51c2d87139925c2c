// Goal: every kind the code writes is allowed by the database's CHECKs, whatever order the migrations that each widened a list ran in (several were written at once and restated whole lists), and every mail source keys the mail once. Method: a fresh database migrated by the real server, the constraints read back with pg_get_constraintdef and compared with the code's own enums.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AlertKind } from '../../server/domain/alerts/alert-kinds.js';
import { CampaignStatus } from '../../server/domain/campaigns/campaign-record.js';
import { NotificationKind } from '../../server/domain/notifications/notification-kind.js';
import { WebhookEventType } from '../../server/domain/webhooks/webhook-event-type.js';
import { runSql } from '../support/sql.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** Mails that are not a notification kind (nobody can turn them off). */
const OTHER_MAIL_KINDS = ['INVITATION', 'EMAIL_VERIFICATION', 'REFUND_REQUEST'];

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ billingClockEnabled: false });
});
afterAll(async () => {
  await t?.close();
});

/** The definition of `table`'s constraint `name`, e.g. `CHECK ((kind = ANY (ARRAY['A'::text, …])))`. */
async function definitionOf(table: string, name: string): Promise<string> {
  const rows = await runSql<{ definition: string }>(
    t.app.orm.em.fork(),
    `select pg_get_constraintdef(c.oid) as definition from pg_constraint c where c.conrelid = $1::regclass and c.conname = $2`,
    [table, name],
  );
  expect(rows, `${table}.${name}`).toHaveLength(1);
  return rows[0]!.definition;
}

/** The quoted values a CHECK allows. */
const allowed = (definition: string) => new Set([...definition.matchAll(/'([A-Z_]+)'/g)].map((match) => match[1]));

describe('allowed values after every migration', () => {
  const cases: [table: string, constraint: string, values: string[]][] = [
    ['alert', 'alert_kind_check', Object.values(AlertKind)],
    ['notification_preference', 'notification_preference_kind_check', Object.values(NotificationKind)],
    ['email_message', 'email_message_kind_check', [...Object.values(NotificationKind), ...OTHER_MAIL_KINDS]],
    ['webhook_event', 'webhook_event_type_check', Object.values(WebhookEventType)],
    ['webhook_endpoint', 'webhook_endpoint_event_types_check', Object.values(WebhookEventType)],
    ['campaign', 'campaign_status_check', Object.values(CampaignStatus)],
  ];
  for (const [table, constraint, values] of cases) {
    it(`${table}.${constraint} allows every value the code writes`, async () => {
      const definition = await definitionOf(table, constraint);
      const missing = values.filter((value) => !allowed(definition).has(value));
      expect(missing, definition).toEqual([]);
    });
  }

  it('a mail has exactly one source, and each source column is part of its key', async () => {
    const oneSource = await definitionOf('email_message', 'email_message_one_source_check');
    const sources = ['alert_id', 'top_up_id', 'invitation_id', 'verification_user_id', 'refund_request_id', 'usage_report_mail_id'];
    for (const column of sources) expect(oneSource).toContain(column);
    const [generated] = await runSql<{ expression: string }>(
      t.app.orm.em.fork(),
      `select pg_get_expr(d.adbin, d.adrelid) as expression from pg_attrdef d
         join pg_attribute a on a.attrelid = d.adrelid and a.attnum = d.adnum
        where d.adrelid = 'email_message'::regclass and a.attname = 'source'`,
    );
    for (const column of sources) expect(generated?.expression).toContain(column);
  });
});
