import { defineConfig } from 'vitest/config';

export default defineConfig({
  // type-graphql and Apollo load graphql's CommonJS build; a test's `import 'graphql'` must get the
  // same copy or graphql-js refuses types "from another module or realm" (shared/STACK.md pitfall 2).
  resolve: { alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }] },
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    globalSetup: ['test/support/global-setup.ts'],
    reporters: ['default', './test/support/summary-reporter.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
