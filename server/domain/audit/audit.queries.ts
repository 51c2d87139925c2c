/** The statements of the audit log (table `audit_log`, append-only). */
import { sql } from '../../database/sql.js';

/** An `audit_log` row: ids and JSON as text, times in epoch milliseconds. */
export interface AuditLogRow {
  id: string;
  account_id: string | null;
  action: string;
  target_type: string;
  target_id: string | null;
  actor: string;
  actor_name: string | null;
  client_ip: string | null;
  before: string | null;
  after: string | null;
  created_at_ms: number;
}

const AUDIT_COLUMNS = `id::text, account_id, action, target_type, target_id, actor, actor_name, client_ip, before::text, after::text,
  (extract(epoch from created_at) * 1000)::float8 as created_at_ms`;

/**
 * Inserts one entry; the actor's name is read in the same statement (the user's or key's name now,
 * kept when the user or key is gone later).
 */
export const insertAuditEntry = sql<
  { id: string },
  {
    accountId: string | null;
    action: string;
    targetType: string;
    targetId: string | null;
    actor: string;
    userId: string | null;
    apiKeyId: string | null;
    fallbackName: string | null;
    clientIp: string | null;
    before: string | null;
    after: string | null;
  }
>(
  `insert into audit_log (account_id, action, target_type, target_id, actor, actor_name, client_ip, before, after, created_at)
   values (:accountId::uuid, :action, :targetType, :targetId, :actor,
     coalesce((select name from app_user where id = :userId::uuid), (select name from api_key where id = :apiKeyId::uuid), :fallbackName),
     :clientIp, :before::jsonb, :after::jsonb, clock_timestamp())
   returning id::text`,
);

/** One page of an account's entries (or every entry when `accountId` is null), newest first, after `beforeId`. */
export const selectAuditPage = sql<
  AuditLogRow,
  { accountId: string | null; actions: readonly string[] | null; beforeId: string | null; limit: number }
>(
  `select ${AUDIT_COLUMNS} from audit_log
    where (:accountId::uuid is null or account_id = :accountId::uuid)
      and (:actions::text[] is null or action = any(:actions::text[]))
      and (:beforeId::bigint is null or id < :beforeId::bigint)
    order by audit_log.id desc limit :limit`,
);
