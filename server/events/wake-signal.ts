import pg from 'pg';

/**
 * A cross-process "something was committed, go and read the outbox" signal. It carries no data:
 * a lost or duplicated signal costs latency, never an event, because readers read the outbox and
 * also poll it. PostgreSQL LISTEN/NOTIFY implements it here; a Redis adapter would too.
 */
export interface WakeSignal {
  /** Tells every process (this one included) that new events may be in the outbox. Never throws. */
  publish(): void;
  /** Calls `listener` on every signal (also after a reconnect, when signals may have been lost). */
  subscribe(listener: () => void): () => void;
  close(): Promise<void>;
}

/** Longest wait to open the LISTEN connection, in milliseconds; a failed attempt is retried after the reconnect delay. */
const CONNECT_TIMEOUT_MS = 5_000;

/** The NOTIFY channel. */
export const WAKE_CHANNEL = 'spendwire_outbox';

/**
 * LISTEN/NOTIFY on one dedicated connection. Publishing is coalesced: while a NOTIFY is in
 * flight, further publishes collapse into one more. The connection is re-opened after an error,
 * and listeners are woken then since signals may have been missed.
 */
export class PostgresWakeSignal implements WakeSignal {
  private client: pg.Client | undefined;
  private readonly listeners = new Set<() => void>();
  private notifying = false;
  private notifyAgain = false;
  /** When the last NOTIFY was sent (performance.now()). */
  private lastNotifyAtMs = Number.NEGATIVE_INFINITY;
  /** A publish waiting for the interval since the last NOTIFY to pass. */
  private spacedTimer: NodeJS.Timeout | undefined;
  private closed = false;
  private reconnectTimer: NodeJS.Timeout | undefined;

  private constructor(
    private readonly databaseUrl: string,
    private readonly reconnectDelayMs: number,
    private readonly channel: string,
    private readonly publishIntervalMinMs: number,
  ) {}

  /**
   * Connects and LISTENs on `channel` (default {@link WAKE_CHANNEL}: a commit anywhere). With
   * `publishIntervalMinMs`, NOTIFYs go at most that often: a publish sooner after the last one waits
   * for the rest of the interval, together with every publish meanwhile (the other processes hear of
   * a burst of commits once, up to that much later). @default 0 (coalesced only while one is in flight)
   * @throws when PostgreSQL cannot be reached the first time.
   */
  static async start(
    databaseUrl: string,
    options: { reconnectDelayMs?: number; channel?: string; publishIntervalMinMs?: number } = {},
  ): Promise<PostgresWakeSignal> {
    const signal = new PostgresWakeSignal(
      databaseUrl,
      options.reconnectDelayMs ?? 500,
      options.channel ?? WAKE_CHANNEL,
      options.publishIntervalMinMs ?? 0,
    );
    await signal.connect();
    return signal;
  }

  private async connect(): Promise<void> {
    // Named, so an operator (and the restart tests) can tell it in pg_stat_activity. No statement or
    // lock timeout applies to it (it runs only LISTEN and NOTIFY, never in a transaction); keepalive
    // finds a peer that vanished without closing the socket.
    const client = new pg.Client({
      connectionString: this.databaseUrl,
      application_name: `spendwire wake signal (${this.channel})`,
      keepAlive: true,
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    });
    // This process's own NOTIFYs go out on this connection; it woke its readers itself already.
    client.on('notification', (message) => {
      if (message.processId !== (client as unknown as { processID: number }).processID) this.wake();
    });
    client.on('error', () => this.reconnect(client));
    client.on('end', () => this.reconnect(client));
    try {
      await client.connect();
      await client.query(`listen ${this.channel}`);
    } catch (error) {
      client.end().catch(() => {});
      throw error;
    }
    if (this.closed) {
      await client.end().catch(() => {});
      return;
    }
    this.client = client;
  }

  /** The LISTEN connection `failed` broke: opens a new one after the reconnect delay. */
  private reconnect(failed: pg.Client): void {
    if (this.closed || this.client !== failed) return;
    this.client = undefined;
    failed.end().catch(() => {});
    this.scheduleConnect();
  }

  /**
   * Connects again after the reconnect delay, and keeps trying while PostgreSQL is away (a restart,
   * a network fault): readers poll meanwhile. Connected, it wakes the listeners, since signals may
   * have been missed.
   */
  private scheduleConnect(): void {
    clearTimeout(this.reconnectTimer);
    if (this.closed) return;
    this.reconnectTimer = setTimeout(() => {
      this.connect().then(
        () => this.wake(),
        () => this.scheduleConnect(),
      );
    }, this.reconnectDelayMs);
    this.reconnectTimer.unref();
  }

  private wake(): void {
    for (const listener of this.listeners) listener();
  }

  publish(): void {
    if (this.notifying) {
      this.notifyAgain = true;
      return;
    }
    if (this.spacedTimer || this.closed) return;
    const waitMs = this.lastNotifyAtMs + this.publishIntervalMinMs - performance.now();
    if (waitMs > 0) {
      this.spacedTimer = setTimeout(() => {
        this.spacedTimer = undefined;
        this.publish();
      }, waitMs);
      this.spacedTimer.unref();
      return;
    }
    const client = this.client;
    if (!client) return;
    this.notifying = true;
    this.lastNotifyAtMs = performance.now();
    client
      .query(`notify ${this.channel}`)
      .catch(() => {})
      .finally(() => {
        this.notifying = false;
        if (this.notifyAgain) {
          this.notifyAgain = false;
          this.publish();
        }
      });
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.reconnectTimer);
    clearTimeout(this.spacedTimer);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => {});
  }
}
