import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../../config.js';
import { transaction, type SqlTransaction } from '../../database/sql.js';
import { consumeOutbox, type OutboxRecord } from '../outbox/outbox-consumer.js';
import type { Clock } from '../calls/clock.js';
import { invoicePdfPath } from '../invoices/document-paths.js';
import { toInvoice, type InvoiceRecord } from '../invoices/invoice-record.js';
import { selectInvoicesByIds } from '../invoices/invoices.queries.js';
import { formatMoney } from '../wallets/money.js';
import { ALERT_WEBHOOK_EVENT_TYPES, WebhookEventType } from './webhook-event-type.js';
import { generateWebhookEventId } from './webhook-signature.js';
import {
  insertDeliveriesOfEvents,
  insertEvents,
  selectSubscriptionsOfAccounts,
  selectTopUpsForEvents,
  selectTransactionsOfRuns,
  type TopUpEventRow,
  type TransactionEventRow,
} from './webhooks.queries.js';
import { toAlertRecord, type AlertRecord } from '../alerts/alert-record.js';
import { ensureAlertReader, lockAlertReader, moveAlertReader, selectAlertsAfter } from '../alerts/alerts.queries.js';

/** The producer's name in `outbox_consumer` and in `alert_reader`. */
export const WEBHOOK_READER_NAME = 'webhooks';

/** What {@link produceWebhookEvents} needs besides the database. */
export interface ProduceWebhookEventsDeps {
  clock: Clock;
  config: Pick<Config, 'webhookProducerBatchSize' | 'webhookRetryWindowMs'>;
  /**
   * The server's public address without a trailing slash, which document events' `pdfUrl` starts
   * with (asked for at each batch: it is known once the HTTP server listens).
   */
  publicUrl: () => string;
}

/** What one cause would become, before we know whether anyone listens. */
interface Candidate {
  sourceKey: string;
  type: WebhookEventType;
  accountId: string;
  /** The outbox row the data is read from (for a transaction: its run of wallet transactions). */
  row: OutboxRecord;
}

/** An event ready to be stored. */
interface EventDraft {
  sourceKey: string;
  type: WebhookEventType;
  accountId: string;
  createdAtMs: number;
  data: Record<string, unknown>;
}

const money = (micros: string | null): string | null => (micros === null ? null : formatMoney(BigInt(micros)));

/** The candidates some enabled endpoint of their account subscribes to. */
async function subscribed<T extends { accountId: string; type: WebhookEventType }>(tx: SqlTransaction, candidates: T[]): Promise<T[]> {
  if (candidates.length === 0) return [];
  const endpoints = await selectSubscriptionsOfAccounts.all(tx, {
    accountIds: [...new Set(candidates.map((candidate) => candidate.accountId))],
  });
  return candidates.filter((candidate) =>
    endpoints.some((endpoint) => endpoint.account_id === candidate.accountId && endpoint.event_types.includes(candidate.type)),
  );
}

/**
 * Stores the drafts as events (with their final JSON body) and a PENDING delivery, due now, for
 * every enabled endpoint of the account subscribed to the type, in the caller's transaction.
 * Returns the number of deliveries created.
 */
async function storeEvents(tx: SqlTransaction, drafts: EventDraft[], deps: ProduceWebhookEventsDeps): Promise<number> {
  if (drafts.length === 0) return 0;
  const events = drafts.map((draft) => {
    const id = generateWebhookEventId();
    const body = JSON.stringify({
      id,
      type: draft.type,
      createdAt: new Date(draft.createdAtMs).toISOString(),
      accountId: draft.accountId,
      data: draft.data,
    });
    return { ...draft, id, body };
  });
  const inserted = await insertEvents.all(tx, {
    ids: events.map((e) => e.id),
    accountIds: events.map((e) => e.accountId),
    types: events.map((e) => e.type),
    sourceKeys: events.map((e) => e.sourceKey),
    bodies: events.map((e) => e.body),
    createdAtsMs: events.map((e) => e.createdAtMs),
  });
  // A cause already stored (it cannot happen while positions move with the events, but the unique
  // key makes sure) gets no second set of deliveries.
  const fresh = new Set(inserted.map((row) => row.id));
  const stored = events.filter((event) => fresh.has(event.id));
  if (stored.length === 0) return 0;
  const nowMs = deps.clock.now();
  const deliveries = await insertDeliveriesOfEvents.all(tx, {
    eventIds: stored.map((e) => e.id),
    accountIds: stored.map((e) => e.accountId),
    types: stored.map((e) => e.type),
    nowMs,
    retryWindowMs: deps.config.webhookRetryWindowMs,
  });
  return deliveries.length;
}

/** An issued document as its event carries it: amounts as Money strings, the PDF as an absolute URL. */
export function documentEventData(invoice: InvoiceRecord, publicUrl: string): Record<string, unknown> {
  return {
    id: invoice.id,
    kind: invoice.kind,
    number: invoice.number,
    walletId: invoice.walletId,
    currency: invoice.currency,
    net: formatMoney(invoice.netMicros),
    tax: formatMoney(invoice.taxMicros),
    total: formatMoney(invoice.totalMicros),
    taxLabel: invoice.taxLabel,
    reverseCharge: invoice.reverseCharge,
    topUpId: invoice.topUpId,
    bankTransferId: invoice.bankTransferId,
    refundId: invoice.refundId,
    creditedInvoiceId: invoice.creditedInvoiceId,
    creditedInvoiceNumber: invoice.creditedInvoiceNumber,
    transactionId: invoice.walletTransactionId,
    issuedAt: invoice.issuedAt.toISOString(),
    pdfUrl: `${publicUrl}${invoicePdfPath(invoice.id)}`,
  };
}

/** INVOICE_ISSUED and CREDIT_NOTE_ISSUED for the batch's DOCUMENT_ISSUED rows (one read of the documents, only when there are some). */
async function documentDrafts(tx: SqlTransaction, rows: OutboxRecord[], publicUrl: () => string): Promise<EventDraft[]> {
  const documentRows = rows.filter((row) => row.type === 'DOCUMENT_ISSUED' && row.invoice_id !== null);
  if (documentRows.length === 0) return [];
  const invoices = new Map<string, InvoiceRecord>();
  for (const row of await selectInvoicesByIds.all(tx, { ids: documentRows.map((row) => row.invoice_id!) }))
    invoices.set(row.id, toInvoice(row));
  const drafts: EventDraft[] = [];
  for (const row of documentRows) {
    const invoice = invoices.get(row.invoice_id!);
    if (!invoice) continue;
    drafts.push({
      sourceKey: `outbox:${row.id}`,
      type: invoice.kind === 'INVOICE' ? WebhookEventType.INVOICE_ISSUED : WebhookEventType.CREDIT_NOTE_ISSUED,
      accountId: invoice.accountId,
      createdAtMs: invoice.issuedAt.getTime(),
      data: documentEventData(invoice, publicUrl()),
    });
  }
  return subscribed(tx, drafts);
}

/**
 * The source key of a wallet transaction's event: its outbox row's, and for a row that stands for
 * several transactions the sequence too, so that each transaction is one event (a run of one keeps
 * the key a row per transaction had).
 */
function transactionSourceKey(row: OutboxRecord, sequence: bigint): string {
  return row.transaction_count === 1 ? `outbox:${row.id}` : `outbox:${row.id}:${sequence}`;
}

/**
 * The events of a batch of outbox rows (TRANSACTION_CREATED, TOP_UP_SUCCEEDED, TOP_UP_FAILED;
 * documents apart): a WALLET_TRANSACTION row gives one TRANSACTION_CREATED per transaction of its
 * run, in sequence order.
 */
async function draftsOfOutbox(tx: SqlTransaction, rows: OutboxRecord[]): Promise<EventDraft[]> {
  const candidates: Candidate[] = [];
  for (const row of rows) {
    const sourceKey = `outbox:${row.id}`;
    if (row.type === 'WALLET_TRANSACTION' && row.wallet_id !== null && row.wallet_sequence !== null) {
      candidates.push({ sourceKey, type: WebhookEventType.TRANSACTION_CREATED, accountId: row.account_id, row });
    } else if (row.type === 'PAYMENT_EVENT' && row.top_up_id !== null) {
      if (row.payment_event === 'TOP_UP_SUCCEEDED')
        candidates.push({ sourceKey, type: WebhookEventType.TOP_UP_SUCCEEDED, accountId: row.account_id, row });
      if (row.payment_event === 'PAYMENT_FAILED')
        candidates.push({ sourceKey, type: WebhookEventType.TOP_UP_FAILED, accountId: row.account_id, row });
    }
  }
  const wanted = await subscribed(tx, candidates);
  if (wanted.length === 0) return [];
  const runs = wanted.filter((c) => c.type === WebhookEventType.TRANSACTION_CREATED).map((c) => c.row);
  const outboxIds = wanted.filter((c) => c.type !== WebhookEventType.TRANSACTION_CREATED).map((c) => c.row.id);
  /** Transactions by `wallet id:sequence`. */
  const transactions = new Map<string, TransactionEventRow>();
  if (runs.length > 0) {
    const found = await selectTransactionsOfRuns.all(tx, {
      walletIds: runs.map((row) => row.wallet_id!),
      firstSequences: runs.map((row) => (BigInt(row.wallet_sequence!) - BigInt(row.transaction_count) + 1n).toString()),
      lastSequences: runs.map((row) => row.wallet_sequence!),
    });
    for (const row of found) transactions.set(`${row.wallet_id}:${row.sequence}`, row);
  }
  const topUps = new Map<string, TopUpEventRow>();
  if (outboxIds.length > 0) {
    // The top-up as it stands now (normally within a second of its event), at the event's time.
    const found = await selectTopUpsForEvents.all(tx, { outboxIds });
    for (const row of found) topUps.set(row.outbox_id, row);
  }
  const drafts: EventDraft[] = [];
  for (const candidate of wanted) {
    if (candidate.type === WebhookEventType.TRANSACTION_CREATED) {
      const last = BigInt(candidate.row.wallet_sequence!);
      for (let sequence = last - BigInt(candidate.row.transaction_count) + 1n; sequence <= last; sequence++) {
        const t = transactions.get(`${candidate.row.wallet_id}:${sequence}`);
        if (!t) continue;
        drafts.push({
          sourceKey: transactionSourceKey(candidate.row, sequence),
          type: candidate.type,
          accountId: candidate.accountId,
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
      }
    } else {
      const t = topUps.get(candidate.row.id);
      if (!t) continue;
      drafts.push({
        sourceKey: candidate.sourceKey,
        type: candidate.type,
        accountId: candidate.accountId,
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

/** ALERT_RAISED for every alert, the event type of the alert's kind as well when there is one (CALLS_STOPPED, NUMBER_RELEASED…), REFUND_REQUEST_UPDATED for refund requests' alerts. */
async function draftsOfAlerts(tx: SqlTransaction, alerts: AlertRecord[]): Promise<EventDraft[]> {
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
    if (ALERT_WEBHOOK_EVENT_TYPES.has(alert.kind)) drafts.push({ ...common, type: alert.kind as string as WebhookEventType });
    if (alert.kind === 'REFUND_REQUESTED' || alert.kind === 'REFUND_REQUEST_CLOSED' || alert.kind === 'REFUND_REQUEST_FAILED')
      drafts.push({ ...common, type: WebhookEventType.REFUND_REQUEST_UPDATED });
  }
  return subscribed(tx, drafts);
}

/** Turns alerts after the reader's position into events, one batch per transaction with the position; returns deliveries created. */
async function produceFromAlerts(em: EntityManager, deps: ProduceWebhookEventsDeps): Promise<number> {
  let created = 0;
  for (;;) {
    const batch = await transaction(em, async (tx) => {
      await ensureAlertReader.run(tx, { name: WEBHOOK_READER_NAME });
      const position = await lockAlertReader.one(tx, { name: WEBHOOK_READER_NAME });
      const alerts = (await selectAlertsAfter.all(tx, { afterId: position.alert_id, limit: deps.config.webhookProducerBatchSize })).map(
        toAlertRecord,
      );
      if (alerts.length === 0) return { rows: 0, deliveries: 0 };
      const deliveries = await storeEvents(tx, await draftsOfAlerts(tx, alerts), deps);
      await moveAlertReader.run(tx, { name: WEBHOOK_READER_NAME, alertId: alerts.at(-1)!.id.toString() });
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
      const drafts = [...(await draftsOfOutbox(tx, rows)), ...(await documentDrafts(tx, rows, deps.publicUrl))];
      created += await storeEvents(tx, drafts, deps);
    },
  });
  created += await produceFromAlerts(em, deps);
  return created;
}
