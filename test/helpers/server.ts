import { createApplication, type Running } from '../../src/application';
import { DEFAULT_RESPONSE_CACHE, type ResponseCacheOptions } from '../../src/cache/response-cache';
import { loadConfig, type Config } from '../../src/config';
import type { Db } from '../../src/db/client';
import { defaultSearchLimits } from '../../src/db/search-slots';
import { DEFAULT_DB_TIMEOUTS } from '../../src/db/transaction';
import { resolveLimits, type LimitsOptions } from '../../src/limits';
import { createLogger } from '../../src/logger';
import type { PubSub } from '../../src/pubsub';
import { CSRF_HEADER, type App } from '../../src/server';
import { createTestDatabase, type TestDatabase } from './database';
import type { Operation } from './graphql';
import { requestAt } from './http';

/** One error of a GraphQL response, as the server sends it. */
export interface GraphQLResponseError {
  message: string;
  path?: (string | number)[];
  extensions?: Record<string, unknown>;
}

/** A GraphQL response: `T` is the operation's data when the document is typed, `unknown` for a plain string. */
export interface GraphQLResponse<T = unknown> {
  data?: T | null;
  errors?: GraphQLResponseError[];
}

export interface TestServer {
  url: string;
  db: Db;
  app: App;
  pubSub: PubSub;
  database: TestDatabase;
  /**
   * POSTs an operation to /graphql over real HTTP, with extra headers if given (e.g. authorization).
   * A typed document (see Operation) types data and variables; a string gives `unknown` data.
   */
  request<T = unknown, V = Record<string, unknown>>(
    query: Operation<T, V>,
    variables?: V,
    headers?: Record<string, string>,
  ): Promise<GraphQLResponse<T>>;
  /** SQL statements Prisma ran while `run` was going on. */
  countStatements(run: () => Promise<unknown>): Promise<{ count: number; statements: string[] }>;
  stop(): Promise<void>;
}

export const logger = createLogger(process.env.TEST_LOG_LEVEL ?? 'silent');

/**
 * Limits for test servers: the defaults, except rate limits, because one test file plays many
 * people from one address (test/hardening/rate-limits/ sets low ones of its own).
 */
export const TEST_LIMITS: LimitsOptions = {
  rate: {
    operationsPerMinute: 100_000,
    askQuestionPerHour: 100_000,
    postAnswerPerHour: 100_000,
    editsPerHour: 100_000,
  },
};

/** The CSRF header, for POSTs with a simple content type (see src/plugins/csrf.ts). */
export const csrfHeaders = { [CSRF_HEADER]: '1' };

/** The configuration of a test instance: src/config.ts's defaults, with what tests change. */
export function testConfig(
  database: TestDatabase,
  {
    redisUrl = null,
    prefix = 'test',
    seed = false,
    limits = TEST_LIMITS,
    responseCache = null,
    corsOrigins = [],
  }: InstanceOptions & { seed?: boolean } = {},
): Config {
  return {
    ...loadConfig({ NODE_ENV: 'test' }),
    host: '127.0.0.1',
    port: 0,
    database: {
      kind: 'postgres',
      url: database.url,
      poolSize: 5,
      preparedStatements: true,
      pooler: null,
      timeouts: DEFAULT_DB_TIMEOUTS,
      searches: defaultSearchLimits(5),
    },
    redisUrl,
    pubSubPrefix: prefix,
    seedDemo: seed,
    shutdownTimeoutMs: 1000,
    limits: resolveLimits(limits),
    responseCache: responseCache ?? { ...DEFAULT_RESPONSE_CACHE, ttlMs: 0 },
    corsOrigins: [...corsOrigins],
  };
}

export interface InstanceOptions {
  redisUrl?: string | null;
  prefix?: string;
  ownsDatabase?: boolean;
  limits?: LimitsOptions;
  /** Off unless given: most tests write rows directly and read them back at once. */
  responseCache?: ResponseCacheOptions | null;
  /** Origins allowed by CORS (none by default, as in production). */
  corsOrigins?: readonly string[];
}

export interface TestServerOptions {
  /** Load the demo page (the default). */
  seed?: boolean;
  limits?: LimitsOptions;
  corsOrigins?: readonly string[];
}

/**
 * A real server on a free port, on a fresh, migrated PostgreSQL database of its own
 * (with the demo page loaded unless `seed: false`).
 */
export async function startTestServer({
  seed = true,
  limits,
  corsOrigins,
}: TestServerOptions = {}): Promise<TestServer> {
  return startInstance(await createTestDatabase(), { seed, limits, corsOrigins });
}

/**
 * A server on an existing database (migrated on start, as src/main.ts does), with Redis pub/sub
 * and rate-limit counters when `redisUrl` is given (instances that share a database, a Redis and
 * a prefix form one deployment). `stop()` leaves the database alone unless the instance created
 * it. `limits` default to TEST_LIMITS.
 */
export async function startInstance(
  database: TestDatabase,
  { ownsDatabase = true, ...options }: InstanceOptions & { seed?: boolean } = {},
): Promise<TestServer> {
  const application = createApplication(testConfig(database, options), { logger });
  let running: Running;
  try {
    running = await application.start();
  } catch (error) {
    await application.stop();
    throw error;
  }
  const { db, pubSub, app } = running;
  const url = `http://127.0.0.1:${running.port}`;

  let recording: string[] | null = null;
  // The readiness probe's `SELECT 1` (src/db/health.ts) runs on its own whenever the pool has been
  // idle for a second: it is not part of what a test measures.
  db.$on('query', (event) => {
    if (event.query !== 'SELECT 1') recording?.push(event.query);
  });

  return {
    url,
    db,
    app,
    pubSub,
    database,
    async request(query, variables, headers) {
      return (await requestAt(url, query, variables, headers)).body;
    },
    async countStatements(run) {
      recording = [];
      try {
        await run();
        return { count: recording.length, statements: recording };
      } finally {
        recording = null;
      }
    },
    async stop() {
      await application.stop();
      if (ownsDatabase) await database.drop();
    },
  };
}
