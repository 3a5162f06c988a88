import { ConfigError, loadConfig } from './config';
import { openDatabase } from './db/database';
import { migrate } from './db/migrate';
import { sharedCountersFromConfig } from './limits/rate-limiter';
import { createLogger } from './logger';
import { seedDemo } from '../prisma/seed/demo';
import { createResponseCache } from './cache/response-cache';
import { pubSubFromConfig } from './pubsub';
import { buildApp } from './server';

// Start-up: config → database (+ migrations, demo data) → pub/sub → server; stop on SIGTERM/SIGINT.
let config;
try {
  config = loadConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(1);
}

const logger = createLogger(config.logLevel);
const database = await openDatabase(config.database, logger);
await migrate(database.url, { logger });
if (config.seedDemo) await seedDemo(database.db, logger);
const pubSub = pubSubFromConfig(config.redisUrl, config.pubSubPrefix, logger);
// With Redis, rate limits are counted there, so that they hold across instances.
const sharedCounters = sharedCountersFromConfig(config.redisUrl, config.pubSubPrefix, logger);
const responseCache = await createResponseCache(pubSub, config.responseCache, logger);
const app = buildApp({
  db: database.db,
  pubSub,
  logger,
  production: config.env === 'production',
  limits: config.limits,
  sharedCounters,
  responseCache,
});
const port = await app.start(config.port, config.host);
logger.info(
  { port, database: database.description, pubsub: pubSub.description },
  `ready: http://localhost:${port}/graphql (database: ${database.description}; pub/sub: ${pubSub.description})`,
);

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'shutting down: finishing in-flight requests');
  await app.stop(config!.shutdownTimeoutMs);
  responseCache.close();
  await pubSub.close();
  await sharedCounters?.close();
  await database.close();
  logger.info('stopped');
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
