/**
 * The audit log's one writer: every audited change calls {@link recordAudit} inside the transaction
 * that makes the change, so the entry commits or rolls back with it.
 */
import type { Db } from '../../database/sql.js';
import type { Principal } from '../accounts/principal.js';
import type { AuditAction } from './audit-action.js';
import { insertAuditEntry } from './audit.queries.js';

/** What changed, as JSON: plain values (bigint is written as its decimal string). */
export type AuditState = Record<string, unknown>;

/** One audited change. */
export interface AuditEntry {
  /** Who did it, and from where (`principal.clientIp`). */
  principal: Principal;
  /** The tenant the change belongs to; null for a change of no tenant (a platform key). */
  accountId: string | null;
  action: AuditAction;
  /** What was changed: `API_KEY`, `USER`, `WALLET`, `WEBHOOK_ENDPOINT`, … */
  targetType: string;
  /** Its id; null when the target is the account itself. */
  targetId: string | null;
  /** The changed fields before; null for a creation. Secrets are removed whatever the caller passes. */
  before?: AuditState | null;
  /** The changed fields after; null for a deletion. Secrets are removed whatever the caller passes. */
  after?: AuditState | null;
}

/** Field names that are never written to the log, whatever their value (matched case-insensitively). */
const SECRET_FIELD = /secret|password|token|hash|clientsecret/i;

/** `value` without secret fields, with bigints as decimal strings and dates as ISO text. */
export function redactAuditState(value: unknown): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(redactAuditState);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(value)) {
      if (SECRET_FIELD.test(key) || field === undefined) continue;
      out[key] = redactAuditState(field);
    }
    return out;
  }
  return value;
}

const ACTOR_ID = /^(user|api_key):([0-9a-f-]{36})$/i;

/**
 * Writes one audit log entry in `tx`, the transaction of the change it records: who (the
 * principal's actor, with the user's or key's name), when (the statement's time), what (action,
 * target, the changed fields before → after, secrets removed) and from where (the request's client IP).
 * Call it after the change succeeded and before the transaction commits; a change that fails writes nothing.
 */
export async function recordAudit(tx: Db, entry: AuditEntry): Promise<void> {
  const match = ACTOR_ID.exec(entry.principal.actor);
  const json = (state: AuditState | null | undefined) => (state == null ? null : JSON.stringify(redactAuditState(state)));
  await insertAuditEntry.one(tx, {
    accountId: entry.accountId,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId,
    actor: entry.principal.actor,
    userId: match?.[1] === 'user' ? match[2]! : null,
    apiKeyId: match?.[1] === 'api_key' ? match[2]! : (entry.principal.apiKeyId ?? null),
    fallbackName: entry.principal.actor === 'platform_admin_token' ? 'Operator token' : null,
    clientIp: entry.principal.clientIp ?? null,
    before: json(entry.before),
    after: json(entry.after),
  });
}

/** The audited fields of a webhook endpoint (never its signing secret, which its row does not carry). */
export function webhookEndpointAudit(row: {
  url: string;
  description: string;
  event_types: readonly string[];
  enabled: boolean;
}): AuditState {
  return { url: row.url, description: row.description, eventTypes: [...row.event_types], enabled: row.enabled };
}
