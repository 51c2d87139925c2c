// Goal: the WebSocket document cache keeps at most socketDocumentCacheEntriesMax texts, evicting the least
// recently used, and an operation served from it is checked like a fresh one (cost with its own variables,
// the same errors). Method: the cache alone, then prepareSocketOperation with a real schema.
import { buildSchema, parse, type DocumentNode, type GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.js';
import { prepareSocketOperation, queryValidationRules } from '../../server/graphql/query-limits.js';
import { ValidatedDocuments } from '../../server/graphql/validated-documents.js';

const documentOf = (text: string): DocumentNode => parse(text);

describe('ValidatedDocuments', () => {
  it('keeps N texts and evicts the least recently used on the N+1st', () => {
    const max = loadConfig({}).socketDocumentCacheEntriesMax;
    const cache = new ValidatedDocuments(max);
    for (let index = 0; index < max; index++) cache.set(`{ a${index} }`, documentOf(`{ a${index} }`));
    expect(cache.size).toBe(max);
    // Using the oldest makes the second oldest the least recently used.
    expect(cache.get('{ a0 }')).toBeDefined();
    cache.set('{ extra }', documentOf('{ extra }'));
    expect(cache.size).toBe(max);
    expect(cache.get('{ a0 }')).toBeDefined();
    expect(cache.get('{ a1 }')).toBeUndefined();
    expect(cache.get('{ extra }')).toBeDefined();
  });

  it('keeps nothing at 0', () => {
    const cache = new ValidatedDocuments(0);
    cache.set('{ a }', documentOf('{ a }'));
    expect(cache.size).toBe(0);
  });
});

describe('prepareSocketOperation with the cache', () => {
  const schema = buildSchema('type Query { items(first: Int): [Item] } type Item { id: ID }');
  const config = loadConfig({});
  const rules = queryValidationRules(config);
  const query = 'query($first: Int) { items(first: $first) { id } }';

  it('shares one document between operations of the same text', () => {
    const cache = new ValidatedDocuments(10);
    const first = prepareSocketOperation(schema, rules, config, { query, variables: { first: 1 } }, cache);
    const second = prepareSocketOperation(schema, rules, config, { query, variables: { first: 2 } }, cache);
    expect(Array.isArray(first) || Array.isArray(second)).toBe(false);
    expect((second as { document: DocumentNode }).document).toBe((first as { document: DocumentNode }).document);
    expect((second as { variableValues: unknown }).variableValues).toEqual({ first: 2 });
  });

  it('does not keep a document that failed validation: the next operation of that text fails the same way', () => {
    const cache = new ValidatedDocuments(10);
    const invalid = '{ items { name } }';
    const first = prepareSocketOperation(schema, rules, config, { query: invalid }, cache);
    const second = prepareSocketOperation(schema, rules, config, { query: invalid }, cache);
    expect(cache.size).toBe(0);
    for (const result of [first, second]) {
      expect(Array.isArray(result)).toBe(true);
      expect((result as readonly GraphQLError[])[0]!.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    }
  });

  it("still costs a cached document with each operation's own variables", () => {
    const cache = new ValidatedDocuments(10);
    const small = loadConfig({}, { queryCostMax: 10 });
    expect(Array.isArray(prepareSocketOperation(schema, rules, small, { query, variables: { first: 1 } }, cache))).toBe(false);
    const refused = prepareSocketOperation(schema, rules, small, { query, variables: { first: 50 } }, cache);
    expect(Array.isArray(refused) && (refused as readonly GraphQLError[])[0]!.extensions.limit).toBe('queryCostMax');
  });
});
