// Goal: every GraphQL document the dashboard sends passes the default query limits with room to spare, so a future dashboard query that breaks one fails here; method: import every client/src module holding a document, and run each operation through the very parse options, validation rules and cost function the server uses, with every `first` variable at its page maximum.
import fs from 'node:fs/promises';
import path from 'node:path';
import {
  buildSchema,
  getIntrospectionQuery,
  Kind,
  Lexer,
  parse,
  print,
  Source,
  TokenKind,
  validate,
  visit,
  type DocumentNode,
  type GraphQLSchema,
} from 'graphql';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.js';
import { queryCost, queryParseOptions, queryValidationRules } from '../../server/graphql/query-limits.js';

const config = loadConfig({});
const CLIENT_SOURCE_DIR = path.resolve('client/src');

/** Every operation the dashboard sends, by operation name, reparsed by the test's graphql copy. */
const operations = new Map<string, DocumentNode>();
let schema: GraphQLSchema;
/** Files under client/src holding a `graphql(\`` document (each must give at least one document). */
let documentFiles: string[];

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  const files = await Promise.all(
    entries.map((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return sourceFiles(full);
      return Promise.resolve(/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [full] : []);
    }),
  );
  return files.flat();
}

/** Whether a module export is a GraphQL document: a gql DocumentNode, or a string that parses as an operation. */
function documentOf(value: unknown): DocumentNode | undefined {
  if (typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === Kind.DOCUMENT)
    return parse(print(value as DocumentNode));
  if (typeof value === 'string' && /^\s*(query|mutation|subscription)\b/.test(value)) return parse(value);
  return undefined;
}

beforeAll(async () => {
  schema = buildSchema(await fs.readFile(path.resolve('schema/schema.graphql'), 'utf8'));
  documentFiles = [];
  for (const file of await sourceFiles(CLIENT_SOURCE_DIR)) {
    const text = await fs.readFile(file, 'utf8');
    const holdsDocument = !file.startsWith(path.join(CLIENT_SOURCE_DIR, 'gql')) && text.includes('graphql(`');
    // Only modules that may hold a document are imported (main.tsx, for one, needs a browser).
    if (!holdsDocument && !/[`'"]\s*(query|mutation|subscription)\s+[A-Z]/.test(text)) continue;
    const module = (await import(file)) as Record<string, unknown>;
    let found = 0;
    for (const value of Object.values(module)) {
      const document = documentOf(value);
      if (!document) continue;
      found += 1;
      for (const definition of document.definitions) {
        if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
        const name = definition.name?.value;
        if (!name) throw new Error(`${path.relative(CLIENT_SOURCE_DIR, file)}: an operation without a name`);
        operations.set(name, {
          ...document,
          definitions: document.definitions.filter((other) => other.kind !== Kind.OPERATION_DEFINITION || other === definition),
        });
      }
    }
    if (holdsDocument) {
      documentFiles.push(file);
      if (found === 0)
        throw new Error(
          `${path.relative(CLIENT_SOURCE_DIR, file)} holds graphql(\` but exports no document: export it so this test sees it`,
        );
    }
  }
}, 120_000);

/** Token count as graphql's parser counts it for `maxTokens` (comments and EOF excluded). */
function tokenCount(text: string): number {
  const lexer = new Lexer(new Source(text));
  let count = 0;
  while (lexer.advance().kind !== TokenKind.EOF) count += 1;
  return count;
}

/** Variables the dashboard could send at worst: every variable given as a `first` at its page maximum (100). */
function worstVariables(document: DocumentNode): Record<string, unknown> {
  const variables: Record<string, unknown> = {};
  visit(document, {
    Argument(node) {
      if (node.name.value === 'first' && node.value.kind === Kind.VARIABLE) variables[node.value.name.value] = 100;
    },
  });
  return variables;
}

interface Measure {
  cost: number;
  aliases: number;
  depth: number;
  tokens: number;
  directives: number;
}

/** The figures of each limit for one operation, with the same counting as the server's rules. */
function measure(document: DocumentNode): Measure {
  const figures: Partial<Measure> = {};
  const capture = (key: keyof Measure) => ({
    n: Number.MAX_SAFE_INTEGER,
    onAccept: [(_context: unknown, details: { n: number }) => (figures[key] = details.n)],
  });
  const errors = validate(schema, document, [
    maxAliasesRule(capture('aliases')) as never,
    maxDepthRule(capture('depth')) as never,
    maxDirectivesRule(capture('directives')) as never,
  ]);
  if (errors.length > 0) throw new Error(errors.map((error) => error.message).join('; '));
  return {
    cost: queryCost(schema, document, undefined, worstVariables(document), config),
    aliases: figures.aliases!,
    depth: figures.depth!,
    tokens: tokenCount(print(document)),
    directives: figures.directives!,
  };
}

describe('the dashboard documents under the default query limits', () => {
  it('finds the dashboard documents (graphql() in client/src and the exported operation strings)', () => {
    expect(documentFiles.length).toBeGreaterThan(30);
    expect(operations.size).toBeGreaterThan(30);
    expect([...operations.keys()]).toEqual(expect.arrayContaining(['OverviewWalletUpdated', 'SessionCheck', 'BalanceChanged']));
  });

  it('every operation parses with the token limit and validates with the server rules', () => {
    const rules = queryValidationRules(config);
    for (const [name, document] of operations) {
      const text = print(document);
      expect(() => parse(text, queryParseOptions(config)), name).not.toThrow();
      expect(validate(schema, document, rules).map((error) => `${name}: ${error.message}`)).toEqual([]);
    }
  });

  it('every operation stays within each limit, and the biggest figures are printed', () => {
    const largest: Record<keyof Measure, { value: number; name: string }> = {
      cost: { value: 0, name: '' },
      aliases: { value: 0, name: '' },
      depth: { value: 0, name: '' },
      tokens: { value: 0, name: '' },
      directives: { value: 0, name: '' },
    };
    for (const [name, document] of operations) {
      const figures = measure(document);
      for (const key of Object.keys(largest) as (keyof Measure)[]) {
        if (figures[key] > largest[key].value) largest[key] = { value: figures[key], name };
      }
    }
    console.log(`Dashboard operations: ${operations.size}; largest figures (limit):`);
    const limits: Record<keyof Measure, number> = {
      cost: config.queryCostMax,
      aliases: config.queryAliasesMax,
      depth: config.queryDepthMax,
      tokens: config.queryTokensMax,
      directives: config.queryDirectivesMax,
    };
    for (const key of Object.keys(largest) as (keyof Measure)[]) {
      console.log(`  ${key}: ${largest[key].value} (${largest[key].name || '-'}), limit ${limits[key]}`);
    }
    for (const key of Object.keys(largest) as (keyof Measure)[]) {
      expect(largest[key].value, `${key} of ${largest[key].name}`).toBeLessThanOrEqual(limits[key]);
    }
  });

  it("the standard introspection query passes every limit (integrators' tooling)", () => {
    const document = parse(
      getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, inputValueDeprecation: true }),
    );
    const figures = measure(document);
    console.log(`Standard introspection query: ${JSON.stringify(figures)}`);
    expect(() => parse(print(document), queryParseOptions(config))).not.toThrow();
    expect(validate(schema, document, queryValidationRules(config))).toEqual([]);
    expect(figures.cost).toBeLessThanOrEqual(config.queryCostMax);
  });
});
