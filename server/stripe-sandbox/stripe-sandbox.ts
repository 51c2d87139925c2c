/**
 * A loopback, in-memory stand-in for the part of the Stripe REST API the product uses, so that the
 * real `stripe` SDK pointed at it (`new Stripe(key, { ...sandbox.stripeConnection(),
 * maxNetworkRetries: 0, telemetry: false })`) behaves like Stripe test mode: test cards, declines,
 * simulated 3-D Secure, refunds, idempotent requests and signed webhooks delivered at least once.
 *
 * Started by `npm start` when no STRIPE_SECRET_KEY is set, and by tests. Never exposed publicly:
 * it accepts any `sk_test_…` key.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import { optionalString, optionalStringArray, paramsFromJson, parseFormParams, type Params } from './form-params.js';
import { IDEMPOTENCY_KEY_CHARACTERS_MAX, IdempotencyStore, requestFingerprint } from './idempotency-store.js';
import { invalidRequest, SandboxApiError, type StripeErrorBody } from './sandbox-errors.js';
import { newId, SandboxLedger, type AuthenticationOutcome, type RefundFailureReason, type RequestInfo } from './sandbox-ledger.js';
import { WebhookDispatcher, type DeliverOptions } from './webhook-dispatcher.js';
import { log } from '../logging/logger.js';

export { SANDBOX_TEST_CARDS, type SandboxTestCard } from './test-cards.js';
export type { RefundFailureReason, SandboxEventType } from './sandbox-ledger.js';

export interface StripeSandboxOptions {
  /** Secret used to sign webhooks (Stripe-Signature header), e.g. 'whsec_...'. */
  webhookSecret: string;
  /** Where signed webhook events are POSTed; can be set later with setWebhookUrl. Undefined = events are recorded, not sent. */
  webhookUrl?: string;
  /** Interface to listen on. @default '127.0.0.1' */
  host?: string;
  /** Port to listen on; 0 picks a free one. @default 0 */
  port?: number;
  /** Delivery attempts per event before giving up (retries on non-2xx or network error, backoff 250ms doubling, capped 5s). @default 8 */
  webhookAttemptsMax?: number;
  /** Unix-seconds clock for `created` and signature timestamps. @default Date.now()/1000 */
  nowSeconds?: () => number;
}

/** Largest request body accepted, in bytes; larger ones get 413. */
export const REQUEST_BODY_BYTES_MAX = 1024 * 1024;
/** Deepest `expand` path accepted (Stripe: 4 levels). */
const EXPAND_DEPTH_MAX = 4;
const WEBHOOK_ATTEMPTS_DEFAULT = 8;
/** How long an idle keep-alive connection stays open. */
const SERVER_KEEP_ALIVE_TIMEOUT_MS = 65_000;

type Handler = (match: RegExpExecArray, params: Params, request: RequestInfo, path: string) => object;

interface Route {
  method: 'GET' | 'POST';
  pattern: RegExp;
  /** Browser-facing: authorized by the intent's client secret instead of a secret key, CORS-enabled. */
  browser?: boolean;
  handle: Handler;
}

const ID = '([A-Za-z0-9_]+)';

function group(match: RegExpExecArray, index: number): string {
  return decodeURIComponent(match[index] ?? '');
}

function connectableHost(host: string): string {
  if (host === '0.0.0.0') return '127.0.0.1';
  if (host === '::') return '::1';
  return host;
}

/** See the module comment. */
export class StripeSandbox {
  /** The port the sandbox listens on. */
  readonly port: number;
  /** Base URL, e.g. http://127.0.0.1:PORT. */
  readonly url: string;
  private readonly host: string;
  private readonly ledger: SandboxLedger;
  private readonly dispatcher: WebhookDispatcher;
  private readonly idempotency: IdempotencyStore;
  private readonly routes: Route[];
  private readonly nowSeconds: () => number;

  private constructor(
    private readonly server: http.Server,
    options: StripeSandboxOptions,
    host: string,
    port: number,
  ) {
    const nowSeconds = options.nowSeconds ?? (() => Date.now() / 1000);
    this.nowSeconds = nowSeconds;
    this.host = host;
    this.port = port;
    this.url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
    this.ledger = new SandboxLedger({ nowSeconds, apiVersion: Stripe.API_VERSION, baseUrl: this.url });
    this.dispatcher = new WebhookDispatcher({
      secret: options.webhookSecret,
      url: options.webhookUrl,
      attemptsMax: options.webhookAttemptsMax ?? WEBHOOK_ATTEMPTS_DEFAULT,
      nowSeconds,
    });
    this.idempotency = new IdempotencyStore(nowSeconds);
    this.routes = this.buildRoutes();
  }

  /**
   * Starts a sandbox listening on `options.host`:`options.port`.
   * @throws when webhookSecret is empty, webhookAttemptsMax is not a positive integer, or listening fails.
   */
  static async start(options: StripeSandboxOptions): Promise<StripeSandbox> {
    if (!options.webhookSecret) {
      throw new Error('StripeSandbox: webhookSecret is required (e.g. "whsec_sandbox").');
    }
    // Longer than stripe-node's pooled keep-alive sockets usually idle, so the server rarely closes
    // one just as the SDK reuses it (stripe-node then retries once with the same Idempotency-Key).
    const server = http.createServer({ keepAliveTimeout: SERVER_KEEP_ALIVE_TIMEOUT_MS });
    const host = options.host ?? '127.0.0.1';
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    const address = server.address() as AddressInfo;
    let sandbox: StripeSandbox;
    try {
      sandbox = new StripeSandbox(server, options, connectableHost(host), address.port);
    } catch (error) {
      server.close();
      throw error;
    }
    server.on('request', (request: http.IncomingMessage, response: http.ServerResponse) => {
      void sandbox.handle(request, response);
    });
    return sandbox;
  }

  /** Options to spread into `new Stripe(key, {...})`. */
  stripeConnection(): { host: string; port: number; protocol: 'http' } {
    return { host: this.host, port: this.port, protocol: 'http' };
  }

  /** Sets (or, with undefined, unsets) where events are POSTed; queued events go there from now on. */
  setWebhookUrl(url: string | undefined): void {
    this.dispatcher.setUrl(url);
  }

  /** Every event created so far, oldest first (copies). */
  events(): Stripe.Event[] {
    return structuredClone([...this.ledger.allEvents()]);
  }

  /** While paused, new events are queued (not sent); an event already being retried finishes first. */
  pauseWebhooks(): void {
    this.dispatcher.pause();
  }

  /** Sends the queued events in order; resolves when they are delivered or given up. */
  resumeWebhooks(): Promise<void> {
    return this.dispatcher.resume();
  }

  /**
   * Events created while a webhook URL was set that have not been acknowledged with a 2xx yet,
   * oldest first (copies); includes events whose attempts ran out.
   */
  pendingEvents(): Stripe.Event[] {
    return structuredClone(this.dispatcher.pending());
  }

  /**
   * POSTs one event now, signed with the webhook secret at the current time unless told
   * otherwise; resolves to the HTTP status. Does not retry and does not change what is pending.
   * @throws (rejects) on a network failure, or when no URL is given or set.
   */
  deliver(event: Stripe.Event, options?: DeliverOptions): Promise<number> {
    return this.dispatcher.deliver(event, options);
  }

  /**
   * Completes a simulated 3-D Secure challenge on a PaymentIntent (pi_...) or SetupIntent
   * (seti_...) in status requires_action, with the effects and events Stripe would produce.
   * @throws (rejects) SandboxApiError when the intent is unknown or not in requires_action.
   */
  async authenticate(intentId: string, outcome: AuthenticationOutcome): Promise<void> {
    try {
      this.ledger.authenticate(intentId, outcome, { id: null, idempotencyKey: null });
    } finally {
      this.flushEvents();
    }
  }

  /**
   * Makes every new refund fail with `reason` until called with null (refunds succeed again): the
   * refund comes back `status: 'failed'` with that `failure_reason` and moves no money, as a
   * refund to a closed or expired card does at Stripe.
   */
  failRefunds(reason: RefundFailureReason | null): void {
    this.ledger.setRefundFailure(reason);
  }

  /** Resolves when no webhook delivery is in flight or waiting for a retry (ignores a paused queue). */
  idle(): Promise<void> {
    return this.dispatcher.idle();
  }

  /** Stops webhook delivery (in-flight attempts are aborted) and closes the server and its connections. */
  async close(): Promise<void> {
    this.dispatcher.close();
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  // HTTP --------------------------------------------------------------------------------------

  private buildRoutes(): Route[] {
    const ledger = this.ledger;
    const route = (method: Route['method'], path: string, handle: Handler, browser = false): Route => ({
      method,
      pattern: new RegExp(`^${path}$`),
      browser,
      handle,
    });
    return [
      route('POST', '/v1/customers', (_m, params, request) => ledger.createCustomer(params, request)),
      route('GET', `/v1/customers/${ID}`, (m) => ledger.retrieveCustomer(group(m, 1))),
      route('POST', `/v1/customers/${ID}`, (m, params) => ledger.updateCustomer(group(m, 1), params)),
      route('GET', `/v1/customers/${ID}/payment_methods`, (m, params, _r, path) => ledger.listPaymentMethods(group(m, 1), params, path)),
      route('GET', `/v1/customers/${ID}/payment_methods/${ID}`, (m) => {
        const method = ledger.retrievePaymentMethod(group(m, 2));
        if (method.customer !== group(m, 1)) {
          throw invalidRequest(`No such PaymentMethod: '${group(m, 2)}'`, { code: 'resource_missing' });
        }
        return method;
      }),
      route('GET', '/v1/payment_methods', (_m, params, _r, path) => {
        const customer = optionalString(params, 'customer');
        if (!customer) {
          throw invalidRequest('Missing required param: customer.', { param: 'customer', code: 'parameter_missing' });
        }
        return ledger.listPaymentMethods(customer, params, path);
      }),
      route('GET', `/v1/payment_methods/${ID}`, (m) => ledger.retrievePaymentMethod(group(m, 1))),
      route('POST', `/v1/payment_methods/${ID}/attach`, (m, params, request) => ledger.attachPaymentMethod(group(m, 1), params, request)),
      route('POST', `/v1/payment_methods/${ID}/detach`, (m, _p, request) => ledger.detachPaymentMethod(group(m, 1), request)),
      route('POST', '/v1/payment_intents', (_m, params, request) => ledger.createPaymentIntent(params, request)),
      route('GET', `/v1/payment_intents/${ID}`, (m) => ledger.retrievePaymentIntent(group(m, 1))),
      route('POST', `/v1/payment_intents/${ID}`, (m, params) => ledger.updatePaymentIntent(group(m, 1), params)),
      route('POST', `/v1/payment_intents/${ID}/confirm`, (m, params, request) => ledger.confirmPaymentIntent(group(m, 1), params, request)),
      route('POST', `/v1/payment_intents/${ID}/cancel`, (m, params, request) => ledger.cancelPaymentIntent(group(m, 1), params, request)),
      route(
        'POST',
        `/v1/payment_intents/${ID}/sandbox_authenticate`,
        (m, params, request) => this.browserAuthenticate(group(m, 1), params, request),
        true,
      ),
      route('POST', '/v1/setup_intents', (_m, params, request) => ledger.createSetupIntent(params, request)),
      route('GET', `/v1/setup_intents/${ID}`, (m) => ledger.retrieveSetupIntent(group(m, 1))),
      route('POST', `/v1/setup_intents/${ID}/confirm`, (m, params, request) => ledger.confirmSetupIntent(group(m, 1), params, request)),
      route(
        'POST',
        `/v1/setup_intents/${ID}/sandbox_authenticate`,
        (m, params, request) => this.browserAuthenticate(group(m, 1), params, request),
        true,
      ),
      route('POST', '/v1/refunds', (_m, params, request) => ledger.createRefund(params, request)),
      route('GET', `/v1/refunds/${ID}`, (m) => ledger.retrieveRefund(group(m, 1))),
      route('GET', `/v1/charges/${ID}`, (m) => ledger.retrieveCharge(group(m, 1))),
      route('GET', `/v1/events/${ID}`, (m) => ledger.retrieveEvent(group(m, 1))),
    ];
  }

  private browserAuthenticate(intentId: string, params: Params, request: RequestInfo): object {
    const clientSecret = optionalString(params, 'client_secret');
    if (!clientSecret) {
      throw invalidRequest('Missing required param: client_secret.', { param: 'client_secret', code: 'parameter_missing' });
    }
    const outcome = optionalString(params, 'outcome');
    if (outcome !== 'succeed' && outcome !== 'fail') {
      throw invalidRequest("Invalid outcome: must be one of 'succeed', 'fail'.", { param: 'outcome' });
    }
    return this.ledger.authenticate(intentId, outcome, request, clientSecret);
  }

  private async handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    const requestId = newId('req', 14);
    const requestUrl = new URL(request.url ?? '/', 'http://sandbox.invalid');
    const path = requestUrl.pathname;
    const method = request.method ?? 'GET';
    const headers: Record<string, string> = {
      'Request-Id': requestId,
      'Stripe-Version': typeof request.headers['stripe-version'] === 'string' ? request.headers['stripe-version'] : Stripe.API_VERSION,
    };
    const reply = (statusCode: number, body: string, extra: Record<string, string> = {}): void => {
      response.writeHead(statusCode, { 'Content-Type': 'application/json', ...headers, ...extra });
      response.end(body);
    };
    const replyError = (error: SandboxApiError): void => reply(error.statusCode, JSON.stringify({ error: error.body }, null, 2));

    try {
      const candidates = this.routes.filter((candidate) => candidate.pattern.test(path));
      const browser = candidates.some((candidate) => candidate.browser);
      if (browser) {
        Object.assign(headers, { 'Access-Control-Allow-Origin': '*' });
      }
      if (method === 'OPTIONS' && browser) {
        response.writeHead(204, {
          ...headers,
          'Access-Control-Allow-Methods': 'POST, OPTIONS',
          'Access-Control-Allow-Headers': request.headers['access-control-request-headers'] ?? 'Content-Type',
          'Access-Control-Max-Age': '600',
        });
        response.end();
        return;
      }
      const body = await readBody(request);
      const route = candidates.find((candidate) => candidate.method === method);
      if (!route) {
        throw new SandboxApiError(404, {
          type: 'invalid_request_error',
          message: `Unrecognized request URL (${method}: ${path}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.`,
        });
      }
      if (!route.browser) {
        checkSecretKey(request.headers.authorization);
      }
      const params = parseParams(method, requestUrl, body, request.headers['content-type']);
      const idempotencyKey = method === 'POST' && !route.browser ? headerValue(request.headers['idempotency-key']) : undefined;
      if (idempotencyKey !== undefined) {
        if (idempotencyKey.length > IDEMPOTENCY_KEY_CHARACTERS_MAX) {
          throw invalidRequest(`Idempotency keys can be at most ${IDEMPOTENCY_KEY_CHARACTERS_MAX} characters long.`);
        }
        headers['Idempotency-Key'] = idempotencyKey;
        const fingerprint = requestFingerprint(method, path, params);
        const stored = this.idempotency.get(idempotencyKey);
        if (stored) {
          if (stored.fingerprint !== fingerprint) {
            throw new SandboxApiError(400, {
              type: 'idempotency_error',
              message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${idempotencyKey}' if you meant to execute a different request.`,
            });
          }
          reply(stored.statusCode, stored.body, { 'Idempotent-Replayed': 'true', 'Original-Request': stored.requestId });
          return;
        }
      }
      const requestInfo: RequestInfo = { id: requestId, idempotencyKey: idempotencyKey ?? null };
      let statusCode = 200;
      let json: string;
      try {
        const result = route.handle(route.pattern.exec(path) as RegExpExecArray, params, requestInfo, path);
        json = JSON.stringify(this.expand(result, params), null, 2);
      } catch (error) {
        if (!(error instanceof SandboxApiError)) {
          throw error;
        }
        statusCode = error.statusCode;
        json = JSON.stringify({ error: error.body }, null, 2);
      }
      // Like Stripe, keep the outcome of requests that ran (successes and declines), not refusals.
      if (idempotencyKey !== undefined && (statusCode === 200 || statusCode === 402)) {
        this.idempotency.set(idempotencyKey, {
          fingerprint: requestFingerprint(method, path, params),
          statusCode,
          body: json,
          requestId,
          createdSeconds: this.nowSeconds(),
        });
      }
      reply(statusCode, json);
    } catch (error) {
      if (error instanceof SandboxApiError) {
        replyError(error);
      } else {
        log.error({ err: error }, '[stripe-sandbox] internal error');
        replyError(new SandboxApiError(500, { type: 'api_error', message: 'An unknown error occurred in the Stripe sandbox.' }));
      }
    } finally {
      // Events go out after the response, as Stripe sends webhooks asynchronously.
      this.flushEvents();
    }
  }

  private flushEvents(): void {
    this.dispatcher.enqueue(this.ledger.takeOutbox());
  }

  /** Applies `expand[]` paths (e.g. latest_charge, data.customer) to a response. */
  private expand(result: object, params: Params): object {
    const paths = optionalStringArray(params, 'expand') ?? [];
    if (paths.length === 0) {
      return result;
    }
    const copy = structuredClone(result) as Record<string, unknown>;
    for (const path of paths) {
      const segments = path.split('.');
      if (segments.length > EXPAND_DEPTH_MAX || segments.some((segment) => segment === '')) {
        throw invalidRequest(`You cannot expand more than ${EXPAND_DEPTH_MAX} levels of a property: ${path}`, { param: 'expand' });
      }
      this.expandPath(copy, segments);
    }
    return copy;
  }

  private expandPath(node: unknown, segments: string[]): void {
    if (typeof node !== 'object' || node === null) {
      return;
    }
    if (Array.isArray(node)) {
      for (const item of node) {
        this.expandPath(item, segments);
      }
      return;
    }
    const [head, ...rest] = segments as [string, ...string[]];
    const record = node as Record<string, unknown>;
    let child = record[head];
    if (typeof child === 'string') {
      const found = this.ledger.lookup(child);
      if (found !== undefined) {
        child = structuredClone(found);
        record[head] = child;
      }
    }
    if (rest.length > 0) {
      this.expandPath(child, rest);
    }
  }
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function checkSecretKey(authorization: string | undefined): void {
  let key: string | undefined;
  if (authorization?.startsWith('Bearer ')) {
    key = authorization.slice('Bearer '.length).trim();
  } else if (authorization?.startsWith('Basic ')) {
    key = Buffer.from(authorization.slice('Basic '.length), 'base64').toString('utf8').split(':')[0];
  }
  if (!key) {
    throw new SandboxApiError(401, {
      type: 'invalid_request_error',
      message:
        "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').",
    } satisfies StripeErrorBody);
  }
  if (!/^sk_test_\S+$/.test(key)) {
    throw new SandboxApiError(401, {
      type: 'invalid_request_error',
      message: `Invalid API Key provided: ${key.slice(0, 8)}${'*'.repeat(Math.max(0, key.length - 12))}${key.slice(-4)}. The Stripe sandbox accepts test secret keys (sk_test_…) only.`,
    });
  }
}

function parseParams(method: string, url: URL, body: string, contentType: string | undefined): Params {
  if (method !== 'POST') {
    return parseFormParams(url.search.slice(1));
  }
  if (contentType?.toLowerCase().startsWith('application/json')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body === '' ? '{}' : body);
    } catch {
      throw invalidRequest('Invalid JSON in the request body.');
    }
    return paramsFromJson(parsed);
  }
  return parseFormParams(body);
}

function readBody(request: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let bytes = 0;
    let tooLarge = false;
    request.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > REQUEST_BODY_BYTES_MAX) {
        // Keep reading to the end (and drop it) so the answer reaches the client.
        tooLarge = true;
        chunks.length = 0;
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => {
      if (tooLarge) {
        const message = `Request bodies can be at most ${REQUEST_BODY_BYTES_MAX} bytes.`;
        reject(new SandboxApiError(413, { type: 'invalid_request_error', message }));
      } else {
        resolve(Buffer.concat(chunks).toString('utf8'));
      }
    });
    // A client that goes away mid-body gets no answer; nothing to log.
    request.on('error', () => reject(new SandboxApiError(400, { type: 'invalid_request_error', message: 'The request was aborted.' })));
  });
}
