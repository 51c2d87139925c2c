// Goal: an unexpected failure never leaks internals to a client. Method: break the real database under a
// running server (rename a table) and check the answer is a masked INTERNAL_SERVER_ERROR that was logged.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { sql } from '../../server/database/sql.js';
import { captureLogs } from '../support/log-capture.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe('unexpected errors', () => {
  it('are logged and masked as "Internal server error"', async () => {
    const { walletId, ownerKey } = await t.createAccount();
    await sql('alter table wallet_transaction rename to wallet_transaction_gone').run(t.app.orm.em.fork());
    const logged = captureLogs();
    try {
      const response = await t.graphql(ownerKey, `query($id: ID!) { wallet(id: $id) { transactions { edges { cursor } } } }`, {
        id: walletId,
      });
      expect(response.errors).toEqual([
        { message: 'Internal server error', path: ['wallet', 'transactions'], extensions: { code: 'INTERNAL_SERVER_ERROR' } },
      ]);
      expect(JSON.stringify(response)).not.toMatch(/wallet_transaction|relation|select/i);
      // The outbox tail, woken by the account's commit, may also meet the renamed table (and log its
      // own retry line) when its read lands after the rename: count the request's log line only.
      const requestLogs = logged.lines().filter((line) => line.msg === 'Unexpected error in a GraphQL request');
      expect(requestLogs).toHaveLength(1);
      expect(requestLogs[0]?.level).toBe(50);
      expect(requestLogs[0]?.err?.message).toMatch(/wallet_transaction/);
    } finally {
      logged.stop();
      await sql('alter table wallet_transaction_gone rename to wallet_transaction').run(t.app.orm.em.fork());
    }
  });
});
