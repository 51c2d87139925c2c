// Goal: the Team page says why the server refused an action on an invitation or a member in the owner's words (by the stable code: the invitation's state, the last owner, the e-mail limit with its wait), and falls back to the server's message otherwise; method: the pure helpers with Apollo's real error classes.
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import type { GraphQLFormattedError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { teamActionErrorText, waitWords } from '../../../../client/src/routes/team/team.js';

function graphqlError(message: string, extensions: Record<string, unknown>): CombinedGraphQLErrors {
  const errors: GraphQLFormattedError[] = [{ message, extensions }];
  return new CombinedGraphQLErrors({ data: null, errors });
}

describe('teamActionErrorText', () => {
  it.each([
    ['ACCEPTED', 'This invitation was already accepted: the person is a member now.'],
    ['REVOKED', 'This invitation was already revoked.'],
    ['EXPIRED', 'This invitation has expired: invite the person again.'],
  ])('INVITATION_NOT_PENDING %s', (status, text) => {
    expect(teamActionErrorText(graphqlError('x', { code: 'INVITATION_NOT_PENDING', status, invitationId: 'i' }))).toBe(text);
  });

  it('LAST_OWNER and RATE_LIMITED with the wait', () => {
    expect(teamActionErrorText(graphqlError('x', { code: 'LAST_OWNER', accountId: 'a' }))).toBe(
      'This is the account’s last owner: make someone else an owner first.',
    );
    expect(
      teamActionErrorText(graphqlError('x', { code: 'RATE_LIMITED', limit: 'invitationMailsPerAccountMax', retryAfterSeconds: 3599 })),
    ).toBe('Too many invitation e-mails from this account for now: try again in 60 min.');
  });

  it("an unknown status or another code: the server's message", () => {
    expect(teamActionErrorText(graphqlError('Invitation is odd', { code: 'INVITATION_NOT_PENDING', status: 'LOST' }))).toBe(
      'Invitation is odd',
    );
    expect(teamActionErrorText(graphqlError('The server said no', { code: 'INVALID_STATE' }))).toBe('The server said no');
  });
});

describe('waitWords', () => {
  it('seconds, minutes, hours at their boundaries', () => {
    expect([waitWords(0), waitWords(59.2), waitWords(60), waitWords(5_399), waitWords(5_400), waitWords(7_201)]).toEqual([
      'in 1 s',
      'in 1 min',
      'in 1 min',
      'in 90 min',
      'in 2 h',
      'in 3 h',
    ]);
  });
});
