import { complexityFromQuery } from '@pothos/plugin-complexity';
import { describe, expect } from 'vitest';
import { it } from '../../helpers/world';
import { DEFAULT_LIMITS } from '../../../src/limits';
import { schema } from '../../../src/schema';
import { post } from '../../helpers/http';
import { subscribe, wsClient } from '../../helpers/live';
import { graphql } from '../../helpers/graphql';
import {
  clientOperations,
  isSubscription,
  largest,
  live,
  readmeQueries,
  refusal,
  slug,
  validationError,
} from './support';

/* The documented operations fit the operation limits; operations past them are refused. Shared setup: support.ts. */

describe('the documented operations', () => {
  it('are all found (4 client operations, one of them the answerAdded subscription; 3 README queries)', () => {
    expect(clientOperations).toHaveLength(4);
    expect(clientOperations.filter(({ query }) => isSubscription(query)).map(({ name }) => name)).toEqual([
      'answer-added.graphql',
    ]);
    expect(readmeQueries).toHaveLength(3);
  });

  it.for([...clientOperations, ...readmeQueries])(
    '$name runs at the default limits, even with the largest pages',
    async ({ query }, { server }) => {
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
  it('refuses an operation deeper than MAX_DEPTH (10)', async ({ server }) => {
    // question → answers → edges → node → question → answers → edges → node → question → answers → totalCount
    const at = (levels: string) =>
      `{ question(slug: "${slug}") { answers { edges { node { question { answers { edges { node { question { ${levels} } } } } } } } } } }`;
    expect(await refusal(server, { query: at('id') })).toEqual({ status: 200, errors: undefined }); // depth 10
    expect(await refusal(server, { query: at('answers { totalCount }') })).toEqual(
      validationError('Query depth limit of 10 exceeded, found 11. Select fewer levels of nested fields.'),
    );
  });

  it('does not count fragments as levels', async ({ server }) => {
    const query = `{ question(slug: "${slug}") { answers { edges { node { question { answers { edges { node {
      ... on Answer { question { ...Q } } } } } } } } } } }
      fragment Q on Question { id }`;
    expect(await refusal(server, { query })).toEqual({ status: 200, errors: undefined });
  });

  it('refuses more than MAX_ALIASES (15) aliases', async ({ server }) => {
    const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `t${i}: topics { name }`).join(' ')} }`;
    expect(await refusal(server, { query: aliases(15) })).toEqual({ status: 200, errors: undefined });
    expect(await refusal(server, { query: aliases(16) })).toEqual(
      validationError('Aliases limit of 15 exceeded, found 16. Use fewer aliases, or split the operation.'),
    );
  });

  it('refuses a document of more than MAX_TOKENS (1,000) tokens while parsing it', async ({ server }) => {
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
    expect(await refusal(server, tokens(1000))).toEqual({ status: 200, errors: undefined });
    expect(await refusal(server, tokens(1001))).toEqual({
      status: 400,
      errors: [
        { message: 'Syntax Error: Token limit of 1000 exceeded.', extensions: { code: 'GRAPHQL_PARSE_FAILED' } },
      ],
    });
  });

  it('refuses more than MAX_DIRECTIVES (20) directives', async ({ server }) => {
    const directives = (n: number) => `{ topics { ${'... on Topic @include(if: true) { name } '.repeat(n)}} }`;
    expect(await refusal(server, { query: directives(20) })).toEqual({ status: 200, errors: undefined });
    expect(await refusal(server, { query: directives(21) })).toEqual(
      validationError('Directives limit of 20 exceeded, found 21. Use fewer directives.'),
    );
  });

  it('refuses an operation costing more than MAX_COST (5,000): lists cost their page size', async ({ server }) => {
    // questions: 1 + 100 × (edges 1 + node (1 + answers (1 + 100 × (edges 1 + node (1 + body 1)))))
    const nested =
      'query($n: Int) { questions(first: 100) { edges { node { answers(first: $n) { edges { node { body } } } } } } }';
    expect(await refusal(server, { query: nested, variables: { n: 100 } })).toEqual(
      validationError(
        'Query cost of 30301 exceeds the limit of 5000. Ask for smaller pages (first/last) or fewer nested lists.',
        {
          cost: 30301,
          maxCost: 5000,
        },
      ),
    );
    // The same document with a small page: the cost follows the variables, not a cached verdict.
    expect(await refusal(server, { query: nested, variables: { n: 10 } })).toEqual({ status: 200, errors: undefined });
    // Without `first`, a connection costs the default page of 20: 1 + 100 × (3 + 20 × 3) = 6301.
    expect((await refusal(server, { query: nested })).errors?.[0]?.message).toMatch(/^Query cost of 6301 exceeds/);
  });

  it('leaves the page-size check its own message for a huge `first`', async ({ server }) => {
    const { json } = await post(server.url, { query: '{ questions(first: 1000000) { totalCount } }' });
    expect(json?.errors?.[0]).toMatchObject({
      message: '"first" must be between 0 and 100; got 1000000.',
      extensions: { code: 'BAD_USER_INPUT', field: 'first' },
    });
  });

  it('applies the same limits over WebSocket, as an error for that operation only', async ({ server }) => {
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
