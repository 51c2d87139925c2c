import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import type { RequestFailure } from '../utils/top-up-attempt.js';

/** GraphQL errors in the body of a non-2xx response (plain application/json), with their codes. */
function codeInBody(bodyText: string): { found: boolean; code: string | null } {
  try {
    const body: unknown = JSON.parse(bodyText);
    const first: unknown = (body as { errors?: unknown[] } | null)?.errors?.[0];
    if (typeof first === 'object' && first !== null) {
      const code: unknown = (first as { extensions?: { code?: unknown } }).extensions?.code;
      return { found: true, code: typeof code === 'string' ? code : null };
    }
  } catch {
    // Not JSON: the status code decides.
  }
  return { found: false, code: null };
}

/**
 * How a request failed, from Apollo Client 4's error classes: GraphQL errors (with the first
 * one's code), an HTTP status, or no answer at all.
 */
export function requestFailureOf(error: unknown): RequestFailure {
  if (CombinedGraphQLErrors.is(error)) {
    const code: unknown = error.errors[0]?.extensions?.code;
    return { kind: 'graphql', code: typeof code === 'string' ? code : null };
  }
  if (ServerError.is(error)) {
    const inBody = codeInBody(error.bodyText);
    return inBody.found ? { kind: 'graphql', code: inBody.code } : { kind: 'http', statusCode: error.statusCode };
  }
  return { kind: 'network' };
}

/**
 * The server's message when it refused the argument `field` (BAD_USER_INPUT with
 * `extensions.field`), else null: shown under that field, as the server words it.
 */
export function fieldErrorOf(error: unknown, field: string): string | null {
  if (!CombinedGraphQLErrors.is(error)) return null;
  const refusal = error.errors.find(
    (candidate) => candidate.extensions?.code === 'BAD_USER_INPUT' && candidate.extensions?.field === field,
  );
  return refusal?.message ?? null;
}
