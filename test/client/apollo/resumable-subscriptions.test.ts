// Goal: after a lost socket, a subscription with $afterSequence resumes after the last sequence it delivered, not the one it started with; method: a fake graphql-ws client for the payload rules, then the real graphql-ws client and server over a socket the server drops with 4413.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloClient, ApolloLink, gql, InMemoryCache } from '@apollo/client';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { buildSchema } from 'graphql';
import { createClient, type Client, type FormattedExecutionResult, type Sink, type SubscribePayload } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { resultSequence, withResumableSubscriptions } from '../../../client/src/apollo/resumable-subscriptions.js';

/** A graphql-ws client that records payloads and hands the test each subscription's sink. */
function fakeClient() {
  const subscriptions: { payload: SubscribePayload; sink: Sink<FormattedExecutionResult>; disposed: boolean }[] = [];
  const client: Client = {
    on: () => () => undefined,
    subscribe(payload, sink) {
      const entry = { payload, sink: sink as Sink<FormattedExecutionResult>, disposed: false };
      subscriptions.push(entry);
      return () => {
        entry.disposed = true;
      };
    },
    iterate: () => {
      throw new Error('not used');
    },
    dispose: () => undefined,
    terminate: () => undefined,
  };
  return { client, subscriptions };
}

/** What graphql-ws puts on the wire for a payload (it serialises at each send, getters included). */
const wire = (payload: SubscribePayload) => JSON.parse(JSON.stringify(payload)) as SubscribePayload;

const transaction = (sequence: string) => ({ data: { transactionAdded: { __typename: 'Transaction', id: `t${sequence}`, sequence } } });

describe('withResumableSubscriptions (payload rules)', () => {
  it('sends the page’s afterSequence first, then the highest sequence delivered', () => {
    const { client, subscriptions } = fakeClient();
    const received: unknown[] = [];
    withResumableSubscriptions(client).subscribe(
      { query: 'subscription { x }', operationName: 'TransactionAdded', variables: { walletId: 'w1', afterSequence: '7' } },
      { next: (value) => received.push(value), error: () => undefined, complete: () => undefined },
    );
    const payload = subscriptions[0]!.payload;
    expect(wire(payload)).toEqual({
      query: 'subscription { x }',
      operationName: 'TransactionAdded',
      variables: { walletId: 'w1', afterSequence: '7' },
    });

    subscriptions[0]!.sink.next(transaction('8'));
    subscriptions[0]!.sink.next(transaction('10'));
    subscriptions[0]!.sink.next(transaction('9'));
    expect(received).toHaveLength(3);
    expect(wire(payload).variables).toEqual({ walletId: 'w1', afterSequence: '10' });
  });

  it('resumes a subscription that started live (afterSequence null) once it delivered something', () => {
    const { client, subscriptions } = fakeClient();
    withResumableSubscriptions(client).subscribe(
      { query: 'q', variables: { walletId: 'w1', afterSequence: null } },
      { next: () => undefined, error: () => undefined, complete: () => undefined },
    );
    expect(wire(subscriptions[0]!.payload).variables).toEqual({ walletId: 'w1', afterSequence: null });
    subscriptions[0]!.sink.next(transaction('3'));
    expect(wire(subscriptions[0]!.payload).variables).toEqual({ walletId: 'w1', afterSequence: '3' });
  });

  it('resumes the alert feed by $afterPosition from the highest alert position delivered', () => {
    const { client, subscriptions } = fakeClient();
    withResumableSubscriptions(client).subscribe(
      { query: 'q', operationName: 'SupportAlertRaised', variables: { kinds: null, afterPosition: '0' } },
      { next: () => undefined, error: () => undefined, complete: () => undefined },
    );
    const alert = (position: string) => ({ data: { alertRaised: { __typename: 'Alert', id: position, position, sequence: '999' } } });
    subscriptions[0]!.sink.next(alert('41'));
    subscriptions[0]!.sink.next(alert('40'));
    // The alert's position counts, not another field that happens to be called sequence.
    expect(wire(subscriptions[0]!.payload).variables).toEqual({ kinds: null, afterPosition: '41' });
  });

  it('leaves subscriptions without $afterSequence alone, and passes errors and completion through', () => {
    const { client, subscriptions } = fakeClient();
    const payload = { query: 'q', variables: { walletId: 'w1' } };
    const events: string[] = [];
    const stop = withResumableSubscriptions(client).subscribe(payload, {
      next: () => events.push('next'),
      error: () => events.push('error'),
      complete: () => events.push('complete'),
    });
    expect(subscriptions[0]!.payload).toBe(payload);

    withResumableSubscriptions(client).subscribe(
      { query: 'q', variables: { afterSequence: '1' } },
      { next: () => events.push('next'), error: () => events.push('error'), complete: () => events.push('complete') },
    );
    subscriptions[1]!.sink.next({ errors: [{ message: 'NOT_FOUND' }] });
    subscriptions[1]!.sink.error(new Error('closed'));
    subscriptions[1]!.sink.complete();
    expect(events).toEqual(['next', 'error', 'complete']);
    expect(wire(subscriptions[1]!.payload).variables).toEqual({ afterSequence: '1' });
    stop();
    expect(subscriptions[0]!.disposed).toBe(true);
  });

  it('reads the sequence of a result’s root field, ignoring anything else', () => {
    expect(resultSequence({ transactionAdded: { sequence: '12' } })).toBe('12');
    expect(resultSequence({ balanceChanged: { sequence: '5' } })).toBe('5');
    expect(resultSequence({ transactionAdded: { sequence: 12 } })).toBeNull();
    expect(resultSequence({ transactionAdded: { sequence: '-1' } })).toBeNull();
    expect(resultSequence({ transactionAdded: null })).toBeNull();
    expect(resultSequence(null)).toBeNull();
  });
});

describe('withResumableSubscriptions (real socket)', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('resubscribes after a 4413 with the last delivered sequence, through Apollo’s GraphQLWsLink', async () => {
    const schema = buildSchema(`
      type Query { ok: Boolean }
      type Transaction { id: ID! sequence: String! }
      type Subscription { transactionAdded(walletId: ID!, afterSequence: String): Transaction! }
    `);
    const askedAfter: (string | null)[] = [];
    let ledgerHead = 5;
    const httpServer = http.createServer();
    const wsServer = new WebSocketServer({ server: httpServer, path: '/graphql' });
    const serverCleanup = useServer(
      {
        schema,
        roots: {
          subscription: {
            // The server's contract: every transaction after afterSequence, in order, then live ones.
            transactionAdded: async function* (args: { afterSequence?: string | null }) {
              askedAfter.push(args.afterSequence ?? null);
              const first = askedAfter.length === 1;
              for (let sequence = Number(args.afterSequence ?? ledgerHead) + 1; sequence <= ledgerHead; sequence += 1) {
                yield { transactionAdded: { id: `t${sequence}`, sequence: String(sequence) } };
              }
              if (first) {
                // Commits land while this subscriber is hung up on for falling behind.
                setTimeout(() => {
                  for (const socket of wsServer.clients) socket.close(4413, 'Subscriber fell behind: resume with afterSequence');
                  ledgerHead = 8;
                }, 50);
              }
              await new Promise(() => undefined);
            },
          },
        },
      },
      wsServer,
    );
    await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
    cleanups.push(async () => {
      await serverCleanup.dispose();
      await new Promise<void>((resolve) => httpServer.close(() => resolve()));
    });

    const url = `ws://127.0.0.1:${(httpServer.address() as AddressInfo).port}/graphql`;
    const wsClient = createClient({
      url,
      webSocketImpl: WebSocket,
      lazy: true,
      retryAttempts: 5,
      retryWait: () => new Promise((resolve) => setTimeout(resolve, 20)),
    });
    const apollo = new ApolloClient({
      link: ApolloLink.from([new GraphQLWsLink(withResumableSubscriptions(wsClient))]),
      cache: new InMemoryCache(),
    });
    cleanups.push(async () => {
      await wsClient.dispose();
    });

    const received: string[] = [];
    const done = new Promise<void>((resolve, reject) => {
      const subscription = apollo
        .subscribe({
          query: gql`
            subscription TransactionAdded($walletId: ID!, $afterSequence: String) {
              transactionAdded(walletId: $walletId, afterSequence: $afterSequence) {
                id
                sequence
              }
            }
          `,
          variables: { walletId: 'w1', afterSequence: '2' },
          fetchPolicy: 'no-cache',
        })
        .subscribe({
          next: (result) => {
            if (result.error) return reject(result.error);
            received.push((result.data as { transactionAdded: { sequence: string } }).transactionAdded.sequence);
            if (received.length === 6) {
              subscription.unsubscribe();
              resolve();
            }
          },
          error: reject,
        });
    });
    await done;

    expect(askedAfter).toEqual(['2', '5']);
    expect(received).toEqual(['3', '4', '5', '6', '7', '8']);
  });
});
