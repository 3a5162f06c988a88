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

it('counts revalidations answered 304 Not Modified: the sixth is refused with 429', async () => {
  // An instance of its own, so that its counts start at zero (counters are per instance here).
  const other = await startInstance(server.database, {
    ownsDatabase: false,
    limits: { ...TEST_LIMITS, rate: { ...TEST_LIMITS.rate, operationsPerMinute: LIMIT } },
    responseCache: DEFAULT_RESPONSE_CACHE,
  });
  try {
    const request = (headers: Record<string, string> = {}) =>
      fetch(`${other.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers },
        body: JSON.stringify({ query: '{ topics { name } }' }),
      });
    const first = await request();
    expect(first.status).toBe(200);
    const etag = first.headers.get('etag');
    expect(etag).toEqual(expect.any(String));
    const statuses = [];
    for (let i = 1; i < LIMIT; i++) statuses.push((await request({ 'if-none-match': etag! })).status);
    expect(statuses).toEqual(Array(LIMIT - 1).fill(304));

    const refused = await request({ 'if-none-match': etag! });
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(await refused.json()).toEqual({
      errors: [
        {
          message: expect.stringMatching(/^Too many requests: the limit is 5 a minute\. Try again in \d+ seconds?\.$/),
          extensions: { code: 'RATE_LIMITED', retryAfter },
        },
      ],
    });
    // And the plain request after it is refused as well: the revalidations were counted.
    expect((await request()).status).toBe(429);
  } finally {
    await other.stop();
  }
});
