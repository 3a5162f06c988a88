/**
 * Live delivery at scale: `scale.subscribers` graphql-ws subscribers (one socket each) on instance
 * A, spread evenly over `scale.questions` questions; answers posted through instance B, one at a
 * time, to each question in turn, so that each post reaches that question's subscribers only
 * (10,000 over 100: 100 per post, 10,000 sockets open). Latency as in bench/live.ts: from sending
 * the mutation to each subscriber's receiving the event.
 */
import { progress, pubSubPrefix, scale } from './config';
import { Deliveries, type LiveFigures, postAnswer, quantile, RedisRoundTrip, SUBSCRIPTION, warmUp } from './live';
import type { LiveFixture } from './live-fixture';
import type { ServerProcess } from './processes';
import { openSubscribers } from './ws-client';

export async function measureScale(a: ServerProcess, b: ServerProcess, fixture: LiveFixture): Promise<LiveFigures> {
  const questions = fixture.questionIds;
  const count = scale.subscribers;
  const perQuestion = count / questions.length;
  const deliveries = new Deliveries();
  const redis = new RedisRoundTrip();
  await redis.start();
  progress(`live delivery at scale: ${count} subscribers over ${questions.length} questions on instance A`);
  const opening = performance.now();
  const subscribers = await openSubscribers(a.url, {
    count,
    query: SUBSCRIPTION,
    variables: {},
    batch: 200,
    variablesOf: (subscriber) => ({ questionId: questions[subscriber % questions.length] }),
    onNext: deliveries.onNext,
    onProblem: deliveries.onProblem,
  });
  const result: LiveFigures = {
    subscribers: count,
    deliveries: 0,
    missed: 0,
    p50: NaN,
    p99: NaN,
    max: NaN,
    posts: 0,
    clientCpuMsPerDelivery: NaN,
    redis: { samples: 0, p50: NaN, p99: NaN },
  };
  try {
    for (const questionId of questions) {
      if (!(await warmUp(b, fixture, deliveries, perQuestion, questionId))) {
        progress(`  the subscribers of a question were not all live after 60 s: not measured`);
        result.missed = count;
        return result;
      }
    }
    progress(`  ${count} subscriptions open and live in ${((performance.now() - opening) / 1000).toFixed(1)} s`);
    const latencies: number[] = [];
    const cpu = process.cpuUsage();
    for (let round = 0; round < scale.rounds; round++) {
      for (const questionId of questions) {
        deliveries.expect(`scale ${pubSubPrefix} ${questionId} ${round}.`);
        const sent = performance.now();
        await postAnswer(b, fixture, deliveries.marker, questionId);
        if (!(await deliveries.waitForAll(perQuestion, 10_000)))
          result.missed += perQuestion - deliveries.receivedAt.size;
        for (const at of deliveries.receivedAt.values()) latencies.push(at - sent);
        result.posts++;
        for (let k = 0; k < scale.redisSamplesPerPost; k++) await redis.sample();
      }
    }
    const used = process.cpuUsage(cpu);
    if (deliveries.problems.length) throw new Error(`subscribers failed: ${deliveries.problems.join('; ')}`);
    latencies.sort((x, y) => x - y);
    const rtt = [...redis.samples].sort((x, y) => x - y);
    Object.assign(result, {
      deliveries: latencies.length,
      p50: quantile(latencies, 0.5),
      p99: quantile(latencies, 0.99),
      max: latencies[latencies.length - 1] ?? NaN,
      clientCpuMsPerDelivery: (used.user + used.system) / 1000 / Math.max(1, latencies.length),
      redis: { samples: rtt.length, p50: quantile(rtt, 0.5), p99: quantile(rtt, 0.99) },
    });
    progress(
      `  ${result.posts} posts, ${result.deliveries} deliveries (${result.missed} missed): ` +
        `p50 ${result.p50.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms`,
    );
    return result;
  } finally {
    await subscribers.close();
    await redis.stop();
  }
}
