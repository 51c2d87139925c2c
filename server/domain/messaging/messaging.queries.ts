/**
 * The messaging area's SQL: every statement on `message` (and the wallet, campaign and number rows
 * the SMS services lock or change), with its row type. Services run them (see database/sql.ts).
 */
import { sql } from '../../database/sql.js';
import { CAMPAIGN_COLUMNS, type CampaignRow } from '../campaigns/campaigns.queries.js';
import { createdBeforeCursorSql } from '../campaigns/created-cursor.js';
import type { MessageDirection, MessageEncoding, MessageStatus } from './message-record.js';

/** Columns of a {@link MessageRow} from table `message g`. */
export const MESSAGE_COLUMNS = `g.id, g.account_id, g.wallet_id, g.campaign_id, g.batch_id, g.direction, g.from_number, g.to_number,
  g.body, g.encoding, g.segments, g.rate_prefix, g.price_micros, g.status, g.hold_micros,
  (extract(epoch from g.expires_at) * 1000)::float8 as expires_at_ms,
  (extract(epoch from g.finalized_at) * 1000)::float8 as finalized_at_ms,
  g.transaction_id, g.idempotency_key, g.version,
  (extract(epoch from g.created_at) * 1000)::float8 as created_at_ms,
  (extract(epoch from g.created_at) * 1000000)::bigint::text as created_at_us`;

/** A row of {@link MESSAGE_COLUMNS}. */
export interface MessageRow {
  id: string;
  account_id: string;
  wallet_id: string;
  campaign_id: string | null;
  batch_id: string;
  direction: MessageDirection;
  from_number: string;
  to_number: string;
  body: string;
  encoding: MessageEncoding;
  segments: number;
  rate_prefix: string;
  price_micros: string;
  status: MessageStatus;
  hold_micros: string;
  expires_at_ms: number | null;
  finalized_at_ms: number | null;
  transaction_id: string | null;
  idempotency_key: string | null;
  version: string;
  created_at_ms: number;
  created_at_us: string;
}

// Reading messages.

/** Every message an idempotency key of the account sent or received. */
export const selectMessagesOfKey = sql<MessageRow, { accountId: string; key: string }>(
  `select ${MESSAGE_COLUMNS} from message g where g.account_id = :accountId and g.idempotency_key = :key`,
);

/** Waits for, then holds until commit, the transaction-scoped advisory lock named `lockName`. */
export const lockMessageKey = sql<never, { lockName: string }>(`select pg_advisory_xact_lock(hashtextextended(:lockName, 0))`);

/** One message by id. */
export const selectMessage = sql<MessageRow, { messageId: string }>(`select ${MESSAGE_COLUMNS} from message g where g.id = :messageId`);

/** One message by id within `accountId` (null: any account). */
export const selectVisibleMessage = sql<MessageRow, { messageId: string; accountId: string | null }>(
  `select ${MESSAGE_COLUMNS} from message g where g.id = :messageId and (:accountId::uuid is null or g.account_id = :accountId)`,
);

/** {@link selectVisibleMessage}, locked until commit (a delivery report). */
export const lockVisibleMessage = sql<MessageRow, { messageId: string; accountId: string | null }>(
  `select ${MESSAGE_COLUMNS} from message g where g.id = :messageId and (:accountId::uuid is null or g.account_id = :accountId) for update`,
);

/**
 * One page of a wallet's messages, newest first, after the cursor (`afterUs` microseconds and
 * `afterId`; both null for the first page), optionally of one campaign, status or direction.
 */
export const selectMessagesPage = sql<
  MessageRow,
  {
    walletId: string;
    campaignId: string | null;
    status: string | null;
    direction: string | null;
    afterUs: string | null;
    afterId: string | null;
    limit: number;
  }
>(
  `select ${MESSAGE_COLUMNS} from message g
    where g.wallet_id = :walletId and (:campaignId::uuid is null or g.campaign_id = :campaignId) and (:status::text is null or g.status = :status)
      and (:direction::text is null or g.direction = :direction)
      and ${createdBeforeCursorSql('g')}
    order by g.created_at desc, g.id desc limit :limit`,
);

/** DELIVERED or RECEIVED messages whose price is not on the ledger yet, by id after `afterId`. */
export const selectUnpostedCharges = sql<MessageRow, { afterId: string; limit: number }>(
  `select ${MESSAGE_COLUMNS} from message g
    where g.status in ('DELIVERED', 'RECEIVED') and g.transaction_id is null and g.price_micros > 0 and g.id > :afterId
    order by g.id limit :limit`,
);

/** PENDING messages of simulated campaigns whose carrier report is due (see message-simulator.ts). */
export const selectSimulatedReportsDue = sql<
  { id: string; account_id: string },
  { expiresBy: string; expiresAfter: string; silentBytes: number; limit: number }
>(
  `select g.id, g.account_id from message g join campaign m on m.id = g.campaign_id and m.simulate
    where g.status = 'PENDING' and g.expires_at <= :expiresBy and g.expires_at > :expiresAfter
      and get_byte(decode(md5(g.id::text), 'hex'), 0) >= :silentBytes
    order by g.expires_at, g.id limit :limit`,
);

/** The number `number` as held (ACTIVE, in GRACE, or kept with its renewal owed) by `accountId` (null: any account): who pays for what it receives. */
export const selectReceivingNumber = sql<
  { account_id: string; wallet_id: string; rate_plan_id: string },
  { number: string; accountId: string | null }
>(
  `select account_id, wallet_id, rate_plan_id from phone_number
    where number = :number and status in ('ACTIVE', 'GRACE', 'RENEWAL_OWED') and (:accountId::uuid is null or account_id = :accountId)`,
);

// Writing messages.

/** Inserts one RECEIVED inbound message. */
export const insertInboundMessage = sql<
  MessageRow,
  {
    id: string;
    accountId: string;
    walletId: string;
    batchId: string;
    from: string;
    to: string;
    body: string;
    encoding: MessageEncoding;
    segments: number;
    ratePrefix: string;
    priceMicros: bigint;
    finalizedAt: string;
    idempotencyKey: string | null;
  }
>(
  `insert into message as g (id, account_id, wallet_id, campaign_id, batch_id, direction, from_number, to_number, body, encoding,
     segments, rate_prefix, price_micros, status, hold_micros, finalized_at, idempotency_key)
   values (:id, :accountId, :walletId, null, :batchId, 'INBOUND', :from, :to, :body, :encoding, :segments, :ratePrefix, :priceMicros, 'RECEIVED', 0,
           :finalizedAt, :idempotencyKey)
   returning ${MESSAGE_COLUMNS}`,
);

/** Makes a message final with `status`, its hold gone. */
export const finalizeMessage = sql<MessageRow, { messageId: string; status: MessageStatus; finalizedAt: string }>(
  `update message g set status = :status, hold_micros = 0, finalized_at = :finalizedAt, version = version + 1
    where g.id = :messageId returning ${MESSAGE_COLUMNS}`,
);

/**
 * EXPIRED for up to `limit` PENDING messages whose hold deadline is at or before `now` (skipping
 * those a delivery report holds locked); returns what each held.
 */
export const expireDueMessages = sql<
  { account_id: string; wallet_id: string; campaign_id: string | null; price_micros: string },
  { now: string; limit: number }
>(
  `with due as (
     select id from message where status = 'PENDING' and expires_at <= :now
      order by expires_at, id limit :limit for update skip locked
   )
   update message g set status = 'EXPIRED', hold_micros = 0, finalized_at = :now, version = g.version + 1
     from due where g.id = due.id and g.status = 'PENDING'
   returning g.account_id, g.wallet_id, g.campaign_id, g.price_micros::text`,
);

/** Records the ledger transaction of a message's price, once. */
export const recordMessageTransaction = sql<MessageRow, { messageId: string; transactionId: string }>(
  `update message g set transaction_id = :transactionId, version = version + 1 where g.id = :messageId and g.transaction_id is null returning ${MESSAGE_COLUMNS}`,
);

/** The ledger transaction an idempotency key of the account recorded. */
export const selectTransactionOfKey = sql<{ wallet_transaction_id: string }, { accountId: string; key: string }>(
  'select wallet_transaction_id from idempotency_key where account_id = :accountId and key = :key',
);

// Wallets and campaigns, as messages hold and release credit on them.

/** A wallet's credit, locked until commit. */
export const lockWalletCredit = sql<
  { balance_micros: string; reserved_micros: string; status: string; currency: string },
  { walletId: string }
>('select balance_micros::text, reserved_micros::text, status, currency from wallet where id = :walletId for no key update');

/** Locks wallets in id order (the order every writer takes). */
export const lockWallets = sql<{ id: string }, { walletIds: string[] }>(
  'select id from wallet where id = any(:walletIds::uuid[]) order by id for no key update',
);

/** Locks campaigns in id order (the order every writer takes), without blocking inserts that refer to them. */
export const lockCampaigns = sql<{ id: string }, { campaignIds: string[] }>(
  'select id from campaign where id = any(:campaignIds::uuid[]) order by id for no key update',
);

/** Adds a delivered message's price to its campaign's spend. */
export const addCampaignSpent = sql<{ account_id: string; version: string }, { campaignId: string; priceMicros: bigint }>(
  `update campaign set spent_micros = spent_micros + :priceMicros, version = version + 1, updated_at = now()
    where id = :campaignId returning account_id, version::text`,
);

// Holding the messages of many sendMessage requests in one transaction (hold-messages.ts).

/**
 * Waits for, then holds until commit, the transaction-scoped advisory locks named `lockNames`, in
 * the order of their hashes (the same order in every transaction, so two batches never wait on each
 * other in a cycle). The sorted subquery is not flattened (`offset 0`), so the locks are taken in
 * its order.
 */
export const lockMessageKeys = sql<{ locked: string }, { lockNames: string[] }>(
  `select count(pg_advisory_xact_lock(k.h))::text as locked
     from (select distinct hashtextextended(n, 0) as h from unnest(:lockNames::text[]) as n order by 1 offset 0) as k`,
  { prepareAs: 'message_batch_lock_keys' },
);

/** Every message the idempotency keys `keys[i]` of accounts `accountIds[i]` sent or received. */
export const selectMessagesOfKeys = sql<MessageRow, { accountIds: string[]; keys: string[] }>(
  `select ${MESSAGE_COLUMNS} from message g
     join unnest(:accountIds::uuid[], :keys::text[]) as k (account_id, key) on g.account_id = k.account_id and g.idempotency_key = k.key`,
  { prepareAs: 'message_batch_select_keys' },
);

/** Wallets' credit, locked until commit in id order (the order every writer takes). */
export const lockWalletsCredit = sql<
  { id: string; balance_micros: string; reserved_micros: string; status: string },
  { walletIds: string[] }
>(
  `select id, balance_micros::text, reserved_micros::text, status from wallet where id = any(:walletIds::uuid[])
    order by id for no key update`,
  { prepareAs: 'message_batch_lock_wallets' },
);

/** Campaigns, locked until commit in id order without blocking inserts that refer to them. */
export const lockCampaignsOfSends = sql<CampaignRow, { campaignIds: string[] }>(
  `select ${CAMPAIGN_COLUMNS} from campaign m where m.id = any(:campaignIds::uuid[]) order by m.id for no key update`,
  { prepareAs: 'message_batch_lock_campaigns' },
);

/**
 * Inserts PENDING outbound messages of many requests (the arrays are parallel: element i is one
 * message), each holding its price.
 */
export const insertOutboundMessageBatch = sql<
  MessageRow,
  {
    ids: string[];
    accountIds: string[];
    walletIds: string[];
    campaignIds: (string | null)[];
    batchIds: string[];
    froms: string[];
    bodies: string[];
    encodings: MessageEncoding[];
    segments: number[];
    expiresAts: string[];
    idempotencyKeys: (string | null)[];
    toNumbers: string[];
    ratePrefixes: string[];
    pricesMicros: string[];
  }
>(
  `insert into message as g (id, account_id, wallet_id, campaign_id, batch_id, direction, from_number, to_number, body, encoding,
     segments, rate_prefix, price_micros, status, hold_micros, expires_at, idempotency_key)
   select r.id, r.account_id, r.wallet_id, r.campaign_id, r.batch_id, 'OUTBOUND', r.from_number, r.to_number, r.body, r.encoding, r.segments,
          r.rate_prefix, r.price_micros, 'PENDING', r.price_micros, r.expires_at, r.idempotency_key
     from unnest(:ids::uuid[], :accountIds::uuid[], :walletIds::uuid[], :campaignIds::uuid[], :batchIds::uuid[], :froms::text[], :bodies::text[],
                 :encodings::text[], :segments::int[], :expiresAts::timestamptz[], :idempotencyKeys::text[], :toNumbers::text[],
                 :ratePrefixes::text[], :pricesMicros::bigint[])
          as r (id, account_id, wallet_id, campaign_id, batch_id, from_number, body, encoding, segments, expires_at, idempotency_key, to_number,
                rate_prefix, price_micros)
   returning ${MESSAGE_COLUMNS}`,
  { prepareAs: 'message_batch_insert' },
);

/**
 * Adds `amountsMicros[i]` to campaign `ids[i]`'s committed credit and `sends[i]` to its version (one
 * per request that held on it, as many as those requests one by one would add), and writes one
 * CAMPAIGN_UPDATED outbox event per campaign with its new version.
 */
export const commitCampaignsCreditWithEvents = sql<never, { ids: string[]; amountsMicros: string[]; sends: number[] }>(
  `with m as (
     update campaign m set committed_micros = m.committed_micros + u.amount_micros, version = m.version + u.sends, updated_at = now()
       from unnest(:ids::uuid[], :amountsMicros::bigint[], :sends::int[]) as u (id, amount_micros, sends)
      where m.id = u.id
      returning m.id, m.account_id, m.version)
   insert into outbox_event (type, account_id, campaign_id, call_id, version)
   select 'CAMPAIGN_UPDATED', m.account_id, m.id, null, m.version from m order by m.id`,
  { prepareAs: 'message_batch_commit_campaigns' },
);

// Applying the delivery reports of many messages in one transaction (report-message-delivery.service.ts).

/** Messages by id, locked until commit in id order (the order every writer takes). */
export const lockMessagesById = sql<MessageRow, { messageIds: string[] }>(
  `select ${MESSAGE_COLUMNS} from message g where g.id = any(:messageIds::uuid[]) order by g.id for update`,
  { prepareAs: 'message_reports_lock_messages' },
);

/** Makes messages `ids[i]` final with `statuses[i]` at `finalizedAts[i]`, their holds gone. */
export const finalizeMessages = sql<MessageRow, { ids: string[]; statuses: MessageStatus[]; finalizedAts: string[] }>(
  `update message g set status = u.status, hold_micros = 0, finalized_at = u.finalized_at, version = g.version + 1
     from unnest(:ids::uuid[], :statuses::text[], :finalizedAts::timestamptz[]) as u (id, status, finalized_at)
    where g.id = u.id
   returning ${MESSAGE_COLUMNS}`,
  { prepareAs: 'message_reports_finalize' },
);

/**
 * Takes released holds off campaigns' committed credit and adds delivered prices to their spend
 * (parallel arrays; the caller locked them in id order), and writes one CAMPAIGN_UPDATED outbox
 * event per campaign with its new version.
 */
export const settleCampaignHolds = sql<never, { campaignIds: string[]; releasedMicros: string[]; spentMicros: string[] }>(
  `with m as (
     update campaign m set committed_micros = m.committed_micros - d.released_micros, spent_micros = m.spent_micros + d.spent_micros,
            version = m.version + 1, updated_at = now()
       from unnest(:campaignIds::uuid[], :releasedMicros::bigint[], :spentMicros::bigint[]) as d (id, released_micros, spent_micros)
      where m.id = d.id
      returning m.id, m.account_id, m.version)
   insert into outbox_event (type, account_id, campaign_id, call_id, version)
   select 'CAMPAIGN_UPDATED', m.account_id, m.id, null, m.version from m order by m.id`,
);
