import { CombinedGraphQLErrors, ServerError, ServerParseError } from '@apollo/client/errors';

/** What the dashboard shows for a failed request. */
export interface ErrorDescription {
  /** `extensions.code` of the first GraphQL error ("UNAUTHENTICATED", …), or null when there is none. */
  code: string | null;
  /** A sentence for the person at the screen. */
  summary: string;
  /** The server's own message or the transport's, when it adds something to the summary. */
  detail: string | null;
}

/** Summaries for the stable codes the API documents (server/errors.ts) and Apollo's masked failures. */
const SUMMARIES_BY_CODE: Readonly<Record<string, string>> = {
  UNAUTHENTICATED: 'This API key is unknown or revoked.',
  FORBIDDEN: 'This API key’s role may not see this.',
  NOT_FOUND: 'Not found, or not visible with this API key.',
  BAD_USER_INPUT: 'The server refused the request’s arguments.',
  INTERNAL_SERVER_ERROR: 'The server failed to answer. Try again in a moment.',
};

interface GraphQLErrorLike {
  message: string;
  extensions?: Record<string, unknown>;
}

function fromGraphQLError(error: GraphQLErrorLike | undefined): ErrorDescription | null {
  if (!error) return null;
  const code = typeof error.extensions?.code === 'string' ? error.extensions.code : null;
  const summary = (code !== null ? SUMMARIES_BY_CODE[code] : undefined) ?? error.message;
  return { code, summary, detail: summary === error.message ? null : error.message };
}

/** GraphQL errors in the body of a non-2xx response that Apollo did not parse (sent as plain application/json). */
function graphQLErrorInBody(bodyText: string): GraphQLErrorLike | undefined {
  try {
    const body: unknown = JSON.parse(bodyText);
    const first: unknown = (body as { errors?: unknown[] } | null)?.errors?.[0];
    if (typeof first === 'object' && first !== null && typeof (first as GraphQLErrorLike).message === 'string') {
      return first as GraphQLErrorLike;
    }
  } catch {
    // Not JSON: an HTML error page from a proxy, for instance. The status code says enough.
  }
  return undefined;
}

/**
 * Turns the error of a query (Apollo Client 4's error classes) into a code, a summary and a detail.
 * GraphQL errors keep their `extensions.code`; HTTP failures without one read "HTTP 502" and so on;
 * anything else (the fetch itself failed) is reported as the server being unreachable.
 */
export function describeError(error: unknown): ErrorDescription {
  if (CombinedGraphQLErrors.is(error)) {
    return fromGraphQLError(error.errors[0]) ?? { code: null, summary: error.message, detail: null };
  }
  if (ServerError.is(error)) {
    return (
      fromGraphQLError(graphQLErrorInBody(error.bodyText)) ?? {
        code: `HTTP ${error.statusCode}`,
        summary: 'The server answered with an error.',
        detail: error.message,
      }
    );
  }
  if (ServerParseError.is(error)) {
    return { code: null, summary: 'The server sent a response that is not GraphQL.', detail: error.message };
  }
  const detail = error instanceof Error ? error.message : String(error);
  return { code: null, summary: 'Cannot reach the server. Check the connection and try again.', detail };
}
