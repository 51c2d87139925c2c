import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * Builds the dashboard in client/ into dist/client, which the server serves at `/`.
 * In development (`npx vite`) it proxies /graphql (websockets included), /auth and /export to the server on :4000.
 */
export default defineConfig({
  root: 'client',
  plugins: [react()],
  build: { outDir: '../dist/client', emptyOutDir: true },
  server: {
    proxy: {
      '/graphql': { target: 'http://localhost:4000', ws: true },
      '/auth': 'http://localhost:4000',
      '/export': 'http://localhost:4000',
    },
  },
});
