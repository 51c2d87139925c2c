/** One graphql-ws connection's context: its open operations by id. */
interface SocketContext {
  subscriptions: Record<string, unknown>;
}

/**
 * Sockets and open subscriptions per key (API key or dashboard session), counted in this server
 * process. A socket is released the moment it closes, however it closes (ws's 'close' fires on an
 * abrupt end too); a subscription counts while graphql-ws holds it in `ctx.subscriptions`, so
 * completions, errors and closes all release it without bookkeeping of their own.
 *
 * Per process, not across processes: what these limits protect is a process's memory (25,000
 * subscriptions took one process from 227 MB to 1.9 GB), and a count shared through PostgreSQL
 * would outlive a crashed process's sockets and lock a customer out. With P processes a key may
 * hold P × the limit in all.
 */
export class SocketQuota {
  /** Per key, its sockets and the subscription ids counted on each. */
  private readonly keys = new Map<string, Map<SocketContext, Set<string>>>();

  constructor(private readonly limits: { socketsPerKeyMax: number; subscriptionsPerKeyMax: number }) {}

  /** Counts a new socket of `key`; false (nothing counted) when the key already holds `socketsPerKeyMax`. */
  openSocket(key: string, socket: SocketContext): boolean {
    let sockets = this.keys.get(key);
    if (!sockets) {
      sockets = new Map();
      this.keys.set(key, sockets);
    }
    if (sockets.has(socket)) return true;
    if (sockets.size >= this.limits.socketsPerKeyMax) return false;
    sockets.set(socket, new Set());
    return true;
  }

  /** Releases a socket and its subscriptions. */
  closeSocket(key: string, socket: SocketContext): void {
    const sockets = this.keys.get(key);
    if (!sockets) return;
    sockets.delete(socket);
    if (sockets.size === 0) this.keys.delete(key);
  }

  /**
   * Counts subscription `id` of a socket of `key`; false (nothing counted) when the key already
   * holds `subscriptionsPerKeyMax` open subscriptions.
   */
  openSubscription(key: string, socket: SocketContext, id: string): boolean {
    const sockets = this.keys.get(key);
    const ids = sockets?.get(socket);
    if (!sockets || !ids) return true;
    let open = 0;
    for (const [context, counted] of sockets) {
      for (const counter of counted) {
        if (counter in context.subscriptions) open++;
        else counted.delete(counter);
      }
    }
    if (open >= this.limits.subscriptionsPerKeyMax) return false;
    ids.add(id);
    return true;
  }

  /** Sockets and subscriptions open for `key` in this process (tests). */
  counts(key: string): { sockets: number; subscriptions: number } {
    const sockets = this.keys.get(key);
    let subscriptions = 0;
    for (const [context, counted] of sockets ?? []) for (const id of counted) if (id in context.subscriptions) subscriptions++;
    return { sockets: sockets?.size ?? 0, subscriptions };
  }
}
