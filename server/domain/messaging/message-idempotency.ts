/**
 * Idempotency keys of messages: one key (per account) names one sendMessage request or one
 * inbound message. The table's unique index is per (account, key, recipient), which does not stop
 * two different requests with the same key and no recipient in common; a transaction-scoped
 * advisory lock on (account, key) serializes the writers of a key so the check is exact.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { pgQuery, type PgQuery } from '../../database/pg-transaction.js';
import { MESSAGE_COLUMNS, toMessageRecord, type MessageRecord, type MessageRow } from './message-record.js';

/** Every message an idempotency key of the account sent or received. */
export async function findMessagesByKey(em: EntityManager, accountId: string, key: string): Promise<MessageRecord[]> {
  const rows = await pgQuery<MessageRow>(em, `select ${MESSAGE_COLUMNS} from message g where g.account_id = $1 and g.idempotency_key = $2`, [accountId, key]);
  return rows.map(toMessageRecord);
}

/**
 * Inside a transaction: waits until no other transaction is writing messages under this key, then
 * returns what the key has already recorded (committed). Held until commit or rollback. Taken
 * before any row lock, so it adds no lock-order cycle.
 */
export async function lockMessagesOfKey(query: PgQuery, accountId: string, key: string): Promise<MessageRecord[]> {
  await query(`select pg_advisory_xact_lock(hashtextextended($1, 0))`, [`spendwire:message-key:${accountId}:${key}`]);
  const rows = await query<MessageRow>(`select ${MESSAGE_COLUMNS} from message g where g.account_id = $1 and g.idempotency_key = $2`, [accountId, key]);
  return rows.map(toMessageRecord);
}
