import { randomBytes } from 'node:crypto';
import { describe, expect } from 'vitest';
import { issueCredential } from '../../src/auth/tokens';
import { QuestionListDocument, QuestionPageDocument } from '../../src/client/generated/graphql';
import { DEFAULT_RESPONSE_CACHE } from '../../src/cache/response-cache';
import type { TestServer } from '../helpers/server';
import { expectData, graphql } from '../helpers/graphql';
import { test } from '../helpers/deployment';
import { eventually } from '../helpers/live';

const slug = 'is-scalp-micropigmentation-permanent';
const cache = { ...DEFAULT_RESPONSE_CACHE, listTtlMs: 300 };

// Two instances of one deployment (one database, one Redis), both caching anonymous responses;
// a doctor's and a staff member's tokens, once per file.
const it = test.extend<{ doctorToken: string; staffToken: string }>({
  doctorToken: [
    async ({ a }, use) => {
      const doctor = await a.db.doctor.findUniqueOrThrow({ where: { slug: 'archit-aggarwal' } });
      await use(await issueCredential(a.db, { role: 'doctor', doctorId: doctor.id }));
    },
    { scope: 'file' },
  ],
  staffToken: [
    async ({ a }, use) =>
      use(
        await issueCredential(a.db, { role: 'staff', staffMemberId: (await a.db.staffMember.findFirstOrThrow()).id }),
      ),
    { scope: 'file' },
  ],
});
it.override({ pairOptions: { name: 'cache', responseCache: cache } });

const page = (server: TestServer) => server.request(QuestionPageDocument, { slug });
const answerBodies = async (server: TestServer) =>
  (await page(server)).data!.question!.answers.edges.map((e) => e.node.body);

describe('response cache', () => {
  it('serves a repeated anonymous question page without touching the database', async ({ a }) => {
    const first = await a.countStatements(() => page(a));
    const again = await a.countStatements(async () => expect(await page(a)).toEqual(await page(a)));
    expect(first.count).toBe(1);
    expect(again.count).toBe(0);
  });

  it('never caches requests with a credential', async ({ a, staffToken }) => {
    await page(a);
    const withToken = await a.countStatements(() =>
      a.request(QuestionPageDocument, { slug }, { authorization: `Bearer ${staffToken}` }),
    );
    expect(withToken.count).toBeGreaterThan(1); // the credential lookup and the page itself
  });

  it('shows a new answer at once on every instance, however recently the page was cached', async ({
    a,
    b,
    doctorToken,
  }) => {
    const before = [await answerBodies(a), await answerBodies(b)];
    expectData(
      await b.request(
        graphql(
          `mutation ResponseCachePostAnswer($input: PostAnswerInput!) { postAnswer(input: $input) { answer { id } } }`,
        ),
        { input: { questionId: (await page(a)).data!.question!.id, body: 'A fresh answer.' } },
        { authorization: `Bearer ${doctorToken}` },
      ),
    );
    expect(await answerBodies(b)).toEqual(['A fresh answer.', ...before[1]!]); // the writer's own instance
    // The other instance hears of it through Redis within moments.
    const deadline = Date.now() + 2000;
    while ((await answerBodies(a))[0] !== 'A fresh answer.' && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 20));
    expect(await answerBodies(a)).toEqual(['A fresh answer.', ...before[0]!]);
    const doctor = await a.request(
      graphql(`query ResponseCacheDoctor { doctor(slug: "archit-aggarwal") { answerCount } }`),
    );
    expect(doctor.data!.doctor!.answerCount).toBe(2);
  });

  it('drops edited and hidden answers from cached pages', async ({ a, staffToken }) => {
    const { data } = await page(a);
    const answerId = data!.question!.answers.edges[0]!.node.id;
    const auth = { authorization: `Bearer ${staffToken}` };
    await a.request(
      graphql(
        `mutation ResponseCacheEditAnswer($input: EditAnswerInput!) { editAnswer(input: $input) { answer { id } } }`,
      ),
      { input: { answerId, body: 'Edited.' } },
      auth,
    );
    expect((await answerBodies(a))[0]).toBe('Edited.');
    await a.request(
      graphql(`mutation ResponseCacheHideAnswer($input: HideAnswerInput!) { hideAnswer(input: $input) { answerId } }`),
      { input: { answerId } },
      auth,
    );
    expect(await answerBodies(a)).not.toContain('Edited.');
  });

  it('lets list pages expire after their shorter TTL', async ({ a }) => {
    const list = () => a.request(QuestionListDocument, { first: 1 });
    const cached = await list();
    await a.db.question.create({
      data: {
        slug: `new-${randomBytes(3).toString('hex')}`,
        title: 'Brand new question',
        body: 'Body',
        askerId: (await a.db.asker.create({ data: {} })).id,
      },
    });
    expect(await list()).toEqual(cached); // still the cached page
    // Expired once the TTL has passed (each entry's TTL is jittered below listTtlMs): read until then.
    const newest = async () => expectData(await list()).questions.edges[0]!.node.title;
    await eventually(async () => (await newest()) === 'Brand new question', 10_000, 'the list page to expire');
  });
});
