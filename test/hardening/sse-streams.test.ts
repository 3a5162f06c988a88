import { type ClientRequest, type IncomingMessage, request as httpRequest } from 'node:http';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_QUESTION_SLUG } from '../../src/server';
import { eventually } from '../helpers/live';
import { startTestServer, TEST_LIMITS, type TestServer } from '../helpers/server';
import { questionIdOf } from '../helpers/world';

// SSE streams per address are capped like WebSockets: over the cap, 429 RATE_LIMITED.
const MAX = 2;
let server: TestServer;
let questionId: string;
beforeAll(async () => {
  server = await startTestServer({ limits: { ...TEST_LIMITS, maxSseStreamsPerAddress: MAX } });
  questionId = await questionIdOf(server, DEMO_QUESTION_SLUG);
});
afterAll(() => server?.stop());

function openStream(): Promise<{ request: ClientRequest; response: IncomingMessage }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
    });
    request.on('error', reject);
    request.on('response', (response) => resolve({ request, response }));
    request.end(
      JSON.stringify({
        query: 'subscription($q: ID!) { answerAdded(questionId: $q) { cursor } }',
        variables: { q: questionId },
      }),
    );
  });
}

async function bodyOf(response: IncomingMessage): Promise<string> {
  let text = '';
  for await (const chunk of response) text += chunk;
  return text;
}

it(`refuses a stream over ${MAX} from one address with 429 RATE_LIMITED, and takes one again once a stream closes`, async () => {
  const streams = [await openStream(), await openStream()];
  expect(streams.map((s) => s.response.statusCode)).toEqual([200, 200]);
  await eventually(() => server.pubSub.listenerCount() === 2, 10_000, 'two streams listening');
  const refused = await openStream();
  expect(refused.response.statusCode).toBe(429);
  expect(JSON.parse(await bodyOf(refused.response))).toEqual({
    errors: [
      {
        message: `Too many event streams from your address: at most ${MAX}.`,
        extensions: { code: 'RATE_LIMITED', limit: MAX },
      },
    ],
  });
  streams[0]!.request.destroy();
  await eventually(() => server.pubSub.listenerCount() === 1, 10_000, 'the closed stream released');
  const again = await openStream();
  expect(again.response.statusCode).toBe(200);
  again.request.destroy();
  streams[1]!.request.destroy();
});
