/**
 * The storm's subscribers: one graphql-ws socket per server process (the operator's token) with a
 * `transactionAdded` subscription for every storm wallet and one `alertRaised` for every account.
 * When the socket closes (process killed, too far behind, network), the subscriber reconnects to
 * the same process and resumes each stream after the last sequence or position it saw, as the
 * README tells clients to. Everything received is kept, in arrival order, for the final checks.
 */
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

const TRANSACTIONS =
  'subscription T($walletId: ID!, $after: String) { transactionAdded(walletId: $walletId, afterSequence: $after) { sequence } }';
const ALERTS = 'subscription A($after: String) { alertRaised(afterPosition: $after) { position } }';
/** Wait before reconnecting after the socket closed, in ms. */
const RECONNECT_DELAY_MS = 250;

export class StormSubscriber {
  /** Sequences received per wallet id, in arrival order. */
  readonly sequences = new Map<string, number[]>();
  /** Alert positions received, in arrival order. */
  readonly alertPositions: number[] = [];
  /** Times the socket closed and the subscriber resumed. */
  resumes = 0;
  private client: Client | undefined;
  private closed = false;
  private generation = 0;

  constructor(
    readonly name: string,
    private readonly port: () => number,
    private readonly adminToken: string,
    private readonly walletIds: string[],
  ) {
    for (const walletId of walletIds) this.sequences.set(walletId, []);
  }

  /** Opens the socket and every subscription (from the beginning of each stream). */
  start(): void {
    this.connect();
  }

  private connect(): void {
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
    const onError = () => this.reconnect(generation);
    for (const walletId of this.walletIds) {
      const seen = this.sequences.get(walletId)!;
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
    const after = this.alertPositions.length > 0 ? String(this.alertPositions[this.alertPositions.length - 1]) : '0';
    client.subscribe<{ alertRaised: { position: string } }>(
      { query: ALERTS, variables: { after } },
      {
        next: (value) => {
          if (generation === this.generation && value.data) this.alertPositions.push(Number(value.data.alertRaised.position));
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

  /** Events received so far, all wallets. */
  received(): number {
    let count = 0;
    for (const list of this.sequences.values()) count += list.length;
    return count;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.generation++;
    await this.client?.dispose();
  }
}
