import { connect } from 'node:net';
import { expect } from 'vitest';
import { TEST_LIMITS, type TestServer } from '../helpers/server';
import { graphql } from '../helpers/graphql';
import { it, test } from '../helpers/world';

// A client that trickles its headers or its body is answered 408 and closed after the timeouts.
test.override({ serverOptions: { limits: { ...TEST_LIMITS, headersTimeoutMs: 500, requestTimeoutMs: 1_000 } } });

/** Sends `head` and nothing more; resolves to what the server answered once it closed the connection. */
function sendAndWait(server: TestServer, head: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(Number(new URL(server.url).port), '127.0.0.1');
    let received = '';
    socket.on('data', (chunk) => (received += chunk.toString()));
    socket.on('error', reject);
    socket.on('close', () => resolve(received));
    socket.write(head);
  });
}

it('answers 408 and closes a connection whose headers never end', async ({ server }) => {
  const answer = await sendAndWait(server, 'POST /graphql HTTP/1.1\r\nHost: localhost\r\nX-Slow: 1\r\n');
  expect(answer.split('\r\n')[0]).toBe('HTTP/1.1 408 Request Timeout');
});

it('answers 408 and closes a connection whose body never ends', async ({ server }) => {
  const answer = await sendAndWait(
    server,
    'POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"query":',
  );
  expect(answer.split('\r\n')[0]).toBe('HTTP/1.1 408 Request Timeout');
  expect((await server.request(graphql(`query SlowConnectionsTopics { topics { slug } }`))).errors).toBeUndefined();
});
