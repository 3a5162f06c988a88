import { encodeGlobalID } from '@pothos/plugin-relay';
import { describe, expect } from 'vitest';
import { issueCredential } from '../../src/auth/tokens';
import { fixtures } from '../helpers/fixtures';
import { bearer, errorsOf } from '../helpers/http';
import { it } from '../helpers/world';
import { ask } from '../notifications/support';
import { AGREE, answered, counts, doctorWithToken, THANK, WITHDRAW } from './support';

/* Agreement and thanks: who may vote, once each, and exact counts under concurrency. Live updates and the page: page-and-live.test.ts. */

describe('agreement and thanks', () => {
  it('counts each agreement once per doctor and each thanks once, and withdraws', async ({ server }) => {
    const author = await doctorWithToken(server, 'Dr. Author');
    const first = await doctorWithToken(server, 'Dr. First');
    const second = await doctorWithToken(server, 'Dr. Second');
    const { answerId, askerToken, rowId } = await answered(server, author.doctor.id);

    expect(await server.request(AGREE, { input: { answerId } }, bearer(first.token))).toEqual({
      data: {
        agreeWithAnswer: {
          answer: { agreeCount: 1, thankCount: 0, agreedBy: { edges: [{ node: { name: 'Dr. First' } }] } },
        },
      },
    });
    // A repeat changes nothing.
    expect(
      (await server.request(AGREE, { input: { answerId } }, bearer(first.token))).data!.agreeWithAnswer.answer
        .agreeCount,
    ).toBe(1);
    expect(await server.request(AGREE, { input: { answerId } }, bearer(second.token))).toEqual({
      data: {
        agreeWithAnswer: {
          answer: {
            agreeCount: 2,
            thankCount: 0,
            agreedBy: { edges: [{ node: { name: 'Dr. First' } }, { node: { name: 'Dr. Second' } }] },
          },
        },
      },
    });
    expect(await server.request(THANK, { input: { answerId } }, bearer(askerToken))).toEqual({
      data: { thankAnswer: { answer: { agreeCount: 2, thankCount: 1 } } },
    });
    expect(await server.request(THANK, { input: { answerId } }, bearer(askerToken))).toEqual({
      data: { thankAnswer: { answer: { agreeCount: 2, thankCount: 1 } } },
    });
    expect(await server.request(WITHDRAW, { input: { answerId } }, bearer(first.token))).toEqual({
      data: { withdrawAgreement: { answer: { agreeCount: 1 } } },
    });
    expect(await server.request(WITHDRAW, { input: { answerId } }, bearer(first.token))).toEqual({
      data: { withdrawAgreement: { answer: { agreeCount: 1 } } },
    });
    expect(await counts(server, rowId)).toEqual({ agreeCount: 1, thankCount: 1 });
  });

  it('refuses what is not allowed with a clear code, writing nothing', async ({ server }) => {
    const make = fixtures(server.db);
    const author = await doctorWithToken(server, 'Dr. Own');
    const unverified = await doctorWithToken(server, 'Dr. Unverified', false);
    const other = await doctorWithToken(server, 'Dr. Other');
    const { answerId, rowId } = await answered(server, author.doctor.id);
    const stranger = await ask(server, 'A stranger asks something else');
    const staff = await make.staffMember('Staff Voter');
    const staffToken = await issueCredential(server.db, { role: 'staff', staffMemberId: staff.id });
    const editorial = await make.answer({
      questionId: (await server.db.answer.findUniqueOrThrow({ where: { id: rowId } })).questionId,
      staffMemberId: staff.id,
    });
    const hidden = await make.answer({ questionId: editorial.questionId, doctorId: author.doctor.id });
    await server.db.answer.update({ where: { id: hidden.id }, data: { hiddenAt: new Date() } });
    const rowsBefore = await server.db.$queryRaw<
      { n: bigint }[]
    >`SELECT (SELECT count(*) FROM "_answer_agreement") + (SELECT count(*) FROM answer_thanks) AS n`;

    const cases: [
      typeof AGREE | typeof THANK,
      Record<string, string>,
      string,
      { message: string; extensions: Record<string, unknown> },
    ][] = [
      [
        AGREE,
        bearer(author.token),
        answerId,
        { message: 'You cannot agree with your own answer.', extensions: { code: 'FORBIDDEN' } },
      ],
      [
        AGREE,
        bearer(unverified.token),
        answerId,
        {
          message: 'Only verified doctors can agree with answers; this doctor is not verified yet.',
          extensions: { code: 'FORBIDDEN' },
        },
      ],
      [
        AGREE,
        bearer(other.token),
        encodeGlobalID('Answer', editorial.id),
        {
          message: "Doctors agree with other doctors' answers; this one is editorial.",
          extensions: { code: 'FORBIDDEN' },
        },
      ],
      [
        AGREE,
        bearer(other.token),
        encodeGlobalID('Answer', hidden.id),
        { message: 'No answer with that ID.', extensions: { code: 'NOT_FOUND' } },
      ],
      [
        AGREE,
        bearer(other.token),
        'nope',
        { message: '"nope" is not a valid ID.', extensions: { code: 'BAD_USER_INPUT', field: 'answerId' } },
      ],
      [
        AGREE,
        bearer(staffToken),
        answerId,
        {
          message: 'Your staff credential cannot use Mutation.agreeWithAnswer: it needs a doctor credential.',
          extensions: { code: 'FORBIDDEN' },
        },
      ],
      [
        AGREE,
        {},
        answerId,
        {
          message: 'Sign in with a doctor credential to use Mutation.agreeWithAnswer.',
          extensions: { code: 'UNAUTHENTICATED' },
        },
      ],
      [
        THANK,
        bearer(stranger.askerToken),
        answerId,
        { message: 'Only the asker of the question can thank its answers.', extensions: { code: 'FORBIDDEN' } },
      ],
      [
        THANK,
        bearer(other.token),
        answerId,
        {
          message: 'Your doctor credential cannot use Mutation.thankAnswer: it needs an asker credential.',
          extensions: { code: 'FORBIDDEN' },
        },
      ],
    ];
    for (const [operation, headers, id, error] of cases) {
      const response = await server.request<unknown, { input: { answerId: string } }>(
        operation,
        { input: { answerId: id } },
        headers,
      );
      const name = operation === AGREE ? 'agreeWithAnswer' : 'thankAnswer';
      expect(errorsOf(response)).toEqual([{ ...error, path: [name] }]);
    }
    const bad = await server.request(AGREE, { input: { answerId, idempotencyKey: 'short' } }, bearer(other.token));
    expect(errorsOf(bad)![0]!.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'idempotencyKey' });

    expect(await counts(server, rowId)).toEqual({ agreeCount: 0, thankCount: 0 });
    const rowsAfter = await server.db.$queryRaw<
      { n: bigint }[]
    >`SELECT (SELECT count(*) FROM "_answer_agreement") + (SELECT count(*) FROM answer_thanks) AS n`;
    expect(rowsAfter).toEqual(rowsBefore);
  });

  it('replays a vote retried with its idempotency key, writing nothing more', async ({ server }) => {
    const author = await doctorWithToken(server, 'Dr. Keyed Author');
    const voter = await doctorWithToken(server, 'Dr. Keyed Voter');
    const { answerId, rowId } = await answered(server, author.doctor.id);
    const input = { answerId, idempotencyKey: 'agree-key-0123456789' };
    await server.request(AGREE, { input }, bearer(voter.token));
    await server.request(WITHDRAW, { input: { answerId } }, bearer(voter.token));
    // The retry of the first agreement is answered from its record: no second agreement.
    expect((await server.request(AGREE, { input }, bearer(voter.token))).data!.agreeWithAnswer.answer.agreeCount).toBe(
      0,
    );
    expect(await counts(server, rowId)).toEqual({ agreeCount: 0, thankCount: 0 });
  });
});

describe('counts under concurrency', () => {
  it('stays exact with 50 doctors agreeing at once, and with one doctor agreeing 20 times at once', async ({
    server,
  }) => {
    const author = await doctorWithToken(server, 'Dr. Popular');
    const { answerId, rowId } = await answered(server, author.doctor.id);
    const voters = await Promise.all(Array.from({ length: 50 }, (_, i) => doctorWithToken(server, `Dr. Voter ${i}`)));
    const results = await Promise.all(
      voters.map((v) => server.request(AGREE, { input: { answerId } }, bearer(v.token))),
    );
    expect(results.filter((r) => r.errors)).toEqual([]);
    const repeats = await Promise.all(
      Array.from({ length: 20 }, () => server.request(AGREE, { input: { answerId } }, bearer(voters[0]!.token))),
    );
    expect(repeats.filter((r) => r.errors)).toEqual([]);
    expect(await counts(server, rowId)).toEqual({ agreeCount: 50, thankCount: 0 });
    const [row] = await server.db.$queryRaw<
      { n: bigint }[]
    >`SELECT count(*) AS n FROM "_answer_agreement" WHERE "A" = ${rowId}`;
    expect(Number(row!.n)).toBe(50);
  });
});
