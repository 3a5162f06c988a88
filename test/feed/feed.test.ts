import { describe, expect } from 'vitest';
import { bearer, errorsOf } from '../helpers/http';
import { eventually, subscribe, wsClient } from '../helpers/live';
import { doctorToken } from '../notifications/support';
import { expectData, graphql, type ResultOf } from '../helpers/graphql';
import { it, test } from '../helpers/world';
import type { TestServer } from '../helpers/server';

let plastic: string; // Dr. Harish Kumar Kabilan, Plastic Surgeon: hair, scalp and cosmetic topics
test.beforeAll(async ({ server }) => {
  plastic = await doctorToken(server, 'harish-kumar-kabilan');
});

const ASKED = graphql(
  `subscription FeedQuestionAsked($filter: QuestionFeedFilter, $after: String) { questionAsked(filter: $filter, after: $after) { cursor node { title } } }`,
);
const FOLLOW = graphql(
  `mutation FeedFollowTopic($input: FollowTopicInput!) { followTopic(input: $input) { topic { slug } followedTopics { slug } } }`,
);
const UNFOLLOW = graphql(
  `mutation FeedUnfollowTopic($input: UnfollowTopicInput!) { unfollowTopic(input: $input) { followedTopics { slug } } }`,
);
const listening = (server: TestServer, count: number) =>
  eventually(() => server.pubSub.listenerCount() === count, 10_000, `${count} listeners`);
const titles = (events: ResultOf<typeof ASKED>[]) => events.map((e) => e.questionAsked.node.title);

async function ask(server: TestServer, title: string, topics: string[]) {
  const data = expectData(
    await server.request(
      graphql(`mutation FeedAskQuestion($input: AskQuestionInput!) { askQuestion(input: $input) { question { id } } }`),
      {
        input: { title, body: `${title} (body)`, topics },
      },
    ),
  );
  return data.askQuestion.question.id as string;
}

describe("the doctors' feed", () => {
  it("follows the doctor's specialty and followed topics by default, each question once", async ({ server }) => {
    const client = wsClient(server.url, plastic);
    const live = subscribe(client, ASKED, {});
    await listening(server, 1);
    await ask(server, 'A question about teeth only', ['dental-care']);
    await ask(server, 'A question about hair loss', ['hair-treatments']);
    await ask(server, 'Sentinel about cosmetic work', ['cosmetic-procedures']);
    await live.waitFor(2);
    expect(titles(live.received)).toEqual(['A question about hair loss', 'Sentinel about cosmetic work']);
    live.stop();
    await client.dispose();
    await listening(server, 0);

    expect(await server.request(FOLLOW, { input: { topic: 'dental-care' } }, bearer(plastic))).toEqual({
      data: { followTopic: { topic: { slug: 'dental-care' }, followedTopics: [{ slug: 'dental-care' }] } },
    });
    const again = wsClient(server.url, plastic);
    const followed = subscribe(again, ASKED, {});
    await listening(server, 1);
    await ask(server, 'Now teeth are followed', ['dental-care']);
    expect(titles(await followed.waitFor(1))).toEqual(['Now teeth are followed']);
    await again.dispose();
    await listening(server, 0);
    expect(await server.request(UNFOLLOW, { input: { topic: 'dental-care' } }, bearer(plastic))).toEqual({
      data: { unfollowTopic: { followedTopics: [] } },
    });
  });

  it('resumes from a cursor with every matching question missed, in order, then live ones (filter by specialty)', async ({
    server,
  }) => {
    const filter = { specialty: 'unani-dermatologist' }; // hair-treatments only
    const client = wsClient(server.url, plastic);
    const first = subscribe(client, ASKED, { filter });
    await listening(server, 1);
    await ask(server, 'Seen: hair question one', ['hair-treatments']);
    const [seen] = await first.waitFor(1);
    await client.dispose();
    await listening(server, 0);
    await ask(server, 'Missed: hair question two', ['hair-treatments']);
    await ask(server, 'Not matched: cosmetic only', ['cosmetic-procedures']);
    await ask(server, 'Missed: hair question three', ['hair-treatments', 'dental-care']);
    const back = wsClient(server.url, plastic);
    const after = subscribe(back, ASKED, { filter, after: seen!.questionAsked.cursor });
    expect(titles(await after.waitFor(2))).toEqual(['Missed: hair question two', 'Missed: hair question three']);
    await listening(server, 1);
    await ask(server, 'Live: hair question four', ['hair-treatments']);
    await after.waitFor(3);
    expect(titles(after.received)).toEqual([
      'Missed: hair question two',
      'Missed: hair question three',
      'Live: hair question four',
    ]);
    await back.dispose();
    await listening(server, 0);
  });

  it('streams over server-sent events', async ({ server }) => {
    const controller = new AbortController();
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...bearer(plastic) },
      body: JSON.stringify({ query: ASKED, variables: { filter: { topics: ['scalp-micropigmentation'] } } }),
      signal: controller.signal,
    });
    expect(response.status).toBe(200);
    await listening(server, 1);
    await ask(server, 'Scalp pigment over SSE', ['scalp-micropigmentation']);
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let stream = '';
    while (!stream.includes('event: next') || !stream.includes('\n\n')) stream += (await reader.read()).value;
    const data = stream.split('\n').find((line) => line.startsWith('data: '))!;
    expect(JSON.parse(data.slice(6)).data.questionAsked.node.title).toBe('Scalp pigment over SSE');
    controller.abort();
    await listening(server, 0);
  });

  it('lists unanswered questions for the doctor, longest waiting first', async ({ server }) => {
    const page = expectData(
      await server.request(
        graphql(
          `query FeedUnansweredQuestions { unansweredQuestions(first: 100) { edges { node { title answerCount topics { slug } } } } }`,
        ),
        {},
        bearer(plastic),
      ),
    );
    const nodes = page.unansweredQuestions.edges.map((e) => e.node);
    expect(nodes.every((n) => n.answerCount === 0)).toBe(true);
    expect(nodes.map((n) => n.title)).toEqual([
      'A question about hair loss',
      'Sentinel about cosmetic work',
      'Seen: hair question one',
      'Missed: hair question two',
      'Not matched: cosmetic only',
      'Missed: hair question three',
      'Live: hair question four',
      'Scalp pigment over SSE',
    ]);
  });

  it('refuses bad filters and the wrong credentials with clear codes', async ({ server }) => {
    const unknown = await server.request(
      graphql(
        `query FeedUnansweredQuestions2 { unansweredQuestions(filter: { topics: ["no-such-topic"] }) { edges { cursor } } }`,
      ),
    );
    expect(errorsOf(unknown)).toEqual([
      {
        message: 'Unknown topic: no-such-topic.',
        path: ['unansweredQuestions'],
        extensions: { code: 'BAD_USER_INPUT', field: 'filter.topics' },
      },
    ]);
    const follow = await server.request(FOLLOW, { input: { topic: 'no-such-topic' } }, bearer(plastic));
    expect(errorsOf(follow)).toEqual([
      {
        message: 'Unknown topic: no-such-topic.',
        path: ['followTopic'],
        extensions: { code: 'BAD_USER_INPUT', field: 'topic' },
      },
    ]);
    const anonymous = wsClient(server.url);
    const refused = subscribe(anonymous, ASKED, {});
    await eventually(() => refused.errors.length > 0, 10_000, 'the refusal');
    expect(refused.errors).toMatchObject([
      {
        message: 'Sign in with a doctor or a staff credential to use Subscription.questionAsked.',
        extensions: { code: 'UNAUTHENTICATED' },
      },
    ]);
    await anonymous.dispose();
  });
});
