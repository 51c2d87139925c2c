// Goal: schema/schema.graphql, the contract the client is generated from, is never stale.
// Method: build the schema from the resolvers and compare it with the committed file byte for byte.
import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSchema, printSchemaFile } from '../../server/graphql/schema.js';

describe('schema/schema.graphql', () => {
  it('matches the schema the server builds (run `npm run schema:emit` after changing it)', async () => {
    const committed = await fs.readFile(path.resolve('schema/schema.graphql'), 'utf8');
    expect(printSchemaFile(await createSchema())).toBe(committed);
  });

  it('carries no JS number type on a money field', async () => {
    const committed = await fs.readFile(path.resolve('schema/schema.graphql'), 'utf8');
    for (const field of ['balance', 'reserved', 'available', 'amount', 'balanceBefore', 'balanceAfter']) {
      const declarations = [...committed.matchAll(new RegExp(`^\\s+${field}: (\\w+)`, 'gm'))].map((match) => match[1]);
      expect(declarations.length).toBeGreaterThan(0);
      expect(new Set(declarations)).toEqual(new Set(['Money']));
    }
  });
});
