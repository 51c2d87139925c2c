import path from 'node:path';
import zlib from 'node:zlib';
import { build, type Rolldown } from 'vite';

/** What a first load of the dashboard downloads, in bytes: raw, gzip (level 9) and brotli (quality 11). */
export interface LoadSize {
  /** The files, entry first, as the build names them (`assets/index-….js`). */
  files: string[];
  rawBytes: number;
  gzipBytes: number;
  brotliBytes: number;
  /** The JavaScript alone (the budget counts script). */
  scriptGzipBytes: number;
}

/** The two first loads measured: the shell (index.html's entry and what it preloads) and the signed-in Overview. */
export interface FirstLoads {
  /** The entry chunk with its static imports and their CSS: what index.html loads before anything is lazy. */
  shell: LoadSize;
  /** The shell plus the wallet page's and the Overview's chunks (with theirs): what a signed-in owner's first visit runs. */
  overview: LoadSize;
  /** The largest chunk and its gzip size, to see where bytes go. */
  largestChunk: { fileName: string; gzipBytes: number };
}

/** Options of {@link buildClientBundle}. */
export interface BuildClientBundleOptions {
  /** The repository's root (vite.config.ts). */
  root: string;
  /** vite.config.ts's mode: `production`, or `documents-map` for the client preset's map of every document. */
  mode: 'production' | 'documents-map';
}

/** Builds the dashboard in memory (nothing written) with the repository's vite.config.ts: its output files. */
export async function buildClientOutput(options: BuildClientBundleOptions): Promise<(Rolldown.OutputChunk | Rolldown.OutputAsset)[]> {
  const result = await build({
    configFile: path.join(options.root, 'vite.config.ts'),
    root: path.join(options.root, 'client'),
    mode: options.mode,
    logLevel: 'silent',
    build: { write: false, outDir: path.join(options.root, 'dist/client') },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
  return outputs.flatMap((output) => output.output);
}

/** Builds the dashboard in memory and measures its first loads. */
export async function buildClientBundle(options: BuildClientBundleOptions): Promise<FirstLoads> {
  return measureFirstLoads(await buildClientOutput(options));
}

/** Measures {@link FirstLoads} in a build's output files. */
export function measureFirstLoads(files: (Rolldown.OutputChunk | Rolldown.OutputAsset)[]): FirstLoads {
  const byName = new Map(files.map((file) => [file.fileName, file]));
  const chunks = files.filter((file): file is Rolldown.OutputChunk => file.type === 'chunk');
  const entry = chunks.find((chunk) => chunk.isEntry);
  if (entry === undefined) throw new Error('The build has no entry chunk');
  const routeChunk = (suffix: string) => {
    const chunk = chunks.find((candidate) => candidate.facadeModuleId?.endsWith(suffix));
    if (chunk === undefined) throw new Error(`The build has no chunk for ${suffix}`);
    return chunk;
  };

  /** A chunk, its static imports (transitively) and the CSS each imports, without repeats. */
  const closure = (roots: Rolldown.OutputChunk[]): string[] => {
    const seen = new Set<string>();
    const visit = (chunk: Rolldown.OutputChunk) => {
      if (seen.has(chunk.fileName)) return;
      seen.add(chunk.fileName);
      for (const css of (chunk as { viteMetadata?: { importedCss: Set<string> } }).viteMetadata?.importedCss ?? []) seen.add(css);
      for (const imported of chunk.imports) {
        const next = byName.get(imported);
        if (next?.type === 'chunk') visit(next);
      }
    };
    for (const root of roots) visit(root);
    return [...seen];
  };

  const contentOf = (fileName: string): Buffer => {
    const file = byName.get(fileName);
    if (file === undefined) throw new Error(`The build has no file ${fileName}`);
    return Buffer.from(file.type === 'chunk' ? file.code : file.source);
  };
  const gzipSize = (content: Buffer) => zlib.gzipSync(content, { level: 9 }).length;
  const sizeOf = (fileNames: string[]): LoadSize => {
    let rawBytes = 0;
    let gzipBytes = 0;
    let brotliBytes = 0;
    let scriptGzipBytes = 0;
    for (const fileName of fileNames) {
      const content = contentOf(fileName);
      const gzip = gzipSize(content);
      rawBytes += content.length;
      gzipBytes += gzip;
      brotliBytes += zlib.brotliCompressSync(content, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
      if (fileName.endsWith('.js')) scriptGzipBytes += gzip;
    }
    return { files: fileNames, rawBytes, gzipBytes, brotliBytes, scriptGzipBytes };
  };

  const largest = chunks
    .map((chunk) => ({ fileName: chunk.fileName, gzipBytes: gzipSize(Buffer.from(chunk.code)) }))
    .sort((a, b) => b.gzipBytes - a.gzipBytes)[0] ?? { fileName: entry.fileName, gzipBytes: 0 };
  return {
    shell: sizeOf(closure([entry])),
    overview: sizeOf(closure([entry, routeChunk('routes/wallet/WalletPage.tsx'), routeChunk('routes/overview/OverviewPage.tsx')])),
    largestChunk: largest,
  };
}
