import { HeaderMap, type GraphQLResponse, type HTTPGraphQLHead, type HTTPGraphQLResponse } from '@apollo/server';
import {
  execute,
  getOperationAST,
  GraphQLError,
  Kind,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLFormattedError,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import type { Context } from '../context.js';
import type { ValidatedDocuments } from '../graphql/validated-documents.js';
import type { GraphqlRequestPlugin } from './graphql-request-plugin.js';

/**
 * The known-document path of POST /graphql: a request whose document Apollo has already parsed and
 * validated (remembered by graphql-request-plugin.ts, by its exact text) runs without Apollo's
 * request pipeline, with the same steps and the same answer. Apollo's pipeline costs ~45 µs of CPU
 * per request beyond executing the operation (measured in one process on the real schema, issue 18):
 * the query's SHA-256 for its document store, two content negotiations, the CSRF check's MIME parse,
 * and ~50 promises (its plugin hooks, each awaited over every plugin), each of which pays the
 * AsyncLocalStorage hooks. Here, as in Apollo 5.5 (requestPipeline.js, runHttpQuery.js,
 * errorNormalize.js), for a request this path takes:
 *   1. the request plugin's start (metrics), its checks (query cost, NUL input, budgets: the same
 *      listener function, refusals answered as Apollo answers a throwing didResolveOperation:
 *      formatted, the error's HTTP status or 500), and a heavy query's turn;
 *   2. graphql-js `execute` of the operation with the request's variables and context, as Apollo's
 *      executeIncrementally does on graphql 16 (no root value, the default field resolver);
 *   3. variable coercion errors filed as BAD_USER_INPUT, every error formatted by the server's
 *      formatError after Apollo's enrichment (code INTERNAL_SERVER_ERROR when none, `extensions.http`
 *      merged into the answer's status and headers and removed), status 400 when variables did not
 *      coerce; then the listener's willSendResponse (retryable → 503, metrics);
 *   4. the body as Apollo writes it (`errors`, `data`, `extensions` in that order, one JSON line) with
 *      the content type Apollo negotiates for the request's Accept header.
 * Everything else goes to Apollo: a body with any field but query, operationName and variables (APQ
 * extensions, a batch), a document not seen validated, an operation the document lacks, a
 * subscription, an Accept header outside {@link CONTENT_TYPE_FOR_ACCEPT}, a context that fails, and
 * any request once Apollo starts draining. The plugins Apollo runs besides the request plugin (drain,
 * the disabled defaults, the WebSocket cleanup) have no request hooks; the parity test
 * (test/transport/known-document-path.test.ts) answers the same requests both ways and compares them.
 */

/** Apollo's content types of a single answer (MEDIA_TYPES in @apollo/server's ApolloServer.js). */
const APPLICATION_JSON = 'application/json; charset=utf-8';
const APPLICATION_GRAPHQL_RESPONSE_JSON = 'application/graphql-response+json; charset=utf-8';

/**
 * The content type Apollo's negotiation (chooseContentTypeForSingleResultResponse) answers for the
 * Accept headers clients commonly send; any other Accept header takes Apollo's path. An absent or
 * empty Accept header gets application/json, as in Apollo.
 */
export const CONTENT_TYPE_FOR_ACCEPT: ReadonlyMap<string, string> = new Map([
  ['*/*', APPLICATION_JSON],
  ['application/json', APPLICATION_JSON],
  ['application/graphql-response+json', APPLICATION_GRAPHQL_RESPONSE_JSON],
  // Apollo Client's default.
  ['application/graphql-response+json,application/json;q=0.9', APPLICATION_GRAPHQL_RESPONSE_JSON],
]);

/** A request the known-document path takes: its document, operation and variables, and its answer's type. */
export interface KnownOperation {
  query: string;
  document: DocumentNode;
  operation: OperationDefinitionNode;
  operationName: string | undefined;
  variables: Record<string, unknown> | undefined;
  contentType: string;
}

/** Options of {@link knownDocumentPath}. */
export interface KnownDocumentPathOptions {
  schema: GraphQLSchema;
  /** The documents Apollo validated, by text (the request plugin's `documents`). */
  documents: ValidatedDocuments;
  /** The request plugin Apollo runs: its start, checks, turn and answer hooks are called here. */
  plugin: GraphqlRequestPlugin;
  /** The formatError Apollo was given. */
  formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError;
  /** False once Apollo drains or stops: from then on every request goes through Apollo. */
  serving(): boolean;
}

/** The known-document path: which requests it takes, and how it answers them. */
export interface KnownDocumentPath<TContext = Context> {
  /** The request's operation when this path may answer it (see the top of this file), else undefined. */
  match(body: unknown, accept: string | undefined): KnownOperation | undefined;
  /** Answers `known` with the request's context, as Apollo would. */
  run(contextValue: TContext, known: KnownOperation): Promise<HTTPGraphQLResponse>;
}

/** Whether `value` is an object that is neither null nor an array (Apollo's isStringRecord, a parsed JSON body has no Buffer). */
function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The known-document path over `options` (see the top of this file). */
export function knownDocumentPath(options: KnownDocumentPathOptions): KnownDocumentPath {
  const { schema, documents, plugin, formatError } = options;
  const { listener } = plugin;

  const match = (body: unknown, accept: string | undefined): KnownOperation | undefined => {
    if (!options.serving() || !isRecord(body)) return undefined;
    for (const key in body) if (key !== 'query' && key !== 'operationName' && key !== 'variables') return undefined;
    const { query, operationName, variables } = body;
    if (typeof query !== 'string') return undefined;
    if (operationName !== undefined && operationName !== null && typeof operationName !== 'string') return undefined;
    if (variables !== undefined && variables !== null && !isRecord(variables)) return undefined;
    const contentType = accept ? CONTENT_TYPE_FOR_ACCEPT.get(accept) : APPLICATION_JSON;
    if (contentType === undefined) return undefined;
    const document = documents.get(query);
    if (document === undefined) return undefined;
    const name = operationName ?? undefined;
    const operation = getOperationAST(document, name);
    if (!operation || operation.operation === 'subscription') return undefined;
    return { query, document, operation, operationName: name, variables: variables ?? undefined, contentType };
  };

  const run = async (contextValue: Context, known: KnownOperation): Promise<HTTPGraphQLResponse> => {
    const { document, operation, variables } = known;
    const http: HTTPGraphQLHead = { status: undefined, headers: new HeaderMap() };
    const response: GraphQLResponse = { http, body: { kind: 'single', singleResult: {} } };
    plugin.started(contextValue);
    let result: ExecutionResult;
    try {
      await listener.didResolveOperation({
        contextValue,
        schema,
        document,
        operation,
        operationName: operation.name?.value ?? null,
        source: known.query,
        request: { query: known.query, operationName: known.operationName, variables },
      });
    } catch (error) {
      return answer(contextValue, response, known, { errors: [ensureGraphQLError(error)] }, true);
    }
    await listener.executionDidStart({ contextValue });
    try {
      result = await execute({ schema, document, contextValue, variableValues: variables, operationName: known.operationName });
    } catch (error) {
      return answer(contextValue, response, known, { errors: [ensureGraphQLError(error)] }, true);
    }
    return answer(contextValue, response, known, result, false);
  };

  /** Apollo's formatting and willSendResponse, then runHttpQuery's body and content type. */
  const answer = async (
    contextValue: Context,
    response: GraphQLResponse,
    known: KnownOperation,
    result: ExecutionResult,
    refused: boolean,
  ): Promise<HTTPGraphQLResponse> => {
    const { http } = response;
    const errors = refused
      ? result.errors
      : result.errors?.map((error) => (isVariableCoercionError(error) ? userInputError(error) : error));
    const formattedErrors = errors ? formatErrors(errors, formatError, http) : undefined;
    if (refused) {
      if (!http.status) http.status = 500;
    } else if (errors?.length && result.data === undefined && !http.status) {
      // Apollo 5's status400ForVariableCoercionErrors: a request whose variables did not coerce ran nothing.
      http.status = 400;
    }
    response.body = {
      kind: 'single',
      singleResult: refused ? { errors: formattedErrors } : { ...result, errors: formattedErrors },
    };
    await listener.willSendResponse({ contextValue, response });
    if (!http.headers.get('content-type')) http.headers.set('content-type', known.contentType);
    const { singleResult } = response.body;
    return {
      status: http.status,
      headers: http.headers,
      body: {
        kind: 'complete',
        string: `${JSON.stringify({ errors: singleResult.errors, data: singleResult.data, extensions: singleResult.extensions })}\n`,
      },
    };
  };

  return { match, run };
}

/** Apollo's ensureGraphQLError: a GraphQLError as it is, anything else wrapped. */
function ensureGraphQLError(maybeError: unknown): GraphQLError {
  const error = maybeError instanceof Error ? maybeError : new GraphQLError(`Unexpected error value: ${String(maybeError)}`);
  return error instanceof GraphQLError ? error : new GraphQLError(error.message, { originalError: error });
}

/** Apollo's isBadUserInputGraphQLError without a code of its own: a variable's value that did not coerce. */
function isVariableCoercionError(error: GraphQLError): boolean {
  const node = error.nodes?.length === 1 ? error.nodes[0] : undefined;
  if (node?.kind !== Kind.VARIABLE_DEFINITION || error.extensions?.code != null) return false;
  const name = node.variable.name.value;
  return (
    error.message.startsWith(`Variable "$${name}" has invalid value`) ||
    error.message.startsWith(`Variable "$${name}" got invalid value `) ||
    error.message.startsWith(`Variable "$${name}" of required type `) ||
    error.message.startsWith(`Variable "$${name}" of non-null type `)
  );
}

/** Apollo's UserInputError of a variable coercion error. */
function userInputError(error: GraphQLError): GraphQLError {
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    originalError: error.originalError ?? error,
    extensions: { ...error.extensions, code: 'BAD_USER_INPUT' },
  });
}

/** Apollo's normalizeAndFormatErrors (without stack traces, which the server never sends): `http` takes each error's `extensions.http`. */
function formatErrors(
  errors: readonly GraphQLError[],
  formatError: KnownDocumentPathOptions['formatError'],
  http: HTTPGraphQLHead,
): GraphQLFormattedError[] {
  return errors.map((error) => {
    try {
      const extensions: Record<string, unknown> = { ...error.extensions, code: error.extensions.code ?? 'INTERNAL_SERVER_ERROR' };
      const head = extensions.http as Partial<HTTPGraphQLHead> | undefined;
      if (isPartialHead(head)) {
        if (head.status) http.status = head.status;
        if (head.headers) for (const [name, value] of head.headers) http.headers.set(name, value);
        delete extensions.http;
      }
      return formatError({ ...error.toJSON(), extensions }, error);
    } catch {
      return { message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
    }
  });
}

/** Apollo's isPartialHTTPGraphQLHead. */
function isPartialHead(value: unknown): value is Partial<HTTPGraphQLHead> {
  return (
    isRecord(value) && (!('status' in value) || typeof value.status === 'number') && (!('headers' in value) || value.headers instanceof Map)
  );
}
