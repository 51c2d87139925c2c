import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { OperationTypeNode } from 'graphql';
import { tap } from 'rxjs';
import { hasUnauthenticatedError } from '../utils/auth-response.js';
import { requestFailureOf } from './request-failure.js';

/** Options of {@link createApolloClient}. */
export interface CreateApolloClientOptions {
  /** The GraphQL endpoint. @default '/graphql' (same origin; `npx vite` proxies it to the server) */
  uri?: string;
  /**
   * Returns the API key to send as `Authorization: Bearer <key>`, or null to send none: the
   * request then rides on the session cookie, which the browser sends by itself on same-origin
   * requests. Called for every request, so a key entered or forgotten later applies from the next
   * request on.
   */
  getApiKey: () => string | null;
  /**
   * Called when a request sent without an API key (the session cookie's) is answered
   * UNAUTHENTICATED: the session has ended (signed out elsewhere, expired). Not called for
   * requests that carried a key: a refused key is shown where it was used.
   */
  onSessionRejected?: () => void;
  /**
   * Terminating link for subscriptions: the live socket's (apollo/live-socket.ts), which carries
   * the credential its own way. Without it, subscriptions go to the HTTP link, which cannot serve them.
   */
  subscriptionLink?: ApolloLink;
  /** The fetch to send requests with; tests pass a fake. @default globalThis.fetch */
  fetch?: typeof fetch;
}

/** True when a response (a result with `errors`, or an error Apollo raised) says the caller is not authenticated. */
function isUnauthenticated(outcome: { result?: unknown; error?: unknown }): boolean {
  if ('result' in outcome) return hasUnauthenticatedError(outcome.result);
  const failure = requestFailureOf(outcome.error);
  return (failure.kind === 'graphql' && failure.code === 'UNAUTHENTICATED') || (failure.kind === 'http' && failure.statusCode === 401);
}

/**
 * The dashboard's Apollo Client: queries and mutations go over HTTP with the API key added per
 * request (or nothing added: the session cookie), subscriptions over the WebSocket link.
 */
export function createApolloClient(options: CreateApolloClientOptions): ApolloClient {
  const authLink = new ApolloLink((operation, forward) => {
    // Read once per request, so the header and the verdict on an UNAUTHENTICATED answer agree.
    const apiKey = options.getApiKey();
    if (apiKey !== null) {
      operation.setContext(({ headers }: { headers?: Record<string, string> }) => ({
        headers: { ...headers, authorization: `Bearer ${apiKey}` },
      }));
      return forward(operation);
    }
    return forward(operation).pipe(
      tap({
        next: (result) => {
          if (isUnauthenticated({ result })) options.onSessionRejected?.();
        },
        error: (error: unknown) => {
          if (isUnauthenticated({ error })) options.onSessionRejected?.();
        },
      }),
    );
  });
  const httpLink = ApolloLink.from([
    authLink,
    new HttpLink({ uri: options.uri ?? '/graphql', credentials: 'same-origin', fetch: options.fetch }),
  ]);
  const link = options.subscriptionLink
    ? ApolloLink.split((operation) => operation.operationType === OperationTypeNode.SUBSCRIPTION, options.subscriptionLink, httpLink)
    : httpLink;
  // AutoRecharge has no id of its own: it is the wallet's, so the Overview's live feed and Settings share one copy.
  return new ApolloClient({ link, cache: new InMemoryCache({ typePolicies: { AutoRecharge: { keyFields: ['walletId'] } } }) });
}
