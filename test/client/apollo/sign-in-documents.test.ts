// Goal: the GraphQL documents of sign-in and teams (the load-time session check, inviteUser) are valid against the committed contract (schema/schema.graphql), so a renamed field fails here, not in a browser; method: graphql-js validate on each document.
import fs from 'node:fs/promises';
import path from 'node:path';
import { buildSchema, parse, print, validate, type DocumentNode, type GraphQLSchema } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { SESSION_CHECK_QUERY } from '../../../client/src/apollo/auth-requests.js';
import { INVITE_USER_MUTATION } from '../../../client/src/routes/wallet/hooks/useInviteUserMutation.js';

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = buildSchema(await fs.readFile(path.resolve('schema/schema.graphql'), 'utf8'));
});

const DOCUMENTS: Record<string, DocumentNode> = {
  SessionCheck: parse(SESSION_CHECK_QUERY),
  InviteUser: INVITE_USER_MUTATION,
};

describe('sign-in documents', () => {
  it.each(Object.entries(DOCUMENTS))('%s is valid against schema/schema.graphql', (name, document) => {
    // Printed and parsed again by the same graphql copy as the schema, whichever copy gql used.
    const reparsed = parse(print(document));
    expect(validate(schema, reparsed).map((error) => error.message)).toEqual([]);
    expect(reparsed.definitions.some((definition) => definition.kind === 'OperationDefinition' && definition.name?.value === name)).toBe(
      true,
    );
  });

  it('the session check asks for the user’s every field the page reads', () => {
    for (const field of ['id', 'accountId', 'email', 'name', 'role'])
      expect(SESSION_CHECK_QUERY).toMatch(new RegExp(`user \\{[^}]*\\b${field}\\b`));
  });
});
