/**
 * The data set: a dedicated database (BENCH_DATABASE_URL), created if missing, migrated, with the
 * demo page and a generated data set of at least 10,000 questions, 100,000 answers and 2,000
 * doctors. Generated once; later runs reuse it.
 *
 * It also holds one question of the bench's own with more answers than the generator gives (at
 * most 30), so that the 100-answer page really has 100.
 */
import pg from 'pg';
import { generateData } from '../prisma/seed/generator';
import { seedDemo } from '../prisma/seed/demo';
import { createDb } from '../src/db/client';
import { migrate } from '../src/db/migrate';
import { createLogger } from '../src/logger';
import { dataset, databaseUrl, http, progress } from './config';

const logger = createLogger('warn');

export interface DataSet {
  questions: number;
  answers: number;
  doctors: number;
  generatedNow: boolean;
  /** Slugs of questions with more than 20 visible answers (full question pages). */
  questionSlugs: string[];
  /** Slugs of topics with at least 100 answered questions (full list pages). */
  topicSlugs: string[];
  largeQuestionSlug: string;
}

async function withClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

async function ensureDatabase(): Promise<void> {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  const admin = new URL(databaseUrl);
  admin.pathname = '/postgres';
  await withClient(admin.toString(), async (client) => {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) {
      progress(`creating database ${name}`);
      await client.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`);
    }
  });
}

const counts = (client: pg.Client) =>
  client
    .query<{ questions: number; answers: number; doctors: number }>(
      `SELECT (SELECT count(*) FROM question)::int AS questions, (SELECT count(*) FROM answer)::int AS answers,
              (SELECT count(*) FROM doctor)::int AS doctors`,
    )
    .then((r) => r.rows[0]!);

/** The bench's own large question: `largeQuestionAnswers` answers by as many verified doctors. */
async function ensureLargeQuestion(client: pg.Client): Promise<void> {
  const { rowCount } = await client.query('SELECT 1 FROM question WHERE slug = $1', [dataset.largeQuestionSlug]);
  if (rowCount) return;
  progress(`adding ${dataset.largeQuestionSlug} (${dataset.largeQuestionAnswers} answers)`);
  await client.query('BEGIN');
  await client.query(
    `WITH asker AS (INSERT INTO asker DEFAULT VALUES RETURNING id),
          q AS (INSERT INTO question (slug, title, body, asked_at, asker_id)
                SELECT $1, 'Is a hair transplant permanent, and how many sessions does it take?',
                       'I am 32 and my hairline is receding. Will a transplant last, and how many sessions would I need?',
                       now() - interval '400 days', id FROM asker RETURNING id)
     INSERT INTO "_question_topic" ("A", "B") SELECT q.id, t.id FROM q, topic t WHERE t.slug = 'hair-treatments'`,
    [dataset.largeQuestionSlug],
  );
  await client.query(
    `INSERT INTO answer (question_id, doctor_id, body, answered_at)
     SELECT q.id, d.id, 'Answer ' || d.n || ': a transplant moves follicles that resist hair loss, so the result lasts; '
                        || 'most people need one or two sessions depending on the area.',
            now() - interval '399 days' + d.n * interval '3 days'
     FROM question q,
          (SELECT id, row_number() OVER (ORDER BY id) AS n FROM doctor WHERE verified ORDER BY id LIMIT $2) d
     WHERE q.slug = $1`,
    [dataset.largeQuestionSlug, dataset.largeQuestionAnswers],
  );
  await client.query('COMMIT');
}

export async function prepareDataSet(): Promise<DataSet> {
  await ensureDatabase();
  await migrate(databaseUrl, { logger });
  const db = createDb(databaseUrl, 1, logger);
  await seedDemo(db, logger);
  await db.$disconnect();

  let generatedNow = false;
  let have = await withClient(databaseUrl, counts);
  if (have.questions < dataset.minQuestions || have.answers < dataset.minAnswers || have.doctors < dataset.minDoctors) {
    progress(
      `generating ${dataset.generateQuestions.toLocaleString('en-US')} questions (have ${have.questions} questions, ` +
        `${have.answers} answers, ${have.doctors} doctors)`,
    );
    await generateData(databaseUrl, { questions: dataset.generateQuestions, seed: dataset.seed, logger });
    generatedNow = true;
  }

  return withClient(databaseUrl, async (client) => {
    await ensureLargeQuestion(client);
    have = await counts(client);
    progress(
      `data set: ${have.questions} questions, ${have.answers} answers, ${have.doctors} doctors${generatedNow ? '' : ' (reused)'}`,
    );
    const questions = await client.query<{ slug: string }>(
      `SELECT slug FROM question WHERE answer_count > 20 AND slug NOT LIKE 'bench-%' ORDER BY id LIMIT $1`,
      [http.questionPages],
    );
    const topics = await client.query<{ slug: string }>(
      `SELECT t.slug FROM topic t JOIN "_question_topic" qt ON qt."B" = t.id JOIN question q ON q.id = qt."A"
       WHERE q.answer_count > 0 GROUP BY t.id, t.slug HAVING count(*) >= 100 ORDER BY count(*) DESC, t.slug LIMIT $1`,
      [http.topicPages],
    );
    if (questions.rows.length === 0 || topics.rows.length === 0) throw new Error('the data set has no full pages');
    return {
      ...have,
      generatedNow,
      questionSlugs: questions.rows.map((r) => r.slug),
      topicSlugs: topics.rows.map((r) => r.slug),
      largeQuestionSlug: dataset.largeQuestionSlug,
    };
  });
}
