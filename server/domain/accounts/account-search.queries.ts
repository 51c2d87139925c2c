/** The statements of the staff's account search and of naming who did something (actors); times come back as epoch milliseconds. */
import { sql } from '../../database/sql.js';
import { createdBeforeCursorSql } from '../campaigns/created-cursor.js';
import type { Role } from './role.js';

/** An account found by the search, with its cursor's exact creation time. */
export interface AccountSearchRow {
  id: string;
  name: string;
  created_at_ms: number;
  /** Microseconds since the epoch, exact (the page cursor). */
  created_at_us: string;
}

/**
 * A page of accounts, newest first: every account when `pattern` is null; else those whose id is
 * `accountId`, whose name contains `pattern` (case-insensitive), or that have a user whose e-mail
 * contains it. `pattern` is an ILIKE pattern with its wildcards escaped by the caller.
 */
export const selectAccountsPage = sql<
  AccountSearchRow,
  { pattern: string | null; accountId: string | null; afterUs: string | null; afterId: string | null; limit: number }
>(
  `select a.id, a.name, (extract(epoch from a.created_at) * 1000)::float8 as created_at_ms,
          (extract(epoch from a.created_at) * 1000000)::bigint::text as created_at_us
     from account a
    where (:pattern::text is null
           or a.id = :accountId::uuid
           or a.name ilike :pattern
           or exists (select 1 from app_user u where u.account_id = a.id and u.email ilike :pattern))
      and ${createdBeforeCursorSql('a')}
    order by a.created_at desc, a.id desc
    limit :limit`,
);

/** A user named as an actor. */
export interface ActorUserRow {
  id: string;
  account_id: string | null;
  email: string;
  name: string;
  role: Role;
}

/** The users among `userIds`. */
export const selectActorUsers = sql<ActorUserRow, { userIds: readonly string[] }>(
  `select id, account_id, email, name, role from app_user where id = any(:userIds::uuid[])`,
);

/** An API key named as an actor. */
export interface ActorApiKeyRow {
  id: string;
  account_id: string | null;
  name: string;
  role: Role;
}

/** The API keys among `apiKeyIds`. */
export const selectActorApiKeys = sql<ActorApiKeyRow, { apiKeyIds: readonly string[] }>(
  `select id, account_id, name, role from api_key where id = any(:apiKeyIds::uuid[])`,
);
