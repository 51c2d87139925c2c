// Goal: the dashboard that `npm start` serves compiles from a clean checkout. Method: run the real Vite
// production build into a temporary folder and check it produced the page, its script, the inline boot
// request and the preloads of the Overview.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { build } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';
import { BOOT_RESPONSE_GLOBAL } from '../../client/src/apollo/boot.js';
import { bootQueryText } from '../../client/vite-plugins.js';

let outDir: string | undefined;
afterAll(async () => {
  if (outDir) await fs.rm(outDir, { recursive: true, force: true });
});

describe('client build', () => {
  it('vite build emits index.html that loads a bundled script, starts the boot request and preloads the Overview', async () => {
    outDir = await fs.mkdtemp(path.join(os.tmpdir(), 'spendwire-client-build-'));
    await build({ configFile: path.resolve('vite.config.ts'), logLevel: 'silent', build: { outDir, emptyOutDir: true } });
    const html = await fs.readFile(path.join(outDir, 'index.html'), 'utf8');
    const script = /<script type="module" crossorigin src="\/(assets\/[^"]+\.js)">/.exec(html)?.[1];
    expect(script).toBeDefined();
    const bundle = await fs.readFile(path.join(outDir, script!), 'utf8');
    expect(bundle).toContain('/graphql');
    // The boot request starts from the page itself, under the name the dashboard reads (client/src/apollo/boot.ts).
    const boot = /<script>(window\["(\w+)"\]=fetch\("\/graphql",(.*?)\)\.then.*?)<\/script>/.exec(html);
    expect(boot?.[2]).toBe(BOOT_RESPONSE_GLOBAL);
    expect(JSON.parse(JSON.parse(boot![3]!).body)).toEqual({ operationName: 'Boot', variables: {}, query: bootQueryText('BootDocument') });
    // The Overview's chunk and styles are preloaded with the entry.
    expect(html).toMatch(/<link rel="modulepreload" crossorigin href="\/assets\/OverviewPage-[\w-]+\.js">/);
    expect(html).toMatch(/<link rel="preload" as="style" href="\/assets\/OverviewPage-[\w-]+\.css">/);
  });
});
