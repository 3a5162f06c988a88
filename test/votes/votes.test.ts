import { encodeGlobalID } from '@pothos/plugin-relay';
import { print } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QuestionPageDocument, type QuestionPageQuery } from '../../src/client/generated/graphql';
import { issueCredential } from '../../src/auth/tokens';
import { fixtures } from '../helpers/fixtures';
import { bearer, errorsOf } from '../helpers/http';
import { eventually, subscribe, wsClient } from '../helpers/live';
import { startTestServer, type TestServer } from '../helpers/server';
import { ask } from '../notifications/support';
import { expectData, graphql } from '../helpers/graphql';

let server: TestServer;
let make: ReturnType<typeof fixtures>;
beforeAll(async () => {
  server = await startTestServer();
  make = fixtures(server.db);
});
afterAll(() => server?.stop());

const AGREE = graphql(
  `mutation VotesAgreeWithAnswer($input: AgreeWithAnswerInput!) { agreeWithAnswer(input: $input) { answer { agreeCount thankCount agreedBy { edges { node { name } } } } } }`,
);
const WITHDRAW = graphql(
  `mutation VotesWithdrawAgreement($input: WithdrawAgreementInput!) { withdrawAgreement(input: $input) { answer { agreeCount } } }`,
);
const THANK = graphql(
  `mutation VotesThankAnswer($input: ThankAnswerInput!) { thankAnswer(input: $input) { answer { agreeCount thankCount } } }`,
);

async function doctorWithToken(name: string, verified = true) {
  const doctor = await make.doctor({ name });
  if (!verified) await server.db.doctor.update({ where: { id: doctor.id }, data: { verified: false } });
  return { doctor, token: await issueCredential(server.db, { role: 'doctor', doctorId: doctor.id }) };
}

/** An asked question (with its asker token) and one answer by `doctorId`. */
async function answered(doctorId: number) {
  const asked = await ask(server, `A question to vote on ${Math.random()}`);
  const questionId = Number(Buffer.from(asked.questionId, 'base64').toString().split(':')[1]);
  const answer = await make.answer({ questionId, doctorId });
  return { ...asked, answerId: encodeGlobalID('Answer', answer.id), rowId: answer.id };
}

/** The question page's own operation, with agreement and thanks on each answer. */
const PAGE_WITH_VOTES = print(QuestionPageDocument).replace(
  /\beditorial\b/,
  'editorial agreeCount thankCount agreedBy(first: 3) { edges { node { name slug } } }',
);
type PageAnswer = NonNullable<QuestionPageQuery['question']>['answers']['edges'][number]['node'];
/** What PAGE_WITH_VOTES returns (a string built at run time, so typed here). */
interface PageWithVotes {
  question: {
    answers: {
      edges: {
        node: PageAnswer & {
          agreeCount: number;
          thankCount: number;
          agreedBy: { edges: { node: { name: string; slug: string } }[] };
        };
      }[];
    };
  } | null;
}

const counts = (rowId: number) =>
  server.db.answer.findUniqueOrThrow({ where: { id: rowId }, select: { agreeCount: true, thankCount: true } });

describe('agreement and thanks', () => {
  it('counts each agreement once per doctor and each thanks once, and withdraws', async () => {
    const author = await doctorWithToken('Dr. Author');
    const first = await doctorWithToken('Dr. First');
    const second = await doctorWithToken('Dr. Second');
    const { answerId, askerToken, rowId } = await answered(author.doctor.id);

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
    expect(await counts(rowId)).toEqual({ agreeCount: 1, thankCount: 1 });
  });

  it('refuses what is not allowed with a clear code, writing nothing', async () => {
    const author = await doctorWithToken('Dr. Own');
    const unverified = await doctorWithToken('Dr. Unverified', false);
    const other = await doctorWithToken('Dr. Other');
    const { answerId, rowId } = await answered(author.doctor.id);
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

    expect(await counts(rowId)).toEqual({ agreeCount: 0, thankCount: 0 });
    const rowsAfter = await server.db.$queryRaw<
      { n: bigint }[]
    >`SELECT (SELECT count(*) FROM "_answer_agreement") + (SELECT count(*) FROM answer_thanks) AS n`;
    expect(rowsAfter).toEqual(rowsBefore);
  });

  it('replays a vote retried with its idempotency key, writing nothing more', async () => {
    const author = await doctorWithToken('Dr. Keyed Author');
    const voter = await doctorWithToken('Dr. Keyed Voter');
    const { answerId, rowId } = await answered(author.doctor.id);
    const input = { answerId, idempotencyKey: 'agree-key-0123456789' };
    await server.request(AGREE, { input }, bearer(voter.token));
    await server.request(WITHDRAW, { input: { answerId } }, bearer(voter.token));
    // The retry of the first agreement is answered from its record: no second agreement.
    expect((await server.request(AGREE, { input }, bearer(voter.token))).data!.agreeWithAnswer.answer.agreeCount).toBe(
      0,
    );
    expect(await counts(rowId)).toEqual({ agreeCount: 0, thankCount: 0 });
  });
});

describe('counts under concurrency', () => {
  it('stays exact with 50 doctors agreeing at once, and with one doctor agreeing 20 times at once', async () => {
    const author = await doctorWithToken('Dr. Popular');
    const { answerId, rowId } = await answered(author.doctor.id);
    const voters = await Promise.all(Array.from({ length: 50 }, (_, i) => doctorWithToken(`Dr. Voter ${i}`)));
    const results = await Promise.all(
      voters.map((v) => server.request(AGREE, { input: { answerId } }, bearer(v.token))),
    );
    expect(results.filter((r) => r.errors)).toEqual([]);
    const repeats = await Promise.all(
      Array.from({ length: 20 }, () => server.request(AGREE, { input: { answerId } }, bearer(voters[0]!.token))),
    );
    expect(repeats.filter((r) => r.errors)).toEqual([]);
    expect(await counts(rowId)).toEqual({ agreeCount: 50, thankCount: 0 });
    const [row] = await server.db.$queryRaw<
      { n: bigint }[]
    >`SELECT count(*) AS n FROM "_answer_agreement" WHERE "A" = ${rowId}`;
    expect(Number(row!.n)).toBe(50);
  });
});

describe('live and on the page', () => {
  it('sends the new counts to answerUpdated subscribers', async () => {
    const author = await doctorWithToken('Dr. Live Author');
    const voter = await doctorWithToken('Dr. Live Voter');
    const { answerId, askerToken, questionId } = await answered(author.doctor.id);
    const client = wsClient(server.url);
    const live = subscribe(
      client,
      graphql(
        `subscription VotesAnswerUpdated($q: ID!) { answerUpdated(questionId: $q) { kind answer { agreeCount thankCount } } }`,
      ),
      { q: questionId },
    );
    await eventually(() => server.pubSub.listenerCount() === 1, 10_000, 'the subscriber');
    await server.request(AGREE, { input: { answerId } }, bearer(voter.token));
    await server.request(AGREE, { input: { answerId } }, bearer(voter.token)); // no change: no event
    await server.request(THANK, { input: { answerId } }, bearer(askerToken));
    expect(await live.waitFor(2, 10_000)).toEqual([
      { answerUpdated: { kind: 'VOTED', answer: { agreeCount: 1, thankCount: 0 } } },
      { answerUpdated: { kind: 'VOTED', answer: { agreeCount: 1, thankCount: 1 } } },
    ]);
    await client.dispose();
  });

  it('shows counts and who agreed on the question page in the same 2 SQL statements', async () => {
    const page = async () => {
      let data: PageWithVotes | undefined;
      const counted = await server.countStatements(async () => {
        data = expectData(
          await server.request<PageWithVotes>(PAGE_WITH_VOTES, { slug: 'is-scalp-micropigmentation-permanent' }),
        );
      });
      return { count: counted.count, answers: data!.question!.answers.edges.map((e) => e.node) };
    };
    expect((await page()).count).toBe(2);
    const harish = await server.db.doctor.findUniqueOrThrow({ where: { slug: 'harish-kumar-kabilan' } });
    const token = await issueCredential(server.db, { role: 'doctor', doctorId: harish.id });
    const before = await page();
    const others = before.answers.filter(
      (a) => a.author.__typename === 'Doctor' && a.author.slug !== 'harish-kumar-kabilan',
    );
    for (const answer of others) await server.request(AGREE, { input: { answerId: answer.id } }, bearer(token));
    const after = await page();
    expect(after.count).toBe(2);
    expect(after.answers.map((a) => [a.author.name, a.agreeCount, a.agreedBy.edges.map((e) => e.node.name)])).toEqual(
      before.answers.map((a) => {
        const agreed = others.some((o) => o.id === a.id);
        return [a.author.name, agreed ? 1 : 0, agreed ? ['Dr. Harish Kumar Kabilan'] : []];
      }),
    );
  });
});
