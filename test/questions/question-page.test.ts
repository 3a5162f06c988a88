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

  it('runs the same 2 SQL statements for 1 answer and for 30, selecting only requested columns', async ({ server }) => {
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
    // 1: the question with its answers, their authors and specialties, topics and the count;
    // 2: the relevant blog posts.
    expect(counted.map((c) => c.count)).toEqual([2, 2]);
    const [pageStatement] = counted[1]!.statements;
    expect(pageStatement).toMatch(/FROM "public"\."question"/);
    // Columns nobody asked for stay in the database.
    for (const unrequested of ['asker_id', 'email', 'country', 'verified', 'created_at', 'last_answered_at']) {
      expect(pageStatement).not.toContain(`"${unrequested}"`);
    }
  });
});
