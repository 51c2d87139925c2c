import { randomUUID } from 'node:crypto';
import type http from 'node:http';
import { pinoHttp } from 'pino-http';
import { log, runWithLogFields, type RequestLogFields } from '../logging/logger.js';

/** The header a request's id comes in (when the caller or a proxy set one) and goes back out in. */
export const REQUEST_ID_HEADER = 'X-Request-Id';

/** What an incoming request id may hold: letters, digits and `-_.:` (UUIDs, ULIDs, proxies' ids), nothing a log reader could mistake. */
const WELL_FORMED_REQUEST_ID = /^[A-Za-z0-9._:-]+$/;

/**
 * The id of a request: the incoming `X-Request-Id` when it is one well-formed value of at most
 * `lengthMax` characters, else a new UUID (so a caller cannot inject text into the logs).
 */
export function requestIdOf(incoming: string | string[] | undefined, lengthMax: number): string {
  if (typeof incoming === 'string' && incoming.length <= lengthMax && WELL_FORMED_REQUEST_ID.test(incoming)) return incoming;
  return randomUUID();
}

const fieldsOfRequest = new WeakMap<http.IncomingMessage, RequestLogFields>();

/** The log fields of `request` (its id; its principal's ids once resolved), when it went through {@link withRequestLogging}. */
export function requestLogFieldsOf(request: http.IncomingMessage): RequestLogFields | undefined {
  return fieldsOfRequest.get(request);
}

/** The path of a request URL without its query string, which may carry tokens (e-mail links) or variables. */
function pathOf(url: string | undefined): string {
  const path = url ?? '';
  const queryAt = path.indexOf('?');
  return (queryAt === -1 ? path : path.slice(0, queryAt)).slice(0, 300);
}

/** Health checks are polled by load balancers: logged at debug, not once a second at info. */
const QUIET_PATHS = new Set(['/healthz', '/readyz']);

/**
 * Wraps the HTTP server's request listener: each request gets an id ({@link requestIdOf}), sent
 * back as `X-Request-Id`, carried by every line logged while serving it, and one pino-http line
 * when it ends (method, path, status, time, request id, the principal's account and API key ids;
 * error level for 5xx).
 */
export function withRequestLogging(options: { requestIdLengthMax: number }, listener: http.RequestListener): http.RequestListener {
  const fieldsFor = (request: http.IncomingMessage): Partial<RequestLogFields> => {
    const fields = fieldsOfRequest.get(request);
    return fields ? { requestId: fields.requestId, accountId: fields.accountId, apiKeyId: fields.apiKeyId } : {};
  };
  const httpLogger = pinoHttp({
    logger: log,
    genReqId: (request) => requestIdOf(request.headers['x-request-id'], options.requestIdLengthMax),
    wrapSerializers: false,
    serializers: {
      // Never the headers (credentials, cookies) nor the query string.
      req: (request: http.IncomingMessage) => ({
        method: request.method,
        url: pathOf(request.url),
        remoteAddress: request.socket?.remoteAddress,
      }),
      res: (response: http.ServerResponse) => ({ statusCode: response.statusCode }),
    },
    customLogLevel: (request, response, error) => {
      if (error || response.statusCode >= 500) return 'error';
      return QUIET_PATHS.has(pathOf(request.url)) ? 'debug' : 'info';
    },
    customSuccessObject: (request, _response, value) => ({ ...value, ...fieldsFor(request) }),
    customErrorObject: (request, _response, _error, value) => ({ ...value, ...fieldsFor(request) }),
  });
  return (request, response) => {
    httpLogger(request, response);
    const fields: RequestLogFields = { requestId: String(request.id) };
    fieldsOfRequest.set(request, fields);
    response.setHeader(REQUEST_ID_HEADER, fields.requestId);
    runWithLogFields(fields, () => listener(request, response));
  };
}
