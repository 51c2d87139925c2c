import { AsyncLocalStorage } from 'node:async_hooks';
import { pino, type DestinationStream, type Logger } from 'pino';
import { prettyFactory } from 'pino-pretty';
import { logSettingsFromEnv, type LogFormat, type LogLevel } from '../config.js';

/**
 * Where secrets could sit in a logged object: credentials in headers and connection params, key and
 * token secrets, passwords, Stripe secrets, card numbers. pino replaces each with `[REDACTED]`
 * before the line is written. No log call is meant to pass any of them; this is the net under a
 * mistake. Every path is spelled out (each key at the top and under the usual parents): pino's
 * wildcard paths (`*.password`) made every line about ten times as expensive to write (measured
 * 250 µs against 25 µs a request line on the loaded 2-core machine), explicit ones cost about nothing.
 */
export const REDACTED_PATHS: readonly string[] = (() => {
  const keys = [
    'authorization',
    'cookie',
    'password',
    'newPassword',
    'currentPassword',
    'apiKey',
    'secret',
    'token',
    'sessionToken',
    'adminToken',
    'platformAdminToken',
    'stripeSecretKey',
    'stripeWebhookSecret',
    'webhookSecret',
    'signingSecret',
    'client_secret',
    'cardNumber',
    'number',
    'cvc',
  ];
  const parents = [
    'input',
    'variables',
    'body',
    'params',
    'options',
    'config',
    'headers',
    'connectionParams',
    'user',
    'card',
    'extensions',
  ];
  return [
    ...keys,
    ...parents.flatMap((parent) => keys.map((key) => `${parent}.${key}`)),
    'req.headers.authorization',
    'req.headers.cookie',
    'req.headers["x-api-key"]',
    'req.headers["stripe-signature"]',
    'res.headers["set-cookie"]',
    'variables.input.password',
    'variables.input.newPassword',
    'variables.input.currentPassword',
  ];
})();

/** What every line logged while serving one request or socket operation carries. */
export interface RequestLogFields {
  /** The HTTP request's id (`X-Request-Id`), or the socket operation's. */
  requestId: string;
  /** The socket's own id (from its upgrade request) on a socket operation's lines. */
  socketId?: string;
  /** The principal's tenant, once the credential is resolved (null: an operator or support token). */
  accountId?: string | null;
  /** The API key used, once resolved (never its secret). */
  apiKeyId?: string | null;
}

const requestScope = new AsyncLocalStorage<RequestLogFields | undefined>();

/** Runs `work` with `fields` on every line it logs (through async continuations too). */
export function runWithLogFields<T>(fields: RequestLogFields, work: () => T): T {
  return requestScope.run(fields, work);
}

/**
 * Runs `work` (background work a request started: a job pass, a timer) with no request's fields on its lines.
 * A run with no store, not `exit()`: on Node 20, exit() disables the storage for the call and enables
 * it again, and when no other storage is enabled that turns the promise hooks off and on (~1.5 µs a
 * call, paid on every posting's hand-off to its batch; issue 18). Work started inside sees no store either way.
 */
export function outsideRequestLogFields<T>(work: () => T): T {
  return requestScope.run(undefined, work);
}

/** The fields of the request or socket operation being served here, if any (mutable: the principal is filled in once known). */
export function currentLogFields(): RequestLogFields | undefined {
  return requestScope.getStore();
}

/** The principal's ids as log fields: its account and API key, never a secret. */
export function setLogPrincipal(
  fields: RequestLogFields | undefined,
  principal: { accountId: string | null; apiKeyId: string | null },
): void {
  if (!fields) return;
  fields.accountId = principal.accountId;
  fields.apiKeyId = principal.apiKeyId;
}

/** A destination whose target can be replaced: the process logger is made once, tests point it elsewhere. */
class SwitchableDestination implements DestinationStream {
  constructor(public target: DestinationStream) {}
  write(line: string): void {
    this.target.write(line);
  }
}

/** A destination writing each JSON line readably to stdout (pino-pretty's formatter, in this thread). */
function prettyStdout(): DestinationStream {
  const format = prettyFactory({
    colorize: process.stdout.isTTY === true,
    translateTime: 'SYS:HH:MM:ss.l',
    ignore: 'pid,hostname',
    singleLine: true,
  });
  return { write: (line: string) => void process.stdout.write(format(line)) };
}

/** Where lines go for `format`: JSON lines straight to stdout, or pretty ones. */
export function stdoutDestination(format: LogFormat): DestinationStream {
  return format === 'json' ? pino.destination({ dest: 1, sync: true }) : prettyStdout();
}

/** What the mixin answers outside a request: the line is then written as it was given. */
const NO_REQUEST_FIELDS: Readonly<RequestLogFields> = Object.freeze({ requestId: '' });

const settings = logSettingsFromEnv(process.env);
const destination = new SwitchableDestination(stdoutDestination(settings.logFormat));

/** What every line carries besides the call's own fields: the request's fields, errors serialized with their stack. */
const LINE_OPTIONS = {
  serializers: { err: pino.stdSerializers.err },
  // The request's fields, then the line's own (which win over them), in a new object literal of
  // known keys. pino's default merge (a copy of the fields, the line's fields assigned onto it) cost
  // ~6 µs a line, more than writing the rest of it (issue 18, measured on the request line: ~9.7 →
  // ~3.8 µs). A line outside any request is written as it was given.
  mixin: () => requestScope.getStore() ?? NO_REQUEST_FIELDS,
  mixinMergeStrategy: (line: object, fields: object) => {
    if (fields === NO_REQUEST_FIELDS) return line;
    const { requestId, socketId, accountId, apiKeyId } = fields as RequestLogFields;
    return { requestId, socketId, accountId, apiKeyId, ...line };
  },
};

/**
 * The process's logger (pino): JSON lines with `level`, `time`, `pid`, `hostname`, `msg`, the
 * fields of the request or socket operation being served (see {@link runWithLogFields}), errors
 * under `err` with their stack. Level and format come from `LOG_LEVEL` and `LOG_FORMAT`
 * (server/config.ts) as the process starts; {@link configureLogging} changes them.
 */
export const log: Logger = pino(
  {
    level: settings.logLevel,
    redact: { paths: [...REDACTED_PATHS], censor: '[REDACTED]' },
    ...LINE_OPTIONS,
  },
  destination,
);

/**
 * The writer of the HTTP request line (transport/request-logging.ts) once {@link log} has said its
 * level is on: the same destination, fields and format, without the redaction. That line is made
 * of known fields only (method, path without its query, remote address, status, time, the request,
 * account and API key ids), none of which is ever secret nor under a redacted path, so the
 * redaction changed nothing in it and cost ~3 µs of its ~10 (pino clones an object for every
 * redacted path under a key the line has, `req` here). Any other line goes through {@link log}.
 */
export const requestLineWriter: Logger = pino({ level: 'trace', ...LINE_OPTIONS }, destination);

/** The level and destination of the process's logger, as {@link configureLogging} sets and returns them. */
export interface LoggingSettings {
  level: LogLevel;
  destination: DestinationStream;
}

/**
 * Points the process's logger at `destination` (default: stdout in `format`) and sets its level;
 * returns the settings it replaced (to restore them, or to write to them too). Its children (the
 * request logger among them) follow both, unless made with a level of their own.
 */
export function configureLogging(options: { level: LogLevel; format?: LogFormat; destination?: DestinationStream }): LoggingSettings {
  const previous: LoggingSettings = { level: log.level as LogLevel, destination: destination.target };
  log.level = options.level;
  destination.target = options.destination ?? stdoutDestination(options.format ?? settings.logFormat);
  return previous;
}
