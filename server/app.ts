import type { MikroORM } from '@mikro-orm/postgresql';
import type { Config } from './config.js';
import { createOrm, migrate } from './database/orm.js';
import { createSchema } from './graphql/schema.js';
import { createEvents, type Events } from './events/events.js';
import { OutboxTail } from './events/outbox-tail.js';
import { WalletHubs } from './events/wallet-hub.js';
import { PostgresWakeSignal } from './events/wake-signal.js';
import { startHttpServer } from './transport/http.js';

/** Options of {@link startApp}. */
export interface StartAppOptions {
  config: Config;
  databaseUrl: string;
  /** The operator's bearer token (PLATFORM_ADMIN). */
  platformAdminToken: string;
}

/** The running product on one database. */
export interface RunningApp {
  url: string;
  port: number;
  orm: MikroORM;
  events: Events;
  /** Stops HTTP and WebSocket, then closes the database pool. */
  close(): Promise<void>;
}

/** Opens the ORM, applies pending migrations, builds the schema and listens. */
export async function startApp(options: StartAppOptions): Promise<RunningApp> {
  const orm = await createOrm({ databaseUrl: options.databaseUrl, poolSizeMax: options.config.databasePoolSize });
  let signal: PostgresWakeSignal | undefined;
  let tail: OutboxTail | undefined;
  try {
    await migrate(orm);
    const schema = await createSchema();
    signal = await PostgresWakeSignal.start(options.databaseUrl);
    tail = await OutboxTail.start({
      em: orm.em,
      signal,
      batchSize: options.config.outboxBatchSize,
      pollIntervalMs: options.config.outboxPollIntervalMs,
      onError: (error) => console.error('Reading the outbox failed (retried on the next wake-up):', error),
    });
    const onError = (error: unknown) => console.error('Reading the outbox failed (retried on the next wake-up):', error);
    const hubs = new WalletHubs({ em: orm.em, tail, batchSize: options.config.outboxBatchSize, onError });
    const events = createEvents(tail, hubs, signal);
    const server = await startHttpServer({ orm, schema, config: options.config, platformAdminToken: options.platformAdminToken, events });
    return {
      url: server.url,
      port: server.port,
      orm,
      events,
      close: async () => {
        await server.close();
        await tail!.stop();
        await signal!.close();
        await orm.close(true);
      },
    };
  } catch (error) {
    await tail?.stop();
    await signal?.close();
    await orm.close(true);
    throw error;
  }
}
