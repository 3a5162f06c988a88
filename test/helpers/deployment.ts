import { randomBytes } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from './database';
import { redisUrl as sharedRedisUrl } from './redis';
import { type InstanceOptions, startInstance, type TestServer } from './server';

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
