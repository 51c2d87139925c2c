import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../../config.js';
import { BadUserInputError, NotFoundError } from '../../errors.js';
import { actorAsSeenBy, describeActors, type ActorRecord } from '../accounts/actors.js';
import { requireRole, tenantScope, type Principal } from '../accounts/principal.js';
import { Role } from '../accounts/role.js';
import { isUuid } from '../ids.js';
import { AUDIT_ACTIONS, type AuditAction } from './audit-action.js';
import { selectAuditPage, type AuditLogRow } from './audit.queries.js';

/**
 * Who may read the audit log: an account's OWNERs (their own account) and platform staff (any).
 * Integrators and campaign managers may not: the log names the account's people and what they
 * changed in keys, team and billing, which those roles cannot see either.
 */
export const AUDIT_LOG_ROLES = [Role.OWNER, Role.SUPPORT, Role.PLATFORM_ADMIN] as const;

/** One entry as the reader may see it. */
export interface AuditLogEntry {
  /** Position in the log (increasing). */
  id: bigint;
  accountId: string | null;
  action: AuditAction;
  targetType: string;
  targetId: string | null;
  /** Who, as the reader may see them (a tenant sees that staff acted, never who). */
  actor: ActorRecord;
  /** The request's client IP; null when hidden (staff, seen by a tenant) or unknown. */
  clientIp: string | null;
  /** The changed fields before, as JSON text; null for a creation. */
  before: string | null;
  /** The changed fields after, as JSON text; null for a deletion. */
  after: string | null;
  createdAt: Date;
}

/** One page, newest first. */
export interface AuditLogPage {
  entries: AuditLogEntry[];
  hasNextPage: boolean;
}

const CURSOR_PREFIX = 'audit:';
const BIGINT_MAX = 9_223_372_036_854_775_807n;

/** The opaque cursor of an entry. */
export function encodeAuditCursor(id: bigint): string {
  return Buffer.from(`${CURSOR_PREFIX}${id}`, 'utf8').toString('base64url');
}

/** @throws BadUserInputError (`after`) unless `cursor` is one {@link encodeAuditCursor} made. */
function decodeAuditCursor(cursor: string): bigint {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const digits = text.startsWith(CURSOR_PREFIX) ? text.slice(CURSOR_PREFIX.length) : '';
  if (!/^[1-9][0-9]{0,18}$/.test(digits) || BigInt(digits) > BIGINT_MAX || encodeAuditCursor(BigInt(digits)) !== cursor) {
    throw new BadUserInputError('after', 'after is not a cursor returned by this API');
  }
  return BigInt(digits);
}

/** Options of {@link listAuditLog}. */
export interface ListAuditLogOptions {
  principal: Principal;
  /** The account; null for an OWNER means their own, for platform staff every entry (of every account and none). */
  accountId: string | null;
  /** Page size, 1..auditLogPageSizeMax. @default auditLogPageSizeDefault */
  first?: number | null;
  /** Cursor of the last entry of the previous page: the page continues with older ones. */
  after?: string | null;
  /** Only these actions; null or absent: all. */
  actions?: readonly AuditAction[] | null;
  limits: Pick<Config, 'auditLogPageSizeMax' | 'auditLogPageSizeDefault'>;
}

/**
 * A page of the audit log, newest first.
 * @throws ForbiddenError (integrators, campaign managers), NotFoundError (another tenant's account),
 * BadUserInputError (`first`, `after`, `actions`).
 */
export async function listAuditLog(em: EntityManager, options: ListAuditLogOptions): Promise<AuditLogPage> {
  const { principal, limits } = options;
  requireRole(principal, AUDIT_LOG_ROLES, 'read the audit log');
  const first = options.first ?? limits.auditLogPageSizeDefault;
  if (!Number.isInteger(first) || first < 1 || first > limits.auditLogPageSizeMax) {
    throw new BadUserInputError('first', `first must be between 1 and ${limits.auditLogPageSizeMax}`);
  }
  const before = options.after == null ? null : decodeAuditCursor(options.after);
  if (options.actions?.some((action) => !AUDIT_ACTIONS.includes(action))) throw new BadUserInputError('actions', 'unknown audit action');
  const scope = tenantScope(principal);
  let accountId = options.accountId;
  if (accountId !== null && !isUuid(accountId)) throw new NotFoundError('Account', accountId);
  if (scope !== null) {
    if (accountId !== null && accountId.toLowerCase() !== scope) throw new NotFoundError('Account', accountId);
    accountId = scope;
  }
  const rows = await selectAuditPage.all(em, {
    accountId: accountId?.toLowerCase() ?? null,
    actions: options.actions && options.actions.length > 0 ? options.actions : null,
    beforeId: before?.toString() ?? null,
    limit: first + 1,
  });
  const page = rows.slice(0, first);
  const actors = await describeActors(em, [...new Set(page.map((row) => row.actor))]);
  return { entries: page.map((row) => toEntry(principal, row, actors.get(row.actor)!)), hasNextPage: rows.length > first };
}

function toEntry(principal: Principal, row: AuditLogRow, described: ActorRecord): AuditLogEntry {
  // The name at the time of the change stands in for a user or key that is gone now.
  const actor = actorAsSeenBy(principal, { ...described, name: described.name ?? row.actor_name });
  const hidden = actor.staff && tenantScope(principal) !== null;
  return {
    id: BigInt(row.id),
    accountId: row.account_id,
    action: row.action as AuditAction,
    targetType: row.target_type,
    targetId: row.target_id,
    actor,
    clientIp: hidden ? null : row.client_ip,
    before: row.before,
    after: row.after,
    createdAt: new Date(row.created_at_ms),
  };
}
