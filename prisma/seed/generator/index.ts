/**
 * A fast, deterministic generator of realistic data sets (thousands of doctors, 100k+ questions
 * and answers) for benchmarks and load tests.
 *
 * Speed: it talks to PostgreSQL with `pg` directly, inserting 5,000 rows per statement with
 * `INSERT … SELECT FROM unnest($1::int[], $2::text[], …)` (one statement, one round trip, a handful
 * of parameters whatever the row count), one transaction per batch, the next batch being built
 * while PostgreSQL writes the previous one. Ids are reserved up front with nextval() on the
 * tables' own sequences, so child rows (topic links, answers, edits) refer to their parents
 * without reading anything back, and concurrent writers are never hurt. Answers go in batches of
 * all the answers of 5,000 questions (~30,000 rows): the answer-count triggers (kept, so the
 * counters are exactly what the app's own writes would give) are statement-level, and their cost
 * is one refresh per touched question and per touched doctor per statement, and a doctor's
 * refresh recounts all of that doctor's answers. Measured on this machine (PostgreSQL 15, 2 cores):
 * 10,000 questions ≈ 100k rows in ~3.3 s, 100,000 questions ≈ 980k rows in ~36 s (~28k rows/s).
 *
 * Appending, not refusing: every run adds new doctors, blog posts, askers, questions and
 * answers next to whatever is there (the demo page included). Their slugs end in the row's own
 * id, so they are unique across runs. The shared vocabulary (specialties, topics, staff
 * members) is upserted by slug/email and reused.
 *
 * Determinism: the same seed gives the same titles, bodies, names, counts and times relative
 * to `now` (pass `now` to pin the times too). Each kind of data draws from its own random
 * stream, so e.g. a different number of doctors does not change the questions' texts.
 *
 * Layout: `vocabulary/` holds the words and medically coherent templates, `phases/` one file per
 * table family, all writing through one BatchWriter (`writer.ts`).
 */
import pg from 'pg';
import type { Logger } from '../../../src/logger';
import { writeAnswers } from './phases/answers';
import { writeBlogPosts } from './phases/blog-posts';
import type { PhaseContext } from './phases/context';
import { writeDoctors } from './phases/doctors';
import { drawPlan, writeAskers } from './phases/plan';
import { writeQuestions } from './phases/questions';
import { writeReference } from './phases/reference';
import { writeTopicSpecialties } from './phases/topic-specialties';
import { type GenerateProgress, type GenerateSummary, StderrProgress } from './progress';
import { BatchWriter } from './writer';

export type { GeneratePhase, GenerateProgress, GenerateSummary } from './progress';
export { kebab } from './vocabulary/words';

export interface GenerateOptions {
  questions: number;
  /** Default: max(2000, questions / 50). */
  doctors?: number;
  /** Default 500. */
  blogPosts?: number;
  /** Default 1. */
  seed?: number;
  logger: Logger;
  onProgress?: (progress: GenerateProgress) => void;
  /** Print a single updating progress line and a summary on stderr. Default true. */
  printProgress?: boolean;
  /** The generated times end before this instant (default: now). */
  now?: Date;
  /** Rows per INSERT statement and transaction (answers: those of this many questions). Default 5000. */
  batchSize?: number;
}

export async function generateData(url: string, options: GenerateOptions): Promise<GenerateSummary> {
  const questionCount = checkCount('questions', options.questions, 0);
  const doctorCount = checkCount('doctors', options.doctors ?? Math.max(2000, Math.ceil(questionCount / 50)), 1);
  const blogPostCount = checkCount('blogPosts', options.blogPosts ?? 500, 0);
  const batchSize = checkCount('batchSize', options.batchSize ?? 5000, 1);
  const seed = options.seed ?? 1;
  const now = (options.now ?? new Date()).getTime();
  const log = options.logger.child({ component: 'generate' });
  const printer = options.printProgress === false ? null : new StderrProgress();

  log.info({ seed, questions: questionCount, doctors: doctorCount, blogPosts: blogPostCount }, 'generating data');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const writer = new BatchWriter(client, batchSize, (progress) => {
    printer?.update(progress);
    options.onProgress?.(progress);
  });
  try {
    // Generated data can be generated again: no need to wait for each commit's WAL flush.
    await client.query('SET synchronous_commit = off');
    const ctx: PhaseContext = { writer, seed, now, batchSize };
    const reference = await writeReference(ctx);
    await writeTopicSpecialties(ctx);
    const doctors = await writeDoctors(ctx, reference, doctorCount);
    await writeBlogPosts(ctx, reference, blogPostCount);
    const plan = drawPlan(seed, now, questionCount);
    const askerIds = await writeAskers(ctx, plan);
    const questions = await writeQuestions(ctx, reference, plan, askerIds);
    await writeAnswers(ctx, reference, doctors, plan, questions);
    // Fresh statistics for the planner. VACUUM too: the counter triggers leave a dead version of
    // every answered question, and the visibility map lets index-only scans work.
    writer.report('analyze', 0, 1);
    await client.query(
      'VACUUM (ANALYZE) specialty, doctor, staff_member, asker, question, answer, answer_edit, topic, blog_post, "_question_topic", "_blog_post_topic"',
    );
    writer.report('analyze', 1, 1);
  } finally {
    await client.end();
  }

  const seconds = writer.elapsedMs / 1000;
  const summary: GenerateSummary = {
    seed,
    rows: writer.rows,
    totalRows: writer.totalRows,
    seconds: Math.round(seconds * 100) / 100,
    rowsPerSecond: Math.round(writer.totalRows / seconds),
  };
  printer?.finish(summary);
  log.info(summary, 'data generated');
  return summary;
}

function checkCount(name: string, value: number, min: number): number {
  if (!Number.isSafeInteger(value) || value < min) {
    throw new RangeError(`${name} must be an integer ≥ ${min}, got ${value}`);
  }
  return value;
}
