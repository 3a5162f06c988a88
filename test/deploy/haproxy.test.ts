import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Db } from '../../src/db/client';
import { startHaProxy, type HaProxy } from '../helpers/haproxy';
import { eventually } from '../helpers/live';
import { doctorTokens, type ServerProcess } from '../faults/support';
import { postFrom, sseSubscriber, wsSubscriber, type Resuming } from './resuming';
import { expectData, graphql } from '../helpers/graphql';
import { requestAt } from '../helpers/http';
import { type ProcessDeployment, startProcessDeployment } from '../helpers/deployment';

// The deployment of deploy/: three real instances (TRUST_PROXY=1) behind the real haproxy with
// the repository's deploy/haproxy.cfg, one Redis, one PostgreSQL database.
let deployment: ProcessDeployment;
let db: Db;
let proxy: HaProxy;
let instances: ServerProcess[] = [];
const subscribers: Resuming[] = [];

beforeAll(async () => {
  deployment = await startProcessDeployment({ count: 3, name: 'haproxy', env: { TRUST_PROXY: '1' } });
  ({ db, instances } = deployment);
  proxy = await startHaProxy(instances.map((instance) => `127.0.0.1:${instance.port}`) as [string, string, string]);
}, 120_000);

afterAll(async () => {
  for (const subscriber of subscribers) subscriber.stop();
  await proxy?.stop();
  for (const instance of instances) instance.crash();
  await Promise.all(instances.map((instance) => instance.exited));
  await deployment?.stop();
});

const ASK = graphql(
  `mutation HaproxyAskQuestion($input: AskQuestionInput!) { askQuestion(input: $input) { question { id } } }`,
);
const ANSWER = graphql(
  `mutation HaproxyPostAnswer($input: PostAnswerInput!) { postAnswer(input: $input) { answer { body } } }`,
);

it('delivers every answer exactly once, in order, to graphql-ws and SSE subscribers through haproxy while an instance is killed', async () => {
  const doctor = await db.doctor.findUniqueOrThrow({ where: { slug: 'raajshri-gupta' } });
  const token = doctorTokens(db, doctor.id);
  const asked = await postFrom('127.0.0.9', proxy.url, ASK, {
    input: { title: 'Answered through haproxy?', body: 'Three instances, one dies.' },
  });
  const questionId = expectData(asked.body).askQuestion.question.id;
  // Retried with the same idempotency key until it succeeds: a request caught by the kill may or
  // may not have committed, and the key makes the retry write it at most once.
  const post = async (body: string) => {
    const input = { questionId, body, idempotencyKey: `haproxy-${randomBytes(8).toString('hex')}` };
    const authorization = `Bearer ${await token()}`;
    for (;;) {
      const result = await requestAt(proxy.url, ANSWER, { input }, { authorization }).catch((error: Error) => ({
        status: 0,
        body: { error: error.message },
      }));
      if (
        result.status === 200 &&
        JSON.stringify(result.body) === JSON.stringify({ data: { postAnswer: { answer: { body } } } })
      )
        return;
      if (![0, 502, 503].includes(result.status))
        throw new Error(`unexpected answer to a post: ${JSON.stringify(result)}`);
    }
  };
  await post('Opening answer.');
  const page = await requestAt(
    proxy.url,
    graphql(`query HaproxyNode($id: ID!) { node(id: $id) { ... on Question { answers { edges { cursor } } } } }`),
    { id: questionId },
  );
  const opening = expectData(page.body).node!.answers.edges[0]!.cursor;

  // Six subscribers, one after the other: leastconn gives each instance two.
  for (let i = 0; i < 6; i++) {
    const subscriber = (i % 2 ? sseSubscriber : wsSubscriber)(proxy.url, questionId, opening);
    subscribers.push(subscriber);
    await subscriber.connected;
  }

  const posted: string[] = [];
  for (let i = 0; i < 30; i++) {
    if (i === 10) {
      await eventually(() => subscribers.every((s) => s.received.length >= 10), 15_000, 'ten answers everywhere');
      instances[0]!.crash(); // mid-stream: its subscribers resume through haproxy on the others
      expect(await instances[0]!.exited).toEqual({ code: null, signal: 'SIGKILL' });
    }
    const body = `Answer ${i}`;
    await post(body);
    posted.push(body);
  }
  await post('Last answer.');
  posted.push('Last answer.');

  for (const [index, subscriber] of subscribers.entries()) {
    await eventually(
      () => subscriber.received.length >= posted.length,
      30_000,
      `subscriber ${index}: ${subscriber.received.length} of ${posted.length}`,
    );
  }
  for (const subscriber of subscribers) {
    expect(subscriber.received.map((event) => event.body)).toEqual(posted);
    expect(new Set(subscriber.received.map((event) => event.cursor)).size).toBe(posted.length);
    expect(subscriber.errors).toEqual([]);
  }
  // The killed instance had its share of them, and they came back.
  expect(subscribers.map((s) => s.drops).reduce((a, b) => a + b)).toBeGreaterThan(0);
  // Every answer stored once.
  expect(await db.answer.count({ where: { question: { title: 'Answered through haproxy?' } } })).toBe(
    posted.length + 1,
  );
}, 180_000);

it('counts rate limits per real client address behind haproxy; a forged X-Forwarded-For changes nothing', async () => {
  const ask = (from: string, n: number) =>
    postFrom(
      from,
      proxy.url,
      ASK,
      { input: { title: `Question ${n} from ${from}`, body: 'Limited per address?' } },
      {
        'x-forwarded-for': `192.0.2.${n}`, // forged: haproxy appends the real address after it
      },
    );
  const outcomes: (number | string)[] = [];
  for (let n = 0; n < 7; n++) {
    const { status, body } = await ask('127.0.0.2', n);
    outcomes.push(status === 200 ? 200 : `${status} ${body.errors?.[0]?.extensions?.code}`);
  }
  expect(outcomes).toEqual([200, 200, 200, 200, 200, '429 RATE_LIMITED', '429 RATE_LIMITED']);
  // Another client, through the same proxy, is not the first one's neighbour.
  expect((await ask('127.0.0.3', 0)).status).toBe(200);
}, 60_000);
