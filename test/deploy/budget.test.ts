import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startPgCluster, type PgCluster } from '../helpers/pg-cluster';
import type { TestDatabase } from '../helpers/database';
import { logger } from '../helpers/server';
import { startServerProcess, type ServerProcess } from '../faults/support';

// The connection budget (issue 13): PostgreSQL with max_connections = 20, of which 3 are reserved
// for superusers, and 8 connections already open (another instance's pool, say).
let cluster: PgCluster;
let database: TestDatabase;
const others: pg.Client[] = [];
const servers: ServerProcess[] = [];

beforeAll(async () => {
  cluster = await startPgCluster({ settings: { max_connections: '20' } });
  database = await cluster.createAppDatabase(logger);
  for (let i = 0; i < 8; i++) {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    others.push(client);
  }
});

afterAll(async () => {
  for (const server of servers) server.crash();
  await Promise.all(servers.map((server) => server.exited));
  await Promise.all(others.map((client) => client.end()));
  await cluster?.destroy();
});

const budgetWarnings = (server: ServerProcess) =>
  server.logs.filter((line) => String(line.msg).startsWith('connection budget:'));

it('warns at start when max_connections cannot hold the pool, and reports the pool size', async () => {
  // One after the other, so that the first one's check sees exactly the 8 connections.
  const tooBig = await startServerProcess({ DATABASE_URL: database.url, DATABASE_POOL_SIZE: '10' });
  servers.push(tooBig);
  const fits = await startServerProcess({ DATABASE_URL: database.url, DATABASE_POOL_SIZE: '5' });
  servers.push(fits);

  expect(budgetWarnings(fits)).toEqual([]);
  // 20 − 3 reserved − 8 open leaves 9.
  expect(budgetWarnings(tooBig)).toEqual([
    expect.objectContaining({
      level: 40,
      poolSize: 10,
      maxConnections: 20,
      reserved: 3,
      inUse: 8,
      available: 9,
      msg:
        'connection budget: DATABASE_POOL_SIZE=10 does not fit: PostgreSQL allows 17 connections ' +
        '(max_connections 20 − 3 reserved) and 8 are open, leaving 9. Under load some requests will fail. ' +
        'Keep instances × pool ≤ max_connections − reserve: lower DATABASE_POOL_SIZE, raise max_connections, ' +
        'or put PgBouncer in front (README: Connection budget).',
    }),
  ]);

  for (const [server, size] of [
    [fits, 5],
    [tooBig, 10],
  ] as const) {
    expect(server.logs.find((line) => String(line.msg).startsWith('ready:'))).toMatchObject({ pool: size });
    const ready = await fetch(`${server.url}/readyz`);
    expect({ status: ready.status, body: await ready.json() }).toEqual({
      status: 200,
      body: { status: 'ready', database: 'up', pubsub: 'up', pool: { size } },
    });
  }
}, 90_000);
