/**
 * Idempotency keys of messages: one key (per account) names one sendMessage request or one
 * inbound message. The table's unique index is per (account, key, recipient), which does not stop
 * two different requests with the same key and no recipient in common; a transaction-scoped
 * advisory lock on (account, key) serializes the writers of a key so the check is exact.
 */
import type { Db, SqlTransaction } from '../../database/sql.js';
import { toMessageRecord, type MessageRecord } from './message-record.js';
import { lockMessageKey, selectMessagesOfKey } from './messaging.queries.js';

/** Every message an idempotency key of the account sent or received. */
export async function findMessagesByKey(db: Db, accountId: string, key: string): Promise<MessageRecord[]> {
  return (await selectMessagesOfKey.all(db, { accountId, key })).map(toMessageRecord);
}

/**
 * Inside a transaction: waits until no other transaction is writing messages under this key, then
 * returns what the key has already recorded (committed). Held until commit or rollback. Taken
 * before any row lock, so it adds no lock-order cycle.
 */
export async function lockMessagesOfKey(tx: SqlTransaction, accountId: string, key: string): Promise<MessageRecord[]> {
  await lockMessageKey.all(tx, { lockName: `spendwire:message-key:${accountId}:${key}` });
  return findMessagesByKey(tx, accountId, key);
}
