import fs from 'node:fs';
import type { CodegenConfig } from '@graphql-codegen/cli';
import { buildSchema } from 'graphql';

/**
 * GraphQL Code Generator's configuration (`npm run codegen`): the client preset reads every `graphql(...)`
 * document under client/src against the committed contract (schema/schema.graphql) and writes client/src/gql/,
 * whose `graphql()` returns each document typed with exactly the fields it selects. The output is committed;
 * test/client/gql/generated-files.test.ts fails when it is stale.
 */
const config: CodegenConfig = {
  // Given built, not as a path: the loader would sort a path's schema alphabetically, and enum values must keep
  // the schema's order (the transaction filters list them so). Documents are still sorted by file path.
  schema: buildSchema(fs.readFileSync('schema/schema.graphql', 'utf8')),
  documents: ['client/src/**/*.{ts,tsx}', '!client/src/gql/**'],
  ignoreNoDocuments: false,
  // `.js` on relative imports: server tests import client modules under NodeNext resolution.
  emitLegacyCommonJSImports: false,
  generates: {
    'client/src/gql/': {
      preset: 'client',
      // Components receive the fields their fragments select directly; Apollo's cache is normalised either way.
      presetConfig: { fragmentMasking: false },
      config: {
        // Money is a decimal string (utils/money.ts parses it), DateTime an RFC 3339 string at UTC.
        scalars: { ID: 'string', Money: 'string', DateTime: 'string' },
        strictScalars: true,
        // Enums as `as const` objects: their values are listed at run time, in schema order.
        enumType: 'const',
        useTypeImports: true,
        skipTypename: true,
      },
    },
  },
};

export default config;
