import { readFileSync } from 'node:fs';
import { describe, expect } from 'vitest';
import { DEMO_QUESTION } from '../../prisma/seed/demo-page';
import { QuestionPageDocument } from '../../src/client/generated/graphql';
import { expectData } from '../helpers/graphql';
import { it } from '../helpers/world';
import type { TestServer } from '../helpers/server';

const SEED_PAGE = new URL('../fixtures/scalp-micropigmentation-question.txt', import.meta.url);
const slug = 'is-scalp-micropigmentation-permanent';
const thisYear = new Date().getUTCFullYear();

describe('the question page of the seed question', () => {
  it('comes back in one request exactly as on the page', async ({ server }) => {
    const data = expectData(await server.request(QuestionPageDocument, { slug }));
    const question = data!.question!;
    expect(question).toMatchObject({
      slug,
      title: 'Is scalp micropigmentation permanent?',
      body: 'Is scalp micropigmentation permanent?',
      askedAt: '2022-09-02T10:48:00.000Z', // 2nd September 2022, 4:18 pm IST
      askedAnonymously: true,
      answerCount: 5,
      topics: [
        { slug: 'cosmetic-procedures', name: 'Cosmetic procedures' },
        { slug: 'hair-treatments', name: 'Hair treatments' },
        { slug: 'scalp-micropigmentation', name: 'Scalp micropigmentation' },
      ],
    });
    expect(question.answers.totalCount).toBe(5);
    expect(question.answers.pageInfo.hasNextPage).toBe(false);

    const answers = question.answers.edges.map(({ node }) => ({
      answeredAt: node.answeredAt,
      lastEditedAt: node.lastEditedAt,
      editorial: node.editorial,
      author:
        node.author.__typename === 'Doctor'
          ? {
              name: node.author.name,
              yearsOfExperience: node.author.yearsOfExperience,
              specialty: node.author.specialty?.name ?? null,
            }
          : { staff: node.author.name },
    }));
    // Newest first. Experience is as on the page in 2026 and grows by one each year after.
    const grown = thisYear - 2026;
    expect(answers).toEqual([
      {
        answeredAt: '2022-11-21T02:35:00.000Z',
        lastEditedAt: null,
        editorial: false,
        author: { name: 'Dr. Harish Kumar Kabilan', yearsOfExperience: 23 + grown, specialty: 'Plastic Surgeon' },
      },
      {
        answeredAt: '2022-11-16T20:46:00.000Z',
        lastEditedAt: null,
        editorial: false,
        author: { name: 'Dr. Izharul Hasan', yearsOfExperience: 16 + grown, specialty: 'Unani Dermatologist' },
      },
      {
        answeredAt: '2022-09-28T11:58:00.000Z',
        lastEditedAt: '2022-09-28T11:58:00.000Z',
        editorial: true,
        author: { staff: 'Shweta Kumari' },
      },
      {
        answeredAt: '2022-09-12T05:08:00.000Z',
        lastEditedAt: null,
        editorial: false,
        author: { name: 'Dr. Archit Aggarwal', yearsOfExperience: 9 + grown, specialty: null },
      },
      {
        answeredAt: '2022-09-06T01:58:00.000Z',
        lastEditedAt: null,
        editorial: false,
        author: { name: 'Dr. Raajshri Gupta', yearsOfExperience: 8 + grown, specialty: null },
      },
    ]);

    const bodies = question.answers.edges.map(({ node }) => node.body);
    const expectedBodies = [...DEMO_QUESTION.answers]
      .sort((a, b) => b.answeredAt.getTime() - a.answeredAt.getTime())
      .map((answer) => answer.body);
    expect(bodies).toEqual(expectedBodies);
    expect(bodies[3]).toContain('after a gap of 6 pounds to 1 and 1/2 years'); // typos kept

    expect(question.relevantBlogs.length).toBeGreaterThan(0);
    expect(question.relevantBlogs.length).toBeLessThanOrEqual(5);
    const published = question.relevantBlogs.map((blog) => blog.publishedAt);
    expect(published).toEqual([...published].sort().reverse());
  });

  it('returns every answer body as it stands on the seed page', async ({ server }) => {
    const { data } = await server.request(QuestionPageDocument, { slug });
    const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();
    const page = normalise(readFileSync(SEED_PAGE, 'utf8'));
    for (const { node } of data!.question!.answers.edges) {
      for (const line of node.body.split('\n').filter(Boolean)) {
        expect(page).toContain(normalise(line));
      }
    }
  });
});

describe('one page, one trip', () => {
  async function questionWithAnswers(server: TestServer, count: number) {
    const asker = await server.db.asker.create({ data: {} });
    const doctor = await server.db.doctor.findUniqueOrThrow({ where: { slug: 'harish-kumar-kabilan' } });
    const staff = await server.db.staffMember.findFirstOrThrow();
    const topic = await server.db.topic.findUniqueOrThrow({ where: { slug: 'hair-treatments' } });
    const question = await server.db.question.create({
      data: {
        slug: `statement-count-${count}`,
        title: `A question with ${count} answers`,
        body: 'Body',
        askerId: asker.id,
        topics: { connect: [{ id: topic.id }] },
      },
    });
    await server.db.answer.createMany({
      data: Array.from({ length: count }, (_, i) => ({
        questionId: question.id,
        body: `Answer ${i}`,
        answeredAt: new Date(Date.UTC(2024, 0, 1, 0, i)),
        ...(i % 3 === 0 ? { staffMemberId: staff.id } : { doctorId: doctor.id }),
      })),
    });
    return question.slug;
  }

  it('runs the same single SQL statement for 1 answer and for 30, selecting only requested columns', async ({
    server,
  }) => {
    const one = await questionWithAnswers(server, 1);
    const thirty = await questionWithAnswers(server, 30);

    const counted = [];
    for (const [questionSlug, answers] of [
      [one, 1],
      [thirty, 30],
    ] as const) {
      const result = await server.countStatements(async () => {
        const data = expectData(await server.request(QuestionPageDocument, { slug: questionSlug, answers: 30 }));
        expect(data!.question!.answers.edges).toHaveLength(answers);
        expect(data!.question!.answers.totalCount).toBe(answers);
      });
      counted.push(result);
    }
    // The question with its answers, their authors and specialties, the count, its topics and
    // through them the relevant blog posts: one round trip.
    expect(counted.map((c) => c.count)).toEqual([1, 1]);
    const [pageStatement] = counted[1]!.statements;
    expect(counted[1]!.statements).toHaveLength(1);
    expect(pageStatement).toMatch(/FROM "public"\."question"/);
    // Columns nobody asked for stay in the database.
    for (const unrequested of [
      'asker_id',
      'email',
      'country',
      'verified',
      'created_at',
      'last_answered_at',
      'summary',
    ]) {
      expect(pageStatement).not.toContain(`"${unrequested}"`);
    }
  });
});

describe('relevant blog posts', () => {
  /** A question on two new topics; posts on either, on both and on neither, published on given days. */
  async function questionWithBlogs(server: TestServer, prefix: string) {
    const asker = await server.db.asker.create({ data: {} });
    const [skin, sleep, other] = await Promise.all(
      ['skin', 'sleep', 'other'].map((name) =>
        server.db.topic.create({ data: { slug: `${prefix}-${name}`, name: `${prefix} ${name}` } }),
      ),
    );
    const post = (slug: string, day: number, topics: { id: number }[]) =>
      server.db.blogPost.create({
        data: {
          slug: `${prefix}-${slug}`,
          title: slug,
          summary: `About ${slug}`,
          url: `https://example.com/${slug}`,
          publishedAt: new Date(Date.UTC(2024, 0, day)),
          topics: { connect: topics.map(({ id }) => ({ id })) },
        },
      });
    // In order of creation, so that ids rise: on a tie of dates the later id comes first.
    await post('skin-old', 1, [skin!]);
    await post('both-newest', 20, [skin!, sleep!]);
    await post('sleep-mid', 10, [sleep!]);
    await post('skin-mid-tie', 10, [skin!]);
    await post('other-newest', 30, [other!]);
    await post('sleep-old', 2, [sleep!]);
    const question = await server.db.question.create({
      data: {
        slug: `${prefix}-question`,
        title: 'Skin and sleep',
        body: 'Body',
        askerId: asker.id,
        topics: { connect: [{ id: skin!.id }, { id: sleep!.id }] },
      },
    });
    return question.slug;
  }

  const query = `query Blogs($slug: String!, $first: Int!) { question(slug: $slug) { relevantBlogs(first: $first) { slug } } }`;
  const withTopics = `query BlogsAndTopics($slug: String!, $first: Int!) {
    question(slug: $slug) { topics { slug } relevantBlogs(first: $first) { slug publishedAt } }
  }`;

  it('are the newest posts sharing a topic, each once, newest first and by id on a tie, in one statement', async ({
    server,
  }) => {
    const questionSlug = await questionWithBlogs(server, 'newest');
    const slugs = async (first: number) => {
      let found: string[] = [];
      const { count } = await server.countStatements(async () => {
        const data = expectData(
          await server.request<{ question: { relevantBlogs: { slug: string }[] } }>(query, {
            slug: questionSlug,
            first,
          }),
        );
        found = data.question.relevantBlogs.map((blog) => blog.slug);
      });
      expect(count).toBe(1);
      return found;
    };
    const all = ['both-newest', 'skin-mid-tie', 'sleep-mid', 'sleep-old', 'skin-old'].map((slug) => `newest-${slug}`);
    expect(await slugs(20)).toEqual(all);
    expect(await slugs(3)).toEqual(all.slice(0, 3));
    expect(await slugs(1)).toEqual(all.slice(0, 1));
    expect(await slugs(0)).toEqual([]);

    const data = expectData(
      await server.request<{
        question: { topics: { slug: string }[]; relevantBlogs: { slug: string; publishedAt: string }[] };
      }>(withTopics, { slug: questionSlug, first: 2 }),
    );
    expect(data.question).toEqual({
      topics: [{ slug: 'newest-skin' }, { slug: 'newest-sleep' }],
      relevantBlogs: [
        { slug: 'newest-both-newest', publishedAt: '2024-01-20T00:00:00.000Z' },
        { slug: 'newest-skin-mid-tie', publishedAt: '2024-01-10T00:00:00.000Z' },
      ],
    });
  });

  it('answer each alias with its own "first", beside the topics, on a question page of other fields', async ({
    server,
  }) => {
    const questionSlug = await questionWithBlogs(server, 'alias');
    const data = expectData(
      await server.request<Record<string, unknown>>(
        `query($slug: String!) { question(slug: $slug) {
          title
          one: relevantBlogs(first: 1) { slug }
          three: relevantBlogs(first: 3) { slug title }
          topics { name }
        } }`,
        { slug: questionSlug },
      ),
    );
    expect(data.question).toEqual({
      title: 'Skin and sleep',
      one: [{ slug: 'alias-both-newest' }],
      three: [
        { slug: 'alias-both-newest', title: 'both-newest' },
        { slug: 'alias-skin-mid-tie', title: 'skin-mid-tie' },
        { slug: 'alias-sleep-mid', title: 'sleep-mid' },
      ],
      topics: [{ name: 'alias skin' }, { name: 'alias sleep' }],
    });
  });

  it('refuse a "first" out of range, naming it (the list is non-null: the question is null then)', async ({
    server,
  }) => {
    const questionSlug = await questionWithBlogs(server, 'range');
    for (const first of [-1, 21]) {
      const result = await server.request(withTopics, { slug: questionSlug, first });
      expect(result.data).toEqual({ question: null });
      expect(result.errors).toEqual([
        expect.objectContaining({
          message: `"first" must be between 0 and 20; got ${first}.`,
          path: ['question', 'relevantBlogs'],
          extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'first' }),
        }),
      ]);
    }
  });
});
