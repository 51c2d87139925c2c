// Goal: `npm run ledger:verify` tells sound books from broken ones by its output and exit code. Method:
// compile the real script, run it as a child process against a test database, before and after
// corrupting a wallet's balance behind the ledger's back.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { sql } from '../../server/database/sql.js';

const run = promisify(execFile);
// Inside node_modules so the compiled script resolves its dependencies from the project's.
const OUT_DIR = path.resolve('node_modules/.cache/spendwire-test-build');

let t: TestApp;
let databaseUrl: string;

beforeAll(async () => {
  await run(process.execPath, [path.resolve('node_modules/typescript/bin/tsc'), '-p', 'tsconfig.server.json', '--outDir', OUT_DIR]);
  t = await startTestApp();
  databaseUrl = t.app.orm.config.get('clientUrl')!;
  const { walletId, ownerKey } = await t.createAccount();
  await t.fund(walletId, '10');
  await t.ok(ownerKey, 'mutation($input: ChargeInput!) { charge(input: $input) { transaction { id } } }', {
    input: { walletId, amount: '2.5' },
  });
}, 120_000);
afterAll(async () => {
  await t?.close();
});

async function verify(): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [path.join(OUT_DIR, 'server/scripts/verify-ledger.js')], {
      env: { ...process.env, DATABASE_URL: databaseUrl },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('npm run ledger:verify', () => {
  it('exits 0 and says so when every invariant holds', async () => {
    const result = await verify();
    expect(result).toMatchObject({ code: 0, stdout: 'Ledger OK: every invariant holds.\n' });
  });

  it('exits 1 and names the broken invariant and the wallet', async () => {
    const [wallet] = await sql<{ id: string }>(
      'update wallet set balance_micros = balance_micros + 1 where balance_micros > 0 returning id',
    ).all(t.app.orm.em.fork());
    const result = await verify();
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("BROKEN: each wallet's balance equals the sum of its wallet legs");
    expect(result.stderr).toContain(wallet!.id);
  });
});
