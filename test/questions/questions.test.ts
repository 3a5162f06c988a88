import { describe, expect } from 'vitest';
import { QuestionListDocument } from '../../src/client/generated/graphql';
import { fixtures } from '../helpers/fixtures';
import { expectData, graphql } from '../helpers/graphql';
import { it, test } from '../helpers/world';
import type { TestServer } from '../helpers/server';

const ids: Record<string, number> = {};
let topicSlug: string;

// Five questions of one topic (plus the demo page's question, outside that topic):
//   cold: asked 1st, answered last (2 answers)    migraine: asked 2nd, 3 answers
//   cough: asked 3rd, unanswered                  rash: asked 4th, 1 answer
//   sleep: asked 5th, unanswered
test.beforeAll(async ({ server }) => {
  const make = fixtures(server.db);
  const topic = await make.topic('General medicine');
  topicSlug = topic.slug;
  const doctor = await make.doctor({ name: 'Dr. Test' });
  const day = (d: number) => new Date(Date.UTC(2025, 0, d));
  const titles = [
    'Cold that will not go away',
    'Migraine every morning',
    'Dry cough at night',
    'Rash after swimming',
    'Cannot sleep well',
  ];
  for (const [i, title] of titles.entries()) {
    const q = await make.question({
      title,
      body: `${title}. Advice needed.`,
      askedAt: day(i + 1),
      topicIds: [topic.id],
    });
    ids[title.split(' ')[0]!.toLowerCase()] = q.id;
  }
  const answer = (key: string, d: number) =>
    make.answer({ questionId: ids[key]!, doctorId: doctor.id, answeredAt: day(d) });
  await answer('cold', 10);
  await answer('cold', 20);
  await answer('migraine', 11);
  await answer('migraine', 12);
  await answer('migraine', 13);
  await answer('rash', 15);
});

async function list(server: TestServer, variables: Record<string, unknown>) {
  const data = expectData(await server.request(QuestionListDocument, variables));
  return data!.questions;
}
const titlesOf = (connection: Awaited<ReturnType<typeof list>>) =>
  connection.edges.map((e) => e.node.title.split(' ')[0]);

describe('questions', () => {
  it('orders a topic newest first by default, with the total', async ({ server }) => {
    const page = await list(server, { filter: { topic: topicSlug } });
    expect(titlesOf(page)).toEqual(['Cannot', 'Rash', 'Dry', 'Migraine', 'Cold']);
    expect(page.totalCount).toBe(5);
  });

  it('orders by most recent answer, listing answered questions only', async ({ server }) => {
    const page = await list(server, { filter: { topic: topicSlug }, orderBy: 'RECENTLY_ANSWERED' });
    expect(titlesOf(page)).toEqual(['Cold', 'Rash', 'Migraine']);
    expect(page.edges.map((e) => e.node.lastAnsweredAt)).toEqual([
      '2025-01-20T00:00:00.000Z',
      '2025-01-15T00:00:00.000Z',
      '2025-01-13T00:00:00.000Z',
    ]);
    expect(page.totalCount).toBe(3);
  });

  it('orders by answer count', async ({ server }) => {
    const page = await list(server, { filter: { topic: topicSlug }, orderBy: 'MOST_ANSWERED' });
    expect(page.edges.map((e) => [e.node.title.split(' ')[0], e.node.answerCount])).toEqual([
      ['Migraine', 3],
      ['Cold', 2],
      ['Rash', 1],
      ['Cannot', 0],
      ['Dry', 0],
    ]);
  });

  it('filters answered and unanswered questions', async ({ server }) => {
    expect(titlesOf(await list(server, { filter: { topic: topicSlug, answered: false } }))).toEqual(['Cannot', 'Dry']);
    expect(titlesOf(await list(server, { filter: { topic: topicSlug, answered: true } }))).toEqual([
      'Rash',
      'Migraine',
      'Cold',
    ]);
  });

  it('finds questions by words of title or body, stemmed, across topics', async ({ server }) => {
    expect(titlesOf(await list(server, { filter: { search: 'coughing' } }))).toEqual(['Dry']);
    expect(titlesOf(await list(server, { filter: { search: 'micropigmentation' } }))).toEqual(['Is']);
    expect((await list(server, { filter: { search: 'advice', topic: topicSlug } })).totalCount).toBe(5);
    expect((await list(server, { filter: { search: 'nothing-like-this-anywhere' } })).edges).toEqual([]);
  });

  it('pages forward with cursors, without gaps or repeats', async ({ server }) => {
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page = await list(server, { filter: { topic: topicSlug }, first: 2, after });
      expect(page.totalCount).toBe(5); // the whole topic's, on every page
      seen.push(...titlesOf(page).map(String));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor!;
    }
    expect(seen).toEqual(['Cannot', 'Rash', 'Dry', 'Migraine', 'Cold']);
  });

  it("counts a topic's questions when only the count is asked, or under a fragment", async ({ server }) => {
    const alone = expectData(
      await server.request<{ questions: unknown }>(
        `query($t: String) { questions(filter: { topic: $t }) { totalCount } }`,
        {
          t: topicSlug,
        },
      ),
    );
    expect(alone.questions).toEqual({ totalCount: 5 });
    const inFragment = expectData(
      await server.request<{ questions: unknown }>(
        `query($t: String) { questions(filter: { topic: $t }, first: 1) { ...Count edges { node { title } } } }
         fragment Count on QueryQuestionsConnection { totalCount }`,
        { t: topicSlug },
      ),
    );
    expect(inFragment.questions).toEqual({
      totalCount: 5,
      edges: [{ node: { title: expect.stringMatching(/^Cannot/) } }],
    });
  });

  it('refuses pages over 100 with BAD_USER_INPUT', async ({ server }) => {
    const { data, errors } = await server.request(QuestionListDocument, { first: 101 });
    expect(data).toBeNull();
    expect(errors).toEqual([
      expect.objectContaining({
        message: '"first" must be between 0 and 100; got 101.',
        extensions: { code: 'BAD_USER_INPUT', field: 'first' },
      }),
    ]);
  });

  it('refuses a malformed cursor with BAD_USER_INPUT', async ({ server }) => {
    const { errors } = await server.request(QuestionListDocument, { after: 'not-a-cursor' });
    expect(errors).toEqual([
      expect.objectContaining({ message: 'Invalid cursor: not-a-cursor', extensions: { code: 'BAD_USER_INPUT' } }),
    ]);
  });

  it('refuses contradictory or empty filters with BAD_USER_INPUT naming the field', async ({ server }) => {
    const contradictory = await server.request(QuestionListDocument, {
      filter: { answered: false },
      orderBy: 'RECENTLY_ANSWERED',
    });
    expect(contradictory.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'answered' });
    const empty = await server.request(QuestionListDocument, { filter: { search: '   ' } });
    expect(empty.errors?.[0]).toMatchObject({
      message: '"search" must have between 1 and 200 characters.',
      extensions: { code: 'BAD_USER_INPUT', field: 'search' },
    });
  });
});

describe('question(slug | id)', () => {
  it('finds a question by its global ID, and node(id) agrees', async ({ server }) => {
    const bySlug = await server.request(
      graphql(`query QuestionsQuestion { question(slug: "is-scalp-micropigmentation-permanent") { id title } }`),
    );
    const id = bySlug.data!.question!.id;
    const byId = await server.request(
      graphql(
        `query QuestionsQuestion2($id: ID!) { question(id: $id) { title } node(id: $id) { ... on Question { slug } } }`,
      ),
      { id },
    );
    expect(byId).toEqual({
      data: {
        question: { title: 'Is scalp micropigmentation permanent?' },
        node: { slug: 'is-scalp-micropigmentation-permanent' },
      },
    });
  });

  it('gives null from node(id) and nodes(ids) for an ID of a row that does not exist', async ({ server }) => {
    const missing = ['Question', 'Doctor', 'BlogPost', 'Topic'].map((type) =>
      Buffer.from(`${type}:999999`).toString('base64'),
    );
    const data = expectData(
      await server.request(
        graphql(`query QuestionsNode($ids: [ID!]!, $id: ID!) { node(id: $id) { id } nodes(ids: $ids) { id } }`),
        {
          id: missing[0]!,
          ids: missing,
        },
      ),
    );
    expect(data).toEqual({ node: null, nodes: [null, null, null, null] });
  });

  it('says NOT_FOUND for an unknown slug', async ({ server }) => {
    const { data, errors } = await server.request(
      graphql(`query QuestionsQuestion3 { question(slug: "no-such-question") { title } }`),
    );
    expect(data).toEqual({ question: null });
    expect(errors).toEqual([
      expect.objectContaining({
        message: 'No question with slug "no-such-question".',
        extensions: { code: 'NOT_FOUND' },
      }),
    ]);
  });

  it('says BAD_USER_INPUT for a malformed ID, an ID of another type, or no argument', async ({ server }) => {
    const doctorId = Buffer.from('Doctor:1').toString('base64');
    const cases = [
      ['question(id: "%%%")', '"%%%" is not a valid ID.'],
      [`question(id: "${doctorId}")`, `"${doctorId}" is the ID of a Doctor, not of a Question.`],
      ['question', 'Give exactly one of "id" or "slug" to look up a Question.'],
    ];
    for (const [field, message] of cases) {
      const { errors } = await server.request(`{ ${field} { title } }`);
      expect(errors?.[0]).toMatchObject({ message, extensions: { code: 'BAD_USER_INPUT' } });
    }
  });
});
