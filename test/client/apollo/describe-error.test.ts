// Goal: every way a dashboard request fails shows a sentence and the server's extensions.code; method: feed Apollo Client 4's own error classes, built as its HTTP link builds them, to describeError.
import { CombinedGraphQLErrors, ServerError, ServerParseError } from '@apollo/client/errors';
import { describe, expect, it } from 'vitest';
import { describeError } from '../../../client/src/apollo/describe-error.js';

function graphQLErrors(...errors: { message: string; extensions?: Record<string, unknown> }[]) {
  return new CombinedGraphQLErrors({ data: null, errors });
}

function response(status: number, contentType: string): Response {
  return new Response(null, { status, headers: { 'content-type': contentType } });
}

describe('describeError', () => {
  it('explains UNAUTHENTICATED and keeps the server message as detail', () => {
    const error = graphQLErrors({ message: 'The API key is unknown or revoked', extensions: { code: 'UNAUTHENTICATED' } });
    expect(describeError(error)).toEqual({
      code: 'UNAUTHENTICATED',
      summary: 'This API key is unknown or revoked.',
      detail: 'The API key is unknown or revoked',
    });
  });

  it.each(['FORBIDDEN', 'NOT_FOUND', 'BAD_USER_INPUT', 'INTERNAL_SERVER_ERROR'])('has a sentence for %s', (code) => {
    const description = describeError(graphQLErrors({ message: 'server says', extensions: { code } }));
    expect(description.code).toBe(code);
    expect(description.summary).not.toBe('server says');
    expect(description.detail).toBe('server says');
  });

  it('shows the message of an unknown code as the summary, with the code', () => {
    const error = graphQLErrors({ message: 'Idempotency key "a" was already used', extensions: { code: 'IDEMPOTENCY_KEY_REUSED' } });
    expect(describeError(error)).toEqual({ code: 'IDEMPOTENCY_KEY_REUSED', summary: 'Idempotency key "a" was already used', detail: null });
  });

  it('describes the first of several errors, and errors without a code', () => {
    const error = graphQLErrors({ message: 'first' }, { message: 'second', extensions: { code: 'NOT_FOUND' } });
    expect(describeError(error)).toEqual({ code: null, summary: 'first', detail: null });
  });

  it('reads the GraphQL error out of a non-2xx application/json body', () => {
    const body = JSON.stringify({ errors: [{ message: 'The API key is unknown or revoked', extensions: { code: 'UNAUTHENTICATED' } }] });
    const error = new ServerError('Response not successful: Received status code 401', {
      response: response(401, 'application/json'),
      bodyText: body,
    });
    expect(describeError(error).code).toBe('UNAUTHENTICATED');
    expect(describeError(error).summary).toBe('This API key is unknown or revoked.');
  });

  it('reports the HTTP status when the body has no GraphQL error', () => {
    const error = new ServerError('Response not successful: Received status code 502', {
      response: response(502, 'text/html'),
      bodyText: '<h1>Bad gateway</h1>',
    });
    expect(describeError(error)).toEqual({
      code: 'HTTP 502',
      summary: 'The server answered with an error.',
      detail: 'Response not successful: Received status code 502',
    });
  });

  it('reports a body that is not JSON', () => {
    const error = new ServerParseError(new SyntaxError('Unexpected token <'), {
      response: response(200, 'application/json'),
      bodyText: '<html>',
    });
    expect(describeError(error).summary).toBe('The server sent a response that is not GraphQL.');
    expect(describeError(error).code).toBeNull();
  });

  it('reports a failed fetch as the server being unreachable', () => {
    expect(describeError(new TypeError('Failed to fetch'))).toEqual({
      code: null,
      summary: 'Cannot reach the server. Check the connection and try again.',
      detail: 'Failed to fetch',
    });
    expect(describeError('weird').detail).toBe('weird');
  });
});
