import pg from 'pg';
import type { Logger } from '../logger';
import { withoutPoolerHint } from './pooler';

/**
 * The connection budget, checked once at start: every instance opens up to DATABASE_POOL_SIZE
 * connections, and PostgreSQL refuses connections past `max_connections` minus those reserved
 * for superusers. When the instances' pools add up to more, requests fail with "too many
 * clients" under load, on some instance, at random. Nothing here can know how many instances
 * will run; what it can see is whether this pool still fits beside the connections already open
 * (other instances, tools), and say so before it bites.
 */
export interface ConnectionBudget {
  maxConnections: number;
  reserved: number;
  /** Client connections open on the server now, besides this check's own. */
  inUse: number;
  /** What is left for this instance's pool. */
  available: number;
}

export async function readConnectionBudget(url: string): Promise<ConnectionBudget> {
  const client = new pg.Client({ connectionString: withoutPoolerHint(url), connectionTimeoutMillis: 5_000 });
  client.on('error', () => {}); // the query below reports it
  await client.connect();
  try {
    const { rows } = await client.query<{ max: number; reserved: number; in_use: number }>(
      `SELECT current_setting('max_connections')::int AS max,
              current_setting('superuser_reserved_connections')::int AS reserved,
              (SELECT count(*)::int FROM pg_stat_activity
                WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()) AS in_use`,
    );
    const { max, reserved, in_use: inUse } = rows[0]!;
    return { maxConnections: max, reserved, inUse, available: max - reserved - inUse };
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Logs a warning when the pool does not fit. Behind a pooler the check says nothing about the
 * pool (PgBouncer multiplexes it onto its own server connections), so it is skipped there.
 */
export async function checkConnectionBudget(
  url: string,
  poolSize: number,
  pooler: string | null,
  logger: Logger,
): Promise<void> {
  const log = logger.child({ component: 'db' });
  if (pooler) return;
  let budget: ConnectionBudget;
  try {
    budget = await readConnectionBudget(url);
  } catch (error) {
    log.warn({ err: error }, 'could not read max_connections to check the connection budget');
    return;
  }
  if (poolSize <= budget.available) return;
  log.warn(
    { poolSize, ...budget },
    `connection budget: DATABASE_POOL_SIZE=${poolSize} does not fit: PostgreSQL allows ` +
      `${budget.maxConnections - budget.reserved} connections (max_connections ${budget.maxConnections} − ` +
      `${budget.reserved} reserved) and ${budget.inUse} are open, leaving ${Math.max(0, budget.available)}. ` +
      'Under load some requests will fail. Keep instances × pool ≤ max_connections − reserve: lower ' +
      'DATABASE_POOL_SIZE, raise max_connections, or put PgBouncer in front (README: Connection budget).',
  );
}
