/**
 * Stripe's idempotent requests: the first response to a POST with an `Idempotency-Key` is kept
 * and replayed for the same key and the same request; the same key with a different request is
 * refused. Keys expire after 24 hours, as at Stripe, and the store holds a bounded number.
 */
import type { Params } from './form-params.js';

/** How long a key is remembered, in seconds (Stripe: 24 hours). */
export const IDEMPOTENCY_KEY_TTL_SECONDS = 24 * 60 * 60;
/** Most keys remembered at once; the oldest is forgotten first beyond it. */
export const IDEMPOTENCY_KEYS_MAX = 10_000;
/** Longest key accepted, in characters (Stripe: 255). */
export const IDEMPOTENCY_KEY_CHARACTERS_MAX = 255;

/** A response kept for replay. */
export interface StoredResponse {
  /** What identifies the request: method, path and parameters. */
  fingerprint: string;
  statusCode: number;
  body: string;
  requestId: string;
  createdSeconds: number;
}

function canonical(value: Params | string): unknown {
  if (typeof value === 'string') {
    return value;
  }
  return Object.keys(value)
    .sort()
    .map((key) => [key, canonical(value[key] as Params | string)]);
}

/** The fingerprint of a request: equal for the same endpoint and parameters in any order. */
export function requestFingerprint(method: string, path: string, params: Params): string {
  return JSON.stringify([method, path, canonical(params)]);
}

/** See the module comment. */
export class IdempotencyStore {
  private readonly responses = new Map<string, StoredResponse>();

  constructor(private readonly nowSeconds: () => number) {}

  /** The kept response for `key`, unless it expired. */
  get(key: string): StoredResponse | undefined {
    const stored = this.responses.get(key);
    if (stored && this.nowSeconds() - stored.createdSeconds >= IDEMPOTENCY_KEY_TTL_SECONDS) {
      this.responses.delete(key);
      return undefined;
    }
    return stored;
  }

  set(key: string, response: StoredResponse): void {
    this.responses.delete(key);
    this.responses.set(key, response);
    while (this.responses.size > IDEMPOTENCY_KEYS_MAX) {
      const oldest = this.responses.keys().next().value as string;
      this.responses.delete(oldest);
    }
  }
}
