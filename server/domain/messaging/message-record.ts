/**
 * A stored SMS, as the messaging services read and return it. Amounts in micros.
 */
import type { MessageRow } from './messaging.queries.js';

/** Which way a message travelled, from the account's point of view. */
export enum MessageDirection {
  OUTBOUND = 'OUTBOUND',
  INBOUND = 'INBOUND',
}

/**
 * Where a message stands. An outbound message is PENDING (its price held on the wallet) until its
 * delivery report: DELIVERED (the price is charged), FAILED or EXPIRED (the hold is released,
 * nothing is charged). An inbound message is RECEIVED, charged on arrival. All but PENDING are final.
 */
export enum MessageStatus {
  PENDING = 'PENDING',
  DELIVERED = 'DELIVERED',
  FAILED = 'FAILED',
  EXPIRED = 'EXPIRED',
  RECEIVED = 'RECEIVED',
}

/** What a carrier's delivery report may say about an outbound message. */
export enum MessageDeliveryStatus {
  DELIVERED = 'DELIVERED',
  FAILED = 'FAILED',
  EXPIRED = 'EXPIRED',
}

/** The alphabet a message is sent in (see segments.ts): GSM7 septets or UCS2 (UTF-16) units. */
export enum MessageEncoding {
  GSM7 = 'GSM7',
  UCS2 = 'UCS2',
}

/** A message as stored. */
export interface MessageRecord {
  id: string;
  accountId: string;
  walletId: string;
  campaignId: string | null;
  /** One per sendMessage request (shared by its recipients' messages) or inbound delivery. */
  batchId: string;
  direction: MessageDirection;
  from: string;
  to: string;
  body: string;
  encoding: MessageEncoding;
  segments: number;
  /** The rate prefix that priced it ("" for the catch-all rate). */
  ratePrefix: string;
  /** Segments × the rate's per-segment price: what a delivered or received message costs. */
  priceMicros: bigint;
  status: MessageStatus;
  /** Held on the wallet now: the price while PENDING, else 0. */
  holdMicros: bigint;
  /** When a PENDING message's hold lapses; null for inbound messages. */
  expiresAtMs: number | null;
  finalizedAtMs: number | null;
  /** The SMS ledger transaction of its price, once posted. */
  transactionId: string | null;
  idempotencyKey: string | null;
  version: bigint;
  createdAtMs: number;
  /** created_at in epoch microseconds (exact): the page cursor. */
  createdAtUs: string;
}

/** Maps a row of `MESSAGE_COLUMNS` (messaging.queries.ts). */
export function toMessageRecord(row: MessageRow): MessageRecord {
  return {
    id: row.id,
    accountId: row.account_id,
    walletId: row.wallet_id,
    campaignId: row.campaign_id,
    batchId: row.batch_id,
    direction: row.direction,
    from: row.from_number,
    to: row.to_number,
    body: row.body,
    encoding: row.encoding,
    segments: row.segments,
    ratePrefix: row.rate_prefix,
    priceMicros: BigInt(row.price_micros),
    status: row.status,
    holdMicros: BigInt(row.hold_micros),
    expiresAtMs: row.expires_at_ms,
    finalizedAtMs: row.finalized_at_ms,
    transactionId: row.transaction_id,
    idempotencyKey: row.idempotency_key,
    version: BigInt(row.version),
    createdAtMs: row.created_at_ms,
    createdAtUs: row.created_at_us,
  };
}

/** Epoch milliseconds as an ISO timestamp for a bind parameter. */
export const iso = (ms: number): string => new Date(ms).toISOString();
