import { describe, expect } from 'vitest';
import { issueCredential } from '../../src/auth/tokens';
import { IDEMPOTENCY_KEY_TTL_MS, startIdempotencySweeper } from '../../src/db/idempotency-expiry';
import { fixtures } from '../helpers/fixtures';
import { logger, type TestServer } from '../helpers/server';
import { bearer } from '../helpers/http';
import { expectError, graphql } from '../helpers/graphql';
import { newDoctor, questionIdOf, test } from '../helpers/world';

/* postAnswer retried with an idempotency key, and the sweeper of expired keys. askQuestion's keys: test/questions/idempotency.test.ts. */

const it = test.extend<{ doctorToken: string; otherDoctorToken: string; questionId: string }>({
  doctorToken: [async ({ server }, use) => use((await newDoctor(server, 'Dr. One')).token), { scope: 'file' }],
  otherDoctorToken: [async ({ server }, use) => use((await newDoctor(server, 'Dr. Two')).token), { scope: 'file' }],
  questionId: [
    async ({ server }, use) => use(await questionIdOf(server, 'is-scalp-micropigmentation-permanent')),
    { scope: 'file' },
  ],
});

const POST = graphql(
  `mutation IdempotencyPostAnswer($input: PostAnswerInput!) { postAnswer(input: $input) { answer { id body } } }`,
);
const count = (server: TestServer, table: 'answer' | 'idempotencyKey') =>
  (server.db[table] as { count(): Promise<number> }).count();

describe('postAnswer with an idempotency key', () => {
  it('returns the first answer to a retry and writes one row', async ({ server, doctorToken, questionId }) => {
    const input = { questionId, body: 'Retried answer.', idempotencyKey: 'retry-key-0000000001' };
    const answers = await count(server, 'answer');
    const first = await server.request(POST, { input }, bearer(doctorToken));
    const retry = await server.request(POST, { input }, bearer(doctorToken));
    expect(first.errors).toBeUndefined();
    expect(retry).toEqual(first);
    expect(await count(server, 'answer')).toBe(answers + 1);
  });

  it('writes one row when the same request races with itself', async ({ server, doctorToken, questionId }) => {
    const input = { questionId, body: 'Raced answer.', idempotencyKey: 'race-key-00000000001' };
    const answers = await count(server, 'answer');
    const results = await Promise.all(
      Array.from({ length: 8 }, () => server.request(POST, { input }, bearer(doctorToken))),
    );
    expect(results.map((r) => r.errors)).toEqual(Array(8).fill(undefined));
    expect(new Set(results.map((r) => r.data!.postAnswer.answer.id)).size).toBe(1);
    expect(await count(server, 'answer')).toBe(answers + 1);
  });

  it('refuses the same key with a different input, and keeps keys apart per credential', async ({
    server,
    doctorToken,
    otherDoctorToken,
    questionId,
  }) => {
    const key = 'shared-key-000000001';
    const mine = await server.request(
      POST,
      { input: { questionId, body: 'Mine.', idempotencyKey: key } },
      bearer(doctorToken),
    );
    const changed = await server.request(
      POST,
      { input: { questionId, body: 'Changed.', idempotencyKey: key } },
      bearer(doctorToken),
    );
    expect(changed.errors).toEqual([
      expect.objectContaining({
        message: 'This idempotency key was already used with a different input.',
        extensions: { code: 'BAD_USER_INPUT', field: 'idempotencyKey' },
      }),
    ]);
    const theirs = await server.request(
      POST,
      { input: { questionId, body: 'Theirs.', idempotencyKey: key } },
      bearer(otherDoctorToken),
    );
    expect(theirs.data!.postAnswer.answer.id).not.toBe(mine.data!.postAnswer.answer.id);
  });

  it('keeps no key when the mutation fails, and refuses malformed keys', async ({
    server,
    doctorToken,
    questionId,
  }) => {
    const keys = await count(server, 'idempotencyKey');
    const unknownQuestion = Buffer.from('Question:999999').toString('base64');
    const failed = await server.request(
      POST,
      { input: { questionId: unknownQuestion, body: 'x', idempotencyKey: 'failing-key-00000001' } },
      bearer(doctorToken),
    );
    expectError(failed, 'NOT_FOUND', ['postAnswer']);
    const malformed = await server.request(
      POST,
      { input: { questionId, body: 'x', idempotencyKey: 'short' } },
      bearer(doctorToken),
    );
    expect(malformed.errors?.[0]).toMatchObject({
      message: '"idempotencyKey" must be 16 to 128 letters, digits, "-" or "_"',
      extensions: { code: 'BAD_USER_INPUT', field: 'idempotencyKey' },
    });
    expect(await count(server, 'idempotencyKey')).toBe(keys);
  });
});

describe('expired idempotency keys', () => {
  const expired = () => new Date(Date.now() - IDEMPOTENCY_KEY_TTL_MS - 60_000);

  it('are deleted by a sweeper that runs by itself, in bounded batches, leaving live keys', async ({ server }) => {
    const addKeys = (prefix: string, n: number, createdAt: Date) =>
      server.db.idempotencyKey.createMany({
        data: Array.from({ length: n }, (_, i) => ({
          operation: 'postAnswer',
          scope: prefix,
          key: `${prefix}-${i}`,
          inputHash: 'x',
          resultId: 1,
          createdAt,
        })),
      });
    const left = (scope: string) => server.db.idempotencyKey.count({ where: { scope } });
    await addKeys('sweep-old', 7, expired());
    await addKeys('sweep-live', 2, new Date());
    const sweeper = startIdempotencySweeper(server.db, logger, {
      firstAfterMs: 50,
      intervalMs: 50,
      batch: 2,
      maxBatches: 2,
    });
    try {
      // At most 4 a sweep: it takes two sweeps at least, run by the timer alone.
      await expect.poll(() => left('sweep-old'), { timeout: 20_000 }).toBe(0);
    } finally {
      sweeper.stop();
    }
    expect(await left('sweep-live')).toBe(2);
    await addKeys('sweep-bounded', 5, expired());
    const once = startIdempotencySweeper(server.db, logger, { firstAfterMs: 3_600_000, batch: 2, maxBatches: 2 });
    expect(await once.sweep()).toBe(4);
    once.stop();
    expect(await left('sweep-bounded')).toBe(1);
    await server.db.idempotencyKey.deleteMany({ where: { scope: { startsWith: 'sweep-' } } });
  });
});

it('lets only verified doctors answer', async ({ server, questionId }) => {
  const unverified = await fixtures(server.db).doctor({ name: 'Dr. Pending' });
  await server.db.doctor.update({ where: { id: unverified.id }, data: { verified: false } });
  const token = await issueCredential(server.db, { role: 'doctor', doctorId: unverified.id });
  const answers = await count(server, 'answer');
  const { data, errors } = await server.request(POST, { input: { questionId, body: 'Not yet.' } }, bearer(token));
  expect(data).toBeNull();
  expect(errors?.[0]).toMatchObject({
    message: 'Only verified doctors can answer; this doctor is not verified yet.',
    extensions: { code: 'FORBIDDEN' },
  });
  expect(await count(server, 'answer')).toBe(answers);
});
