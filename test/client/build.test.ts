// Goal: the dashboard that `npm start` serves compiles from a clean checkout. Method: run the real Vite
// production build into a temporary folder and check it produced the page and its script.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { build } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';

let outDir: string | undefined;
afterAll(async () => {
  if (outDir) await fs.rm(outDir, { recursive: true, force: true });
});

describe('client build', () => {
  it('vite build emits index.html that loads a bundled script', async () => {
    outDir = await fs.mkdtemp(path.join(os.tmpdir(), 'spendwire-client-build-'));
    await build({ configFile: path.resolve('vite.config.ts'), logLevel: 'silent', build: { outDir, emptyOutDir: true } });
    const html = await fs.readFile(path.join(outDir, 'index.html'), 'utf8');
    const script = /<script type="module" crossorigin src="\/(assets\/[^"]+\.js)">/.exec(html)?.[1];
    expect(script).toBeDefined();
    const bundle = await fs.readFile(path.join(outDir, script!), 'utf8');
    expect(bundle).toContain('/graphql');
  });
});
