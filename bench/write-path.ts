/**
 * The write path: sustained postAnswer throughput and latency with `writePath.subscribers`
 * answerAdded subscribers connected (on instance A, spread over the questions written to), posts
 * sent `writePath.concurrency` at a time, alternately through instances A and B, for
 * `writePath.seconds`. Two spreads: over 10 questions, and all on one (every transaction waits
 * for the same question's lock).
 *
 * Floor: the same transaction in raw SQL from this process (a `pg` pool of the API's size), as
 * many at a time: BEGIN; lock the question (FOR NO KEY UPDATE); INSERT the answer (its triggers
 * bump the question's counters); lock the asker and INSERT their notification; COMMIT. Without
 * what the API adds around it: the credential check, GraphQL, Prisma, rate limits, the response
 * cache's invalidation and the publish to Redis.
 */
import pg from 'pg';
import { databaseUrl, http, progress, pubSubPrefix, writePath } from './config';
import { Deliveries, quantile, SUBSCRIPTION, warmUp } from './live';
import type { LiveFixture } from './live-fixture';
import type { ServerProcess } from './processes';
import { openSubscribers } from './ws-client';

export interface WriteSide {
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  failures: number;
  /** Failures that name a time limit (Prisma's transaction timeout, a statement or lock timeout). */
  timeLimitFailures: number;
}

export interface WriteFigures {
  spread: string;
  questions: number;
  subscribers: number;
  api: WriteSide;
  floor: WriteSide;
  /** Subscriber errors or sockets closed while the answers were written (e.g. cut off as too slow). */
  subscriberProblems: number;
  examples: string[];
}

const POST_ANSWER = 'mutation ($input: PostAnswerInput!) { postAnswer(input: $input) { answer { id } } }';
const TIME_LIMIT = /timeout|timed out|time limit|expired|canceling statement/i;

/** Runs `once` with `concurrency` in flight for the warm-up, then for the measured seconds. */
async function load(once: (i: number) => Promise<void>, examples: string[]): Promise<WriteSide> {
  const latencies: number[] = [];
  let failures = 0;
  let timeLimitFailures = 0;
  let measuring = false;
  let stopAt = performance.now() + writePath.warmupSeconds * 1000;
  let count = 0;
  const worker = async () => {
    while (performance.now() < stopAt) {
      const started = performance.now();
      try {
        await once(count++);
        if (measuring) latencies.push(performance.now() - started);
      } catch (error) {
        if (!measuring) continue;
        const message = error instanceof Error ? error.message : String(error);
        failures++;
        if (TIME_LIMIT.test(message)) timeLimitFailures++;
        if (examples.length < 5) examples.push(message.slice(0, 300));
      }
    }
  };
  await Promise.all(Array.from({ length: writePath.concurrency }, worker));
  measuring = true;
  const started = performance.now();
  stopAt = started + writePath.seconds * 1000;
  await Promise.all(Array.from({ length: writePath.concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((x, y) => x - y);
  return {
    requests: latencies.length,
    rps: latencies.length / seconds,
    p50: quantile(latencies, 0.5),
    p99: quantile(latencies, 0.99),
    failures,
    timeLimitFailures,
  };
}

async function postThroughApi(server: ServerProcess, token: string, questionId: string, body: string) {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: POST_ANSWER, variables: { input: { questionId, body } } }),
  });
  const text = await response.text();
  if (response.status !== 200 || text.includes('"errors"')) throw new Error(`${response.status} ${text}`);
}

async function postInSql(pool: pg.Pool, questionId: number, doctorId: number, body: string) {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT id FROM question WHERE id = $1 FOR NO KEY UPDATE', [questionId]);
    const answer = await client.query<{ id: number }>(
      'INSERT INTO answer (question_id, doctor_id, body) VALUES ($1, $2, $3) RETURNING id',
      [questionId, doctorId, body],
    );
    const asker = await client.query<{ id: number }>(
      'SELECT a.id FROM asker a JOIN question q ON q.asker_id = a.id WHERE q.id = $1 FOR NO KEY UPDATE OF a',
      [questionId],
    );
    await client.query(
      `INSERT INTO notification (asker_id, kind, question_id, answer_id) VALUES ($1, 'ANSWER_ADDED', $2, $3)`,
      [asker.rows[0]!.id, questionId, answer.rows[0]!.id],
    );
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

export async function measureWritePath(
  a: ServerProcess,
  b: ServerProcess,
  fixture: LiveFixture,
): Promise<WriteFigures[]> {
  const spreads = [
    { spread: 'over 10 questions', questions: 10 },
    { spread: 'all on 1 question', questions: 1 },
  ];
  const questions = fixture.questionIds.slice(0, 10);
  const deliveries = new Deliveries();
  let subscriberProblems = 0;
  const onProblem = (subscriber: number, message: string) => {
    subscriberProblems++;
    deliveries.onProblem(subscriber, message);
  };
  progress(`write path: ${writePath.subscribers} subscribers over ${questions.length} questions on instance A`);
  const subscribers = await openSubscribers(a.url, {
    count: writePath.subscribers,
    query: SUBSCRIPTION,
    variables: {},
    variablesOf: (subscriber) => ({ questionId: questions[subscriber % questions.length] }),
    onNext: deliveries.onNext,
    onProblem,
  });
  const pool = new pg.Pool({ connectionString: databaseUrl, max: http.poolSize });
  const results: WriteFigures[] = [];
  try {
    for (const questionId of questions) {
      if (!(await warmUp(b, fixture, deliveries, writePath.subscribers / questions.length, questionId)))
        throw new Error('write path: subscribers not live after 60 s');
    }
    for (const { spread, questions: n } of spreads) {
      const examples: string[] = [];
      const problemsBefore = subscriberProblems;
      const servers = [a, b];
      const api = await load(
        (i) =>
          postThroughApi(
            servers[i % 2]!,
            fixture.token,
            questions[i % n]!,
            `write ${pubSubPrefix} api ${spread} ${i}.`,
          ),
        examples,
      );
      const floor = await load(
        (i) => postInSql(pool, fixture.questionRows[i % n]!, fixture.doctorRow, `write ${pubSubPrefix} floor ${i}.`),
        examples,
      );
      results.push({
        spread,
        questions: n,
        subscribers: writePath.subscribers,
        api,
        floor,
        subscriberProblems: subscriberProblems - problemsBefore,
        examples: [...examples, ...deliveries.problems.slice(0, 2)],
      });
      progress(
        `  ${spread}: API ${api.rps.toFixed(0)} answers/s (p50 ${api.p50.toFixed(1)} ms, p99 ${api.p99.toFixed(1)} ms, ` +
          `${api.failures} failed, ${api.timeLimitFailures} on a time limit); floor ${floor.rps.toFixed(0)} answers/s ` +
          `(p50 ${floor.p50.toFixed(1)} ms, p99 ${floor.p99.toFixed(1)} ms, ${floor.failures} failed)`,
      );
    }
    return results;
  } finally {
    await pool.end();
    await subscribers.close();
  }
}
