/**
 * Prints what a first load of the dashboard downloads (raw, gzip, brotli), built two ways: with the
 * GraphQL Code Generator client preset's map of every document (`documents-map`, what the entry chunk
 * carried before) and as shipped, each document in its route's chunk (client/vite-plugins.ts).
 * Goal (issue 16): first-load JS <= 150 kB gzip. Run: `npm run build:server && node dist/bench/client-bundle-size.js`.
 * The build happens in memory: dist/client is left as it is.
 */
import { buildClientBundle, type FirstLoads, type LoadSize } from './client-bundle.js';
import { PROJECT_ROOT } from './bench-server.js';

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
const line = (label: string, size: LoadSize) =>
  `  ${label.padEnd(9)} ${String(size.files.length).padStart(2)} files  raw ${kB(size.rawBytes).padStart(9)}  gzip ${kB(size.gzipBytes).padStart(8)}` +
  `  (JS ${kB(size.scriptGzipBytes)})  brotli ${kB(size.brotliBytes).padStart(8)}`;
const report = (title: string, loads: FirstLoads) =>
  [
    title,
    line('shell', loads.shell),
    line('overview', loads.overview),
    `  largest chunk ${loads.largestChunk.fileName} ${kB(loads.largestChunk.gzipBytes)} gzip`,
  ].join('\n');

const before = await buildClientBundle({ root: PROJECT_ROOT, mode: 'documents-map' });
const after = await buildClientBundle({ root: PROJECT_ROOT, mode: 'production' });
console.log(report('Before: the client preset map of every document', before));
console.log(report('After: each document in its route chunk', after));
console.log(`Shell JS gzip: ${kB(before.shell.scriptGzipBytes)} -> ${kB(after.shell.scriptGzipBytes)} (budget 150 kB)`);
