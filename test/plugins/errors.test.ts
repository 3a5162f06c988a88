import { afterAll, beforeAll, expect, it } from 'vitest';
import { createDb, type Db } from '../../src/db/client';
import { pubSubFromConfig } from '../../src/pubsub';
import { buildApp, type App } from '../../src/server';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { post } from '../helpers/http';
import { memoryLogger } from '../helpers/logs';
import { subscribe, wsClient } from '../helpers/live';
import { TEST_LIMITS } from '../helpers/server';
import { graphql } from '../helpers/graphql';

// A server on an empty database (no tables), so that every resolver fails unexpectedly, logging
// to memory so that the log lines can be read back. (An unreachable one is DATABASE_UNAVAILABLE.)
const { logger, lines } = memoryLogger('info');
let database: TestDatabase;
let db: Db;
let app: App;
let url: string;
beforeAll(async () => {
  database = await createTestDatabase();
  db = createDb(database.url, 1, logger);
  app = buildApp({ db, pubSub: pubSubFromConfig(null, 'errors', logger), logger, limits: TEST_LIMITS });
  url = `http://127.0.0.1:${await app.start(0, '127.0.0.1')}`;
});
afterAll(async () => {
  await app?.stop(100);
  await db?.$disconnect();
  await database?.drop();
});

const logged = (requestId: string) =>
  lines.filter((line) => line.requestId === requestId && line.msg === 'unexpected error');

it('masks an unexpected error, and logs its details under the request id the client gets', async () => {
  const response = await post(url, { query: '{ topics { name } }' });
  const requestId = response.headers.get('x-request-id')!;
  expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
  expect(response.json?.errors).toEqual([
    expect.objectContaining({ message: 'Unexpected error.', extensions: { code: 'INTERNAL_SERVER_ERROR', requestId } }),
  ]);
  expect(response.text).not.toMatch(/relation|does not exist|medqa_test/i); // nothing of the cause reaches the client

  await expect.poll(() => logged(requestId).length).toBe(1);
  const [line] = logged(requestId);
  expect(line).toMatchObject({ level: 50, path: 'topics', err: { stack: expect.any(String) } });
  // The access log line of the same request carries the same id.
  expect(lines.some((l) => l.msg === 'request' && l.requestId === requestId && l.status === 200)).toBe(true);
});

it('uses the id the client sent, when it sent a sane one', async () => {
  const response = await post(url, { query: '{ specialties { name } }' }, { 'x-request-id': 'client-chosen-7' });
  expect(response.json?.errors?.[0]?.extensions).toEqual({
    code: 'INTERNAL_SERVER_ERROR',
    requestId: 'client-chosen-7',
  });
  await expect.poll(() => logged('client-chosen-7').length).toBe(1);
});

it('does the same over WebSocket, with an id per operation', async () => {
  const client = wsClient(url);
  try {
    const live = subscribe(client, graphql(`query ErrorsTopics { topics { name } }`), {});
    await expect.poll(() => live.errors.length).toBe(1);
    const error = live.errors[0] as { message: string; extensions: { code: string; requestId: string } };
    expect(error).toMatchObject({ message: 'Unexpected error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    await expect.poll(() => logged(error.extensions.requestId).length).toBe(1);
  } finally {
    await client.dispose();
  }
});
