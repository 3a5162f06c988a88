import { describe, expect } from 'vitest';
import { send, type RawResponse } from '../../helpers/http';
import { initialisedSocket, rawSocket, type RawSocket } from '../../helpers/raw-ws';
import type { GraphQLResponse, GraphQLResponseError, TestServer } from '../../helpers/server';
import { sourceOf, type Operation } from '../../helpers/graphql';
import {
  type BadInputContext,
  BY_SLUG,
  INIT_TIMEOUT_MS,
  it,
  itLeavesEverythingAsItWas,
  POST_ANSWER,
  serverOptions,
} from './support';

/* Bad input over WebSocket and SSE (support.ts says what each file checks). */

it.override({ serverOptions });

describe('bad input', () => {
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

    it('closes with 4406 without the graphql-transport-ws subprotocol', async ({ server }) => {
      await closesWith(await rawSocket(server.url, null), 4406, 'Subprotocol not acceptable');
    });

    it('closes with 4400 on a message that is not JSON', async ({ server }) => {
      const socket = await rawSocket(server.url);
      socket.send('{ not json');
      await closesWith(socket, 4400, 'Invalid message received');
    });

    it('closes with 4400 on a message without a type, of an unknown type, or a binary one', async ({ server }) => {
      for (const message of [{ id: '1' }, { type: 'hello' }, [1, 2, 3], Buffer.from([0xde, 0xad, 0xbe, 0xef])]) {
        const socket = await rawSocket(server.url);
        socket.send(message);
        await closesWith(socket, 4400, 'Invalid message received');
      }
    });

    it('closes with 4400 on a subscribe whose query is not a string', async ({ server }) => {
      const socket = await initialisedSocket(server.url);
      socket.send({ id: '1', type: 'subscribe', payload: { query: { kind: 'Document' } } });
      await closesWith(socket, 4400, 'Invalid message received');
    });

    it('closes with 4401 on a subscribe before connection_init', async ({ server }) => {
      const socket = await rawSocket(server.url);
      socket.send(subscribeMessage('1', '{ topics { name } }'));
      await closesWith(socket, 4401, 'Unauthorized');
    });

    it(`closes with 4408 when connection_init does not come within ${INIT_TIMEOUT_MS} ms`, async ({ server }) => {
      const socket = await rawSocket(server.url);
      await closesWith(socket, 4408, 'Connection initialisation timeout');
    });

    it('closes with 4408 a socket that only pings instead of sending connection_init', async ({ server }) => {
      const socket = await rawSocket(server.url);
      socket.send({ type: 'ping' });
      expect(await socket.next((message) => message.type === 'pong')).toEqual({ type: 'pong' });
      await closesWith(socket, 4408, 'Connection initialisation timeout');
    });

    it('accepts a connection_init sent in time and read late, behind a busy event loop (a reconnect storm)', async ({
      server,
    }) => {
      const socket = await rawSocket(server.url);
      socket.send({ type: 'connection_init' });
      // The process (server and client alike) stays busy past the deadline, as behind thousands of
      // sockets arriving at once: the message waits, unread, in the server's socket buffer.
      const busyUntil = Date.now() + INIT_TIMEOUT_MS * 2;
      while (Date.now() < busyUntil) {}
      expect(await socket.next((message) => message.type === 'connection_ack')).toEqual({ type: 'connection_ack' });
      socket.socket.close(1000);
      expect(await socket.closed).toEqual({ code: 1000, reason: '' });
    });

    it('closes with 4429 on a second connection_init', async ({ server }) => {
      const socket = await initialisedSocket(server.url);
      socket.send({ type: 'connection_init' });
      await closesWith(socket, 4429, 'Too many initialisation requests');
    });

    it('closes with 4409 on two subscriptions with one id', async ({ server, questionId }) => {
      const socket = await initialisedSocket(server.url);
      const feed = 'subscription($q: ID!) { answerAdded(questionId: $q) { cursor } }';
      socket.send(subscribeMessage('dup', feed, { q: questionId }));
      socket.send(subscribeMessage('dup', feed, { q: questionId }));
      await closesWith(socket, 4409, 'Subscriber for dup already exists');
    });

    it('closes with 4403 on an invalid token in connection_init', async ({ server }) => {
      const socket = await rawSocket(server.url);
      socket.send({ type: 'connection_init', payload: { authorization: 'Bearer mqa_nope' } });
      await closesWith(socket, 4403, 'Forbidden');
    });

    it('closes with 1009 on a message over the size limit', async ({ server }) => {
      const socket = await initialisedSocket(server.url);
      socket.send(subscribeMessage('big', BY_SLUG, { s: 'x'.repeat(300_000) }));
      expect((await socket.closed).code).toBe(1009);
    });

    it('answers bad operations with an error for that operation, and keeps the socket', async ({
      server,
      auth,
      questionId,
    }) => {
      const socket = await initialisedSocket(server.url, { authorization: auth.doctor.authorization });
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
    const sse = (server: TestServer, body: string, headers: Record<string, string> = {}) =>
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

    it.for<{
      name: string;
      request: (context: BadInputContext) => Promise<RawResponse>;
      status: number;
      error: Record<string, unknown>;
    }>([
      {
        name: 'malformed JSON',
        request: ({ server }) => sse(server, '{"query":'),
        status: 200,
        error: {
          message: 'POST body sent invalid JSON.',
          extensions: expect.objectContaining({ code: 'BAD_REQUEST' }),
        },
      },
      {
        // A GET needs no CSRF header (src/plugins/csrf.ts); a simple-content-type POST still does.
        name: 'a text/plain POST without the CSRF header',
        request: ({ server, questionId }) =>
          sse(
            server,
            JSON.stringify({ query: `subscription { answerAdded(questionId: "${questionId}") { cursor } }` }),
            {
              'content-type': 'text/plain',
            },
          ),
        status: 403,
        error: { message: /^Refused as a possible cross-site request forgery/, extensions: { code: 'BAD_REQUEST' } },
      },
      {
        name: 'a syntax error',
        request: ({ server }) => sse(server, JSON.stringify({ query: 'subscription {' })),
        status: 200,
        error: { extensions: { code: 'GRAPHQL_PARSE_FAILED' } },
      },
      {
        name: 'an invalid question ID',
        request: ({ server }) =>
          sse(server, JSON.stringify({ query: 'subscription { answerAdded(questionId: "x") { cursor } }' })),
        status: 200,
        error: { extensions: { code: 'BAD_USER_INPUT', field: 'questionId' } },
      },
      {
        name: 'an invalid cursor',
        request: ({ server, questionId }) =>
          sse(
            server,
            JSON.stringify({
              query: `subscription { answerAdded(questionId: "${questionId}", after: "zzz") { cursor } }`,
            }),
          ),
        status: 200,
        error: { extensions: { code: 'BAD_USER_INPUT', field: 'after' } },
      },
      {
        name: 'a deep subscription',
        request: ({ server, questionId }) =>
          sse(
            server,
            JSON.stringify({
              query: `subscription { answerAdded(questionId: "${questionId}") { node { ${'question { answers { edges { node { '.repeat(3)}id${' } } } }'.repeat(3)} } } }`,
            }),
          ),
        status: 200,
        error: { message: /^Query depth limit of 10 exceeded/, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } },
      },
    ])('$name', async ({ request, status, error }, { server, auth, questionId }) => {
      const response = await request({ server, auth, questionId });
      expect(response.status).toBe(status);
      const errors = firstErrors(response);
      expect(errors?.[0], response.text).toMatchObject(error);
    });
  });

  itLeavesEverythingAsItWas();
});
