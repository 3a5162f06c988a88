import { afterAll, expect } from 'vitest';
import { issueCredential } from '../../../src/auth/tokens';
import { DEMO_QUESTION_SLUG } from '../../../src/server';
import { bearer, post, type RawResponse } from '../../helpers/http';
import { startInstance, type TestServer } from '../../helpers/server';
import type { LimitsOptions } from '../../../src/limits';
import { graphql } from '../../helpers/graphql';
import { questionIdOf, withFileServer } from '../../helpers/world';

/*
 * What the rate-limit tests (buckets, connections .test.ts beside this one) share. setUpRateLimits()
 * gets the file's base server (the world fixture); `base` and `questionId` (and the tokens) are set
 * before the first test (live bindings: read them inside tests and helpers only). instance() starts
 * more on its database.
 */

export let base: TestServer;
export let questionId: string;
export const tokens: Record<'doctorA' | 'doctorB' | 'staff', string> = { doctorA: '', doctorB: '', staff: '' };
const started: TestServer[] = [];

/** Gets the base server and makes the credentials; stops every other instance after the file. */
export function setUpRateLimits() {
  withFileServer(async (server) => {
    base = server;
    const [a, b] = await base.db.doctor.findMany({ where: { verified: true }, orderBy: { id: 'asc' }, take: 2 });
    const staff = await base.db.staffMember.findFirstOrThrow();
    tokens.doctorA = await issueCredential(base.db, { role: 'doctor', doctorId: a!.id });
    tokens.doctorB = await issueCredential(base.db, { role: 'doctor', doctorId: b!.id });
    tokens.staff = await issueCredential(base.db, { role: 'staff', staffMemberId: staff.id });
    questionId = await questionIdOf(base, DEMO_QUESTION_SLUG);
  });
  afterAll(async () => {
    for (const server of started.reverse()) await server.stop();
  });
}

/** Another instance on the same database, with its own counters and these limits. */
export async function instance(limits: LimitsOptions, options: { redisUrl?: string; prefix?: string } = {}) {
  const server = await startInstance(base.database, { ...options, limits, ownsDatabase: false });
  started.push(server);
  return server;
}

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
export const answer = (url: string, token: string, body = 'An answer within the limits.') =>
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
