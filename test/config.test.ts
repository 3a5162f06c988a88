import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config';

describe('loadConfig', () => {
  it('runs embedded, in-process, on port 4000 with no configuration', () => {
    expect(loadConfig({})).toEqual({
      env: 'development',
      host: '0.0.0.0',
      port: 4000,
      logLevel: 'info',
      database: { kind: 'embedded', dataDir: '.data/pglite', poolSize: 10 },
      redisUrl: null,
      pubSubPrefix: 'medqa',
      seedDemo: true,
      shutdownTimeoutMs: 10_000,
    });
  });

  it('switches to PostgreSQL and Redis by URL, without loading the demo unless asked', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgresql://app@db.internal:5432/medqa',
      REDIS_URL: 'redis://cache.internal:6379',
      PORT: '8080',
    });
    expect(config.database).toEqual({ kind: 'postgres', url: 'postgresql://app@db.internal:5432/medqa', poolSize: 10 });
    expect(config.redisUrl).toBe('redis://cache.internal:6379');
    expect(config.port).toBe(8080);
    expect(config.seedDemo).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgres://x@y/z', SEED_DEMO: 'true' }).seedDemo).toBe(true);
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
