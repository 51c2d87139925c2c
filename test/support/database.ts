import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { ensureDatabase } from '../../server/database/database.js';

/** A fresh, migrated, empty database of its own for the calling test file; returns its URL. */
export async function createTestDatabase(): Promise<string> {
  const serverUrl = inject('postgresServerUrl');
  const prefix = inject('testDatabasePrefix');
  const name = `${prefix}${randomBytes(6).toString('hex')}`;
  await ensureDatabase(serverUrl, name, `${prefix}template`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
