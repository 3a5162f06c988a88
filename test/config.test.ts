import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, productionAtImport } from '../src/config';
import { DEFAULT_DB_TIMEOUTS } from '../src/db/transaction';
import { DEFAULT_LIMITS } from '../src/limits';

describe('loadConfig', () => {
  it('runs embedded, in-process, on port 4000 with no configuration', () => {
    expect(loadConfig({})).toEqual({
      env: 'development',
      host: '0.0.0.0',
      port: 4000,
      logLevel: 'info',
      database: {
        kind: 'embedded',
        dataDir: '.data/postgres',
        poolSize: 10,
        preparedStatements: true,
        timeouts: DEFAULT_DB_TIMEOUTS,
        searches: { concurrent: 3, waitMs: 1_000 },
      },
      redisUrl: null,
      redisClusterNodes: null,
      pubSubPrefix: 'medqa',
      seedDemo: true,
      shutdownTimeoutMs: 10_000,
      corsOrigins: [],
      limits: DEFAULT_LIMITS,
      responseCache: { ttlMs: 60_000, listTtlMs: 5_000, maxBytes: 32 * 1024 * 1024, maxEntryBytes: 1024 * 1024 },
    });
  });

  it('reads the limits; production hides introspection and field suggestions unless told', () => {
    const limits = loadConfig({
      MAX_DEPTH: '4',
      MAX_COST: '900',
      MAX_BODY_BYTES: '65536',
      TRUST_PROXY: '1',
      RATE_LIMIT_ASK_QUESTION_PER_HOUR: '2',
      WS_INIT_TIMEOUT_MS: '500',
    }).limits;
    expect(limits).toMatchObject({
      maxDepth: 4,
      maxCost: 900,
      maxBodyBytes: 65536,
      trustProxy: 1,
      introspection: true,
    });
    expect(limits.rate).toEqual({ ...DEFAULT_LIMITS.rate, askQuestionPerHour: 2 });
    expect(limits.websocket.initTimeoutMs).toBe(500);
    expect(loadConfig({ NODE_ENV: 'production' }).limits).toMatchObject({
      introspection: false,
      fieldSuggestions: false,
    });
    expect(loadConfig({ NODE_ENV: 'production', INTROSPECTION: 'true' }).limits.introspection).toBe(true);
    // The schema's own check (onUnusedQuery) is decided from the same variable, at import.
    expect([
      productionAtImport({ NODE_ENV: 'production' }),
      productionAtImport({}),
      productionAtImport({ NODE_ENV: 'prod' }),
    ]).toEqual([true, false, false]);
    expect(() => loadConfig({ MAX_DEPTH: '0', RATE_LIMIT_OPERATIONS_PER_MINUTE: 'lots' })).toThrow(
      /MAX_DEPTH: .*\n.*RATE_LIMIT_OPERATIONS_PER_MINUTE: /,
    );
  });

  it('switches to PostgreSQL and Redis by URL, without loading the demo unless asked', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgresql://app@db.internal:5432/medqa',
      REDIS_URL: 'redis://cache.internal:6379',
      PORT: '8080',
    });
    expect(config.database).toEqual({
      kind: 'postgres',
      url: 'postgresql://app@db.internal:5432/medqa',
      poolSize: 10,
      preparedStatements: true,
      pooler: null,
      timeouts: { statementMs: 10_000, lockMs: 2_000, poolWaitMs: 5_000 },
      searches: { concurrent: 3, waitMs: 1_000 },
    });
    expect(
      loadConfig({ DATABASE_URL: 'postgres://x@y/z', DATABASE_POOL_SIZE: '20', SEARCH_WAIT_MS: '0' }).database.searches,
    ).toEqual({ concurrent: 5, waitMs: 0 });
    expect(loadConfig({ SEARCH_MAX_CONCURRENT: '2' }).database.searches.concurrent).toBe(2);
    expect(config.redisUrl).toBe('redis://cache.internal:6379');
    expect(config.port).toBe(8080);
    expect(config.seedDemo).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgres://x@y/z', SEED_DEMO: 'true' }).seedDemo).toBe(true);
  });

  it('reads CORS origins as a comma-separated list, and names a bad entry', () => {
    expect(loadConfig({ CORS_ORIGINS: 'https://app.example.com, http://localhost:5173' }).corsOrigins).toEqual([
      'https://app.example.com',
      'http://localhost:5173',
    ]);
    expect(loadConfig({ CORS_ORIGINS: '*' }).corsOrigins).toEqual(['*']);
    expect(() => loadConfig({ CORS_ORIGINS: 'https://app.example.com/path' })).toThrow(
      'CORS_ORIGINS: must be "*" or origins like https://app.example.com,http://localhost:5173, separated by commas',
    );
  });

  it('turns prepared statements off where DATABASE_URL says it is a pooler, unless told otherwise', () => {
    const database = (env: Record<string, string>) => {
      const { database } = loadConfig(env);
      return database.kind === 'postgres'
        ? { preparedStatements: database.preparedStatements, pooler: database.pooler }
        : null;
    };
    expect(database({ DATABASE_URL: 'postgresql://app@pgbouncer:6432/medqa' })).toEqual({
      preparedStatements: false,
      pooler: 'port 6432',
    });
    expect(database({ DATABASE_URL: 'postgresql://app@pool:5432/medqa?pgbouncer=true' })).toEqual({
      preparedStatements: false,
      pooler: 'pgbouncer=true',
    });
    expect(database({ DATABASE_URL: 'postgresql://app@pool:6432/medqa?pgbouncer=false' })).toEqual({
      preparedStatements: true,
      pooler: null,
    });
    expect(database({ DATABASE_URL: 'postgresql://app@db:5432/medqa', DATABASE_PREPARED_STATEMENTS: 'false' })).toEqual(
      { preparedStatements: false, pooler: null },
    );
    // PgBouncer 1.21+ with max_prepared_statements keeps them: said explicitly, it wins.
    expect(
      database({ DATABASE_URL: 'postgresql://app@pgbouncer:6432/medqa', DATABASE_PREPARED_STATEMENTS: 'true' }),
    ).toEqual({ preparedStatements: true, pooler: 'port 6432' });
  });

  it('reads the database timeouts', () => {
    const config = loadConfig({
      DATABASE_STATEMENT_TIMEOUT_MS: '3000',
      DATABASE_LOCK_TIMEOUT_MS: '500',
      DATABASE_POOL_TIMEOUT_MS: '1500',
    });
    expect(config.database.timeouts).toEqual({ statementMs: 3000, lockMs: 500, poolWaitMs: 1500 });
    expect(() => loadConfig({ DATABASE_LOCK_TIMEOUT_MS: '0' })).toThrow(/DATABASE_LOCK_TIMEOUT_MS: /);
  });

  it('reads a Redis Cluster as seed nodes, exclusive with REDIS_URL', () => {
    expect(loadConfig({ REDIS_CLUSTER_NODES: 'redis-1:6379,10.0.0.2:7001' }).redisClusterNodes).toEqual([
      { host: 'redis-1', port: 6379 },
      { host: '10.0.0.2', port: 7001 },
    ]);
    expect(() => loadConfig({ REDIS_CLUSTER_NODES: 'redis-1' })).toThrow(
      'REDIS_CLUSTER_NODES: must be host:port pairs separated by commas, e.g. redis-1:6379,redis-2:6379',
    );
    expect(() => loadConfig({ REDIS_URL: 'redis://r:6379', REDIS_CLUSTER_NODES: 'redis-1:6379' })).toThrow(
      'REDIS_CLUSTER_NODES: set either REDIS_URL (one Redis) or REDIS_CLUSTER_NODES (a cluster), not both',
    );
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', PORT: '' }).database.kind).toBe('embedded');
  });

  it('names every bad variable', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x@y/z', REDIS_URL: 'nope', SEED_DEMO: 'maybe' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems.map((p) => p.split(':')[0])).toEqual(['PORT', 'DATABASE_URL', 'REDIS_URL', 'SEED_DEMO']);
    expect(problems[1]).toBe('DATABASE_URL: must be a postgres:// or postgresql:// URL');
  });
});
