import { z } from 'zod';
import { poolerIn } from './db/pooler';
import type { ClusterNode, RedisTarget } from './pubsub/cluster';
import { DEFAULT_RESPONSE_CACHE, type ResponseCacheOptions } from './cache/response-cache';
import { DEFAULT_SEARCH_WAIT_MS, defaultSearchLimits, type SearchLimits } from './db/search-slots';
import { DEFAULT_DB_TIMEOUTS, type DbTimeouts } from './db/transaction';
import { DEFAULT_LIMITS, type Limits } from './limits';

/**
 * The whole configuration, parsed once from the environment. Nothing else reads process.env.
 * Every variable is optional: with none set, the server runs on an embedded database and
 * in-process pub/sub.
 */
const booleanFlag = z.enum(['true', 'false', '1', '0']).transform((value) => value === 'true' || value === '1');

/** A whole number of at least `min`, defaulting to `fallback`. */
const count = (fallback: number, min = 1) => z.coerce.number().int().min(min).default(fallback);
const { rate, websocket } = DEFAULT_LIMITS;

/** An origin exactly as a browser sends it (scheme://host[:port], no path), or `*`. */
const isOrigin = (entry: string) => {
  if (entry === '*') return true;
  try {
    return new URL(entry).origin === entry;
  } catch {
    return false;
  }
};
/** A comma-separated list of origins; empty: none. */
const originList = z
  .string()
  .transform((value) =>
    value
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean),
  )
  .refine((entries) => entries.every(isOrigin), {
    error: 'must be "*" or origins like https://app.example.com,http://localhost:5173, separated by commas',
  });

const environmentSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// or postgresql:// URL' }).optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  // Default: on, except where DATABASE_URL says it is a pooler (src/db/pooler.ts).
  DATABASE_PREPARED_STATEMENTS: booleanFlag.optional(),
  // Database timeouts (src/db/transaction.ts says how each is applied, and why through PgBouncer).
  DATABASE_STATEMENT_TIMEOUT_MS: count(DEFAULT_DB_TIMEOUTS.statementMs, 100),
  DATABASE_LOCK_TIMEOUT_MS: count(DEFAULT_DB_TIMEOUTS.lockMs, 10),
  DATABASE_POOL_TIMEOUT_MS: count(DEFAULT_DB_TIMEOUTS.poolWaitMs, 100),
  // Full-text searches at once per instance (default: a quarter of the pool), and how long one
  // waits for its turn before SEARCH_BUSY (src/db/search-slots.ts).
  SEARCH_MAX_CONCURRENT: z.coerce.number().int().min(1).optional(),
  SEARCH_WAIT_MS: count(DEFAULT_SEARCH_WAIT_MS, 0),
  EMBEDDED_DATA_DIR: z.string().min(1).default('.data/postgres'),
  REDIS_URL: z.url({ protocol: /^rediss?$/, error: 'must be a redis:// or rediss:// URL' }).optional(),
  // Seed nodes of a Redis Cluster, `host:port,host:port`; the others are discovered.
  REDIS_CLUSTER_NODES: z
    .string()
    .regex(
      /^[\w.-]+:\d{1,5}(,[\w.-]+:\d{1,5})*$/,
      'must be host:port pairs separated by commas, e.g. redis-1:6379,redis-2:6379',
    )
    .transform((list) =>
      list.split(',').map((node) => ({
        host: node.slice(0, node.lastIndexOf(':')),
        port: Number(node.slice(node.lastIndexOf(':') + 1)),
      })),
    )
    .optional(),
  PUBSUB_PREFIX: z
    .string()
    .regex(/^[\w.-]+$/, 'letters, digits, "_", "." and "-" only')
    .default('medqa'),
  SEED_DEMO: booleanFlag.optional(),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).default(10_000),
  // None by default: GraphiQL is served from the API's own origin and needs no CORS.
  CORS_ORIGINS: originList.default([]),
  // Limits (src/limits/index.ts says why each default; the README lists them).
  MAX_DEPTH: count(DEFAULT_LIMITS.maxDepth),
  MAX_ALIASES: count(DEFAULT_LIMITS.maxAliases, 0),
  MAX_TOKENS: count(DEFAULT_LIMITS.maxTokens),
  MAX_DIRECTIVES: count(DEFAULT_LIMITS.maxDirectives, 0),
  MAX_COST: count(DEFAULT_LIMITS.maxCost),
  MAX_BODY_BYTES: count(DEFAULT_LIMITS.maxBodyBytes, 1024),
  INTROSPECTION: booleanFlag.optional(),
  TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(DEFAULT_LIMITS.trustProxy),
  SUBSCRIPTION_MAX_PENDING_EVENTS: count(DEFAULT_LIMITS.maxPendingEvents),
  WS_MAX_BUFFERED_BYTES: count(DEFAULT_LIMITS.maxBufferedBytes, 1024),
  SSE_MAX_STREAMS_PER_ADDRESS: count(DEFAULT_LIMITS.maxSseStreamsPerAddress),
  HTTP_HEADERS_TIMEOUT_MS: count(DEFAULT_LIMITS.headersTimeoutMs, 100),
  HTTP_REQUEST_TIMEOUT_MS: count(DEFAULT_LIMITS.requestTimeoutMs, 100),
  RATE_LIMIT_OPERATIONS_PER_MINUTE: count(rate.operationsPerMinute),
  RATE_LIMIT_ASK_QUESTION_PER_HOUR: count(rate.askQuestionPerHour),
  RATE_LIMIT_POST_ANSWER_PER_HOUR: count(rate.postAnswerPerHour),
  RATE_LIMIT_EDITS_PER_HOUR: count(rate.editsPerHour),
  WS_MAX_CONNECTIONS_PER_ADDRESS: count(websocket.maxConnectionsPerAddress),
  WS_MAX_OPERATIONS_PER_CONNECTION: count(websocket.maxOperationsPerConnection),
  WS_INIT_TIMEOUT_MS: count(websocket.initTimeoutMs, 100),
  RESPONSE_CACHE_TTL_MS: count(DEFAULT_RESPONSE_CACHE.ttlMs, 0),
  RESPONSE_CACHE_LIST_TTL_MS: count(DEFAULT_RESPONSE_CACHE.listTtlMs, 0),
  RESPONSE_CACHE_MAX_BYTES: count(DEFAULT_RESPONSE_CACHE.maxBytes, 1024),
  RESPONSE_CACHE_MAX_ENTRY_BYTES: count(DEFAULT_RESPONSE_CACHE.maxEntryBytes, 1024),
});

export type Environment = z.infer<typeof environmentSchema>;

/**
 * Whether this process runs in production, for the one setting the schema itself depends on
 * (src/builder.ts: `onUnusedQuery`): the schema is built once, at import, before loadConfig runs.
 * An invalid NODE_ENV counts as development here; loadConfig reports it.
 */
export function productionAtImport(source: NodeJS.ProcessEnv = process.env): boolean {
  return environmentSchema.shape.NODE_ENV.safeParse(source.NODE_ENV || undefined).data === 'production';
}

export interface Config {
  env: Environment['NODE_ENV'];
  host: string;
  port: number;
  logLevel: Environment['LOG_LEVEL'];
  database:
    | {
        kind: 'postgres';
        url: string;
        poolSize: number;
        preparedStatements: boolean;
        pooler: string | null;
        timeouts: DbTimeouts;
        searches: SearchLimits;
      }
    | {
        kind: 'embedded';
        dataDir: string;
        poolSize: number;
        preparedStatements: boolean;
        timeouts: DbTimeouts;
        searches: SearchLimits;
      };
  redisUrl: string | null;
  /** A Redis Cluster instead (sharded pub/sub, counters on the key's shard); exclusive with redisUrl. */
  redisClusterNodes: ClusterNode[] | null;
  /** First part of every pub/sub channel name, so several deployments can share one Redis. */
  pubSubPrefix: string;
  /** Load the demo question page at start (default: only on the embedded database). */
  seedDemo: boolean;
  shutdownTimeoutMs: number;
  /** Origins whose pages may call the API from a browser (`*`: any); see src/plugins/cors.ts. */
  corsOrigins: string[];
  /** Operation, rate and WebSocket limits; rate-limit keys in Redis start with `pubSubPrefix`. */
  limits: Limits;
  /** Caching of anonymous query responses; a TTL of 0 turns it off. */
  responseCache: ResponseCacheOptions;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

function postgres(url: string, e: Environment): Config['database'] {
  const pooler = poolerIn(url);
  // Said explicitly, it wins: PgBouncer 1.21+ keeps prepared statements with max_prepared_statements.
  const preparedStatements = e.DATABASE_PREPARED_STATEMENTS ?? pooler === null;
  return {
    kind: 'postgres',
    url,
    poolSize: e.DATABASE_POOL_SIZE,
    preparedStatements,
    pooler,
    timeouts: timeoutsOf(e),
    searches: searchesOf(e),
  };
}

function searchesOf(e: Environment): SearchLimits {
  return {
    concurrent: e.SEARCH_MAX_CONCURRENT ?? defaultSearchLimits(e.DATABASE_POOL_SIZE).concurrent,
    waitMs: e.SEARCH_WAIT_MS,
  };
}

function timeoutsOf(e: Environment): DbTimeouts {
  return {
    statementMs: e.DATABASE_STATEMENT_TIMEOUT_MS,
    lockMs: e.DATABASE_LOCK_TIMEOUT_MS,
    poolWaitMs: e.DATABASE_POOL_TIMEOUT_MS,
  };
}

/** The Redis the configuration names, for pub/sub and rate-limit counters; null: none (in-process). */
export function redisTarget(config: Pick<Config, 'redisUrl' | 'redisClusterNodes'>): RedisTarget | null {
  return config.redisClusterNodes ? { cluster: config.redisClusterNodes } : config.redisUrl;
}

/** Parses the given environment; throws a ConfigError naming every bad variable. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  // Empty strings mean "unset", as in most shells' `VAR= cmd`.
  const present = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== ''));
  const parsed = environmentSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  const e = parsed.data;
  if (e.REDIS_URL && e.REDIS_CLUSTER_NODES) {
    throw new ConfigError([
      'REDIS_CLUSTER_NODES: set either REDIS_URL (one Redis) or REDIS_CLUSTER_NODES (a cluster), not both',
    ]);
  }
  return {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    logLevel: e.LOG_LEVEL,
    database: e.DATABASE_URL
      ? postgres(e.DATABASE_URL, e)
      : {
          kind: 'embedded',
          dataDir: e.EMBEDDED_DATA_DIR,
          poolSize: e.DATABASE_POOL_SIZE,
          preparedStatements: e.DATABASE_PREPARED_STATEMENTS ?? true,
          timeouts: timeoutsOf(e),
          searches: searchesOf(e),
        },
    redisUrl: e.REDIS_URL ?? null,
    redisClusterNodes: e.REDIS_CLUSTER_NODES ?? null,
    pubSubPrefix: e.PUBSUB_PREFIX,
    seedDemo: e.SEED_DEMO ?? !e.DATABASE_URL,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    corsOrigins: e.CORS_ORIGINS,
    limits: {
      maxDepth: e.MAX_DEPTH,
      maxAliases: e.MAX_ALIASES,
      maxTokens: e.MAX_TOKENS,
      maxDirectives: e.MAX_DIRECTIVES,
      maxCost: e.MAX_COST,
      maxBodyBytes: e.MAX_BODY_BYTES,
      // GraphiQL needs introspection; production keeps the schema's shape to itself unless told.
      introspection: e.INTROSPECTION ?? e.NODE_ENV !== 'production',
      fieldSuggestions: e.NODE_ENV !== 'production',
      trustProxy: e.TRUST_PROXY,
      maxPendingEvents: e.SUBSCRIPTION_MAX_PENDING_EVENTS,
      maxBufferedBytes: e.WS_MAX_BUFFERED_BYTES,
      headersTimeoutMs: e.HTTP_HEADERS_TIMEOUT_MS,
      maxSseStreamsPerAddress: e.SSE_MAX_STREAMS_PER_ADDRESS,
      requestTimeoutMs: Math.max(e.HTTP_REQUEST_TIMEOUT_MS, e.HTTP_HEADERS_TIMEOUT_MS),
      rate: {
        operationsPerMinute: e.RATE_LIMIT_OPERATIONS_PER_MINUTE,
        askQuestionPerHour: e.RATE_LIMIT_ASK_QUESTION_PER_HOUR,
        postAnswerPerHour: e.RATE_LIMIT_POST_ANSWER_PER_HOUR,
        editsPerHour: e.RATE_LIMIT_EDITS_PER_HOUR,
      },
      websocket: {
        maxConnectionsPerAddress: e.WS_MAX_CONNECTIONS_PER_ADDRESS,
        maxOperationsPerConnection: e.WS_MAX_OPERATIONS_PER_CONNECTION,
        initTimeoutMs: e.WS_INIT_TIMEOUT_MS,
      },
    },
    responseCache: {
      ttlMs: e.RESPONSE_CACHE_TTL_MS,
      listTtlMs: e.RESPONSE_CACHE_LIST_TTL_MS,
      maxBytes: e.RESPONSE_CACHE_MAX_BYTES,
      maxEntryBytes: Math.min(e.RESPONSE_CACHE_MAX_ENTRY_BYTES, e.RESPONSE_CACHE_MAX_BYTES),
    },
  };
}
