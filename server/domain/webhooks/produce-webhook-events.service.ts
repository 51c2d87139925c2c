import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../../config.js';
import { pgTransaction, type PgQuery } from '../../database/pg-transaction.js';
import { consumeOutbox, type OutboxRecord } from '../outbox/outbox-consumer.js';
import { pgQueryOf } from '../../database/pg-query-of.js';
import type { Clock } from '../calls/clock.js';
import { formatMoney } from '../wallets/money.js';
import { WebhookEventType } from './webhook-event-type.js';
import { generateWebhookEventId } from './webhook-signature.js';
import { ALERT_COLUMNS, toAlertRecord, type AlertRecord, type AlertRow } from '../alerts/alert-record.js';

/** The producer's name in `outbox_consumer` and in `alert_reader`. */
export const WEBHOOK_READER_NAME = 'webhooks';

/** What {@link produceWebhookEvents} needs besides the database. */
export interface ProduceWebhookEventsDeps {
  clock: Clock;
  config: Pick<Config, 'webhookProducerBatchSize' | 'webhookRetryWindowMs'>;
}

/** What one cause would become, before we know whether anyone listens. */
interface Candidate {
  sourceKey: string;
  type: WebhookEventType;
  accountId: string;
  /** The wallet transaction, top-up or outbox row the data is read from. */
  ref: string;
}

/** An event ready to be stored. */
interface EventDraft {
  sourceKey: string;
  type: WebhookEventType;
  accountId: string;
  createdAtMs: number;
  data: Record<string, unknown>;
}

interface EndpointTypes {
  account_id: string;
  event_types: WebhookEventType[];
}

const money = (micros: string | null): string | null => (micros === null ? null : formatMoney(BigInt(micros)));

/** The candidates some enabled endpoint of their account subscribes to. */
async function subscribed<T extends { accountId: string; type: WebhookEventType }>(query: PgQuery, candidates: T[]): Promise<T[]> {
  if (candidates.length === 0) return [];
  const endpoints = await query<EndpointTypes>(
    'select account_id, event_types from webhook_endpoint where enabled and account_id = any($1::uuid[])',
    [[...new Set(candidates.map((candidate) => candidate.accountId))]],
  );
  return candidates.filter((candidate) => endpoints.some((endpoint) => endpoint.account_id === candidate.accountId && endpoint.event_types.includes(candidate.type)));
}

/**
 * Stores the drafts as events (with their final JSON body) and a PENDING delivery, due now, for
 * every enabled endpoint of the account subscribed to the type, in the caller's transaction.
 * Returns the number of deliveries created.
 */
async function storeEvents(query: PgQuery, drafts: EventDraft[], deps: ProduceWebhookEventsDeps): Promise<number> {
  if (drafts.length === 0) return 0;
  const events = drafts.map((draft) => {
    const id = generateWebhookEventId();
    const body = JSON.stringify({ id, type: draft.type, createdAt: new Date(draft.createdAtMs).toISOString(), accountId: draft.accountId, data: draft.data });
    return { ...draft, id, body };
  });
  const inserted = await query<{ id: string }>(
    `insert into webhook_event (id, account_id, type, source_key, body, created_at)
     select u.id, u.account_id, u.type, u.source_key, u.body, to_timestamp(u.created_at_ms / 1000)
       from unnest($1::text[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::float8[]) as u(id, account_id, type, source_key, body, created_at_ms)
     on conflict (source_key, type) do nothing
     returning id`,
    [events.map((e) => e.id), events.map((e) => e.accountId), events.map((e) => e.type), events.map((e) => e.sourceKey), events.map((e) => e.body), events.map((e) => e.createdAtMs)],
  );
  // A cause already stored (it cannot happen while positions move with the events, but the unique
  // key makes sure) gets no second set of deliveries.
  const fresh = new Set(inserted.map((row) => row.id));
  const stored = events.filter((event) => fresh.has(event.id));
  if (stored.length === 0) return 0;
  const nowMs = deps.clock.now();
  const deliveries = await query(
    `insert into webhook_delivery (id, endpoint_id, event_id, status, next_attempt_at, deliver_until, created_at, updated_at)
     select gen_random_uuid(), ep.id, e.id, 'PENDING', to_timestamp($4::float8 / 1000), to_timestamp(($4::float8 + $5::float8) / 1000),
            to_timestamp($4::float8 / 1000), to_timestamp($4::float8 / 1000)
       from unnest($1::text[], $2::uuid[], $3::text[]) with ordinality as e(id, account_id, type, n)
       join webhook_endpoint ep on ep.account_id = e.account_id and ep.enabled and e.type = any(ep.event_types)
      order by e.n, ep.created_at, ep.id
     returning id`,
    [stored.map((e) => e.id), stored.map((e) => e.accountId), stored.map((e) => e.type), nowMs, deps.config.webhookRetryWindowMs],
  );
  return deliveries.length;
}

interface TransactionData {
  id: string;
  wallet_id: string;
  sequence: string;
  type: string;
  kind: string;
  status: string;
  amount_micros: string;
  balance_before_micros: string;
  balance_after_micros: string;
  currency: string;
  campaign_id: string | null;
  description: string;
  created_at_ms: number;
}

interface TopUpData {
  outbox_id: string;
  id: string;
  wallet_id: string;
  origin: string;
  status: string;
  currency: string;
  amount_micros: string;
  tax_micros: string;
  total_micros: string;
  failure_code: string | null;
  failure_reason: string | null;
  wallet_transaction_id: string | null;
  created_at_ms: number;
}

/** The events of a batch of outbox rows (TRANSACTION_CREATED, TOP_UP_SUCCEEDED, TOP_UP_FAILED). */
async function draftsOfOutbox(query: PgQuery, rows: OutboxRecord[]): Promise<EventDraft[]> {
  const candidates: Candidate[] = [];
  for (const row of rows) {
    const sourceKey = `outbox:${row.id}`;
    if (row.type === 'WALLET_TRANSACTION' && row.transaction_id !== null) {
      candidates.push({ sourceKey, type: WebhookEventType.TRANSACTION_CREATED, accountId: row.account_id, ref: row.transaction_id });
    } else if (row.type === 'PAYMENT_EVENT' && row.top_up_id !== null) {
      if (row.payment_event === 'TOP_UP_SUCCEEDED') candidates.push({ sourceKey, type: WebhookEventType.TOP_UP_SUCCEEDED, accountId: row.account_id, ref: row.id });
      if (row.payment_event === 'PAYMENT_FAILED') candidates.push({ sourceKey, type: WebhookEventType.TOP_UP_FAILED, accountId: row.account_id, ref: row.id });
    }
  }
  const wanted = await subscribed(query, candidates);
  if (wanted.length === 0) return [];
  const transactionIds = wanted.filter((c) => c.type === WebhookEventType.TRANSACTION_CREATED).map((c) => c.ref);
  const outboxIds = wanted.filter((c) => c.type !== WebhookEventType.TRANSACTION_CREATED).map((c) => c.ref);
  const transactions = new Map<string, TransactionData>();
  if (transactionIds.length > 0) {
    const found = await query<TransactionData>(
      `select t.id, t.wallet_id, t.sequence::text, t.type, t.kind, t.status, t.amount_micros::text, t.balance_before_micros::text,
              t.balance_after_micros::text, w.currency, t.campaign_id, t.description, (extract(epoch from t.created_at) * 1000)::float8 as created_at_ms
         from wallet_transaction t join wallet w on w.id = t.wallet_id where t.id = any($1::uuid[])`,
      [transactionIds],
    );
    for (const row of found) transactions.set(row.id, row);
  }
  const topUps = new Map<string, TopUpData>();
  if (outboxIds.length > 0) {
    // The top-up as it stands now (normally within a second of its event), at the event's time.
    const found = await query<TopUpData>(
      `select o.id::text as outbox_id, t.id, t.wallet_id, t.origin, t.status, t.currency, t.amount_micros::text, t.tax_micros::text, t.total_micros::text,
              t.failure_code, t.failure_reason, t.wallet_transaction_id, (extract(epoch from o.created_at) * 1000)::float8 as created_at_ms
         from outbox_event o join top_up t on t.id = o.top_up_id where o.id = any($1::bigint[])`,
      [outboxIds],
    );
    for (const row of found) topUps.set(row.outbox_id, row);
  }
  const drafts: EventDraft[] = [];
  for (const candidate of wanted) {
    if (candidate.type === WebhookEventType.TRANSACTION_CREATED) {
      const t = transactions.get(candidate.ref);
      if (!t) continue;
      drafts.push({
        ...candidate,
        createdAtMs: Math.round(t.created_at_ms),
        data: {
          id: t.id,
          walletId: t.wallet_id,
          sequence: t.sequence,
          type: t.type,
          kind: t.kind,
          status: t.status,
          currency: t.currency,
          amount: money(t.amount_micros),
          balanceBefore: money(t.balance_before_micros),
          balanceAfter: money(t.balance_after_micros),
          campaignId: t.campaign_id,
          description: t.description,
          createdAt: new Date(Math.round(t.created_at_ms)).toISOString(),
        },
      });
    } else {
      const t = topUps.get(candidate.ref);
      if (!t) continue;
      drafts.push({
        ...candidate,
        createdAtMs: Math.round(t.created_at_ms),
        data: {
          id: t.id,
          walletId: t.wallet_id,
          origin: t.origin,
          status: t.status,
          currency: t.currency,
          amount: money(t.amount_micros),
          tax: money(t.tax_micros),
          total: money(t.total_micros),
          failureCode: t.failure_code,
          failureReason: t.failure_reason,
          transactionId: t.wallet_transaction_id,
        },
      });
    }
  }
  return drafts;
}

/** ALERT_RAISED for every alert, and CALLS_STOPPED as well for alerts of that kind. */
async function draftsOfAlerts(query: PgQuery, alerts: AlertRecord[]): Promise<EventDraft[]> {
  const drafts: EventDraft[] = [];
  const moneyOrNull = (micros: bigint | null): string | null => (micros === null ? null : formatMoney(micros));
  for (const alert of alerts) {
    const data = {
      id: alert.id.toString(),
      kind: alert.kind,
      severity: alert.severity,
      walletId: alert.walletId,
      campaignId: alert.campaignId,
      currency: alert.currency,
      threshold: moneyOrNull(alert.thresholdMicros),
      balance: moneyOrNull(alert.balanceMicros),
      amount: moneyOrNull(alert.amountMicros),
      callsStopped: alert.callsStopped,
      message: alert.message,
      raisedAt: alert.raisedAt.toISOString(),
    };
    const common = { sourceKey: `alert:${alert.id}`, accountId: alert.accountId, createdAtMs: alert.raisedAt.getTime(), data };
    drafts.push({ ...common, type: WebhookEventType.ALERT_RAISED });
    if (alert.kind === 'CALLS_STOPPED') drafts.push({ ...common, type: WebhookEventType.CALLS_STOPPED });
  }
  return subscribed(query, drafts);
}

/** Turns alerts after the reader's position into events, one batch per transaction with the position; returns deliveries created. */
async function produceFromAlerts(em: EntityManager, deps: ProduceWebhookEventsDeps): Promise<number> {
  let created = 0;
  for (;;) {
    const batch = await pgTransaction(em, async (query) => {
      await query(
        `insert into alert_reader (name, alert_id) select $1, coalesce(max(id), 0) from alert on conflict (name) do nothing`,
        [WEBHOOK_READER_NAME],
      );
      const [position] = await query<{ alert_id: string }>(`select alert_id::text from alert_reader where name = $1 for update`, [WEBHOOK_READER_NAME]);
      const alerts = (
        await query<AlertRow>(`select ${ALERT_COLUMNS} from alert a where a.id > $1 order by a.id limit $2`, [
          position!.alert_id,
          deps.config.webhookProducerBatchSize,
        ])
      ).map(toAlertRecord);
      if (alerts.length === 0) return { rows: 0, deliveries: 0 };
      const deliveries = await storeEvents(query, await draftsOfAlerts(query, alerts), deps);
      await query(`update alert_reader set alert_id = $2 where name = $1`, [WEBHOOK_READER_NAME, alerts.at(-1)!.id.toString()]);
      return { rows: alerts.length, deliveries };
    });
    created += batch.deliveries;
    if (batch.rows < deps.config.webhookProducerBatchSize) return created;
  }
}

/**
 * Reads the outbox and the alerts after the producer's durable positions and, for every event an
 * enabled endpoint of its account subscribes to, stores the event and one PENDING delivery per
 * such endpoint, in the transaction that moves the position: nothing is lost or doubled across a
 * crash or restart. Safe in several processes at once (the position rows' locks serialize them).
 * Returns how many deliveries were created.
 */
export async function produceWebhookEvents(em: EntityManager, deps: ProduceWebhookEventsDeps): Promise<number> {
  let created = 0;
  await consumeOutbox(em, {
    name: WEBHOOK_READER_NAME,
    batchSize: deps.config.webhookProducerBatchSize,
    handle: async (rows, tx) => {
      const query = pgQueryOf(tx);
      created += await storeEvents(query, await draftsOfOutbox(query, rows), deps);
    },
  });
  created += await produceFromAlerts(em, deps);
  return created;
}
