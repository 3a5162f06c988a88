import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../src/db/migrate';
import { createLogger } from '../../src/logger';
import { createTestDatabase, type TestDatabase } from '../helpers/database';

/* The rules the init migration puts in the database itself (constraints, triggers), on a migrated test database. */

const logger = createLogger('silent');

describe('rules the init migration enforces in the database', () => {
  let db: TestDatabase;
  let client: pg.Client;

  beforeAll(async () => {
    db = await createTestDatabase();
    await migrate(db.url, { logger });
    client = new pg.Client({ connectionString: db.url });
    await client.connect();
  });

  afterAll(async () => {
    await client?.end();
    await db?.drop();
  });

  const one = async <T extends pg.QueryResultRow>(sql: string, values: unknown[] = []) => {
    const { rows } = await client.query<T>(sql, values);
    return rows[0]!;
  };

  let serial = 0;
  const newQuestion = async (title = 'A question', body = 'Its body') => {
    serial += 1;
    const asker = await one<{ id: number }>('INSERT INTO asker DEFAULT VALUES RETURNING id');
    return one<{ id: number }>(
      'INSERT INTO question (slug, title, body, asker_id) VALUES ($1, $2, $3, $4) RETURNING id',
      [`question-${serial}`, title, body, asker.id],
    );
  };
  const newDoctor = async () => {
    serial += 1;
    return one<{ id: number }>(
      `INSERT INTO doctor (slug, name, career_start_year, country) VALUES ($1, 'Dr. Test', 2000, 'India') RETURNING id`,
      [`doctor-${serial}`],
    );
  };
  const newStaff = async () => {
    serial += 1;
    return one<{ id: number }>(`INSERT INTO staff_member (name, email) VALUES ('Staff', $1) RETURNING id`, [
      `staff-${serial}@example.com`,
    ]);
  };

  const rejection = (promise: Promise<unknown>) =>
    promise.then(
      () => {
        throw new Error('expected the statement to be rejected');
      },
      (error: unknown) => error as pg.DatabaseError,
    );

  it('rejects an answer with both a doctor and a staff author, or with neither (answer_one_author)', async () => {
    const question = await newQuestion();
    const doctor = await newDoctor();
    const staff = await newStaff();
    const insert = (doctorId: number | null, staffId: number | null) =>
      client.query('INSERT INTO answer (question_id, doctor_id, staff_member_id, body) VALUES ($1, $2, $3, $4)', [
        question.id,
        doctorId,
        staffId,
        'text',
      ]);

    for (const [doctorId, staffId] of [
      [doctor.id, staff.id],
      [null, null],
    ] as const) {
      const error = await rejection(insert(doctorId, staffId));
      expect(error.code).toBe('23514'); // check_violation
      expect(error.constraint).toBe('answer_one_author');
      expect(error.message).toContain('answer_one_author');
    }
    await expect(insert(doctor.id, null)).resolves.toBeDefined();
    await expect(insert(null, staff.id)).resolves.toBeDefined();
  });

  it('rejects an answer edit by both a doctor and a staff member, or by neither (answer_edit_one_editor)', async () => {
    const question = await newQuestion();
    const doctor = await newDoctor();
    const staff = await newStaff();
    const answer = await one<{ id: number }>(
      'INSERT INTO answer (question_id, doctor_id, body) VALUES ($1, $2, $3) RETURNING id',
      [question.id, doctor.id, 'text'],
    );
    for (const [doctorId, staffId] of [
      [doctor.id, staff.id],
      [null, null],
    ] as const) {
      const error = await rejection(
        client.query(
          'INSERT INTO answer_edit (answer_id, doctor_id, staff_member_id, previous_body) VALUES ($1, $2, $3, $4)',
          [answer.id, doctorId, staffId, 'before'],
        ),
      );
      expect(error.constraint).toBe('answer_edit_one_editor');
    }
  });

  it('keeps question.answer_count, question.last_answered_at and doctor.answer_count on insert, hide and delete', async () => {
    const question = await newQuestion();
    const untouched = await newQuestion();
    const doctor = await newDoctor();
    const staff = await newStaff();
    const t1 = new Date('2026-01-01T10:00:00.001Z');
    const t2 = new Date('2026-01-02T10:00:00.002Z');
    const t3 = new Date('2026-01-03T10:00:00.003Z');

    const counts = async () => {
      const q = await one<{ answer_count: number; last_answered_at: Date | null }>(
        'SELECT answer_count, last_answered_at FROM question WHERE id = $1',
        [question.id],
      );
      const d = await one<{ answer_count: number }>('SELECT answer_count FROM doctor WHERE id = $1', [doctor.id]);
      const u = await one<{ answer_count: number }>('SELECT answer_count FROM question WHERE id = $1', [untouched.id]);
      return {
        question: q.answer_count,
        lastAnsweredAt: q.last_answered_at?.toISOString() ?? null,
        doctor: d.answer_count,
        otherQuestion: u.answer_count,
      };
    };

    // One multi-row statement: the statement-level trigger must count all of its rows.
    const { rows: answers } = await client.query<{ id: number }>(
      `INSERT INTO answer (question_id, doctor_id, staff_member_id, body, answered_at)
       VALUES ($1, $2, NULL, 'first', $4), ($1, $2, NULL, 'second', $5), ($1, NULL, $3, 'editorial', $6)
       RETURNING id`,
      [question.id, doctor.id, staff.id, t1, t2, t3],
    );
    const [first, second, editorial] = answers.map((a) => a.id);
    expect(await counts()).toEqual({ question: 3, lastAnsweredAt: t3.toISOString(), doctor: 2, otherQuestion: 0 });

    await client.query('UPDATE answer SET hidden_at = now() WHERE id = $1', [editorial]);
    expect(await counts()).toEqual({ question: 2, lastAnsweredAt: t2.toISOString(), doctor: 2, otherQuestion: 0 });

    await client.query('UPDATE answer SET hidden_at = now() WHERE id = $1', [second]);
    expect(await counts()).toEqual({ question: 1, lastAnsweredAt: t1.toISOString(), doctor: 1, otherQuestion: 0 });

    await client.query('UPDATE answer SET hidden_at = NULL WHERE id = $1', [second]);
    expect(await counts()).toEqual({ question: 2, lastAnsweredAt: t2.toISOString(), doctor: 2, otherQuestion: 0 });

    await client.query('DELETE FROM answer WHERE id = ANY($1)', [[first, second]]);
    expect(await counts()).toEqual({ question: 0, lastAnsweredAt: null, doctor: 0, otherQuestion: 0 });
  });

  it('fills question.search so that a web search for "permanent pigmentation" finds the question', async () => {
    const match = await newQuestion(
      'Is scalp micropigmentation permanent?',
      'Will the pigmentation on my scalp stay permanent or fade over the years?',
    );
    const other = await newQuestion('Hair transplant recovery', 'How long until I can wash my hair?');

    const { rows } = await client.query<{ id: number }>(
      `SELECT id FROM question
        WHERE id = ANY($1) AND search @@ websearch_to_tsquery('english', 'permanent pigmentation')`,
      [[match.id, other.id]],
    );
    expect(rows.map((row) => row.id)).toEqual([match.id]);
  });
});
