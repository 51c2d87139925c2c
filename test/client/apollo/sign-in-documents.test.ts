// Goal: the GraphQL documents of sign-in and the Team page (the load-time session check, the team list, invite, resend, revoke, role change, removal) are valid against the committed contract (schema/schema.graphql), so a renamed field fails here, not in a browser; method: graphql-js validate on each document.
import fs from 'node:fs/promises';
import path from 'node:path';
import { buildSchema, parse, print, validate, type DocumentNode, type GraphQLSchema } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { SESSION_CHECK_QUERY } from '../../../client/src/apollo/auth-requests.js';
import { CHANGE_MEMBER_ROLE_MUTATION } from '../../../client/src/routes/team/hooks/useChangeMemberRoleMutation.js';
import { INVITE_USER_MUTATION } from '../../../client/src/routes/team/hooks/useInviteUserMutation.js';
import { REMOVE_MEMBER_MUTATION } from '../../../client/src/routes/team/hooks/useRemoveMemberMutation.js';
import { RESEND_INVITATION_MUTATION } from '../../../client/src/routes/team/hooks/useResendInvitationMutation.js';
import { REVOKE_INVITATION_MUTATION } from '../../../client/src/routes/team/hooks/useRevokeInvitationMutation.js';
import { TEAM_QUERY } from '../../../client/src/routes/team/hooks/useTeam.js';

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = buildSchema(await fs.readFile(path.resolve('schema/schema.graphql'), 'utf8'));
});

const DOCUMENTS: Record<string, DocumentNode> = {
  SessionCheck: parse(SESSION_CHECK_QUERY),
  InviteUser: INVITE_USER_MUTATION,
  Team: TEAM_QUERY,
  ResendInvitation: RESEND_INVITATION_MUTATION,
  RevokeInvitation: REVOKE_INVITATION_MUTATION,
  ChangeMemberRole: CHANGE_MEMBER_ROLE_MUTATION,
  RemoveMember: REMOVE_MEMBER_MUTATION,
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
