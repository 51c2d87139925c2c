import type { MikroORM } from '@mikro-orm/postgresql';
import type { Config } from './config.js';
import { createOrm, migrate } from './database/orm.js';
import { createSchema } from './graphql/schema.js';
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
  /** Stops HTTP and WebSocket, then closes the database pool. */
  close(): Promise<void>;
}

/** Opens the ORM, applies pending migrations, builds the schema and listens. */
export async function startApp(options: StartAppOptions): Promise<RunningApp> {
  const orm = await createOrm({ databaseUrl: options.databaseUrl, poolSizeMax: options.config.databasePoolSize });
  try {
    await migrate(orm);
    const schema = await createSchema();
    const server = await startHttpServer({ orm, schema, config: options.config, platformAdminToken: options.platformAdminToken });
    return {
      url: server.url,
      port: server.port,
      orm,
      close: async () => {
        await server.close();
        await orm.close(true);
      },
    };
  } catch (error) {
    await orm.close(true);
    throw error;
  }
}
