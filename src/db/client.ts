import { createHash } from 'node:crypto';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/prisma/client';
import type { Logger } from '../logger';

export type Db = PrismaClient<'query'>;

/**
 * Prisma 7 client over node-postgres. Query events are always emitted: they feed debug logs
 * and let tests and benchmarks count the SQL statements each request runs.
 */
/** A stable name per SQL text: Prisma generates a bounded set of shapes. */
function statementName(query: { sql: string }): string {
  return `p${createHash('sha1').update(query.sql).digest('base64url').slice(0, 24)}`;
}

export function createDb(url: string, poolSize: number, logger: Logger, preparedStatements = true): Db {
  const log = logger.child({ component: 'db' });
  const adapter = new PrismaPg(
    // While PostgreSQL is down, requests fail after the timeout instead of queueing forever;
    // the pool reconnects by itself when it is back.
    { connectionString: url, max: poolSize, connectionTimeoutMillis: 5_000 },
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
  return db;
}
