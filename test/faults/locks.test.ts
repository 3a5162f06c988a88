import pg from 'pg';
import { expect } from 'vitest';
import { issueCredential } from '../../src/auth/tokens';
import { writeSlots } from '../../src/db/transaction';
import { DEMO_QUESTION_SLUG } from '../../src/server';
import { fixtures } from '../helpers/fixtures';
import { bearer, post } from '../helpers/http';
import type { GraphQLResponse } from '../helpers/server';
import { fieldLocation, graphql } from '../helpers/graphql';
import { it, test } from '../helpers/world';

// One question's row lock held by another session (an operator's transaction, a slow migration)
// must stay that question's problem: writes to it fail fast with a clear code, everything else
// goes on, whatever the pool size.
let token: string;
const questions = { locked: { id: 0, gid: '', slug: DEMO_QUESTION_SLUG }, other: { id: 0, gid: '', slug: '' } };

test.beforeAll(async ({ server }) => {
  const make = fixtures(server.db);
  token = await issueCredential(server.db, { role: 'doctor', doctorId: (await make.doctor({ name: 'Dr. Lock' })).id });
  const locked = await server.db.question.findUniqueOrThrow({ where: { slug: DEMO_QUESTION_SLUG } });
  const other = await make.question({ title: 'Does coffee stunt growth?' });
  questions.locked = { id: locked.id, gid: Buffer.from(`Question:${locked.id}`).toString('base64'), slug: locked.slug };
  questions.other = { id: other.id, gid: Buffer.from(`Question:${other.id}`).toString('base64'), slug: other.slug };
});

const PAGE = graphql(
  `query LocksQuestion($slug: String!) { question(slug: $slug) { title answers(first: 1) { totalCount } } }`,
);
const POST = graphql(
  `mutation LocksPostAnswer($input: PostAnswerInput!) { postAnswer(input: $input) { answer { body } } }`,
);
const HOLD_MS = 15_000;

type Outcome = { kind: string; status: number; body: GraphQLResponse | null; retryAfter: string | null; ms: number };

/** Runs `request` back to back until `until` resolves, keeping each outcome. */
async function loop(
  kind: string,
  until: Promise<void>,
  request: (i: number) => ReturnType<typeof post>,
  into: Outcome[],
) {
  let done = false;
  void until.then(() => (done = true));
  for (let i = 0; !done; i++) {
    const started = performance.now();
    const response = await request(i);
    into.push({
      kind,
      status: response.status,
      body: response.json,
      retryAfter: response.headers.get('retry-after'),
      ms: performance.now() - started,
    });
  }
}

it('fails writes to a locked question fast with RESOURCE_LOCKED, while reads and other writes go on', async ({
  server,
}) => {
  const holder = new pg.Client({ connectionString: server.database.url });
  await holder.connect();
  await holder.query('BEGIN');
  await holder.query('SELECT id FROM question WHERE id = $1 FOR UPDATE', [questions.locked.id]);
  const answersBefore = await server.db.answer.count({ where: { questionId: questions.locked.id } });

  // The lock is held for HOLD_MS of traffic; the loops stop on that, then the lock is released.
  const held = new Promise<void>((resolve) => setTimeout(resolve, HOLD_MS));
  const outcomes: Outcome[] = [];
  const write = (q: typeof questions.locked, tag: string) => (i: number) =>
    post(server.url, { query: POST, variables: { input: { questionId: q.gid, body: `${tag} ${i}` } } }, bearer(token));
  const read = (q: typeof questions.locked) => () => post(server.url, { query: PAGE, variables: { slug: q.slug } });
  // More writers to the locked question than the pool has connections (5), and readers beside them.
  await Promise.all([
    ...Array.from({ length: 8 }, (_, w) =>
      loop('locked write', held, write(questions.locked, `Locked ${w}`), outcomes),
    ),
    ...Array.from({ length: 2 }, (_, w) => loop('other write', held, write(questions.other, `Other ${w}`), outcomes)),
    ...Array.from({ length: 3 }, () => loop('locked read', held, read(questions.locked), outcomes)),
    ...Array.from({ length: 3 }, () => loop('other read', held, read(questions.other), outcomes)),
  ]);
  // Every request above ended while the lock was still held: none waited for it to go.
  await holder.query('ROLLBACK');
  await holder.end();

  const of = (kind: string) => outcomes.filter((o) => o.kind === kind);
  const summary = (kind: string) => {
    const ms = of(kind)
      .map((o) => o.ms)
      .sort((a, b) => a - b);
    return `${kind}: ${ms.length} requests, p50 ${ms[Math.floor(ms.length / 2)]?.toFixed(0)} ms, max ${ms.at(-1)?.toFixed(0)} ms`;
  };
  if (process.env.TEST_REPORT)
    console.info(['locked', 'other'].flatMap((q) => [summary(`${q} write`), summary(`${q} read`)]).join('\n'));

  for (const kind of ['locked write', 'other write', 'locked read', 'other read'])
    expect(of(kind).length).toBeGreaterThan(0);
  for (const outcome of of('locked write')) {
    expect({ status: outcome.status, retryAfter: outcome.retryAfter, body: outcome.body }).toEqual({
      status: 409,
      retryAfter: '2',
      body: {
        data: null,
        errors: [
          {
            message:
              'Something else is changing the same item right now; nothing was changed. Try again in a few seconds.',
            locations: [fieldLocation(POST, 'postAnswer')],
            path: ['postAnswer'],
            extensions: { code: 'RESOURCE_LOCKED', retryAfter: 2, requestId: expect.any(String) },
          },
        ],
      },
    });
  }
  for (const outcome of of('other write')) {
    expect({ status: outcome.status, body: outcome.body }).toEqual({
      status: 200,
      body: { data: { postAnswer: { answer: { body: expect.stringMatching(/^Other \d \d+$/) } } } },
    });
  }
  const pageOf = async (slug: string) => (await server.request(PAGE, { slug })).data;
  for (const kind of ['locked read', 'other read'] as const) {
    const slug = kind === 'locked read' ? questions.locked.slug : questions.other.slug;
    const title = kind === 'locked read' ? 'Is scalp micropigmentation permanent?' : 'Does coffee stunt growth?';
    for (const outcome of of(kind)) {
      expect({ status: outcome.status, body: outcome.body }).toEqual({
        status: 200,
        body: { data: { question: { title, answers: { totalCount: expect.any(Number) } } } },
      });
    }
    expect((await pageOf(slug))!.question!.title).toBe(title);
  }
  // Nothing was written to the locked question; every acknowledged write to the other is there.
  expect(await server.db.answer.count({ where: { questionId: questions.locked.id } })).toBe(answersBefore);
  expect(await server.db.answer.count({ where: { questionId: questions.other.id } })).toBe(of('other write').length);
  expect((await pageOf(questions.other.slug))!.question!.answers.totalCount).toBe(of('other write').length);

  // Once the lock is gone, the locked question takes writes again.
  const after = await post(
    server.url,
    { query: POST, variables: { input: { questionId: questions.locked.gid, body: 'After the lock.' } } },
    bearer(token),
  );
  expect({ status: after.status, body: after.json }).toEqual({
    status: 200,
    body: { data: { postAnswer: { answer: { body: 'After the lock.' } } } },
  });
}, 90_000);

it('answers 503 DATABASE_BUSY with Retry-After once the wait for a pool connection runs out, then recovers', async ({
  server,
}) => {
  // Every connection of the server's pool held by a transaction that ends on our signal.
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let holding = 0;
  const holders = Array.from({ length: 5 }, () =>
    server.db.$transaction(
      async (tx) => {
        await tx.$executeRaw`SELECT 1`;
        holding++;
        await released;
      },
      { timeout: 60_000 },
    ),
  );
  await expect.poll(() => holding, { timeout: 20_000 }).toBe(5);
  const busy = await post(server.url, { query: PAGE, variables: { slug: DEMO_QUESTION_SLUG } });
  release();
  await Promise.all(holders);
  expect({ status: busy.status, retryAfter: busy.headers.get('retry-after'), body: busy.json }).toEqual({
    status: 503,
    retryAfter: '1',
    body: {
      data: { question: null },
      errors: [
        {
          message:
            'The server is too busy to reach the database right now; nothing was changed. Try again in a second.',
          locations: [fieldLocation(PAGE, 'question')],
          path: ['question'],
          extensions: { code: 'DATABASE_BUSY', retryAfter: 1, requestId: busy.headers.get('x-request-id') },
        },
      ],
    },
  });
  const after = await post(server.url, { query: PAGE, variables: { slug: DEMO_QUESTION_SLUG } });
  expect(after.json).toEqual({
    data: { question: { title: 'Is scalp micropigmentation permanent?', answers: { totalCount: 6 } } },
  });
}, 60_000);

it('runs write transactions on at most half the pool, so that reads always have connections', ({ server }) => {
  expect(writeSlots(server.db)).toBe(3); // of the test server's 5
});
