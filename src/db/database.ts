import type { Config } from '../config';
import type { Logger } from '../logger';
import { createDb, type Db } from './client';
import { joinEmbeddedPostgres, startEmbeddedPostgres } from './embedded';
import { withoutPoolerHint } from './pooler';

export interface Database {
  db: Db;
  url: string;
  /** For the start-up log; never includes a password. */
  description: string;
  close(): Promise<void>;
}

/**
 * Connects to the configured PostgreSQL server, or to the embedded one. The server (`role`
 * 'server') starts the embedded database and owns its folder, or refuses if another process does;
 * a CLI ('client') uses the running server's embedded database, so that its effects are visible
 * to the server at once, and starts one for itself only when none runs.
 */
export async function openDatabase(
  config: Config['database'],
  logger: Logger,
  role: 'server' | 'client' = 'server',
): Promise<Database> {
  if (config.kind === 'postgres') {
    const url = new URL(config.url);
    const db = createDb(withoutPoolerHint(config.url), config.poolSize, logger, {
      preparedStatements: config.preparedStatements,
      // A pooler refuses unknown startup parameters: there the timeouts come per transaction.
      sessionTimeouts: config.pooler === null && config.preparedStatements,
      timeouts: config.timeouts,
      searches: config.searches,
    });
    if (config.pooler) {
      logger[config.preparedStatements ? 'warn' : 'info'](
        { pooler: config.pooler, preparedStatements: config.preparedStatements },
        config.preparedStatements
          ? `DATABASE_URL is a pooler (${config.pooler}) and DATABASE_PREPARED_STATEMENTS=true: this needs PgBouncer 1.21+ with max_prepared_statements > 0, else queries fail with 42P05/26000`
          : `DATABASE_URL is a pooler (${config.pooler}): prepared statements off`,
      );
    }
    return {
      db,
      url: config.url,
      description: `postgres ${url.hostname}:${url.port || 5432}${url.pathname}`,
      close: () => db.$disconnect(),
    };
  }
  const embedded = await (role === 'server' ? startEmbeddedPostgres : joinEmbeddedPostgres)(config.dataDir, logger);
  // A real PostgreSQL: one session per connection, so the timeouts go in as startup parameters too.
  const db = createDb(embedded.url, config.poolSize, logger, {
    preparedStatements: config.preparedStatements,
    timeouts: config.timeouts,
    searches: config.searches,
  });
  return {
    db,
    url: embedded.url,
    description: `embedded PostgreSQL in ${config.dataDir}`,
    async close() {
      await db.$disconnect();
      await embedded.stop();
    },
  };
}
