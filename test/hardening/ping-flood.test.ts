import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApplication, type Application } from '../../src/application';
import { DEFAULT_LIMITS } from '../../src/limits';
import { DEMO_QUESTION_SLUG } from '../../src/server';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { post } from '../helpers/http';
import { memoryLogger } from '../helpers/logs';
import { eventually } from '../helpers/live';
import { initialisedSocket } from '../helpers/raw-ws';
import { testConfig } from '../helpers/server';

// graphql-ws answers every ping with a pong that echoes its payload. A client that pings without
// reading its pongs would have them pile up in the server's memory (200,000 pings were all
// answered before); past WS_MAX_BUFFERED_BYTES (1 MiB) waiting to be sent, its socket is cut off,
// and every other client goes on. The pings carry 64 KiB payloads so that the kernel's socket
// buffers (several MiB on loopback) fill in a few hundred pings rather than a million.
const MAX_BUFFERED = DEFAULT_LIMITS.maxBufferedBytes;
const PAYLOAD = { fill: 'x'.repeat(64 * 1024) };

const { logger, lines } = memoryLogger('warn');
let database: TestDatabase;
let application: Application;
let url: string;

beforeAll(async () => {
  database = await createTestDatabase();
  application = createApplication(testConfig(database, { seed: true }), { logger });
  url = `http://127.0.0.1:${(await application.start()).port}`;
});
afterAll(async () => {
  await application?.stop();
  await database?.drop();
});

const cutOff = () => lines.find((line) => line.msg === 'websocket cut off: it stopped reading');

it('cuts off a socket that floods pings without reading the pongs; other clients go on', async () => {
  const bystander = await initialisedSocket(url);
  const flooder = await initialisedSocket(url);
  flooder.socket.on('error', () => {}); // writes after the cut-off may fail (EPIPE): expected
  flooder.socket.pause(); // reads nothing from now on

  let sent = 0;
  while (!cutOff()) {
    expect(sent).toBeLessThan(4_000); // 256 MiB of pings: far past any kernel buffer
    await new Promise<void>((resolve) =>
      flooder.socket.send(JSON.stringify({ type: 'ping', payload: PAYLOAD }), () => resolve()),
    );
    sent++;
  }

  // The server logged why, with the close code and reason it gave the socket.
  const line = cutOff()!;
  expect(line).toMatchObject({
    code: 1008,
    reason: `Too slow: over ${MAX_BUFFERED} bytes waited to be sent to you.`,
  });
  expect(line.buffered).toBeGreaterThan(MAX_BUFFERED);

  // The flooder's connection ends; what waited in the server's memory was dropped with it, so it
  // got fewer pongs than it sent pings. (A client that reads nothing cannot read a close frame:
  // its connection ends without one, 1006.)
  flooder.socket.resume();
  expect(await flooder.closed).toEqual({ code: 1006, reason: '' });
  const pongs = flooder.messages.filter((message) => message.type === 'pong').length;
  expect(pongs).toBeLessThan(sent);

  // Everyone else goes on: the other socket, a new socket, HTTP and the health check.
  bystander.send({ type: 'ping', payload: { still: 'here' } });
  expect(await bystander.next((message) => message.type === 'pong')).toEqual({
    type: 'pong',
    payload: { still: 'here' },
  });
  bystander.send({
    id: '1',
    type: 'subscribe',
    payload: { query: `{ question(slug: "${DEMO_QUESTION_SLUG}") { slug } }` },
  });
  expect(await bystander.next((message) => message.type === 'next' && message.id === '1')).toEqual({
    id: '1',
    type: 'next',
    payload: { data: { question: { slug: DEMO_QUESTION_SLUG } } },
  });
  const another = await initialisedSocket(url);
  another.close();
  await another.closed;
  const page = await post(url, { query: `{ question(slug: "${DEMO_QUESTION_SLUG}") { slug } }` });
  expect(page.status).toBe(200);
  expect(page.json?.data).toEqual({ question: { slug: DEMO_QUESTION_SLUG } });
  expect((await fetch(`${url}/healthz`)).status).toBe(200);
  bystander.close();
  await bystander.closed;
  // One cut-off, of the flooder only.
  await eventually(() => lines.filter((l) => l.msg === 'websocket cut off: it stopped reading').length === 1);
  expect(lines.filter((l) => l.msg === 'websocket cut off: it stopped reading')).toHaveLength(1);
}, 120_000);
