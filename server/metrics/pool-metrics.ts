import { connectionGovernorOf } from '../database/operation-budget.js';
import type { PoolClient } from '../database/sql.js';
import type { Metrics } from './metrics.js';

/** What knex's pool (tarn) tells about itself. */
interface TarnPool {
  numUsed(): number;
  numFree(): number;
  numPendingAcquires(): number;
}

/**
 * Times every acquisition of a pooled connection (the governor's waits for the operation and
 * request caps included, when it wraps `client`), and reads the pool's and the governor's state at
 * each scrape. Wraps `client.acquireConnection` once, as operation-budget.ts does.
 */
export function watchPool(metrics: Metrics, client: PoolClient, sizeMax: number): void {
  const acquire = client.acquireConnection.bind(client);
  client.acquireConnection = async () => {
    const startedAt = process.hrtime.bigint();
    try {
      return await acquire();
    } finally {
      metrics.poolAcquireDuration.observe(Number(process.hrtime.bigint() - startedAt) / 1e9);
    }
  };
  const governor = connectionGovernorOf(client);
  metrics.watch({
    pool: () => {
      const pool = (client as PoolClient & { pool?: TarnPool }).pool;
      return {
        used: pool?.numUsed() ?? 0,
        free: pool?.numFree() ?? 0,
        pendingAcquires: pool?.numPendingAcquires() ?? 0,
        sizeMax,
        requestConnectionsHeld: governor?.requestConnectionsHeld,
        requestConnectionsWaiting: governor?.requestConnectionsWaiting,
        operationCapWaiting: governor?.operationCapWaiting,
      };
    },
  });
}
