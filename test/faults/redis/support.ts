import { randomBytes } from 'node:crypto';
import { expect, test } from 'vitest';
import { issueCredential } from '../../../src/auth/tokens';
import { createDb } from '../../../src/db/client';
import { sharedCountersFromConfig } from '../../../src/limits/rate-limiter';
import { pubSubFromConfig } from '../../../src/pubsub';
import { buildApp } from '../../../src/server';
import { eventually, subscribe, wsClient, type LiveSubscription } from '../../helpers/live';
import { startPrivateRedis, type PrivateRedis } from '../../helpers/redis-server';
import { logger, TEST_LIMITS, type TestServer } from '../../helpers/server';
import { graphql, type ResultOf } from '../../helpers/graphql';
import { startPair } from '../../helpers/deployment';
import { listenForEscapedErrors } from '../../helpers/escaped-errors';

/*
 * What the Redis fault tests (outage, transport .test.ts beside this one) share. `it` here gives
 * each test `faults`: two instances (`a`, `b`) of one deployment (the shared test PostgreSQL, one
 * database) on a Redis of the file's own (`redis`), which the tests stop and start, a doctor's
 * `token`, and the test's `cleanups`. The deployment is started for the file's first test and
 * stopped after the file; after each test, what it opened is closed, Redis is thawed and started
 * again, and nothing went wrong (no listener left, no error escaped into the process).
 */

export const prefix = `faults-${randomBytes(4).toString('hex')}`;

interface Deployment {
  redis: PrivateRedis;
  a: TestServer;
  b: TestServer;
  token: string;
  /** Errors that escaped into the process (unhandled rejections, uncaught exceptions) since it started. */
  problems: unknown[];
}

/** The file's deployment, and the test's clients and transports, closed even when the test fails half-way. */
export interface Faults extends Deployment {
  cleanups: (() => unknown)[];
}

export const it = test.extend<{ deployment: Deployment; faults: Faults }>({
  deployment: [
    // biome-ignore lint/correctness/noEmptyPattern: vitest reads the fixtures a fixture uses from its first parameter.
    async ({}, use) => {
      // Listening first and stopping last, so that errors while starting or stopping count too.
      const escaped = listenForEscapedErrors();
      let redis: PrivateRedis | undefined;
      let stop: (() => Promise<void>) | undefined;
      try {
        redis = await startPrivateRedis();
        const pair = await startPair({ redisUrl: redis.url, prefix });
        stop = pair.stop;
        const doctor = await pair.a.db.doctor.findUniqueOrThrow({ where: { slug: 'izharul-hasan' } });
        const token = await issueCredential(pair.a.db, { role: 'doctor', doctorId: doctor.id });
        await use({ redis, a: pair.a, b: pair.b, token, problems: escaped.problems });
      } finally {
        await redis?.start(); // so that the instances can say goodbye to it
        await stop?.();
        await redis?.destroy();
        escaped.stop();
      }
    },
    { scope: 'file' },
  ],
  faults: [
    async ({ deployment }, use) => {
      const { redis, a, b, problems } = deployment;
      const cleanups: (() => unknown)[] = [];
      try {
        await use({ ...deployment, cleanups });
      } finally {
        redis.thaw();
        for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
        await redis.start();
      }
      await eventually(
        () => a.pubSub.listenerCount() === 0 && b.pubSub.listenerCount() === 0,
        5000,
        'no listeners left',
      );
      expect(problems).toEqual([]);
    },
    { auto: true },
  ],
});

export const ANSWER_ADDED = graphql(
  `subscription RedisAnswerAdded($q: ID!) { answerAdded(questionId: $q) { cursor node { body } } }`,
);
export const POST = graphql(
  `mutation RedisPostAnswer($input: PostAnswerInput!) { postAnswer(input: $input) { answer { body } } }`,
);

export function client({ cleanups }: Pick<Faults, 'cleanups'>, server: { url: string }) {
  const created = wsClient(server.url);
  cleanups.push(() => created.dispose());
  return created;
}

/**
 * An instance of the deployment started the way src/main.ts starts one: without waiting for Redis
 * (startInstance waits for the rate-limit counters' connection, which never comes during an outage).
 */
export async function startAsMainDoes({ redis, a }: Faults) {
  const db = createDb(a.database.url, 5, logger);
  const pubSub = pubSubFromConfig(redis.url, prefix, logger);
  const sharedCounters = sharedCountersFromConfig(redis.url, prefix, logger);
  const app = buildApp({ db, pubSub, logger, limits: TEST_LIMITS, sharedCounters, poolSize: 5 });
  const url = `http://127.0.0.1:${await app.start(0, '127.0.0.1')}`;
  return {
    url,
    pubSub,
    async stop() {
      await app.stop(1000);
      await pubSub.close();
      await sharedCounters?.close();
      await db.$disconnect();
    },
  };
}

export async function newQuestion({ a }: Faults): Promise<string> {
  const { data } = await a.request(
    graphql(`mutation RedisAskQuestion($input: AskQuestionInput!) { askQuestion(input: $input) { question { id } } }`),
    {
      input: { title: `Fault question ${randomBytes(4).toString('hex')}`, body: 'Does Redis going away lose answers?' },
    },
  );
  return data!.askQuestion.question.id;
}

/** A fresh question with an answerAdded subscriber on each instance, once both are listening. */
export async function questionWatchedOnBoth(faults: Faults, what: string) {
  const { a, b } = faults;
  const questionId = await newQuestion(faults);
  const onA = subscribe(client(faults, a), ANSWER_ADDED, { q: questionId });
  const onB = subscribe(client(faults, b), ANSWER_ADDED, { q: questionId });
  await eventually(() => a.pubSub.listenerCount() === 1 && b.pubSub.listenerCount() === 1, 5000, what);
  return { questionId, onA, onB };
}

export const post = ({ token }: Faults, server: TestServer, questionId: string, body: string) =>
  server.request(POST, { input: { questionId, body } }, { authorization: `Bearer ${token}` });

export async function readiness(server: { url: string }) {
  const response = await fetch(`${server.url}/readyz`);
  return { status: response.status, body: await response.json() };
}

export const bodies = (live: LiveSubscription<ResultOf<typeof ANSWER_ADDED>>) =>
  live.received.map((event) => event.answerAdded.node.body);

export const DEGRADED = {
  status: 200,
  body: { status: 'degraded', database: 'up', pubsub: 'down', pool: { size: 5 } },
};
export const READY = { status: 200, body: { status: 'ready', database: 'up', pubsub: 'up', pool: { size: 5 } } };

export async function readinessOfBoth({ a, b }: Faults) {
  return [await readiness(a), await readiness(b)];
}

export async function waitForReadiness(faults: Faults, expected: typeof READY, what: string) {
  await eventually(
    async () => JSON.stringify(await readinessOfBoth(faults)) === JSON.stringify([expected, expected]),
    10_000,
    what,
  );
}

/**
 * Nothing more than `expected` arrives: a last answer, posted with Redis up, comes after every
 * event already under way (one feed delivers in order), so it closes the stream for the check.
 */
export async function expectExactly(
  faults: Faults,
  lives: LiveSubscription<ResultOf<typeof ANSWER_ADDED>>[],
  questionId: string,
  expected: string[],
) {
  await waitForReadiness(faults, READY, 'both instances connected to Redis, so that the last answer travels');
  const last = `Barrier ${randomBytes(3).toString('hex')}`;
  expect(await post(faults, faults.b, questionId, last)).toEqual({ data: { postAnswer: { answer: { body: last } } } });
  for (const live of lives) {
    await live.waitFor(expected.length + 1, 10_000);
    expect(bodies(live)).toEqual([...expected, last]);
    expect(live.errors).toEqual([]);
    expect(new Set(live.received.map((event) => event.answerAdded.cursor)).size).toBe(expected.length + 1);
  }
}
