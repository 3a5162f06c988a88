import { describe, expect } from 'vitest';
import { declaredBucket } from '../../../src/limits/field-rate-limit';
import { schema } from '../../../src/schema';
import { bearer, post } from '../../helpers/http';
import { eventually, subscribe, wsClient } from '../../helpers/live';
import { graphql } from '../../helpers/graphql';
import { answer, ask, expectRateLimited, it, READ } from './support';

/* Rate limits per operation and per mutation. Shared setup: support.ts. */

describe('per operation', () => {
  it('counts every operation per client address; over the limit: 429 with Retry-After', async ({
    tokens,
    instance,
  }) => {
    const server = await instance({ rate: { operationsPerMinute: 3 } });
    for (let i = 0; i < 3; i++) expect((await post(server.url, READ)).status).toBe(200);
    expectRateLimited(
      await post(server.url, READ),
      /^Too many requests: the limit is 3 a minute\. Try again in \d+ seconds?\.$/,
      60,
    );
    // A credential has a budget of its own, whatever address it comes from.
    for (let i = 0; i < 3; i++) expect((await post(server.url, READ, bearer(tokens.doctorA))).status).toBe(200);
    expectRateLimited(await post(server.url, READ, bearer(tokens.doctorA)), /^Too many requests/, 60);
    expect((await post(server.url, READ, bearer(tokens.doctorB))).status).toBe(200);
  });

  it('counts over WebSocket too, refusing the operation and keeping the socket', async ({ questionId, instance }) => {
    const server = await instance({ rate: { operationsPerMinute: 2 } });
    const client = wsClient(server.url);
    try {
      const feed = 'subscription($q: ID!) { answerUpdated(questionId: $q) { kind } }';
      const first = subscribe(client, feed, { q: questionId });
      const second = subscribe(client, graphql(`query RateLimitsTopics { topics { name } }`), {});
      await second.waitFor(1);
      const third = subscribe(client, feed, { q: questionId });
      await eventually(() => third.errors.length > 0, 5000, 'the refusal');
      expect(third.errors).toEqual([
        expect.objectContaining({
          message: expect.stringMatching(/^Too many requests: the limit is 2 a minute/),
          extensions: { code: 'RATE_LIMITED', retryAfter: expect.any(Number) },
        }),
      ]);
      expect(first.errors).toEqual([]);
      expect(first.completed).toBe(false);
    } finally {
      await client.dispose();
    }
  });
});

describe('per mutation', () => {
  it('limits askQuestion per address, more strictly than reads, and writes nothing when refused', async ({
    server: base,
    instance,
  }) => {
    const server = await instance({ rate: { askQuestionPerHour: 2 } });
    const before = await base.db.question.count();
    const first = await ask(server.url, 1);
    expect(first.json?.errors).toBeUndefined();
    expect((await ask(server.url, 2)).json?.errors).toBeUndefined();
    const retryAfter = expectRateLimited(
      await ask(server.url, 3),
      /^Too many questions asked: the limit is 2 an hour\. Try again in \d+ minutes\.$/,
      3600,
    );
    expect(retryAfter).toBeGreaterThan(3500);
    // A credential does not open a new budget: askQuestion mints them.
    expectRateLimited(
      await ask(server.url, 4, bearer(first.json!.data!.askQuestion.askerToken)),
      /^Too many questions asked/,
      3600,
    );
    expect(await base.db.question.count()).toBe(before + 2);
    expect((await post(server.url, READ)).status).toBe(200); // reading goes on
  });

  it('limits postAnswer per credential, counting each aliased call', async ({
    server: base,
    tokens,
    questionId,
    instance,
  }) => {
    const server = await instance({ rate: { postAnswerPerHour: 2 } });
    const before = await base.db.answer.count();
    expect((await answer(server.url, questionId, tokens.doctorA)).json?.errors).toBeUndefined();
    expect((await answer(server.url, questionId, tokens.doctorA)).json?.errors).toBeUndefined();
    expectRateLimited(
      await answer(server.url, questionId, tokens.doctorA),
      /^Too many answers posted: the limit is 2 an hour\./,
      3600,
    );
    // Another doctor has a budget of their own: one answer, then two at once is one too many.
    expect((await answer(server.url, questionId, tokens.doctorB)).json?.errors).toBeUndefined();
    const twice = `mutation($a: PostAnswerInput!, $b: PostAnswerInput!) {
      a: postAnswer(input: $a) { answer { id } } b: postAnswer(input: $b) { answer { id } } }`;
    const input = { questionId, body: 'Twice at once.' };
    expectRateLimited(
      await post(server.url, { query: twice, variables: { a: input, b: input } }, bearer(tokens.doctorB)),
      /^Too many answers posted/,
      3600,
    );
    expect(await base.db.answer.count()).toBe(before + 3);
  });

  it('limits the other writes together, per credential', async ({ server: base, tokens, questionId, instance }) => {
    const server = await instance({ rate: { editsPerHour: 1 } });
    const answerId = (await answer(server.url, questionId, tokens.doctorA, 'To be edited.')).json!.data!.postAnswer
      .answer.id;
    const edit = 'mutation($input: EditAnswerInput!) { editAnswer(input: $input) { answer { body } } }';
    const hide = 'mutation($input: HideAnswerInput!) { hideAnswer(input: $input) { answerId } }';
    expect(
      (
        await post(
          server.url,
          { query: edit, variables: { input: { answerId, body: 'Edited once.' } } },
          bearer(tokens.staff),
        )
      ).json?.errors,
    ).toBeUndefined();
    expectRateLimited(
      await post(server.url, { query: hide, variables: { input: { answerId } } }, bearer(tokens.staff)),
      /^Too many edits: the limit is 1 an hour\./,
      3600,
    );
    expect(
      await base.db.answer.findUniqueOrThrow({
        where: { id: Number(Buffer.from(answerId, 'base64').toString().split(':')[1]) },
      }),
    ).toMatchObject({
      body: 'Edited once.',
      hiddenAt: null,
    });
  });

  it('finds a rate-limit bucket declared on every Mutation field, beside its auth scopes', () => {
    const declared = Object.fromEntries(
      Object.keys(schema.getMutationType()!.getFields()).map((field) => [field, declaredBucket(schema, field)]),
    );
    // A new mutation without `extensions: rateLimit(…)` shows up here as undefined.
    expect(declared).toEqual({
      askQuestion: 'askQuestion',
      postAnswer: 'postAnswer',
      editAnswer: 'edits',
      editQuestion: 'edits',
      hideAnswer: 'edits',
      markNotificationsRead: 'edits',
      agreeWithAnswer: 'edits',
      withdrawAgreement: 'edits',
      thankAnswer: 'edits',
      followTopic: 'edits',
      unfollowTopic: 'edits',
    });
  });
});
