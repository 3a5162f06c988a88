import { type Cluster, Redis } from 'ioredis';
import { createClusterClient, type RedisTarget } from '../pubsub/cluster';
import { reconnectDelay } from '../pubsub/transport';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { userError } from '../errors';
import type { Logger } from '../logger';
import type { RateLimits } from './index';

/**
 * Rate limits, counted with rate-limiter-flexible: in Redis when the deployment has one, so that
 * every instance counts against the same budget, else in this process. Each bucket is a fixed
 * window per key (a credential or a client address; see src/plugins/rate-limits.ts).
 */
export type Bucket = 'operations' | 'askQuestion' | 'postAnswer' | 'edits';

const buckets: Record<Bucket, { window: number; per: string; points: (limits: RateLimits) => number }> = {
  operations: { window: 60, per: 'a minute', points: (l) => l.operationsPerMinute },
  askQuestion: { window: 3600, per: 'an hour', points: (l) => l.askQuestionPerHour },
  postAnswer: { window: 3600, per: 'an hour', points: (l) => l.postAnswerPerHour },
  edits: { window: 3600, per: 'an hour', points: (l) => l.editsPerHour },
};

const what: Record<Bucket, string> = {
  operations: 'requests',
  askQuestion: 'questions asked',
  postAnswer: 'answers posted',
  edits: 'edits',
};

export interface RateLimiter {
  /** Counts `points` uses of `bucket` by `key`; throws RATE_LIMITED, with `retryAfter`, when over. */
  consume(bucket: Bucket, key: string, points?: number): Promise<void>;
}

/** Counters shared by the instances of a deployment: a Redis connection and the deployment's key prefix. */
export interface SharedCounters {
  redis: Redis | Cluster;
  /**
   * Keys are `<prefix>:ratelimit:<bucket>:{<key>}`. The braces are a Redis Cluster hash tag: the
   * slot comes from the client's key alone, so each counter lives whole on one shard (and one
   * client's counters on the same one), while different clients spread over the shards.
   */
  prefix: string;
}

export function createRateLimiter(limits: RateLimits, shared?: SharedCounters | null): RateLimiter {
  const limiters = Object.fromEntries(
    (Object.keys(buckets) as Bucket[]).map((bucket) => {
      const options = { points: buckets[bucket].points(limits), duration: buckets[bucket].window };
      const local = new RateLimiterMemory({ ...options, keyPrefix: bucket });
      const limiter: RateLimiterAbstract = shared
        ? new RateLimiterRedis({
            ...options,
            storeClient: shared.redis,
            keyPrefix: `${shared.prefix}:ratelimit:${bucket}`,
            // While Redis is unreachable, each instance counts on its own rather than failing
            // requests or waiting for Redis: the limits then hold per instance.
            rejectIfRedisNotReady: true,
            insuranceLimiter: local,
          })
        : local;
      return [bucket, limiter];
    }),
  ) as Record<Bucket, RateLimiterAbstract>;

  const consume = shared ? coalesced(limiters) : direct(limiters);
  return {
    async consume(bucket, key, points = 1) {
      const retryInMs = await consume(bucket, `{${key}}`, points);
      if (retryInMs !== null) throw rateLimited(bucket, limits, Math.max(1, Math.ceil(retryInMs / 1000)));
    },
  };
}

/** Counts `points` for `key`: null if within the limit, else the ms before the window resets. */
type Consume = (bucket: Bucket, key: string, points: number) => Promise<number | null>;

function direct(limiters: Record<Bucket, RateLimiterAbstract>): Consume {
  return async (bucket, key, points) => {
    try {
      await limiters[bucket].consume(key, points);
      return null;
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      return rejection.msBeforeNext;
    }
  };
}

/**
 * The counts of one key made during one turn of the event loop, sent to Redis as one increment:
 * under load, requests from one client (or one proxy) arrive together, and each used to make its
 * own Redis round trip (3% of a question page's CPU). The verdicts are exactly those of separate
 * increments in arrival order: the counter ends where they would have left it, and each count is
 * judged on the total it reached, `base + its own and the earlier ones' points` (a fixed window
 * counts every attempt, refused ones too, so no count depends on an earlier verdict).
 */
function coalesced(limiters: Record<Bucket, RateLimiterAbstract>): Consume {
  interface Waiter {
    points: number;
    resolve: (retryInMs: number | null) => void;
    reject: (error: unknown) => void;
  }
  let pending = new Map<string, { bucket: Bucket; key: string; waiters: Waiter[] }>();
  let scheduled = false;

  function flush() {
    const batches = pending;
    pending = new Map();
    scheduled = false;
    for (const { bucket, key, waiters } of batches.values()) {
      const total = waiters.reduce((sum, waiter) => sum + waiter.points, 0);
      const limiter = limiters[bucket];
      const settle = (result: RateLimiterRes) => {
        let reached = result.consumedPoints - total;
        for (const waiter of waiters) {
          reached += waiter.points;
          waiter.resolve(reached > limiter.points ? result.msBeforeNext : null);
        }
      };
      limiter.consume(key, total).then(settle, (rejection: unknown) => {
        if (rejection instanceof RateLimiterRes) settle(rejection);
        else for (const waiter of waiters) waiter.reject(rejection);
      });
    }
  }

  return (bucket, key, points) =>
    new Promise((resolve, reject) => {
      const id = `${bucket}\u0000${key}`;
      let batch = pending.get(id);
      if (!batch) {
        batch = { bucket, key, waiters: [] };
        pending.set(id, batch);
      }
      batch.waiters.push({ points, resolve, reject });
      if (!scheduled) {
        scheduled = true;
        // After the I/O of this turn: the requests read in it join the same increments.
        setImmediate(flush);
      }
    });
}

/** RATE_LIMITED, with when to try again; over HTTP also status 429 and a `Retry-After` header. */
function rateLimited(bucket: Bucket, limits: RateLimits, retryAfter: number) {
  const limit = buckets[bucket].points(limits);
  return userError(
    'RATE_LIMITED',
    `Too many ${what[bucket]}: the limit is ${limit} ${buckets[bucket].per}. Try again in ${duration(retryAfter)}.`,
    { retryAfter, http: { status: 429, headers: { 'Retry-After': String(retryAfter) } } },
  );
}

function duration(seconds: number): string {
  if (seconds < 120) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  return `${Math.ceil(seconds / 60)} minutes`;
}

/**
 * The Redis connection for shared counters when REDIS_URL or REDIS_CLUSTER_NODES is set (null
 * otherwise). It never queues commands while disconnected: the rate limiter then falls back to
 * counting in this process. On a cluster, the Cluster client follows MOVED to the key's shard
 * (a single-node client would get MOVED for most keys and fall back to per-process counts).
 */
export function sharedCountersFromConfig(
  target: RedisTarget | null,
  prefix: string,
  logger: Logger,
): (SharedCounters & { ready(ms?: number): Promise<boolean>; close(): Promise<void> }) | null {
  if (!target) return null;
  // A Redis that stops answering (frozen, or gone without closing) must not hold requests:
  // after the command timeout, the in-process counters take over.
  const redis =
    typeof target === 'string'
      ? new Redis(target, {
          retryStrategy: reconnectDelay,
          enableOfflineQueue: false,
          commandTimeout: 500,
          connectionName: 'medqa-ratelimit',
        })
      : createClusterClient(target.cluster, { connectionName: 'medqa-ratelimit', commandTimeout: 500 });
  const log = logger.child({ component: 'redis-ratelimit' });
  redis.on('error', (error: Error) => log.warn({ err: error.message }, 'redis connection error'));
  return {
    redis,
    prefix,
    /**
     * Whether Redis is connected, waiting up to `ms` for it. Until it is, and whenever it is away,
     * counts are kept per process.
     */
    ready: (ms = 5_000) =>
      redis.status === 'ready'
        ? Promise.resolve(true)
        : new Promise<boolean>((resolve) => {
            const timer = setTimeout(() => {
              redis.off('ready', onReady);
              resolve(false);
            }, ms);
            const onReady = () => {
              clearTimeout(timer);
              resolve(true);
            };
            redis.once('ready', onReady);
          }),
    async close() {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
