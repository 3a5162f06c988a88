import { afterAll, beforeAll, expect, it } from 'vitest';
import { createDb, type Db } from '../../src/db/client';
import { migrate } from '../../src/db/migrate';
import { pubSubFromConfig } from '../../src/pubsub';
import { buildApp, type App } from '../../src/server';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { logger } from '../helpers/server';

// Readiness from state (issue 13): a health check must not queue behind a saturated pool, or a
// burst takes every instance out of the load balancer's rotation at once.
let database: TestDatabase;
let db: Db;
let app: App;
let url: string;

beforeAll(async () => {
  database = await createTestDatabase();
  await migrate(database.url, { logger });
  db = createDb(database.url, 1, logger); // one connection: any burst saturates it
  app = buildApp({ db, pubSub: pubSubFromConfig(null, 'readiness', logger), logger, poolSize: 1 });
  url = `http://127.0.0.1:${await app.start(0, '127.0.0.1')}`;
});

afterAll(async () => {
  await app?.stop(100);
  await db?.$disconnect();
  await database?.drop();
});

it('answers /readyz while every pool connection is busy, before the queued queries are done', async () => {
  const order: string[] = [];
  // 12 queries of 0.25 s each queue on the single connection: 3 s of work (within the pool's 5 s wait).
  const burst = Promise.all(Array.from({ length: 12 }, () => db.$queryRaw`SELECT 1 AS slept FROM pg_sleep(0.25)`)).then(
    () => order.push('burst done'),
  );
  const ready = fetch(`${url}/readyz`).then(async (response) => {
    order.push('readyz answered');
    return { status: response.status, body: await response.json() };
  });
  expect(await ready).toEqual({
    status: 200,
    body: { status: 'ready', database: 'up', pubsub: 'up', pool: { size: 1 } },
  });
  await burst;
  expect(order).toEqual(['readyz answered', 'burst done']);
}, 60_000);
