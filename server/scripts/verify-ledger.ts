import 'reflect-metadata';
import { loadConfig } from '../config.js';
import { openDatabase } from '../database/database.js';
import { createOrm } from '../database/orm.js';
import { verifyLedger } from '../domain/wallets/verify-ledger.js';

/**
 * `npm run ledger:verify`: checks every ledger invariant on the configured database (DATABASE_URL,
 * or the embedded one under DATA_DIR, running or not). Exits 1 when any is broken.
 */
const config = loadConfig();
const database = await openDatabase(config, { reuseRunning: true });
const orm = await createOrm({ databaseUrl: database.databaseUrl, poolSizeMax: 2 });
let broken = 0;
try {
  const violations = await verifyLedger(orm.em.fork());
  broken = violations.length;
  if (broken === 0) {
    console.log('Ledger OK: every invariant holds.');
  } else {
    for (const violation of violations) {
      console.error(`BROKEN: ${violation.invariant}`);
      for (const row of violation.rows) console.error(`  ${JSON.stringify(row, (_, v) => (typeof v === 'bigint' ? v.toString() : v))}`);
    }
  }
} finally {
  await orm.close(true);
  await database.stop();
}
process.exit(broken === 0 ? 0 : 1);
