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

/** Inserts one PENDING outbound message per recipient (the arrays are parallel), holding its price. */
export const insertOutboundMessages = sql<
  MessageRow,
  {
    accountId: string;
    walletId: string;
    campaignId: string | null;
    batchId: string;
    from: string;
    body: string;
    encoding: MessageEncoding;
    segments: number;
    expiresAt: string;
    idempotencyKey: string | null;
    ids: string[];
    toNumbers: string[];
    ratePrefixes: string[];
    pricesMicros: string[];
  }
>(
  `insert into message as g (id, account_id, wallet_id, campaign_id, batch_id, direction, from_number, to_number, body, encoding,
     segments, rate_prefix, price_micros, status, hold_micros, expires_at, idempotency_key)
   select r.id, :accountId, :walletId, :campaignId, :batchId, 'OUTBOUND', :from, r.to_number, :body, :encoding, :segments, r.rate_prefix, r.price_micros,
          'PENDING', r.price_micros, :expiresAt, :idempotencyKey
     from unnest(:ids::uuid[], :toNumbers::text[], :ratePrefixes::text[], :pricesMicros::bigint[]) as r (id, to_number, rate_prefix, price_micros)
   returning ${MESSAGE_COLUMNS}`,
);

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

/** One campaign, locked until commit without blocking inserts that refer to it. */
export const lockCampaign = sql<CampaignRow, { campaignId: string }>(
  `select ${CAMPAIGN_COLUMNS} from campaign m where m.id = :campaignId for no key update`,
);

/** Adds `amountMicros` to a campaign's committed credit. */
export const commitCampaignCredit = sql<{ version: string }, { campaignId: string; amountMicros: bigint }>(
  `update campaign set committed_micros = committed_micros + :amountMicros, version = version + 1, updated_at = now()
    where id = :campaignId returning version::text`,
);

/** Takes holds off campaigns' committed credit (parallel arrays). */
export const releaseCampaignCommitted = sql<
  { id: string; account_id: string; version: string },
  { campaignIds: string[]; holdsMicros: string[] }
>(
  `update campaign m set committed_micros = m.committed_micros - d.hold_micros, version = m.version + 1, updated_at = now()
     from unnest(:campaignIds::uuid[], :holdsMicros::bigint[]) as d (id, hold_micros) where m.id = d.id
   returning m.id, m.account_id, m.version::text`,
);

/** Adds a delivered message's price to its campaign's spend. */
export const addCampaignSpent = sql<{ account_id: string; version: string }, { campaignId: string; priceMicros: bigint }>(
  `update campaign set spent_micros = spent_micros + :priceMicros, version = version + 1, updated_at = now()
    where id = :campaignId returning account_id, version::text`,
);
