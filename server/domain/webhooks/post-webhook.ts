import http from 'node:http';
import https from 'node:https';

/** What one POST came to. Never a rejection: every failure is described here. */
export interface WebhookPostResult {
  /** The receiver's HTTP status, or null when there was none. */
  statusCode: number | null;
  /** The start of the answer's body. */
  responseBody: string | null;
  /** Why there is no usable answer (refused, timed out, reset…), else null. */
  error: string | null;
  /** Wall time of the attempt, in milliseconds. */
  durationMs: number;
  /** True when `signal` aborted it (the process is stopping): not an attempt to log. */
  aborted: boolean;
}

/** Options of {@link postWebhook}. */
export interface PostWebhookOptions {
  url: string;
  body: string;
  headers: Record<string, string>;
  /** The whole attempt (connect, send, answer) must finish within this, in milliseconds. */
  timeoutMs: number;
  /** Characters of the answer kept; the rest is not read. */
  responseBodyCharsMax: number;
  signal?: AbortSignal;
}

/** Longest error message kept, in characters (the attempt log's column allows 1000). */
const ERROR_LENGTH_MAX = 1000;

/**
 * POSTs `body` once on a fresh connection (no pooled sockets outlive a stop), without following
 * redirects (a 3xx is a failed attempt, as with Stripe). Resolves once the status and the start
 * of the body are in, or on failure, timeout or abort.
 */
export function postWebhook(options: PostWebhookOptions): Promise<WebhookPostResult> {
  const startedMs = performance.now();
  return new Promise((resolve) => {
    let settled = false;
    let request: http.ClientRequest | undefined;
    const finish = (result: Omit<WebhookPostResult, 'durationMs' | 'aborted'>, aborted = false) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      request?.destroy();
      // PostgreSQL text cannot hold NUL characters; a receiver may send them.
      const error = result.error === null ? null : result.error.replaceAll('\u0000', '').slice(0, ERROR_LENGTH_MAX) || 'failed';
      const responseBody = result.responseBody === null ? null : result.responseBody.replaceAll('\u0000', '');
      resolve({ ...result, error, responseBody, durationMs: Math.max(0, Math.round(performance.now() - startedMs)), aborted });
    };
    const onAbort = () => finish({ statusCode: null, responseBody: null, error: 'aborted: the server is stopping' }, true);
    const timer = setTimeout(() => finish({ statusCode: null, responseBody: null, error: `timed out after ${options.timeoutMs} ms` }), options.timeoutMs);
    if (options.signal?.aborted) return onAbort();
    options.signal?.addEventListener('abort', onAbort);
    let target: URL;
    try {
      target = new URL(options.url);
    } catch {
      return finish({ statusCode: null, responseBody: null, error: `invalid URL` });
    }
    const transport = target.protocol === 'https:' ? https : http;
    try {
      request = transport.request(
        target,
        {
          method: 'POST',
          agent: false,
          headers: { ...options.headers, 'Content-Length': String(Buffer.byteLength(options.body)) },
        },
        (response) => {
          const status = response.statusCode ?? 0;
          const statusCode = status >= 100 && status <= 599 ? status : null;
          const invalid = statusCode === null ? `invalid HTTP status ${status}` : null;
          let text = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => {
            text += chunk;
            if (text.length >= options.responseBodyCharsMax) finish({ statusCode, responseBody: text.slice(0, options.responseBodyCharsMax), error: invalid });
          });
          response.on('end', () => finish({ statusCode, responseBody: text === '' ? null : text.slice(0, options.responseBodyCharsMax), error: invalid }));
          response.on('error', (error) => finish({ statusCode, responseBody: text || null, error: invalid ?? error.message }));
        },
      );
    } catch (error) {
      return finish({ statusCode: null, responseBody: null, error: error instanceof Error ? error.message : String(error) });
    }
    request.on('error', (error) => finish({ statusCode: null, responseBody: null, error: error.message }));
    request.end(options.body);
  });
}
