// Goal: the query cost counts what a document may make the server resolve (rows of paged fields, fragments where spread) and stays cheap to compute on hostile documents; method: queryCost on the committed schema with hand-counted documents.
import fs from 'node:fs/promises';
import path from 'node:path';
import { buildSchema, parse, type GraphQLSchema } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.js';
import { queryCost, queryCostError } from '../../server/graphql/query-limits.js';

const config = loadConfig({});
let schema: GraphQLSchema;
beforeAll(async () => {
  schema = buildSchema(await fs.readFile(path.resolve('schema/schema.graphql'), 'utf8'));
});

const cost = (query: string, variables?: Record<string, unknown>) => queryCost(schema, parse(query), undefined, variables, config);

describe('queryCost', () => {
  it("counts a connection's rows on its edges, not on pageInfo", () => {
    // wallet 1 + transactions 1 + pageInfo (1 + 1) + edges (1 + 10 × (node 1 + id 1)) = 25
    expect(cost('{ wallet(id: "w") { transactions(first: 10) { pageInfo { hasNextPage } edges { node { id } } } } }')).toBe(25);
  });

  it('counts a list with first by its rows', () => {
    // wallet 1 + topUps (1 + 4 × (id 1 + status 1)) = 10
    expect(cost('{ wallet(id: "w") { topUps(first: 4) { id status } } }')).toBe(10);
  });

  it('reads first from variables, then their defaults, then the page-size default', () => {
    const query = 'query($n: Int = 7) { wallet(id: "w") { transactions(first: $n) { edges { node { id } } } } }';
    expect(cost(query, { n: 3 })).toBe(3 + 3 * 2);
    expect(cost(query)).toBe(3 + 7 * 2);
    expect(cost('{ wallet(id: "w") { transactions { edges { node { id } } } } }')).toBe(3 + config.transactionsPageSizeDefault * 2);
  });

  it('counts a first above the largest page as the largest page (it is refused BAD_USER_INPUT unread)', () => {
    expect(cost('{ wallet(id: "w") { transactions(first: 100000) { edges { node { id } } } } }')).toBe(3 + 100 * 2);
  });

  it('counts fragments and inline fragments where they are spread', () => {
    const spread = '{ wallet(id: "w") { ...F ...F } } fragment F on Wallet { id balance }';
    expect(cost(spread)).toBe(1 + 2 + 2);
    expect(cost('{ wallet(id: "w") { ... on Wallet { id balance } } }')).toBe(3);
  });

  it('computes a chain of fragments each spread twice at once, and refuses it', () => {
    // 40 fragments, each spreading the next twice: 2^40 leaves, counted without walking them.
    const fragments = Array.from({ length: 40 }, (_, index) => `fragment F${index} on Wallet { ...F${index + 1} ...F${index + 1} }`);
    const document = `{ wallet(id: "w") { ...F0 } } ${fragments.join(' ')} fragment F40 on Wallet { id }`;
    expect(cost(document)).toBe(1 + 2 ** 40);
    expect(queryCostError(schema, parse(document), undefined, undefined, config)?.extensions).toMatchObject({
      code: 'QUERY_TOO_COMPLEX',
      limit: 'queryCostMax',
    });
  });
});
