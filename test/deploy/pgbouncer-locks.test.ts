import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seedDemo } from '../../prisma/seed/demo';
import { createApplication } from '../../src/application';
import { issueCredential } from '../../src/auth/tokens';
import { createDb, DEFAULT_DB_TIMEOUTS, type Db } from '../../src/db/client';
import { migrate } from '../../src/db/migrate';
import { DEMO_QUESTION_SLUG } from '../../src/server';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { fixtures } from '../helpers/fixtures';
import { bearer, post } from '../helpers/http';
import { startPgBouncer, type PgBouncer } from '../helpers/pgbouncer';
import { logger, testConfig } from '../helpers/server';
import { graphql } from '../helpers/graphql';

// The hardening issue's timeouts hold through PgBouncer in transaction mode and across instances
// (issue 13): a question's row locked by another session fails writes to it fast on every
// instance, while reads and other writes go on through the same pooler.
let bouncer: PgBouncer;
let database: TestDatabase;
let db: Db;
const instances: { url: string; stop(): Promise<void> }[] = [];

beforeAll(async () => {
  bouncer = await startPgBouncer({ serverPoolSize: 4 });
  database = await createTestDatabase();
  await migrate(database.url, { logger });
  db = createDb(database.url, 2, logger);
  await seedDemo(db, logger);
  for (let i = 0; i < 2; i++) {
    const config = testConfig(database);
    const database_ = {
      kind: 'postgres' as const,
      url: bouncer.urlOf(database.name),
      poolSize: 5,
      preparedStatements: false,
      pooler: 'pgbouncer=true',
      timeouts: DEFAULT_DB_TIMEOUTS,
      searches: config.database.searches,
    };
    const application = createApplication({ ...config, database: database_ }, { logger });
    const running = await application.start();
    instances.push({ url: `http://127.0.0.1:${running.port}`, stop: () => application.stop() });
  }
});

afterAll(async () => {
  for (const instance of instances) await instance.stop();
  await db?.$disconnect();
  await bouncer?.stop();
  await database?.drop();
});

const PAGE = graphql(`query PgbouncerLocksQuestion($slug: String!) { question(slug: $slug) { title } }`);
const POST = graphql(
  `mutation PgbouncerLocksPostAnswer($input: PostAnswerInput!) { postAnswer(input: $input) { answer { body } } }`,
);

it('fails writes to a locked row with RESOURCE_LOCKED on both instances through PgBouncer; reads and other writes succeed', async () => {
  const make = fixtures(db);
  const token = await issueCredential(db, {
    role: 'doctor',
    doctorId: (await make.doctor({ name: 'Dr. Bouncer' })).id,
  });
  const locked = await db.question.findUniqueOrThrow({ where: { slug: DEMO_QUESTION_SLUG } });
  const other = await make.question({ title: 'Is PgBouncer a doctor?' });
  const gid = (id: number) => Buffer.from(`Question:${id}`).toString('base64');

  const holder = new pg.Client({ connectionString: database.url }); // directly, as an operator would
  await holder.connect();
  await holder.query('BEGIN');
  await holder.query('SELECT id FROM question WHERE id = $1 FOR UPDATE', [locked.id]);
  try {
    const write = (questionId: number, body: string, i: number) =>
      post(
        instances[i % 2]!.url,
        { query: POST, variables: { input: { questionId: gid(questionId), body } } },
        bearer(token),
      );
    const [lockedWrites, otherWrites, reads] = await Promise.all([
      Promise.all(Array.from({ length: 6 }, (_, i) => write(locked.id, `Locked ${i}`, i))),
      Promise.all(Array.from({ length: 2 }, (_, i) => write(other.id, `Other ${i}`, i))),
      Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          post(instances[i % 2]!.url, { query: PAGE, variables: { slug: DEMO_QUESTION_SLUG } }),
        ),
      ),
    ]);
    for (const response of lockedWrites) {
      expect({
        status: response.status,
        code: response.json?.errors?.[0]?.extensions?.code,
        retryAfter: response.headers.get('retry-after'),
      }).toEqual({
        status: 409,
        code: 'RESOURCE_LOCKED',
        retryAfter: '2',
      });
    }
    expect(otherWrites.map((response) => [response.status, response.json])).toEqual(
      [0, 1].map((i) => [200, { data: { postAnswer: { answer: { body: `Other ${i}` } } } }]),
    );
    for (const response of reads)
      expect([response.status, response.json]).toEqual([
        200,
        { data: { question: { title: 'Is scalp micropigmentation permanent?' } } },
      ]);
  } finally {
    await holder.query('ROLLBACK');
    await holder.end();
  }
  expect(await db.answer.count({ where: { body: { startsWith: 'Locked ' } } })).toBe(0);
  const after = await post(
    instances[1]!.url,
    { query: POST, variables: { input: { questionId: gid(locked.id), body: 'After the lock.' } } },
    bearer(token),
  );
  expect([after.status, after.json]).toEqual([200, { data: { postAnswer: { answer: { body: 'After the lock.' } } } }]);
}, 90_000);
