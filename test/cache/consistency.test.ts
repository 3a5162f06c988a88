import { describe, expect } from 'vitest';
import { issueCredential } from '../../src/auth/tokens';
import { QuestionListDocument, QuestionPageDocument } from '../../src/client/generated/graphql';
import { DEFAULT_RESPONSE_CACHE } from '../../src/cache/response-cache';
import { eventually } from '../helpers/live';
import type { TestServer } from '../helpers/server';
import { graphql } from '../helpers/graphql';
import { test } from '../helpers/deployment';

const slug = 'is-scalp-micropigmentation-permanent';

// Two instances of one deployment (one database, one Redis), both caching anonymous responses
// with the production defaults; a doctor's Authorization header and the demo question's ID, once per file.
const it = test.extend<{ doctor: Record<string, string>; questionId: string }>({
  doctor: [
    async ({ a }, use) => {
      const row = await a.db.doctor.findUniqueOrThrow({ where: { slug: 'archit-aggarwal' } });
      await use({ authorization: `Bearer ${await issueCredential(a.db, { role: 'doctor', doctorId: row.id })}` });
    },
    { scope: 'file' },
  ],
  questionId: [
    async ({ a }, use) => use((await a.request(QuestionPageDocument, { slug })).data!.question!.id),
    { scope: 'file' },
  ],
});
it.override({ pairOptions: { name: 'consistency', responseCache: DEFAULT_RESPONSE_CACHE } });

const newestAnswer = async (server: TestServer) =>
  (await server.request(QuestionPageDocument, { slug })).data!.question!.answers.edges[0]!.node.body;

describe('response cache under concurrency', () => {
  it('runs identical concurrent cold requests once, and shares the result', async ({ a }) => {
    const list = { first: 7 }; // a page nothing else in this file caches
    const { count, results } = await countedAll(a, () => a.request(QuestionListDocument, list), 20);
    expect(count).toBe(2); // the page and its total count, once for all twenty
    expect(new Set(results.map((r) => JSON.stringify(r))).size).toBe(1);
    expect(results[0]).toMatchObject({ data: { questions: { edges: expect.any(Array) } } });
    expect(results[0]!.errors).toBeUndefined();
    // Then every one of them is a hit.
    expect((await countedAll(a, () => a.request(QuestionListDocument, list), 20)).count).toBe(0);
  });

  it('runs each of several distinct cold pages once', async ({ a }) => {
    const pages = [{ first: 8 }, { first: 9 }, { first: 10 }];
    const { count } = await countedAll(
      a,
      async () => Promise.all(pages.map((page) => a.request(QuestionListDocument, page))),
      10,
    );
    expect(count).toBe(2 * pages.length);
  });

  it('gives every read that starts after a write on another instance has returned the written answer', async ({
    a,
    b,
    doctor,
    questionId,
  }) => {
    // Readers hammer instance B while answers are posted through instance A. A read that began
    // before a commit may return the old page, but must not store it after the invalidation; so
    // every read that starts once the post has returned sees the new answer.
    let latest: string | null = null;
    let stop = false;
    const late: { expected: string; got: string }[] = [];
    let reads = 0;
    const reader = async () => {
      while (!stop) {
        const expected = latest;
        const got = await newestAnswer(b);
        reads += 1;
        if (expected !== null) late.push({ expected, got });
      }
    };
    const readers = Array.from({ length: 4 }, reader);
    for (let round = 0; round < 5; round++) {
      const body = `Answer ${round} posted through A while B is read.`;
      const startReads = reads;
      await eventually(() => reads >= startReads + 8, 30_000, 'readers reading');
      const posted = await a.request(
        graphql(
          `mutation ConsistencyPostAnswer($input: PostAnswerInput!) { postAnswer(input: $input) { answer { body } } }`,
        ),
        { input: { questionId, body } },
        doctor,
      );
      expect(posted).toEqual({ data: { postAnswer: { answer: { body } } } });
      latest = body;
    }
    const total = late.length;
    await eventually(() => late.length >= total + 20, 30_000, 'reads after the last post');
    stop = true;
    await Promise.all(readers);
    expect(late.length).toBeGreaterThan(0);
    // Each read started after `expected` had been posted (later posts are newer still).
    expect(late.filter(({ expected, got }) => !isSameOrNewer(got, expected))).toEqual([]);
  });
});

/** Answers are numbered by round: a later one also proves the earlier write was seen. */
function isSameOrNewer(got: string, expected: string): boolean {
  const round = (body: string) => Number(/^Answer (\d+) /.exec(body)?.[1] ?? -1);
  return round(got) >= round(expected);
}

/** Runs `run` n times at once, counting the SQL statements of instance `server` meanwhile. */
async function countedAll<T>(server: TestServer, run: () => Promise<T>, n: number) {
  let results: T[] = [];
  const { statements } = await server.countStatements(async () => {
    results = await Promise.all(Array.from({ length: n }, run));
  });
  // Readiness' idle probe may run meanwhile; it is not the requests'.
  return { count: statements.filter((sql) => sql !== 'SELECT 1').length, results };
}
