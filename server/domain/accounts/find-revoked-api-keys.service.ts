import type { Db } from '../../database/sql.js';
import { selectRevokedApiKeys } from './api-key-revocations.queries.js';

/** A revoked API key: its id, and the hash its credential is cached under. */
export interface RevokedApiKey {
  id: string;
  keyHash: string;
}

/** The keys among `keyIds` that have been revoked, through any server process. */
export async function findRevokedApiKeys(db: Db, keyIds: readonly string[]): Promise<RevokedApiKey[]> {
  if (keyIds.length === 0) return [];
  const rows = await selectRevokedApiKeys.all(db, { keyIds });
  return rows.map((row) => ({ id: row.id, keyHash: row.key_hash }));
}
