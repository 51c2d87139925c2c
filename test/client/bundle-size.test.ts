// Goal: a first load stays small: the entry chunk and what it preloads weigh at most 150 kB of gzip'd JS, and
// no GraphQL document rides in the entry (each is in its route's chunk) but the one it reads the boot answer with. Method: the real Vite production build
// of the dashboard in memory (bench/client-bundle.ts, as `node dist/bench/client-bundle-size.js` prints it),
// its chunks' modules and gzip sizes read from the output.
import path from 'node:path';
import type { Rolldown } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildClientOutput, measureFirstLoads, type FirstLoads } from '../../bench/client-bundle.js';
import { REPO_ROOT } from '../support/browser.js';

/** The budget for first-load JS, gzip'd, in bytes (kB = 1000 bytes, as Vite reports). */
const FIRST_LOAD_SCRIPT_GZIP_BYTES_MAX = 150_000;

let files: (Rolldown.OutputChunk | Rolldown.OutputAsset)[];
let loads: FirstLoads;
const nodeEnv = process.env.NODE_ENV;

beforeAll(async () => {
  // As `npm start` builds: vitest's NODE_ENV=test would bundle React's development build.
  process.env.NODE_ENV = 'production';
  files = await buildClientOutput({ root: path.resolve(REPO_ROOT), mode: 'production' });
  loads = measureFirstLoads(files);
}, 180_000);
afterAll(() => {
  process.env.NODE_ENV = nodeEnv;
});

const chunks = () => files.filter((file): file is Rolldown.OutputChunk => file.type === 'chunk');
const documentModules = (chunk: Rolldown.OutputChunk) =>
  Object.keys(chunk.modules).filter((id) => id.includes('virtual:graphql-document/'));

describe('client bundle', () => {
  it(`loads at most ${FIRST_LOAD_SCRIPT_GZIP_BYTES_MAX / 1000} kB of gzip'd JS before any route's chunk (the entry and its static imports)`, () => {
    console.log(
      `first-load JS gzip: shell ${(loads.shell.scriptGzipBytes / 1000).toFixed(1)} kB, ` +
        `with the wallet and Overview chunks ${(loads.overview.scriptGzipBytes / 1000).toFixed(1)} kB`,
    );
    expect(loads.shell.scriptGzipBytes).toBeGreaterThan(0);
    expect(loads.shell.scriptGzipBytes).toBeLessThanOrEqual(FIRST_LOAD_SCRIPT_GZIP_BYTES_MAX);
  });

  it("keeps every GraphQL document but the boot query's out of the entry: no map of them all, each document in a route's chunk", () => {
    const entry = chunks().find((chunk) => chunk.isEntry)!;
    expect(Object.keys(entry.modules).filter((id) => id.endsWith('/client/src/gql/gql.ts'))).toEqual([]);
    // The entry writes index.html's boot answer into the cache (client/src/apollo/boot.ts): that document only.
    expect(documentModules(entry).map((id) => id.replace(/^.*virtual:graphql-document\//, ''))).toEqual(['BootDocument']);
    const topUp = chunks().find((chunk) => chunk.facadeModuleId?.endsWith('/client/src/routes/top-up/TopUpPage.tsx'));
    const topUpAndImports = [topUp!, ...chunks().filter((chunk) => topUp!.imports.includes(chunk.fileName))];
    expect(topUpAndImports.flatMap(documentModules).some((id) => id.endsWith('/QuoteTopUpDocument'))).toBe(true);
    // Every chunk that holds documents holds them as data, never the preset's lookup by source text.
    for (const chunk of chunks()) expect(chunk.code, chunk.fileName).not.toContain('fragment WalletSummaryFields on Wallet');
  });
});
