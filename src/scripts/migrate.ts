/**
 * `npm run db:migrate`: applies pending migrations to the configured database (DATABASE_URL, or
 * the embedded one when it is unset) and exits 0, or prints why not and exits 1.
 */
import { loadConfig } from '../config';
import { joinEmbeddedPostgres, type EmbeddedPostgres } from '../db/embedded';
import { migrate } from '../db/migrate';
import { createLogger } from '../logger';
import { cliMain, runIfEntry } from './cli';

export const main = cliMain('db:migrate failed', async (_argv, env) => {
  const config = loadConfig(env); // a ConfigError names every bad variable; cliMain prints it
  const logger = createLogger(config.logLevel);

  let embedded: EmbeddedPostgres | null = null;
  try {
    let url: string;
    if (config.database.kind === 'postgres') {
      url = config.database.url;
    } else {
      // The running server's embedded database if there is one, else one served for this run.
      embedded = await joinEmbeddedPostgres(config.database.dataDir, logger);
      url = embedded.url;
    }
    await migrate(url, { logger });
    return 0;
  } finally {
    await embedded?.stop();
  }
});

runIfEntry(import.meta.url, main);
