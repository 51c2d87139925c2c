// Goal: the live tail's read expands each outbox row into its run of wallet transactions with one
// probe of wallet_transaction's (wallet_id, sequence) key per row, never by scanning the journal,
// whatever the planner's estimates. Method: a wallet with thousands of transactions (each its own
// outbox row) on the real PostgreSQL; the read's text prepared with a generic plan forced (the plan a
// prepared statement uses after its first executions) and nested loops made dear (as estimates at a
// larger journal made them: bench/call-setup.ts's generic plan hashed the whole journal on every
// read), and its EXPLAIN ANALYZE read. The shape of the read leaves the planner no other way.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectTailRowsAfter } from '../../../server/domain/outbox/outbox.queries.js';
import { reserveCredit } from '../../../server/domain/wallets/credit.js';
import { parseMoney } from '../../../server/domain/wallets/money.js';
import {
  postWalletTransactionsInOrder,
  type PostWalletTransactionOptions,
} from '../../../server/domain/wallets/post-wallet-transaction.js';
import { PlatformAccountCode, TransactionKind } from '../../../server/domain/wallets/transaction-enums.js';
import { runSql } from '../../support/sql.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.close();
});

/** Postings on the wallet (each a statement's run of its own: the reserved credit changes every time). */
const POSTINGS = 2_000;
/** Outbox rows the read returns. */
const READ_ROWS = 200;

/** A debit of 0.01 that holds 0.01 more of the wallet's credit, or gives 0.01 back: the reserved credit changes each time. */
function debit(walletId: string, index: number): PostWalletTransactionOptions {
  return {
    walletId,
    accountScope: null,
    deltaMicros: -parseMoney('0.01'),
    kind: TransactionKind.CHARGE,
    counterparty: PlatformAccountCode.REVENUE,
    description: `debit ${index}`,
    campaignId: null,
    actor: 'test',
    idempotencyKey: null,
    operation: 'charge',
    walletBalanceMicrosMax: t.config.walletBalanceMicrosMax,
    reservedReleaseMicros: index % 2 === 0 ? -parseMoney('0.01') : parseMoney('0.01'),
  };
}

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Cond'?: string;
  Plans?: PlanNode[];
}

function nodesOf(node: PlanNode): PlanNode[] {
  return [node, ...(node.Plans ?? []).flatMap(nodesOf)];
}

describe('the live tail read', () => {
  it("probes each row's run by key under a generic plan, not the whole journal", async () => {
    const { walletId } = await t.createAccount('Long journal');
    await t.fund(walletId, '1000');
    await reserveCredit(t.app.orm.em.fork(), { walletId, amountMicros: parseMoney('1') });
    for (let first = 0; first < POSTINGS; first += 500) {
      const chunk = Array.from({ length: 500 }, (_, i) => debit(walletId, first + i));
      const outcomes = await postWalletTransactionsInOrder(t.app.orm.em.fork(), t.app.postings, chunk);
      expect(outcomes.every((outcome) => outcome.posted)).toBe(true);
    }
    await runSql(t.app.orm.em.fork(), 'analyze wallet_transaction');
    await runSql(t.app.orm.em.fork(), 'analyze outbox_event');
    const [position] = await runSql<{ tx_id: string; id: string }>(
      t.app.orm.em.fork(),
      `select tx_id::text, id::text from outbox_event where wallet_id = $1 and type = 'WALLET_TRANSACTION'
        order by tx_id desc, id desc offset ${READ_ROWS} limit 1`,
      [walletId],
    );

    const client = new pg.Client({ connectionString: t.databaseUrl });
    await client.connect();
    try {
      await client.query('set plan_cache_mode = force_generic_plan');
      await client.query('set enable_nestloop = off');
      await client.query(`prepare tail as ${selectTailRowsAfter.text}`);
      const values = { txId: position!.tx_id, id: position!.id, limit: READ_ROWS * 2, expandAll: true, walletIds: '{}' };
      const literals = selectTailRowsAfter.names.map((name) => client.escapeLiteral(String(values[name as keyof typeof values])));
      const { rows } = await client.query(`explain (analyze, format json) execute tail(${literals.join(', ')})`);
      const plan = rows[0]['QUERY PLAN'][0].Plan as PlanNode;
      const nodes = nodesOf(plan);
      // No scan of the journal as a whole; a probe of its key by each row's wallet (an index scan, or
      // a bitmap index scan, parameterised by the outbox row).
      const journalScans = nodes.filter((node) => node['Relation Name'] === 'wallet_transaction');
      expect(journalScans.map((node) => node['Node Type'])).not.toContain('Seq Scan');
      const probes = nodes.filter((node) => node['Index Cond']?.includes('wallet_id = e.wallet_id'));
      expect(probes.length).toBeGreaterThan(0);
      const read = await client.query(`execute tail(${literals.join(', ')})`);
      // The rows after the position (the newest may still lie beyond the read horizon).
      expect(read.rows.length).toBeGreaterThan(READ_ROWS / 2);
      expect(read.rows.every((row) => row.wallet_id === walletId && row.sequence === row.event_wallet_sequence)).toBe(true);
    } finally {
      await client.end();
    }
  });
});
