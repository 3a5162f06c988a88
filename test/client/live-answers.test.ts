import { print } from 'graphql';
import { createClient } from 'graphql-ws';
import { expect } from 'vitest';
import WebSocket from 'ws';
import { AnswerAddedDocument, QuestionPageDocument, type QuestionPageQuery } from '../../src/client/generated/graphql';
import { followAnswers, type AnswerAddedEdge } from '../../src/client/live-answers';
import { doctorTokens, type ServerProcess } from '../faults/support';
import { eventually } from '../helpers/live';
import { requestAt } from '../helpers/http';
import { graphql } from '../helpers/graphql';
import { withProcessPair } from '../helpers/deployment';

// The client helper through a killed instance: two server processes of one deployment (shared
// PostgreSQL database, a Redis of this file's own), the client on A, A SIGKILLed mid-stream, the
// client's retry lands on B. Beside it, a graphql-ws client as the README used to show one.

const it = withProcessPair('client');

/** A url option that tries A first, then B, A, … on each (re)connect, and says where it went. */
function alternating(a: ServerProcess, b: ServerProcess) {
  const urls = [a, b].map((server) => ({
    name: server === a ? 'A' : 'B',
    ws: `${server.url.replace(/^http/, 'ws')}/graphql`,
  }));
  const state = { attempts: 0, current: '', connectedTo: [] as string[] };
  return {
    state,
    url: () => {
      const next = urls[state.attempts++ % urls.length]!;
      state.current = next.name;
      return next.ws;
    },
    on: { connected: () => void state.connectedTo.push(state.current) },
  };
}

it('resumes from the last answer delivered after its instance is killed: every answer once, in order', async ({
  pair: { db, a, b },
}) => {
  const doctor = await db.doctor.findUniqueOrThrow({ where: { slug: 'raajshri-gupta' } });
  const token = doctorTokens(db, doctor.id);
  const asked = await requestAt(
    b.url,
    graphql(
      `mutation LiveAnswersAskQuestion($input: AskQuestionInput!) { askQuestion(input: $input) { question { id slug } } }`,
    ),
    {
      input: { title: 'Does the helper survive a crash?', body: 'Asked for a client on instance A.' },
    },
  );
  const { id: questionId, slug } = asked.body.data!.askQuestion.question as { id: string; slug: string };
  const post = async (body: string) =>
    requestAt(
      b.url,
      graphql(
        `mutation LiveAnswersPostAnswer($input: PostAnswerInput!) { postAnswer(input: $input) { answer { body } } }`,
      ),
      { input: { questionId, body } },
      {
        authorization: `Bearer ${await token()}`,
      },
    );
  expect((await post('Shown on the page.')).status).toBe(200);

  // The page, read from A, gives where its live answers start.
  const page = await requestAt(a.url, print(QuestionPageDocument), { slug });
  const shown = (page.body.data as QuestionPageQuery).question!;
  expect(shown.answers.edges.map((edge) => edge.node.body)).toEqual(['Shown on the page.']);

  const helperRoute = alternating(a, b);
  const received: { body: string; via: string }[] = [];
  const errors: unknown[] = [];
  const followed = followAnswers({
    url: helperRoute.url,
    on: helperRoute.on,
    webSocketImpl: WebSocket,
    retryWait: async () => {}, // straight to the other instance
    questionId,
    after: shown.latestAnswerCursor,
    onAnswer: (edge: AnswerAddedEdge) => received.push({ body: edge.node.body, via: helperRoute.state.current }),
    onError: (error) => errors.push(error),
  });

  // What the README used to show: graphql-ws' own retry, with the page's cursor as `after`.
  const plainRoute = alternating(a, b);
  const plain = { received: [] as string[], beforeDrop: -1 };
  const plainClient = createClient({
    url: plainRoute.url,
    on: {
      ...plainRoute.on,
      closed: () => {
        if (plain.beforeDrop < 0) plain.beforeDrop = plain.received.length;
      },
    },
    webSocketImpl: WebSocket,
    retryWait: async () => {},
    lazy: true,
  });
  plainClient.subscribe<{ answerAdded: AnswerAddedEdge }>(
    { query: print(AnswerAddedDocument), variables: { questionId, after: shown.latestAnswerCursor } },
    {
      next: ({ data }) => data && plain.received.push(data.answerAdded.node.body),
      error: (error) => errors.push(error),
      complete: () => {},
    },
  );

  try {
    // Answers go through B, one after the other, while A dies once both clients have had 10;
    // the writer goes on until 20 more have been posted after the kill.
    const posted: string[] = [];
    const failures: unknown[] = [];
    let postedBeforeCrash = -1;
    const writer = (async () => {
      for (let i = 0; i < 300 && (postedBeforeCrash < 0 || posted.length < postedBeforeCrash + 20); i++) {
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
    await eventually(() => received.length >= 10 && plain.received.length >= 10, 20_000, 'ten answers through A');
    a.crash();
    postedBeforeCrash = posted.length;
    expect(await a.exited).toEqual({ code: null, signal: 'SIGKILL' });
    await writer;
    expect(failures).toEqual([]);
    expect(posted.length).toBe(postedBeforeCrash + 20); // answers kept coming through the crash

    await eventually(
      () => received.length >= posted.length,
      20_000,
      `all ${posted.length} answers (got ${received.length})`,
    );
    // Through A, then (after the kill) through B; exactly the answers posted, in order, once.
    expect(helperRoute.state.connectedTo).toEqual(['A', 'B']);
    expect(received.map((answer) => answer.body)).toEqual(posted);
    const switched = received.findIndex((answer) => answer.via === 'B');
    expect(switched).toBeGreaterThanOrEqual(10);
    expect(received.slice(switched).every((answer) => answer.via === 'B')).toBe(true);
    expect(followed.cursor).not.toBe(shown.latestAnswerCursor);

    // The plain client was re-subscribed with its first `after`: what it had got through A comes again.
    await eventually(() => plain.received.length >= plain.beforeDrop + posted.length, 20_000, 'the plain client');
    expect(plainRoute.state.connectedTo).toEqual(['A', 'B']);
    expect(plain.beforeDrop).toBeGreaterThanOrEqual(10);
    expect(plain.received).toEqual([...posted.slice(0, plain.beforeDrop), ...posted]);

    // Nothing else arrives: one last answer closes both streams.
    expect((await post('Last answer.')).status).toBe(200);
    await eventually(
      () => received.length > posted.length && plain.received.length > plain.beforeDrop + posted.length,
      10_000,
      'the last answer',
    );
    expect(received.map((answer) => answer.body)).toEqual([...posted, 'Last answer.']);
    expect(plain.received.at(-1)).toBe('Last answer.');
    expect(errors).toEqual([]);
  } finally {
    await followed.close();
    await plainClient.dispose();
  }
}, 90_000);
