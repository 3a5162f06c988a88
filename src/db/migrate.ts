import { createHash, randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { Logger } from '../logger';

/*
 * Applies prisma/migrations/* ourselves instead of with `prisma migrate deploy`: every Prisma CLI
 * command downloads the native schema engine first, and that host is unreachable here (see
 * DESIGN.md §2). So that `prisma migrate deploy` still works wherever the engine can be had, we
 * keep Prisma's layout (<timestamp>_<name>/migration.sql) and its bookkeeping table, row for row,
 * and take the same advisory lock. The two tools can therefore take turns on one database.
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
 */
export async function migrate(url: string, options: MigrateOptions): Promise<{ applied: string[] }> {
  const log = options.logger.child({ component: 'migrate' });
  const local = await readMigrations(options.migrationsDir ?? defaultMigrationsDir);

  // One dedicated connection: advisory locks belong to a session, so a pool could hand the unlock
  // to a different connection than the lock.
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [ADVISORY_LOCK_KEY]);
    try {
      // Inside the lock: two concurrent CREATE TABLE IF NOT EXISTS can still collide (on pg_type).
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
      if (unknown.length > 0) {
        // A newer release may have migrated this database; that is not ours to undo.
        log.warn({ migrations: unknown }, 'database has migrations that are not on disk');
      }

      const pending = local.filter((migration) => !applied.has(migration.name));
      const done: string[] = [];
      for (const migration of pending) {
        const startedAt = new Date();
        try {
          await client.query('BEGIN');
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
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK').catch(() => undefined);
          const message = error instanceof Error ? error.message : String(error);
          throw new Error(`Migration ${migration.name} failed and was rolled back: ${message}`, {
            cause: error,
          });
        }
        const ms = Date.now() - startedAt.getTime();
        log.info({ migration: migration.name, ms }, `applied migration ${migration.name} in ${ms} ms`);
        done.push(migration.name);
      }

      log.info(
        { applied: done.length, total: local.length },
        done.length > 0
          ? `applied ${done.length} migration(s); ${local.length} in total, database is up to date`
          : `database is up to date (${local.length} migration(s), none pending)`,
      );
      return { applied: done };
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [ADVISORY_LOCK_KEY]).catch(() => undefined);
    }
  } finally {
    await client.end();
  }
}
