import { defineConfig } from 'vitest/config';
import LongFilesFirst from './test/support/long-files-first.js';

export default defineConfig({
  // type-graphql and Apollo load graphql's CommonJS build; a test's `import 'graphql'` must get the
  // same copy or graphql-js refuses types "from another module or realm" (shared/STACK.md pitfall 2).
  resolve: { alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }] },
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    globalSetup: ['test/support/global-setup.ts'],
    // Server logs go to the run's log file, checked for secrets at the end (test/support/logging.ts).
    setupFiles: ['test/support/logging.ts'],
    reporters: ['default', './test/support/summary-reporter.ts'],
    // Vitest's default is one worker per core less one: a single worker on the 2-core machines
    // this runs on. Most files wait on PostgreSQL, Chromium or sockets rather than compute, and each
    // file has its own database, so two workers run them side by side: the whole suite took 830 s
    // with one worker and 590 s with two on the same machine (2026-12-06, 2,015 tests).
    maxWorkers: 2,
    // Each worker keeps the modules it has loaded from one file to the next (the test files
    // themselves and setupFiles still run afresh). With isolation on, every one of the 275 files
    // loaded the whole server again: 404 s of the 724 s run went to imports (2026-12-07, idle
    // machine). Nothing here depends on a fresh module: the server's module-level state is
    // WeakMaps keyed by per-app objects and caches of constants, each file starts its own app on
    // its own database, and the few spies are restored by their tests.
    isolate: false,
    // The chaos storm first: it takes 2–3 minutes, and started last it left the other worker idle.
    sequence: { sequencer: LongFilesFirst },
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
