import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../prisma/seed/demo';
import { DEMO_BLOG_POSTS, DEMO_QUESTION } from '../../prisma/seed/demo-page';
import { createDb, type Db } from '../../src/db/client';
import { migrate } from '../../src/db/migrate';
import { createLogger } from '../../src/logger';
import { createTestDatabase, type TestDatabase } from '../helpers/database';

/** The page the demo data transcribes (a copy of shared/seed-pages/ kept in the repository). */
const seedPagePath = fileURLToPath(new URL('../fixtures/scalp-micropigmentation-question.txt', import.meta.url));

const logger = createLogger('silent');
let database: TestDatabase;
let db: Db;
let firstRun: { created: boolean };

async function rowCounts(url: string): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const tables = await client.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables
        WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
    );
    const counts: Record<string, number> = {};
    for (const { name } of tables.rows) {
      const result = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${name}"`);
      counts[name] = result.rows[0]?.n ?? -1;
    }
    return counts;
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  database = await createTestDatabase();
  await migrate(database.url, { logger });
  db = createDb(database.url, 2, logger);
  firstRun = await seedDemo(db, logger);
});

afterAll(async () => {
  await db?.$disconnect();
  await database?.drop();
});

describe('seedDemo', () => {
  it('creates the demo question on an empty database', () => {
    expect(firstRun).toEqual({ created: true });
  });

  it('loads the question as on the page', async () => {
    const question = await db.question.findUniqueOrThrow({
      where: { slug: 'is-scalp-micropigmentation-permanent' },
      include: { topics: { orderBy: { slug: 'asc' } }, asker: true },
    });
    expect(question.title).toBe('Is scalp micropigmentation permanent?');
    expect(question.body).toBe('Is scalp micropigmentation permanent?');
    // 2nd September 2022, 4:18 pm India Standard Time.
    expect(question.askedAt.toISOString()).toBe('2022-09-02T10:48:00.000Z');
    expect(question.asker.id).toBe(question.askerId);
    expect(question.topics.map((t) => [t.slug, t.name])).toEqual([
      ['cosmetic-procedures', 'Cosmetic procedures'],
      ['hair-treatments', 'Hair treatments'],
      ['scalp-micropigmentation', 'Scalp micropigmentation'],
    ]);
    // Kept by the triggers.
    expect(question.answerCount).toBe(5);
    expect(question.lastAnsweredAt?.toISOString()).toBe('2022-11-21T02:35:00.000Z');
    expect(await db.asker.count()).toBe(1);
  });

  it('loads the five answers with their authors, bodies and times', async () => {
    const answers = await db.answer.findMany({
      where: { question: { slug: 'is-scalp-micropigmentation-permanent' } },
      include: { doctor: { include: { specialty: true } }, staffMember: true },
      orderBy: [{ answeredAt: 'desc' }, { id: 'desc' }],
    });
    const summary = answers.map((a) => ({
      author: a.doctor?.name ?? a.staffMember?.name,
      staff: a.staffMember !== null,
      doctorSlug: a.doctor?.slug ?? null,
      specialty: a.doctor?.specialty?.name ?? null,
      careerStartYear: a.doctor?.careerStartYear ?? null,
      answeredAt: a.answeredAt.toISOString(),
      lastEditedAt: a.lastEditedAt?.toISOString() ?? null,
      hiddenAt: a.hiddenAt,
    }));
    expect(summary).toEqual([
      {
        author: 'Dr. Harish Kumar Kabilan',
        staff: false,
        doctorSlug: 'harish-kumar-kabilan',
        specialty: 'Plastic Surgeon',
        careerStartYear: 2003,
        answeredAt: '2022-11-21T02:35:00.000Z',
        lastEditedAt: null,
        hiddenAt: null,
      },
      {
        author: 'Dr. Izharul Hasan',
        staff: false,
        doctorSlug: 'izharul-hasan',
        specialty: 'Unani Dermatologist',
        careerStartYear: 2010,
        answeredAt: '2022-11-16T20:46:00.000Z',
        lastEditedAt: null,
        hiddenAt: null,
      },
      {
        author: 'Shweta Kumari',
        staff: true,
        doctorSlug: null,
        specialty: null,
        careerStartYear: null,
        answeredAt: '2022-09-28T11:58:00.000Z',
        lastEditedAt: '2022-09-28T11:58:00.000Z',
        hiddenAt: null,
      },
      {
        author: 'Dr. Archit Aggarwal',
        staff: false,
        doctorSlug: 'archit-aggarwal',
        specialty: null,
        careerStartYear: 2017,
        answeredAt: '2022-09-12T05:08:00.000Z',
        lastEditedAt: null,
        hiddenAt: null,
      },
      {
        author: 'Dr. Raajshri Gupta',
        staff: false,
        doctorSlug: 'raajshri-gupta',
        specialty: null,
        careerStartYear: 2018,
        answeredAt: '2022-09-06T01:58:00.000Z',
        lastEditedAt: null,
        hiddenAt: null,
      },
    ]);

    const bodies = answers.map((a) => a.body);
    const expectedBodies = [...DEMO_QUESTION.answers]
      .sort((a, b) => b.answeredAt.getTime() - a.answeredAt.getTime())
      .map((a) => a.body);
    expect(bodies).toEqual(expectedBodies);
    // Kept exactly as written, typos included.
    expect(bodies[0]).toMatch(/^Scalp micropigmentation is considered a permanent treatment\./);
    expect(bodies[1]).toBe("it's permanent cosmetic treatment.");
    expect(bodies[3]).toContain('after a gap of 6 pounds to 1 and 1/2 years');
    expect(bodies[2]?.split('\n')).toEqual([
      '• No, micro scalp pigmentation is a semi-permanent treatment lasting around 4-5 years and begins to lighten.',
      "• It falls under the permanent makeup category, which means that your treatment stays for an extended period, but isn't permanent.",
      '• The pigments used in this surgery are permanent cosmetic pigments that resist fading or color change.',
      '',
      'For more information, you can contact us, or connect with surgeons listed in India and Turkey specific pages.',
    ]);
  });

  it('keeps every answer body word for word from the seed page', () => {
    // The page's lines carry stray indentation and trailing spaces; the bodies keep the rest.
    const trimLines = (text: string) =>
      text
        .split('\n')
        .map((line) => line.trim())
        .join('\n');
    const page = trimLines(readFileSync(seedPagePath, 'utf8'));
    for (const answer of DEMO_QUESTION.answers) {
      expect(page, `body not on the page: ${answer.body.slice(0, 60)}…`).toContain(answer.body);
    }
    expect(page).toContain(DEMO_QUESTION.title);
  });

  it('stores the doctors with their experience as a career start year', async () => {
    const doctors = await db.doctor.findMany({ orderBy: { careerStartYear: 'asc' }, include: { specialty: true } });
    expect(
      doctors.map((d) => ({
        slug: d.slug,
        name: d.name,
        specialty: d.specialty?.slug ?? null,
        experienceIn2026: 2026 - d.careerStartYear,
        country: d.country,
        city: d.city,
        verified: d.verified,
        profilePictureUrl: d.profilePictureUrl,
        answerCount: d.answerCount,
      })),
    ).toEqual([
      {
        slug: 'harish-kumar-kabilan',
        name: 'Dr. Harish Kumar Kabilan',
        specialty: 'plastic-surgeon',
        experienceIn2026: 23,
        country: 'India',
        city: null,
        verified: true,
        profilePictureUrl: null,
        answerCount: 1,
      },
      {
        slug: 'izharul-hasan',
        name: 'Dr. Izharul Hasan',
        specialty: 'unani-dermatologist',
        experienceIn2026: 16,
        country: 'India',
        city: null,
        verified: true,
        profilePictureUrl: null,
        answerCount: 1,
      },
      {
        slug: 'archit-aggarwal',
        name: 'Dr. Archit Aggarwal',
        specialty: null,
        experienceIn2026: 9,
        country: 'India',
        city: null,
        verified: true,
        profilePictureUrl: null,
        answerCount: 1,
      },
      {
        slug: 'raajshri-gupta',
        name: 'Dr. Raajshri Gupta',
        specialty: null,
        experienceIn2026: 8,
        country: 'India',
        city: null,
        verified: true,
        profilePictureUrl: null,
        answerCount: 1,
      },
    ]);
  });

  it("records the staff member's edit of her answer", async () => {
    const edits = await db.answerEdit.findMany({ include: { staffMember: true, answer: true } });
    expect(edits).toHaveLength(1);
    const [edit] = edits;
    expect(edit?.staffMember?.name).toBe('Shweta Kumari');
    expect(edit?.staffMember?.email).toBe('shweta.kumari@clinicspots.example');
    expect(edit?.doctorId).toBeNull();
    expect(edit?.editedAt.toISOString()).toBe('2022-09-28T11:58:00.000Z');
    expect(edit?.answer.staffMemberId).toBe(edit?.staffMemberId);
  });

  it('links blog posts through topics, some relevant to the question and some not', async () => {
    const posts = await db.blogPost.findMany({ include: { topics: true }, orderBy: { publishedAt: 'asc' } });
    expect(posts).toHaveLength(DEMO_BLOG_POSTS.length);
    for (const post of posts) {
      expect(post.url).toBe(`https://www.clinicspots.com/blog/${post.slug}`);
      expect(post.publishedAt.getUTCFullYear()).toBeGreaterThanOrEqual(2022);
      expect(post.publishedAt.getUTCFullYear()).toBeLessThanOrEqual(2023);
      expect(post.topics.length).toBeGreaterThan(0);
    }
    const relevant = await db.blogPost.findMany({
      where: { topics: { some: { questions: { some: { slug: 'is-scalp-micropigmentation-permanent' } } } } },
      select: { slug: true },
    });
    expect(relevant.length).toBeGreaterThanOrEqual(3);
    expect(relevant.length).toBeLessThan(posts.length);
    expect(relevant.map((p) => p.slug)).not.toContain('dental-implants-cost-in-india');
  });

  it('leaves exactly the same rows when run again', async () => {
    const before = await rowCounts(database.url);
    const answersBefore = await db.answer.findMany({ orderBy: { id: 'asc' } });
    expect(await seedDemo(db, logger)).toEqual({ created: false });
    expect(await rowCounts(database.url)).toEqual(before);
    expect(await db.answer.findMany({ orderBy: { id: 'asc' } })).toEqual(answersBefore);
    expect(before).toMatchObject({
      question: 1,
      answer: 5,
      answer_edit: 1,
      doctor: 4,
      specialty: 2,
      staff_member: 1,
      asker: 1,
      topic: 4,
      blog_post: DEMO_BLOG_POSTS.length,
      _question_topic: 3,
    });
  });
});
