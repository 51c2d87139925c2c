// Goal: a posting batcher is a plain object its maker owns: two made on one pool with different
// limits are independent and each keeps its own limits, and a posting goes through exactly the
// batcher it is handed. Method: a fresh ORM on a fresh database, without the server; credits
// submitted in one tick, then each batcher's stats.
import type { MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.js';
import { createOrm, migrate } from '../../server/database/orm.js';
import type { StatementBatcherStats } from '../../server/database/statement-batcher.js';
import { PLATFORM_ADMIN_TOKEN_PRINCIPAL } from '../../server/domain/accounts/principal.js';
import { createAccount } from '../../server/domain/accounts/create-account.service.js';
import {
  createPostingBatcher,
  postWalletTransaction,
  type PostingBatcher,
  type PostWalletTransactionOptions,
} from '../../server/domain/wallets/post-wallet-transaction.js';
import { PlatformAccountCode, TransactionKind } from '../../server/domain/wallets/transaction-enums.js';
import { createTestDatabase } from '../support/database.js';

const config = loadConfig({});
let orm: MikroORM;
beforeAll(async () => {
  orm = await createOrm({ databaseUrl: await createTestDatabase(), poolSizeMax: 4 });
  await migrate(orm);
});
afterAll(async () => {
  await orm?.close(true);
});

/** `count` new wallets, each of its own account. */
async function newWallets(count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const created = await createAccount(orm.em.fork(), {
      principal: PLATFORM_ADMIN_TOKEN_PRINCIPAL,
      name: `Batcher ${index}`,
      currency: 'USD',
      limits: config,
    });
    ids.push(created.wallet.id);
  }
  return ids;
}

function credit(walletId: string): PostWalletTransactionOptions {
  return {
    walletId,
    accountScope: null,
    deltaMicros: 1_000_000n,
    kind: TransactionKind.GRANT,
    counterparty: PlatformAccountCode.PROMOTIONAL_CREDIT,
    description: 'Batcher test credit',
    campaignId: null,
    actor: 'test',
    idempotencyKey: null,
    operation: 'grant',
    walletBalanceMicrosMax: config.walletBalanceMicrosMax,
  };
}

/** Posts one credit per wallet through `postings`, all submitted in the same tick. */
async function creditTogether(postings: PostingBatcher, walletIds: string[]): Promise<void> {
  const results = await Promise.all(walletIds.map((walletId) => postWalletTransaction(orm.em.fork(), postings, credit(walletId))));
  expect(results.every((posted) => !posted.replayed)).toBe(true);
}

const snapshot = (postings: PostingBatcher): StatementBatcherStats => ({ ...postings.stats });

describe('posting batchers on one pool', () => {
  it('are independent, each keeps its own limits, and a posting uses exactly the batcher it is given', async () => {
    const alone = createPostingBatcher(orm.em, { batchSizeMax: 1, batchesInFlightMax: 1 });
    const grouped = createPostingBatcher(orm.em, { batchSizeMax: 3, batchesInFlightMax: 1 });
    expect(grouped).not.toBe(alone);
    const wallets = await newWallets(7);

    // Batching off: every member alone, none batched; the other batcher did nothing.
    await creditTogether(alone, wallets);
    expect(alone.stats).toEqual({ singles: 7, batches: 0, batchedMembers: 0, fallbacks: 0 });
    expect(grouped.stats).toEqual({ singles: 0, batches: 0, batchedMembers: 0, fallbacks: 0 });

    // One batch in flight, 3 at most: the first goes alone, the six who waited leave as 3 + 3.
    const aloneBefore = snapshot(alone);
    await creditTogether(grouped, wallets);
    expect(grouped.stats).toEqual({ singles: 1, batches: 2, batchedMembers: 6, fallbacks: 0 });
    expect(alone.stats).toEqual(aloneBefore);
  });

  it('refuses a posting inside an open transaction (a batch commits on its own connection)', async () => {
    const postings = createPostingBatcher(orm.em, { batchSizeMax: 2, batchesInFlightMax: 1 });
    const [walletId] = await newWallets(1);
    await expect(orm.em.fork().transactional((em) => postWalletTransaction(em, postings, credit(walletId!)))).rejects.toThrow(
      /cannot join an open transaction/,
    );
    expect(postings.stats).toEqual({ singles: 0, batches: 0, batchedMembers: 0, fallbacks: 0 });
  });
});
