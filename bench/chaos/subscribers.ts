/**
 * The storm's subscribers: one per server process (the operator's token), following
 * `transactionAdded` of every storm wallet and `alertRaised`. A server refuses more than
 * `subscriptionsPerSocketMax` operations on one socket (LIMIT_EXCEEDED), so a subscriber spreads its
 * streams over as many sockets as that takes, as a client following many wallets must. When a
 * socket closes (process killed, too far behind, network), that socket reconnects to the same
 * process and resumes each of its streams after the last sequence or position it saw, as the README
 * tells clients to. Everything received is kept, in arrival order, for the final checks.
 */
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { loadConfig } from '../../server/config.js';

const TRANSACTIONS =
  'subscription T($walletId: ID!, $after: String) { transactionAdded(walletId: $walletId, afterSequence: $after) { sequence } }';
const ALERTS = 'subscription A($after: String) { alertRaised(afterPosition: $after) { position } }';
/** Wait before reconnecting after the socket closed, in ms. */
const RECONNECT_DELAY_MS = 250;

/** What the servers accept on one socket (the default configuration, which the storm's servers run with). */
export const OPERATIONS_PER_SOCKET_MAX = loadConfig({}).subscriptionsPerSocketMax;

/** One socket of a subscriber: some of its wallets' streams, and the alerts on the first. */
class SubscriberSocket {
  /** Times this socket closed and resumed. */
  resumes = 0;
  private client: Client | undefined;
  private closed = false;
  private generation = 0;

  constructor(
    private readonly owner: StormSubscriber,
    private readonly port: () => number,
    private readonly adminToken: string,
    private readonly walletIds: string[],
    private readonly alerts: boolean,
  ) {}

  connect(): void {
    if (this.closed) return;
    const generation = ++this.generation;
    const client = createClient({
      url: `ws://127.0.0.1:${this.port()}/graphql`,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      lazy: false,
      connectionParams: { authorization: `Bearer ${this.adminToken}` },
      onNonLazyError: () => this.reconnect(generation),
    });
    this.client = client;
    const onError = (error?: unknown) => {
      // An array of GraphQL errors is the server refusing the operation (a socket close is an event).
      if (Array.isArray(error) && generation === this.generation) {
        const code = String((error[0] as { extensions?: { code?: string } } | undefined)?.extensions?.code ?? 'no code');
        this.owner.refusals.set(code, (this.owner.refusals.get(code) ?? 0) + 1);
      }
      this.reconnect(generation);
    };
    for (const walletId of this.walletIds) {
      const seen = this.owner.sequences.get(walletId)!;
      const after = seen.length > 0 ? String(seen[seen.length - 1]) : '0';
      client.subscribe<{ transactionAdded: { sequence: string } }>(
        { query: TRANSACTIONS, variables: { walletId, after } },
        {
          next: (value) => {
            if (generation === this.generation && value.data) seen.push(Number(value.data.transactionAdded.sequence));
          },
          error: onError,
          complete: onError,
        },
      );
    }
    if (!this.alerts) return;
    const positions = this.owner.alertPositions;
    const after = positions.length > 0 ? String(positions[positions.length - 1]) : '0';
    client.subscribe<{ alertRaised: { position: string } }>(
      { query: ALERTS, variables: { after } },
      {
        next: (value) => {
          if (generation === this.generation && value.data) positions.push(Number(value.data.alertRaised.position));
        },
        error: onError,
        complete: onError,
      },
    );
  }

  /** Drops this generation's socket and opens a new one that resumes, once per generation. */
  private reconnect(generation: number): void {
    if (this.closed || generation !== this.generation) return;
    this.generation++;
    this.resumes++;
    const old = this.client;
    this.client = undefined;
    void old?.dispose();
    setTimeout(() => this.connect(), RECONNECT_DELAY_MS);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.generation++;
    await this.client?.dispose();
  }
}

export class StormSubscriber {
  /** Sequences received per wallet id, in arrival order. */
  readonly sequences = new Map<string, number[]>();
  /** Alert positions received, in arrival order. */
  readonly alertPositions: number[] = [];
  /** Subscriptions the server refused, by error code (each one made its socket reconnect). */
  readonly refusals = new Map<string, number>();
  private readonly sockets: SubscriberSocket[] = [];

  /**
   * @param operationsPerSocket most streams on one socket (the server's `subscriptionsPerSocketMax`
   * by default); the alerts stream counts as one.
   */
  constructor(
    readonly name: string,
    port: () => number,
    adminToken: string,
    walletIds: string[],
    operationsPerSocket = OPERATIONS_PER_SOCKET_MAX,
  ) {
    if (!(operationsPerSocket >= 2)) throw new Error(`operationsPerSocket must be at least 2, not ${operationsPerSocket}`);
    for (const walletId of walletIds) this.sequences.set(walletId, []);
    // The first socket carries the alerts and one wallet fewer.
    for (let start = 0, first = true; first || start < walletIds.length; first = false) {
      const end = start + operationsPerSocket - (first ? 1 : 0);
      this.sockets.push(new SubscriberSocket(this, port, adminToken, walletIds.slice(start, end), first));
      start = end;
    }
  }

  /** Sockets this subscriber holds open on its process. */
  get socketCount(): number {
    return this.sockets.length;
  }

  /** Times one of its sockets closed and resumed. */
  get resumes(): number {
    return this.sockets.reduce((sum, socket) => sum + socket.resumes, 0);
  }

  /** Opens every socket and every subscription (from the beginning of each stream). */
  start(): void {
    for (const socket of this.sockets) socket.connect();
  }

  /** Events received so far, all wallets. */
  received(): number {
    let count = 0;
    for (const list of this.sequences.values()) count += list.length;
    return count;
  }

  async close(): Promise<void> {
    await Promise.all(this.sockets.map((socket) => socket.close()));
  }
}
