import { randomBytes } from 'node:crypto';
import { formatPrismaCursor } from '@pothos/plugin-prisma';
import { request as httpRequest } from 'node:http';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { seedDemo } from '../../prisma/seed/demo';
import { createDb, type Db } from '../../src/db/client';
import { migrate } from '../../src/db/migrate';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { fixtures } from '../helpers/fixtures';
import { eventually, subscribe, wsClient } from '../helpers/live';
import { startPrivateRedis, type PrivateRedis } from '../helpers/redis-server';
import { type GraphQLResponse, logger } from '../helpers/server';
import { doctorTokens, startServerProcess, type ServerProcess } from './support';
import { graphql } from '../helpers/graphql';
import { requestAt } from '../helpers/http';

// One real server process per test, as deployed: a fresh database on the shared test
// PostgreSQL and a Redis of this file's own.
let redis: PrivateRedis;
let database: TestDatabase;
let db: Db;
let doctorId: number;
const servers: ServerProcess[] = [];

beforeAll(async () => {
  redis = await startPrivateRedis();
  database = await createTestDatabase();
  await migrate(database.url, { logger });
  db = createDb(database.url, 2, logger);
  await seedDemo(db, logger);
  doctorId = (await db.doctor.findUniqueOrThrow({ where: { slug: 'harish-kumar-kabilan' } })).id;
});

afterEach(async () => {
  await redis.start();
  for (const server of servers.splice(0)) {
    if (server.child.exitCode === null && server.child.signalCode === null) server.crash();
    await server.exited;
  }
});

afterAll(async () => {
  await db?.$disconnect();
  await database?.drop();
  await redis?.destroy();
});

async function server(): Promise<ServerProcess> {
  const started = await startServerProcess({
    DATABASE_URL: database.url,
    REDIS_URL: redis.url,
    PUBSUB_PREFIX: `shutdown-${randomBytes(4).toString('hex')}`,
    SHUTDOWN_TIMEOUT_MS: '10000',
    LOG_LEVEL: 'debug', // 'request received' lines: what is in flight
  });
  servers.push(started);
  return started;
}

const POST = graphql(
  `mutation ShutdownPostAnswer($input: PostAnswerInput!) { postAnswer(input: $input) { answer { body } } }`,
);

type Outcome =
  | { kind: 'response'; status: number; body: GraphQLResponse; at: number }
  | { kind: 'connection error'; code: string; at: number };

/** postAnswer on a connection of its own (no keep-alive): a closed door shows as a connection error. */
function postOnNewConnection(url: string, token: string, questionId: string, body: string): Promise<Outcome> {
  return new Promise((resolve) => {
    const payload = JSON.stringify({ query: POST, variables: { input: { questionId, body } } });
    const request = httpRequest(
      `${url}/graphql`,
      {
        method: 'POST',
        agent: false,
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${token}`,
          'content-length': Buffer.byteLength(payload),
        },
      },
      (response) => {
        let text = '';
        response.on('data', (chunk) => (text += chunk));
        response.on('end', () =>
          resolve({ kind: 'response', status: response.statusCode!, body: JSON.parse(text), at: performance.now() }),
        );
        response.on('error', (error: NodeJS.ErrnoException) =>
          resolve({ kind: 'connection error', code: error.code ?? error.message, at: performance.now() }),
        );
      },
    );
    request.on('error', (error: NodeJS.ErrnoException) =>
      resolve({ kind: 'connection error', code: error.code ?? error.message, at: performance.now() }),
    );
    request.end(payload);
  });
}

/** postAnswer as a browser or fetch would send it: pooled keep-alive connections. */
async function postKeepAlive(url: string, token: string, questionId: string, body: string): Promise<Outcome> {
  try {
    const { status, body: result } = await requestAt(
      url,
      POST,
      { input: { questionId, body } },
      { authorization: `Bearer ${token}` },
    );
    return { kind: 'response', status, body: result, at: performance.now() };
  } catch (error) {
    const cause = (error as { cause?: NodeJS.ErrnoException }).cause;
    return { kind: 'connection error', code: cause?.code ?? cause?.message ?? String(error), at: performance.now() };
  }
}

const success = (body: string) => ({
  kind: 'response',
  status: 200,
  body: { data: { postAnswer: { answer: { body } } } },
});
const CONNECTION_ERRORS = ['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'other side closed'];

it('finishes the requests in flight on SIGTERM, refuses new ones at the door, exits 0, and leaves no answer half-written', async () => {
  const app = await server();
  const question = await fixtures(db).question({ title: 'Answered during a shutdown?' });
  const questionId = Buffer.from(`Question:${question.id}`).toString('base64');
  const nextToken = doctorTokens(db, doctorId);
  const tokens = await Promise.all(Array.from({ length: 70 }, () => nextToken()));

  // 50 answers at once: they queue on the question's row, so most are in flight when SIGTERM
  // arrives, once the first one is answered and the server has received all 50 (on a busy
  // machine some may still wait in the kernel's accept queue: those were never in flight).
  let terminatedAt = Infinity;
  let terminating = false;
  const received = () => app.logs.filter((line) => line.msg === 'request received' && line.path === '/graphql').length;
  const inFlight = Array.from({ length: 50 }, async (_, i) => {
    const body = `In flight ${i}: ${'x'.repeat(i * 37)}`;
    const outcome = await postKeepAlive(app.url, tokens[i]!, questionId, body);
    if (!terminating && outcome.kind === 'response') {
      terminating = true;
      await eventually(() => received() >= 50, 30_000, 'all 50 requests to reach the server');
      terminatedAt = performance.now();
      app.child.kill('SIGTERM');
    }
    return { body, outcome };
  });
  const first = await Promise.all(inFlight);

  // Once it has said it is shutting down, the door is shut.
  await eventually(
    () => app.logs.some((line) => line.msg === 'shutting down: finishing in-flight requests'),
    5000,
    'shutting down',
  );
  const late: { body: string; outcome: Outcome }[] = [];
  for (let i = 0; i < 10; i++) {
    const body = `Late ${i}`;
    late.push({ body, outcome: await postOnNewConnection(app.url, tokens[50 + i]!, questionId, body) });
  }
  expect(await app.exited).toEqual({ code: 0, signal: null });
  expect(app.logs.at(-1)).toMatchObject({ msg: 'stopped' });

  // Every request that got a response got a success; the others got a connection error, never a 5xx.
  const all = [...first, ...late];
  for (const { body, outcome } of all) {
    if (outcome.kind === 'response') expect(outcome, body).toEqual({ ...success(body), at: outcome.at });
    else expect(CONNECTION_ERRORS, `${body}: ${outcome.code}`).toContain(outcome.code);
  }
  // The requests in flight finished, many of them after SIGTERM…
  expect(first.every(({ outcome }) => outcome.kind === 'response')).toBe(true);
  expect(first.filter(({ outcome }) => outcome.at > terminatedAt).length).toBeGreaterThan(10);
  // …and the late ones were turned away.
  expect(late.map(({ outcome }) => outcome.kind)).toEqual(Array(10).fill('connection error'));

  // In the database: exactly the answers that were confirmed, each whole, and counts that agree.
  const confirmed = all.filter(({ outcome }) => outcome.kind === 'response').map(({ body }) => body);
  const rows = await db.answer.findMany({
    where: { questionId: question.id },
    select: { body: true, doctorId: true, staffMemberId: true, hiddenAt: true },
  });
  expect(rows.map((row) => row.body).sort()).toEqual([...confirmed].sort());
  for (const row of rows)
    expect({ doctorId: row.doctorId, staffMemberId: row.staffMemberId, hiddenAt: row.hiddenAt }).toEqual({
      doctorId,
      staffMemberId: null,
      hiddenAt: null,
    });
  const [counts] = await db.$queryRaw<
    { answer_count: number; visible: bigint; doctor_count: number; doctor_visible: bigint }[]
  >`
    SELECT q.answer_count,
           (SELECT count(*) FROM answer a WHERE a.question_id = q.id AND a.hidden_at IS NULL) AS visible,
           d.answer_count AS doctor_count,
           (SELECT count(*) FROM answer a WHERE a.doctor_id = d.id AND a.hidden_at IS NULL) AS doctor_visible
      FROM question q, doctor d WHERE q.id = ${question.id} AND d.id = ${doctorId}`;
  expect(counts!.answer_count).toBe(confirmed.length);
  expect(Number(counts!.visible)).toBe(confirmed.length);
  expect(counts!.doctor_count).toBe(Number(counts!.doctor_visible));
}, 45_000);

it('stops promptly on SIGTERM while Redis is down, even with subscribers that arrived during the outage', async () => {
  const app = await server();
  const question = await fixtures(db).question({ title: 'Subscribed while Redis is down' });
  const questionId = Buffer.from(`Question:${question.id}`).toString('base64');
  await redis.stop();
  await eventually(
    async () => (await (await fetch(`${app.url}/readyz`)).json()).status === 'degraded',
    5000,
    'the server to see Redis go',
  );
  // A subscriber arriving now: its SUBSCRIBE waits for Redis, which will not come back.
  const client = wsClient(app.url);
  const token = await doctorTokens(db, doctorId)();
  expect(await postKeepAlive(app.url, token, questionId, 'Posted while Redis is down.')).toMatchObject(
    success('Posted while Redis is down.'),
  );
  const live = subscribe(
    client,
    graphql(
      `subscription ShutdownAnswerAdded($q: ID!, $after: String) { answerAdded(questionId: $q, after: $after) { cursor } }`,
    ),
    {
      q: questionId,
      after: formatPrismaCursor({ id: 0 }, 'id'), // from the start
    },
  );
  await live.waitFor(1); // so its subscription has reached the pub/sub: its first read found the answer

  app.child.kill('SIGTERM');
  // It exits by itself, with the subscription open (its socket is closed with 1001, not waited on).
  expect(await app.exited).toEqual({ code: 0, signal: null });
  expect(live.completed || live.errors.length > 0).toBe(true); // the socket was closed (1001)
  await client.dispose();
}, 30_000);
