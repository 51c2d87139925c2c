// Goal: every GraphQL document of the top-up checkout is valid against the committed contract (schema/schema.graphql), so a renamed field fails here, not in a browser; method: graphql-js validate on each document.
import fs from 'node:fs/promises';
import path from 'node:path';
import { buildSchema, parse, print, validate, type DocumentNode, type GraphQLSchema } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { PAYMENTS_CONFIG_QUERY } from '../../../client/src/hooks/usePaymentsConfig.js';
import { REFRESH_TOP_UP_MUTATION } from '../../../client/src/routes/wallet/hooks/useRefreshTopUpMutation.js';
import { PAYMENT_METHODS_QUERY } from '../../../client/src/hooks/useSavedCards.js';
import { TOP_UP_MUTATION } from '../../../client/src/routes/wallet/hooks/useTopUpMutation.js';
import { QUOTE_TOP_UP_QUERY } from '../../../client/src/routes/wallet/hooks/useTopUpQuote.js';

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = buildSchema(await fs.readFile(path.resolve('schema/schema.graphql'), 'utf8'));
});

const DOCUMENTS: Record<string, DocumentNode> = {
  PaymentsConfig: PAYMENTS_CONFIG_QUERY,
  QuoteTopUp: QUOTE_TOP_UP_QUERY,
  PaymentMethods: PAYMENT_METHODS_QUERY,
  TopUp: TOP_UP_MUTATION,
  RefreshTopUp: REFRESH_TOP_UP_MUTATION,
};

describe('top-up documents', () => {
  it.each(Object.entries(DOCUMENTS))('%s is valid against schema/schema.graphql', (name, document) => {
    // Printed and parsed again by the same graphql copy as the schema, whichever copy gql used.
    const reparsed = parse(print(document));
    expect(validate(schema, reparsed).map((error) => error.message)).toEqual([]);
    expect(reparsed.definitions.some((definition) => definition.kind === 'OperationDefinition' && definition.name?.value === name)).toBe(
      true,
    );
  });

  it('would catch a field the schema does not have', () => {
    const broken = parse(print(QUOTE_TOP_UP_QUERY).replace('taxLabel', 'taxLabelx'));
    const messages = validate(schema, broken).map((error) => error.message);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/^Cannot query field "taxLabelx" on type "TopUpQuote"/);
  });
});
