import { encodeGlobalID } from '@pothos/plugin-relay';
import { describe, expect } from 'vitest';
import { it } from '../helpers/world';
import { fixtures } from '../helpers/fixtures';
import { bearer, errorsOf } from '../helpers/http';
import { expectData, graphql } from '../helpers/graphql';
import {
  answerGid,
  DOCTOR_ANSWERS,
  expectNothingWritten,
  HIDE_ANSWER,
  newAskerToken,
  newDoctor,
  newStaff,
  QUESTION_ANSWERS,
  questionGid,
  questionWithAnswers,
  rowCounts,
} from './support';
import type { TestServer } from '../helpers/server';

/* Answer mutations: hideAnswer. Shared setup and documents: support.ts. */

describe('hideAnswer', () => {
  const hideAnswer = (server: TestServer, answerId: string, headers: Record<string, string>) =>
    server.request(HIDE_ANSWER, { input: { answerId } }, headers);

  it('lets staff hide an answer: gone from every list, count and node lookup; hiding again is NOT_FOUND', async ({
    server,
  }) => {
    const { doctor } = await newDoctor(server, 'Dr. Hidden');
    const { token } = await newStaff(server, 'Moderator Hema');
    const { question, old } = await questionWithAnswers(server, 'Does biotin help hair growth?');
    const kept = await fixtures(server.db).answer({
      questionId: question.id,
      doctorId: doctor.id,
      body: 'Kept.',
      answeredAt: new Date('2025-01-01T00:00:00.000Z'),
    });
    const target = await fixtures(server.db).answer({
      questionId: question.id,
      doctorId: doctor.id,
      body: 'Buy my supplements!',
      answeredAt: new Date('2025-02-01T00:00:00.000Z'),
    });
    const doctorGid = encodeGlobalID('Doctor', doctor.id);

    const beforeQuestion = await server.request(QUESTION_ANSWERS, { id: questionGid(question.id), first: 20 });
    expect(beforeQuestion.data!.question).toMatchObject({ answerCount: 4, lastAnsweredAt: '2025-02-01T00:00:00.000Z' });
    expect(beforeQuestion.data!.question!.answers.totalCount).toBe(4);
    const beforeDoctor = await server.request(DOCTOR_ANSWERS, { id: doctorGid });
    expect(beforeDoctor.data!.doctor!.answerCount).toBe(2);
    expect(beforeDoctor.data!.doctor!.answers.totalCount).toBe(2);
    const counts = await rowCounts(server);

    const response = expectData(await hideAnswer(server, answerGid(target.id), bearer(token)));
    const row = await server.db.answer.findUniqueOrThrow({ where: { id: target.id } });
    expect(row.hiddenAt).toBeInstanceOf(Date);
    expect(response).toEqual({
      hideAnswer: { answerId: answerGid(target.id), hiddenAt: row.hiddenAt!.toISOString() },
    });
    // Hidden, not deleted: the row is kept.
    expect(await rowCounts(server)).toEqual(counts);

    const afterQuestion = expectData(
      await server.request(QUESTION_ANSWERS, { id: questionGid(question.id), first: 20 }),
    );
    expect(afterQuestion.question!.answerCount).toBe(3);
    expect(afterQuestion.question!.lastAnsweredAt).toBe('2025-01-01T00:00:00.000Z');
    expect(afterQuestion.question!.answers.totalCount).toBe(3);
    expect(afterQuestion.question!.answers.edges.map((edge) => edge.node.id)).toEqual([
      answerGid(kept.id),
      answerGid(old.id),
      expect.any(String),
    ]);
    expect(afterQuestion.question!.answers.edges).toEqual(beforeQuestion.data!.question!.answers.edges.slice(1));

    const afterDoctor = await server.request(DOCTOR_ANSWERS, { id: doctorGid });
    expect(afterDoctor.data!.doctor!.answerCount).toBe(1);
    expect(afterDoctor.data!.doctor!.answers.totalCount).toBe(1);
    expect(afterDoctor.data!.doctor!.answers.edges.map((edge) => edge.node.id)).toEqual([answerGid(kept.id)]);

    const lookup = await server.request(
      graphql(`query MutationsNode($id: ID!) { node(id: $id) { id ... on Answer { body } } nodes(ids: [$id]) { id } }`),
      { id: answerGid(target.id) },
    );
    expect(lookup).toEqual({ data: { node: null, nodes: [null] } });

    await expectNothingWritten(server, async () => {
      const again = await hideAnswer(server, answerGid(target.id), bearer(token));
      expect(again.data).toBeNull();
      expect(errorsOf(again)).toEqual([
        { message: 'No answer with that ID.', path: ['hideAnswer'], extensions: { code: 'NOT_FOUND' } },
      ]);
    });
    // Its hiding time is the first one.
    expect((await server.db.answer.findUniqueOrThrow({ where: { id: target.id } })).hiddenAt).toEqual(row.hiddenAt);
  });

  it('turns a question with its only answer hidden back into an unanswered one', async ({ server }) => {
    const { doctor } = await newDoctor(server, 'Dr. Only Answer');
    const { token } = await newStaff(server, 'Moderator Omar');
    const question = await fixtures(server.db).question({ title: 'Is a hair transplant painful?' });
    const answer = await fixtures(server.db).answer({
      questionId: question.id,
      doctorId: doctor.id,
      body: 'Only answer.',
    });
    const listed = async (answered: boolean) => {
      const data = expectData(
        await server.request(
          graphql(
            `query MutationsQuestions($answered: Boolean) { questions(filter: { answered: $answered }, first: 100) { edges { node { id } } } }`,
          ),
          { answered },
        ),
      );
      return data.questions.edges.some((edge) => edge.node.id === questionGid(question.id));
    };
    expect([await listed(true), await listed(false)]).toEqual([true, false]);

    expect((await hideAnswer(server, answerGid(answer.id), bearer(token))).errors).toBeUndefined();
    expect([await listed(true), await listed(false)]).toEqual([false, true]);
    const page = await server.request(QUESTION_ANSWERS, { id: questionGid(question.id), first: 20 });
    expect(page.data!.question).toEqual({
      answerCount: 0,
      lastAnsweredAt: null,
      answers: { totalCount: 0, pageInfo: { hasNextPage: false, hasPreviousPage: false }, edges: [] },
    });
  });

  it('is for staff only: UNAUTHENTICATED without a credential, FORBIDDEN for a doctor (even its author) or an asker', async ({
    server,
  }) => {
    const { doctor, token: doctorToken } = await newDoctor(server, 'Dr. Would Hide');
    const question = await fixtures(server.db).question({ title: 'What is alopecia areata?' });
    const answer = await fixtures(server.db).answer({
      questionId: question.id,
      doctorId: doctor.id,
      body: 'An autoimmune condition.',
    });
    const askerToken = await newAskerToken(server);
    const cases = [
      { headers: {}, message: 'Sign in with a staff credential to use Mutation.hideAnswer.', code: 'UNAUTHENTICATED' },
      {
        headers: bearer(doctorToken),
        message: 'Your doctor credential cannot use Mutation.hideAnswer: it needs a staff credential.',
        code: 'FORBIDDEN',
      },
      {
        headers: bearer(askerToken),
        message: 'Your asker credential cannot use Mutation.hideAnswer: it needs a staff credential.',
        code: 'FORBIDDEN',
      },
    ];
    for (const { headers, message, code } of cases) {
      await expectNothingWritten(server, async () => {
        const response = await hideAnswer(server, answerGid(answer.id), headers);
        expect(response.data).toBeNull();
        expect(errorsOf(response)).toEqual([{ message, path: ['hideAnswer'], extensions: { code } }]);
      });
    }
    expect((await server.db.answer.findUniqueOrThrow({ where: { id: answer.id } })).hiddenAt).toBeNull();
  });

  it('is NOT_FOUND for an unknown answer and BAD_USER_INPUT for a bad ID', async ({ server }) => {
    const { token } = await newStaff(server, 'Moderator Nadia');
    const missing = (await server.db.answer.aggregate({ _max: { id: true } }))._max.id! + 1000;
    const questionId = questionGid(1);
    const cases = [
      {
        answerId: answerGid(missing),
        error: { message: 'No answer with that ID.', extensions: { code: 'NOT_FOUND' } },
      },
      {
        answerId: 'bad',
        error: { message: '"bad" is not a valid ID.', extensions: { code: 'BAD_USER_INPUT', field: 'answerId' } },
      },
      {
        answerId: questionId,
        error: {
          message: `"${questionId}" is the ID of a Question, not of an Answer.`,
          extensions: { code: 'BAD_USER_INPUT', field: 'answerId' },
        },
      },
    ];
    // Readers see the same: no such answer.
    expect(
      await server.request(graphql(`query MutationsNode2($id: ID!) { node(id: $id) { id } }`), {
        id: answerGid(missing),
      }),
    ).toEqual({
      data: { node: null },
    });
    for (const { answerId, error } of cases) {
      await expectNothingWritten(server, async () => {
        const response = await hideAnswer(server, answerId, bearer(token));
        expect(response.data).toBeNull();
        expect(errorsOf(response)).toEqual([{ ...error, path: ['hideAnswer'] }]);
      });
    }
  });
});
