import { request as httpRequest } from 'node:http';
import { afterAll, describe, expect } from 'vitest';
import { it } from '../../helpers/world';
import { loadConfig } from '../../../src/config';
import { pubSubFromConfig } from '../../../src/pubsub';
import { buildApp } from '../../../src/server';
import { post, send } from '../../helpers/http';
import { logger, TEST_LIMITS } from '../../helpers/server';
import { clientOperations, slug } from './support';

/* Request bodies, CSRF prevention, and the limits in production. Shared setup: support.ts. */

describe('request bodies', () => {
  const bigSlug = (bytes: number) => 'x'.repeat(bytes);

  it(`refuses a body over MAX_BODY_BYTES (256 KiB) with 413, by its Content-Length`, async ({ server }) => {
    const response = await post(server.url, {
      query: 'query($s: String) { question(slug: $s) { id } }',
      variables: { s: bigSlug(300_000) },
    });
    expect(response.status).toBe(413);
    expect(response.json?.errors).toEqual([
      { message: 'Request body too large', extensions: { code: 'REQUEST_ENTITY_TOO_LARGE' } },
    ]);
  });

  it('counts the bytes of a chunked body that has no Content-Length', async ({ server }) => {
    const url = new URL(`${server.url}/graphql`);
    const status = await new Promise<number>((resolve, reject) => {
      const request = httpRequest(
        {
          host: url.hostname,
          port: url.port,
          path: url.pathname,
          method: 'POST',
          headers: { 'content-type': 'application/json' },
        },
        (response) => {
          response.resume();
          resolve(response.statusCode!);
        },
      );
      request.on('error', reject);
      request.write(`{"query":"{ topics { name } }","variables":{"s":"`);
      for (let i = 0; i < 40; i++) request.write(bigSlug(10_000)); // 400 KB, in chunks
      request.end('"}}');
    });
    expect(status).toBe(413);
  });

  it('accepts a body just under the limit', async ({ server }) => {
    const response = await post(server.url, {
      query: 'query($s: String) { question(slug: $s) { id } }',
      variables: { s: bigSlug(250_000) },
    });
    expect(response.status).toBe(200);
    expect(response.json?.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('refuses batches (a JSON array of operations)', async ({ server }) => {
    const response = await post(server.url, [{ query: '{ topics { name } }' }, { query: '{ specialties { name } }' }]);
    expect(response.status).toBe(400);
    expect(response.json?.errors).toEqual([
      { message: 'Batching is not supported.', extensions: { code: 'BAD_REQUEST' } },
    ]);
  });
});

describe('CSRF prevention', () => {
  const query = encodeURIComponent('{ topics { name } }');

  it('runs a GET query without any extra header (see src/plugins/csrf.ts for why)', async ({ server }) => {
    const response = await send(server.url, { path: `/graphql?query=${query}` });
    expect(response.status).toBe(200);
    expect(response.json?.data).toEqual({ topics: expect.any(Array) });
  });

  it('refuses "simple" POSTs a browser would send cross-site without a preflight', async ({ server }) => {
    const body = JSON.stringify({ query: '{ topics { name } }' });
    for (const contentType of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const response = await send(server.url, { method: 'POST', headers: { 'content-type': contentType }, body });
      expect(response.status, contentType).toBe(403);
      expect(response.json?.errors?.[0]?.extensions, contentType).toEqual({ code: 'BAD_REQUEST' });
    }
  });

  it('needs nothing more for JSON POSTs (GraphiQL sends those)', async ({ server }) => {
    expect((await post(server.url, { query: '{ topics { name } }' })).status).toBe(200);
  });
});

describe('production', () => {
  let production: { url: string; stop(): Promise<void> };
  let withIntrospection: { url: string; stop(): Promise<void> };
  it.beforeAll(async ({ server }) => {
    // The limits as src/config.ts resolves them for production, with the tests' rate limits.
    const start = async (environment: Record<string, string> = {}) => {
      const app = buildApp({
        db: server.db,
        pubSub: pubSubFromConfig(null, 'prod', logger),
        logger,
        limits: { ...loadConfig({ NODE_ENV: 'production', ...environment }).limits, rate: TEST_LIMITS.rate },
      });
      const url = `http://127.0.0.1:${await app.start(0, '127.0.0.1')}`;
      return { url, stop: () => app.stop(100) };
    };
    production = await start();
    withIntrospection = await start({ INTROSPECTION: 'true' });
  });
  afterAll(async () => {
    await production?.stop();
    await withIntrospection?.stop();
  });

  const introspection = { query: '{ __schema { queryType { name } } }' };

  it('refuses introspection unless INTROSPECTION=true', async ({ server }) => {
    const refused = await post(production.url, introspection);
    expect(refused.status).toBe(400);
    expect(refused.json?.errors?.slice(0, 1)).toEqual([
      expect.objectContaining({
        message: 'GraphQL introspection has been disabled, but the requested query contained the field "__schema".',
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      }),
    ]);
    expect((await post(withIntrospection.url, introspection)).json).toEqual({
      data: { __schema: { queryType: { name: 'Query' } } },
    });
    // Development (the test server) allows it.
    expect((await post(server.url, introspection)).json?.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
  });

  it('suggests no field names in production, and does in development', async ({ server }) => {
    const typo = { query: '{ topic { name } }' };
    expect((await post(production.url, typo)).json?.errors?.[0]?.message).toBe(
      'Cannot query field "topic" on type "Query".',
    );
    expect((await post(server.url, typo)).json?.errors?.[0]?.message).toBe(
      'Cannot query field "topic" on type "Query". Did you mean "topics"?',
    );
  });

  it('still serves the question page', async () => {
    const page = clientOperations.find(({ name }) => name === 'question-page.graphql')!.query;
    const { json } = await post(production.url, { query: page, variables: { slug } });
    expect(json?.errors).toBeUndefined();
    expect(json?.data).toHaveProperty('question.answers.totalCount', 5);
  });
});
