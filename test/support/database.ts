import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { ensureDatabase } from '../../server/database/database.js';

const TEMPLATE_DATABASE = 'spendwire_test_template';

/** A fresh, migrated, empty database of its own for the calling test file; returns its URL. */
export async function createTestDatabase(): Promise<string> {
  const serverUrl = inject('postgresServerUrl');
  const name = `spendwire_test_${randomBytes(6).toString('hex')}`;
  await ensureDatabase(serverUrl, name, TEMPLATE_DATABASE);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
