import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seedDemo } from '../../prisma/seed/demo';
import { createDb } from '../../src/db/client';
import { migrate } from '../../src/db/migrate';
import { DEMO_QUESTION_SLUG } from '../../src/server';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { startPgBouncer, type PgBouncer } from '../helpers/pgbouncer';
import { logger } from '../helpers/server';
import { startServerProcess, type ServerProcess } from '../faults/support';
import { graphql } from '../helpers/graphql';
import { requestAt } from '../helpers/http';

// Deploys through PgBouncer in transaction mode (issue 13): instances that start together on an
// empty database migrate it once, through the pooler, and leave no lock behind; then they serve
// with prepared statements off, as the `?pgbouncer=true` in their URL asks.
let bouncer: PgBouncer;
const databases: TestDatabase[] = [];
const servers: ServerProcess[] = [];

beforeAll(async () => {
  // One server connection for the instances' 3 × 4 pool connections, so that every transaction
  // of every instance lands on it in turn. A session-level lock taken there would be held by the
  // pooler's connection, not by the instance: the next instance's pg_advisory_lock would succeed
  // at once (locks are re-entrant within a session) and two instances would migrate together.
  bouncer = await startPgBouncer({ serverPoolSize: 1 });
});

afterAll(async () => {
  for (const server of servers) server.crash();
  await Promise.all(servers.map((server) => server.exited));
  await bouncer?.stop();
  for (const database of databases) await database.drop();
});

const PAGE = graphql(
  `query PgbouncerQuestion($slug: String!) { question(slug: $slug) { title answerCount answers(first: 2) { edges { node { body } } } } }`,
);

/** Everything that holds a lock in `database`, by kind: what a deploy may leave behind. */
async function locksIn(database: TestDatabase): Promise<string[]> {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    const { rows } = await client.query<{ locktype: string; mode: string; granted: boolean }>(
      `SELECT l.locktype, l.mode, l.granted FROM pg_locks l
         JOIN pg_database d ON d.oid = l.database
        WHERE d.datname = $1 AND l.pid <> pg_backend_pid() AND l.locktype = 'advisory'`,
      [database.name],
    );
    return rows.map((row) => `${row.locktype} ${row.mode} ${row.granted ? 'held' : 'waiting'}`);
  } finally {
    await client.end();
  }
}

it('three migrations at once through PgBouncer, four times: each applied once, no error, no lock left', async () => {
  // In-process, so that the three really overlap (server processes start seconds apart here).
  for (let round = 0; round < 4; round++) {
    const database = await createTestDatabase();
    databases.push(database);
    const url = bouncer.urlOf(database.name);
    const results = await Promise.allSettled([
      migrate(url, { logger }),
      migrate(url, { logger }),
      migrate(url, { logger }),
    ]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled']);
    const applied = results.flatMap((result) => (result.status === 'fulfilled' ? result.value.applied : []));
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const { rows } = await client.query<{ migration_name: string }>(
      'SELECT migration_name FROM "_prisma_migrations" ORDER BY 1',
    );
    await client.end();
    expect(applied.sort()).toEqual(rows.map((row) => row.migration_name));
    expect(await locksIn(database)).toEqual([]);
  }
}, 120_000);

for (const round of [1, 2, 3, 4]) {
  it(`cold start ${round}/4: three instances at once through PgBouncer migrate once, serve, and leave no lock`, async () => {
    const database = await createTestDatabase();
    databases.push(database);
    const env = { DATABASE_URL: bouncer.urlOf(database.name), DATABASE_POOL_SIZE: '4' };
    const started = await Promise.all([startServerProcess(env), startServerProcess(env), startServerProcess(env)]);
    servers.push(...started);

    // Each migration applied exactly once, whichever instance did it.
    const db = createDb(database.url, 2, logger);
    try {
      const rows = await db.$queryRaw<{ migration_name: string; finished: boolean }[]>`
        SELECT migration_name, finished_at IS NOT NULL AS finished FROM "_prisma_migrations" ORDER BY migration_name`;
      const names = rows.map((row) => row.migration_name);
      expect(new Set(names).size).toBe(names.length);
      expect(names.length).toBeGreaterThan(0);
      expect(rows.every((row) => row.finished)).toBe(true);
      const applied = started.flatMap((server) =>
        server.logs.filter((line) => String(line.msg).startsWith('applied migration ')),
      );
      expect(applied.map((line) => line.migration).sort()).toEqual(names);

      for (const server of started) {
        expect(server.logs.find((line) => line.pooler)).toMatchObject({
          level: 30,
          msg: 'DATABASE_URL is a pooler (pgbouncer=true): prepared statements off',
        });
        const ready = await fetch(`${server.url}/readyz`);
        expect({ status: ready.status, body: await ready.json() }).toEqual({
          status: 200,
          body: { status: 'ready', database: 'up', pubsub: 'up', pool: { size: 4 } },
        });
      }
      expect(await locksIn(database)).toEqual([]);

      // Served through 3 server connections shared by 12 pool connections: with named prepared
      // statements, 42P05/26000 would fail most of these.
      await seedDemo(db, logger);
      const answers = await Promise.all(
        Array.from({ length: 30 }, (_, i) => requestAt(started[i % 3]!.url, PAGE, { slug: DEMO_QUESTION_SLUG })),
      );
      const expected = answers[0]!;
      expect(expected.status).toBe(200);
      expect(expected.body.data!.question).toMatchObject({
        title: 'Is scalp micropigmentation permanent?',
        answerCount: 5,
      });
      expect(answers.every((answer) => JSON.stringify(answer) === JSON.stringify(expected))).toBe(true);
    } finally {
      await db.$disconnect();
    }

    // Killed, as a failed deploy would leave them: still nothing held.
    for (const server of started) server.crash();
    await Promise.all(started.map((server) => server.exited));
    expect(await locksIn(database)).toEqual([]);
  }, 180_000);
}
