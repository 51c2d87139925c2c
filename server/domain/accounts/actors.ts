/**
 * Who did something: every ledger row and acknowledged alert stores its actor as text
 * (`user:<id>`, `api_key:<id>`, `platform_admin_token`, or a system process such as `stripe:<id>`
 * or `subscription_renewal`). This module names them for people, and hides platform staff's
 * identities from tenants.
 */
import type { Db } from '../../database/sql.js';
import { isUuid } from '../ids.js';
import { selectActorApiKeys, selectActorUsers } from './account-search.queries.js';
import { tenantScope, type Principal } from './principal.js';
import { isPlatformRole, type Role } from './role.js';

/** What kind of credential or process acted. */
export enum ActorKind {
  /** A person signed in with e-mail and password. */
  USER = 'USER',
  /** An API key. */
  API_KEY = 'API_KEY',
  /** The operator's environment token (PLATFORM_ADMIN). */
  OPERATOR_TOKEN = 'OPERATOR_TOKEN',
  /** The server itself: payments settling, renewals, simulators. */
  SYSTEM = 'SYSTEM',
}

/** An actor, named. */
export interface ActorRecord {
  kind: ActorKind;
  /** The user's or key's id; null for the operator token and system processes. */
  id: string | null;
  /** The tenant of the user or key; null for platform staff, the operator token and system processes. */
  accountId: string | null;
  /** The user's or key's role; PLATFORM_ADMIN for the operator token; null for system processes. */
  role: Role | null;
  /** The user's or key's name, or the system process's name. */
  name: string | null;
  /** The user's e-mail. */
  email: string | null;
  /** Whether platform staff acted (a SUPPORT or PLATFORM_ADMIN user or key, or the operator token). */
  staff: boolean;
}

const ACTOR_PATTERN = /^(user|api_key):(.+)$/;

/** The actor of `text` before its user or key is looked up. */
function parseActor(text: string): ActorRecord {
  const match = ACTOR_PATTERN.exec(text);
  if (match) {
    const kind = match[1] === 'user' ? ActorKind.USER : ActorKind.API_KEY;
    return { kind, id: match[2]!, accountId: null, role: null, name: null, email: null, staff: false };
  }
  if (text === 'platform_admin_token') {
    return {
      kind: ActorKind.OPERATOR_TOKEN,
      id: null,
      accountId: null,
      role: 'PLATFORM_ADMIN' as Role,
      name: null,
      email: null,
      staff: true,
    };
  }
  return { kind: ActorKind.SYSTEM, id: null, accountId: null, role: null, name: text.split(':')[0]!, email: null, staff: false };
}

/** Each of `texts` named, in two statements whatever their number (users and keys looked up by id). */
export async function describeActors(db: Db, texts: readonly string[]): Promise<Map<string, ActorRecord>> {
  const parsed = new Map(texts.map((text) => [text, parseActor(text)]));
  const idsOf = (kind: ActorKind) => [...new Set([...parsed.values()].filter((a) => a.kind === kind && isUuid(a.id!)).map((a) => a.id!))];
  const userIds = idsOf(ActorKind.USER);
  const apiKeyIds = idsOf(ActorKind.API_KEY);
  const users = new Map((userIds.length ? await selectActorUsers.all(db, { userIds }) : []).map((row) => [row.id, row]));
  const keys = new Map((apiKeyIds.length ? await selectActorApiKeys.all(db, { apiKeyIds }) : []).map((row) => [row.id, row]));
  for (const actor of parsed.values()) {
    const user = actor.kind === ActorKind.USER ? users.get(actor.id!) : undefined;
    const row = user ?? (actor.kind === ActorKind.API_KEY ? keys.get(actor.id!) : undefined);
    if (!row) continue;
    actor.accountId = row.account_id;
    actor.role = row.role;
    actor.name = row.name;
    actor.email = user?.email ?? null;
    actor.staff = isPlatformRole(row.role);
  }
  return parsed;
}

/**
 * The actor as `principal` may see it: platform staff see everything; a tenant sees its own users
 * and keys by name, but of anyone else (platform staff) only that staff acted, never who.
 */
export function actorAsSeenBy(principal: Principal, actor: ActorRecord): ActorRecord {
  const scope = tenantScope(principal);
  if (scope === null || actor.kind === ActorKind.SYSTEM || actor.accountId === scope) return actor;
  return { ...actor, id: null, accountId: null, name: null, email: null };
}
