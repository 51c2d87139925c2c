import type http from 'node:http';
import type { Socket } from 'node:net';
import type express from 'express';
import { log } from '../logging/logger.js';
import { REQUEST_ID_HEADER } from './request-logging.js';

/** Stable codes of the errors the transport answers before GraphQL runs (or outside it). */
export type TransportErrorCode =
  | 'BAD_REQUEST'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'METHOD_NOT_ALLOWED'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'RATE_LIMITED'
  | 'INTERNAL_SERVER_ERROR';

/** What one transport error is answered with. */
export interface TransportError {
  status: number;
  code: TransportErrorCode;
  message: string;
}

/** The code of each 4xx status a library may raise. */
const CODE_OF_STATUS: Record<number, TransportErrorCode> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
};

/**
 * body-parser's error types, each with a fixed message: its own messages quote the body (`Unexpected
 * token … in JSON at position …`) and name charsets the caller sent, which an answer need not echo.
 */
const BODY_ERRORS: Record<string, TransportError> = {
  'entity.parse.failed': { status: 400, code: 'BAD_REQUEST', message: 'The request body is not a JSON object or array' },
  'entity.too.large': { status: 413, code: 'PAYLOAD_TOO_LARGE', message: 'The request body is larger than this endpoint accepts' },
  'encoding.unsupported': { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: 'The request body has an unsupported content encoding' },
  'charset.unsupported': {
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
    message: 'The request body has an unsupported charset (use utf-8)',
  },
  'request.aborted': { status: 400, code: 'BAD_REQUEST', message: 'The request was aborted before its body arrived' },
  'request.size.invalid': { status: 400, code: 'BAD_REQUEST', message: 'The request body is shorter or longer than its Content-Length' },
  'stream.encoding.set': { status: 500, code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error' },
};

/** True for the errors of a peer that went away mid-request: nothing to answer, one log line at most. */
export function isDroppedConnection(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  const type = (error as { type?: unknown } | null)?.type;
  return (
    code === 'ECONNRESET' ||
    code === 'EPIPE' ||
    code === 'ECONNABORTED' ||
    code === 'ERR_STREAM_PREMATURE_CLOSE' ||
    type === 'request.aborted'
  );
}

/**
 * The status, stable code and safe message for an error met while serving HTTP. Errors that carry
 * a 4xx status (body-parser, the router's URL decoding, send) keep it with a fixed message;
 * anything else is a 500 whose details stay in the log.
 */
export function transportErrorOf(error: unknown): TransportError {
  const type = (error as { type?: unknown } | null)?.type;
  if (typeof type === 'string' && BODY_ERRORS[type]) return BODY_ERRORS[type]!;
  if (error instanceof URIError) return { status: 400, code: 'BAD_REQUEST', message: 'The request URL is not valid percent-encoding' };
  const status = Number(
    (error as { status?: unknown; statusCode?: unknown } | null)?.status ?? (error as { statusCode?: unknown } | null)?.statusCode,
  );
  const code = CODE_OF_STATUS[status];
  if (code) {
    const message =
      code === 'BAD_REQUEST' && /decode/i.test(String((error as Error).message))
        ? 'The request URL is not valid percent-encoding'
        : defaultMessage(code);
    return { status, code, message };
  }
  return { status: 500, code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error' };
}

function defaultMessage(code: TransportErrorCode): string {
  switch (code) {
    case 'BAD_REQUEST':
      return 'Bad request';
    case 'UNAUTHENTICATED':
      return 'Authentication required';
    case 'FORBIDDEN':
      return 'Forbidden';
    case 'NOT_FOUND':
      return 'Not found';
    case 'METHOD_NOT_ALLOWED':
      return 'Method not allowed';
    case 'PAYLOAD_TOO_LARGE':
      return 'The request body is larger than this endpoint accepts';
    case 'UNSUPPORTED_MEDIA_TYPE':
      return 'Unsupported media type';
    case 'RATE_LIMITED':
      return 'Too many requests';
    case 'INTERNAL_SERVER_ERROR':
      return 'Internal server error';
  }
}

/**
 * The JSON body of a transport error, in GraphQL's response shape so one client parser reads both;
 * with the request's id (`extensions.requestId`) when it has one.
 */
export function transportErrorBody(error: TransportError, requestId?: string): string {
  return JSON.stringify({
    errors: [{ message: error.message, extensions: { code: error.code, ...(requestId === undefined ? {} : { requestId }) } }],
  });
}

/** Writes `error` as JSON (status, `Content-Type`, length); a response already under way is cut instead. */
export function sendTransportError(response: http.ServerResponse, error: TransportError): void {
  if (response.headersSent) {
    response.destroy();
    return;
  }
  const requestId = response.getHeader(REQUEST_ID_HEADER);
  const body = transportErrorBody(error, typeof requestId === 'string' ? requestId : undefined);
  response.statusCode = error.status;
  response.setHeader('Content-Type', 'application/json; charset=utf-8');
  response.setHeader('Content-Length', Buffer.byteLength(body));
  response.setHeader('Cache-Control', 'no-store');
  response.end(body);
}

/** Logs a dropped connection as one line (no stack): it is the client's doing, not a fault here. */
export function logDroppedConnection(request: { method?: string; url?: string }, error: unknown): void {
  const code = (error as { code?: unknown; type?: unknown } | null)?.code ?? (error as { type?: unknown } | null)?.type ?? 'closed';
  const path = (request.url ?? '').split('?')[0];
  log.warn(
    { method: request.method, path, code: String(code) },
    `Client went away during ${request.method ?? '?'} ${path} (${String(code)})`,
  );
}

/**
 * Express's last error handler: every error on any route answers JSON `{ errors: [{ message,
 * extensions: { code } }] }` with its status, never express's HTML page (which showed stacks and
 * absolute paths). 5xx are logged with their stack; a dropped connection logs one line.
 */
export function jsonErrorHandler(error: unknown, request: express.Request, response: express.Response, _next: express.NextFunction): void {
  if (isDroppedConnection(error)) {
    logDroppedConnection(request, error);
    if (!response.headersSent && !request.socket.destroyed) sendTransportError(response, transportErrorOf(error));
    else response.destroy();
    return;
  }
  const answer = transportErrorOf(error);
  if (answer.status >= 500)
    log.error({ err: error, method: request.method, path: request.path }, `${request.method} ${request.path} failed`);
  sendTransportError(response, answer);
}

/**
 * Paths that belong to the API rather than the dashboard: unknown ones answer a JSON 404, never
 * index.html. Only what is under /webhooks/ is the API's (Stripe's POST /webhooks/stripe): /webhooks
 * itself is the dashboard's Webhooks page, which must load on a reload or a shared link.
 */
export const API_PATH = /^\/(?:(?:graphql|auth|export|dev|healthz|readyz)(?:\/|$)|webhooks\/)/;

/** A JSON 404 for an unknown API path or method (the dashboard's index.html fallback stays for other GETs). */
export function jsonNotFound(request: express.Request, response: express.Response): void {
  sendTransportError(response, {
    status: 404,
    code: 'NOT_FOUND',
    message: `No such endpoint: ${request.method} ${request.originalUrl.split('?')[0]!.slice(0, 200)}`,
  });
}

/**
 * Node's `clientError` (a request it cannot parse, or a socket reset before a request came): a
 * malformed request gets a JSON 400 and the connection closes; a reset is logged as one line.
 */
export function onClientError(error: Error & { code?: string }, socket: Socket): void {
  if (isDroppedConnection(error) || !socket.writable) {
    log.warn({ code: error.code ?? 'closed' }, `Client connection dropped (${error.code ?? 'closed'})`);
    socket.destroy();
    return;
  }
  const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
  // Headers or body not received within httpHeadersTimeoutMs / httpRequestTimeoutMs (config.ts).
  const tooSlow = error.code === 'ERR_HTTP_REQUEST_TIMEOUT';
  const answer: TransportError = tooLarge
    ? { status: 431, code: 'BAD_REQUEST', message: 'The request headers are too large' }
    : tooSlow
      ? { status: 408, code: 'BAD_REQUEST', message: 'The request was not received in time' }
      : { status: 400, code: 'BAD_REQUEST', message: 'The request is not valid HTTP' };
  const reason = tooLarge ? 'Request Header Fields Too Large' : tooSlow ? 'Request Timeout' : 'Bad Request';
  const body = transportErrorBody(answer);
  socket.end(
    `HTTP/1.1 ${answer.status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}
