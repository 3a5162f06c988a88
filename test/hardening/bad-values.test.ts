import { expect } from 'vitest';
import { DEMO_QUESTION_SLUG } from '../../src/server';
import WebSocket from 'ws';
import { eventually } from '../helpers/live';
import { it } from '../helpers/world';
import type { TestServer } from '../helpers/server';

/*
 * Values that used to be server errors (HTTP 500 with a stack trace logged, "Unexpected error.",
 * or an error without a code): each is now the client's error, with a code.
 */

const b64 = (text: string) => Buffer.from(text).toString('base64');

async function post(server: TestServer, query: string, variablesJson = '{}') {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: `{"query":${JSON.stringify(query)},"variables":${variablesJson}}`,
  });
  const body = (await response.json()) as { errors?: { message: string; extensions?: Record<string, unknown> }[] };
  return {
    status: response.status,
    error: body.errors?.[0] && { message: body.errors[0].message, extensions: body.errors[0].extensions },
  };
}

/** A 12 KB JSON depth bomb: 6,000 nested arrays (as text: even this test could not stringify it). */
const bomb = `${'['.repeat(6_000)}1${']'.repeat(6_000)}`;

const tooDeep = {
  message: 'Request values may be nested at most 32 levels deep.',
  extensions: { code: 'BAD_REQUEST' },
};

it('refuses a depth bomb in a variable, used or not, with 400 BAD_REQUEST', async ({ server }) => {
  expect(await post(server, '{ topics { name } }', `{"unused":${bomb}}`)).toEqual({ status: 400, error: tooDeep });
  expect(await post(server, 'query($x: String) { question(slug: $x) { title } }', `{"x":${bomb}}`)).toEqual({
    status: 400,
    error: tooDeep,
  });
});

it('refuses a depth bomb over WebSocket as an error of that operation; the socket goes on', async ({ server }) => {
  const ws = new WebSocket(`${server.url.replace('http', 'ws')}/graphql`, 'graphql-transport-ws');
  const messages: { id?: string; type: string; payload?: unknown }[] = [];
  ws.on('message', (data) => messages.push(JSON.parse(data.toString())));
  await new Promise((resolve) => ws.once('open', resolve));
  ws.send(JSON.stringify({ type: 'connection_init' }));
  await eventually(() => messages.length === 1, 10_000, 'connection_ack');
  ws.send(`{"id":"1","type":"subscribe","payload":{"query":"{ topics { name } }","variables":{"unused":${bomb}}}}`);
  ws.send(JSON.stringify({ id: '2', type: 'subscribe', payload: { query: '{ specialties { slug } }' } }));
  await eventually(() => messages.some((m) => m.id === '2' && m.type === 'complete'), 10_000, 'the second operation');
  expect(messages.find((m) => m.id === '1')).toEqual({ id: '1', type: 'error', payload: [tooDeep] });
  expect(ws.readyState).toBe(WebSocket.OPEN);
  ws.close();
});

const cases: [string, string, { status: number; error: unknown }][] = [
  [
    'a cursor holding text',
    `{ questions(after: "${b64('GPC:S:abc')}") { totalCount } }`,
    cursorError(b64('GPC:S:abc')),
  ],
  [
    'a cursor past PostgreSQL integers',
    `{ questions(after: "${b64('GPC:N:2147483648')}") { totalCount } }`,
    cursorError(b64('GPC:N:2147483648')),
  ],
  [
    'a cursor holding a fraction',
    `{ questions(after: "${b64('GPC:N:1.5')}") { totalCount } }`,
    cursorError(b64('GPC:N:1.5')),
  ],
  [
    'a nested connection cursor holding text',
    `{ question(slug: "${DEMO_QUESTION_SLUG}") { answers(before: "${b64('GPC:S:x')}", last: 1) { totalCount } } }`,
    {
      status: 200,
      error: {
        message: `"${b64('GPC:S:x')}" is not a cursor of this list.`,
        extensions: { code: 'BAD_USER_INPUT', field: 'before' },
      },
    },
  ],
  ['question(id: Question:abc)', `{ question(id: "${b64('Question:abc')}") { title } }`, idError('Question:abc', 'id')],
  [
    'question(id: Question:2147483648)',
    `{ question(id: "${b64('Question:2147483648')}") { title } }`,
    idError('Question:2147483648', 'id'),
  ],
  ['node(id: Question:abc)', `{ node(id: "${b64('Question:abc')}") { id } }`, idError('Question:abc', 'id')],
  [
    'node(id: Question:2147483648)',
    `{ node(id: "${b64('Question:2147483648')}") { id } }`,
    idError('Question:2147483648', 'id'),
  ],
  [
    'nodes with one bad id',
    `{ nodes(ids: ["${b64('Question:1')}", "${b64('Question:-1')}"]) { id } }`,
    idError('Question:-1', 'ids'),
  ],
  ['node of a private type', `{ node(id: "${b64('Asker:1')}") { id } }`, notFound('Asker:1')],
  ['node of a made-up type', `{ node(id: "${b64('Foo:1')}") { id } }`, notFound('Foo:1')],
];

it.for(cases)('answers %s with a code', async ([_name, query, expected], { server }) => {
  expect(await post(server, query)).toEqual(expected);
});

function cursorError(cursor: string) {
  return {
    status: 200,
    error: {
      message: `"${cursor}" is not a cursor of this list.`,
      extensions: { code: 'BAD_USER_INPUT', field: 'after' },
    },
  };
}
function idError(raw: string, field: string) {
  return {
    status: 200,
    error: { message: `"${b64(raw)}" is not a valid Question ID.`, extensions: { code: 'BAD_USER_INPUT', field } },
  };
}
function notFound(raw: string) {
  return { status: 200, error: { message: `No node with ID "${b64(raw)}".`, extensions: { code: 'NOT_FOUND' } } };
}
