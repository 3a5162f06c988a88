import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { issueCredential } from '../../src/auth/tokens';
import { createDb } from '../../src/db/client';
import { sharedCountersFromConfig } from '../../src/limits/rate-limiter';
import { pubSubFromConfig } from '../../src/pubsub';
import { createRedisTransport } from '../../src/pubsub/transport';
import { buildApp } from '../../src/server';
import { eventually, sleep, subscribe, wsClient, type LiveSubscription } from '../helpers/live';
import { startPrivateRedis, type PrivateRedis } from '../helpers/redis-server';
import { logger, TEST_LIMITS, type TestServer } from '../helpers/server';
import { graphql, type ResultOf } from '../helpers/graphql';
import { startPair } from '../helpers/deployment';

// Two instances of one deployment (the shared test PostgreSQL, one database) on a Redis of this
// file's own, which the tests stop and start.
let redis: PrivateRedis;
let a: TestServer;
let b: TestServer;
let stop: () => Promise<void>;
let token: string;
const prefix = `faults-${randomBytes(4).toString('hex')}`;

const problems: unknown[] = [];
const record = (error: unknown) => void problems.push(error);

const ANSWER_ADDED = graphql(
  `subscription RedisAnswerAdded($q: ID!) { answerAdded(questionId: $q) { cursor node { body } } }`,
);
const POST = graphql(
  `mutation RedisPostAnswer($input: PostAnswerInput!) { postAnswer(input: $input) { answer { body } } }`,
);

beforeAll(async () => {
  process.on('unhandledRejection', record);
  process.on('uncaughtException', record);
  redis = await startPrivateRedis();
  ({ a, b, stop } = await startPair({ redisUrl: redis.url, prefix }));
  const doctor = await a.db.doctor.findUniqueOrThrow({ where: { slug: 'izharul-hasan' } });
  token = await issueCredential(a.db, { role: 'doctor', doctorId: doctor.id });
});

afterAll(async () => {
  await redis?.start(); // so that the instances can say goodbye to it
  await stop?.();
  await redis?.destroy();
  process.off('unhandledRejection', record);
  process.off('uncaughtException', record);
});

// Each test's clients and transports, closed even when the test fails half-way.
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  redis.thaw();
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  await redis.start();
  await eventually(() => a.pubSub.listenerCount() === 0 && b.pubSub.listenerCount() === 0, 5000, 'no listeners left');
  expect(problems).toEqual([]);
});

function client(server: { url: string }) {
  const created = wsClient(server.url);
  cleanups.push(() => created.dispose());
  return created;
}

/**
 * An instance of the deployment started the way src/main.ts starts one: without waiting for Redis
 * (startInstance waits for the rate-limit counters' connection, which never comes during an outage).
 */
async function startAsMainDoes() {
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

async function newQuestion(): Promise<string> {
  const { data } = await a.request(
    graphql(`mutation RedisAskQuestion($input: AskQuestionInput!) { askQuestion(input: $input) { question { id } } }`),
    {
      input: { title: `Fault question ${randomBytes(4).toString('hex')}`, body: 'Does Redis going away lose answers?' },
    },
  );
  return data!.askQuestion.question.id;
}

const post = (server: TestServer, questionId: string, body: string) =>
  server.request(POST, { input: { questionId, body } }, { authorization: `Bearer ${token}` });

async function readiness(server: { url: string }) {
  const response = await fetch(`${server.url}/readyz`);
  return { status: response.status, body: await response.json() };
}

const bodies = (live: LiveSubscription<ResultOf<typeof ANSWER_ADDED>>) =>
  live.received.map((event) => event.answerAdded.node.body);

const DEGRADED = { status: 200, body: { status: 'degraded', database: 'up', pubsub: 'down', pool: { size: 5 } } };
const READY = { status: 200, body: { status: 'ready', database: 'up', pubsub: 'up', pool: { size: 5 } } };

async function readinessOfBoth() {
  return [await readiness(a), await readiness(b)];
}

async function waitForReadiness(expected: typeof READY, what: string) {
  await eventually(
    async () => JSON.stringify(await readinessOfBoth()) === JSON.stringify([expected, expected]),
    10_000,
    what,
  );
}

/**
 * Nothing more than `expected` arrives: a last answer, posted with Redis up, comes after every
 * event already under way (one feed delivers in order), so it closes the stream for the check.
 */
async function expectExactly(
  lives: LiveSubscription<ResultOf<typeof ANSWER_ADDED>>[],
  questionId: string,
  expected: string[],
) {
  await waitForReadiness(READY, 'both instances connected to Redis, so that the last answer travels');
  const last = `Barrier ${randomBytes(3).toString('hex')}`;
  expect(await post(b, questionId, last)).toEqual({ data: { postAnswer: { answer: { body: last } } } });
  for (const live of lives) {
    await live.waitFor(expected.length + 1, 10_000);
    expect(bodies(live)).toEqual([...expected, last]);
    expect(live.errors).toEqual([]);
    expect(new Set(live.received.map((event) => event.answerAdded.cursor)).size).toBe(expected.length + 1);
  }
}

describe('Redis stopped while answers are posted', () => {
  it('commits every answer, reports degraded, and catches the live subscribers up once Redis is back', async () => {
    const questionId = await newQuestion();
    const onA = subscribe(client(a), ANSWER_ADDED, { q: questionId });
    const onB = subscribe(client(b), ANSWER_ADDED, { q: questionId });
    await eventually(
      () => a.pubSub.listenerCount() === 1 && b.pubSub.listenerCount() === 1,
      5000,
      'a subscription on each instance',
    );
    await waitForReadiness(READY, 'both instances ready');

    await redis.stop();
    await eventually(() => !a.pubSub.healthy() && !b.pubSub.healthy(), 5000, 'both instances to see Redis go');
    const posted = ['While down 1', 'While down 2', 'While down 3', 'While down 4', 'While down 5'];
    for (const body of posted) {
      expect(await post(b, questionId, body)).toEqual({ data: { postAnswer: { answer: { body } } } });
    }
    expect(await readinessOfBoth()).toEqual([DEGRADED, DEGRADED]);
    const saved = await a.request(
      graphql(`query RedisNode($id: ID!) { node(id: $id) { ... on Question { answerCount } } }`),
      {
        id: questionId,
      },
    );
    expect(saved).toEqual({ data: { node: { answerCount: 5 } } });
    // B's own subscriber is served by B; events cannot travel to A.
    await onB.waitFor(5);
    expect(bodies(onB)).toEqual(posted);
    expect(onA.received).toEqual([]);

    await redis.start();
    await onA.waitFor(5, 10_000);
    expect(bodies(onA)).toEqual(posted);
    await waitForReadiness(READY, 'both instances ready again');
    await expectExactly([onA, onB], questionId, posted);
  });

  it('catches up the subscribers of an instance that started while Redis was down', async () => {
    const questionId = await newQuestion();
    await redis.stop();
    const c = await startAsMainDoes();
    cleanups.push(() => c.stop());
    const live = subscribe(client(c), ANSWER_ADDED, { q: questionId });
    await eventually(() => c.pubSub.listenerCount() === 1, 5000, 'the subscription on C');
    expect(await readiness(c)).toEqual(DEGRADED);
    expect(await post(b, questionId, 'Before C ever saw Redis')).toEqual({
      data: { postAnswer: { answer: { body: 'Before C ever saw Redis' } } },
    });

    await redis.start();
    await live.waitFor(1, 10_000);
    expect(bodies(live)).toEqual(['Before C ever saw Redis']);
    await eventually(async () => JSON.stringify(await readiness(c)) === JSON.stringify(READY), 10_000, 'C ready');
    await expectExactly([live], questionId, ['Before C ever saw Redis']);
  });

  it('survives Redis flapping ten times while answers are posted: no crash, no unhandled rejection, nothing lost', async () => {
    const questionId = await newQuestion();
    const onA = subscribe(client(a), ANSWER_ADDED, { q: questionId });
    const onB = subscribe(client(b), ANSWER_ADDED, { q: questionId });
    await eventually(
      () => a.pubSub.listenerCount() === 1 && b.pubSub.listenerCount() === 1,
      5000,
      'both subscriptions',
    );

    // One writer per instance, each posting one answer after the other for as long as Redis flaps.
    let flapping = true;
    const posted: string[] = [];
    const failures: unknown[] = [];
    const writer = async (server: TestServer, name: string) => {
      for (let i = 0; flapping; i++) {
        const body = `${name} ${i}`;
        const result = await post(server, questionId, body).catch((error) => ({ error: String(error) }));
        if (JSON.stringify(result) !== JSON.stringify({ data: { postAnswer: { answer: { body } } } })) {
          failures.push({ body, result });
        } else posted.push(body);
        // That a publish never waits for Redis is the frozen-Redis test's: its bound is a timeout
        // the transport reports, not a time measured here (no timing thresholds in tests).
      }
    };
    const writers = [writer(b, 'Through B'), writer(a, 'Through A')];
    cleanups.push(() => {
      flapping = false;
      return Promise.allSettled(writers);
    });

    for (let flap = 0; flap < 10; flap++) {
      await redis.stop();
      await sleep(30 + (flap % 3) * 60); // down for 30–150 ms
      await redis.start();
      await sleep(50 + (flap % 4) * 50); // up for 50–200 ms
    }
    await sleep(100);
    flapping = false;
    await Promise.all(writers);
    expect(failures).toEqual([]);
    expect(posted.length).toBeGreaterThan(10);

    // Both instances still serve, and see Redis again.
    await waitForReadiness(READY, 'both instances ready after the flapping');
    for (const server of [a, b]) {
      const page = await server.request(
        graphql(`query RedisNode($id: ID!) { node(id: $id) { ... on Question { answerCount } } }`),
        {
          id: questionId,
        },
      );
      expect(page).toEqual({ data: { node: { answerCount: posted.length } } });
    }

    // Every answer reaches both subscribers exactly once, in commit order, without any new event.
    const rows = await a.db.answer.findMany({
      where: { question: { id: Number(Buffer.from(questionId, 'base64').toString().split(':')[1]) } },
      orderBy: { id: 'asc' },
      select: { body: true },
    });
    const inCommitOrder = rows.map((row) => row.body);
    expect([...inCommitOrder].sort()).toEqual([...posted].sort());
    await eventually(
      () => onA.received.length >= posted.length && onB.received.length >= posted.length,
      10_000,
      `every answer on both subscribers (A ${onA.received.length}, B ${onB.received.length} of ${posted.length})`,
    );
    await expectExactly([onA, onB], questionId, inCommitOrder);
  }, 45_000);
});

describe('the Redis transport across an outage', () => {
  /** Our connections to the private Redis, by name, as Redis sees them. */
  async function connectionNames(): Promise<string[]> {
    const admin = new Redis(redis.url, { lazyConnect: true, retryStrategy: () => null });
    cleanups.push(() => admin.disconnect());
    await admin.connect();
    const list = (await admin.client('LIST')) as string;
    admin.disconnect();
    return [...list.matchAll(/ name=(\S*)/g)]
      .map((match) => match[1]!)
      .filter((name) => name.startsWith('medqa-'))
      .sort();
  }

  it('signals "catch up" only once the channel is live again, so nothing published after it is lost', async () => {
    const transport = createRedisTransport(redis.url, logger);
    cleanups.push(() => transport.close());
    const channel = `catch-up-${randomBytes(3).toString('hex')}`;
    let received: (string | null)[] = [];
    let publisher: Redis | null = null;
    await transport.subscribe(channel, (message) => {
      received.push(message);
      // What a subscription does on "catch up": read the database; anything committed and
      // published from then on must still arrive as an event.
      if (message === null) void publisher?.publish(channel, 'published after the catch-up signal');
    });
    await eventually(() => transport.healthy(), 5000, 'the transport to connect');

    await redis.stop();
    await eventually(() => !transport.healthy(), 5000, 'the transport to see Redis go');
    received = [];
    await redis.start();
    publisher = new Redis(redis.url, { connectionName: 'test-publisher' });
    cleanups.push(() => publisher?.disconnect());
    await eventually(() => transport.healthy(), 5000, 'the transport to reconnect');
    await eventually(
      () => received.length >= 2,
      5000,
      `the event published after "catch up" (got ${JSON.stringify(received)})`,
    );
    expect(received).toEqual([null, 'published after the catch-up signal']);
  });

  it('fails a publish within about a second while Redis hangs, instead of holding the mutation forever', async () => {
    const transport = createRedisTransport(redis.url, logger);
    cleanups.push(() => transport.close());
    await eventually(() => transport.healthy(), 5000, 'the transport to connect');
    redis.freeze(); // connections stay open; nothing is answered
    // Bounded by the transport's own command timeout: it rejects saying so instead of hanging.
    await expect(transport.publish('hung', 'lost')).rejects.toThrow(/timed out/i);
    // Readiness asks Redis, so it sees the hang although the connections look fine.
    expect(transport.healthy()).toBe(true);
    expect(await transport.check()).toBe(false);
    redis.thaw();
    expect(await transport.check()).toBe(true);
    await expect(transport.publish('hung', 'delivered')).resolves.toBeUndefined();
  });

  it('closes promptly while Redis is down, even with a subscription made during the outage, and stays closed', async () => {
    // The two instances' connections: publish, subscribe and rate-limit counters each (a client
    // still reconnecting after the previous test's outage would show up later and look like a leak).
    await eventually(async () => (await connectionNames()).length === 6, 10_000, "both instances' 6 connections");
    const before = await connectionNames();
    const transport = createRedisTransport(redis.url, logger);
    await transport.subscribe(`before-${randomBytes(3).toString('hex')}`, () => {});
    await eventually(async () => (await connectionNames()).length === before.length + 2, 5000, 'its two connections');

    await redis.stop();
    await eventually(() => !transport.healthy(), 5000, 'the transport to see Redis go');
    // A subscriber arriving during the outage: its SUBSCRIBE waits for Redis.
    const stopLate = await transport.subscribe(`during-${randomBytes(3).toString('hex')}`, () => {});
    stopLate();
    await transport.subscribe(`during-${randomBytes(3).toString('hex')}`, () => {});
    // close() returns although Redis is down (a QUIT would wait for it forever).
    await transport.close();

    // Once Redis is back the instances reconnect; the closed transport does not.
    await redis.start();
    await eventually(async () => (await connectionNames()).join() === before.join(), 5000, 'the instances back');
    await sleep(1500); // longer than the transport's longest reconnect delay (1 s)
    expect(await connectionNames()).toEqual(before);
  });
});
