/**
 * What the benchmark runs against and how long each part runs. Everything in one place, so that
 * BENCHMARKS.md can say exactly what was measured.
 */
import { randomBytes } from 'node:crypto';

export const root = new URL('..', import.meta.url).pathname;

/** The data set's database (created, migrated and filled if missing, reused otherwise). */
export const databaseUrl = process.env.BENCH_DATABASE_URL || 'postgresql://postgres@127.0.0.1:5432/medqa_bench';
export const redisUrl = process.env.BENCH_REDIS_URL || process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379';

/** The data set: at least this much, generated once (the generator appends). */
export const dataset = {
  minQuestions: 10_000,
  minAnswers: 100_000,
  minDoctors: 2_000,
  /** ~6 answers per question on average (prisma/seed/generator/phases/plan.ts): 20,000 give ~120,000 answers. */
  generateQuestions: 20_000,
  seed: 1,
  /** A question with more answers than the generator ever gives (≤ 30), for the 100-answer page. */
  largeQuestionSlug: 'bench-large-question',
  largeQuestionAnswers: 120,
};

/**
 * With BENCH_ONLY=read, `BENCH_BASELINE=<dir>`: another checkout of the project (e.g. `git archive
 * main | tar -x -C <dir>`, with node_modules and src/generated beside it) runs as a second API, in
 * the same rounds: the effect of a change, against the code before it under the same load.
 */
export const baselineDir = process.env.BENCH_BASELINE || null;

/** HTTP load: the same for the API and the floor. */
export const http = {
  connections: 10,
  warmupSeconds: 2,
  /**
   * Measured seconds per server and page, split into `rounds` runs that alternate API and floor
   * (BENCH_HTTP_SECONDS, BENCH_HTTP_ROUNDS: more of both for steadier figures on a busy machine).
   */
  seconds: Number(process.env.BENCH_HTTP_SECONDS) || 10,
  rounds: Number(process.env.BENCH_HTTP_ROUNDS) || 2,
  /** Pages cycled through by each connection. */
  questionPages: 100,
  topicPages: 20,
  /** Same pool size for both servers. */
  poolSize: 10,
};

/** A comma-separated list of numbers from the environment (to iterate on a smaller run), or `fallback`. */
const numbers = (name: string, fallback: number[]) => process.env[name]?.split(',').map(Number) ?? fallback;

export const live = {
  /** Subscriber counts, one after another on the same question (BENCH_LIVE_SUBSCRIBERS=1000: that one only). */
  subscribers: numbers('BENCH_LIVE_SUBSCRIBERS', [1, 100, 1000]),
  /** Timed posts per subscriber count, one at a time… */
  posts: 30,
  /** …or more, so that a p99 rests on at least this many deliveries (1 subscriber: 300 posts). */
  minDeliveries: 300,
  /** Raw Redis round trips after each post (the baseline, measured under the same conditions). */
  redisSamplesPerPost: 34,
};

/** Live delivery at scale (bench/live-scale.ts): subscribers spread evenly over questions. */
export const scale = {
  subscribers: Number(process.env.BENCH_SCALE_SUBSCRIBERS || 10_000),
  questions: 100,
  /** Timed posts: one to each question, this many times over. */
  rounds: 1,
  redisSamplesPerPost: 5,
};

/**
 * The reconnect storm (bench/storm.ts): subscribers of a dead instance arriving at once with
 * `after:` cursors, spread over the scale's questions, having missed answers meanwhile.
 */
export const storm = {
  subscribers: Number(process.env.BENCH_STORM_SUBSCRIBERS || 5_000),
  /** They arrive within this many ms, in waves. */
  arrivalMs: 2_000,
  waves: 40,
  /** Answers posted to each question while they were away. */
  missedPerQuestion: 2,
};

/** The write path (bench/write-path.ts): postAnswer against the same transaction in raw SQL. */
export const writePath = {
  subscribers: 1000,
  /** Requests in flight at once, for the API and the floor alike. */
  concurrency: 10,
  warmupSeconds: 1,
  seconds: 5,
};

export const memory = {
  subscriptions: 1000,
  /** The second layout: this many subscriptions share each socket. */
  perSocket: 100,
};

/** Channel and key prefix of this run, so that nothing it publishes reaches anyone else. */
export const pubSubPrefix = `bench-${randomBytes(4).toString('hex')}`;

/**
 * Environment of every API process: production mode, limits raised so that the load itself is
 * never throttled (the checks still run on every request), the pool the floor gets too.
 */
export const apiEnv = (extra: Record<string, string> = {}): Record<string, string> => ({
  NODE_ENV: 'production',
  DATABASE_URL: databaseUrl,
  REDIS_URL: redisUrl,
  PUBSUB_PREFIX: pubSubPrefix,
  DATABASE_POOL_SIZE: String(http.poolSize),
  SEED_DEMO: 'false',
  RATE_LIMIT_OPERATIONS_PER_MINUTE: '100000000',
  RATE_LIMIT_ASK_QUESTION_PER_HOUR: '100000000',
  RATE_LIMIT_POST_ANSWER_PER_HOUR: '100000000',
  RATE_LIMIT_EDITS_PER_HOUR: '100000000',
  WS_MAX_CONNECTIONS_PER_ADDRESS: '100000',
  WS_MAX_OPERATIONS_PER_CONNECTION: '100000',
  ...extra,
});

/** Progress goes to stderr; the results table to stdout. */
export const progress = (message: string): void => {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
};
