// Goal: in session mode the dashboard's GraphQL requests carry no Authorization header (the cookie speaks for them) and an UNAUTHENTICATED answer ends the session, while API-key requests carry the key and never end a session; method: the real Apollo Client over a fake fetch that records headers and answers as Apollo Server does (401 with a GraphQL error body, in both content types).
import { gql } from '@apollo/client';
import { describe, expect, it } from 'vitest';
import { createApolloClient } from '../../../client/src/apollo/client.js';

const ME = gql`
  query Me {
    me {
      role
    }
  }
`;

const UNAUTHENTICATED_BODY = {
  errors: [{ message: 'The session is unknown or has ended: sign in again', extensions: { code: 'UNAUTHENTICATED' } }],
};

function fakeFetch(status: number, body: unknown, contentType = 'application/json') {
  const headers: Record<string, string>[] = [];
  const fetch = (async (_input: string | URL | Request, init?: RequestInit) => {
    headers.push(Object.fromEntries(new Headers(init?.headers).entries()));
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': contentType } });
  }) as typeof globalThis.fetch;
  return { headers, fetch };
}

describe('Apollo client: session and API key', () => {
  it('sends no Authorization header without a key, and the key as a Bearer with one', async () => {
    const { headers, fetch } = fakeFetch(200, { data: { me: { __typename: 'Principal', role: 'OWNER' } } });
    let apiKey: string | null = null;
    const client = createApolloClient({ getApiKey: () => apiKey, fetch, uri: 'http://test/graphql' });
    await client.query({ query: ME, fetchPolicy: 'network-only' });
    apiKey = 'sw_key1';
    await client.query({ query: ME, fetchPolicy: 'network-only' });
    expect(headers[0]).not.toHaveProperty('authorization');
    expect(headers[1]).toMatchObject({ authorization: 'Bearer sw_key1' });
  });

  for (const contentType of ['application/json', 'application/graphql-response+json']) {
    it(`ends the session when a cookie request is answered 401 UNAUTHENTICATED (${contentType})`, async () => {
      const { fetch } = fakeFetch(401, UNAUTHENTICATED_BODY, contentType);
      let rejected = 0;
      const client = createApolloClient({ getApiKey: () => null, fetch, uri: 'http://test/graphql', onSessionRejected: () => rejected++ });
      await expect(client.query({ query: ME, fetchPolicy: 'network-only' })).rejects.toThrow();
      expect(rejected).toBe(1);
    });
  }

  it('does not end a session when a request with a key is refused, nor on other errors', async () => {
    let rejected = 0;
    const refusedKey = fakeFetch(401, UNAUTHENTICATED_BODY);
    const withKey = createApolloClient({
      getApiKey: () => 'sw_revoked',
      fetch: refusedKey.fetch,
      uri: 'http://test/graphql',
      onSessionRejected: () => rejected++,
    });
    await expect(withKey.query({ query: ME, fetchPolicy: 'network-only' })).rejects.toThrow();

    const forbidden = fakeFetch(200, { data: null, errors: [{ message: 'No', extensions: { code: 'FORBIDDEN' } }] });
    const session = createApolloClient({
      getApiKey: () => null,
      fetch: forbidden.fetch,
      uri: 'http://test/graphql',
      onSessionRejected: () => rejected++,
    });
    await expect(session.query({ query: ME, fetchPolicy: 'network-only' })).rejects.toThrow();
    expect(rejected).toBe(0);
  });
});
