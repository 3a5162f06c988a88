import { EventSource } from 'eventsource';
import { describe, expect } from 'vitest';
import { issueCredential } from '../../src/auth/tokens';
import { corsFor } from '../../src/plugins/cors';
import { DEMO_QUESTION_SLUG } from '../../src/server';
import { bearer, send } from '../helpers/http';
import { eventually } from '../helpers/live';
import { expectData } from '../helpers/graphql';
import { it, questionIdOf, test } from '../helpers/world';
import type { TestServer } from '../helpers/server';

/*
 * Clients as they come out of the box, over real HTTP: the requests urql, Apollo and a browser
 * EventSource make by default work with no extra header; a cross-site-style simple POST is
 * refused with a code and changes nothing; CORS answers configured origins only.
 */

const APP_ORIGIN = 'https://app.example.test';
let doctor: Record<string, string>;
let questionId: string;

test.override({ serverOptions: { corsOrigins: [APP_ORIGIN] } });
test.beforeAll(async ({ server }) => {
  const row = await server.db.doctor.findUniqueOrThrow({ where: { slug: 'harish-kumar-kabilan' } });
  doctor = bearer(await issueCredential(server.db, { role: 'doctor', doctorId: row.id }));
  questionId = await questionIdOf(server, DEMO_QUESTION_SLUG);
});

const PAGE = 'query QuestionPage($slug: String!) { question(slug: $slug) { title answerCount } }';
const POST_ANSWER = 'mutation PostAnswer($input: PostAnswerInput!) { postAnswer(input: $input) { answer { id } } }';
const ANSWER_ADDED =
  'subscription AnswerAdded($questionId: ID!) { answerAdded(questionId: $questionId) { node { body author { ... on Doctor { name } } } } }';
const SEED_TITLE = 'Is scalp micropigmentation permanent?';

/** A GET URL as urql and Apollo build it: query, operationName and JSON variables as parameters. */
function getUrl(server: TestServer, query: string, operationName: string, variables: Record<string, unknown>): string {
  const params = new URLSearchParams({ query, operationName, variables: JSON.stringify(variables) });
  return `${server.url}/graphql?${params}`;
}

const answerCount = (server: TestServer) => server.db.answer.count();

describe('default client requests', () => {
  it("urql's default: a query over GET, with urql's Accept header and nothing else", async ({ server }) => {
    const response = await fetch(getUrl(server, PAGE, 'QuestionPage', { slug: DEMO_QUESTION_SLUG }), {
      headers: {
        accept:
          'application/graphql-response+json, application/graphql+json, application/json, text/event-stream, multipart/mixed',
      },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/graphql-response+json; charset=utf-8');
    expect(await response.json()).toEqual({
      data: { question: { title: SEED_TITLE, answerCount: expect.any(Number) } },
    });
  });

  it("Apollo's defaults: a JSON POST, and a GET query (useGETForQueries)", async ({ server }) => {
    const accept = 'application/graphql-response+json,application/json;q=0.9';
    const viaPost = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { accept, 'content-type': 'application/json' },
      body: JSON.stringify({ operationName: 'QuestionPage', query: PAGE, variables: { slug: DEMO_QUESTION_SLUG } }),
    });
    const viaGet = await fetch(getUrl(server, PAGE, 'QuestionPage', { slug: DEMO_QUESTION_SLUG }), {
      headers: { accept },
    });
    for (const response of [viaPost, viaGet]) {
      expect(response.status).toBe(200);
      expect((await response.json()).data.question.title).toBe(SEED_TITLE);
    }
  });

  it('an EventSource (GET, accept: text/event-stream, no other header) receives a public subscription', async ({
    server,
  }) => {
    const source = new EventSource(getUrl(server, ANSWER_ADDED, 'AnswerAdded', { questionId }));
    const received: unknown[] = [];
    const failures: string[] = [];
    source.addEventListener('next', (event) => received.push(JSON.parse(event.data)));
    source.addEventListener('error', (event) => failures.push(`${event.code ?? ''} ${event.message ?? ''}`));
    try {
      await eventually(() => server.pubSub.listenerCount() === 1, 10_000, 'the EventSource subscription');
      expectData(await server.request(POST_ANSWER, { input: { questionId, body: 'Seen by an EventSource.' } }, doctor));
      await eventually(() => received.length > 0, 10_000, 'the answer over SSE');
      expect(received).toEqual([
        {
          data: {
            answerAdded: { node: { body: 'Seen by an EventSource.', author: { name: 'Dr. Harish Kumar Kabilan' } } },
          },
        },
      ]);
      expect(failures).toEqual([]);
    } finally {
      source.close();
    }
    await eventually(() => server.pubSub.listenerCount() === 0, 10_000, 'the subscription to end');
  });
  it.for<[string]>([['variables'], ['extensions']])(
    'a GET whose %s parameter is not JSON gets 400 BAD_REQUEST',
    async ([name], { server }) => {
      const response = await send(server.url, {
        path: `/graphql?${new URLSearchParams({ query: PAGE, [name]: '{"slug":' })}`,
      });
      expect(response.status).toBe(400);
      expect(response.json).toEqual({
        errors: [
          {
            message: `The "${name}" parameter is not valid JSON: send it URL-encoded, as JSON.stringify writes it.`,
            extensions: { code: 'BAD_REQUEST' },
          },
        ],
      });
    },
  );
});

describe('a path that serves nothing', () => {
  it('gets 404 NOT_FOUND saying where GraphQL is', async ({ server }) => {
    const response = await send(server.url, { path: '/graphq?query=%7Btopics%7Bslug%7D%7D' });
    expect(response.status).toBe(404);
    expect(response.json).toEqual({
      errors: [{ message: 'Nothing at /graphq: GraphQL is served at /graphql.', extensions: { code: 'NOT_FOUND' } }],
    });
  });
});

describe('CSRF: no mutation can be triggered cross-site', () => {
  const mutation = () => JSON.stringify({ query: POST_ANSWER, variables: { input: { questionId, body: 'Forged.' } } });

  it.for<[string, () => string]>([
    ['text/plain', mutation],
    ['application/x-www-form-urlencoded', () => new URLSearchParams({ query: POST_ANSWER }).toString()],
    [
      'multipart/form-data; boundary=x',
      () => `--x\r\nContent-Disposition: form-data; name="query"\r\n\r\n${POST_ANSWER}\r\n--x--`,
    ],
  ])(
    'a simple POST (%s), as an HTML form or no-cors fetch sends it, is refused with a code',
    async ([contentType, body], { server }) => {
      const before = await answerCount(server);
      // Even with a credential attached (a browser would not attach one cross-site).
      const response = await send(server.url, {
        method: 'POST',
        headers: { 'content-type': contentType, origin: 'https://evil.example.test', ...doctor },
        body: body(),
      });
      expect(response.status).toBe(403);
      expect(response.json).toEqual({
        errors: [
          {
            message: `Refused as a possible cross-site request forgery: a POST with content-type ${JSON.stringify(contentType)} needs the x-graphql-yoga-csrf header. Send the operation as JSON, with content-type: application/json.`,
            extensions: { code: 'BAD_REQUEST' },
          },
        ],
      });
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
      expect(await answerCount(server)).toBe(before);
    },
  );

  it('a POST with no content type is refused the same way', async ({ server }) => {
    const response = await send(server.url, { method: 'POST', body: mutation() });
    expect(response.status).toBe(403);
    expect(response.json?.errors?.[0]?.extensions).toEqual({ code: 'BAD_REQUEST' });
  });

  it.for<[string]>([['application/json'], ['text/event-stream']])(
    'a mutation over GET (accept %s) is refused before it runs',
    async ([accept], { server }) => {
      const before = await answerCount(server);
      const response = await send(server.url, {
        path: `/graphql?${new URLSearchParams({ query: POST_ANSWER, variables: JSON.stringify({ input: { questionId, body: 'Forged.' } }) })}`,
        headers: { accept, ...doctor },
      });
      expect(response.status).toBe(405);
      expect(response.text).toContain('"message":"Can only perform a mutation operation from a POST request."');
      expect(response.text).toContain('"extensions":{"code":"BAD_REQUEST"}');
      expect(await answerCount(server)).toBe(before);
    },
  );
});

describe('CORS', () => {
  const preflight = (server: TestServer, origin: string) =>
    send(server.url, {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,content-type',
      },
    });

  it('lets a configured origin through a preflight, without credentials mode', async ({ server }) => {
    const response = await preflight(server, APP_ORIGIN);
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN);
    expect(response.headers.get('access-control-allow-methods')).toBe('GET, POST');
    expect(response.headers.get('access-control-allow-headers')).toBe('authorization,content-type');
    expect(response.headers.get('access-control-max-age')).toBe('600');
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('answers any other origin without CORS headers, so the browser stops there', async ({ server }) => {
    const response = await preflight(server, 'https://evil.example.test');
    expect(response.status).toBe(204);
    expect([...response.headers.keys()].filter((name) => name.startsWith('access-control-'))).toEqual([]);
    const get = await fetch(getUrl(server, PAGE, 'QuestionPage', { slug: DEMO_QUESTION_SLUG }), {
      headers: { origin: 'https://evil.example.test' },
    });
    expect(get.headers.get('access-control-allow-origin')).toBeNull();
    await get.body?.cancel();
  });

  it('exposes x-request-id and Retry-After to browser code of a configured origin', async ({ server }) => {
    const response = await fetch(getUrl(server, PAGE, 'QuestionPage', { slug: DEMO_QUESTION_SLUG }), {
      headers: { origin: APP_ORIGIN },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN);
    expect(response.headers.get('access-control-expose-headers')).toBe('x-request-id, retry-after');
    expect(response.headers.get('x-request-id')).toMatch(/^[\w-]+$/);
    await response.body?.cancel();
  });

  it('allows no origin when none is configured (the default), and any with "*"', () => {
    const from = (origin: string) => new Request('http://api.test/graphql', { headers: { origin } });
    const none = corsFor([]);
    const any = corsFor(['*']);
    expect(typeof none === 'function' && none(from(APP_ORIGIN))).toBe(false);
    expect(typeof any === 'function' && any(from('https://anywhere.test'))).toMatchObject({
      origin: ['https://anywhere.test'],
      credentials: false,
    });
  });
});
