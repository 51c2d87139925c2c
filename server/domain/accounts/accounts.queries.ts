/** Every statement on accounts and API keys, with the types of its rows; times come back as epoch milliseconds. */
import { sql } from '../../database/sql.js';
import type { Role } from './role.js';

/** An account row as {@link ACCOUNT_COLUMNS} selects it (from an account aliased `a`). */
export interface AccountRow {
  id: string;
  name: string;
  created_at_ms: number;
}

const ACCOUNT_COLUMNS = 'a.id, a.name, (extract(epoch from a.created_at) * 1000)::float8 as created_at_ms';

/** An api_key row as {@link API_KEY_COLUMNS} selects it (from an api_key aliased `k`). */
export interface ApiKeyRow {
  id: string;
  account_id: string | null;
  role: Role;
  name: string;
  key_hash: string;
  key_prefix: string;
  created_at_ms: number;
  revoked_at_ms: number | null;
}

const API_KEY_COLUMNS = `k.id, k.account_id, k.role, k.name, k.key_hash, k.key_prefix, (extract(epoch from k.created_at) * 1000)::float8 as created_at_ms,
  (extract(epoch from k.revoked_at) * 1000)::float8 as revoked_at_ms`;

/** An account by id. */
export const selectAccount = sql<AccountRow, { accountId: string }>(`select ${ACCOUNT_COLUMNS} from account a where a.id = :accountId`);

/** Whether any account exists. */
export const selectAnyAccount = sql<{ found: number }>('select 1 as found from account limit 1');

/** An account's lifecycle state. */
export const selectAccountLifecycle = sql<{ status: string; closed_at_ms: number | null }, { accountId: string }>(
  'select status, (extract(epoch from closed_at) * 1000)::float8 as closed_at_ms from account where id = :accountId',
);

/** Opens an account. */
export const insertAccount = sql<AccountRow, { id: string; name: string; createdAt: Date }>(
  `insert into account as a (id, name, created_at) values (:id, :name, :createdAt) returning ${ACCOUNT_COLUMNS}`,
);

/** Issues an API key. */
export const insertApiKey = sql<
  ApiKeyRow,
  { id: string; accountId: string | null; role: Role; name: string; keyHash: string; keyPrefix: string; createdAt: Date }
>(
  `insert into api_key as k (id, account_id, role, name, key_hash, key_prefix, created_at, revoked_at)
   values (:id, :accountId, :role, :name, :keyHash, :keyPrefix, :createdAt, null) returning ${API_KEY_COLUMNS}`,
);

/** A key by the hash of its secret. */
export const selectApiKeyByHash = sql<ApiKeyRow, { keyHash: string }>(
  `select ${API_KEY_COLUMNS} from api_key k where k.key_hash = :keyHash`,
);

/** A key by id. */
export const selectApiKey = sql<ApiKeyRow, { id: string }>(`select ${API_KEY_COLUMNS} from api_key k where k.id = :id`);

/** An account's keys, newest first, revoked ones included. */
export const selectAccountApiKeys = sql<ApiKeyRow, { accountId: string }>(
  `select ${API_KEY_COLUMNS} from api_key k where k.account_id = :accountId order by k.created_at desc, k.id asc`,
);

/** Revokes a live key now; a revoked key keeps its first revocation time. The key as it is after. */
export const revokeApiKeyRow = sql<ApiKeyRow, { id: string; revokedAt: Date }>(
  `update api_key k set revoked_at = coalesce(k.revoked_at, :revokedAt::timestamptz) where k.id = :id returning ${API_KEY_COLUMNS}`,
);
