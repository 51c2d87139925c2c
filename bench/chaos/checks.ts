/**
 * The storm's final checks, on a settled system: the ledger's invariants (drift 0), no negative
 * balance or available, every acknowledged operation in the books and none applied twice, every
 * subscriber saw every event of its wallets exactly once and in order, every alert exactly once,
 * every webhook delivery made and received, every mail sent once per recipient, and no call run
 * unfunded: the switch hung each call up within one increment of the funded end the books finally
 * record, no call is billed past its funded time, and none beyond the switch's hang-up (rounded up
 * by its rate's increments: the switch sends it as endCall's endedAt).
 */
import type pg from 'pg';
import { billedSeconds } from '../../server/domain/rating/rating.js';
import type { LedgerViolation } from '../../server/domain/wallets/verify-ledger.js';
import type { OperationRecord, StormWallet } from './operations.js';
import type { MailReceiver, WebhookReceiver } from './receivers.js';
import type { StormSubscriber } from './subscribers.js';
import type { SwitchCall } from './switch.js';

/** Longest the switch may keep a call up past the funded end the books record before it counts as run unfunded, in seconds: one 6-second increment. */
export const UNFUNDED_LAG_SECONDS_MAX = 6;

export interface StormChecks {
  problems: string[];
  notes: string[];
  /** Acknowledged operations whose effect is missing from the books. */
  lost: number;
  /** Operations applied more than once (same idempotency key, two effects). */
  duplicated: number;
  ledgerViolations: number;
  eventsMissing: number;
  eventsDuplicated: number;
  eventsOutOfOrder: number;
  alertsMissing: number;
  alertsDuplicated: number;
  webhooksMissing: number;
  webhooksRedelivered: number;
  mailsMissing: number;
  mailsDuplicated: number;
  /** The calls the switch carried, against the books. */
  switch: SwitchFigures;
}

/** The switch's calls against the books. */
export interface SwitchFigures {
  /** Calls the switch put through. */
  calls: number;
  /** Hung up by the switch because their grant ran out with no later one seen. */
  grantHangUps: number;
  /** Grants later than the first one that the switch learned of by polling. */
  extensionsSeen: number;
  /** The most seconds a call stayed up on the switch past the funded end the books record (negative: none did). */
  lagSecondsMax: number;
  /** Calls the books end later than the switch hung them up, and the most seconds by which (billed for time the switch did not carry). */
  endedAfterSwitchStop: number;
  endedAfterSwitchStopSecondsMax: number;
  /**
   * Calls billed more seconds than the switch carried them (its hang-up less the start, rounded up by
   * the rate's increments), and the most seconds by which: must be 0 (endCall's endedAt).
   */
  billedPastSwitchStop: number;
  billedPastSwitchStopSecondsMax: number;
}

export interface CheckInput {
  client: { query<R extends pg.QueryResultRow>(text: string, values?: unknown[]): Promise<pg.QueryResult<R>> };
  wallets: StormWallet[];
  records: OperationRecord[];
  subscribers: StormSubscriber[];
  mail: MailReceiver;
  hooks: WebhookReceiver;
  violations: LedgerViolation[];
  /** Every call the switch put through, as it left them (each hung up, its endCall acknowledged or given up). */
  switchCalls: SwitchCall[];
  /** The most seconds the switch may keep a call past its funded end: {@link UNFUNDED_LAG_SECONDS_MAX} unless told otherwise. */
  unfundedLagSecondsAllowed?: number;
  /**
   * A server process was killed mid-storm (`kill-9`): a mail it had handed to the SMTP server but not
   * yet marked SENT goes out again after its lease (delivery is at least once across a crash), so a
   * repeat of a mail claimed more than once is counted, not judged. @default false
   */
  processKilled?: boolean;
}

/** Compares a received list with 1..expected (or the given expected list): what is missing, repeated or out of order. */
export function compareStream(received: number[], expected: number[]): { missing: number; duplicated: number; outOfOrder: number } {
  const seen = new Set<number>();
  let duplicated = 0;
  let outOfOrder = 0;
  let previous = Number.NEGATIVE_INFINITY;
  for (const value of received) {
    if (seen.has(value)) duplicated++;
    else if (value < previous) outOfOrder++;
    seen.add(value);
    previous = Math.max(previous, value);
  }
  const missing = expected.filter((value) => !seen.has(value)).length;
  return { missing, duplicated, outOfOrder };
}

export async function checkStorm(input: CheckInput): Promise<StormChecks> {
  const { client, wallets } = input;
  const walletIds = wallets.map((wallet) => wallet.walletId);
  const accountIds = wallets.map((wallet) => wallet.accountId);
  const problems: string[] = [];
  const notes: string[] = [];
  const query = async <R extends pg.QueryResultRow>(text: string, values: unknown[] = []) => (await client.query<R>(text, values)).rows;

  // The ledger.
  for (const violation of input.violations) {
    problems.push(
      `ledger: ${violation.invariant} (${violation.rows.length} rows, e.g. ${JSON.stringify(violation.rows[0], (_, v) => (typeof v === 'bigint' ? String(v) : v))})`,
    );
  }
  const [negative] = await query<{ count: string }>(
    'select count(*)::text as count from wallet where balance_micros < 0 or balance_micros < reserved_micros',
  );
  if (Number(negative!.count) > 0) problems.push(`${negative!.count} wallets with a negative balance or available`);

  // Acknowledged operations in the books.
  let lost = 0;
  const byTable = new Map<string, string[]>();
  for (const record of input.records) {
    if (record.outcome !== 'ok') continue;
    for (const { table, id } of record.ids) {
      const list = byTable.get(table) ?? [];
      list.push(id);
      byTable.set(table, list);
    }
  }
  for (const [table, ids] of byTable) {
    const rows = await query<{ id: string }>(`select id from ${table} where id = any($1::uuid[])`, [ids]);
    const found = new Set(rows.map((row) => row.id));
    const missing = ids.filter((id) => !found.has(id));
    if (missing.length > 0) {
      lost += missing.length;
      problems.push(`lost: ${missing.length} acknowledged ${table} rows missing (e.g. ${missing[0]})`);
    }
  }

  // Nothing applied twice: one effect per idempotency key.
  let duplicated = 0;
  const duplicateQueries: [string, string][] = [
    [
      'wallet transactions with the same storm description (one per operation key)',
      `select count(*) - 1 as extra from wallet_transaction
        where wallet_id = any($1::uuid[]) and description like 'chaos %' group by wallet_id, description having count(*) > 1`,
    ],
    [
      'wallet transactions with the same idempotency key',
      `select count(*) - 1 as extra from wallet_transaction
        where wallet_id = any($1::uuid[]) and idempotency_key is not null group by wallet_id, idempotency_key having count(*) > 1`,
    ],
    [
      'top-ups with the same idempotency key',
      `select count(*) - 1 as extra from top_up
        where wallet_id = any($1::uuid[]) and idempotency_key is not null group by account_id, idempotency_key having count(*) > 1`,
    ],
    [
      'message batches with the same idempotency key',
      `select count(distinct batch_id) - 1 as extra from message
        where wallet_id = any($1::uuid[]) and idempotency_key is not null group by account_id, idempotency_key having count(distinct batch_id) > 1`,
    ],
  ];
  for (const [what, text] of duplicateQueries) {
    const rows = await query<{ extra: string }>(text, [walletIds]);
    const extra = rows.reduce((sum, row) => sum + Number(row.extra), 0);
    if (extra > 0) {
      duplicated = Math.max(duplicated, extra);
      problems.push(`duplicated: ${extra} ${what}`);
    }
  }
  const unknown = input.records.filter((record) => record.outcome === 'unknown');
  if (unknown.length > 0) {
    const kinds = [...new Set(unknown.map((record) => record.kind))].join(', ');
    notes.push(`${unknown.length} operations with an unknown outcome after their retries (${kinds})`);
  }

  // Events: every subscriber saw every transaction of every wallet exactly once, in order.
  const sequences = await query<{ wallet_id: string; sequence: string }>(
    'select wallet_id, sequence::text from wallet_transaction where wallet_id = any($1::uuid[]) order by wallet_id, sequence',
    [walletIds],
  );
  const expectedSequences = new Map<string, number[]>(walletIds.map((id) => [id, []]));
  for (const row of sequences) expectedSequences.get(row.wallet_id)!.push(Number(row.sequence));
  let eventsMissing = 0;
  let eventsDuplicated = 0;
  let eventsOutOfOrder = 0;
  for (const subscriber of input.subscribers) {
    const totals = { missing: 0, duplicated: 0, outOfOrder: 0 };
    for (const walletId of walletIds) {
      const result = compareStream(subscriber.sequences.get(walletId) ?? [], expectedSequences.get(walletId)!);
      totals.missing += result.missing;
      totals.duplicated += result.duplicated;
      totals.outOfOrder += result.outOfOrder;
    }
    eventsMissing += totals.missing;
    eventsDuplicated += totals.duplicated;
    eventsOutOfOrder += totals.outOfOrder;
    if (totals.missing + totals.duplicated + totals.outOfOrder > 0) {
      problems.push(
        `events: ${subscriber.name} missed ${totals.missing}, got ${totals.duplicated} twice, ${totals.outOfOrder} out of order`,
      );
    }
  }

  // Alerts: every subscriber saw every alert exactly once, in order (position = id, commit order).
  const alertIds = (await query<{ id: string }>('select id::text from alert order by id')).map((row) => Number(row.id));
  let alertsMissing = 0;
  let alertsDuplicated = 0;
  for (const subscriber of input.subscribers) {
    const result = compareStream(subscriber.alertPositions, alertIds);
    alertsMissing += result.missing;
    alertsDuplicated += result.duplicated;
    if (result.missing + result.duplicated + result.outOfOrder > 0) {
      problems.push(
        `alerts: ${subscriber.name} missed ${result.missing}, got ${result.duplicated} twice, ${result.outOfOrder} out of order`,
      );
    }
  }

  // Webhooks: every delivery made; every event id received at least once at its endpoint; nothing unknown received.
  const deliveries = await query<{ event_id: string; status: string; url: string }>(
    `select d.event_id, d.status, ep.url from webhook_delivery d join webhook_endpoint ep on ep.id = d.endpoint_id
      where ep.account_id = any($1::uuid[])`,
    [accountIds],
  );
  const receivedByEndpoint = new Map<string, number>();
  for (const webhook of input.hooks.accepted) {
    const key = `${webhook.path} ${webhook.id}`;
    receivedByEndpoint.set(key, (receivedByEndpoint.get(key) ?? 0) + 1);
  }
  let webhooksMissing = 0;
  const notDelivered = deliveries.filter((delivery) => delivery.status !== 'DELIVERED');
  if (notDelivered.length > 0) problems.push(`webhooks: ${notDelivered.length} deliveries not DELIVERED (${notDelivered[0]!.status})`);
  const expectedKeys = new Set<string>();
  for (const delivery of deliveries) {
    const key = `${new URL(delivery.url).pathname} ${delivery.event_id}`;
    expectedKeys.add(key);
    if (delivery.status === 'DELIVERED' && !receivedByEndpoint.has(key)) webhooksMissing++;
  }
  if (webhooksMissing > 0) problems.push(`webhooks: ${webhooksMissing} deliveries marked DELIVERED never reached the receiver`);
  const unexpected = [...receivedByEndpoint.keys()].filter((key) => !expectedKeys.has(key));
  if (unexpected.length > 0) problems.push(`webhooks: ${unexpected.length} received events unknown to the server (e.g. ${unexpected[0]})`);
  const webhooksRedelivered = input.hooks.accepted.length - receivedByEndpoint.size;
  notes.push(
    `webhooks: ${receivedByEndpoint.size} distinct events received, ${webhooksRedelivered} redeliveries (at least once; dedupe by id)`,
  );
  // And every transaction made after its account's endpoint was registered was announced.
  const announced = new Set(
    input.hooks.accepted.filter((webhook) => webhook.type === 'TRANSACTION_CREATED').map((webhook) => String(webhook.data.id)),
  );
  const transactions = await query<{ id: string }>(
    `select t.id from wallet_transaction t join webhook_endpoint ep on ep.account_id = t.account_id
      where t.wallet_id = any($1::uuid[]) and t.created_at > ep.created_at`,
    [walletIds],
  );
  const unannounced = transactions.filter((row) => !announced.has(row.id)).length;
  if (unannounced > 0) {
    webhooksMissing += unannounced;
    problems.push(`webhooks: ${unannounced} of ${transactions.length} transactions never announced as TRANSACTION_CREATED`);
  }

  // Mails: every mail SENT, each received once per recipient (Message-ID <email-<id>@spendwire>).
  const mails = await query<{ id: string; recipient: string; status: string; attempts: number }>(
    'select id::text, recipient, status, attempts from email_message where account_id = any($1::uuid[])',
    [accountIds],
  );
  const received = new Map<string, number>();
  for (const accepted of input.mail.accepted) {
    for (const recipient of accepted.recipients) {
      const key = `${accepted.messageId} ${recipient}`;
      received.set(key, (received.get(key) ?? 0) + 1);
    }
  }
  const unsent = mails.filter((mail) => mail.status !== 'SENT');
  if (unsent.length > 0) problems.push(`mail: ${unsent.length} mails not SENT (${unsent[0]!.status})`);
  let mailsMissing = 0;
  let mailsDuplicated = 0;
  let mailsRepeatedAfterCrash = 0;
  for (const mail of mails) {
    const count = received.get(`<email-${mail.id}@spendwire> ${mail.recipient}`) ?? 0;
    if (mail.status === 'SENT' && count === 0) mailsMissing++;
    if (count <= 1) continue;
    // Claimed again after a killed process's lease: the only repeat at-least-once delivery allows.
    if (input.processKilled && mail.attempts >= 2) mailsRepeatedAfterCrash += count - 1;
    else mailsDuplicated += count - 1;
  }
  if (mailsMissing > 0) problems.push(`mail: ${mailsMissing} mails marked SENT never reached the SMTP server`);
  if (mailsDuplicated > 0) problems.push(`mail: ${mailsDuplicated} mails received more than once by one recipient`);
  notes.push(
    `mail: ${mails.length} mails, ${input.mail.accepted.length} accepted by SMTP` +
      (mailsRepeatedAfterCrash > 0
        ? `; ${mailsRepeatedAfterCrash} sent again after the killed process's lease (same Message-ID: a mailbox dedupes it)`
        : ''),
  );

  // Calls never run unfunded: on the switch, against what the books finally say.
  const switchFigures = await checkSwitchCalls(input, problems, notes);

  return {
    problems,
    notes,
    lost,
    duplicated,
    ledgerViolations: input.violations.length,
    eventsMissing,
    eventsDuplicated,
    eventsOutOfOrder,
    alertsMissing,
    alertsDuplicated,
    webhooksMissing,
    webhooksRedelivered,
    mailsMissing,
    mailsDuplicated,
    switch: switchFigures,
  };
}

/**
 * Each call the switch put through against the books: it was hung up by the switch no later than one
 * increment after the funded end the books record (started_at + funded_seconds), its row ended, and
 * it is billed neither past its funded time nor past its end.
 */
async function checkSwitchCalls(input: CheckInput, problems: string[], notes: string[]): Promise<SwitchFigures> {
  const lagAllowed = input.unfundedLagSecondsAllowed ?? UNFUNDED_LAG_SECONDS_MAX;
  const carried = input.switchCalls.filter((call) => call.stopCause !== 'late');
  const figures: SwitchFigures = {
    calls: carried.length,
    grantHangUps: carried.filter((call) => call.stopCause === 'grant').length,
    extensionsSeen: carried.reduce((sum, call) => sum + call.extensionsSeen, 0),
    lagSecondsMax: Number.NEGATIVE_INFINITY,
    endedAfterSwitchStop: 0,
    endedAfterSwitchStopSecondsMax: 0,
    billedPastSwitchStop: 0,
    billedPastSwitchStopSecondsMax: 0,
  };
  if (input.switchCalls.length === 0) return figures;
  const rows = (
    await input.client.query<{
      id: string;
      status: string;
      started_ms: number;
      ended_ms: number | null;
      funded_seconds: number;
      billed_seconds: number;
      first_increment_seconds: number;
      next_increment_seconds: number;
    }>(
      `select c.id, c.status, (extract(epoch from c.started_at) * 1000)::float8 as started_ms,
              (extract(epoch from c.ended_at) * 1000)::float8 as ended_ms,
              coalesce(m.funded_seconds, c.funded_seconds) as funded_seconds, c.billed_seconds,
              c.first_increment_seconds, c.next_increment_seconds
         from call c left join call_meter m on m.call_id = c.id where c.id = any($1::uuid[])`,
      [input.switchCalls.map((call) => call.callId)],
    )
  ).rows;
  const books = new Map(rows.map((row) => [row.id, row]));
  let worst: { callId: string; lagSeconds: number } | undefined;
  const stillActive: string[] = [];
  const overBilled: string[] = [];
  const unacknowledged = input.switchCalls.filter((call) => !call.endAcknowledged).length;
  for (const call of input.switchCalls) {
    const row = books.get(call.callId);
    if (!row) continue; // An acknowledged start is checked by the books check above.
    const fundedEndMs = row.started_ms + row.funded_seconds * 1000;
    if (row.status === 'ACTIVE') stillActive.push(call.callId);
    // A millisecond of slack: the end is stored in microseconds, the funded end computed in ms.
    if (row.billed_seconds > row.funded_seconds || (row.ended_ms !== null && row.ended_ms > fundedEndMs + 1)) overBilled.push(call.callId);
    if (call.stopCause === 'late' || call.stoppedAtMs === undefined) continue;
    const lagSeconds = (call.stoppedAtMs - fundedEndMs) / 1000;
    if (!worst || lagSeconds > worst.lagSeconds) worst = { callId: call.callId, lagSeconds };
    if (row.ended_ms !== null && row.ended_ms > call.stoppedAtMs + 1) {
      figures.endedAfterSwitchStop++;
      figures.endedAfterSwitchStopSecondsMax = Math.max(figures.endedAfterSwitchStopSecondsMax, (row.ended_ms - call.stoppedAtMs) / 1000);
    }
    // What the switch carried, billed as the rate bills it (the start is stored in whole milliseconds: no slack).
    if (row.status !== 'ACTIVE') {
      const carriedSeconds = billedSeconds(
        Math.max(0, call.stoppedAtMs - row.started_ms) / 1000,
        row.first_increment_seconds,
        row.next_increment_seconds,
      );
      if (row.billed_seconds > carriedSeconds) {
        figures.billedPastSwitchStop++;
        figures.billedPastSwitchStopSecondsMax = Math.max(figures.billedPastSwitchStopSecondsMax, row.billed_seconds - carriedSeconds);
      }
    }
  }
  figures.lagSecondsMax = worst?.lagSeconds ?? Number.NEGATIVE_INFINITY;
  if (worst && worst.lagSeconds > lagAllowed) {
    problems.push(
      `calls: the switch kept call ${worst.callId} up ${worst.lagSeconds.toFixed(1)} s past the funded end the books record (more than ${lagAllowed} s)`,
    );
  }
  if (stillActive.length > 0)
    problems.push(`calls: ${stillActive.length} hung up by the switch still ACTIVE in the books (e.g. ${stillActive[0]})`);
  if (overBilled.length > 0) problems.push(`calls: ${overBilled.length} billed past their funded time (e.g. ${overBilled[0]})`);
  if (figures.billedPastSwitchStop > 0)
    problems.push(
      `calls: ${figures.billedPastSwitchStop} billed beyond the switch's hang-up rounded up to the increment (max ${figures.billedPastSwitchStopSecondsMax} s)`,
    );
  if (unacknowledged > 0) problems.push(`calls: ${unacknowledged} endCalls of the switch never acknowledged`);
  const late = input.switchCalls.length - carried.length;
  notes.push(
    `switch: ${figures.calls} calls carried, ${figures.grantHangUps} hung up at their grant, ${figures.extensionsSeen} later grants seen by polling, ` +
      `max ${Number.isFinite(figures.lagSecondsMax) ? figures.lagSecondsMax.toFixed(2) : '–'} s up past the books' funded end` +
      `${late > 0 ? `, ${late} answered after their grant (never put through)` : ''}; ` +
      `${figures.endedAfterSwitchStop} ended in the books after the switch hung up (max ${figures.endedAfterSwitchStopSecondsMax.toFixed(1)} s after), ` +
      `${figures.billedPastSwitchStop} billed beyond the switch's hang-up rounded up to the increment`,
  );
  return figures;
}
