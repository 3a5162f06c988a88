import { createHash, randomBytes } from 'node:crypto';
import { describe, expect } from 'vitest';
import { IDEMPOTENCY_KEY_TTL_MS } from '../../src/db/idempotency-expiry';
import type { TestServer } from '../helpers/server';
import { bearer, errorsOf } from '../helpers/http';
import { expectData, graphql } from '../helpers/graphql';
import { newDoctor, test } from '../helpers/world';

/* askQuestion retried with an idempotency key. postAnswer's keys and the sweeper: test/answers/idempotency.test.ts. */

const it = test.extend<{ doctorToken: string }>({
  doctorToken: [async ({ server }, use) => use((await newDoctor(server, 'Dr. One')).token), { scope: 'file' }],
});

const ASK = graphql(
  `mutation IdempotencyAskQuestion($input: AskQuestionInput!) { askQuestion(input: $input) { question { id title } askerToken } }`,
);
const count = (server: TestServer, table: 'question' | 'asker' | 'credential') =>
  (server.db[table] as { count(): Promise<number> }).count();

describe('askQuestion with an idempotency key', () => {
  const secretKey = () => randomBytes(16).toString('hex'); // 128 bits, as the README asks
  const editTitle = (server: TestServer, token: string, questionId: string, title: string) =>
    server.request(
      graphql(
        `mutation IdempotencyEditQuestion($input: EditQuestionInput!) { editQuestion(input: $input) { question { title } } }`,
      ),
      { input: { questionId, title } },
      bearer(token),
    );

  it('returns the same question and the same asker token to a retry, and writes once', async ({ server }) => {
    const input = {
      title: 'Can stress cause grey hair?',
      body: 'I am 25 and my hair is going grey.',
      idempotencyKey: secretKey(),
    };
    const before = {
      questions: await count(server, 'question'),
      askers: await count(server, 'asker'),
      credentials: await count(server, 'credential'),
    };
    const first = await server.request(ASK, { input });
    const retry = await server.request(ASK, { input });
    expect(first.errors).toBeUndefined();
    expect(retry).toEqual(first);
    expect({
      questions: await count(server, 'question'),
      askers: await count(server, 'asker'),
      credentials: await count(server, 'credential'),
    }).toEqual({
      questions: before.questions + 1,
      askers: before.askers + 1,
      credentials: before.credentials + 1,
    });
    expect(
      await editTitle(
        server,
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

  it('gives nothing to another client: a different key asks anew, even with the same public text', async ({
    server,
  }) => {
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
          server,
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

  it('keeps keys apart per credential: the same key anonymously and with a credential asks twice', async ({
    server,
    doctorToken,
  }) => {
    const input = { title: 'Can I swim after a tattoo?', body: 'It is two days old.', idempotencyKey: secretKey() };
    const anonymous = await server.request(ASK, { input });
    const withCredential = await server.request(ASK, { input }, bearer(doctorToken));
    expect(withCredential.data!.askQuestion.question.id).not.toBe(anonymous.data!.askQuestion.question.id);
    expect(await server.request(ASK, { input }, bearer(doctorToken))).toEqual(withCredential);
  });

  it('refuses an anonymous key too short to be a secret, and writes nothing', async ({ server, doctorToken }) => {
    const before = await count(server, 'question');
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
    expect(await count(server, 'question')).toBe(before);
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

  it('forgets a key after 24 hours: the same key then writes again', async ({ server }) => {
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
