import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../prisma/seed/demo';
import { generateData, type GenerateProgress, type GenerateSummary } from '../../prisma/seed/generator';
import { createDb } from '../../src/db/client';
import { migrate } from '../../src/db/migrate';
import { createLogger } from '../../src/logger';
import { createTestDatabase, type TestDatabase } from '../helpers/database';

const logger = createLogger('silent');
const now = new Date('2026-11-25T12:00:00Z');
const options = { questions: 200, doctors: 120, blogPosts: 40, seed: 7, logger, printProgress: false, now };

let database: TestDatabase;
let client: pg.Client;
let summary: GenerateSummary;
const progress: GenerateProgress[] = [];
/** Ids of the questions made by the first run. */
let firstIds: { min: number; max: number };

async function rows<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  return (await client.query<T>(sql, params)).rows;
}

async function one<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T> {
  const [row] = await rows<T>(sql, params);
  if (!row) throw new Error(`no row: ${sql}`);
  return row;
}

beforeAll(async () => {
  database = await createTestDatabase();
  await migrate(database.url, { logger });
  client = new pg.Client({ connectionString: database.url });
  await client.connect();
  summary = await generateData(database.url, { ...options, onProgress: (p) => progress.push(p) });
  firstIds = await one('SELECT min(id)::int AS min, max(id)::int AS max FROM question');
});

afterAll(async () => {
  await client?.end();
  await database?.drop();
});

describe('generateData', () => {
  it('creates exactly the questions asked for', async () => {
    expect(summary.rows.question).toBe(200);
    expect(await one('SELECT count(*)::int AS n FROM question')).toEqual({ n: 200 });
    expect(await one('SELECT count(*)::int AS n FROM doctor')).toEqual({ n: 120 });
    expect(await one('SELECT count(*)::int AS n FROM blog_post')).toEqual({ n: 40 });
    expect(await one('SELECT count(DISTINCT slug)::int AS n FROM question')).toEqual({ n: 200 });
    expect(summary.totalRows).toBe(Object.values(summary.rows).reduce((a, b) => a + b, 0));
    expect(summary.rowsPerSecond).toBeGreaterThan(0);
  });

  it('gives each question 0 to 30 answers, skewed towards few', async () => {
    const counts = await rows<{ n: number }>(
      'SELECT count(a.id)::int AS n FROM question q LEFT JOIN answer a ON a.question_id = q.id GROUP BY q.id',
    );
    expect(counts).toHaveLength(200);
    const values = counts.map((c) => c.n);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThanOrEqual(30);
    const few = values.filter((n) => n <= 5).length;
    const many = values.filter((n) => n >= 15).length;
    expect(few).toBeGreaterThan(many);
    expect(many).toBeGreaterThan(0);
    expect(summary.rows.answer).toBe(values.reduce((a, b) => a + b, 0));
  });

  it('keeps the counters equal to the visible answers (the triggers ran)', async () => {
    const wrongQuestions = await rows(
      `SELECT q.id FROM question q
         LEFT JOIN LATERAL (SELECT count(*)::int AS n, max(answered_at) AS last FROM answer a
                             WHERE a.question_id = q.id AND a.hidden_at IS NULL) v ON true
        WHERE q.answer_count <> v.n OR q.last_answered_at IS DISTINCT FROM v.last`,
    );
    expect(wrongQuestions).toEqual([]);
    const wrongDoctors = await rows(
      `SELECT d.id FROM doctor d
        WHERE d.answer_count <> (SELECT count(*) FROM answer a WHERE a.doctor_id = d.id AND a.hidden_at IS NULL)`,
    );
    expect(wrongDoctors).toEqual([]);
  });

  it('gives every answer exactly one author, mostly doctors', async () => {
    const authors = await one<{ bad: number; staff: number; total: number }>(
      `SELECT count(*) FILTER (WHERE (doctor_id IS NULL) = (staff_member_id IS NULL))::int AS bad,
              count(staff_member_id)::int AS staff, count(*)::int AS total FROM answer`,
    );
    expect(authors.bad).toBe(0);
    expect(authors.staff).toBeGreaterThan(0);
    expect(authors.staff / authors.total).toBeLessThan(0.15);
    const edits = await one<{ bad: number }>(
      `SELECT count(*)::int AS bad FROM answer_edit e JOIN answer a ON a.id = e.answer_id
        WHERE e.doctor_id IS DISTINCT FROM a.doctor_id OR e.staff_member_id IS DISTINCT FROM a.staff_member_id
           OR e.edited_at <> a.last_edited_at`,
    );
    expect(edits.bad).toBe(0);
  });

  it('puts answers after their question and before now', async () => {
    const bad = await one<{ n: number }>(
      `SELECT count(*)::int AS n FROM answer a JOIN question q ON q.id = a.question_id
        WHERE a.answered_at <= q.asked_at OR a.answered_at >= $1
           OR a.last_edited_at < a.answered_at OR a.last_edited_at >= $1
           OR a.hidden_at < a.answered_at`,
      [now],
    );
    expect(bad.n).toBe(0);
    const span = await one<{ first: Date; last: Date }>(
      'SELECT min(asked_at) AS first, max(asked_at) AS last FROM question',
    );
    expect(now.getTime() - span.first.getTime()).toBeLessThanOrEqual(3 * 366 * 86_400_000);
    expect(span.last.getTime()).toBeLessThan(now.getTime());
    const doctors = await one<{ min: number; max: number }>(
      'SELECT min(career_start_year) AS min, max(career_start_year) AS max FROM doctor',
    );
    expect(doctors.min).toBeGreaterThanOrEqual(1975);
    expect(doctors.max).toBeLessThanOrEqual(2024);
  });

  it('tags questions and blog posts with 1 to 3 topics', async () => {
    for (const [table, link] of [
      ['question', '_question_topic'],
      ['blog_post', '_blog_post_topic'],
    ] as const) {
      const range = await one<{ min: number; max: number }>(
        `SELECT min(n)::int AS min, max(n)::int AS max FROM
           (SELECT count(l."B") AS n FROM ${table} t LEFT JOIN "${link}" l ON l."A" = t.id GROUP BY t.id) c`,
      );
      expect(range.min, table).toBeGreaterThanOrEqual(1);
      expect(range.max, table).toBeLessThanOrEqual(3);
    }
  });

  it('writes text that full-text search finds', async () => {
    const { title } = await one<{ title: string }>('SELECT title FROM question ORDER BY id LIMIT 1');
    const word = title.split(/\W+/).find((w) => w.length >= 6) ?? title;
    const found = await one<{ n: number }>(
      `SELECT count(*)::int AS n FROM question WHERE search @@ websearch_to_tsquery('english', $1)`,
      [word],
    );
    expect(found.n).toBeGreaterThan(0);
  });

  it('reports progress up to the total of every phase', () => {
    const phases = ['reference', 'doctors', 'blog posts', 'askers', 'questions', 'answers', 'analyze'];
    expect([...new Set(progress.map((p) => p.phase))]).toEqual(phases);
    for (const phase of phases) {
      const events = progress.filter((p) => p.phase === phase);
      const last = events.at(-1);
      expect(last?.done, phase).toBe(last?.total);
      const done = events.map((p) => p.done);
      expect(done, phase).toEqual([...done].sort((a, b) => a - b));
    }
    expect(progress.filter((p) => p.phase === 'questions').at(-1)?.total).toBe(200);
    expect(progress.filter((p) => p.phase === 'answers').at(-1)?.total).toBe(summary.rows.answer);
    expect(progress.at(-1)?.rows).toBe(summary.totalRows);
  });

  it('is deterministic for a seed, and appends with new slugs when run again', async () => {
    const again = await generateData(database.url, options);
    expect(again.rows.question).toBe(200);
    expect(again.rows.answer).toBe(summary.rows.answer);
    const titles = async (from: number, to: number) =>
      (
        await rows<{ title: string }>('SELECT title FROM question WHERE id BETWEEN $1 AND $2 ORDER BY id', [from, to])
      ).map((r) => r.title);
    const first = await titles(firstIds.min, firstIds.max);
    const second = await titles(firstIds.max + 1, 2_147_483_647);
    expect(second).toEqual(first);
    expect(await one('SELECT count(*)::int AS n, count(DISTINCT slug)::int AS slugs FROM question')).toEqual({
      n: 400,
      slugs: 400,
    });
    // Shared vocabulary is reused, not duplicated.
    expect(await one('SELECT count(*)::int AS n FROM topic')).toEqual({ n: summary.rows.topic });
    expect(await one('SELECT count(*)::int AS n FROM specialty')).toEqual({ n: summary.rows.specialty });

    const other = await generateData(database.url, { ...options, questions: 20, seed: 8 });
    expect(other.rows.question).toBe(20);
    const third = await titles(firstIds.max + 201, 2_147_483_647);
    expect(third).not.toEqual(first.slice(0, 20));
  });

  it('works together with the demo page', async () => {
    const db = createDb(database.url, 1, logger);
    try {
      expect(await seedDemo(db, logger)).toEqual({ created: true });
      const demo = await db.question.findUniqueOrThrow({
        where: { slug: 'is-scalp-micropigmentation-permanent' },
        include: { topics: true },
      });
      expect(demo.answerCount).toBe(5);
      // The demo's specialties and topics are among the generator's: one row each.
      expect(await db.specialty.count({ where: { slug: 'plastic-surgeon' } })).toBe(1);
      expect(await db.topic.count()).toBe(summary.rows.topic);
    } finally {
      await db.$disconnect();
    }
    const after = await generateData(database.url, { ...options, questions: 10, seed: 9 });
    expect(after.rows.question).toBe(10);
    expect(after.rows.specialty ?? 0).toBe(0);
  });
});
