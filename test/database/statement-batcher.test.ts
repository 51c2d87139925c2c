// Goal: a pool's posting batcher exists only as start-up installs it, once, with its limits: a
// second installation and a posting before any installation are refused, never silently served
// with other limits. Method: a fresh ORM on a fresh database, without the server.
import type { MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrm, migrate } from '../../server/database/orm.js';
import { installPostingBatcher, postingBatcher } from '../../server/domain/wallets/post-wallet-transaction.js';
import { createTestDatabase } from '../support/database.js';

let orm: MikroORM;
beforeAll(async () => {
  orm = await createOrm({ databaseUrl: await createTestDatabase(), poolSizeMax: 2 });
  await migrate(orm);
});
afterAll(async () => {
  await orm?.close(true);
});

describe('the posting batcher of a pool', () => {
  it('is refused before start-up installs it, then is the one installed, with its limits; a second installation is refused', () => {
    expect(() => postingBatcher(orm.em)).toThrow(/no batcher of .* is installed on this pool/);
    const installed = installPostingBatcher(orm.em, { batchSizeMax: 7, batchesInFlightMax: 2 });
    expect(postingBatcher(orm.em)).toBe(installed);
    expect(() => installPostingBatcher(orm.em, { batchSizeMax: 64, batchesInFlightMax: 4 })).toThrow(/already installed/);
    expect(postingBatcher(orm.em)).toBe(installed);
  });
});
