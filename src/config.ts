import { z } from 'zod';

/**
 * The whole configuration, parsed once from the environment. Nothing else reads process.env.
 * Every variable is optional: with none set, the server runs on an embedded database and
 * in-process pub/sub.
 */
const booleanFlag = z
  .enum(['true', 'false', '1', '0'])
  .transform((value) => value === 'true' || value === '1');

const environmentSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATABASE_URL: z
    .url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// or postgresql:// URL' })
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  EMBEDDED_DATA_DIR: z.string().min(1).default('.data/pglite'),
  REDIS_URL: z.url({ protocol: /^rediss?$/, error: 'must be a redis:// or rediss:// URL' }).optional(),
  PUBSUB_PREFIX: z.string().regex(/^[\w.-]+$/, 'letters, digits, "_", "." and "-" only').default('medqa'),
  SEED_DEMO: booleanFlag.optional(),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).default(10_000),
});

export type Environment = z.infer<typeof environmentSchema>;

export interface Config {
  env: Environment['NODE_ENV'];
  host: string;
  port: number;
  logLevel: Environment['LOG_LEVEL'];
  database:
    | { kind: 'postgres'; url: string; poolSize: number }
    | { kind: 'embedded'; dataDir: string; poolSize: number };
  redisUrl: string | null;
  /** First part of every pub/sub channel name, so several deployments can share one Redis. */
  pubSubPrefix: string;
  /** Load the demo question page at start (default: only on the embedded database). */
  seedDemo: boolean;
  shutdownTimeoutMs: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses the given environment; throws a ConfigError naming every bad variable. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  // Empty strings mean "unset", as in most shells' `VAR= cmd`.
  const present = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== ''));
  const parsed = environmentSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
    );
  }
  const e = parsed.data;
  return {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    logLevel: e.LOG_LEVEL,
    database: e.DATABASE_URL
      ? { kind: 'postgres', url: e.DATABASE_URL, poolSize: e.DATABASE_POOL_SIZE }
      : { kind: 'embedded', dataDir: e.EMBEDDED_DATA_DIR, poolSize: e.DATABASE_POOL_SIZE },
    redisUrl: e.REDIS_URL ?? null,
    pubSubPrefix: e.PUBSUB_PREFIX,
    seedDemo: e.SEED_DEMO ?? !e.DATABASE_URL,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
  };
}
