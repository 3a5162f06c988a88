import { describe, expect } from 'vitest';
import { eventually, sleep, subscribe } from '../../helpers/live';
import type { TestServer } from '../../helpers/server';
import { graphql } from '../../helpers/graphql';
import {
  ANSWER_ADDED,
  bodies,
  client,
  DEGRADED,
  expectExactly,
  it,
  newQuestion,
  post,
  questionWatchedOnBoth,
  readiness,
  readinessOfBoth,
  READY,
  startAsMainDoes,
  waitForReadiness,
} from './support';

/* Redis stopped, restarted and flapping while answers are posted. Shared setup (two instances of one deployment on a Redis of the file's own): support.ts. */

describe('Redis stopped while answers are posted', () => {
  it('commits every answer, reports degraded, and catches the live subscribers up once Redis is back', async ({
    faults,
  }) => {
    const { redis, a, b } = faults;
    const { questionId, onA, onB } = await questionWatchedOnBoth(faults, 'a subscription on each instance');
    await waitForReadiness(faults, READY, 'both instances ready');

    await redis.stop();
    await eventually(() => !a.pubSub.healthy() && !b.pubSub.healthy(), 5000, 'both instances to see Redis go');
    const posted = ['While down 1', 'While down 2', 'While down 3', 'While down 4', 'While down 5'];
    for (const body of posted) {
      expect(await post(faults, b, questionId, body)).toEqual({ data: { postAnswer: { answer: { body } } } });
    }
    expect(await readinessOfBoth(faults)).toEqual([DEGRADED, DEGRADED]);
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
    await waitForReadiness(faults, READY, 'both instances ready again');
    await expectExactly(faults, [onA, onB], questionId, posted);
  });

  it('catches up the subscribers of an instance that started while Redis was down', async ({ faults }) => {
    const { redis, b, cleanups } = faults;
    const questionId = await newQuestion(faults);
    await redis.stop();
    const c = await startAsMainDoes(faults);
    cleanups.push(() => c.stop());
    const live = subscribe(client(faults, c), ANSWER_ADDED, { q: questionId });
    await eventually(() => c.pubSub.listenerCount() === 1, 5000, 'the subscription on C');
    expect(await readiness(c)).toEqual(DEGRADED);
    expect(await post(faults, b, questionId, 'Before C ever saw Redis')).toEqual({
      data: { postAnswer: { answer: { body: 'Before C ever saw Redis' } } },
    });

    await redis.start();
    await live.waitFor(1, 10_000);
    expect(bodies(live)).toEqual(['Before C ever saw Redis']);
    await eventually(async () => JSON.stringify(await readiness(c)) === JSON.stringify(READY), 10_000, 'C ready');
    await expectExactly(faults, [live], questionId, ['Before C ever saw Redis']);
  });

  it('survives Redis flapping ten times while answers are posted: no crash, no unhandled rejection, nothing lost', async ({
    faults,
  }) => {
    const { redis, a, b, cleanups } = faults;
    const { questionId, onA, onB } = await questionWatchedOnBoth(faults, 'both subscriptions');

    // One writer per instance, each posting one answer after the other for as long as Redis flaps.
    let flapping = true;
    const posted: string[] = [];
    const failures: unknown[] = [];
    const writer = async (server: TestServer, name: string) => {
      for (let i = 0; flapping; i++) {
        const body = `${name} ${i}`;
        const result = await post(faults, server, questionId, body).catch((error) => ({ error: String(error) }));
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
    await waitForReadiness(faults, READY, 'both instances ready after the flapping');
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
    await expectExactly(faults, [onA, onB], questionId, inCommitOrder);
  }, 45_000);
});
