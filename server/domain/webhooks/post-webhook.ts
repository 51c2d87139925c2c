import type { LookupAddress, LookupOptions } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { checkWebhookTarget, type ResolvedAddress, type ResolveHost } from './webhook-target.js';

/**
 * Why an attempt failed, as the delivery log keeps it: a class, never the receiver's answer or the
 * socket's or TLS library's own text (they would show an internal service's banner, address or
 * certificate to whoever registered the URL, and make the sender a port scanner).
 */
export const WEBHOOK_ERROR_CLASSES = [
  /** No answer within `webhookAttemptTimeoutMs` (name lookup, connect, send and status line together). */
  'TIMEOUT',
  'CONNECTION_REFUSED',
  /** The connection was reset or closed before a status line came. */
  'CONNECTION_RESET',
  'HOST_UNREACHABLE',
  /** The host name did not resolve. */
  'DNS_FAILURE',
  /** The TLS handshake failed (certificate, protocol, name). */
  'TLS_ERROR',
  /** The host resolved to an address that is not public (and `webhookAllowPrivateTargets` is off): nothing was sent. */
  'FORBIDDEN_TARGET',
  /** A 3xx: redirects are not followed (as with Stripe), so it is a failed attempt. */
  'REDIRECT',
  /** Any other status outside 2xx. */
  'HTTP_ERROR',
  /** The answer was not HTTP (unparsable status line or headers). */
  'INVALID_RESPONSE',
  /** Any other failure to connect or send. */
  'CONNECTION_FAILED',
] as const;

// The attempt table's check `webhook_attempt_error_class_check` (migration 20261206040000) lists the
// same classes: a class added here needs a migration there.

/** One of {@link WEBHOOK_ERROR_CLASSES}. */
export type WebhookErrorClass = (typeof WEBHOOK_ERROR_CLASSES)[number];

/** What one POST came to. Never a rejection: every failure is described here. */
export interface WebhookPostResult {
  /** The receiver's HTTP status, or null when there was none. */
  statusCode: number | null;
  /** Null after a 2xx; otherwise why the attempt failed. */
  error: WebhookErrorClass | null;
  /** Wall time of the attempt (name lookup included), in milliseconds. */
  durationMs: number;
  /** True when `signal` aborted it (the process is stopping): not an attempt to log. */
  aborted: boolean;
}

/** Options of {@link postWebhook}. */
export interface PostWebhookOptions {
  url: string;
  body: string;
  headers: Record<string, string>;
  /** The whole attempt (lookup, connect, send, status line) must finish within this, in milliseconds. */
  timeoutMs: number;
  /** When false, a host that resolves to any non-public address is refused before connecting (FORBIDDEN_TARGET). */
  allowPrivateTargets: boolean;
  /** Stands in for DNS in tests. @default the system resolver */
  resolveHost?: ResolveHost | undefined;
  signal?: AbortSignal | undefined;
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for `http.request` that answers with the addresses already checked, so the socket
 * connects to exactly what was checked: no second resolution a rebinding DNS server could answer
 * differently.
 */
function pinnedLookup(addresses: ResolvedAddress[]) {
  return (_hostname: string, options: LookupOptions | number, callback: LookupCallback): void => {
    const family =
      typeof options === 'number' ? options : options.family === 'IPv4' ? 4 : options.family === 'IPv6' ? 6 : (options.family ?? 0);
    const usable = family === 4 || family === 6 ? addresses.filter((entry) => entry.family === family) : addresses;
    if (usable.length === 0) {
      const error: NodeJS.ErrnoException = new Error('no address of the requested family');
      error.code = 'ENOTFOUND';
      callback(error, '');
      return;
    }
    if (typeof options === 'object' && options.all) {
      callback(
        null,
        usable.map((entry) => ({ address: entry.address, family: entry.family })),
      );
      return;
    }
    callback(null, usable[0]!.address, usable[0]!.family);
  };
}

/** The class of a socket, DNS or TLS error: its code, never its message. */
export function classifyWebhookError(error: unknown): WebhookErrorClass {
  // With autoSelectFamily, a failure on every address comes as one AggregateError.
  const first = error instanceof AggregateError && error.errors.length > 0 ? error.errors[0] : error;
  const code = String((first as NodeJS.ErrnoException | undefined)?.code ?? (error as NodeJS.ErrnoException | undefined)?.code ?? '');
  if (code === 'ECONNREFUSED') return 'CONNECTION_REFUSED';
  if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'ECONNABORTED') return 'CONNECTION_RESET';
  if (code === 'ETIMEDOUT') return 'TIMEOUT';
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH' || code === 'EHOSTDOWN' || code === 'ENETDOWN') return 'HOST_UNREACHABLE';
  if (code === 'ENOTFOUND' || code === 'ENODATA' || code.startsWith('EAI_')) return 'DNS_FAILURE';
  if (code.startsWith('ERR_TLS') || code.startsWith('ERR_SSL') || code === 'EPROTO' || /CERT|SIGNATURE|ISSUER/.test(code))
    return 'TLS_ERROR';
  if (code.startsWith('HPE_')) return 'INVALID_RESPONSE';
  return 'CONNECTION_FAILED';
}

/**
 * POSTs `body` once on a fresh connection (no pooled sockets outlive a stop). The host is resolved
 * and every address checked first ({@link checkWebhookTarget}); the socket then connects to those
 * very addresses. Redirects are not followed: a 3xx is a failed attempt (REDIRECT), as with Stripe.
 * Resolves as soon as the status line is in (the answer's body is never read), or on failure,
 * timeout or abort.
 */
export function postWebhook(options: PostWebhookOptions): Promise<WebhookPostResult> {
  const startedMs = performance.now();
  return new Promise((resolve) => {
    let settled = false;
    let request: http.ClientRequest | undefined;
    const finish = (statusCode: number | null, error: WebhookErrorClass | null, aborted = false) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      request?.destroy();
      resolve({ statusCode, error, durationMs: Math.max(0, Math.round(performance.now() - startedMs)), aborted });
    };
    const onAbort = () => finish(null, 'CONNECTION_FAILED', true);
    const timer = setTimeout(() => finish(null, 'TIMEOUT'), options.timeoutMs);
    if (options.signal?.aborted) return onAbort();
    options.signal?.addEventListener('abort', onAbort);
    let target: URL;
    try {
      target = new URL(options.url);
    } catch {
      return finish(null, 'CONNECTION_FAILED');
    }
    void checkWebhookTarget(target, { allowPrivate: options.allowPrivateTargets, resolveHost: options.resolveHost }).then(
      (check) => {
        if (settled) return;
        if (!check.ok) return finish(null, check.failure);
        const transport = target.protocol === 'https:' ? https : http;
        try {
          request = transport.request(
            target,
            {
              method: 'POST',
              agent: false,
              lookup: pinnedLookup(check.addresses) as unknown as http.RequestOptions['lookup'],
              headers: { ...options.headers, 'Content-Length': String(Buffer.byteLength(options.body)) },
            },
            (response) => {
              const status = response.statusCode ?? 0;
              if (status < 100 || status > 599) return finish(null, 'INVALID_RESPONSE');
              finish(status, status >= 200 && status <= 299 ? null : status >= 300 && status <= 399 ? 'REDIRECT' : 'HTTP_ERROR');
            },
          );
        } catch (error) {
          return finish(null, classifyWebhookError(error));
        }
        request.on('error', (error) => finish(null, classifyWebhookError(error)));
        request.end(options.body);
      },
      () => finish(null, 'DNS_FAILURE'),
    );
  });
}
