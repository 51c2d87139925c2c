// Goal: client/src/gql/ is never stale against schema/schema.graphql and the client's documents, and keeps the schema's enum order; method: run GraphQL Code Generator with the committed codegen.ts into memory and compare with the committed files byte for byte.
import fs from 'node:fs/promises';
import path from 'node:path';
import { generate } from '@graphql-codegen/cli';
import { beforeAll, describe, expect, it } from 'vitest';
import config from '../../../codegen.js';
import { TopUpStatus, TransactionKind } from '../../../client/src/gql/graphql.js';

const GENERATED_DIR = 'client/src/gql';

/** What `npm run codegen` would write, by path relative to the repository root. */
let generated: Map<string, string>;

beforeAll(async () => {
  const files = (await generate({ ...config, silent: true, verbose: false }, false)) as { filename: string; content: string }[];
  generated = new Map(files.map((file) => [path.normalize(file.filename), file.content]));
}, 120_000);

describe('client/src/gql/', () => {
  it('holds exactly the files the generator writes', async () => {
    const committed = (await fs.readdir(GENERATED_DIR)).map((name) => path.join(GENERATED_DIR, name)).sort();
    expect([...generated.keys()].sort()).toEqual(committed);
  });

  it('matches what the schema and the documents generate (run `npm run codegen` after changing either)', async () => {
    for (const [file, content] of generated) expect(content, file).toBe(await fs.readFile(file, 'utf8'));
  });

  it('types every document the client holds', () => {
    const graphqlTypes = generated.get(path.join(GENERATED_DIR, 'graphql.ts')) ?? '';
    for (const name of [
      'MeQuery',
      'WalletTransactionsQueryVariables',
      'TopUpMutation',
      'OverviewWalletUpdatedSubscription',
      'TransactionRowFieldsFragment',
    ]) {
      expect(graphqlTypes).toMatch(new RegExp(`export type ${name} = `));
    }
  });

  it('lists enum values in schema order', () => {
    expect(Object.values(TransactionKind).slice(0, 5)).toEqual(['TOP_UP', 'CHARGE', 'ADJUSTMENT', 'REFUND', 'GRANT']);
    expect(Object.values(TopUpStatus)).toEqual([
      'REQUIRES_PAYMENT_METHOD',
      'REQUIRES_ACTION',
      'PROCESSING',
      'SUCCEEDED',
      'FAILED',
      'CANCELED',
    ]);
  });
});
