import { expect } from 'vitest';
import { eventually, wsClient } from '../helpers/live';
import { doctorTokens } from './support';
import { expectData, graphql, sourceOf, type ResultOf } from '../helpers/graphql';
import { requestAt } from '../helpers/http';
import { withProcessPair } from '../helpers/deployment';

// Two real server processes of one deployment: a fresh database on the shared test PostgreSQL,
// a Redis of this file's own, one channel prefix.
const it = withProcessPair('instances');

const ANSWER_ADDED = graphql(
  `subscription InstancesAnswerAdded($q: ID!, $after: String) { answerAdded(questionId: $q, after: $after) { cursor node { body } } }`,
);

interface Received {
  cursor: string;
  body: string;
  via: string;
}

/**
 * A client as the README describes one: subscribed to one instance; when its connection drops,
 * it subscribes to the next instance with `after:` the cursor of the last answer it saw.
 */
function resumingSubscriber(instances: { name: string; url: string }[], questionId: string, after: string) {
  const state = {
    received: [] as Received[],
    drops: [] as unknown[],
    errors: [] as unknown[],
    stopped: false,
    dispose: () => {},
  };
  const connect = (index: number) => {
    const instance = instances[index]!;
    const client = wsClient(instance.url);
    state.dispose = () => void client.dispose();
    const last = state.received.at(-1)?.cursor ?? after;
    client.subscribe<ResultOf<typeof ANSWER_ADDED>>(
      { query: sourceOf(ANSWER_ADDED), variables: { q: questionId, after: last } },
      {
        next: ({ data, errors }) => {
          if (errors) state.errors.push(...errors);
          if (data)
            state.received.push({ ...data.answerAdded.node, cursor: data.answerAdded.cursor, via: instance.name });
        },
        error: (error) => {
          if (state.stopped) return;
          state.drops.push(error);
          void client.dispose();
          if (index + 1 < instances.length) connect(index + 1);
        },
        complete: () => {
          if (!state.stopped) state.errors.push(`completed by ${instance.name}`);
        },
      },
    );
  };
  connect(0);
  return state;
}

it('moves the clients of a killed instance to the other one, and they miss nothing', async ({ pair: { db, a, b } }) => {
  const doctor = await db.doctor.findUniqueOrThrow({ where: { slug: 'raajshri-gupta' } });
  const token = doctorTokens(db, doctor.id);
  const asked = await requestAt(
    b.url,
    graphql(
      `mutation InstancesAskQuestion($input: AskQuestionInput!) { askQuestion(input: $input) { question { id } } }`,
    ),
    {
      input: { title: 'Will my instance survive a crash?', body: 'Asking for a subscriber on instance A.' },
    },
  );
  const questionId = expectData(asked.body).askQuestion.question.id;
  const post = async (body: string) =>
    requestAt(
      b.url,
      graphql(
        `mutation InstancesPostAnswer($input: PostAnswerInput!) { postAnswer(input: $input) { answer { body } } }`,
      ),
      { input: { questionId, body } },
      {
        authorization: `Bearer ${await token()}`,
      },
    );

  // The client starts from a known answer, so that it misses nothing even before it is live.
  await post('Opening answer.');
  const page = await requestAt(
    a.url,
    graphql(`query InstancesNode($id: ID!) { node(id: $id) { ... on Question { answers { edges { cursor } } } } }`),
    { id: questionId },
  );
  const opening = expectData(page.body).node!.answers.edges[0]!.cursor;
  const client = resumingSubscriber(
    [
      { name: 'A', url: a.url },
      { name: 'B', url: b.url },
    ],
    questionId,
    opening,
  );

  try {
    // Answers go through B, one after the other, while A dies after its subscriber has had 10.
    const posted: string[] = [];
    const failures: unknown[] = [];
    const writer = (async () => {
      for (let i = 0; i < 60; i++) {
        const body = `Answer ${i}`;
        const result = await post(body);
        if (
          JSON.stringify(result) !==
          JSON.stringify({ status: 200, body: { data: { postAnswer: { answer: { body } } } } })
        ) {
          failures.push({ body, result });
        } else posted.push(body);
      }
    })();
    await eventually(() => client.received.length >= 10, 10_000, 'ten answers through A');
    a.crash();
    const postedBeforeCrash = posted.length;
    expect(await a.exited).toEqual({ code: null, signal: 'SIGKILL' });
    await writer;
    expect(failures).toEqual([]);
    expect(postedBeforeCrash).toBeLessThan(posted.length); // answers kept coming through the crash

    await eventually(
      () => client.received.length >= posted.length,
      10_000,
      `all ${posted.length} answers (got ${client.received.length})`,
    );
    expect(client.drops).toHaveLength(1); // A went away once; B kept it
    expect(client.errors).toEqual([]);
    expect(client.received.map((event) => event.body)).toEqual(posted);
    expect(new Set(client.received.map((event) => event.cursor)).size).toBe(posted.length);
    const via = client.received.map((event) => event.via);
    expect(via.indexOf('B')).toBeGreaterThan(0);
    expect(via.slice(via.indexOf('B')).every((name) => name === 'B')).toBe(true);

    // In commit order, and nothing else arrives: a last answer closes the stream.
    const rows = await db.answer.findMany({
      where: { body: { in: posted }, question: { title: 'Will my instance survive a crash?' } },
      orderBy: { id: 'asc' },
      select: { body: true },
    });
    expect(rows.map((row) => row.body)).toEqual(posted);
    await post('Last answer.');
    await eventually(() => client.received.length >= posted.length + 1, 5000, 'the last answer');
    expect(client.received.map((event) => event.body)).toEqual([...posted, 'Last answer.']);

    // B is unharmed.
    const ready = await fetch(`${b.url}/readyz`);
    expect({ status: ready.status, body: await ready.json() }).toEqual({
      status: 200,
      body: { status: 'ready', database: 'up', pubsub: 'up', pool: { size: 10 } },
    });
  } finally {
    client.stopped = true;
    client.dispose();
  }
}, 45_000);
