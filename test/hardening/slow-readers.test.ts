import { type ClientRequestArgs, request as httpRequest, type IncomingMessage } from 'node:http';
import { connect, type Socket } from 'node:net';
import { expect } from 'vitest';
import WebSocket from 'ws';
import { issueCredential } from '../../src/auth/tokens';
import { DEMO_QUESTION_SLUG } from '../../src/server';
import { eventually, subscribe, wsClient } from '../helpers/live';
import { TEST_LIMITS, type TestServer } from '../helpers/server';
import { expectData, graphql } from '../helpers/graphql';
import { it, questionIdOf, test } from '../helpers/world';

/*
 * A client that stops reading its stream (SSE or WebSocket) is cut off once MAX_PENDING events wait
 * for it; the process and every other subscriber go on, and nothing piles up. Before: after about
 * 1,054 answers the process exited with an uncaught RepeaterOverflowError.
 */
const MAX_PENDING = 5;
const SUBSCRIPTION = graphql(
  `subscription SlowReadersAnswerAdded($q: ID!) { answerAdded(questionId: $q) { cursor node { body } } }`,
);
let doctor: Record<string, string>;
let questionId: string;

test.override({ serverOptions: { limits: { ...TEST_LIMITS, maxPendingEvents: MAX_PENDING } } });
test.beforeAll(async ({ server }) => {
  const row = await server.db.doctor.findFirstOrThrow({ where: { verified: true } });
  doctor = { authorization: `Bearer ${await issueCredential(server.db, { role: 'doctor', doctorId: row.id })}` };
  questionId = await questionIdOf(server, DEMO_QUESTION_SLUG);
});

/** An SSE subscription whose socket stops reading after the response head. */
function stalledSse(server: TestServer): Promise<{ response: IncomingMessage; socket: Socket; ended: Promise<void> }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
    });
    request.on('error', reject);
    request.on('response', (response) => {
      response.pause();
      const ended = new Promise<void>((done) => response.socket.once('close', () => done()));
      resolve({ response, socket: response.socket, ended });
    });
    request.end(JSON.stringify({ query: SUBSCRIPTION, variables: { q: questionId } }));
  });
}

/** A raw graphql-ws subscription over a TCP socket the test can pause. */
async function stalledWebSocket(server: TestServer) {
  let tcp: Socket | undefined;
  const ws = new WebSocket(`${server.url.replace('http', 'ws')}/graphql`, 'graphql-transport-ws', {
    createConnection: (options: ClientRequestArgs) => {
      tcp = connect({ host: '127.0.0.1', port: Number(options.port) });
      return tcp;
    },
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  await new Promise((resolve) => ws.once('open', resolve));
  ws.send(JSON.stringify({ type: 'connection_init' }));
  await new Promise((resolve) => ws.once('message', resolve)); // connection_ack
  ws.send(
    JSON.stringify({ id: '1', type: 'subscribe', payload: { query: SUBSCRIPTION, variables: { q: questionId } } }),
  );
  return { tcp: tcp!, closed };
}

it('cuts off a stalled SSE reader and a stalled WebSocket reader; everyone else gets every answer', async ({
  server,
}) => {
  const healthyClient = wsClient(server.url);
  const healthy = subscribe(healthyClient, SUBSCRIPTION, {
    q: questionId,
  });
  const sse = await stalledSse(server);
  const ws = await stalledWebSocket(server);
  await eventually(() => server.pubSub.listenerCount() === 3, 10_000, 'three subscribers listening');
  ws.tcp.pause();

  // Large answers fill the stalled clients' socket buffers; then their events wait, and past
  // MAX_PENDING they are cut off. How many that takes depends on the kernel's buffers.
  const bodies: string[] = [];
  while (server.pubSub.listenerCount() > 1) {
    expect(bodies.length).toBeLessThan(5_000);
    const body = `${bodies.length} `.padEnd(10_000, 'slow reader ');
    expectData(
      await server.request(
        graphql(
          `mutation SlowReadersPostAnswer($input: PostAnswerInput!) { postAnswer(input: $input) { answer { id } } }`,
        ),
        { input: { questionId, body } },
        doctor,
      ),
    );
    bodies.push(body);
  }

  // The WebSocket was closed: with 1008 and the reason when the close frame gets through, else
  // (the client read nothing for longer than ws waits for a close handshake) dropped: 1006.
  ws.tcp.resume();
  const { code, reason } = await ws.closed;
  expect([1006, 1008]).toContain(code);
  if (code === 1008)
    expect(reason).toBe(`Too slow: ${MAX_PENDING} events waited. Reconnect and resume with after: your last cursor.`);
  // The SSE connection was closed.
  sse.response.resume();
  await sse.ended;

  // The healthy subscriber got every answer, in order, and the server goes on.
  await healthy.waitFor(bodies.length, 60_000);
  expect(healthy.received.map((event) => event.answerAdded.node.body)).toEqual(bodies);
  expect(healthy.errors).toEqual([]);
  expect((await server.request(graphql(`query SlowReadersTopics { topics { slug } }`))).errors).toBeUndefined();
  await healthyClient.dispose();
}, 300_000);
