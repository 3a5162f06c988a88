/**
 * Live delivery: post → subscriber latency of `answerAdded` across two API instances. N
 * subscribers (graphql-ws, one socket each) on instance A, all on one question; answers posted
 * through instance B, one at a time; for each post, the time from sending the mutation to each
 * subscriber's receiving the event. Redis carries the event from B to A. The subscribers' client
 * side runs in this process too; its CPU per delivery is reported, as the part of the latency
 * that is the bench's own.
 *
 * Baseline: a raw Redis PUBLISH → message round trip (ioredis publisher and subscriber
 * connections in this process), sampled right after each post's deliveries, so that it runs
 * under the same conditions (same sockets open, same Redis, same moment).
 */
import { type Agent, request as httpRequest } from 'node:http';
import { Redis } from 'ioredis';
import { live, progress, pubSubPrefix, redisUrl } from './config';
import type { LiveFixture } from './live-fixture';
import type { ServerProcess } from './processes';
import { openSubscribers, type Subscribers } from './ws-client';

export interface LiveFigures {
  subscribers: number;
  deliveries: number;
  missed: number;
  p50: number;
  p99: number;
  max: number;
  posts: number;
  /** CPU of this process (the subscribers' client side) per delivery: its share of the latency. */
  clientCpuMsPerDelivery: number;
  redis: { samples: number; p50: number; p99: number };
}

export const SUBSCRIPTION = `subscription ($questionId: ID!) {
  answerAdded(questionId: $questionId) {
    cursor
    node { body answeredAt author { ... on Doctor { name specialty { name } } ... on StaffMember { name } } }
  }
}`;

const POST_ANSWER = 'mutation ($input: PostAnswerInput!) { postAnswer(input: $input) { answer { id } } }';

export const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A POST through node:http, on `agent`'s connections (false: a connection of its own). */
export function httpPost(
  url: string,
  body: string,
  headers: Record<string, string>,
  agent?: Agent | false,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, { method: 'POST', headers, agent }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end(body);
  });
}

/**
 * Posts an answer through `server` (to the fixture's first question unless told) and resolves
 * when the server has answered. `via`: 'fresh' for a connection of its own, as a client arriving
 * then would (a pooled one idle for seconds may be closed by the server just as it is reused); an
 * Agent for a connection already open, as a client that has one (or a load balancer's pool) would.
 */
export async function postAnswer(
  server: ServerProcess,
  fixture: LiveFixture,
  body: string,
  questionId = fixture.questionId,
  via?: 'fresh' | Agent,
): Promise<void> {
  const payload = JSON.stringify({ query: POST_ANSWER, variables: { input: { questionId, body } } });
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${fixture.token}` };
  const { status, text } = via
    ? await httpPost(`${server.url}/graphql`, payload, headers, via === 'fresh' ? false : via)
    : await fetch(`${server.url}/graphql`, { method: 'POST', headers, body: payload }).then(async (response) => ({
        status: response.status,
        text: await response.text(),
      }));
  if (status !== 200 || text.includes('"errors"')) throw new Error(`postAnswer failed: ${status} ${text}`);
}

/** Who has received the answer with this marker in its body, and when. */
export class Deliveries {
  marker = '';
  sentAt = 0;
  receivedAt = new Map<number, number>();
  latencies: number[] = [];
  problems: string[] = [];

  expect(marker: string): void {
    this.marker = marker;
    this.receivedAt = new Map();
  }

  onNext = (subscriber: number, text: string, at: number): void => {
    if (this.marker && text.includes(this.marker) && !this.receivedAt.has(subscriber))
      this.receivedAt.set(subscriber, at);
  };

  onProblem = (subscriber: number, message: string): void => {
    if (this.problems.length < 5) this.problems.push(`subscriber ${subscriber}: ${message}`);
  };

  async waitForAll(count: number, ms: number): Promise<boolean> {
    const until = performance.now() + ms;
    while (this.receivedAt.size < count) {
      if (performance.now() > until) return false;
      await sleep(1);
    }
    return true;
  }
}

/**
 * Posts until every subscriber has had an answer, which proves that all subscriptions are live;
 * false if some are still not live after 60 s (a figure in itself: the run reports it and stops
 * adding subscribers rather than failing the whole bench).
 */
export async function warmUp(
  server: ServerProcess,
  fixture: LiveFixture,
  deliveries: Deliveries,
  count: number,
  questionId = fixture.questionId,
): Promise<boolean> {
  const until = Date.now() + 60_000;
  for (let i = 0; ; i++) {
    deliveries.expect(`warm-up ${pubSubPrefix} ${questionId} ${count}/${i}.`);
    await postAnswer(server, fixture, deliveries.marker, questionId);
    if (await deliveries.waitForAll(count, 1_000)) return true;
    if (deliveries.problems.length) throw new Error(`subscribers failed: ${deliveries.problems.join('; ')}`);
    if (Date.now() > until) return false;
  }
}

export class RedisRoundTrip {
  private readonly publisher = new Redis(redisUrl);
  private readonly subscriber = new Redis(redisUrl);
  private readonly channel = `${pubSubPrefix}:round-trip`;
  private pending: ((at: number) => void) | null = null;
  readonly samples: number[] = [];

  async start(): Promise<void> {
    this.subscriber.on('message', () => this.pending?.(performance.now()));
    await this.subscriber.subscribe(this.channel);
    for (let i = 0; i < 50; i++) await this.sample(false); // warm
  }

  async sample(keep = true): Promise<void> {
    const received = new Promise<number>((resolve) => (this.pending = resolve));
    const sent = performance.now();
    await this.publisher.publish(this.channel, String(sent));
    const at = await received;
    if (keep) this.samples.push(at - sent);
  }

  async stop(): Promise<void> {
    this.publisher.disconnect();
    this.subscriber.disconnect();
  }
}

export async function measureLive(a: ServerProcess, b: ServerProcess, fixture: LiveFixture): Promise<LiveFigures[]> {
  const deliveries = new Deliveries();
  const redis = new RedisRoundTrip();
  await redis.start();
  const opened: Subscribers[] = [];
  let open = 0;
  const results: LiveFigures[] = [];
  try {
    for (const count of live.subscribers) {
      // Subscribers are added to those already open: with `count` open, `count` receive each post.
      progress(`live delivery: ${count} subscribers on instance A, posting through instance B`);
      opened.push(
        await openSubscribers(a.url, {
          count: count - open,
          firstIndex: open,
          query: SUBSCRIPTION,
          variables: { questionId: fixture.questionId },
          onNext: deliveries.onNext,
          onProblem: deliveries.onProblem,
        }),
      );
      open = count;
      if (!(await warmUp(b, fixture, deliveries, count))) {
        const live = deliveries.receivedAt.size;
        progress(`  only ${live} of ${count} subscribers live after 60 s: not measured further`);
        const none = { p50: NaN, p99: NaN };
        results.push({
          subscribers: count,
          deliveries: 0,
          missed: count - live,
          ...none,
          max: NaN,
          posts: 0,
          clientCpuMsPerDelivery: NaN,
          redis: { samples: 0, ...none },
        });
        break;
      }

      const latencies: number[] = [];
      let missed = 0;
      redis.samples.length = 0;
      const posts = Math.max(live.posts, Math.ceil(live.minDeliveries / count));
      let clientCpu = 0;
      for (let i = 0; i < posts; i++) {
        deliveries.expect(`timed ${pubSubPrefix} ${count}/${i}.`);
        const cpu = process.cpuUsage();
        const sent = performance.now();
        await postAnswer(b, fixture, deliveries.marker);
        if (!(await deliveries.waitForAll(count, 10_000))) missed += count - deliveries.receivedAt.size;
        const used = process.cpuUsage(cpu);
        clientCpu += (used.user + used.system) / 1000;
        for (const at of deliveries.receivedAt.values()) latencies.push(at - sent);
        for (let k = 0; k < live.redisSamplesPerPost; k++) await redis.sample();
      }
      if (deliveries.problems.length) throw new Error(`subscribers failed: ${deliveries.problems.join('; ')}`);
      latencies.sort((x, y) => x - y);
      const rtt = [...redis.samples].sort((x, y) => x - y);
      results.push({
        subscribers: count,
        deliveries: latencies.length,
        missed,
        p50: quantile(latencies, 0.5),
        p99: quantile(latencies, 0.99),
        max: latencies[latencies.length - 1] ?? NaN,
        posts,
        clientCpuMsPerDelivery: clientCpu / Math.max(1, latencies.length),
        redis: { samples: rtt.length, p50: quantile(rtt, 0.5), p99: quantile(rtt, 0.99) },
      });
      const r = results[results.length - 1]!;
      progress(
        `  ${posts} posts, ${r.deliveries} deliveries (${missed} missed): p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms; ` +
          `Redis round trip p50 ${r.redis.p50.toFixed(3)} ms, p99 ${r.redis.p99.toFixed(3)} ms`,
      );
    }
    return results;
  } finally {
    await Promise.all(opened.map((s) => s.close()));
    await redis.stop();
  }
}
