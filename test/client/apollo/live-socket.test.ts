// Goal: one graphql-ws client per credential (an API key in connectionParams; a session with no params, its cookie riding on the handshake), retries forever except on 4403, which a session's page hears about, and a status the header can show; method: a fake createClient that records its options and plays the client's events.
import { gql, type ApolloLink } from '@apollo/client';
import type { Client, ClientOptions } from 'graphql-ws';
import { firstValueFrom } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { createLiveSocket, LAZY_CLOSE_TIMEOUT_MS } from '../../../client/src/apollo/live-socket.js';

interface FakeClient {
  options: ClientOptions;
  disposed: boolean;
  subscribed: unknown[];
}

function fakeFactory() {
  const made: FakeClient[] = [];
  const createClient = (options: ClientOptions): Client => {
    const fake: FakeClient = { options, disposed: false, subscribed: [] };
    made.push(fake);
    return {
      on: () => () => undefined,
      subscribe(payload) {
        fake.subscribed.push(payload);
        return () => undefined;
      },
      iterate: () => {
        throw new Error('not used');
      },
      dispose() {
        fake.disposed = true;
      },
      terminate: () => undefined,
    };
  };
  return { made, createClient };
}

const closeEvent = (code: number) => ({ code, reason: '', wasClean: true });

function operation(): ApolloLink.Operation {
  return {
    query: gql`
      subscription BalanceChanged($walletId: ID!) {
        balanceChanged(walletId: $walletId) {
          id
        }
      }
    `,
    variables: { walletId: 'w1' },
    operationName: 'BalanceChanged',
    operationType: 'subscription',
    extensions: {},
    getContext: () => ({}),
    setContext: () => ({}),
    client: undefined,
  } as unknown as ApolloLink.Operation;
}

describe('live socket', () => {
  it('connects lazily with the key as a Bearer authorization and retries without end', () => {
    const { made, createClient } = fakeFactory();
    createLiveSocket({ url: 'ws://host/graphql', apiKey: 'sw_key1', createClient });
    expect(made).toHaveLength(1);
    const options = made[0]!.options;
    expect(options.url).toBe('ws://host/graphql');
    expect(options.connectionParams).toEqual({ authorization: 'Bearer sw_key1' });
    expect(options.lazy).toBe(true);
    expect(options.lazyCloseTimeout).toBe(LAZY_CLOSE_TIMEOUT_MS);
    expect(options.retryAttempts).toBe(Number.POSITIVE_INFINITY);
    expect(options.keepAlive).toBeGreaterThan(0);
  });

  it('retries lost sockets and sockets that failed to open, but never a refused key (4403)', () => {
    const { made, createClient } = fakeFactory();
    createLiveSocket({ url: 'ws://host/graphql', apiKey: 'sw_key1', createClient });
    const shouldRetry = made[0]!.options.shouldRetry!;
    expect(shouldRetry(closeEvent(1006))).toBe(true);
    expect(shouldRetry(closeEvent(4413))).toBe(true);
    expect(shouldRetry(closeEvent(4408))).toBe(true);
    expect(shouldRetry({ type: 'error' })).toBe(true);
    expect(shouldRetry(closeEvent(4403))).toBe(false);
  });

  it('reports Connecting… → Live → Offline → Reconnecting… → Live from the client’s events', () => {
    const { made, createClient } = fakeFactory();
    const socket = createLiveSocket({ url: 'ws://host/graphql', apiKey: 'sw_key1', createClient });
    const seen: string[] = [];
    socket.subscribe(() => seen.push(socket.getStatus().state));
    const on = made[0]!.options.on!;
    on.connecting!(false);
    on.connected!({} as never, undefined, false);
    on.closed!(closeEvent(1006));
    on.connecting!(true);
    on.connected!({} as never, undefined, true);
    expect(seen).toEqual(['connecting', 'live', 'offline', 'connecting', 'live']);
  });

  it('stops at "revoked" on 4403 and refuses further subscriptions for that key', async () => {
    const { made, createClient } = fakeFactory();
    const socket = createLiveSocket({ url: 'ws://host/graphql', apiKey: 'sw_revoked', createClient });
    made[0]!.options.on!.closed!(closeEvent(4403));
    expect(socket.getStatus()).toEqual({ state: 'revoked' });
    await expect(firstValueFrom(socket.link.request(operation(), () => undefined as never))).rejects.toThrow(/4403/);
    expect(made[0]!.subscribed).toHaveLength(0);
  });

  it('makes a new client when the key changes and disposes the old one; none after sign-out', () => {
    const { made, createClient } = fakeFactory();
    const socket = createLiveSocket({ url: 'ws://host/graphql', apiKey: 'sw_key1', createClient });
    made[0]!.options.on!.connected!({} as never, undefined, false);
    expect(socket.getStatus().state).toBe('live');

    socket.setApiKey('sw_key1');
    expect(made).toHaveLength(1);

    socket.setApiKey('sw_key2');
    expect(made).toHaveLength(2);
    expect(made[0]!.disposed).toBe(true);
    expect(made[1]!.options.connectionParams).toEqual({ authorization: 'Bearer sw_key2' });
    expect(socket.getStatus().state).toBe('idle');

    // The old client's socket closing late must not overwrite the new key's status.
    made[1]!.options.on!.connecting!(false);
    made[0]!.options.on!.closed!(closeEvent(1006));
    expect(socket.getStatus().state).toBe('connecting');

    socket.setApiKey(null);
    expect(made[1]!.disposed).toBe(true);
    expect(made).toHaveLength(2);
    expect(socket.getStatus().state).toBe('idle');
  });

  it('sends subscriptions through the current key’s client', () => {
    const { made, createClient } = fakeFactory();
    const socket = createLiveSocket({ url: 'ws://host/graphql', apiKey: 'sw_key1', createClient });
    const subscription = socket.link.request(operation(), () => undefined as never).subscribe({});
    expect(made[0]!.subscribed).toHaveLength(1);
    expect(made[0]!.subscribed[0]).toMatchObject({ operationName: 'BalanceChanged', variables: { walletId: 'w1' } });
    subscription.unsubscribe();
  });

  it('answers with an error when no key is in use', async () => {
    const { createClient } = fakeFactory();
    const socket = createLiveSocket({ url: 'ws://host/graphql', apiKey: null, createClient });
    await expect(firstValueFrom(socket.link.request(operation(), () => undefined as never))).rejects.toThrow(/No API key/);
  });
});

describe('live socket: dashboard session', () => {
  it('sends no connectionParams for a session: the browser adds the cookie to the handshake', () => {
    const { made, createClient } = fakeFactory();
    createLiveSocket({ url: 'ws://host/graphql', credential: { kind: 'session', userId: 'u1' }, createClient });
    expect(made).toHaveLength(1);
    expect(made[0]!.options.connectionParams).toBeUndefined();
    expect(made[0]!.options.lazy).toBe(true);
    expect(made[0]!.options.shouldRetry!(closeEvent(4403))).toBe(false);
  });

  it('starts with no client while the session is unknown, and makes one per user', () => {
    const { made, createClient } = fakeFactory();
    const socket = createLiveSocket({ url: 'ws://host/graphql', credential: null, createClient });
    expect(made).toHaveLength(0);
    socket.setCredential({ kind: 'session', userId: 'u1' });
    socket.setCredential({ kind: 'session', userId: 'u1' });
    expect(made).toHaveLength(1);
    socket.setCredential({ kind: 'session', userId: 'u2' });
    expect(made).toHaveLength(2);
    expect(made[0]!.disposed).toBe(true);
    // From a session to a key: a key's client carries it.
    socket.setApiKey('sw_key1');
    expect(made).toHaveLength(3);
    expect(made[1]!.disposed).toBe(true);
    expect(made[2]!.options.connectionParams).toEqual({ authorization: 'Bearer sw_key1' });
  });

  it('tells onForbidden once when the server closes the session’s socket with 4403, and refuses further subscriptions', async () => {
    const { made, createClient } = fakeFactory();
    const refused: unknown[] = [];
    const socket = createLiveSocket({
      url: 'ws://host/graphql',
      credential: { kind: 'session', userId: 'u1' },
      createClient,
      onForbidden: (credential) => refused.push(credential),
    });
    const on = made[0]!.options.on!;
    on.connected!({} as never, undefined, false);
    on.closed!(closeEvent(4403));
    on.closed!(closeEvent(4403));
    expect(refused).toEqual([{ kind: 'session', userId: 'u1' }]);
    expect(socket.getStatus()).toEqual({ state: 'revoked' });
    await expect(firstValueFrom(socket.link.request(operation(), () => undefined as never))).rejects.toThrow(/refused this session.*4403/);
  });

  it('does not tell onForbidden about other close codes or about a client already replaced', () => {
    const { made, createClient } = fakeFactory();
    const refused: unknown[] = [];
    const socket = createLiveSocket({
      url: 'ws://host/graphql',
      credential: { kind: 'session', userId: 'u1' },
      createClient,
      onForbidden: (credential) => refused.push(credential),
    });
    made[0]!.options.on!.closed!(closeEvent(1006));
    made[0]!.options.on!.closed!(closeEvent(4401));
    socket.setCredential(null);
    made[0]!.options.on!.closed!(closeEvent(4403));
    expect(refused).toEqual([]);
    expect(socket.getStatus().state).toBe('idle');
  });

  it('lets onForbidden replace the credential: the new one starts from a clean status', () => {
    const { made, createClient } = fakeFactory();
    const socket: ReturnType<typeof createLiveSocket> = createLiveSocket({
      url: 'ws://host/graphql',
      credential: { kind: 'session', userId: 'u1' },
      createClient,
      onForbidden: () => socket.setCredential(null),
    });
    made[0]!.options.on!.closed!(closeEvent(4403));
    expect(made[0]!.disposed).toBe(true);
    expect(socket.getStatus()).toEqual({ state: 'idle' });
  });

  it('signing in again after a refusal makes a fresh client for the same user', () => {
    const { made, createClient } = fakeFactory();
    const socket = createLiveSocket({ url: 'ws://host/graphql', credential: { kind: 'session', userId: 'u1' }, createClient });
    made[0]!.options.on!.closed!(closeEvent(4403));
    socket.setCredential({ kind: 'session', userId: 'u1' });
    expect(made).toHaveLength(2);
    expect(socket.getStatus().state).toBe('idle');
  });
});
