import { randomUUID } from 'node:crypto';
import type http from 'node:http';
import { log, requestLineWriter, runWithLogFields, type RequestLogFields } from '../logging/logger.js';

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

/** The level of a request's line: error for a 5xx answer, debug for a health check, info otherwise. */
function levelOf(request: http.IncomingMessage, response: http.ServerResponse): 'error' | 'debug' | 'info' {
  if (response.statusCode >= 500) return 'error';
  return QUIET_PATHS.has(pathOf(request.url)) ? 'debug' : 'info';
}

/**
 * Writes a request's one line: method, path, remote address, status, time in ms, its id and its
 * principal's account and API key ids; error level (with `err`) for a 5xx. Built only when its level
 * is on, from plain objects: the line pino-http wrote (same fields and messages), without the child
 * logger, serializer calls and listener bookkeeping it spent on every request (issue 18: they were
 * most of the line's cost on a single charge).
 */
function logRequestLine(request: http.IncomingMessage, response: http.ServerResponse, fields: RequestLogFields, startedAtMs: number): void {
  const level = levelOf(request, response);
  if (!log.isLevelEnabled(level)) return;
  const line: Record<string, unknown> = {
    req: { method: request.method, url: pathOf(request.url), remoteAddress: request.socket?.remoteAddress },
    res: { statusCode: response.statusCode },
    responseTime: Date.now() - startedAtMs,
    requestId: fields.requestId,
    accountId: fields.accountId,
    apiKeyId: fields.apiKeyId,
  };
  if (level === 'error') {
    line.err = new Error(`failed with status code ${response.statusCode}`);
    log.error(line, 'request errored');
    return;
  }
  // Known fields only, none of them secret: written without the redaction pass (logger.ts).
  requestLineWriter[level](line, !request.readableAborted && response.writableEnded ? 'request completed' : 'request aborted');
}

/**
 * Wraps the HTTP server's request listener: each request gets an id ({@link requestIdOf}), sent
 * back as `X-Request-Id`, carried by every line logged while serving it, and one line when it ends
 * ({@link logRequestLine}: method, path, status, time, request id, the principal's account and API
 * key ids; error level for 5xx).
 */
export function withRequestLogging(options: { requestIdLengthMax: number }, listener: http.RequestListener): http.RequestListener {
  return (request, response) => {
    const startedAtMs = Date.now();
    const fields: RequestLogFields = { requestId: requestIdOf(request.headers['x-request-id'], options.requestIdLengthMax) };
    fieldsOfRequest.set(request, fields);
    response.setHeader(REQUEST_ID_HEADER, fields.requestId);
    // Once: at the answer's end ('finish'), or when the connection closes before it ('close').
    const ended = () => {
      response.off('finish', ended);
      response.off('close', ended);
      logRequestLine(request, response, fields, startedAtMs);
    };
    response.on('finish', ended);
    response.on('close', ended);
    runWithLogFields(fields, () => listener(request, response));
  };
}
