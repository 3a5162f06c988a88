import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueCredential } from '../../src/auth/tokens';
import { fixtures } from '../helpers/fixtures';
import { startTestServer, type TestServer } from '../helpers/server';
import { bearer } from '../helpers/http';

let server: TestServer;
let doctorToken: string;
let otherDoctorToken: string;
let questionId: string;

const POST = 'mutation($input: PostAnswerInput!) { postAnswer(input: $input) { answer { id body } } }';
const ASK = 'mutation($input: AskQuestionInput!) { askQuestion(input: $input) { question { id title } askerToken } }';
const count = (table: 'answer' | 'question' | 'asker' | 'idempotencyKey') => (server.db[table] as any).count() as Promise<number>;

beforeAll(async () => {
  server = await startTestServer();
  const make = fixtures(server.db);
  doctorToken = await issueCredential(server.db, { role: 'doctor', doctorId: (await make.doctor({ name: 'Dr. One' })).id });
  otherDoctorToken = await issueCredential(server.db, { role: 'doctor', doctorId: (await make.doctor({ name: 'Dr. Two' })).id });
  questionId = (await server.request('{ question(slug: "is-scalp-micropigmentation-permanent") { id } }')).data.question.id;
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
    const results = await Promise.all(Array.from({ length: 8 }, () => server.request(POST, { input }, bearer(doctorToken))));
    expect(results.map((r) => r.errors)).toEqual(Array(8).fill(undefined));
    expect(new Set(results.map((r) => r.data.postAnswer.answer.id)).size).toBe(1);
    expect(await count('answer')).toBe(answers + 1);
  });

  it('refuses the same key with a different input, and keeps keys apart per credential', async () => {
    const key = 'shared-key-000000001';
    const mine = await server.request(POST, { input: { questionId, body: 'Mine.', idempotencyKey: key } }, bearer(doctorToken));
    const changed = await server.request(POST, { input: { questionId, body: 'Changed.', idempotencyKey: key } }, bearer(doctorToken));
    expect(changed.errors).toEqual([
      expect.objectContaining({
        message: 'This idempotency key was already used with a different input.',
        extensions: { code: 'BAD_USER_INPUT', field: 'idempotencyKey' },
      }),
    ]);
    const theirs = await server.request(POST, { input: { questionId, body: 'Theirs.', idempotencyKey: key } }, bearer(otherDoctorToken));
    expect(theirs.data.postAnswer.answer.id).not.toBe(mine.data.postAnswer.answer.id);
  });

  it('keeps no key when the mutation fails, and refuses malformed keys', async () => {
    const keys = await count('idempotencyKey');
    const unknownQuestion = Buffer.from('Question:999999').toString('base64');
    const failed = await server.request(POST, { input: { questionId: unknownQuestion, body: 'x', idempotencyKey: 'failing-key-00000001' } }, bearer(doctorToken));
    expect(failed.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const malformed = await server.request(POST, { input: { questionId, body: 'x', idempotencyKey: 'short' } }, bearer(doctorToken));
    expect(malformed.errors?.[0]).toMatchObject({
      message: '"idempotencyKey" must be 16 to 128 letters, digits, "-" or "_"',
      extensions: { code: 'BAD_USER_INPUT', field: 'idempotencyKey' },
    });
    expect(await count('idempotencyKey')).toBe(keys);
  });
});

describe('askQuestion with an idempotency key', () => {
  it('returns the same question to a retry, with a working asker token each time', async () => {
    const input = { title: 'Can stress cause grey hair?', body: 'I am 25 and my hair is going grey.', idempotencyKey: 'ask-key-000000000001' };
    const before = { questions: await count('question'), askers: await count('asker') };
    const first = await server.request(ASK, { input });
    const retry = await server.request(ASK, { input });
    expect(retry.data.askQuestion.question).toEqual(first.data.askQuestion.question);
    expect(retry.data.askQuestion.askerToken).not.toBe(first.data.askQuestion.askerToken);
    expect({ questions: await count('question'), askers: await count('asker') }).toEqual({
      questions: before.questions + 1,
      askers: before.askers + 1,
    });
    for (const { data } of [first, retry]) {
      const edited = await server.request(
        'mutation($input: EditQuestionInput!) { editQuestion(input: $input) { question { title } } }',
        { input: { questionId: data.askQuestion.question.id, title: 'Can stress really cause grey hair?' } },
        bearer(data.askQuestion.askerToken),
      );
      expect(edited).toEqual({ data: { editQuestion: { question: { title: 'Can stress really cause grey hair?' } } } });
    }
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
