import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEFAULT_RESPONSE_CACHE } from '../../src/cache/response-cache';
import { createTestDatabase } from '../helpers/database';
import { startInstance, TEST_LIMITS, type TestServer } from '../helpers/server';

// Every operation counts against the operations limit, answered from the response cache or not.
const LIMIT = 5;
let server: TestServer;
beforeAll(async () => {
  server = await startInstance(await createTestDatabase(), {
    seed: true,
    limits: { ...TEST_LIMITS, rate: { ...TEST_LIMITS.rate, operationsPerMinute: LIMIT } },
    responseCache: DEFAULT_RESPONSE_CACHE,
  });
});
afterAll(() => server?.stop());

async function status(query: string) {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
  return `${response.status} ${body.errors?.[0]?.extensions?.code ?? 'ok'}`;
}

it('counts cached anonymous answers: the sixth identical query in a minute is refused', async () => {
  const results = [];
  for (let i = 0; i < LIMIT + 2; i++) results.push(await status('{ topics { slug } }'));
  expect(results).toEqual([...Array(LIMIT).fill('200 ok'), '429 RATE_LIMITED', '429 RATE_LIMITED']);
});
