import { createHash, randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { Logger } from '../logger';
import { withoutPoolerHint } from './pooler';

/*
 * Applies prisma/migrations/* ourselves instead of with `prisma migrate deploy`: every Prisma CLI
 * command downloads the native schema engine first, and that host is unreachable here (see
 * DESIGN.md §2). So that `prisma migrate deploy` still works wherever the engine can be had, we
 * keep Prisma's layout (<timestamp>_<name>/migration.sql) and its bookkeeping table, row for row,
 * and lock the same advisory key (per transaction here, see migrate()). The two tools can therefore
 * take turns on one database.
 */

/** Prisma's folder, found from this file rather than the working directory (scripts run from anywhere). */
const defaultMigrationsDir = fileURLToPath(new URL('../../prisma/migrations', import.meta.url));

/**
 * The key `prisma migrate` itself locks on. Sharing it means our runner, other instances of it and
 * a `prisma migrate deploy` elsewhere all wait for each other instead of racing.
 */
const ADVISORY_LOCK_KEY = 72707369;

/** The table exactly as the Prisma schema engine creates it. */
const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

export interface MigrateOptions {
  logger: Logger;
  /** Defaults to the repository's prisma/migrations. */
  migrationsDir?: string;
}

interface LocalMigration {
  name: string;
  sql: string;
  checksum: string;
}

interface MigrationRow {
  migration_name: string;
  checksum: string;
  started_at: Date;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

/**
 * Like Prisma, accept a file whose only change is its line endings (git's autocrlf rewrites them
 * on checkout), so a Windows checkout does not look like an edited migration.
 */
function matchesChecksum(sql: string, checksum: string): boolean {
  return [sql, sql.replaceAll('\r\n', '\n'), sql.replaceAll(/\r?\n/g, '\r\n')].some(
    (variant) => sha256(variant) === checksum,
  );
}

async function readMigrations(dir: string): Promise<LocalMigration[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  // Folder names start with a UTC timestamp, so name order is creation order (as Prisma sorts them).
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const bytes = await readFile(join(dir, name, 'migration.sql'));
      return { name, sql: bytes.toString('utf8'), checksum: sha256(bytes) };
    }),
  );
}

/**
 * Brings the database up to date with the migration folders and returns the names applied now.
 * Each migration runs in one transaction together with its bookkeeping row: it is either applied
 * and recorded, or leaves no trace at all, so a retry after a failure simply starts over. (Prisma
 * runs them outside a transaction and records the failure instead; like Prisma we refuse to go on
 * past such a row, since only a person can tell what state the database was left in.)
 *
 * Safe behind a pooler in transaction mode (PgBouncer): the lock is a transaction-level advisory
 * lock, taken at the start of every transaction and released by its COMMIT or ROLLBACK, so it
 * never outlives the transaction on a pooled server connection. A session lock would: PgBouncer
 * hands the unlock to another server connection (or none), and the lock stays held by an idle
 * one until it is recycled. Under the lock, each transaction reads `_prisma_migrations` afresh, so
 * a migration another instance applied meanwhile is seen and skipped.
 */
export async function migrate(url: string, options: MigrateOptions): Promise<{ applied: string[] }> {
  const log = options.logger.child({ component: 'migrate' });
  const local = await readMigrations(options.migrationsDir ?? defaultMigrationsDir);

  // One connection; with a pooler, each of its transactions may run on a different server one.
  const client = new pg.Client({ connectionString: withoutPoolerHint(url) });
  // An error on an idle client (the server or pooler went away) must not crash the process.
  client.on('error', (error) => log.warn({ err: error }, 'migration connection lost'));
  await client.connect();
  try {
    const done: string[] = [];
    for (;;) {
      const next = await inTransaction(client, async () => {
        const [migration] = await pendingUnderLock(client, local, log);
        return migration ? { name: migration.name, ms: await apply(client, migration) } : null;
      });
      if (!next) break;
      log.info({ migration: next.name, ms: next.ms }, `applied migration ${next.name} in ${next.ms} ms`);
      done.push(next.name);
    }
    log.info(
      { applied: done.length, total: local.length },
      done.length > 0
        ? `applied ${done.length} migration(s); ${local.length} in total, database is up to date`
        : `database is up to date (${local.length} migration(s), none pending)`,
    );
    return { applied: done };
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function inTransaction<T>(client: pg.Client, run: () => Promise<T>): Promise<T> {
  await client.query('BEGIN');
  try {
    // Released by COMMIT or ROLLBACK, whatever happens (see migrate()).
    await client.query('SELECT pg_advisory_xact_lock($1)', [ADVISORY_LOCK_KEY]);
    const result = await run();
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/** Checks the recorded migrations against the folders; returns those still to apply, in order. */
async function pendingUnderLock(client: pg.Client, local: LocalMigration[], log: Logger): Promise<LocalMigration[]> {
  // Under the lock: two concurrent CREATE TABLE IF NOT EXISTS can still collide (on pg_type).
  await client.query(CREATE_MIGRATIONS_TABLE);
  const { rows } = await client.query<MigrationRow>(
    `SELECT migration_name, checksum, started_at, finished_at, rolled_back_at
       FROM "_prisma_migrations" ORDER BY started_at`,
  );
  const live = rows.filter((row) => row.rolled_back_at === null);

  // Check everything before applying anything, so a refusal leaves the database as it was.
  const failed = live.find((row) => row.finished_at === null);
  if (failed) {
    // Our runner never leaves such a row (see above); `prisma migrate deploy` does. Worded as
    // Prisma's P3009 so that its documentation on resolving it applies.
    throw new Error(
      'migrate found failed migrations in the target database, new migrations will not be applied. ' +
        'Read more about how to resolve migration issues in a production database: ' +
        'https://pris.ly/d/migrate-resolve\n' +
        `The \`${failed.migration_name}\` migration started at ${failed.started_at.toISOString()} failed`,
    );
  }
  const applied = new Map(live.map((row) => [row.migration_name, row]));
  for (const migration of local) {
    const row = applied.get(migration.name);
    if (row && !matchesChecksum(migration.sql, row.checksum)) {
      throw new Error(
        `Migration ${migration.name} was modified after it was applied ` +
          `(checksum ${row.checksum} in the database, ${migration.checksum} on disk). ` +
          'Restore the original migration.sql and put the change in a new migration.',
      );
    }
  }
  const unknown = [...applied.keys()].filter((name) => !local.some((m) => m.name === name));
  if (unknown.length > 0 && !warnedUnknown.has(unknown.join())) {
    // A newer release may have migrated this database; that is not ours to undo.
    warnedUnknown.add(unknown.join());
    log.warn({ migrations: unknown }, 'database has migrations that are not on disk');
  }
  return local.filter((migration) => !applied.has(migration.name));
}

/** Each distinct set of unknown migrations is reported once per process, not once per transaction. */
const warnedUnknown = new Set<string>();

/** Runs one migration and records it, in the caller's transaction; returns how long it took. */
async function apply(client: pg.Client, migration: LocalMigration): Promise<number> {
  const startedAt = new Date();
  try {
    // The whole file as one simple-query message: plpgsql bodies contain `;` inside `$$`,
    // so splitting on semicolons would break them. (This also means a migration cannot use
    // statements that refuse to run in a transaction, e.g. CREATE INDEX CONCURRENTLY.)
    await client.query(migration.sql);
    await client.query(
      `INSERT INTO "_prisma_migrations"
         (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
       VALUES ($1, $2, $3, $4, clock_timestamp(), 1)`,
      [randomUUID(), migration.checksum, migration.name, startedAt],
    );
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`Migration ${migration.name} failed and was rolled back: ${message}`, { cause: error });
  }
  return Date.now() - startedAt.getTime();
}
