import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { SetContextLink } from '@apollo/client/link/context';

/** Options of {@link createApolloClient}. */
export interface CreateApolloClientOptions {
  /** The GraphQL endpoint. @default '/graphql' (same origin; `npx vite` proxies it to the server) */
  uri?: string;
  /**
   * Returns the API key to send as `Authorization: Bearer <key>`, or null to send none. Called
   * for every request, so a key entered or forgotten later applies from the next request on.
   */
  getApiKey: () => string | null;
}

/** The dashboard's Apollo Client: the API key is added per request, then the request goes over HTTP. */
export function createApolloClient(options: CreateApolloClientOptions): ApolloClient {
  const authLink = new SetContextLink((previousContext) => {
    const apiKey = options.getApiKey();
    if (apiKey === null) return {};
    return { headers: { ...previousContext.headers, authorization: `Bearer ${apiKey}` } };
  });
  const httpLink = new HttpLink({ uri: options.uri ?? '/graphql' });
  return new ApolloClient({
    link: ApolloLink.from([authLink, httpLink]),
    cache: new InMemoryCache(),
  });
}
