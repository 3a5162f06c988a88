import { afterAll, beforeAll, expect, it } from 'vitest';
import { createDb } from '../../src/db/client';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { logger } from '../helpers/server';

// What each pool connection is opened with (src/db/client.ts), read back from PostgreSQL itself.
let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.drop();
});

async function settingsOf(url: string, options: Parameters<typeof createDb>[3] = {}) {
  const db = createDb(url, 1, logger, {
    timeouts: { statementMs: 4_000, lockMs: 1_500, poolWaitMs: 3_000 },
    ...options,
  });
  try {
    const [row] = await db.$queryRaw<{ random_page_cost: string; statement_timeout: string; lock_timeout: string }[]>`
      SELECT current_setting('random_page_cost') AS random_page_cost,
             current_setting('statement_timeout') AS statement_timeout,
             current_setting('lock_timeout') AS lock_timeout`;
    return row;
  } finally {
    await db.$disconnect();
  }
}

it('opens connections with the timeouts and a random_page_cost for data in memory', async () => {
  expect(await settingsOf(database.url)).toEqual({
    random_page_cost: '1.1',
    statement_timeout: '4s',
    lock_timeout: '1500ms',
  });
});

it("leaves them to the server behind a pooler, and lets DATABASE_URL's own options win", async () => {
  expect(await settingsOf(database.url, { preparedStatements: false })).toEqual({
    random_page_cost: '4',
    statement_timeout: '0',
    lock_timeout: '0',
  });
  const url = new URL(database.url);
  url.searchParams.set('options', '-c random_page_cost=2');
  expect((await settingsOf(url.toString()))?.random_page_cost).toBe('2');
});
