import type { AccountRow, ApiKeyRow } from './accounts.queries.js';
import type { Role } from './role.js';

/** A tenant: a customer of the voice/SMS platform. Owns wallets and API keys. */
export interface AccountRecord {
  id: string;
  /** Display name, 1..200 characters. */
  name: string;
  createdAt: Date;
}

/** The record of an {@link AccountRow}. */
export function toAccountRecord(row: AccountRow): AccountRecord {
  return { id: row.id, name: row.name, createdAt: new Date(row.created_at_ms) };
}

/** A bearer credential. Only the SHA-256 of the secret is stored; the secret is shown once. */
export interface ApiKeyRecord {
  id: string;
  /** The tenant, or null for platform roles (SUPPORT, PLATFORM_ADMIN). */
  accountId: string | null;
  role: Role;
  name: string;
  /** Hex SHA-256 of the full key: never shown. */
  keyHash: string;
  /** The key's first characters, safe to show so a human can tell keys apart. */
  keyPrefix: string;
  createdAt: Date;
  revokedAt: Date | null;
}

/** The record of an {@link ApiKeyRow}. */
export function toApiKeyRecord(row: ApiKeyRow): ApiKeyRecord {
  return {
    id: row.id,
    accountId: row.account_id,
    role: row.role,
    name: row.name,
    keyHash: row.key_hash,
    keyPrefix: row.key_prefix,
    createdAt: new Date(row.created_at_ms),
    revokedAt: row.revoked_at_ms === null ? null : new Date(row.revoked_at_ms),
  };
}
