import type http from 'node:http';
import type { ApolloServer, BaseContext, HTTPGraphQLRequest, HTTPGraphQLResponse } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import type { CorsOptions } from 'cors';
import type express from 'express';
import { operationTimeoutResult, type StartClientOperation } from './client-operation.js';
import type { KnownDocumentPath } from './known-document-path.js';
import { leanJsonBody, type NodeMiddleware } from './json-body.js';

/** Options of {@link graphqlPostListener}. */
export interface GraphqlPostListenerOptions<TContext extends BaseContext> {
  apollo: ApolloServer<TContext>;
  /** Builds a request's context (may throw a GraphQLError, e.g. UNAUTHENTICATED). */
  context(request: http.IncomingMessage): Promise<TContext>;
  /** The very middlewares the express route at /graphql runs before Apollo, in order: cors(), express.json({ limit }). */
  middlewares: NodeMiddleware[];
  /** The body limit given to express.json(), in bytes: bodies within it in plain JSON are read here (json-body.ts), the rest by express.json(). */
  bodyBytesMax: number;
  /** The headers the cors() of `middlewares` sets on every POST ({@link fixedCorsHeaders}), set without running it; absent: cors() runs. */
  corsHeaders?: readonly (readonly [string, string])[];
  /** Serves every other request, and the errors of this path (its JSON error handler answers them as for any route). */
  app: express.Express;
  /** A new operation with its budget (deadline, connection cap); see client-operation.ts. */
  startOperation: StartClientOperation;
  /** Retry-After of the deadline's answer (HTTP 503), in seconds. */
  retryAfterSeconds: number;
  /**
   * Requests whose document Apollo already validated, answered without Apollo's pipeline
   * (known-document-path.ts; its context is this listener's). Absent: every request goes through Apollo.
   */
  knownDocuments?: KnownDocumentPath<TContext>;
}

/** Where this path leaves an error for {@link forwardGraphqlPostError} to hand to express. */
const PENDING_ERROR = Symbol('graphqlPostError');

type WithPendingError = http.IncomingMessage & { [PENDING_ERROR]?: unknown };

/**
 * The request listener of the HTTP server: `POST /graphql` goes straight to Apollo, the rest to
 * express. Measured under the charge benchmark, express's routing (every router mounted before
 * /graphql runs for each request), its request/response decoration and `res.send` (which hashes
 * every body for an ETag, meaningless on a POST answer) cost about a tenth of the server's CPU per
 * charge. The semantics stay those of the express route: the same cors() and express.json()
 * (body limit, JSON content type, charset) run on the raw request, Apollo gets the same request
 * (headers, search, parsed body; CSRF prevention is Apollo's), and the answer is written once with
 * its length. Any error (a body over the limit, malformed JSON, a throw) is passed to express, whose
 * JSON error handler (json-errors.ts) answers it as it would on the express route. Preflights (OPTIONS), GET and other paths stay on express.
 */
export function graphqlPostListener<TContext extends BaseContext>(options: GraphqlPostListenerOptions<TContext>): http.RequestListener {
  const { apollo, app } = options;
  const [cors, expressJson, ...others] = options.middlewares;
  if (!cors || !expressJson || others.length > 0) throw new Error('graphqlPostListener expects exactly cors() and express.json()');
  const json = leanJsonBody(options.bodyBytesMax, expressJson);
  // cors() builds its options and header list anew on each call (issue 18): when its headers are
  // fixed, they are set here instead.
  const { corsHeaders } = options;

  const toExpress = (request: http.IncomingMessage, response: http.ServerResponse, error: unknown) => {
    (request as WithPendingError)[PENDING_ERROR] = error;
    app(request as express.Request, response as express.Response);
  };

  /** Apollo's request: the headers as one map (repeated ones joined), the search, the parsed body. */
  const apolloRequest = (request: http.IncomingMessage & { body?: unknown }, search: string): HTTPGraphQLRequest => {
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(request.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    return { method: 'POST', headers, search, body: request.body };
  };

  /** Through Apollo's pipeline, or the known-document path when it takes the request. */
  const execute = async (request: http.IncomingMessage & { body?: unknown }, search: string): Promise<HTTPGraphQLResponse> => {
    const known = options.knownDocuments?.match(request.body, request.headers.accept);
    if (!known)
      return apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: apolloRequest(request, search),
        context: () => options.context(request),
      });
    let contextValue: TContext;
    try {
      contextValue = await options.context(request);
    } catch (error) {
      // Apollo answers a context that failed (its hooks, its status and format): handed the same failure.
      return apollo.executeHTTPGraphQLRequest({ httpGraphQLRequest: apolloRequest(request, search), context: () => Promise.reject(error) });
    }
    return options.knownDocuments!.run(contextValue, known);
  };

  const answer = async (request: http.IncomingMessage & { body?: unknown }, response: http.ServerResponse, search: string) => {
    // Past the deadline the client gets OPERATION_TIMEOUT at once, as HTTP 503 with Retry-After (it
    // is retryable, as http.ts answers every retryable error); what the operation had not started
    // yet never starts.
    const operation = options.startOperation();
    const result = await operation.runWithDeadline(
      () => execute(request, search),
      (): HTTPGraphQLResponse => ({
        status: 503,
        headers: new HeaderMap([
          ['content-type', 'application/json; charset=utf-8'],
          ['retry-after', String(options.retryAfterSeconds)],
        ]),
        body: { kind: 'complete', string: `${JSON.stringify(operationTimeoutResult(operation))}\n` },
      }),
    );
    for (const [key, value] of result.headers) response.setHeader(key, value);
    response.statusCode = result.status ?? 200;
    // As express's res.send does for a string (header names cased as it writes them): a content
    // type always, with charset=utf-8, and the length. No ETag: express hashed every POST answer
    // for one, which no client can use (a POST answer is not a cacheable representation).
    const type = response.getHeader('content-type');
    response.setHeader('Content-Type', typeof type === 'string' ? withUtf8Charset(type) : 'text/html; charset=utf-8');
    if (result.body.kind === 'complete') {
      response.setHeader('Content-Length', Buffer.byteLength(result.body.string));
      response.end(result.body.string);
      return;
    }
    for await (const chunk of result.body.asyncIterator) response.write(chunk);
    response.end();
  };

  return (request, response) => {
    const url = request.url ?? '';
    const searchAt = url.indexOf('?');
    const pathname = searchAt === -1 ? url : url.slice(0, searchAt);
    if (request.method !== 'POST' || pathname !== '/graphql') {
      app(request as express.Request, response as express.Response);
      return;
    }
    const search = searchAt === -1 ? '' : url.slice(searchAt);
    const afterCors = (corsError?: unknown) => {
      if (corsError) return toExpress(request, response, corsError);
      json(request, response, (jsonError) => {
        if (jsonError) return toExpress(request, response, jsonError);
        answer(request, response, search).catch((error: unknown) => {
          if (response.headersSent) response.destroy(error instanceof Error ? error : undefined);
          else toExpress(request, response, error);
        });
      });
    };
    if (!corsHeaders) {
      cors(request, response, afterCors);
      return;
    }
    for (const [name, value] of corsHeaders) response.setHeader(name, value);
    afterCors();
  };
}

/**
 * The headers cors() with `options` sets on every POST, whatever the request: with the default origin
 * (`*`, no Vary) and no credentials, `Access-Control-Allow-Origin: *` and `Access-Control-Expose-Headers`
 * when headers are exposed. Undefined for any other option (an origin of its own, reflected or computed,
 * credentials…): cors() then runs on every request. The test compares both with cors()'s own headers.
 */
export function fixedCorsHeaders(options: CorsOptions): readonly (readonly [string, string])[] | undefined {
  for (const [key, value] of Object.entries(options)) {
    if (key !== 'exposedHeaders' && !(key === 'origin' && value === '*')) return undefined;
  }
  const headers: [string, string][] = [['Access-Control-Allow-Origin', '*']];
  const exposed = Array.isArray(options.exposedHeaders) ? options.exposedHeaders.join(',') : options.exposedHeaders;
  if (exposed) headers.push(['Access-Control-Expose-Headers', exposed]);
  return headers;
}

/**
 * Express middleware for the /graphql route, right after cors(): passes on the error
 * {@link graphqlPostListener} met, so express's JSON error handler answers it (status, code, CORS headers).
 */
export function forwardGraphqlPostError(request: express.Request, _response: express.Response, next: express.NextFunction): void {
  const error = (request as WithPendingError)[PENDING_ERROR];
  if (error === undefined) {
    next();
    return;
  }
  delete (request as WithPendingError)[PENDING_ERROR];
  next(error);
}

/** The answers of {@link withUtf8Charset} already computed: Apollo sends one of a few fixed types. */
const UTF8_TYPES = new Map<string, string>();
/** Most types remembered (Apollo sends a handful; a bound all the same). */
const UTF8_TYPES_MAX = 32;

/**
 * `type` with its charset parameter set to utf-8 (express's setCharset, for the types Apollo sends),
 * remembered per type: the split, filter and join cost ~2 µs on every answer (issue 18).
 */
export function withUtf8Charset(type: string): string {
  let answer = UTF8_TYPES.get(type);
  if (answer === undefined) {
    answer = utf8CharsetOf(type);
    if (UTF8_TYPES.size < UTF8_TYPES_MAX) UTF8_TYPES.set(type, answer);
  }
  return answer;
}

/** {@link withUtf8Charset} computed. */
export function utf8CharsetOf(type: string): string {
  const parts = type.split(';').map((part) => part.trim());
  const kept = parts.slice(1).filter((part) => part !== '' && !/^charset\s*=/i.test(part));
  return [parts[0]!.toLowerCase(), ...kept, 'charset=utf-8'].join('; ');
}
