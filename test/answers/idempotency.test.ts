import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueCredential } from '../../src/auth/tokens';
import { IDEMPOTENCY_KEY_TTL_MS, startIdempotencySweeper } from '../../src/db/idempotency-expiry';
import { fixtures } from '../helpers/fixtures';
import { logger, startTestServer, type TestServer } from '../helpers/server';
import { bearer, errorsOf } from '../helpers/http';
import { expectData, expectError, graphql } from '../helpers/graphql';

let server: TestServer;
let doctorToken: string;
let otherDoctorToken: string;
let questionId: string;

const POST = graphql(
  `mutation IdempotencyPostAnswer($input: PostAnswerInput!) { postAnswer(input: $input) { answer { id body } } }`,
);
const ASK = graphql(
  `mutation IdempotencyAskQuestion($input: AskQuestionInput!) { askQuestion(input: $input) { question { id title } askerToken } }`,
);
const count = (table: 'answer' | 'question' | 'asker' | 'idempotencyKey' | 'credential') =>
  (server.db[table] as { count(): Promise<number> }).count();

beforeAll(async () => {
  server = await startTestServer();
  const make = fixtures(server.db);
  doctorToken = await issueCredential(server.db, {
    role: 'doctor',
    doctorId: (await make.doctor({ name: 'Dr. One' })).id,
  });
  otherDoctorToken = await issueCredential(server.db, {
    role: 'doctor',
    doctorId: (await make.doctor({ name: 'Dr. Two' })).id,
  });
  questionId = (
    await server.request(
      graphql(`query IdempotencyQuestion { question(slug: "is-scalp-micropigmentation-permanent") { id } }`),
    )
  ).data!.question!.id;
});
afterAll(() => server?.stop());

describe('postAnswer with an idempotency key', () => {
  it('returns the first answer to a retry and writes one row', async () => {
    const input = { questionId, body: 'Retried answer.', idempotencyKey: 'retry-key-0000000001' };
    const answers = await count('answer');
    const first = await server.request(POST, { input }, bearer(doctorToken));
    const retry = await server.request(POST, { input }, bearer(doctorToken));
    expect(first.errors).toBeUndefined();
    expect(retry).toEqual(first);
    expect(await count('answer')).toBe(answers + 1);
  });

  it('writes one row when the same request races with itself', async () => {
    const input = { questionId, body: 'Raced answer.', idempotencyKey: 'race-key-00000000001' };
    const answers = await count('answer');
    const results = await Promise.all(
      Array.from({ length: 8 }, () => server.request(POST, { input }, bearer(doctorToken))),
    );
    expect(results.map((r) => r.errors)).toEqual(Array(8).fill(undefined));
    expect(new Set(results.map((r) => r.data!.postAnswer.answer.id)).size).toBe(1);
    expect(await count('answer')).toBe(answers + 1);
  });

  it('refuses the same key with a different input, and keeps keys apart per credential', async () => {
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

  it('keeps no key when the mutation fails, and refuses malformed keys', async () => {
    const keys = await count('idempotencyKey');
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
    expect(await count('idempotencyKey')).toBe(keys);
  });
});

describe('askQuestion with an idempotency key', () => {
  const secretKey = () => randomBytes(16).toString('hex'); // 128 bits, as the README asks
  const editTitle = (token: string, questionId: string, title: string) =>
    server.request(
      graphql(
        `mutation IdempotencyEditQuestion($input: EditQuestionInput!) { editQuestion(input: $input) { question { title } } }`,
      ),
      { input: { questionId, title } },
      bearer(token),
    );

  it('returns the same question and the same asker token to a retry, and writes once', async () => {
    const input = {
      title: 'Can stress cause grey hair?',
      body: 'I am 25 and my hair is going grey.',
      idempotencyKey: secretKey(),
    };
    const before = {
      questions: await count('question'),
      askers: await count('asker'),
      credentials: await count('credential'),
    };
    const first = await server.request(ASK, { input });
    const retry = await server.request(ASK, { input });
    expect(first.errors).toBeUndefined();
    expect(retry).toEqual(first);
    expect({
      questions: await count('question'),
      askers: await count('asker'),
      credentials: await count('credential'),
    }).toEqual({
      questions: before.questions + 1,
      askers: before.askers + 1,
      credentials: before.credentials + 1,
    });
    expect(
      await editTitle(
        first.data!.askQuestion.askerToken,
        first.data!.askQuestion.question.id,
        'Can stress really cause grey hair?',
      ),
    ).toEqual({
      data: { editQuestion: { question: { title: 'Can stress really cause grey hair?' } } },
    });
    // Neither the key nor the token is stored as sent: the key as its sha256, the token encrypted.
    const row = await server.db.idempotencyKey.findFirstOrThrow({
      where: { operation: 'askQuestion', scope: 'anonymous' },
      orderBy: { id: 'desc' },
    });
    expect(row.key).toBe(createHash('sha256').update(input.idempotencyKey).digest('hex'));
    expect(Buffer.from(row.result!).toString('latin1')).not.toContain(first.data!.askQuestion.askerToken);
  });

  it('gives nothing to another client: a different key asks anew, even with the same public text', async () => {
    const input = {
      title: 'Is hair dye safe in pregnancy?',
      body: 'First trimester, asking for myself.',
      idempotencyKey: secretKey(),
    };
    const victim = await server.request(ASK, { input });
    const attacker = await server.request(ASK, { input: { ...input, idempotencyKey: secretKey() } });
    expect(attacker.data!.askQuestion.question.id).not.toBe(victim.data!.askQuestion.question.id);
    expect(attacker.data!.askQuestion.askerToken).not.toBe(victim.data!.askQuestion.askerToken);
    expect(
      errorsOf(
        await editTitle(
          attacker.data!.askQuestion.askerToken,
          victim.data!.askQuestion.question.id,
          'Hijacked question title',
        ),
      ),
    ).toEqual([
      {
        message: 'An asker credential can only edit its own question.',
        path: ['editQuestion'],
        extensions: { code: 'FORBIDDEN' },
      },
    ]);
  });

  it('keeps keys apart per credential: the same key anonymously and with a credential asks twice', async () => {
    const input = { title: 'Can I swim after a tattoo?', body: 'It is two days old.', idempotencyKey: secretKey() };
    const anonymous = await server.request(ASK, { input });
    const withCredential = await server.request(ASK, { input }, bearer(doctorToken));
    expect(withCredential.data!.askQuestion.question.id).not.toBe(anonymous.data!.askQuestion.question.id);
    expect(await server.request(ASK, { input }, bearer(doctorToken))).toEqual(withCredential);
  });

  it('refuses an anonymous key too short to be a secret, and writes nothing', async () => {
    const before = await count('question');
    const short = await server.request(ASK, {
      input: {
        title: 'Is a short key enough?',
        body: 'Asking whether a short key is enough.',
        idempotencyKey: 'a'.repeat(31),
      },
    });
    expect(errorsOf(short)).toEqual([
      {
        message:
          'Without a credential, the idempotencyKey is the secret that gives the asker token back on a retry: it must have at least 32 characters and 128 random bits (e.g. 16 random bytes in hex).',
        path: ['askQuestion'],
        extensions: { code: 'BAD_USER_INPUT', field: 'idempotencyKey' },
      },
    ]);
    expect(await count('question')).toBe(before);
    // With a credential the key only needs to be unique to its owner.
    expectData(
      await server.request(
        ASK,
        {
          input: {
            title: 'Is a short key enough?',
            body: 'Asking whether a short key is enough.',
            idempotencyKey: 'a'.repeat(16),
          },
        },
        bearer(doctorToken),
      ),
    );
  });

  it('forgets a key after 24 hours: the same key then writes again', async () => {
    const input = { title: 'Does sunscreen expire?', body: 'Found an old bottle.', idempotencyKey: secretKey() };
    const first = await server.request(ASK, { input });
    const key = createHash('sha256').update(input.idempotencyKey).digest('hex');
    await server.db.idempotencyKey.updateMany({
      where: { key },
      data: { createdAt: new Date(Date.now() - IDEMPOTENCY_KEY_TTL_MS - 1000) },
    });
    const later = await server.request(ASK, { input });
    expect(later.data!.askQuestion.question.id).not.toBe(first.data!.askQuestion.question.id);
    expect(await server.db.idempotencyKey.count({ where: { key } })).toBe(1);
  });
});

describe('expired idempotency keys', () => {
  const expired = () => new Date(Date.now() - IDEMPOTENCY_KEY_TTL_MS - 60_000);
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

  it('are deleted by a sweeper that runs by itself, in bounded batches, leaving live keys', async () => {
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

it('lets only verified doctors answer', async () => {
  const unverified = await fixtures(server.db).doctor({ name: 'Dr. Pending' });
  await server.db.doctor.update({ where: { id: unverified.id }, data: { verified: false } });
  const token = await issueCredential(server.db, { role: 'doctor', doctorId: unverified.id });
  const answers = await count('answer');
  const { data, errors } = await server.request(POST, { input: { questionId, body: 'Not yet.' } }, bearer(token));
  expect(data).toBeNull();
  expect(errors?.[0]).toMatchObject({
    message: 'Only verified doctors can answer; this doctor is not verified yet.',
    extensions: { code: 'FORBIDDEN' },
  });
  expect(await count('answer')).toBe(answers);
});
