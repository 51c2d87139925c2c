import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { SetContextLink } from '@apollo/client/link/context';
import { OperationTypeNode } from 'graphql';

/** Options of {@link createApolloClient}. */
export interface CreateApolloClientOptions {
  /** The GraphQL endpoint. @default '/graphql' (same origin; `npx vite` proxies it to the server) */
  uri?: string;
  /**
   * Returns the API key to send as `Authorization: Bearer <key>`, or null to send none. Called
   * for every request, so a key entered or forgotten later applies from the next request on.
   */
  getApiKey: () => string | null;
  /**
   * Terminating link for subscriptions: the live socket's (apollo/live-socket.ts), which carries
   * the key in its own connectionParams. Without it, subscriptions go to the HTTP link, which
   * cannot serve them.
   */
  subscriptionLink?: ApolloLink;
}

/**
 * The dashboard's Apollo Client: queries and mutations go over HTTP with the API key added per
 * request; subscriptions go over the WebSocket link.
 */
export function createApolloClient(options: CreateApolloClientOptions): ApolloClient {
  const authLink = new SetContextLink((previousContext) => {
    const apiKey = options.getApiKey();
    if (apiKey === null) return {};
    return { headers: { ...previousContext.headers, authorization: `Bearer ${apiKey}` } };
  });
  const httpLink = ApolloLink.from([authLink, new HttpLink({ uri: options.uri ?? '/graphql' })]);
  const link = options.subscriptionLink
    ? ApolloLink.split((operation) => operation.operationType === OperationTypeNode.SUBSCRIPTION, options.subscriptionLink, httpLink)
    : httpLink;
  return new ApolloClient({ link, cache: new InMemoryCache() });
}
