/**
 * Delivers sandbox events to a webhook endpoint the way Stripe does: a JSON POST signed with a
 * `Stripe-Signature` header, at least once, retried with backoff until a 2xx. One queue in
 * creation order; an event is retried until it is acknowledged or out of attempts before the next
 * one is sent, which keeps the order deterministic for tests.
 */
import http from 'node:http';
import https from 'node:https';
import { setTimeout as sleep } from 'node:timers/promises';
import Stripe from 'stripe';

/** First retry delay; each further retry waits twice as long. */
export const WEBHOOK_RETRY_DELAY_INITIAL_MS = 250;
/** Longest wait between two attempts. */
export const WEBHOOK_RETRY_DELAY_MAX_MS = 5_000;
/** How long one attempt may take before it counts as a network failure. */
export const WEBHOOK_ATTEMPT_TIMEOUT_MS = 10_000;

export interface WebhookDispatcherOptions {
  secret: string;
  url: string | undefined;
  /** Attempts per event, at least 1. */
  attemptsMax: number;
  nowSeconds: () => number;
}

/** Options of one manual delivery (see StripeSandbox.deliver). */
export interface DeliverOptions {
  timestampSeconds?: number;
  secret?: string;
  url?: string;
}

/** Sends one signed POST and resolves to the HTTP status; rejects on network failure or timeout. */
export function postSignedEvent(url: string, payload: string, signatureHeader: string, signal?: AbortSignal): Promise<number> {
  const target = new URL(url);
  const transport = target.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const request = transport.request(
      target,
      {
        method: 'POST',
        // A fresh connection per attempt: no pooled sockets outlive the sandbox or the receiver.
        agent: false,
        headers: {
          'Content-Type': 'application/json; charset=utf-8',
          'Content-Length': Buffer.byteLength(payload),
          'Stripe-Signature': signatureHeader,
          'User-Agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
        },
        timeout: WEBHOOK_ATTEMPT_TIMEOUT_MS,
        ...(signal === undefined ? {} : { signal }),
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
        response.on('error', reject);
      },
    );
    request.on('timeout', () => request.destroy(new Error(`Webhook attempt timed out after ${WEBHOOK_ATTEMPT_TIMEOUT_MS} ms`)));
    request.on('error', reject);
    request.end(payload);
  });
}

/** The JSON body Stripe posts for an event. */
export function eventPayload(event: Stripe.Event): string {
  return JSON.stringify(event, null, 2);
}

/** Signs `payload` like Stripe: `t=<timestamp>,v1=<HMAC-SHA256>`. */
export function signatureHeader(payload: string, secret: string, timestampSeconds: number): string {
  return Stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp: Math.floor(timestampSeconds) });
}

/** See the module comment. */
export class WebhookDispatcher {
  private url: string | undefined;
  private readonly queue: Stripe.Event[] = [];
  private readonly unacknowledged = new Map<string, Stripe.Event>();
  private paused = false;
  private running = false;
  private closed = false;
  private idleWaiters: Array<() => void> = [];
  private readonly abort = new AbortController();

  constructor(private readonly options: WebhookDispatcherOptions) {
    if (!Number.isInteger(options.attemptsMax) || options.attemptsMax < 1) {
      throw new RangeError(`webhookAttemptsMax must be an integer >= 1, got ${options.attemptsMax}`);
    }
    this.url = options.url;
  }

  setUrl(url: string | undefined): void {
    this.url = url;
    this.kick();
  }

  /** Queues events for delivery when an endpoint is set; without one they are only recorded. */
  enqueue(events: readonly Stripe.Event[]): void {
    if (this.url === undefined || this.closed) {
      return;
    }
    for (const event of events) {
      event.pending_webhooks = 1;
      this.queue.push(event);
      this.unacknowledged.set(event.id, event);
    }
    this.kick();
  }

  pause(): void {
    this.paused = true;
  }

  resume(): Promise<void> {
    this.paused = false;
    this.kick();
    return this.idle();
  }

  /** Events queued while an endpoint was set that have not been answered with a 2xx yet. */
  pending(): Stripe.Event[] {
    return [...this.unacknowledged.values()];
  }

  /** Resolves once nothing is being delivered or waiting for a retry (a paused queue does not count). */
  idle(): Promise<void> {
    if (!this.running) {
      return Promise.resolve();
    }
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** POSTs one event once, signed now (or as told); resolves to the HTTP status. */
  async deliver(event: Stripe.Event, options: DeliverOptions = {}): Promise<number> {
    const url = options.url ?? this.url;
    if (url === undefined) {
      throw new Error('StripeSandbox.deliver: no webhook URL (pass options.url or set one).');
    }
    const payload = eventPayload(event);
    const header = signatureHeader(payload, options.secret ?? this.options.secret, options.timestampSeconds ?? this.options.nowSeconds());
    return postSignedEvent(url, payload, header, this.abort.signal);
  }

  /** Stops delivering: an attempt in flight is aborted and no retry runs. */
  close(): void {
    this.closed = true;
    this.abort.abort();
    this.resolveIdle();
  }

  private kick(): void {
    if (!this.running && !this.paused && !this.closed && this.url !== undefined && this.queue.length > 0) {
      this.running = true;
      void this.run();
    }
  }

  private async run(): Promise<void> {
    try {
      while (!this.paused && !this.closed && this.queue.length > 0) {
        const event = this.queue[0] as Stripe.Event;
        const delivered = await this.deliverWithRetries(event);
        if (delivered === 'stopped') {
          break;
        }
        this.queue.shift();
      }
    } finally {
      this.running = false;
      this.resolveIdle();
    }
  }

  /** Attempts until a 2xx or attemptsMax; 'stopped' when the endpoint was unset or the dispatcher closed. */
  private async deliverWithRetries(event: Stripe.Event): Promise<'acknowledged' | 'abandoned' | 'stopped'> {
    for (let attempt = 1; attempt <= this.options.attemptsMax; attempt += 1) {
      const url = this.url;
      if (url === undefined || this.closed) {
        return 'stopped';
      }
      let status = 0;
      try {
        // Stripe signs every attempt afresh, so a retry carries a current timestamp.
        const payload = eventPayload(event);
        const header = signatureHeader(payload, this.options.secret, this.options.nowSeconds());
        status = await postSignedEvent(url, payload, header, this.abort.signal);
      } catch {
        // A network failure or timeout counts as a failed attempt, like a non-2xx answer.
        status = 0;
      }
      if (status >= 200 && status < 300) {
        event.pending_webhooks = 0;
        this.unacknowledged.delete(event.id);
        return 'acknowledged';
      }
      if (attempt < this.options.attemptsMax) {
        const delayMs = Math.min(WEBHOOK_RETRY_DELAY_INITIAL_MS * 2 ** (attempt - 1), WEBHOOK_RETRY_DELAY_MAX_MS);
        try {
          await sleep(delayMs, undefined, { signal: this.abort.signal });
        } catch {
          return 'stopped';
        }
      }
    }
    return 'abandoned';
  }

  private resolveIdle(): void {
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) {
      resolve();
    }
  }
}
