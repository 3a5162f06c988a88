import { afterAll, beforeAll, expect, it } from 'vitest';
import { issueCredential } from '../../src/auth/tokens';
import { DEMO_QUESTION_SLUG } from '../../src/server';
import { bearer, post } from '../helpers/http';
import { startPgCluster, type PgCluster } from '../helpers/pg-cluster';
import { logger, startInstance, type TestServer } from '../helpers/server';
import type { TestDatabase } from '../helpers/database';
import { graphql } from '../helpers/graphql';
import { collectEscapedErrors } from '../helpers/escaped-errors';

// PostgreSQL SIGKILLed (postmaster and backends at once) again and again while doctors post
// answers with idempotency keys, retrying each until it is acknowledged, through one server that
// is never restarted.
let cluster: PgCluster;
let database: TestDatabase;
let server: TestServer;

const problems = collectEscapedErrors();

beforeAll(async () => {
  cluster = await startPgCluster();
  database = await cluster.createAppDatabase(logger, { seed: true });
  server = await startInstance(database, { ownsDatabase: false });
});

afterAll(async () => {
  await server?.stop();
  await cluster?.destroy();
});

const POST = graphql(
  `mutation PostgresKillPostAnswer($input: PostAnswerInput!) { postAnswer(input: $input) { answer { id body } } }`,
);
const KILLS = 3;
const POSTERS = 4;

interface Failure {
  status: number;
  code: unknown;
  retryAfter: string | null;
  ms: number;
}

it('keeps every acknowledged answer, writes none twice, and keeps counters right across kill -9', async () => {
  const question = await server.db.question.findUniqueOrThrow({ where: { slug: DEMO_QUESTION_SLUG } });
  const questionId = Buffer.from(`Question:${question.id}`).toString('base64');
  const doctor = await server.db.doctor.findUniqueOrThrow({ where: { slug: 'archit-aggarwal' } });
  const token = await issueCredential(server.db, { role: 'doctor', doctorId: doctor.id });

  const acknowledged = new Map<string, { id: string; body: string }>(); // by idempotency key
  const failures: Failure[] = [];
  let attempts = 0;
  let stopping = false;
  let aborted = false;

  /** Posts answer `n` of poster `p` until acknowledged, always with the same key. */
  async function postUntilAcknowledged(p: number, n: number) {
    const key = `kill-test-${p}-${n}-${'0'.repeat(8)}`;
    const body = `Answer ${n} of poster ${p}, posted while PostgreSQL is killed.`;
    while (!aborted) {
      attempts++;
      const started = performance.now();
      const response = await post(
        server.url,
        { query: POST, variables: { input: { questionId, body, idempotencyKey: key } } },
        bearer(token),
      );
      const ms = performance.now() - started;
      if (response.status === 200 && response.json?.data?.postAnswer) {
        acknowledged.set(key, response.json.data.postAnswer.answer);
        return;
      }
      failures.push({
        status: response.status,
        code: response.json?.errors?.[0]?.extensions?.code,
        retryAfter: response.headers.get('retry-after'),
        ms,
      });
      // A real client waits Retry-After; here the next attempt goes as soon as the outage shows.
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  const posters = Array.from({ length: POSTERS }, async (_, p) => {
    for (let n = 0; !stopping; n++) await postUntilAcknowledged(p, n);
  });

  try {
    await killRepeatedly();
  } catch (error) {
    aborted = true; // posters give up their answer in hand too
    await Promise.allSettled(posters);
    throw error;
  }
  stopping = true;
  await Promise.all(posters);

  async function killRepeatedly() {
    for (let kill = 0; kill < KILLS; kill++) {
      // Kill while answers are going in, after some more were acknowledged…
      const before = acknowledged.size;
      await expect.poll(() => acknowledged.size, { timeout: 60_000, interval: 20 }).toBeGreaterThanOrEqual(before + 5);
      const failed = failures.length;
      await cluster.kill();
      // …and bring it back once clients have seen the outage.
      await expect.poll(() => failures.length, { timeout: 60_000, interval: 20 }).toBeGreaterThan(failed);
      await cluster.start();
    }
    // A few more after the last recovery, then every poster finishes its answer in hand.
    const last = acknowledged.size;
    await expect.poll(() => acknowledged.size, { timeout: 60_000, interval: 20 }).toBeGreaterThanOrEqual(last + 5);
  }

  if (process.env.TEST_REPORT) {
    const ms = failures.map((f) => f.ms).sort((a, b) => a - b);
    console.info(
      `${KILLS} kills, ${attempts} attempts, ${acknowledged.size} acknowledged, ${failures.length} failed: ` +
        `p50 ${ms[Math.floor(ms.length / 2)]?.toFixed(0)} ms, max ${ms.at(-1)?.toFixed(0)} ms`,
    );
  }

  // Every request that failed said why, with a code to retry on: the database was unreachable.
  expect(failures.length).toBeGreaterThanOrEqual(KILLS);
  for (const failure of failures) {
    expect({ status: failure.status, code: failure.code, retryAfter: failure.retryAfter }).toEqual({
      status: 503,
      code: 'DATABASE_UNAVAILABLE',
      retryAfter: '5',
    });
  }
  // Every acknowledged answer is there, as acknowledged, once; nothing else was written.
  const rows = await server.db.answer.findMany({
    where: { questionId: question.id, body: { contains: 'posted while PostgreSQL is killed' } },
    select: { id: true, body: true },
  });
  const written = new Map(rows.map((row) => [row.body, row.id]));
  expect(rows.length).toBe(written.size); // no body twice
  expect(rows.length).toBe(acknowledged.size);
  for (const answer of acknowledged.values()) {
    expect(Buffer.from(`Answer:${written.get(answer.body)}`).toString('base64')).toBe(answer.id);
  }
  // The counters kept by triggers match the rows.
  const visible = await server.db.answer.count({ where: { questionId: question.id, hiddenAt: null } });
  const counted = await server.db.question.findUniqueOrThrow({
    where: { id: question.id },
    select: { answerCount: true },
  });
  expect(counted.answerCount).toBe(visible);
  const byDoctor = await server.db.answer.count({ where: { doctorId: doctor.id, hiddenAt: null } });
  expect((await server.db.doctor.findUniqueOrThrow({ where: { id: doctor.id } })).answerCount).toBe(byDoctor);
  // The same server (never restarted) reads and writes as before.
  const page = await server.request(
    graphql(`query PostgresKillQuestion($slug: String!) { question(slug: $slug) { answerCount } }`),
    {
      slug: DEMO_QUESTION_SLUG,
    },
  );
  expect(page).toEqual({ data: { question: { answerCount: visible } } });
  expect(problems).toEqual([]);
}, 300_000);
