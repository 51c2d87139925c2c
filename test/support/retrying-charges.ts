// A client charging a wallet in order and retrying each charge with its idempotency key until it is
// acknowledged, as an integrator's client does through a database restart or a network stall. The
// fault tests (test/database/postgres-restart.test.ts, network-stall.test.ts) keep every failed
// attempt to check that each was a quick, retryable answer.
import type { TestApp } from './test-app.js';

export const CHARGE = `mutation($input: ChargeInput!) { charge(input: $input) { transaction { sequence } } }`;

/** An attempt that did not succeed: its HTTP status (0: no answer), code, retryable flag and time to answer. */
export interface FailedAttempt {
  status: number;
  code: string;
  retryable: boolean;
  answeredMs: number;
}

/** A running {@link startRetryingCharges}: the failed attempts so far, the count acknowledged, and its end. */
export interface RetryingCharges {
  failed: FailedAttempt[];
  done: Promise<void>;
  readonly acknowledged: number;
}

/**
 * Charges `walletId` 0.01 `count` times in order with key `key`, idempotency keys `<prefix>-<index>`;
 * each charge is retried 100 ms after a failed attempt until it is acknowledged.
 */
export function startRetryingCharges(t: TestApp, key: string, walletId: string, count: number, prefix: string): RetryingCharges {
  const failed: FailedAttempt[] = [];
  let acknowledged = 0;
  const done = (async () => {
    for (let index = 0; index < count; index++) {
      for (;;) {
        const startedMs = performance.now();
        const response = await t
          .graphql(key, CHARGE, { input: { walletId, amount: '0.01', idempotencyKey: `${prefix}-${index}` } })
          .catch(() => ({ status: 0, errors: [{ message: 'no answer', extensions: { code: 'NO_ANSWER' } }], data: null }));
        if (!response.errors) break;
        const extensions: Record<string, unknown> = response.errors[0]?.extensions ?? {};
        failed.push({
          status: response.status,
          code: String(extensions.code),
          retryable: extensions.retryable === true,
          answeredMs: performance.now() - startedMs,
        });
        // The client's retry delay (what Retry-After says), not a wait for a condition.
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      acknowledged++;
    }
  })();
  return {
    failed,
    done,
    get acknowledged() {
      return acknowledged;
    },
  };
}
