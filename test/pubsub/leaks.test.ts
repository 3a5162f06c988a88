import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { eventually, subscribe, wsClient } from '../helpers/live';
import { redisChannels } from '../helpers/redis';
import type { TestServer } from '../helpers/server';
import { graphql } from '../helpers/graphql';
import { type Deployment, startDeployment } from '../helpers/deployment';

const prefix = `leaks-${randomBytes(4).toString('hex')}`;
let deployment: Deployment;
let server: TestServer;
const questionIds: string[] = [];

beforeAll(async () => {
  deployment = await startDeployment({ count: 1, prefix, seed: false });
  server = deployment.instances[0]!;
  for (let i = 0; i < 20; i++) {
    const { data } = await server.request(
      graphql(
        `mutation LeaksAskQuestion($input: AskQuestionInput!) { askQuestion(input: $input) { question { id } } }`,
      ),
      { input: { title: `Leak check question ${i}`, body: 'Is anything left behind?' } },
    );
    questionIds.push(data!.askQuestion.question.id);
  }
});
afterAll(() => deployment?.stop());

it('releases every listener and Redis channel after 1,000 subscriptions end', async () => {
  expect(server.pubSub.listenerCount()).toBe(0);
  expect(await redisChannels(prefix)).toEqual([]);

  // 10 rounds of 100 subscriptions over 20 questions and both feeds; half the rounds unsubscribe
  // operation by operation, the other half drop the whole socket.
  for (let round = 0; round < 10; round++) {
    const client = wsClient(server.url);
    const subscriptions = Array.from({ length: 100 }, (_, i) =>
      subscribe(
        client,
        i % 2
          ? 'subscription($q: ID!) { answerAdded(questionId: $q) { cursor } }'
          : 'subscription($q: ID!) { answerUpdated(questionId: $q) { kind } }',
        { q: questionIds[Math.floor(i / 2) % 20] },
      ),
    );
    await eventually(() => server.pubSub.listenerCount() === 100, 10_000, '100 listeners');
    expect(await redisChannels(prefix)).toHaveLength(40); // 20 questions × 2 events
    if (round % 2) for (const subscription of subscriptions) subscription.stop();
    await client.dispose();
    await eventually(() => server.pubSub.listenerCount() === 0, 10_000, 'no listeners');
    expect(subscriptions.flatMap((s) => s.errors)).toEqual([]);
  }

  await eventually(async () => (await redisChannels(prefix)).length === 0, 5000, 'no Redis channels');
  expect(server.pubSub.listenerCount()).toBe(0);
  expect(server.app.httpServer.listenerCount('request')).toBe(1);
}, 120_000);
