import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { addTypenameToDocument } from '@apollo/client/utilities';
import { type DocumentNode, print, stripIgnoredCharacters } from 'graphql';
import { parseAst, type Plugin } from 'vite';

/** Where GraphQL Code Generator's client preset writes (codegen.ts). */
const GENERATED_DIR = path.resolve(import.meta.dirname, 'src/gql');
const VIRTUAL_PREFIX = 'virtual:graphql-document/';

/** The generated documents: the exported name of each `graphql()` source, and each name's document as JSON. */
export interface GeneratedDocuments {
  nameOfSource: Map<string, string>;
  jsonOfName: Map<string, string>;
}

/**
 * Reads client/src/gql/: gql.ts maps each source text to an export of graphql.ts, whose line
 * `export const XDocument = {…} as unknown as DocumentNode<…>;` holds the document (its fragments included)
 * as JSON. test/client/gql/generated-files.test.ts keeps both in step with the sources.
 */
export function readGeneratedDocuments(dir = GENERATED_DIR): GeneratedDocuments {
  const map = fs.readFileSync(path.join(dir, 'gql.ts'), 'utf8');
  const types = fs.readFileSync(path.join(dir, 'graphql.ts'), 'utf8');
  const nameOfSource = new Map<string, string>();
  for (const match of map.matchAll(/^\s*("(?:[^"\\]|\\.)*"): types\.(\w+),$/gm)) {
    nameOfSource.set(JSON.parse(match[1] as string) as string, match[2] as string);
  }
  const jsonOfName = new Map<string, string>();
  for (const match of types.matchAll(/^export const (\w+) = (\{"kind":"Document".*\}) as unknown as DocumentNode<.*>;$/gm)) {
    jsonOfName.set(match[1] as string, match[2] as string);
  }
  return { nameOfSource, jsonOfName };
}

/** An ESTree node, as far as the walk below needs. */
interface Node {
  type: string;
  start: number;
  end: number;
  [key: string]: unknown;
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

/** Calls `visit` on every node of the tree, depth first. */
function walk(node: Node, visit: (node: Node) => void): void {
  visit(node);
  for (const value of Object.values(node)) {
    if (Array.isArray(value)) for (const item of value) isNode(item) && walk(item, visit);
    else if (isNode(value)) walk(value, visit);
  }
}

/**
 * Keeps each GraphQL document in the chunk of the route that uses it. The client preset's `graphql()` looks
 * its argument up in a map of EVERY document of the dashboard (client/src/gql/gql.ts), so whichever chunk
 * imports it (the entry, as the shell does) carries all of them. This plugin rewrites each
 * `graphql(\`…\`)` call into an import of a module holding that one document, exactly as codegen generated
 * it, the job the preset's Babel plugin does with imports from one shared graphql.ts. Types are
 * unchanged: TypeScript still reads the call through gql.ts. A source codegen does not know fails the
 * build (run `npm run codegen`) instead of yielding an empty document at run time.
 */
export function graphqlDocumentPerModule(): Plugin {
  let generated: GeneratedDocuments | undefined;
  const documents = () => {
    generated ??= readGeneratedDocuments();
    return generated;
  };
  return {
    name: 'spendwire:graphql-document-per-module',
    enforce: 'pre',
    buildStart() {
      generated = undefined;
      this.addWatchFile(path.join(GENERATED_DIR, 'gql.ts'));
      this.addWatchFile(path.join(GENERATED_DIR, 'graphql.ts'));
    },
    watchChange(id) {
      if (id.startsWith(GENERATED_DIR)) generated = undefined;
    },
    resolveId(id) {
      return id.startsWith(VIRTUAL_PREFIX) ? `\0${id}` : null;
    },
    load(id) {
      if (!id.startsWith(`\0${VIRTUAL_PREFIX}`)) return null;
      const name = id.slice(VIRTUAL_PREFIX.length + 1);
      const json = documents().jsonOfName.get(name);
      if (json === undefined) throw new Error(`client/src/gql/graphql.ts exports no document ${name}: run \`npm run codegen\``);
      return `export default ${json};`;
    },
    transform(code, id) {
      const file = id.split('?')[0] ?? id;
      if (!/\.[cm]?[jt]sx?$/.test(file) || file.startsWith(GENERATED_DIR) || file.includes('/node_modules/')) return null;
      if (!code.includes('graphql(')) return null;
      const lang = file.endsWith('.tsx') ? 'tsx' : file.endsWith('.ts') ? 'ts' : file.endsWith('.jsx') ? 'jsx' : 'js';
      const program = parseAst(code, { lang }) as unknown as Node;
      // The local names under which this file imports the preset's `graphql` from client/src/gql.
      const locals = new Set<string>();
      walk(program, (node) => {
        if (node.type !== 'ImportDeclaration') return;
        const source = (node.source as { value: string }).value;
        if (!/(^|\/)gql(\/(index|gql)(\.js|\.ts)?)?$/.test(source)) return;
        for (const specifier of node.specifiers as Node[]) {
          const imported = specifier.imported as { name?: string } | undefined;
          if (specifier.type === 'ImportSpecifier' && imported?.name === 'graphql') locals.add((specifier.local as { name: string }).name);
        }
      });
      if (locals.size === 0) return null;
      const replacements: { start: number; end: number; name: string }[] = [];
      walk(program, (node) => {
        if (node.type !== 'CallExpression') return;
        const callee = node.callee as Node;
        if (callee.type !== 'Identifier' || !locals.has(callee.name as string)) return;
        const [argument] = node.arguments as Node[];
        const quasis = argument?.quasis as { value: { cooked: string } }[] | undefined;
        if (argument?.type !== 'TemplateLiteral' || (argument.expressions as unknown[]).length > 0 || quasis?.length !== 1) {
          throw new Error(`${file}: graphql() takes one template literal without \${…}, as codegen reads it`);
        }
        const source = quasis[0]?.value.cooked ?? '';
        const name = documents().nameOfSource.get(source);
        if (name === undefined) throw new Error(`${file}: a graphql() document is not in client/src/gql/gql.ts: run \`npm run codegen\``);
        replacements.push({ start: node.start, end: node.end, name });
      });
      if (replacements.length === 0) return null;
      let output = code;
      for (const { start, end, name } of [...replacements].sort((a, b) => b.start - a.start)) {
        output = `${output.slice(0, start)}__graphqlDocument_${name}${output.slice(end)}`;
      }
      const names = [...new Set(replacements.map((replacement) => replacement.name))];
      const imports = names.map((name) => `import __graphqlDocument_${name} from '${VIRTUAL_PREFIX}${name}';`).join('');
      // Prepended on the first line, so every other line keeps its number.
      return { code: imports + output, map: null };
    },
  };
}

/** Files worth precompressing (text); images and fonts are compressed already. */
const COMPRESSIBLE_FILE = /\.(?:js|mjs|css|html|svg|json|txt|map|webmanifest)$/;

/**
 * Writes `name.br` (brotli, quality 11) and `name.gz` (gzip, level 9) beside each text file of the build,
 * once, so the server sends them by `Accept-Encoding` with no compression work per request
 * (server/transport/static-client.ts). A sibling that would not be smaller is not written.
 */
export function precompress(): Plugin {
  const brotli = promisify(zlib.brotliCompress);
  const gzip = promisify(zlib.gzip);
  return {
    name: 'spendwire:precompress',
    apply: 'build',
    async writeBundle(options, bundle) {
      const outDir = options.dir;
      if (outDir === undefined) return;
      await Promise.all(
        Object.keys(bundle)
          .filter((fileName) => COMPRESSIBLE_FILE.test(fileName))
          .map(async (fileName) => {
            const file = path.join(outDir, fileName);
            const content = await fs.promises.readFile(file);
            const [br, gz] = await Promise.all([
              brotli(content, {
                params: {
                  [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
                  [zlib.constants.BROTLI_PARAM_SIZE_HINT]: content.length,
                },
              }),
              gzip(content, { level: zlib.constants.Z_BEST_COMPRESSION }),
            ]);
            await Promise.all([
              br.length < content.length ? fs.promises.writeFile(`${file}.br`, br) : undefined,
              gz.length < content.length ? fs.promises.writeFile(`${file}.gz`, gz) : undefined,
            ]);
          }),
      );
    },
  };
}

/**
 * Adds `<link rel="modulepreload">` to index.html for the chunks of the given modules (paths under client/src,
 * e.g. `routes/wallet/WalletPage.tsx`) and the chunks they import statically. A signed-in visit needs the
 * dashboard and the Overview: preloaded, they download alongside the entry instead of in a second round trip
 * once the entry has run (their lazy imports then find them loaded). They stay separate chunks: the sign-in
 * page does not run them.
 */
export function preloadChunksOf(modules: readonly string[]): Plugin {
  return {
    name: 'spendwire:preload-chunks',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, context) {
        const bundle = context.bundle;
        if (bundle === undefined) return [];
        const chunks = Object.values(bundle).filter((file) => file.type === 'chunk');
        const entry = chunks.find((chunk) => chunk.isEntry);
        // What index.html loads already: the entry and its static imports (Vite links those itself).
        const loaded = new Set<string>();
        const closure = (fileName: string, into: Set<string>) => {
          if (into.has(fileName)) return;
          into.add(fileName);
          const chunk = chunks.find((candidate) => candidate.fileName === fileName);
          for (const imported of chunk?.imports ?? []) closure(imported, into);
        };
        if (entry) closure(entry.fileName, loaded);
        const wanted = new Set<string>();
        for (const module of modules) {
          const chunk = chunks.find((candidate) => candidate.facadeModuleId?.endsWith(`/client/src/${module}`));
          if (chunk === undefined) throw new Error(`preloadChunksOf: no chunk for client/src/${module}`);
          closure(chunk.fileName, wanted);
        }
        const preloads = [...wanted].filter((fileName) => !loaded.has(fileName));
        // Their styles too: a lazy import waits for its chunk's CSS, which would otherwise be asked for only then.
        const styles = new Set<string>();
        for (const fileName of preloads) {
          const chunk = chunks.find((candidate) => candidate.fileName === fileName);
          for (const css of chunk?.viteMetadata?.importedCss ?? []) styles.add(css);
        }
        return [
          ...preloads.map((fileName) => ({
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: true, href: `/${fileName}` },
            injectTo: 'head' as const,
          })),
          ...[...styles].map((fileName) => ({
            tag: 'link',
            attrs: { rel: 'preload', as: 'style', href: `/${fileName}` },
            injectTo: 'head' as const,
          })),
        ];
      },
    },
  };
}

/** Options of {@link bootRequest}. */
export interface BootRequestOptions {
  /** The generated document's export in client/src/gql/graphql.ts, e.g. `BootDocument`. */
  documentName: string;
  /** The `operationName` sent, e.g. `Boot`. */
  operationName: string;
  /** The property of `window` that receives the promise (client/src/apollo/boot.ts reads it). */
  globalName: string;
  /** Where the GraphQL endpoint is. @default '/graphql' */
  endpoint?: string;
}

/**
 * The boot document's text as index.html sends it: the generated document (its fragments included) with
 * `__typename` on every object, as the Apollo cache writes it, and no insignificant characters.
 */
export function bootQueryText(documentName: string, dir = GENERATED_DIR): string {
  const json = readGeneratedDocuments(dir).jsonOfName.get(documentName);
  if (json === undefined) throw new Error(`bootRequest: no ${documentName} in client/src/gql/graphql.ts: run \`npm run codegen\``);
  return stripIgnoredCharacters(print(addTypenameToDocument(JSON.parse(json) as DocumentNode)));
}

/**
 * Adds an inline script to index.html's head that POSTs the boot query to the GraphQL endpoint with the
 * page's cookies as soon as the page is parsed, and leaves `window[globalName]` a promise of
 * `{ status, bodyText }` (null if the request failed). The dashboard's script, which arrives later on a
 * slow link, reads the answer instead of asking then (client/src/apollo/boot.ts). The script is the same
 * for every visitor and holds nothing of theirs; without a session the answer is UNAUTHENTICATED.
 */
export function bootRequest(options: BootRequestOptions): Plugin {
  return {
    name: 'spendwire:boot-request',
    transformIndexHtml: {
      order: 'pre',
      handler() {
        const body = JSON.stringify({ operationName: options.operationName, variables: {}, query: bootQueryText(options.documentName) });
        const request = JSON.stringify({
          method: 'POST',
          credentials: 'same-origin',
          headers: { 'content-type': 'application/json', accept: 'application/json' },
          body,
        });
        const script =
          `window[${JSON.stringify(options.globalName)}]=fetch(${JSON.stringify(options.endpoint ?? '/graphql')},${request})` +
          '.then(function(r){return r.text().then(function(t){return{status:r.status,bodyText:t}})})' +
          '.catch(function(){return null});';
        // "</" cannot occur (JSON of a GraphQL document), so the script cannot end early.
        if (script.includes('</')) throw new Error('bootRequest: the inline script would contain "</"');
        return [{ tag: 'script', children: script, injectTo: 'head-prepend' as const }];
      },
    },
  };
}
