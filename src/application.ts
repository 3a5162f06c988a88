import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { seedDemo } from '../prisma/seed/demo';
import { createResponseCache } from './cache/response-cache';
import { redisTarget, type Config } from './config';
import type { Db } from './db/client';
import { checkConnectionBudget } from './db/budget';
import { openDatabase, type Database } from './db/database';
import { startIdempotencySweeper } from './db/idempotency-expiry';
import { migrate } from './db/migrate';
import { sharedCountersFromConfig } from './limits/rate-limiter';
import { createLogger, type Logger } from './logger';
import { pubSubFromConfig, type PubSub } from './pubsub';
import { buildApp, DEMO_QUESTION_SLUG, type App } from './server';
import { checkBeforeStart, listenError } from './startup';

/** What a started application holds, for tests and tools that look inside. */
export interface Running {
  /** http://localhost:<port>/graphql, as the ready line shows it. */
  url: string;
  port: number;
  database: Database;
  db: Db;
  pubSub: PubSub;
  /** The HTTP and WebSocket server. */
  app: App;
}

export interface Application {
  readonly logger: Logger;
  /**
   * Opens everything, in order: database (migrated, with the demo page if configured), pub/sub,
   * rate-limit counters, response cache, then the HTTP and WebSocket server. Once.
   */
  start(): Promise<Running>;
  /**
   * Closes whatever was opened, in reverse order: the server first (in-flight requests finish,
   * up to the configured timeout), the database last. Safe after a failed start and to repeat.
   */
  stop(): Promise<void>;
}

/**
 * The whole application from its configuration: the one way in for `npm start` (src/main.ts),
 * the tests and the bench. It owns everything it opens.
 */
export function createApplication(config: Config, options: { logger?: Logger } = {}): Application {
  const logger = options.logger ?? createLogger(config.logLevel);
  /** Closers of what is open so far, run last-opened first. */
  const opened: (() => Promise<void> | void)[] = [];
  let starting: Promise<Running> | null = null;
  let stopping: Promise<void> | null = null;

  async function start(): Promise<Running> {
    // Mistakes the person starting the server can fix (port taken, database or Redis missing)
    // stop the start here, in one line each (src/startup.ts), before anything is changed.
    await checkBeforeStart(config);
    if (config.database.kind === 'embedded') {
      const { dataDir } = config.database;
      const fresh = !existsSync(join(dataDir, 'PG_VERSION'));
      logger.info(
        `${fresh ? 'creating' : 'opening'} the embedded database in ${dataDir}${fresh ? ' (first start only)' : ''}`,
      );
    }
    const database = await openDatabase(config.database, logger);
    opened.push(() => database.close());
    // Before migrating: the check counts the connections open on the server, and ours are not yet.
    if (config.database.kind === 'postgres') {
      await checkConnectionBudget(config.database.url, config.database.poolSize, config.database.pooler, logger);
    }
    logger.info('migrating the database');
    await migrate(database.url, { logger });
    if (config.seedDemo) await loadDemoOnce(database.db, logger);
    // Expired idempotency keys: swept a minute after start, then every 10 minutes (src/db/idempotency-expiry.ts).
    const sweeper = startIdempotencySweeper(database.db, logger);
    opened.push(() => sweeper.stop());

    const pubSub = pubSubFromConfig(redisTarget(config), config.pubSubPrefix, logger);
    opened.push(() => pubSub.close());
    // With Redis, rate limits are counted there, so that they hold across instances.
    const sharedCounters = sharedCountersFromConfig(redisTarget(config), config.pubSubPrefix, logger);
    if (sharedCounters) {
      opened.push(() => sharedCounters.close());
      await sharedCounters.ready(2_000); // so that the first requests already count in Redis
    }
    const responseCache = await createResponseCache(pubSub, config.responseCache, logger);
    opened.push(() => responseCache.close());

    const app = buildApp({
      db: database.db,
      pubSub,
      logger,
      limits: config.limits,
      sharedCounters,
      responseCache,
      corsOrigins: config.corsOrigins,
      poolSize: config.database.poolSize,
    });
    const port = await app.start(config.port, config.host).catch((error: unknown) => {
      throw listenError(error, config.host, config.port); // e.g. taken since checkBeforeStart
    });
    opened.push(() => app.stop(config.shutdownTimeoutMs));
    const url = `http://localhost:${port}/graphql`;
    logger.info(
      { port, database: database.description, pool: config.database.poolSize, pubsub: pubSub.description },
      `ready: ${url} (database: ${database.description}, pool of ${config.database.poolSize}; pub/sub: ${pubSub.description})`,
    );
    return { url, port, database, db: database.db, pubSub, app };
  }

  return {
    logger,
    start: () => (starting ??= start()),
    stop: () =>
      (stopping ??= (async () => {
        await starting?.catch(() => undefined); // a start under way finishes opening first
        for (const close of opened.reverse()) await close();
        opened.length = 0;
        logger.info('stopped');
      })()),
  };
}

/**
 * The demo page, loaded on the first start only: seedDemo writes it in one transaction, so its
 * question being there means all of it is. (seedDemo itself, as `npm run db:seed` runs it, also
 * repairs edited rows; at every start that would cost a second or more of the restart time.)
 */
async function loadDemoOnce(db: Db, logger: Logger): Promise<void> {
  const present = await db.question.findUnique({ where: { slug: DEMO_QUESTION_SLUG }, select: { id: true } });
  if (present) {
    const log = logger.child({ component: 'seed-demo' });
    log.info({ question: DEMO_QUESTION_SLUG, created: false }, 'demo question page already present');
    return;
  }
  logger.info('loading the demo question page');
  await seedDemo(db, logger);
}
