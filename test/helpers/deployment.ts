import { randomBytes } from 'node:crypto';
import { test as base } from 'vitest';
import { seedDemo } from '../../prisma/seed/demo';
import { createDb, type Db } from '../../src/db/client';
import { migrate } from '../../src/db/migrate';
import { startServerProcess } from '../faults/support';
import { createTestDatabase, type TestDatabase } from './database';
import type { ServerProcess } from './process';
import { startPrivateRedis, type PrivateRedis } from './redis-server';
import { redisUrl as sharedRedisUrl } from './redis';
import { type InstanceOptions, logger, startInstance, type TestServer } from './server';

/** In-process instances of one deployment: one PostgreSQL database, one Redis, one channel prefix. */
export interface Deployment {
  instances: TestServer[];
  database: TestDatabase;
  prefix: string;
  /** Stops the instances, the last started first; the first one drops the database. */
  stop(): Promise<void>;
}

export type DeploymentOptions = Omit<InstanceOptions, 'ownsDatabase'> & {
  /** How many instances (2 unless given). */
  count?: number;
  /** The start of the generated prefix, when no `prefix` is given. */
  name?: string;
  /** Whether the first instance loads the demo page (true unless given). */
  seed?: boolean;
};

/**
 * Starts `count` instances on a fresh database (with the demo page loaded by the first unless
 * `seed: false`), all on the same Redis (the shared one unless `redisUrl` is given) and a prefix
 * of their own (`prefix`, or `name` and random hex). Other options go to every instance.
 */
export async function startDeployment({
  count = 2,
  name = 'deployment',
  prefix = `${name}-${randomBytes(4).toString('hex')}`,
  seed = true,
  redisUrl = sharedRedisUrl,
  ...options
}: DeploymentOptions = {}): Promise<Deployment> {
  const database = await createTestDatabase();
  const instances: TestServer[] = [];
  const deployment: Deployment = {
    instances,
    database,
    prefix,
    async stop() {
      for (const instance of [...instances].reverse()) await instance.stop();
      if (!instances.length) await database.drop();
    },
  };
  try {
    for (let i = 0; i < count; i++) {
      instances.push(
        await startInstance(database, { ...options, redisUrl, prefix, seed: seed && i === 0, ownsDatabase: i === 0 }),
      );
    }
  } catch (error) {
    await deployment.stop();
    throw error;
  }
  return deployment;
}

/** Two instances of one deployment, `a` (which owns the database) and `b`. */
export async function startPair(options: Omit<DeploymentOptions, 'count'> = {}) {
  const deployment = await startDeployment({ ...options, count: 2 });
  const [a, b] = deployment.instances;
  return { ...deployment, a: a!, b: b! };
}

/** Two in-process instances of one deployment (startPair): `a` owns the database. */
export type Pair = Awaited<ReturnType<typeof startPair>>;

export interface PairFixtures {
  /**
   * How the file's pair is started: the defaults unless the file says otherwise, before its first
   * test, with `it.override({ pairOptions: { … } })`.
   */
  pairOptions: Omit<DeploymentOptions, 'count'>;
  /** Two in-process instances of a deployment of the file's own, started for the first test that names it and stopped after the file. */
  pair: Pair;
  /** The pair's first instance (which owns the database). */
  a: TestServer;
  /** The pair's second instance. */
  b: TestServer;
}

/** `it`/`test` with the file's in-process `pair` (or its instances `a` and `b`): `it('…', async ({ a, b }) => { … })`. */
export const test = base.extend<PairFixtures>({
  pairOptions: [{}, { scope: 'file' }],
  pair: [
    async ({ pairOptions }, use) => {
      const pair = await startPair(pairOptions);
      try {
        await use(pair);
      } finally {
        await pair.stop();
      }
    },
    { scope: 'file' },
  ],
  a: [async ({ pair }, use) => use(pair.a), { scope: 'file' }],
  b: [async ({ pair }, use) => use(pair.b), { scope: 'file' }],
});

export const it = test;

/** Server processes (`npm start`) of one deployment, on a Redis of their own. */
export interface ProcessDeployment {
  instances: ServerProcess[];
  redis: PrivateRedis;
  database: TestDatabase;
  /** A connection to the deployment's database, for the test's own reads and set-up. */
  db: Db;
  /** SIGTERM to each instance still running (SIGKILL after 10 s), then the database and Redis go. */
  stop(): Promise<void>;
}

/**
 * `count` server processes on a fresh, migrated database with the demo page, a private Redis
 * (test/helpers/redis-server.ts) and a prefix of their own (`name` and random hex), with `env` added.
 */
export async function startProcessDeployment({
  count = 2,
  name = 'deployment',
  env: extraEnv = {},
}: {
  count?: number;
  name?: string;
  /** More environment for every instance (e.g. TRUST_PROXY). */
  env?: Record<string, string>;
} = {}): Promise<ProcessDeployment> {
  const redis = await startPrivateRedis();
  const database = await createTestDatabase();
  await migrate(database.url, { logger });
  const db = createDb(database.url, 2, logger);
  await seedDemo(db, logger);
  const env = {
    DATABASE_URL: database.url,
    REDIS_URL: redis.url,
    PUBSUB_PREFIX: `${name}-${randomBytes(4).toString('hex')}`,
    ...extraEnv,
  };
  const instances = await Promise.all(Array.from({ length: count }, () => startServerProcess(env)));
  return {
    instances,
    redis,
    database,
    db,
    async stop() {
      for (const server of instances) {
        if (server.child.exitCode !== null || server.child.signalCode !== null) continue;
        server.child.kill('SIGTERM');
        const stopped = await Promise.race([
          server.exited,
          new Promise((resolve) => setTimeout(resolve, 10_000, null)),
        ]);
        if (!stopped) server.crash();
      }
      await db.$disconnect();
      await database.drop();
      await redis.destroy();
    },
  };
}

/** Two server processes of one deployment, and a connection to its database. */
export interface ProcessPair {
  db: Db;
  a: ServerProcess;
  b: ServerProcess;
}

/**
 * `it` with `pair`: two server processes of one deployment of the file's own (startProcessDeployment:
 * a fresh database on the shared test PostgreSQL, a Redis of its own, one channel prefix), started
 * for the first test that names it and stopped after the file.
 */
export function withProcessPair(name: string) {
  return base.extend<{ pair: ProcessPair }>({
    pair: [
      // biome-ignore lint/correctness/noEmptyPattern: vitest reads the fixtures a fixture uses from its first parameter.
      async ({}, use) => {
        const deployment = await startProcessDeployment({ name });
        try {
          const [a, b] = deployment.instances as [ServerProcess, ServerProcess];
          await use({ db: deployment.db, a, b });
        } finally {
          await deployment.stop();
        }
      },
      { scope: 'file' },
    ],
  });
}
