// Goal: the alert processor, which reads a wallet's new transactions one by one only when their
// balance range could cross a threshold, raises exactly the alerts of a full reading and leaves
// each wallet's judged state (sequence, balance, armed thresholds) where the last transaction left it.
// Method: the real server; recordUsage statements on a wallet far above its thresholds (quiet) and
// on one that crosses them, judged in the same passes; alerts and wallet_alert_state read back; the
// ledger invariants last.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drainAlerts } from '../../support/consumers.js';
import { runSql } from '../../support/sql.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';

const RECORD_USAGE = `mutation($input: RecordUsageInput!) { recordUsage(input: $input) { postedCount } }`;
const U = 1_000_000n;

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ billingClockEnabled: false });
});
afterAll(async () => {
  await t?.close();
});

async function use(ownerKey: string, walletId: string, count: number): Promise<void> {
  const events = Array.from({ length: count }, (_, index) => ({ walletId, amount: '1', description: `u${index}` }));
  expect((await t.ok(ownerKey, RECORD_USAGE, { input: { events } })).recordUsage.postedCount).toBe(count);
}

async function alertKeys(accountId: string): Promise<string[]> {
  const rows = await runSql<{ dedupe_key: string }>(
    t.app.orm.em.fork(),
    `select dedupe_key from alert where account_id = $1 and kind in ('LOW_BALANCE', 'BALANCE_DEPLETED', 'BALANCE_RECOVERED') order by id`,
    [accountId],
  );
  return rows.map((row) => row.dedupe_key);
}

async function judged(walletId: string): Promise<{ sequence: string; balance: string; armed: string[]; depleted: boolean }> {
  const [row] = await runSql<{ sequence: string; balance: string; armed: string[]; depleted: boolean }>(
    t.app.orm.em.fork(),
    `select sequence::text, balance_micros::text as balance, armed_micros::text[] as armed, depleted from wallet_alert_state where wallet_id = $1`,
    [walletId],
  );
  return row!;
}

describe('alert processor on quiet and crossing wallets', () => {
  it('skips nothing that matters: crossings at their exact transactions, judged states at the last one', async () => {
    const quiet = await t.createAccount(`Quiet ${randomUUID().slice(0, 8)}`);
    const crossing = await t.createAccount(`Crossing ${randomUUID().slice(0, 8)}`);
    await t.fund(quiet.walletId, '1000'); // sequence 1
    await t.fund(crossing.walletId, '12'); // sequence 1

    // Quiet: 300 debits, 1000 → 700, far above 5. Crossing: 8 debits, 12 → 4, reaching 5 at sequence 8.
    await use(quiet.ownerKey, quiet.walletId, 300);
    await use(crossing.ownerKey, crossing.walletId, 8);
    await drainAlerts(t);
    expect(await alertKeys(quiet.accountId)).toEqual([]);
    expect(await alertKeys(crossing.accountId)).toEqual([`LOW_BALANCE:${crossing.walletId}:${5n * U}:8`]);
    expect(await judged(quiet.walletId)).toEqual({
      sequence: '301',
      balance: String(700n * U),
      armed: [String(5n * U), '0'],
      depleted: false,
    });
    expect(await judged(crossing.walletId)).toEqual({ sequence: '9', balance: String(4n * U), armed: ['0'], depleted: false });

    // Quiet now crosses 5 at sequence 996 (balance 5) inside a run; crossing is depleted at 13 (4 → 0), then recovers at 14.
    await use(quiet.ownerKey, quiet.walletId, 696);
    await use(crossing.ownerKey, crossing.walletId, 4);
    await drainAlerts(t);
    await t.fund(crossing.walletId, '100');
    await drainAlerts(t);
    expect(await alertKeys(quiet.accountId)).toEqual([`LOW_BALANCE:${quiet.walletId}:${5n * U}:996`]);
    expect(await alertKeys(crossing.accountId)).toEqual([
      `LOW_BALANCE:${crossing.walletId}:${5n * U}:8`,
      `BALANCE_DEPLETED:${crossing.walletId}:13`,
      `BALANCE_RECOVERED:${crossing.walletId}:14`,
    ]);
    expect(await judged(quiet.walletId)).toEqual({ sequence: '997', balance: String(4n * U), armed: ['0'], depleted: false });
    // 100 is above 5.50 (the re-arm level at the default 10 % margin): both thresholds armed again.
    expect(await judged(crossing.walletId)).toEqual({
      sequence: '14',
      balance: String(100n * U),
      armed: [String(5n * U), '0'],
      depleted: false,
    });

    // Re-armed while its moves were not read one by one: the next crossing still fires, at its transaction.
    await use(crossing.ownerKey, crossing.walletId, 20);
    await use(crossing.ownerKey, crossing.walletId, 76);
    await drainAlerts(t);
    expect((await alertKeys(crossing.accountId)).at(-1)).toBe(`LOW_BALANCE:${crossing.walletId}:${5n * U}:109`);
    await t.assertLedger();
  });
});
