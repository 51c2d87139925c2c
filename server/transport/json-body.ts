import { AsyncResource } from 'node:async_hooks';
import type http from 'node:http';
import { StringDecoder } from 'node:string_decoder';

/** A plain node:http middleware (cors() and express.json() are such functions). */
export type NodeMiddleware = (request: http.IncomingMessage, response: http.ServerResponse, next: (error?: unknown) => void) => void;

/** The Content-Type values the lean reader takes as they come (what the dashboard, Apollo Client and curl send); any other goes to express.json(). */
const PLAIN_JSON_TYPES: ReadonlySet<string> = new Set(['application/json', 'application/json; charset=utf-8']);

/** A Content-Length as node:http accepts it: digits only. */
const DIGITS = /^\d+$/;

/** JSON's whitespace (space, tab, line feed, carriage return), which body-parser's strict check skips. */
const JSON_WHITESPACE = ' \t\n\r';

/** An error express's JSON error handler (json-errors.ts) answers as it answers body-parser's of the same `type`. */
function bodyError(message: string, status: number, type: string, fields: Record<string, unknown> = {}): Error {
  return Object.assign(new Error(message), { status, statusCode: status, expose: status < 500, type, ...fields });
}

/**
 * `express.json({ limit: bodyBytesMax })` (`json`, the very middleware, given) for POST /graphql,
 * with its common case read here: a body of `Content-Type: application/json` (optionally `;
 * charset=utf-8`, written exactly so), not compressed, of a Content-Length between 1 and
 * `bodyBytesMax`, on a request body-parser would read (not finished, socket readable). That case is
 * decided from the headers alone, before any byte is read, and read as body-parser reads it: the
 * bytes decoded as UTF-8 by a StringDecoder (iconv-lite's utf-8 decoder) with a leading BOM dropped,
 * refused unless its first non-whitespace character opens an object or an array (`strict`), then
 * `JSON.parse`; a failure is passed on as an error of body-parser's `type` (`entity.parse.failed`,
 * `request.aborted`), which express's JSON error handler answers alike. Every other request
 * (another type or charset, a Content-Encoding, chunked, empty, over the limit) goes to `json`.
 * Measured in one process on a charge's body: express.json() and cors() cost ~7 µs of CPU per
 * request, this reader and the copied CORS headers ~3 µs (issue 18).
 */
export function leanJsonBody(bodyBytesMax: number, json: NodeMiddleware): NodeMiddleware {
  return (request, response, next) => {
    const { headers, socket } = request;
    const type = headers['content-type'];
    const lengthText = headers['content-length'];
    if (
      type === undefined ||
      !PLAIN_JSON_TYPES.has(type) ||
      headers['content-encoding'] !== undefined ||
      headers['transfer-encoding'] !== undefined ||
      lengthText === undefined ||
      !DIGITS.test(lengthText) ||
      'body' in request ||
      // on-finished's isFinished(request), for which body-parser reads nothing.
      (request as { upgrade?: boolean }).upgrade ||
      !socket?.readable ||
      (request.complete && !request.readable)
    ) {
      json(request, response, next);
      return;
    }
    const length = Number(lengthText);
    if (length === 0 || length > bodyBytesMax) {
      json(request, response, next);
      return;
    }
    readJsonBody(request as http.IncomingMessage & { body?: unknown }, length, next);
  };
}

/** Reads a body whose Content-Length node:http enforces ('end' comes after exactly `length` bytes), then parses it. */
function readJsonBody(request: http.IncomingMessage & { body?: unknown }, length: number, whenRead: (error?: unknown) => void): void {
  // The stream's events come in the socket's async context: `next` runs in the request's (its log
  // fields, its operation), as raw-body binds its callback. Not AsyncResource.bind(), whose bound
  // function gets its own accessor properties: ~28 µs a request where this costs ~1 µs (measured).
  const resource = new AsyncResource('leanJsonBody');
  const next = (error?: unknown) => resource.runInAsyncScope(whenRead, null, error);
  const chunks: Buffer[] = [];
  let received = 0;
  const cleanUp = () => {
    request.off('data', onData);
    request.off('end', onEnd);
    request.off('aborted', onAborted);
    request.off('error', onError);
  };
  const onData = (chunk: Buffer) => {
    chunks.push(chunk);
    received += chunk.length;
  };
  const onAborted = () => {
    cleanUp();
    next(bodyError('request aborted', 400, 'request.aborted', { code: 'ECONNABORTED', expected: length, length, received }));
  };
  const onError = (error: Error & { status?: number; statusCode?: number }) => {
    cleanUp();
    // As http-errors' createError(400, error) leaves it for express: the status it carries, else 400.
    const status = error.status ?? error.statusCode ?? 400;
    next(Object.assign(error, { status, statusCode: status }));
  };
  const onEnd = () => {
    cleanUp();
    if (received !== length) {
      next(bodyError('request size did not match content length', 400, 'request.size.invalid', { expected: length, length, received }));
      return;
    }
    const decoder = new StringDecoder('utf8');
    let text = decoder.write(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, received)) + decoder.end();
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    try {
      request.body = parseStrict(text);
    } catch (error) {
      next(Object.assign(error as Error, { status: 400, statusCode: 400, expose: true, type: 'entity.parse.failed', body: text }));
      return;
    }
    next();
  };
  request.on('data', onData);
  request.on('end', onEnd);
  request.on('aborted', onAborted);
  request.on('error', onError);
}

/** body-parser's strict JSON parse: {} for nothing, a SyntaxError unless the text opens an object or an array. */
function parseStrict(text: string): unknown {
  if (text.length === 0) return {};
  if (text[0] !== '{' && text[0] !== '[') {
    let at = 0;
    while (at < text.length && JSON_WHITESPACE.includes(text[at]!)) at++;
    const first = text[at];
    if (first !== '{' && first !== '[')
      throw new SyntaxError(`Unexpected token ${first ?? 'end of input'}: the body is not a JSON object or array`);
  }
  return JSON.parse(text);
}
