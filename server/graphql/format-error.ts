import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { DriverException } from '@mikro-orm/core';
import { databaseUnavailableReason, DomainError, ErrorCode, ServiceUnavailableError } from '../errors.js';
import { literalScalarErrorField } from './input-check.js';
import { QUERY_TOO_COMPLEX, tokenLimitErrorOf } from './query-limits.js';
import { currentLogFields, log } from '../logging/logger.js';

/** Codes produced by GraphQL itself or by Apollo for a malformed request: safe to show as they are. */
const REQUEST_ERROR_CODES = new Set<string>([
  ErrorCode.GRAPHQL_PARSE_FAILED,
  ErrorCode.GRAPHQL_VALIDATION_FAILED,
  ErrorCode.BAD_USER_INPUT,
  ErrorCode.BAD_REQUEST,
  ErrorCode.OPERATION_RESOLUTION_FAILURE,
  ErrorCode.PERSISTED_QUERY_NOT_FOUND,
  ErrorCode.PERSISTED_QUERY_NOT_SUPPORTED,
  ErrorCode.UNAUTHENTICATED,
  ErrorCode.LIMIT_EXCEEDED,
  // Raised by the transport (rate limits, cookie requests from another origin), never masked.
  ErrorCode.RATE_LIMITED,
  ErrorCode.FORBIDDEN,
  ErrorCode.OPERATION_TIMEOUT,
  // Raised by the transport when the database is unavailable while it builds the request's context.
  ErrorCode.SERVICE_UNAVAILABLE,
  QUERY_TOO_COMPLEX,
]);

/**
 * The input field a variable coercion error is about, from graphql-js's message
 * (`Variable "$input" got invalid value "x" at "input.amount"; …` → `amount`).
 */
function fieldOfVariableError(message: string): string | undefined {
  const match = /^Variable "\$([A-Za-z0-9_]+)" got invalid value .*?(?: at "([^"]+)")?;/s.exec(message);
  if (!match) return undefined;
  const path = match[2] ?? match[1]!;
  return path
    .split(/[.[\]]/)
    .filter(Boolean)
    .at(-1);
}

/**
 * Apollo's formatError: DomainErrors become `{ message, extensions: { code, …details } }`;
 * GraphQL's own request errors pass through (a Money literal that does not parse is BAD_USER_INPUT,
 * not a validation failure); anything else is logged and masked as "Internal server error".
 * Every error carries the id of the request being served (`extensions.requestId`), when there is one.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  return withRequestId(formatErrorOnly(formatted, error), currentLogFields()?.requestId);
}

/** `formatted` with `extensions.requestId` (unchanged when there is no request id). */
export function withRequestId(formatted: GraphQLFormattedError, requestId: string | undefined): GraphQLFormattedError {
  return requestId === undefined ? formatted : { ...formatted, extensions: { ...formatted.extensions, requestId } };
}

function formatErrorOnly(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (original instanceof DomainError) {
    return { message: original.message, path: formatted.path, extensions: { code: original.code, ...original.extensions } };
  }
  // The ORM rewraps an OperationTimeoutError thrown while it takes a connection (copying its code,
  // message and extensions): answer it as the DomainError it was.
  if (original instanceof DriverException && original.code === ErrorCode.OPERATION_TIMEOUT) {
    const { extensions } = original as DriverException & { extensions?: Record<string, unknown> };
    return { message: original.message, path: formatted.path, extensions: { code: ErrorCode.OPERATION_TIMEOUT, ...extensions } };
  }
  // The database restarting, unreachable or past a timeout: an outage the client rides out by retrying.
  const unavailable = databaseUnavailableReason(original);
  if (unavailable) {
    const answer = new ServiceUnavailableError(unavailable);
    log.warn({ reason: unavailable }, `A GraphQL request met an unavailable database (${unavailable}): answered SERVICE_UNAVAILABLE`);
    return { message: answer.message, path: formatted.path, extensions: { code: answer.code, ...answer.extensions } };
  }
  let code = formatted.extensions?.code;
  // A Money literal in the query text fails in the validation phase with our own BAD_USER_INPUT
  // error, and a query limit's rule with QUERY_TOO_COMPLEX: Apollo files both as validation failures.
  if (error instanceof GraphQLError && error.originalError instanceof GraphQLError) {
    const originalCode = error.originalError.extensions.code;
    if (originalCode === ErrorCode.BAD_USER_INPUT || originalCode === QUERY_TOO_COMPLEX) code = originalCode;
  }
  // The parser's token limit (parse's maxTokens) is a parse failure to graphql-js: name the limit.
  if (code === ErrorCode.GRAPHQL_PARSE_FAILED) {
    const tokenLimit = tokenLimitErrorOf(formatted.message);
    if (tokenLimit) return { message: tokenLimit.message, extensions: withoutHttp(tokenLimit.extensions) };
  }
  // A literal its scalar cannot represent (an Int beyond 32 bits) is the caller's input, not a malformed query.
  const literal =
    error instanceof GraphQLError && code === ErrorCode.GRAPHQL_VALIDATION_FAILED ? literalScalarErrorField(error) : undefined;
  if (literal) code = ErrorCode.BAD_USER_INPUT;
  if (typeof code === 'string' && REQUEST_ERROR_CODES.has(code)) {
    const extensions: Record<string, unknown> = { ...withoutHttp(formatted.extensions), code };
    if (code === ErrorCode.BAD_USER_INPUT) {
      const field = formatted.extensions?.field ?? literal?.field ?? fieldOfVariableError(formatted.message);
      if (field !== undefined) extensions.field = field;
    }
    return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions };
  }
  log.error({ err: original }, 'Unexpected error in a GraphQL request');
  return { message: 'Internal server error', path: formatted.path, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
}

/** Extensions without what is for the server only: the stack trace and Apollo's HTTP status. */
function withoutHttp(extensions: Readonly<Record<string, unknown>> | undefined): Record<string, unknown> {
  const { stacktrace: _stacktrace, http: _http, ...details } = extensions ?? {};
  return details;
}
