import fs from 'node:fs';
import path from 'node:path';
import type { Reporter, TestModule } from 'vitest/node';
import { findLogLeaks, KEEP_TEST_LOG_ENV, TEST_LOG_FILE_ENV } from './log-leaks.js';

/**
 * Prints one plain closing line, "N passed, N failed" (", N skipped" when any), after Vitest's own
 * summary, so tools that read test counts from the last line understand the run. A test file that
 * fails without a failed test (it did not load, or a hook threw) counts as one failure.
 *
 * Before it, lists the slowest files (the suite's time budget is ~10 minutes on 2 cores: this
 * says where it goes), then checks the servers' log of the whole run (global-setup.ts) for secrets (log-leaks.ts):
 * any found is printed, counts as one failure and fails the run, and the log is kept.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void {
    let passed = 0;
    let failed = unhandledErrors.length;
    let skipped = 0;
    for (const testModule of testModules) {
      let failedHere = 0;
      for (const test of testModule.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failedHere++;
        else skipped++;
      }
      // A file can fail with no failed test: it did not load, or a beforeAll hook threw.
      failed += testModule.state() === 'failed' && failedHere === 0 ? 1 : failedHere;
    }
    printSlowestFiles(testModules);
    failed += checkServerLog(failed > 0);
    console.log(`\n${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`);
  }
}

/** How many of the slowest files the closing summary lists. */
const SLOWEST_FILES_SHOWN = 10;

/** Prints the files whose tests and hooks took longest, slowest first, with their share of the sum. */
function printSlowestFiles(testModules: ReadonlyArray<TestModule>): void {
  const files = testModules.map((m) => ({ file: m.relativeModuleId, ms: m.diagnostic().duration }));
  const total = files.reduce((sum, f) => sum + f.ms, 0);
  if (total === 0) return;
  files.sort((a, b) => b.ms - a.ms);
  console.log(`\nSlowest files (tests and hooks; ${(total / 1000).toFixed(0)} s summed over ${files.length} files):`);
  for (const { file, ms } of files.slice(0, SLOWEST_FILES_SHOWN)) {
    console.log(`  ${(ms / 1000).toFixed(1).padStart(6)} s  ${((100 * ms) / total).toFixed(1).padStart(4)} %  ${file}`);
  }
}

/** Checks the run's server log for secrets; returns 1 (and fails the run) when it holds any. */
function checkServerLog(runFailed: boolean): number {
  const file = process.env[TEST_LOG_FILE_ENV];
  if (!file || !fs.existsSync(file)) return 0;
  const text = fs.readFileSync(file, 'utf8');
  const lines = text === '' ? 0 : text.split('\n').length - 1;
  const leaks = findLogLeaks(text);
  const shown = path.relative(process.cwd(), file);
  if (leaks.length === 0) {
    if (runFailed) process.env[KEEP_TEST_LOG_ENV] = '1';
    console.log(`\nServer logs: ${lines} lines, no secret or card number${runFailed ? ` (kept: ${shown})` : ''}.`);
    return 0;
  }
  process.env[KEEP_TEST_LOG_ENV] = '1';
  process.exitCode = 1;
  console.log(`\nSECRETS IN THE SERVER LOGS (${shown}):`);
  for (const leak of leaks) console.log(`  ${leak.name}: ${leak.line}`);
  return 1;
}
