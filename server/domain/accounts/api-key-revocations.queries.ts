/** Which of some API keys have been revoked (through any process): open sockets check it on a timer. */
import { sql } from '../../database/sql.js';

/** A revoked key's id and the hash its cached credential is stored under. */
export interface RevokedApiKeyRow {
  id: string;
  key_hash: string;
}

/** Run for every open socket's key on a timer in every process: prepared by name. */
export const selectRevokedApiKeys = sql<RevokedApiKeyRow, { keyIds: readonly string[] }>(
  'select id, key_hash from api_key where id = any(:keyIds::uuid[]) and revoked_at is not null',
  { prepareAs: 'spendwire_revoked_keys' },
);
