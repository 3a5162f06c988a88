import { encodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueCredential } from '../../src/auth/tokens';
import type { Db } from '../../src/db/client';
import { DEMO_QUESTION_SLUG } from '../../src/server';
import { post, send, type RawResponse } from '../helpers/http';
import { initialisedSocket, rawSocket, type RawSocket } from '../helpers/raw-ws';
import {
  csrfHeaders,
  type GraphQLResponse,
  type GraphQLResponseError,
  startTestServer,
  TEST_LIMITS,
  type TestServer,
} from '../helpers/server';
import { expectData, graphql, sourceOf, type Operation } from '../helpers/graphql';
import { questionIdOf } from '../helpers/world';

/*
 * Bad input of every kind, over HTTP, WebSocket and SSE. Each gets a clear error; the server stays
 * up; and afterwards the database is exactly as it was (every table of the public schema, row for
 * row). Cases that reach mutations carry valid credentials, so that they get past authorization
 * and into validation.
 */

const INIT_TIMEOUT_MS = 300;
let server: TestServer;
let doctor: Record<string, string>;
let staff: Record<string, string>;
let questionId: string;
let before: Snapshot;

type Snapshot = Record<string, { rows: number; md5: string | null }>;

/** Every table of the public schema: its row count and a digest of its contents. */
async function snapshot(db: Db): Promise<Snapshot> {
  const tables = await db.$queryRaw<{ name: string }[]>`
    SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`;
  const result: Snapshot = {};
  for (const { name } of tables) {
    const [row] = await db.$queryRawUnsafe<{ rows: number; md5: string | null }[]>(
      `SELECT count(*)::int AS rows, md5(string_agg(t::text, '|' ORDER BY t::text)) AS md5 FROM "${name}" t`,
    );
    result[name] = row!;
  }
  return result;
}

beforeAll(async () => {
  server = await startTestServer({ limits: { ...TEST_LIMITS, websocket: { initTimeoutMs: INIT_TIMEOUT_MS } } });
  const [doctorRow] = await server.db.doctor.findMany({ where: { verified: true }, take: 1 });
  const staffRow = await server.db.staffMember.findFirstOrThrow();
  doctor = { authorization: `Bearer ${await issueCredential(server.db, { role: 'doctor', doctorId: doctorRow!.id })}` };
  staff = {
    authorization: `Bearer ${await issueCredential(server.db, { role: 'staff', staffMemberId: staffRow.id })}`,
  };
  questionId = await questionIdOf(server, DEMO_QUESTION_SLUG);
  before = await snapshot(server.db);
  expect(Object.keys(before)).toEqual(
    expect.arrayContaining(['question', 'answer', 'answer_edit', 'asker', 'credential']),
  );
});
afterAll(() => server?.stop());

const ASK = graphql(
  `mutation BadInputAskQuestion($input: AskQuestionInput!) { askQuestion(input: $input) { question { id } } }`,
);
const POST_ANSWER = graphql(
  `mutation BadInputPostAnswer($input: PostAnswerInput!) { postAnswer(input: $input) { answer { id } } }`,
);
const EDIT_QUESTION = graphql(
  `mutation BadInputEditQuestion($input: EditQuestionInput!) { editQuestion(input: $input) { question { id } } }`,
);
const BY_SLUG = graphql(`query BadInputQuestion($s: String) { question(slug: $s) { id } }`);
const goodQuestion = { title: 'Is this question well formed?', body: 'It is, apart from one field.' };

/** What a case expects: the HTTP status, and the first error's message (or pattern) and extensions. */
interface Expected {
  status: number;
  message: string | RegExp;
  extensions?: Record<string, unknown>;
}

function expectError(response: RawResponse, { status, message, extensions }: Expected) {
  expect(response.status).toBe(status);
  const error = response.json?.errors?.[0];
  expect(error, response.text).toBeDefined();
  if (typeof message === 'string') expect(error!.message).toBe(message);
  else expect(error!.message).toMatch(message);
  if (extensions) expect(error!.extensions).toEqual(extensions);
  // Nothing unexpected: no masked error, no stack.
  expect(response.text).not.toContain('INTERNAL_SERVER_ERROR');
  expect(response.text).not.toMatch(/\bat .*\.(ts|js):\d+/);
}

const bad = (code: string, field?: string) => ({ code, ...(field ? { field } : {}) });
const gid = (type: string, id: string | number) => encodeGlobalID(type, id);

describe('bad input', () => {
  describe('over HTTP: malformed requests', () => {
    const raw = (body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
      send(server.url, { method: 'POST', headers, body });

    it.each<{ name: string; request: () => Promise<RawResponse>; expected: Expected }>([
      {
        name: 'malformed JSON',
        request: () => raw('{"query": '),
        expected: { status: 400, message: 'POST body sent invalid JSON.' },
      },
      {
        name: 'an empty body',
        request: () => raw(''),
        expected: { status: 400, message: 'POST body sent invalid JSON.' },
      },
      {
        name: 'JSON that is not an object',
        request: () => raw('"{ topics { name } }"'),
        expected: { status: 400, message: /POST body is expected to be object but received string/ },
      },
      {
        name: 'no query',
        request: () => post(server.url, {}),
        expected: { status: 400, message: 'Must provide query string.', extensions: bad('BAD_REQUEST') },
      },
      {
        name: 'a query that is not a string',
        request: () => post(server.url, { query: 1 }),
        expected: {
          status: 400,
          message: 'Expected "query" param to be a string, but given number.',
          extensions: bad('BAD_REQUEST'),
        },
      },
      {
        name: 'variables that are not an object',
        request: () => post(server.url, { query: '{ topics { name } }', variables: 'x' }),
        expected: {
          status: 400,
          message: 'Expected "variables" param to be empty or an object, but given string.',
          extensions: bad('BAD_REQUEST'),
        },
      },
      {
        name: 'unknown parameters',
        request: () => post(server.url, { query: '{ topics { name } }', rootValue: {} }),
        expected: { status: 400, message: /Unexpected parameter "rootValue"/ },
      },
      {
        name: 'a batch',
        request: () => post(server.url, [{ query: '{ topics { name } }' }]),
        expected: { status: 400, message: 'Batching is not supported.', extensions: bad('BAD_REQUEST') },
      },
      {
        name: 'an XML content type',
        request: () => raw('<query/>', { 'content-type': 'application/xml' }),
        expected: {
          status: 415,
          message:
            'Unsupported content type "application/xml": send the operation as JSON, with content-type: application/json.',
          extensions: bad('BAD_REQUEST'),
        },
      },
      {
        name: 'text/plain without the CSRF header',
        request: () => raw('{"query":"{ topics { name } }"}', { 'content-type': 'text/plain' }),
        expected: {
          status: 403,
          message:
            'Refused as a possible cross-site request forgery: a POST with content-type "text/plain" needs the x-graphql-yoga-csrf header. Send the operation as JSON, with content-type: application/json.',
          extensions: bad('BAD_REQUEST'),
        },
      },
      {
        name: 'text/plain with the CSRF header',
        request: () => raw('{"query":"{ topics { name } }"}', { 'content-type': 'text/plain', ...csrfHeaders }),
        expected: { status: 415, message: /^Unsupported content type "text\/plain"/ },
      },
      {
        name: 'multipart (no uploads)',
        request: () =>
          raw('--x\r\nContent-Disposition: form-data; name="operations"\r\n\r\n{}\r\n--x--', {
            'content-type': 'multipart/form-data; boundary=x',
            ...csrfHeaders,
          }),
        expected: { status: 415, message: /^Unsupported content type "multipart\/form-data/ },
      },
      {
        name: 'an Accept header the server cannot satisfy',
        request: () => post(server.url, { query: '{ topics { name } }' }, { accept: 'image/png' }),
        expected: { status: 406, message: /^Cannot answer in any media type the request accepts \("image\/png"\)/ },
      },
      {
        name: 'a PUT',
        request: () => send(server.url, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{}' }),
        expected: { status: 405, message: 'GraphQL only supports GET and POST requests.' },
      },
      {
        name: 'a mutation over GET',
        request: () =>
          send(server.url, {
            path: `/graphql?query=${encodeURIComponent('mutation { hideAnswer(input: { answerId: "x" }) { answerId } }')}`,
            headers: { ...csrfHeaders, ...staff },
          }),
        expected: { status: 405, message: 'Can only perform a mutation operation from a POST request.' },
      },
      {
        name: 'a body over the size limit',
        request: () => post(server.url, { query: BY_SLUG, variables: { s: 'x'.repeat(300_000) } }),
        expected: { status: 413, message: 'Request body too large', extensions: bad('REQUEST_ENTITY_TOO_LARGE') },
      },
    ])('$name', async ({ request, expected }) => {
      expectError(await request(), expected);
    });
  });

  describe('over HTTP: bad operations', () => {
    it.each<{ name: string; body: unknown; headers?: () => Record<string, string>; expected: Expected }>([
      {
        name: 'a syntax error',
        body: { query: '{ topics { name }' },
        expected: {
          status: 400,
          message: 'Syntax Error: Expected Name, found <EOF>.',
          extensions: bad('GRAPHQL_PARSE_FAILED'),
        },
      },
      {
        name: 'an unknown field',
        body: { query: '{ topics { colour } }' },
        expected: {
          status: 400,
          message: 'Cannot query field "colour" on type "Topic".',
          extensions: bad('GRAPHQL_VALIDATION_FAILED'),
        },
      },
      {
        name: 'an unknown directive',
        body: { query: '{ topics @cached { name } }' },
        expected: {
          status: 400,
          message: 'Unknown directive "@cached".',
          extensions: bad('GRAPHQL_VALIDATION_FAILED'),
        },
      },
      {
        name: 'an unknown operation name',
        body: { query: 'query A { topics { name } } query B { specialties { name } }', operationName: 'C' },
        expected: {
          status: 400,
          message: 'Could not determine what operation to execute.',
          extensions: bad('OPERATION_RESOLUTION_FAILURE'),
        },
      },
      {
        name: 'two operations and no name',
        body: { query: 'query A { topics { name } } query B { specialties { name } }' },
        expected: {
          status: 400,
          message: 'Could not determine what operation to execute.',
          extensions: bad('OPERATION_RESOLUTION_FAILURE'),
        },
      },
      {
        name: 'a variable of the wrong type',
        body: { query: 'query($n: Int) { questions(first: $n) { totalCount } }', variables: { n: 'ten' } },
        expected: {
          status: 400,
          message: 'Variable "$n" got invalid value "ten"; Int cannot represent non-integer value: "ten"',
          extensions: bad('BAD_USER_INPUT'),
        },
      },
      {
        name: 'a missing required variable',
        body: { query: 'query($s: String!) { question(slug: $s) { id } }' },
        expected: {
          status: 400,
          message: 'Variable "$s" of required type "String!" was not provided.',
          extensions: bad('BAD_USER_INPUT'),
        },
      },
      {
        name: 'a mutation input of the wrong shape',
        body: { query: POST_ANSWER, variables: { input: { questionId: 'x', body: 7 } } },
        headers: () => doctor,
        expected: {
          status: 400,
          message:
            'Variable "$input" got invalid value 7 at "input.body"; String cannot represent a non string value: 7',
          extensions: bad('BAD_USER_INPUT'),
        },
      },
      {
        name: 'a fragment cycle',
        body: { query: '{ topics { ...A } } fragment A on Topic { name ...B } fragment B on Topic { slug ...A }' },
        expected: {
          status: 400,
          message: 'Cannot spread fragment "A" within itself via "B".',
          extensions: bad('GRAPHQL_VALIDATION_FAILED'),
        },
      },
      {
        name: 'a deep query',
        body: {
          query: `{ question(slug: "x") { ${'answers { edges { node { question { '.repeat(3)}id${' } } } }'.repeat(3)} } }`,
        },
        expected: {
          status: 400,
          message: 'Query depth limit of 10 exceeded, found 14. Select fewer levels of nested fields.',
          extensions: bad('GRAPHQL_VALIDATION_FAILED'),
        },
      },
      {
        name: 'a wide query',
        body: { query: `{ topics { ${'name '.repeat(900)}} }` },
        expected: {
          status: 400,
          message: 'The operation selects too many fields to validate. Select fewer fields, or split the operation.',
          extensions: bad('GRAPHQL_VALIDATION_FAILED'),
        },
      },
      {
        name: 'an alias bomb',
        body: { query: `{ ${Array.from({ length: 100 }, (_, i) => `a${i}: topics { name }`).join(' ')} }` },
        expected: {
          status: 400,
          message: 'Aliases limit of 15 exceeded, found 100. Use fewer aliases, or split the operation.',
          extensions: bad('GRAPHQL_VALIDATION_FAILED'),
        },
      },
      {
        name: 'an alias bomb past the token limit',
        body: { query: `{ ${Array.from({ length: 500 }, (_, i) => `a${i}: topics { name }`).join(' ')} }` },
        expected: {
          status: 400,
          message: 'Syntax Error: Token limit of 1000 exceeded.',
          extensions: bad('GRAPHQL_PARSE_FAILED'),
        },
      },
      {
        name: 'a costly nesting of lists',
        body: {
          query: '{ doctors(first: 100) { edges { node { answers(first: 100) { edges { node { body } } } } } } }',
        },
        expected: { status: 400, message: /^Query cost of 30301 exceeds the limit of 5000\./ },
      },
      {
        name: 'a page too large',
        body: { query: '{ questions(last: 101) { totalCount } }' },
        expected: {
          status: 200,
          message: '"last" must be between 0 and 100; got 101.',
          extensions: bad('BAD_USER_INPUT', 'last'),
        },
      },
    ])('$name', async ({ body, headers, expected }) => {
      expectError(await post(server.url, body, headers?.()), expected);
    });
  });

  describe('over HTTP: bad values', () => {
    const tooLong = (n: number) => 'a'.repeat(n);
    it.each<{ name: string; body: () => unknown; headers?: () => Record<string, string>; expected: Expected }>([
      {
        name: 'an oversized question body',
        body: () => ({ query: ASK, variables: { input: { ...goodQuestion, body: tooLong(5001) } } }),
        expected: {
          status: 200,
          message: '"body" must have at most 5000 characters',
          extensions: bad('BAD_USER_INPUT', 'body'),
        },
      },
      {
        name: 'an oversized title',
        body: () => ({ query: ASK, variables: { input: { ...goodQuestion, title: tooLong(201) } } }),
        expected: {
          status: 200,
          message: '"title" must have at most 200 characters',
          extensions: bad('BAD_USER_INPUT', 'title'),
        },
      },
      {
        name: 'an oversized answer',
        body: () => ({ query: POST_ANSWER, variables: { input: { questionId, body: tooLong(10_001) } } }),
        headers: () => doctor,
        expected: {
          status: 200,
          message: '"body" must have at most 10000 characters',
          extensions: bad('BAD_USER_INPUT', 'body'),
        },
      },
      {
        name: 'an oversized search',
        body: () => ({
          query: 'query($s: String) { questions(filter: { search: $s }) { totalCount } }',
          variables: { s: tooLong(201) },
        }),
        expected: {
          status: 200,
          message: '"search" must have between 1 and 200 characters.',
          extensions: bad('BAD_USER_INPUT', 'search'),
        },
      },
      {
        name: 'an oversized slug',
        body: () => ({ query: BY_SLUG, variables: { s: tooLong(100_000) } }),
        expected: { status: 200, message: /^No question with slug "a+"\.$/, extensions: bad('NOT_FOUND') },
      },
      {
        name: 'NUL in a title',
        body: () => ({ query: ASK, variables: { input: { ...goodQuestion, title: 'Is it \u0000 permanent?' } } }),
        expected: {
          status: 200,
          message: '"title" must not contain NUL characters',
          extensions: bad('BAD_USER_INPUT', 'title'),
        },
      },
      {
        name: 'NUL in an answer',
        body: () => ({ query: POST_ANSWER, variables: { input: { questionId, body: 'Yes.\u0000' } } }),
        headers: () => doctor,
        expected: {
          status: 200,
          message: '"body" must not contain NUL characters',
          extensions: bad('BAD_USER_INPUT', 'body'),
        },
      },
      {
        name: 'NUL in a topic slug',
        body: () => ({ query: ASK, variables: { input: { ...goodQuestion, topics: ['hair\u0000treatments'] } } }),
        expected: {
          status: 200,
          message: 'Text arguments must not contain NUL characters (U+0000).',
          extensions: bad('BAD_USER_INPUT'),
        },
      },
      {
        name: 'NUL in a slug lookup',
        body: () => ({ query: BY_SLUG, variables: { s: 'is-\u0000' } }),
        expected: {
          status: 200,
          message: 'Text arguments must not contain NUL characters (U+0000).',
          extensions: bad('BAD_USER_INPUT'),
        },
      },
      {
        name: 'NUL in a filter',
        body: () => ({ query: '{ doctors(filter: { country: "In\\u0000dia" }) { totalCount } }' }),
        expected: {
          status: 200,
          message: 'Text arguments must not contain NUL characters (U+0000).',
          extensions: bad('BAD_USER_INPUT'),
        },
      },
      {
        name: 'NUL in a search',
        body: () => ({
          query: 'query($s: String) { questions(filter: { search: $s }) { totalCount } }',
          variables: { s: 'hair\u0000' },
        }),
        expected: {
          status: 200,
          message: 'Text arguments must not contain NUL characters (U+0000).',
          extensions: bad('BAD_USER_INPUT'),
        },
      },
      {
        name: 'a lone surrogate in a question body',
        body: () => ({
          query: ASK,
          variables: { input: { ...goodQuestion, body: 'Half an emoji: \ud83d, and more.' } },
        }),
        expected: {
          status: 200,
          message: '"body" must be valid Unicode text (no unpaired surrogates)',
          extensions: bad('BAD_USER_INPUT', 'body'),
        },
      },
      {
        name: 'a lone surrogate in an answer',
        body: () => ({ query: POST_ANSWER, variables: { input: { questionId, body: '\udc00 backwards \ud83d' } } }),
        headers: () => doctor,
        expected: {
          status: 200,
          message: '"body" must be valid Unicode text (no unpaired surrogates)',
          extensions: bad('BAD_USER_INPUT', 'body'),
        },
      },
      {
        // No slug can have one, so the lookup finds nothing; it is not an error of the server.
        name: 'a lone surrogate in a slug lookup',
        body: () => ({ query: BY_SLUG, variables: { s: 'is-\ud800' } }),
        expected: { status: 200, message: 'No question with slug "is-\ud800".', extensions: bad('NOT_FOUND') },
      },
      {
        name: 'emoji and right-to-left text in a slug lookup',
        body: () => ({ query: BY_SLUG, variables: { s: '🧑‍⚕️-שלום-مرحبا' } }),
        expected: { status: 200, message: 'No question with slug "🧑‍⚕️-שלום-مرحبا".', extensions: bad('NOT_FOUND') },
      },
      {
        name: 'an editQuestion with neither title nor body',
        body: () => ({ query: EDIT_QUESTION, variables: { input: { questionId } } }),
        headers: () => staff,
        expected: {
          status: 200,
          message: /^"title" or "body" must be given/,
          extensions: bad('BAD_USER_INPUT', 'title'),
        },
      },
    ])('$name', async ({ body, headers, expected }) => {
      expectError(await post(server.url, body(), headers?.()), expected);
    });

    it('invalid UTF-8 bytes in the body become U+FFFD, and a lookup finds nothing', async () => {
      const body = Buffer.concat([
        Buffer.from('{"query":"{ question(slug: \\"is-'),
        Buffer.from([0xff, 0xfe]),
        Buffer.from('\\") { id } }"}'),
      ]);
      const response = await send(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      expectError(response, {
        status: 200,
        message: 'No question with slug "is-\ufffd\ufffd".',
        extensions: bad('NOT_FOUND'),
      });
    });
  });

  describe('over HTTP: invalid global IDs and cursors', () => {
    it.each<{ name: string; body: () => unknown; headers?: () => Record<string, string>; expected: Expected }>([
      {
        name: 'node(id:) with garbage',
        body: () => ({ query: '{ node(id: "garbage") { id } }' }),
        expected: { status: 200, message: 'Invalid global ID: garbage', extensions: bad('BAD_USER_INPUT') },
      },
      {
        name: 'nodes(ids:) with garbage',
        body: () => ({ query: '{ nodes(ids: ["x"]) { id } }' }),
        expected: { status: 200, message: 'Invalid global ID: x', extensions: bad('BAD_USER_INPUT') },
      },
      {
        name: 'question(id:) with the ID of a doctor',
        body: () => ({ query: `{ question(id: "${gid('Doctor', 1)}") { id } }` }),
        expected: {
          status: 200,
          message: `"${gid('Doctor', 1)}" is the ID of a Doctor, not of a Question.`,
          extensions: bad('BAD_USER_INPUT', 'id'),
        },
      },
      {
        name: 'question(id:) with a non-numeric id',
        body: () => ({ query: `{ question(id: "${gid('Question', 'abc')}") { id } }` }),
        expected: {
          status: 200,
          message: `"${gid('Question', 'abc')}" is not a valid Question ID.`,
          extensions: bad('BAD_USER_INPUT', 'id'),
        },
      },
      {
        name: 'question(id:) with a huge id',
        body: () => ({ query: `{ question(id: "${gid('Question', '99999999999999999999')}") { id } }` }),
        expected: {
          status: 200,
          message: `"${gid('Question', '99999999999999999999')}" is not a valid Question ID.`,
          extensions: bad('BAD_USER_INPUT', 'id'),
        },
      },
      {
        name: 'question(id:) that does not exist',
        body: () => ({ query: `{ question(id: "${gid('Question', 999999)}") { id } }` }),
        expected: {
          status: 200,
          message: `No question with ID "${gid('Question', 999999)}".`,
          extensions: bad('NOT_FOUND'),
        },
      },
      {
        name: 'postAnswer to a garbage question ID',
        body: () => ({ query: POST_ANSWER, variables: { input: { questionId: 'not-an-id', body: 'An answer.' } } }),
        headers: () => doctor,
        expected: {
          status: 200,
          message: '"not-an-id" is not a valid ID.',
          extensions: bad('BAD_USER_INPUT', 'questionId'),
        },
      },
      {
        name: 'postAnswer to the ID of an answer',
        body: () => ({
          query: POST_ANSWER,
          variables: { input: { questionId: gid('Answer', 1), body: 'An answer.' } },
        }),
        headers: () => doctor,
        expected: {
          status: 200,
          message: `"${gid('Answer', 1)}" is the ID of an Answer, not of a Question.`,
          extensions: bad('BAD_USER_INPUT', 'questionId'),
        },
      },
      {
        name: 'a garbage cursor',
        body: () => ({ query: '{ questions(after: "garbage") { totalCount } }' }),
        expected: { status: 200, message: 'Invalid cursor: garbage', extensions: bad('BAD_USER_INPUT') },
      },
      {
        name: 'a cursor of another shape',
        body: () => ({
          query: `{ question(slug: "${DEMO_QUESTION_SLUG}") { answers(before: "${Buffer.from('OffsetConnection:3').toString('base64')}") { totalCount } } }`,
        }),
        expected: { status: 200, message: /^Invalid cursor/, extensions: bad('BAD_USER_INPUT') },
      },
    ])('$name', async ({ body, headers, expected }) => {
      expectError(await post(server.url, body(), headers?.()), expected);
    });
  });

  describe('over WebSocket', () => {
    const subscribeMessage = (
      id: string,
      query: Operation<unknown, never>,
      variables: Record<string, unknown> = {},
    ) => ({
      id,
      type: 'subscribe',
      payload: { query: sourceOf(query), variables },
    });
    const closesWith = async (socket: RawSocket, code: number, reason: string) => {
      expect(await socket.closed).toEqual({ code, reason });
    };

    it('closes with 4406 without the graphql-transport-ws subprotocol', async () => {
      await closesWith(await rawSocket(server.url, null), 4406, 'Subprotocol not acceptable');
    });

    it('closes with 4400 on a message that is not JSON', async () => {
      const socket = await rawSocket(server.url);
      socket.send('{ not json');
      await closesWith(socket, 4400, 'Invalid message received');
    });

    it('closes with 4400 on a message without a type, of an unknown type, or a binary one', async () => {
      for (const message of [{ id: '1' }, { type: 'hello' }, [1, 2, 3], Buffer.from([0xde, 0xad, 0xbe, 0xef])]) {
        const socket = await rawSocket(server.url);
        socket.send(message);
        await closesWith(socket, 4400, 'Invalid message received');
      }
    });

    it('closes with 4400 on a subscribe whose query is not a string', async () => {
      const socket = await initialisedSocket(server.url);
      socket.send({ id: '1', type: 'subscribe', payload: { query: { kind: 'Document' } } });
      await closesWith(socket, 4400, 'Invalid message received');
    });

    it('closes with 4401 on a subscribe before connection_init', async () => {
      const socket = await rawSocket(server.url);
      socket.send(subscribeMessage('1', '{ topics { name } }'));
      await closesWith(socket, 4401, 'Unauthorized');
    });

    it(`closes with 4408 when connection_init does not come within ${INIT_TIMEOUT_MS} ms`, async () => {
      const socket = await rawSocket(server.url);
      await closesWith(socket, 4408, 'Connection initialisation timeout');
    });

    it('closes with 4429 on a second connection_init', async () => {
      const socket = await initialisedSocket(server.url);
      socket.send({ type: 'connection_init' });
      await closesWith(socket, 4429, 'Too many initialisation requests');
    });

    it('closes with 4409 on two subscriptions with one id', async () => {
      const socket = await initialisedSocket(server.url);
      const feed = 'subscription($q: ID!) { answerAdded(questionId: $q) { cursor } }';
      socket.send(subscribeMessage('dup', feed, { q: questionId }));
      socket.send(subscribeMessage('dup', feed, { q: questionId }));
      await closesWith(socket, 4409, 'Subscriber for dup already exists');
    });

    it('closes with 4403 on an invalid token in connection_init', async () => {
      const socket = await rawSocket(server.url);
      socket.send({ type: 'connection_init', payload: { authorization: 'Bearer mqa_nope' } });
      await closesWith(socket, 4403, 'Forbidden');
    });

    it('closes with 1009 on a message over the size limit', async () => {
      const socket = await initialisedSocket(server.url);
      socket.send(subscribeMessage('big', BY_SLUG, { s: 'x'.repeat(300_000) }));
      expect((await socket.closed).code).toBe(1009);
    });

    it('answers bad operations with an error for that operation, and keeps the socket', async () => {
      const socket = await initialisedSocket(server.url, { authorization: doctor.authorization });
      const cases: [string, Operation<unknown, never>, Record<string, unknown>, Record<string, unknown>][] = [
        [
          'syntax',
          'subscription {',
          {},
          { message: 'Syntax Error: Expected Name, found <EOF>.', extensions: { code: 'GRAPHQL_PARSE_FAILED' } },
        ],
        [
          'unknown-field',
          'subscription { answerRemoved { id } }',
          {},
          { extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } },
        ],
        [
          'two-roots',
          `subscription($q: ID!) { answerAdded(questionId: $q) { cursor } answerUpdated(questionId: $q) { kind } }`,
          { q: questionId },
          { message: 'Anonymous Subscription must select only one top level field.' },
        ],
        [
          'bad-id',
          'subscription { answerAdded(questionId: "x") { cursor } }',
          {},
          { message: '"x" is not a valid ID.', extensions: { code: 'BAD_USER_INPUT', field: 'questionId' } },
        ],
        [
          'bad-cursor',
          'subscription($q: ID!) { answerAdded(questionId: $q, after: "zzz") { cursor } }',
          { q: questionId },
          { extensions: { code: 'BAD_USER_INPUT', field: 'after' } },
        ],
        [
          'wrong-variable',
          'subscription($q: ID!) { answerAdded(questionId: $q) { cursor } }',
          { q: { id: 1 } },
          { extensions: { code: 'BAD_USER_INPUT' } },
        ],
        [
          'bad-mutation',
          POST_ANSWER,
          { input: { questionId, body: '\u0000' } },
          { message: '"body" must not contain NUL characters', extensions: { code: 'BAD_USER_INPUT', field: 'body' } },
        ],
      ];
      for (const [id, query, variables] of cases) socket.send(subscribeMessage(id, query, variables));
      for (const [id, , , error] of cases) {
        const reply = await socket.next(
          (message) => message.id === id && (message.type === 'error' || message.type === 'next'),
        );
        // An 'error' message carries the errors; a 'next' one, a result with errors.
        const errors =
          reply.type === 'error'
            ? (reply.payload as GraphQLResponseError[])
            : (reply.payload as GraphQLResponse).errors;
        expect(errors?.[0], `${id}: ${JSON.stringify(reply)}`).toMatchObject(error);
        expect(errors![0]!.extensions?.http, id).toBeUndefined();
      }
      socket.send({ type: 'ping' });
      await socket.next((message) => message.type === 'pong');
      socket.close();
    });
  });

  describe('over SSE', () => {
    const sse = (body: string, headers: Record<string, string> = {}) =>
      send(server.url, {
        method: 'POST',
        headers: { accept: 'text/event-stream', 'content-type': 'application/json', ...headers },
        body,
      });
    /** The errors of the first `next` event of a stream. */
    const firstErrors = (response: RawResponse) => {
      const data = /event: next\ndata: (.*)\n/.exec(response.text)?.[1];
      return data ? JSON.parse(data).errors : undefined;
    };

    it.each<{ name: string; request: () => Promise<RawResponse>; status: number; error: Record<string, unknown> }>([
      {
        name: 'malformed JSON',
        request: () => sse('{"query":'),
        status: 200,
        error: {
          message: 'POST body sent invalid JSON.',
          extensions: expect.objectContaining({ code: 'BAD_REQUEST' }),
        },
      },
      {
        // A GET needs no CSRF header (src/plugins/csrf.ts); a simple-content-type POST still does.
        name: 'a text/plain POST without the CSRF header',
        request: () =>
          sse(JSON.stringify({ query: `subscription { answerAdded(questionId: "${questionId}") { cursor } }` }), {
            'content-type': 'text/plain',
          }),
        status: 403,
        error: { message: /^Refused as a possible cross-site request forgery/, extensions: { code: 'BAD_REQUEST' } },
      },
      {
        name: 'a syntax error',
        request: () => sse(JSON.stringify({ query: 'subscription {' })),
        status: 200,
        error: { extensions: { code: 'GRAPHQL_PARSE_FAILED' } },
      },
      {
        name: 'an invalid question ID',
        request: () => sse(JSON.stringify({ query: 'subscription { answerAdded(questionId: "x") { cursor } }' })),
        status: 200,
        error: { extensions: { code: 'BAD_USER_INPUT', field: 'questionId' } },
      },
      {
        name: 'an invalid cursor',
        request: () =>
          sse(
            JSON.stringify({
              query: `subscription { answerAdded(questionId: "${questionId}", after: "zzz") { cursor } }`,
            }),
          ),
        status: 200,
        error: { extensions: { code: 'BAD_USER_INPUT', field: 'after' } },
      },
      {
        name: 'a deep subscription',
        request: () =>
          sse(
            JSON.stringify({
              query: `subscription { answerAdded(questionId: "${questionId}") { node { ${'question { answers { edges { node { '.repeat(3)}id${' } } } }'.repeat(3)} } } }`,
            }),
          ),
        status: 200,
        error: { message: /^Query depth limit of 10 exceeded/, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } },
      },
    ])('$name', async ({ request, status, error }) => {
      const response = await request();
      expect(response.status).toBe(status);
      const errors = firstErrors(response);
      expect(errors?.[0], response.text).toMatchObject(error);
    });
  });

  it('leaves the server up and the database exactly as it was', async () => {
    expect((await send(server.url, { path: '/healthz' })).status).toBe(200);
    const data = expectData(
      await server.request(
        graphql(
          `query BadInputUnchanged($slug: String!) { question(slug: $slug) { title answers(first: 20) { totalCount } } }`,
        ),
        { slug: DEMO_QUESTION_SLUG },
      ),
    );
    expect(data.question).toEqual({ title: 'Is scalp micropigmentation permanent?', answers: { totalCount: 5 } });
    expect(await snapshot(server.db)).toEqual(before);
  });
});

describe('text comes back exactly as written, as text', () => {
  const title = 'Hair loss 😀🧑🏽‍⚕️ after COVID: שלום مرحبا — permanent?';
  const body =
    'Is this <script>alert("xss")</script> inert? <b>bold</b> &amp; 𝄞 \u202Eright-to-left override\u202C, e\u0301.';

  it('stores a question and an answer byte for byte, and returns them as JSON strings', async () => {
    const asked = await post(server.url, {
      query: graphql(
        `mutation BadInputAsk($input: AskQuestionInput!) { askQuestion(input: $input) { question { id slug title body } } }`,
      ),
      variables: { input: { title, body } },
    });
    const question = expectData(asked.json!).askQuestion.question;
    expect(question).toMatchObject({ title, body });
    const answerBody = `${body} 👍🏿 תודה`;
    const posted = await post(
      server.url,
      {
        query: 'mutation($input: PostAnswerInput!) { postAnswer(input: $input) { answer { body } } }',
        variables: { input: { questionId: question.id, body: answerBody } },
      },
      doctor,
    );
    expect(posted.json?.data).toEqual({ postAnswer: { answer: { body: answerBody } } });

    // Stored as written.
    const stored = await server.db.question.findUniqueOrThrow({
      where: { slug: question.slug },
      include: { answers: true },
    });
    expect(stored.title).toBe(title);
    expect(stored.body).toBe(body);
    expect(stored.answers.map((a) => a.body)).toEqual([answerBody]);

    // Read back as JSON, where the markup is only characters of a string: never HTML.
    const page = await post(server.url, {
      query: graphql(
        `query BadInputAsWritten($slug: String!) { question(slug: $slug) { title body answers { edges { node { body } } } } }`,
      ),
      variables: { slug: question.slug },
    });
    expect(page.headers.get('content-type')).toBe('application/graphql-response+json; charset=utf-8');
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.json?.data?.question).toEqual({ title, body, answers: { edges: [{ node: { body: answerBody } }] } });
    expect(page.text).toContain(JSON.stringify(body).slice(1, -1));
  });
});
