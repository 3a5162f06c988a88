import { expect } from 'vitest';
import { issueCredential } from '../../../src/auth/tokens';
import { DEMO_QUESTION_SLUG } from '../../../src/server';
import { bearer, post, type RawResponse } from '../../helpers/http';
import { startInstance, type TestServer } from '../../helpers/server';
import type { LimitsOptions } from '../../../src/limits';
import { graphql } from '../../helpers/graphql';
import { questionIdOf, test } from '../../helpers/world';

/*
 * What the rate-limit tests (buckets, connections .test.ts beside this one) share. `it` here is the
 * world's (test/helpers/world.ts): tests take the file's base server (`server`, which they call
 * `base`) as a parameter, and the file-scoped fixtures of their own: `tokens` (two doctors' and a
 * staff member's), `questionId` (the demo question's) and `instance`, which starts more servers on
 * the base's database, stopped after the file.
 */

type Tokens = Record<'doctorA' | 'doctorB' | 'staff', string>;
/** Starts another instance on the base server's database, with its own counters and these limits. */
type Instance = (limits: LimitsOptions, options?: { redisUrl?: string; prefix?: string }) => Promise<TestServer>;

export const it = test.extend<{ tokens: Tokens; questionId: string; instance: Instance }>({
  tokens: [
    async ({ server }, use) => {
      const [a, b] = await server.db.doctor.findMany({ where: { verified: true }, orderBy: { id: 'asc' }, take: 2 });
      const staff = await server.db.staffMember.findFirstOrThrow();
      await use({
        doctorA: await issueCredential(server.db, { role: 'doctor', doctorId: a!.id }),
        doctorB: await issueCredential(server.db, { role: 'doctor', doctorId: b!.id }),
        staff: await issueCredential(server.db, { role: 'staff', staffMemberId: staff.id }),
      });
    },
    { scope: 'file' },
  ],
  questionId: [async ({ server }, use) => use(await questionIdOf(server, DEMO_QUESTION_SLUG)), { scope: 'file' }],
  instance: [
    async ({ server: base }, use) => {
      const started: TestServer[] = [];
      try {
        await use(async (limits, options = {}) => {
          const server = await startInstance(base.database, { ...options, limits, ownsDatabase: false });
          started.push(server);
          return server;
        });
      } finally {
        for (const server of started.reverse()) await server.stop();
      }
    },
    { scope: 'file' },
  ],
});

export const READ = { query: '{ topics { name } }' };
export const ASK = graphql(
  `mutation RateLimitsAskQuestion($input: AskQuestionInput!) { askQuestion(input: $input) { question { id } askerToken } }`,
);
export const POST = graphql(
  `mutation RateLimitsPostAnswer($input: PostAnswerInput!) { postAnswer(input: $input) { answer { id } } }`,
);
export const ask = (url: string, n: number, headers: Record<string, string> = {}) =>
  post(
    url,
    { query: ASK, variables: { input: { title: `Rate limit question ${n}`, body: 'Will this one be refused?' } } },
    headers,
  );
export const answer = (url: string, questionId: string, token: string, body = 'An answer within the limits.') =>
  post(url, { query: POST, variables: { input: { questionId, body } } }, bearer(token));

/** A RATE_LIMITED refusal over HTTP: status 429, Retry-After equal to `extensions.retryAfter`. */
export function expectRateLimited(response: RawResponse, message: RegExp, window: number) {
  expect(response.status).toBe(429);
  expect(response.json?.errors).toHaveLength(1);
  const [error] = response.json!.errors!;
  expect(error!.message).toMatch(message);
  expect(error!.extensions).toEqual({ code: 'RATE_LIMITED', retryAfter: expect.any(Number) });
  const retryAfter = error!.extensions!.retryAfter as number;
  expect(retryAfter).toBeGreaterThan(0);
  expect(retryAfter).toBeLessThanOrEqual(window);
  expect(response.headers.get('retry-after')).toBe(String(retryAfter));
  expect(response.json?.data).toBeUndefined(); // nothing ran
  return retryAfter;
}
