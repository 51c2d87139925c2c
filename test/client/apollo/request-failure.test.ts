// Goal: a failed top-up request is classified as the idempotency rule needs (no answer, HTTP status, GraphQL code) and the server's own words about the amount reach the field; method: Apollo Client 4's error classes, built as its HTTP link builds them.
import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import { describe, expect, it } from 'vitest';
import { fieldErrorOf, requestFailureOf } from '../../../client/src/apollo/request-failure.js';

function graphQLErrors(...errors: { message: string; extensions?: Record<string, unknown> }[]) {
  return new CombinedGraphQLErrors({ data: null, errors });
}

function serverError(status: number, bodyText: string) {
  return new ServerError('Response not successful', {
    response: new Response(null, { status, headers: { 'content-type': 'application/json' } }),
    bodyText,
  });
}

describe('requestFailureOf', () => {
  it('reads the code of GraphQL errors', () => {
    expect(requestFailureOf(graphQLErrors({ message: 'Stripe is unreachable', extensions: { code: 'PAYMENT_PROVIDER_ERROR' } }))).toEqual({
      kind: 'graphql',
      code: 'PAYMENT_PROVIDER_ERROR',
    });
    expect(requestFailureOf(graphQLErrors({ message: 'no code' }))).toEqual({ kind: 'graphql', code: null });
  });

  it('reads GraphQL errors in the body of a non-2xx answer, else its status', () => {
    const body = JSON.stringify({ errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
    expect(requestFailureOf(serverError(500, body))).toEqual({ kind: 'graphql', code: 'INTERNAL_SERVER_ERROR' });
    expect(requestFailureOf(serverError(502, '<html>Bad gateway</html>'))).toEqual({ kind: 'http', statusCode: 502 });
  });

  it('calls anything else a request without an answer', () => {
    expect(requestFailureOf(new TypeError('Failed to fetch'))).toEqual({ kind: 'network' });
    expect(requestFailureOf('offline')).toEqual({ kind: 'network' });
  });
});

describe('fieldErrorOf', () => {
  it('gives the server’s BAD_USER_INPUT message for the field', () => {
    const error = graphQLErrors({
      message: 'The minimum top-up is 10 USD, got 5',
      extensions: { code: 'BAD_USER_INPUT', field: 'amount' },
    });
    expect(fieldErrorOf(error, 'amount')).toBe('The minimum top-up is 10 USD, got 5');
  });

  it('is null for another field, another code, or no GraphQL error', () => {
    const other = graphQLErrors({ message: 'Unknown payment method', extensions: { code: 'BAD_USER_INPUT', field: 'paymentMethodId' } });
    expect(fieldErrorOf(other, 'amount')).toBeNull();
    expect(fieldErrorOf(graphQLErrors({ message: 'nope', extensions: { code: 'FORBIDDEN', field: 'amount' } }), 'amount')).toBeNull();
    expect(fieldErrorOf(new Error('offline'), 'amount')).toBeNull();
    expect(fieldErrorOf(null, 'amount')).toBeNull();
  });
});
