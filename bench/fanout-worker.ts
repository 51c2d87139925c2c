/**
 * A load-generator process of the fan-out bench (`bench/fanout-10k.ts`), driven over IPC: a
 * subscriber pool (`open`, `progress`, `collect`, `close`) or a charger (`charge`). Running them
 * outside the bench's own process lets the load use its own cores, so the figures measure the
 * server, and each one's CPU time is read from /proc by the bench.
 */
import { runCharges, SubscriberPool, type ChargeTarget, type SubscriptionPlan } from './fanout-load.js';

/** Messages from the bench to a worker. */
export type WorkerRequest =
  | { type: 'open'; url: string; subscriptionsPerSocket: number; connectingMax: number; plans: SubscriptionPlan[] }
  | { type: 'progress' }
  | { type: 'collect' }
  | { type: 'charge'; port: number; targets: ChargeTarget[]; count: number; chargesPerSecond: number; inFlightMax: number }
  | { type: 'close' };

let pool: SubscriberPool | undefined;

const reply = (message: unknown) => process.send!(message);

process.on('message', (request: WorkerRequest) => {
  void (async () => {
    switch (request.type) {
      case 'open':
        pool = new SubscriberPool(request.plans, request);
        await pool.open();
        return reply({ type: 'opened', progress: pool.progress() });
      case 'progress':
        return reply({ type: 'progress', progress: pool!.progress() });
      case 'collect':
        return reply({ type: 'records', records: pool!.collect() });
      case 'charge':
        return reply({ type: 'charged', log: await runCharges(request) });
      case 'close':
        await pool?.dispose();
        process.disconnect();
        return;
    }
  })().catch((error: unknown) =>
    reply({ type: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
  );
});
// A bench that died leaves no worker behind.
process.on('disconnect', () => process.exit(0));
