import { createHash } from 'node:crypto';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/prisma/client';
import type { Logger } from '../logger';
import { defaultSearchLimits, registerSearchSlots, type SearchLimits } from './search-slots';
import { DEFAULT_DB_TIMEOUTS, registerWriteSettings, type DbTimeouts } from './transaction';

export type Db = PrismaClient<'query'>;
export { DEFAULT_DB_TIMEOUTS, type DbTimeouts };

export interface DbOptions {
  /** Named prepared statements (off behind a pooler in transaction mode). Default: on. */
  preparedStatements?: boolean;
  /**
   * Send the timeouts as connection (startup) parameters, so that every statement, reads
   * included, has them. Off behind PgBouncer, which refuses unknown startup parameters (and
   * would not keep them per client anyway); write transactions get them with SET LOCAL either way.
   * Default: same as `preparedStatements`.
   */
  sessionTimeouts?: boolean;
  timeouts?: Partial<DbTimeouts>;
  /** Full-text searches at once, and the wait for a turn. Default: a quarter of the pool, 1 s. */
  searches?: SearchLimits;
}

/**
 * A stable name per SQL text: Prisma generates a bounded set of shapes. Remembered per text (hashing
 * it again for every statement was 1% of a question page's CPU); the set is bounded anyway, and
 * past STATEMENT_NAMES texts it starts over rather than grow.
 */
function statementName(query: { sql: string }): string {
  let name = statementNames.get(query.sql);
  if (name === undefined) {
    name = `p${createHash('sha1').update(query.sql).digest('base64url').slice(0, 24)}`;
    if (statementNames.size >= STATEMENT_NAMES) statementNames.clear();
    statementNames.set(query.sql, name);
  }
  return name;
}
const STATEMENT_NAMES = 2_000;
const statementNames = new Map<string, string>();

/**
 * Prisma 7 client over node-postgres. Query events are always emitted: they feed debug logs
 * and let tests and benchmarks count the SQL statements each request runs.
 */
export function createDb(url: string, poolSize: number, logger: Logger, options: DbOptions = {}): Db {
  const log = logger.child({ component: 'db' });
  const preparedStatements = options.preparedStatements ?? true;
  const timeouts = { ...DEFAULT_DB_TIMEOUTS, ...options.timeouts };
  const sessionTimeouts = options.sessionTimeouts ?? preparedStatements;
  const adapter = new PrismaPg(
    {
      connectionString: url,
      max: poolSize,
      // Bounds both the wait for a free pool connection and the opening of a new one: while the
      // pool is busy or PostgreSQL is down, requests fail after this (DATABASE_BUSY /
      // DATABASE_UNAVAILABLE) instead of queueing forever; the pool reconnects by itself later.
      connectionTimeoutMillis: timeouts.poolWaitMs,
      ...(sessionTimeouts && {
        statement_timeout: timeouts.statementMs,
        lock_timeout: timeouts.lockMs,
        idle_in_transaction_session_timeout: timeouts.statementMs,
        // The site's rows are read from memory, not disk: at the default random_page_cost (4) the
        // planner hashed the whole blog_post table for each topic of a question page rather
        // than look up its few posts by key (2.3 ms of SQL per page instead of 0.65 ms). 1.1 is
        // PostgreSQL's usual advice for SSDs and cached data. A DATABASE_URL `options` wins;
        // behind PgBouncer, set it on the role (README: Limits and failure behaviour).
        options: '-c random_page_cost=1.1',
      }),
    },
    {
      // Named statements are prepared once per connection; after a few runs PostgreSQL keeps a
      // generic plan, which saves the planning (2 ms of the question page's 4 ms of SQL).
      // Not for poolers in transaction mode (PgBouncer): turn off with DATABASE_PREPARED_STATEMENTS.
      statementNameGenerator: preparedStatements ? statementName : undefined,
      onPoolError: (error) => log.warn({ err: error }, 'idle database connection lost'),
      onConnectionError: (error) => log.warn({ err: error }, 'database connection lost'),
    },
  );
  const db = new PrismaClient({
    adapter,
    log: [
      { emit: 'event', level: 'query' },
      { emit: 'event', level: 'warn' },
      { emit: 'event', level: 'error' },
    ],
  });
  db.$on('query', (event) => log.trace({ sql: event.query, ms: event.duration }, 'query'));
  db.$on('warn', (event) => log.warn({ target: event.target }, event.message));
  db.$on('error', (event) => log.error({ target: event.target }, event.message));
  registerWriteSettings(db, timeouts, poolSize, sessionTimeouts);
  registerSearchSlots(db, options.searches ?? defaultSearchLimits(poolSize));
  return db;
}
