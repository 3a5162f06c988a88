/**
 * What the live benchmarks write: a question of their own, a verified doctor of their own with a
 * credential, and the answers posted to that question. All of it is removed afterwards (and any
 * leftovers of an interrupted run before), so the data set stays the same from run to run.
 */
import pg from 'pg';
import { generateToken, hashToken } from '../src/auth/tokens';
import { databaseUrl, pubSubPrefix } from './config';

export interface LiveFixture {
  questionId: string;
  token: string;
  remove(): Promise<void>;
}

const DOCTOR_SLUG = 'bench-live-doctor';

async function removeLeftovers(client: pg.Client): Promise<void> {
  await client.query('BEGIN');
  await client.query(
    `DELETE FROM answer WHERE question_id IN (SELECT id FROM question WHERE slug LIKE 'bench-live-%')`,
  );
  await client.query(
    `WITH gone AS (DELETE FROM question WHERE slug LIKE 'bench-live-%' RETURNING asker_id)
     DELETE FROM asker WHERE id IN (SELECT asker_id FROM gone)`,
  );
  await client.query('DELETE FROM answer WHERE doctor_id IN (SELECT id FROM doctor WHERE slug = $1)', [DOCTOR_SLUG]);
  await client.query('DELETE FROM doctor WHERE slug = $1', [DOCTOR_SLUG]); // credentials cascade
  await client.query('COMMIT');
}

export async function createLiveFixture(): Promise<LiveFixture> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await removeLeftovers(client);
    const token = generateToken();
    const { rows } = await client.query<{ question: number }>(
      `WITH asker AS (INSERT INTO asker DEFAULT VALUES RETURNING id),
            question AS (INSERT INTO question (slug, title, body, asker_id)
                         SELECT $1, 'Live benchmark question', 'Answers to this question are posted by the benchmark.', id
                         FROM asker RETURNING id),
            doctor AS (INSERT INTO doctor (slug, name, career_start_year, country, verified)
                       VALUES ($2, 'Dr. Bench Mark', 2010, 'India', true) RETURNING id),
            credential AS (INSERT INTO credential (token_hash, role, doctor_id)
                           SELECT $3, 'DOCTOR', id FROM doctor)
       SELECT (SELECT id FROM question) AS question`,
      [`bench-live-${pubSubPrefix}`, DOCTOR_SLUG, hashToken(token)],
    );
    return {
      questionId: Buffer.from(`Question:${rows[0]!.question}`).toString('base64'),
      token,
      async remove() {
        const cleanup = new pg.Client({ connectionString: databaseUrl });
        await cleanup.connect();
        try {
          await removeLeftovers(cleanup);
        } finally {
          await cleanup.end();
        }
      },
    };
  } finally {
    await client.end();
  }
}
