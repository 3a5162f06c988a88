import { createHash } from 'node:crypto';
import { cp, mkdtemp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../../src/db/migrate';
import { createLogger } from '../../src/logger';
import { createTestDatabase, type TestDatabase } from '../helpers/database';

const migrationsDir = fileURLToPath(new URL('../../prisma/migrations', import.meta.url));
const logger = createLogger('silent');

const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

async function migrationFolders(dir = migrationsDir): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

async function withClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

interface BookkeepingRow {
  id: string;
  migration_name: string;
  checksum: string;
  started_at: Date;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  applied_steps_count: number;
  logs: string | null;
}

const bookkeeping = (url: string) =>
  withClient(url, async (client) => {
    const { rows } = await client.query<BookkeepingRow>('SELECT * FROM "_prisma_migrations" ORDER BY migration_name');
    return rows;
  });

const tableExists = (url: string, table: string) =>
  withClient(url, async (client) => {
    const { rows } = await client.query<{ found: string | null }>('SELECT to_regclass($1)::text AS found', [
      `public."${table}"`,
    ]);
    return rows[0]?.found != null;
  });

/** A temporary migrations folder with the given migrations (name → SQL). */
async function tempMigrations(migrations: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'medqa-migrations-'));
  for (const [name, sql] of Object.entries(migrations)) {
    await mkdir(join(dir, name));
    await writeFile(join(dir, name, 'migration.sql'), sql);
  }
  return dir;
}

describe('migrate', () => {
  let db: TestDatabase;
  const tempDirs: string[] = [];

  const fresh = async () => {
    db = await createTestDatabase();
    return db.url;
  };

  afterEach(async () => {
    await db?.drop();
    await Promise.all(tempDirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
  });

  it('applies every migration and records it as Prisma does', async () => {
    const url = await fresh();
    const names = await migrationFolders();
    const before = Date.now();

    const result = await migrate(url, { logger });

    expect(result.applied).toEqual(names);
    const rows = await bookkeeping(url);
    expect(rows.map((row) => row.migration_name)).toEqual(names);
    for (const row of rows) {
      const file = await readFile(join(migrationsDir, row.migration_name, 'migration.sql'));
      expect(row.checksum).toBe(sha256(file));
      expect(row.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(row.applied_steps_count).toBe(1);
      expect(row.rolled_back_at).toBeNull();
      expect(row.logs).toBeNull();
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.started_at.getTime()).toBeGreaterThanOrEqual(before - 1000);
      expect(row.finished_at!.getTime()).toBeGreaterThanOrEqual(row.started_at.getTime());
    }
    expect(await tableExists(url, 'question')).toBe(true);
  });

  it('applies nothing on a second run', async () => {
    const url = await fresh();
    await migrate(url, { logger });
    const rowsBefore = await bookkeeping(url);

    const second = await migrate(url, { logger });

    expect(second.applied).toEqual([]);
    expect(await bookkeeping(url)).toEqual(rowsBefore);
  });

  it('applies each migration exactly once when three instances start together', async () => {
    const url = await fresh();
    const names = await migrationFolders();

    const results = await Promise.all([1, 2, 3].map(() => migrate(url, { logger })));

    expect(results.flatMap((r) => r.applied).sort()).toEqual(names);
    const rows = await bookkeeping(url);
    expect(rows.map((row) => row.migration_name)).toEqual(names);
  });

  it('refuses a migration whose file changed after it was applied, and applies nothing', async () => {
    const url = await fresh();
    const dir = await mkdtemp(join(tmpdir(), 'medqa-migrations-'));
    tempDirs.push(dir);
    await cp(migrationsDir, dir, { recursive: true });
    await migrate(url, { logger, migrationsDir: dir });

    const [first] = await migrationFolders(dir);
    const file = join(dir, first!, 'migration.sql');
    const original = await readFile(file);
    const edited = Buffer.concat([original, Buffer.from('\n-- an afterthought\n')]);
    await writeFile(file, edited);
    await mkdir(join(dir, '29991231000000_later'));
    await writeFile(join(dir, '29991231000000_later', 'migration.sql'), 'CREATE TABLE "later" ("id" INTEGER);');

    await expect(migrate(url, { logger, migrationsDir: dir })).rejects.toThrow(
      `Migration ${first} was modified after it was applied ` +
        `(checksum ${sha256(original)} in the database, ${sha256(edited)} on disk). ` +
        'Restore the original migration.sql and put the change in a new migration.',
    );
    expect(await tableExists(url, 'later')).toBe(false);
    expect((await bookkeeping(url)).map((row) => row.migration_name)).not.toContain('29991231000000_later');
  });

  it('accepts an applied migration whose only change is CRLF line endings (git autocrlf)', async () => {
    const url = await fresh();
    const dir = await tempMigrations({ '20000101000000_one': 'CREATE TABLE "one" ("id" INTEGER);\n' });
    tempDirs.push(dir);
    await migrate(url, { logger, migrationsDir: dir });
    await writeFile(join(dir, '20000101000000_one', 'migration.sql'), 'CREATE TABLE "one" ("id" INTEGER);\r\n');

    await expect(migrate(url, { logger, migrationsDir: dir })).resolves.toEqual({ applied: [] });
  });

  it('refuses to go on after a failed migration recorded by Prisma (P3009)', async () => {
    const url = await fresh();
    const dir = await tempMigrations({
      '20000101000000_one': 'CREATE TABLE "one" ("id" INTEGER);',
      '20000102000000_two': 'CREATE TABLE "two" ("id" INTEGER);',
    });
    tempDirs.push(dir);
    await migrate(url, { logger, migrationsDir: dir });
    // What `prisma migrate deploy` leaves when a migration fails half-way.
    await withClient(url, (client) =>
      client.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, logs)
         VALUES (gen_random_uuid()::text, $1, '20000103000000_three', '2026-11-25T10:00:00Z', 'boom')`,
        [sha256('x')],
      ),
    );
    await mkdir(join(dir, '20000104000000_four'));
    await writeFile(join(dir, '20000104000000_four', 'migration.sql'), 'CREATE TABLE "four" ("id" INTEGER);');

    await expect(migrate(url, { logger, migrationsDir: dir })).rejects.toThrow(
      'migrate found failed migrations in the target database, new migrations will not be applied. ' +
        'Read more about how to resolve migration issues in a production database: ' +
        'https://pris.ly/d/migrate-resolve\n' +
        'The `20000103000000_three` migration started at 2026-11-25T10:00:00.000Z failed',
    );
    expect(await tableExists(url, 'four')).toBe(false);
  });

  it('rolls back a failing migration entirely and names it in the error', async () => {
    const url = await fresh();
    const dir = await tempMigrations({
      '20000101000000_good': 'CREATE TABLE "good" ("id" INTEGER);',
      '20000102000000_bad': 'CREATE TABLE "bad" ("id" INTEGER);\nINSERT INTO "bad" VALUES (1);\nSELECT 1 / 0;',
    });
    tempDirs.push(dir);

    await expect(migrate(url, { logger, migrationsDir: dir })).rejects.toThrow(
      'Migration 20000102000000_bad failed and was rolled back: division by zero',
    );

    expect(await tableExists(url, 'good')).toBe(true);
    expect(await tableExists(url, 'bad')).toBe(false);
    const rows = await bookkeeping(url);
    expect(rows.map((row) => [row.migration_name, row.finished_at instanceof Date])).toEqual([
      ['20000101000000_good', true],
    ]);
  });
});
