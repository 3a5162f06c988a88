import { readdirSync, readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { complexityFromQuery } from '@pothos/plugin-complexity';
import { formatPrismaCursor } from '@pothos/plugin-prisma';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { OperationTypeNode, parse, type OperationDefinitionNode } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';
import { DEFAULT_LIMITS } from '../../src/limits';
import { pubSubFromConfig } from '../../src/pubsub';
import { schema } from '../../src/schema';
import { buildApp, DEMO_QUESTION_SLUG } from '../../src/server';
import { post, send } from '../helpers/http';
import { subscribe, wsClient } from '../helpers/live';
import { logger, startTestServer, TEST_LIMITS, type TestServer } from '../helpers/server';
import { graphql } from '../helpers/graphql';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.stop());

const slug = DEMO_QUESTION_SLUG;

/** The operations clients are documented to send: src/client/operations and the README's queries. */
const operationsDir = new URL('../../src/client/operations/', import.meta.url);
const clientOperations = readdirSync(operationsDir)
  .filter((file) => file.endsWith('.graphql'))
  .map((file) => ({ name: file, query: readFileSync(new URL(file, operationsDir), 'utf8') }));
const readmeQueries = [
  ...readFileSync(new URL('../../README.md', import.meta.url), 'utf8').matchAll(/```graphql\n([\s\S]*?)```/g),
]
  .map((match) => match[1]!)
  .filter((query) => /^\s*(query\b|\{)/.test(query))
  .map((query, i) => ({ name: `README query ${i + 1}`, query }));

/** Variables that make each documented operation as large as a client may ask: 100-item pages. */
const largest = { slug, answers: 100, blogs: 20, first: 100 };
/** For the answerAdded document: the demo question (id 1, seeded first), from its first answer on. */
const live = { questionId: encodeGlobalID('Question', 1), after: formatPrismaCursor({ id: 0 }, 'id') };
const isSubscription = (query: string) =>
  (parse(query).definitions[0] as OperationDefinitionNode).operation === OperationTypeNode.SUBSCRIPTION;

const validationError = (message: string, extensions: Record<string, unknown> = {}) => ({
  status: 400,
  errors: [{ message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED', ...extensions } }],
});
async function refusal(body: unknown) {
  const response = await post(server.url, body);
  return {
    status: response.status,
    errors: response.json?.errors?.map(({ message, extensions }) => ({ message, extensions })),
  };
}

describe('the documented operations', () => {
  it('are all found (4 client operations, one of them the answerAdded subscription; 3 README queries)', () => {
    expect(clientOperations).toHaveLength(4);
    expect(clientOperations.filter(({ query }) => isSubscription(query)).map(({ name }) => name)).toEqual([
      'answer-added.graphql',
    ]);
    expect(readmeQueries).toHaveLength(3);
  });

  it.each([...clientOperations, ...readmeQueries])(
    '$name runs at the default limits, even with the largest pages',
    async ({ query }) => {
      const own = isSubscription(query) ? live : {}; // the lists have an `$after` of their own
      for (const variables of [
        { slug, ...own },
        { ...largest, ...own },
      ]) {
        const used = Object.fromEntries(Object.entries(variables).filter(([name]) => query.includes(`$${name}`)));
        if (isSubscription(query)) {
          // Over graphql-ws: the first answer replayed shows that it ran.
          const client = wsClient(server.url);
          const subscription = subscribe(client, query, used);
          await subscription.waitFor(1);
          expect(subscription.errors).toEqual([]);
          await client.dispose();
          continue;
        }
        const { json, status } = await post(server.url, { query, variables: used });
        expect(json?.errors).toBeUndefined();
        expect(status).toBe(200);
      }
    },
  );

  it.each([...clientOperations, ...readmeQueries])(
    '$name stays well inside each limit at its default page sizes',
    ({ query }) => {
      const cost = complexityFromQuery(query, { schema, variables: { slug, ...(isSubscription(query) ? live : {}) } });
      expect(cost.complexity).toBeLessThanOrEqual(DEFAULT_LIMITS.maxCost / 5);
      expect(cost.depth).toBeLessThanOrEqual(DEFAULT_LIMITS.maxDepth - 3);
    },
  );

  it('costs what the README and src/limits say: about 490 for the question page, 2,230 at 100 answers', () => {
    const page = clientOperations.find(({ name }) => name === 'question-page.graphql')!.query;
    expect(complexityFromQuery(page, { schema, variables: { slug } }).complexity).toBe(492);
    expect(complexityFromQuery(page, { schema, variables: largest }).complexity).toBe(2232);
  });
});

describe('operation limits', () => {
  it('refuses an operation deeper than MAX_DEPTH (10)', async () => {
    // question → answers → edges → node → question → answers → edges → node → question → answers → totalCount
    const at = (levels: string) =>
      `{ question(slug: "${slug}") { answers { edges { node { question { answers { edges { node { question { ${levels} } } } } } } } } } }`;
    expect(await refusal({ query: at('id') })).toEqual({ status: 200, errors: undefined }); // depth 10
    expect(await refusal({ query: at('answers { totalCount }') })).toEqual(
      validationError('Query depth limit of 10 exceeded, found 11. Select fewer levels of nested fields.'),
    );
  });

  it('does not count fragments as levels', async () => {
    const query = `{ question(slug: "${slug}") { answers { edges { node { question { answers { edges { node {
      ... on Answer { question { ...Q } } } } } } } } } } }
      fragment Q on Question { id }`;
    expect(await refusal({ query })).toEqual({ status: 200, errors: undefined });
  });

  it('refuses more than MAX_ALIASES (15) aliases', async () => {
    const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `t${i}: topics { name }`).join(' ')} }`;
    expect(await refusal({ query: aliases(15) })).toEqual({ status: 200, errors: undefined });
    expect(await refusal({ query: aliases(16) })).toEqual(
      validationError('Aliases limit of 15 exceeded, found 16. Use fewer aliases, or split the operation.'),
    );
  });

  it('refuses a document of more than MAX_TOKENS (1,000) tokens while parsing it', async () => {
    // `query ( $ v : [ ID ! ] = [ "…" × (n - 25) ] ) { nodes ( ids : $ v ) { id } }` is n tokens: the
    // long list is the variable's default, which the request overrides with one id (nodes(ids:)
    // itself takes at most 100).
    const id = JSON.stringify('UXVlc3Rpb246MQ==');
    const tokens = (n: number) => ({
      query: `query($v: [ID!] = [${Array(n - 25)
        .fill(id)
        .join(' ')}]) { nodes(ids: $v) { id } }`,
      variables: { v: ['UXVlc3Rpb246MQ=='] },
    });
    expect(await refusal(tokens(1000))).toEqual({ status: 200, errors: undefined });
    expect(await refusal(tokens(1001))).toEqual({
      status: 400,
      errors: [
        { message: 'Syntax Error: Token limit of 1000 exceeded.', extensions: { code: 'GRAPHQL_PARSE_FAILED' } },
      ],
    });
  });

  it('refuses more than MAX_DIRECTIVES (20) directives', async () => {
    const directives = (n: number) => `{ topics { ${'... on Topic @include(if: true) { name } '.repeat(n)}} }`;
    expect(await refusal({ query: directives(20) })).toEqual({ status: 200, errors: undefined });
    expect(await refusal({ query: directives(21) })).toEqual(
      validationError('Directives limit of 20 exceeded, found 21. Use fewer directives.'),
    );
  });

  it('refuses an operation costing more than MAX_COST (5,000): lists cost their page size', async () => {
    // questions: 1 + 100 × (edges 1 + node (1 + answers (1 + 100 × (edges 1 + node (1 + body 1)))))
    const nested =
      'query($n: Int) { questions(first: 100) { edges { node { answers(first: $n) { edges { node { body } } } } } } }';
    expect(await refusal({ query: nested, variables: { n: 100 } })).toEqual(
      validationError(
        'Query cost of 30301 exceeds the limit of 5000. Ask for smaller pages (first/last) or fewer nested lists.',
        {
          cost: 30301,
          maxCost: 5000,
        },
      ),
    );
    // The same document with a small page: the cost follows the variables, not a cached verdict.
    expect(await refusal({ query: nested, variables: { n: 10 } })).toEqual({ status: 200, errors: undefined });
    // Without `first`, a connection costs the default page of 20: 1 + 100 × (3 + 20 × 3) = 6301.
    expect((await refusal({ query: nested })).errors?.[0]?.message).toMatch(/^Query cost of 6301 exceeds/);
  });

  it('leaves the page-size check its own message for a huge `first`', async () => {
    const { json } = await post(server.url, { query: '{ questions(first: 1000000) { totalCount } }' });
    expect(json?.errors?.[0]).toMatchObject({
      message: '"first" must be between 0 and 100; got 1000000.',
      extensions: { code: 'BAD_USER_INPUT', field: 'first' },
    });
  });

  it('applies the same limits over WebSocket, as an error for that operation only', async () => {
    const client = wsClient(server.url);
    try {
      const deep = subscribe(
        client,
        graphql(`subscription LimitsAnswerAdded($q: ID!) { answerAdded(questionId: $q) { node { question { answers { edges { node {
        question { answers { edges { node { id } } } } } } } } } } }`),
        { q: 'UXVlc3Rpb246MQ==' },
      );
      await expect.poll(() => deep.errors.length).toBe(1);
      expect(deep.errors[0]).toEqual([
        expect.objectContaining({
          message: 'Query depth limit of 10 exceeded, found 11. Select fewer levels of nested fields.',
          extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
        }),
      ]);
      const tokens = subscribe(client, `{ ${'__typename '.repeat(1001)}}`, {});
      await expect.poll(() => tokens.errors.length).toBe(1);
      expect(tokens.errors[0]).toEqual([
        expect.objectContaining({
          message: 'Syntax Error: Token limit of 1000 exceeded.',
          extensions: { code: 'GRAPHQL_PARSE_FAILED' },
        }),
      ]);
      // The socket is still open and serving.
      const fine = subscribe(client, graphql(`query LimitsTopics { topics { name } }`), {});
      await fine.waitFor(1);
    } finally {
      await client.dispose();
    }
  });
});

describe('request bodies', () => {
  const bigSlug = (bytes: number) => 'x'.repeat(bytes);

  it(`refuses a body over MAX_BODY_BYTES (256 KiB) with 413, by its Content-Length`, async () => {
    const response = await post(server.url, {
      query: 'query($s: String) { question(slug: $s) { id } }',
      variables: { s: bigSlug(300_000) },
    });
    expect(response.status).toBe(413);
    expect(response.json?.errors).toEqual([
      { message: 'Request body too large', extensions: { code: 'REQUEST_ENTITY_TOO_LARGE' } },
    ]);
  });

  it('counts the bytes of a chunked body that has no Content-Length', async () => {
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

  it('accepts a body just under the limit', async () => {
    const response = await post(server.url, {
      query: 'query($s: String) { question(slug: $s) { id } }',
      variables: { s: bigSlug(250_000) },
    });
    expect(response.status).toBe(200);
    expect(response.json?.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('refuses batches (a JSON array of operations)', async () => {
    const response = await post(server.url, [{ query: '{ topics { name } }' }, { query: '{ specialties { name } }' }]);
    expect(response.status).toBe(400);
    expect(response.json?.errors).toEqual([
      { message: 'Batching is not supported.', extensions: { code: 'BAD_REQUEST' } },
    ]);
  });
});

describe('CSRF prevention', () => {
  const query = encodeURIComponent('{ topics { name } }');

  it('runs a GET query without any extra header (see src/plugins/csrf.ts for why)', async () => {
    const response = await send(server.url, { path: `/graphql?query=${query}` });
    expect(response.status).toBe(200);
    expect(response.json?.data).toEqual({ topics: expect.any(Array) });
  });

  it('refuses "simple" POSTs a browser would send cross-site without a preflight', async () => {
    const body = JSON.stringify({ query: '{ topics { name } }' });
    for (const contentType of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const response = await send(server.url, { method: 'POST', headers: { 'content-type': contentType }, body });
      expect(response.status, contentType).toBe(403);
      expect(response.json?.errors?.[0]?.extensions, contentType).toEqual({ code: 'BAD_REQUEST' });
    }
  });

  it('needs nothing more for JSON POSTs (GraphiQL sends those)', async () => {
    expect((await post(server.url, { query: '{ topics { name } }' })).status).toBe(200);
  });
});

describe('production', () => {
  let production: { url: string; stop(): Promise<void> };
  let withIntrospection: { url: string; stop(): Promise<void> };
  beforeAll(async () => {
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

  it('refuses introspection unless INTROSPECTION=true', async () => {
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

  it('suggests no field names in production, and does in development', async () => {
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
