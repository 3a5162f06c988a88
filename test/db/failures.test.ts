import { createServer, connect, type AddressInfo } from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createDb, type Db } from '../../src/db/client';
import { databaseFailureCode } from '../../src/db/failures';
import { writeStatement, writeTransaction } from '../../src/db/transaction';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { logger } from '../helpers/server';

// Real failures of a real PostgreSQL, sorted into the codes clients get (src/db/failures.ts).
let database: TestDatabase;
let db: Db;
beforeAll(async () => {
  database = await createTestDatabase();
  db = createDb(database.url, 2, logger, { timeouts: { statementMs: 300, lockMs: 200, poolWaitMs: 3_000 } });
  await db.$executeRaw`CREATE TABLE item (id int PRIMARY KEY)`;
  await db.$executeRaw`INSERT INTO item VALUES (1)`;
});
afterAll(async () => {
  await db?.$disconnect();
  await database?.drop();
});

const failure = (run: Promise<unknown>) => run.then(() => 'no failure', databaseFailureCode);

it('a transaction left idle past the statement timeout is ended by PostgreSQL: DATABASE_UNAVAILABLE', async () => {
  const admin = new pg.Client({ connectionString: database.url });
  await admin.connect();
  const idleSessions = async () =>
    Number(
      (
        await admin.query(
          `SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND state = 'idle in transaction'`,
        )
      ).rows[0].count,
    );
  let resume!: () => void;
  const stalled = new Promise<void>((resolve) => (resume = resolve));
  const idle = db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT 1`;
    await stalled; // the app stalls mid-transaction…
    await tx.$executeRaw`SELECT 1`;
  });
  await expect.poll(idleSessions, { timeout: 20_000 }).toBe(1);
  await expect.poll(idleSessions, { timeout: 20_000 }).toBe(0); // …until PostgreSQL ends the session
  resume();
  expect(await failure(idle)).toBe('DATABASE_UNAVAILABLE');
  await admin.end();
});

it('a statement over statement_timeout is DATABASE_TIMEOUT, in a write transaction and outside one', async () => {
  expect(await failure(db.$executeRaw`SELECT pg_sleep(2)`)).toBe('DATABASE_TIMEOUT');
  expect(await failure(writeTransaction(db, (tx) => tx.$executeRaw`SELECT pg_sleep(2)`))).toBe('DATABASE_TIMEOUT');
  expect(await failure(writeStatement(db, (client) => client.$executeRaw`SELECT pg_sleep(2)`))).toBe(
    'DATABASE_TIMEOUT',
  );
});

it('a row locked elsewhere past lock_timeout is RESOURCE_LOCKED', async () => {
  const holder = new pg.Client({ connectionString: database.url });
  await holder.connect();
  try {
    await holder.query('BEGIN');
    await holder.query('SELECT id FROM item WHERE id = 1 FOR UPDATE');
    expect(await failure(writeTransaction(db, (tx) => tx.$executeRaw`UPDATE item SET id = 1 WHERE id = 1`))).toBe(
      'RESOURCE_LOCKED',
    );
    expect(await failure(db.$executeRaw`UPDATE item SET id = 1 WHERE id = 1`)).toBe('RESOURCE_LOCKED');
    expect(await failure(writeStatement(db, (client) => client.$executeRaw`UPDATE item SET id = 1 WHERE id = 1`))).toBe(
      'RESOURCE_LOCKED',
    );
  } finally {
    await holder.end();
  }
});

it('no pool connection within the pool wait is DATABASE_BUSY; no server is DATABASE_UNAVAILABLE', {
  timeout: 60_000,
}, async () => {
  // A client of its own, whose idle-in-transaction timeout outlasts the holders below.
  const busy = createDb(database.url, 2, logger, { timeouts: { statementMs: 30_000, lockMs: 200, poolWaitMs: 3_000 } });
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let holding = 0;
  const hold = () =>
    busy.$transaction(
      async (tx) => {
        await tx.$executeRaw`SELECT 1`;
        holding++;
        await released;
      },
      { timeout: 30_000 },
    );
  const holders = [hold(), hold()];
  await expect.poll(() => holding, { timeout: 20_000 }).toBe(2);
  expect(await failure(busy.$queryRaw`SELECT 1`)).toBe('DATABASE_BUSY');
  expect(await failure(writeTransaction(busy, (tx) => tx.$queryRaw`SELECT 1`))).toBe('DATABASE_BUSY');
  release();
  await Promise.all(holders);
  await busy.$disconnect();

  const nowhere = createDb('postgresql://postgres@127.0.0.1:9/nowhere', 1, logger);
  try {
    expect(await failure(nowhere.$queryRaw`SELECT 1`)).toBe('DATABASE_UNAVAILABLE');
    expect(await failure(writeTransaction(nowhere, (tx) => tx.$queryRaw`SELECT 1`))).toBe('DATABASE_UNAVAILABLE');
  } finally {
    await nowhere.$disconnect();
  }
});

it('a connection that breaks while the transaction commits is DATABASE_UNAVAILABLE', async () => {
  // A TCP relay to PostgreSQL that resets the client's connection instead of passing on a COMMIT.
  let armed = false;
  const relay = createServer((client) => {
    const server = connect(Number(new URL(database.url).port || 5432), new URL(database.url).hostname);
    client.on('data', (data) => {
      if (armed && data.includes('COMMIT')) {
        client.resetAndDestroy();
        server.destroy();
      } else server.write(data);
    });
    server.pipe(client);
    client.on('error', () => {});
    server.on('error', () => {});
  });
  await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
  const url = new URL(database.url);
  url.host = `127.0.0.1:${(relay.address() as AddressInfo).port}`;
  const relayed = createDb(url.toString(), 1, logger);
  try {
    const committing = writeTransaction(relayed, async (tx) => {
      await tx.$executeRaw`SELECT 1`;
      armed = true;
    });
    expect(await failure(committing)).toBe('DATABASE_UNAVAILABLE');
  } finally {
    await relayed.$disconnect();
    relay.close();
  }
});
