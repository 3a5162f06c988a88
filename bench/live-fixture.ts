/**
 * What the live benchmarks write: questions of their own (one, or `questions`), a verified doctor
 * of their own with a credential, and the answers posted to those questions. All of it is removed afterwards (and any
 * leftovers of an interrupted run before), so the data set stays the same from run to run.
 */
import pg from 'pg';
import { generateToken, hashToken } from '../src/auth/tokens';
import { databaseUrl, pubSubPrefix } from './config';

export interface LiveFixture {
  /** The first question's global ID. */
  questionId: string;
  /** Every question's global ID, and its row id (for the raw-SQL floor). */
  questionIds: string[];
  questionRows: number[];
  doctorRow: number;
  token: string;
  remove(): Promise<void>;
}

/** This run's rows are named after its prefix, so that two benches running at once leave each other's alone. */
const DOCTOR_SLUG = `bench-live-doctor-${pubSubPrefix}`;
const QUESTION_SLUGS = `bench-live-${pubSubPrefix}-%`;

/**
 * Removes this run's rows (`own`), or, before a run, those of runs that were interrupted: rows of
 * the live benchmarks older than an hour (no bench runs that long).
 */
async function removeLeftovers(client: pg.Client, own: boolean): Promise<void> {
  const questions = own
    ? `slug LIKE '${QUESTION_SLUGS}'`
    : `slug LIKE 'bench-live-%' AND asked_at < now() - interval '1 hour'`;
  const doctors = own
    ? `slug = '${DOCTOR_SLUG}'`
    : `slug LIKE 'bench-live-doctor%' AND created_at < now() - interval '1 hour'`;
  await client.query('BEGIN');
  await client.query(`DELETE FROM answer WHERE question_id IN (SELECT id FROM question WHERE ${questions})`);
  await client.query(
    `WITH gone AS (DELETE FROM question WHERE ${questions} RETURNING asker_id)
     DELETE FROM asker WHERE id IN (SELECT asker_id FROM gone)`,
  );
  await client.query(`DELETE FROM answer WHERE doctor_id IN (SELECT id FROM doctor WHERE ${doctors})`);
  await client.query(`DELETE FROM doctor WHERE ${doctors}`); // credentials cascade
  await client.query('COMMIT');
}

export async function createLiveFixture(questions = 1): Promise<LiveFixture> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await removeLeftovers(client, false);
    const token = generateToken();
    const { rows } = await client.query<{ doctor: number }>(
      `WITH doctor AS (INSERT INTO doctor (slug, name, career_start_year, country, verified)
                       VALUES ($1, 'Dr. Bench Mark', 2010, 'India', true) RETURNING id),
            credential AS (INSERT INTO credential (token_hash, role, doctor_id)
                           SELECT $2, 'DOCTOR', id FROM doctor)
       SELECT id AS doctor FROM doctor`,
      [DOCTOR_SLUG, hashToken(token)],
    );
    const questionRows: number[] = [];
    for (let i = 0; i < questions; i++) {
      const { rows: asked } = await client.query<{ id: number }>(
        `WITH asker AS (INSERT INTO asker DEFAULT VALUES RETURNING id)
         INSERT INTO question (slug, title, body, asker_id)
         SELECT $1, 'Live benchmark question', 'Answers to this question are posted by the benchmark.', id
         FROM asker RETURNING id`,
        [QUESTION_SLUGS.replace('%', String(i))],
      );
      questionRows.push(asked[0]!.id);
    }
    const questionIds = questionRows.map((id) => Buffer.from(`Question:${id}`).toString('base64'));
    return {
      questionId: questionIds[0]!,
      questionIds,
      questionRows,
      doctorRow: rows[0]!.doctor,
      token,
      async remove() {
        const cleanup = new pg.Client({ connectionString: databaseUrl });
        await cleanup.connect();
        try {
          await removeLeftovers(cleanup, true);
        } finally {
          await cleanup.end();
        }
      },
    };
  } finally {
    await client.end();
  }
}
