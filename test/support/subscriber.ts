import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

/** A live subscription collecting what it receives. */
export interface Subscriber<T> {
  received: T[];
  errors: unknown[];
  /** Resolves when `received` holds at least `count` items (rejects after `timeoutMs`). */
  waitFor(count: number, timeoutMs?: number): Promise<T[]>;
  /** Resolves once the server acknowledged the subscription and it is live (first replay done or empty). */
  close(): Promise<void>;
  client: Client;
}

/**
 * Subscribes with the real graphql-ws client over a real socket, one socket per subscriber.
 * `pick` extracts the item from each `next` payload's data.
 */
export function subscribe<T>(
  url: string,
  token: string,
  query: string,
  variables: Record<string, unknown>,
  pick: (data: any) => T,
): Subscriber<T> {
  const client = createClient({
    url: `${url.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    lazy: true,
    connectionParams: { authorization: `Bearer ${token}` },
  });
  const received: T[] = [];
  const errors: unknown[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  const check = () => {
    for (const waiter of [...waiters]) {
      if (received.length >= waiter.count) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    }
  };
  client.subscribe(
    { query, variables },
    {
      next: (value) => {
        if (value.errors) errors.push(...value.errors.map(withoutRequestId));
        else received.push(pick(value.data));
        check();
      },
      error: (error) => {
        errors.push(Array.isArray(error) ? error.map(withoutRequestId) : error);
      },
      complete: () => {},
    },
  );
  return {
    received,
    errors,
    client,
    waitFor(count, timeoutMs = 20_000) {
      return new Promise<T[]>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`Received ${received.length} of ${count} within ${timeoutMs} ms; errors: ${JSON.stringify(errors)}`)),
          timeoutMs,
        );
        waiters.push({
          count,
          resolve: () => {
            clearTimeout(timer);
            resolve(received);
          },
        });
        check();
      });
    },
    close: () => client.dispose() as Promise<void>,
  };
}

export const TRANSACTION_ADDED = `subscription($walletId: ID!, $afterSequence: String) {
  transactionAdded(walletId: $walletId, afterSequence: $afterSequence) { id sequence amount balanceAfter }
}`;

export interface AddedTransaction {
  id: string;
  sequence: string;
  amount: string;
  balanceAfter: string;
}

/**
 * A GraphQL error from the socket, once checked to carry its operation's id (`extensions.requestId`),
 * without it: subscribers' tests check the id through here, and their assertions stay about the error.
 * @throws Error when the id is missing.
 */
function withoutRequestId(error: unknown): unknown {
  const { extensions, ...rest } = error as { extensions?: Record<string, unknown> };
  const { requestId, ...others } = extensions ?? {};
  if (typeof requestId !== 'string' || requestId === '')
    throw new Error(`A socket error without extensions.requestId: ${JSON.stringify(error)}`);
  return { ...rest, extensions: others };
}
