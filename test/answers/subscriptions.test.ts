import { describe, expect } from 'vitest';
import { issueCredential } from '../../src/auth/tokens';
import { eventually, subscribe, wsClient } from '../helpers/live';
import { expectData, graphql, type ResultOf } from '../helpers/graphql';
import { it, test } from '../helpers/world';
import type { TestServer } from '../helpers/server';

let doctorToken: string;
let staffToken: string;
let questionId: string;

const POST = graphql(
  `mutation SubscriptionsPostAnswer($input: PostAnswerInput!) { postAnswer(input: $input) { answer { id } } }`,
);
const ANSWER_ADDED = graphql(`subscription SubscriptionsAnswerAdded($questionId: ID!, $after: String) {
  answerAdded(questionId: $questionId, after: $after) {
    cursor
    node { body author { __typename ... on Doctor { name specialty { name } } ... on StaffMember { name } } }
  }
}`);

async function post(server: TestServer, body: string, token = doctorToken, question = questionId): Promise<string> {
  const data = expectData(
    await server.request(POST, { input: { questionId: question, body } }, { authorization: `Bearer ${token}` }),
  );
  return data.postAnswer.answer.id;
}

/** A question of its own for each test, so events of one test never reach another. */
async function newQuestion(server: TestServer): Promise<string> {
  const { data } = await server.request(
    graphql(
      `mutation SubscriptionsAskQuestion($input: AskQuestionInput!) { askQuestion(input: $input) { question { id } } }`,
    ),
    { input: { title: `Live question ${Math.random()}`, body: 'Does anyone answer this live?' } },
  );
  return data!.askQuestion.question.id;
}

const listening = (server: TestServer, count: number) =>
  eventually(() => server.pubSub.listenerCount() === count, 5000, `${count} listeners`);
const bodies = (events: ResultOf<typeof ANSWER_ADDED>[]) => events.map((event) => event.answerAdded.node.body);

test.beforeAll(async ({ server }) => {
  const doctor = await server.db.doctor.findUniqueOrThrow({ where: { slug: 'harish-kumar-kabilan' } });
  const staff = await server.db.staffMember.findFirstOrThrow();
  doctorToken = await issueCredential(server.db, { role: 'doctor', doctorId: doctor.id });
  staffToken = await issueCredential(server.db, { role: 'staff', staffMemberId: staff.id });
});

describe('answerAdded over graphql-ws', () => {
  it('pushes each new answer once, with exactly the fields selected and the connection cursor', async ({ server }) => {
    questionId = await newQuestion(server);
    const client = wsClient(server.url);
    const live = subscribe(client, ANSWER_ADDED, { questionId });
    await listening(server, 1);
    await post(server, 'First live answer.');
    await post(server, 'An editorial note.', staffToken);
    await live.waitFor(2);
    // Events arrive in order: once a sentinel posted last is in, anything extra would be too.
    await post(server, 'Sentinel.');
    const events = await live.waitFor(3);
    expect(bodies(live.received)).toEqual(['First live answer.', 'An editorial note.', 'Sentinel.']);
    expect(events.slice(0, 2).map((e) => e.answerAdded.node)).toEqual([
      {
        body: 'First live answer.',
        author: { __typename: 'Doctor', name: 'Dr. Harish Kumar Kabilan', specialty: { name: 'Plastic Surgeon' } },
      },
      { body: 'An editorial note.', author: { __typename: 'StaffMember', name: 'Shweta Kumari' } },
    ]);
    const page = await server.request(
      graphql(
        `query SubscriptionsQuestion($id: ID!) { question(id: $id) { answers(order: OLDEST_FIRST) { edges { cursor } } } }`,
      ),
      { id: questionId },
    );
    expect(events.map((e) => e.answerAdded.cursor)).toEqual(page.data!.question!.answers.edges.map((e) => e.cursor));
    live.stop();
    await client.dispose();
    await listening(server, 0);
  });

  it('replays what a dropped client missed, in order, then continues live', async ({ server }) => {
    questionId = await newQuestion(server);
    const first = wsClient(server.url);
    const before = subscribe(first, ANSWER_ADDED, { questionId });
    await listening(server, 1);
    await post(server, 'Seen before the drop.');
    const [seen] = await before.waitFor(1);
    await first.dispose(); // the connection drops
    await listening(server, 0);

    await post(server, 'Missed 1.');
    await post(server, 'Missed 2.');
    await post(server, 'Missed 3.');

    const second = wsClient(server.url);
    const after = subscribe(second, ANSWER_ADDED, { questionId, after: seen!.answerAdded.cursor });
    expect(bodies(await after.waitFor(3))).toEqual(['Missed 1.', 'Missed 2.', 'Missed 3.']);
    await post(server, 'Live after reconnecting.');
    await post(server, 'Sentinel.');
    await after.waitFor(5);
    expect(bodies(after.received)).toEqual([
      'Missed 1.',
      'Missed 2.',
      'Missed 3.',
      'Live after reconnecting.',
      'Sentinel.',
    ]);
    await second.dispose();
    await listening(server, 0);
  });

  it('has no gap and no duplicate when answers arrive while the replay runs', async ({ server }) => {
    questionId = await newQuestion(server);
    const client = wsClient(server.url);
    const probe = subscribe(client, ANSWER_ADDED, { questionId });
    await listening(server, 1);
    await post(server, 'Cursor.');
    const [start] = await probe.waitFor(1);
    probe.stop();
    await listening(server, 0);
    for (let i = 0; i < 20; i++) await post(server, `Before ${i}`);

    const live = subscribe(client, ANSWER_ADDED, { questionId, after: start!.answerAdded.cursor });
    const during = Array.from({ length: 10 }, (_, i) => post(server, `During ${i}`));
    await Promise.all(during);
    await live.waitFor(30, 10_000);
    await post(server, 'Sentinel.');
    const received = bodies(await live.waitFor(31, 10_000));
    expect(received.pop()).toBe('Sentinel.');
    expect(received).toHaveLength(30);
    expect(received.slice(0, 20)).toEqual(Array.from({ length: 20 }, (_, i) => `Before ${i}`));
    expect([...received.slice(20)].sort()).toEqual(Array.from({ length: 10 }, (_, i) => `During ${i}`));
    // In creation order: ids (hence cursors' answers) strictly increase.
    const rows = await server.db.answer.findMany({
      where: { body: { in: received } },
      orderBy: { id: 'asc' },
      select: { body: true },
    });
    expect(received).toEqual(rows.map((row) => row.body));
    await client.dispose();
  });

  it('never delivers hidden answers, and tells answerUpdated subscribers of edits and hides', async ({ server }) => {
    questionId = await newQuestion(server);
    const client = wsClient(server.url);
    const added = subscribe(client, ANSWER_ADDED, { questionId });
    const updated = subscribe(
      client,
      graphql(
        `subscription SubscriptionsAnswerUpdated($questionId: ID!) { answerUpdated(questionId: $questionId) { kind answerId answer { body lastEditedAt } } }`,
      ),
      { questionId },
    );
    await listening(server, 2);
    const answerId = await post(server, 'Original text.');
    await added.waitFor(1);
    const auth = { authorization: `Bearer ${doctorToken}` };
    await server.request(
      graphql(
        `mutation SubscriptionsEditAnswer($input: EditAnswerInput!) { editAnswer(input: $input) { answer { id } } }`,
      ),
      { input: { answerId, body: 'Corrected text.' } },
      auth,
    );
    await server.request(
      graphql(`mutation SubscriptionsHideAnswer($input: HideAnswerInput!) { hideAnswer(input: $input) { answerId } }`),
      { input: { answerId } },
      { authorization: `Bearer ${staffToken}` },
    );
    const events = await updated.waitFor(2);
    expect(events[0]!.answerUpdated).toMatchObject({ kind: 'EDITED', answerId, answer: { body: 'Corrected text.' } });
    expect(events[0]!.answerUpdated.answer!.lastEditedAt).toEqual(expect.any(String));
    expect(events[1]!.answerUpdated).toEqual({ kind: 'HIDDEN', answerId, answer: null });

    // An answer hidden before a replay reaches it is skipped.
    const [seen] = added.received;
    const hiddenLater = await post(server, 'Will be hidden.');
    await server.request(
      graphql(`mutation SubscriptionsHideAnswer($input: HideAnswerInput!) { hideAnswer(input: $input) { answerId } }`),
      { input: { answerId: hiddenLater } },
      { authorization: `Bearer ${staffToken}` },
    );
    await post(server, 'Visible.');
    const replay = subscribe(client, ANSWER_ADDED, { questionId, after: seen!.answerAdded.cursor });
    await replay.waitFor(1);
    await post(server, 'Sentinel.');
    await replay.waitFor(2);
    expect(bodies(replay.received)).toEqual(['Visible.', 'Sentinel.']);
    await client.dispose();
  });

  it('refuses an unknown question or a bad cursor with a clear error', async ({ server }) => {
    const client = wsClient(server.url);
    const missing = subscribe(client, ANSWER_ADDED, { questionId: Buffer.from('Question:999999').toString('base64') });
    const badCursor = subscribe(client, ANSWER_ADDED, { questionId: await newQuestion(server), after: 'nope' });
    await eventually(() => missing.errors.length > 0 && badCursor.errors.length > 0);
    expect(missing.errors).toEqual([
      expect.objectContaining({
        message: 'No question with ID "UXVlc3Rpb246OTk5OTk5".',
        extensions: { code: 'NOT_FOUND' },
      }),
    ]);
    expect(badCursor.errors).toEqual([
      expect.objectContaining({
        message: '"nope" is not a cursor of Question.answers.',
        extensions: { code: 'BAD_USER_INPUT', field: 'after' },
      }),
    ]);
    await client.dispose();
  });
});

describe('answerAdded over server-sent events', () => {
  it('streams new answers to a plain HTTP client', async ({ server }) => {
    questionId = await newQuestion(server);
    const controller = new AbortController();
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ query: ANSWER_ADDED, variables: { questionId } }),
      signal: controller.signal,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    await listening(server, 1);
    await post(server, 'Over SSE.');

    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let stream = '';
    while (!stream.includes('\n\n') || !stream.includes('event: next')) stream += (await reader.read()).value;
    const data = stream.split('\n').find((line) => line.startsWith('data: '))!;
    expect(JSON.parse(data.slice(6)).data.answerAdded.node.body).toBe('Over SSE.');
    controller.abort();
    await listening(server, 0);
  });

  it('refuses an invalid credential with 401', async ({ server }) => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: 'Bearer mqa_nope' },
      body: JSON.stringify({ query: ANSWER_ADDED, variables: { questionId } }),
    });
    expect(response.status).toBe(401);
    await response.body?.cancel();
  });
});
