import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { bootRequest, graphqlDocumentPerModule, precompress, preloadChunksOf } from './client/vite-plugins';

/**
 * Builds the dashboard in client/ into dist/client, which the server serves at `/`.
 * In development (`npx vite`) it proxies /graphql (websockets included), /auth and /export to the server on :4000.
 *
 * Each GraphQL document goes to the chunk of the route that uses it (client/vite-plugins.ts), index.html preloads
 * the dashboard's and the Overview's chunks (and their styles), starts the session check with the dashboard's
 * first query from an inline script (client/src/apollo/boot.ts), and every text
 * file is written brotli- and gzip-compressed beside itself for the server to send. The mode `documents-map`
 * keeps the client preset's map of every document instead: bench/client-bundle-size.ts builds both to
 * compare what a first load costs.
 */
export default defineConfig(({ mode }) => ({
  root: 'client',
  plugins: [
    ...(mode === 'documents-map' ? [] : [graphqlDocumentPerModule()]),
    react(),
    // The signed-in dashboard and its landing page download with the entry (not after it has run).
    preloadChunksOf(['routes/wallet/WalletPage.tsx', 'routes/overview/OverviewPage.tsx']),
    // Who is signed in, and their account and wallets, asked while the script downloads (names as in client/src/apollo/boot.ts).
    bootRequest({ documentName: 'BootDocument', operationName: 'Boot', globalName: '__spendwireBoot' }),
    precompress(),
  ],
  build: { outDir: '../dist/client', emptyOutDir: true },
  server: {
    proxy: {
      '/graphql': { target: 'http://localhost:4000', ws: true },
      '/auth': 'http://localhost:4000',
      '/export': 'http://localhost:4000',
    },
  },
}));
