import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seedDemo } from '../../prisma/seed/demo';
import { createApplication, type Application } from '../../src/application';
import { createDb } from '../../src/db/client';
import { migrate } from '../../src/db/migrate';
import { DEMO_QUESTION_SLUG } from '../../src/server';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { post, type RawResponse } from '../helpers/http';
import { eventually } from '../helpers/live';
import { logger, testConfig } from '../helpers/server';

// Many expensive searches at once must not starve the other requests: an instance runs at most
// SEARCH_MAX_CONCURRENT of them, the rest wait SEARCH_WAIT_MS for a turn and get SEARCH_BUSY.
//
// Slow searches, made deterministic: in this test's database a `websearch_to_tsquery` of its own
// shadows PostgreSQL's (a schema ahead of pg_catalog in the search path) and waits for an advisory
// lock that the test holds. The search blocks for exactly as long as the test says, whatever the
// machine's load; the question page, which runs no full-text search, is not touched.
const SLOTS = 2;
const SEARCHES = 8;
const LOCK_KEY = 4242;

let database: TestDatabase;
let application: Application;
let url: string;
let holder: pg.Client;

beforeAll(async () => {
  database = await createTestDatabase();
  // Seeded here, where the test can wait for it, rather than by the server at its start.
  await migrate(database.url, { logger });
  const seeding = createDb(database.url, 1, logger);
  await seedDemo(seeding, logger);
  await seeding.$disconnect();
  holder = new pg.Client({ connectionString: database.url });
  await holder.connect();
  await holder.query(`CREATE SCHEMA slow`);
  await holder.query(`
    CREATE FUNCTION slow.websearch_to_tsquery(config regconfig, query text) RETURNS tsquery
    LANGUAGE plpgsql VOLATILE AS $$
    BEGIN
      PERFORM pg_advisory_xact_lock_shared(${LOCK_KEY});
      RETURN pg_catalog.websearch_to_tsquery(config, query);
    END $$`);
  // For the server's connections, all opened after this. `public` stays first, where the tables are.
  await holder.query(`ALTER DATABASE "${database.name}" SET search_path = public, slow, pg_catalog`);

  const config = testConfig(database);
  if (config.database.kind !== 'postgres') throw new Error('test databases are PostgreSQL');
  application = createApplication(
    {
      ...config,
      database: {
        ...config.database,
        // Held searches must outlive the test's slowest step rather than time out: their wait on
        // the advisory lock counts against lock_timeout (2 s by default) as well.
        timeouts: { ...config.database.timeouts, statementMs: 120_000, lockMs: 120_000 },
        searches: { concurrent: SLOTS, waitMs: 200 },
      },
    },
    { logger },
  );
  url = `http://127.0.0.1:${(await application.start()).port}`;
});
afterAll(async () => {
  await holder?.end();
  await application?.stop();
  await database?.drop();
});

const SEARCH = 'query($s: String!) { questions(first: 5, filter: { search: $s }) { edges { node { slug } } } }';
const PAGE = 'query($slug: String!) { question(slug: $slug) { title answers(first: 3) { totalCount } } }';

/** Backends of the server waiting on the test's advisory lock: searches that hold a slot. */
async function searchesInDatabase(): Promise<number> {
  const { rows } = await holder.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM pg_stat_activity
      WHERE datname = $1 AND wait_event_type = 'Lock' AND wait_event = 'advisory'`,
    [database.name],
  );
  return rows[0]!.n;
}

it('runs at most SEARCH_MAX_CONCURRENT searches; the rest get 503 SEARCH_BUSY while other requests go on', async () => {
  await holder.query('SELECT pg_advisory_lock($1)', [LOCK_KEY]);
  const settled: RawResponse[] = [];
  const searches = Array.from({ length: SEARCHES }, () =>
    post(url, { query: SEARCH, variables: { s: 'scalp' } }).then((response) => {
      settled.push(response);
      return response;
    }),
  );

  // Two searches reach PostgreSQL and stay there; the other six give up waiting for a slot.
  await eventually(async () => (await searchesInDatabase()) === SLOTS, 30_000, 'two searches in the database');
  await eventually(() => settled.length === SEARCHES - SLOTS, 30_000, 'the excess searches to be refused');
  for (const refused of settled) {
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('2');
    expect(refused.json?.errors).toHaveLength(1);
    expect(refused.json?.errors?.[0]).toMatchObject({
      message:
        'Too many searches are running on this server right now. Try the search again in a few seconds; lists without a search still work.',
      extensions: { code: 'SEARCH_BUSY', retryAfter: 2 },
    });
  }
  expect(await searchesInDatabase()).toBe(SLOTS);

  // Meanwhile the question page, a list without a search and the health check all answer.
  const page = await post(url, { query: PAGE, variables: { slug: DEMO_QUESTION_SLUG } });
  expect(page.status).toBe(200);
  expect(page.json?.errors).toBeUndefined();
  expect(page.json?.data).toMatchObject({ question: { title: expect.any(String) } });
  const list = await post(url, { query: '{ questions(first: 3) { edges { node { slug } } } }' });
  expect(list.status).toBe(200);
  expect(list.json?.errors).toBeUndefined();
  expect((await fetch(`${url}/healthz`)).status).toBe(200);

  // Released, the two held searches finish with their results, and the slots are free again.
  await holder.query('SELECT pg_advisory_unlock($1)', [LOCK_KEY]);
  const all = await Promise.all(searches);
  const answered = all.filter((response) => response.status === 200);
  expect(answered).toHaveLength(SLOTS);
  for (const response of answered) {
    expect(response.json?.errors).toBeUndefined();
    expect(response.json?.data).toEqual({
      questions: { edges: [{ node: { slug: DEMO_QUESTION_SLUG } }] },
    });
  }
  const again = await post(url, { query: SEARCH, variables: { s: 'scalp' } });
  expect(again.status).toBe(200);
  expect(again.json?.data).toEqual({ questions: { edges: [{ node: { slug: DEMO_QUESTION_SLUG } }] } });
});
