import { type ClientRequest, type IncomingMessage, request as httpRequest } from 'node:http';
import { expect } from 'vitest';
import { DEMO_QUESTION_SLUG } from '../../src/server';
import { eventually } from '../helpers/live';
import { TEST_LIMITS, type TestServer } from '../helpers/server';
import { it, questionIdOf, test } from '../helpers/world';

// SSE streams per address are capped like WebSockets: over the cap, 429 RATE_LIMITED.
const MAX = 2;
let questionId: string;
test.override({ serverOptions: { limits: { ...TEST_LIMITS, maxSseStreamsPerAddress: MAX } } });
test.beforeAll(async ({ server }) => {
  questionId = await questionIdOf(server, DEMO_QUESTION_SLUG);
});

function openStream(server: TestServer): Promise<{ request: ClientRequest; response: IncomingMessage }> {
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

it(`refuses a stream over ${MAX} from one address with 429 RATE_LIMITED, and takes one again once a stream closes`, async ({
  server,
}) => {
  const streams = [await openStream(server), await openStream(server)];
  expect(streams.map((s) => s.response.statusCode)).toEqual([200, 200]);
  await eventually(() => server.pubSub.listenerCount() === 2, 10_000, 'two streams listening');
  const refused = await openStream(server);
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
  const again = await openStream(server);
  expect(again.response.statusCode).toBe(200);
  again.request.destroy();
  streams[1]!.request.destroy();
});
