import { encodeGlobalID } from '@pothos/plugin-relay';
import { describe, expect } from 'vitest';
import { it } from '../helpers/world';
import { revokeCredential } from '../../src/auth/tokens';
import type { GraphQLResponse } from '../helpers/server';
import { bearer, errorsOf } from '../helpers/http';
import { expectData } from '../helpers/graphql';
import {
  answerGid,
  DOCTOR_ANSWERS,
  expectNothingWritten,
  newAskerToken,
  newDoctor,
  newStaff,
  POST_ANSWER,
  postAnswer,
  QUESTION_ANSWERS,
  questionGid,
  questionWithAnswers,
  rowCounts,
} from './support';

/* Answer mutations: postAnswer by a doctor or staff, and its authentication. Shared setup and documents: support.ts. */

describe('postAnswer', () => {
  it('lets a doctor answer: exact payload, counts up by one, first in the newest-first list with its cursor', async ({
    server,
  }) => {
    const { doctor, specialty, token } = await newDoctor(server, 'Dr. Meera Iyer');
    const { question, older, old } = await questionWithAnswers(server, 'Can I swim after a hair transplant?');
    const before = await rowCounts(server);

    const sentAt = Date.now();
    const body = 'Wait at least two weeks before swimming, and avoid chlorinated pools for a month.';
    const response = await postAnswer(server, questionGid(question.id), body, bearer(token));
    const receivedAt = Date.now();
    expect(response.errors).toBeUndefined();

    const row = await server.db.answer.findFirstOrThrow({ where: { questionId: question.id, doctorId: doctor.id } });
    expect(response.data).toEqual({
      postAnswer: {
        answer: {
          id: answerGid(row.id),
          body,
          answeredAt: row.answeredAt.toISOString(),
          lastEditedAt: null,
          editorial: false,
          author: { __typename: 'Doctor', name: 'Dr. Meera Iyer', specialty: { name: specialty.name } },
          question: { answerCount: 3 },
        },
      },
    });
    // The answer is dated when it was saved, to the millisecond.
    expect(row.answeredAt.getTime()).toBeGreaterThanOrEqual(sentAt - 1000);
    expect(row.answeredAt.getTime()).toBeLessThanOrEqual(receivedAt + 1000);
    expect(row).toMatchObject({
      questionId: question.id,
      doctorId: doctor.id,
      staffMemberId: null,
      body,
      lastEditedAt: null,
      hiddenAt: null,
    });
    expect(await rowCounts(server)).toEqual({ ...before, answer: before.answer + 1 });

    // Counts: the question's and the doctor's, each up by one.
    const page = expectData(await server.request(QUESTION_ANSWERS, { id: questionGid(question.id), first: 20 }));
    expect(page.question!.answerCount).toBe(3);
    expect(page.question!.lastAnsweredAt).toBe(row.answeredAt.toISOString());
    expect(page.question!.answers.totalCount).toBe(3);
    expect(page.question!.answers.edges.map((edge) => edge.node.id)).toEqual([
      answerGid(row.id),
      answerGid(old.id),
      answerGid(older.id),
    ]);
    const doctorPage = expectData(await server.request(DOCTOR_ANSWERS, { id: encodeGlobalID('Doctor', doctor.id) }));
    expect(doctorPage.doctor!.answerCount).toBe(1);
    expect(doctorPage.doctor!.answers.totalCount).toBe(1);
    expect(doctorPage.doctor!.answers.edges.map((edge) => edge.node)).toEqual([{ id: answerGid(row.id), body }]);

    // The new answer's cursor is the same whichever page it turns up on.
    const [newest, second] = page.question!.answers.edges;
    const firstOnly = await server.request(QUESTION_ANSWERS, { id: questionGid(question.id), first: 1 });
    expect(firstOnly.data!.question!.answers.edges).toEqual([newest]);
    expect(firstOnly.data!.question!.answers.pageInfo.hasNextPage).toBe(true);
    const backwards = expectData(
      await server.request(QUESTION_ANSWERS, {
        id: questionGid(question.id),
        last: 1,
        before: second!.cursor,
      }),
    );
    expect(backwards.question!.answers.edges).toEqual([newest]);
    // And paging on from it continues with the older answers.
    const next = await server.request(QUESTION_ANSWERS, {
      id: questionGid(question.id),
      first: 20,
      after: newest!.cursor,
    });
    expect(next.data!.question!.answers.edges).toEqual(page.question!.answers.edges.slice(1));
  });

  it('lets staff answer: an editorial answer by the StaffMember, not counted for any doctor', async ({ server }) => {
    const { staff, token } = await newStaff(server, 'Anita Desai');
    const { question, other } = await questionWithAnswers(server, 'Is hair loss after COVID permanent?');
    const body = 'Hair shedding after a fever usually stops within six months.';
    const response = expectData(await postAnswer(server, questionGid(question.id), body, bearer(token)));

    const row = await server.db.answer.findFirstOrThrow({
      where: { questionId: question.id, staffMemberId: staff.id },
    });
    expect(row.doctorId).toBeNull();
    expect(response).toEqual({
      postAnswer: {
        answer: {
          id: answerGid(row.id),
          body,
          answeredAt: row.answeredAt.toISOString(),
          lastEditedAt: null,
          editorial: true,
          author: { __typename: 'StaffMember', name: 'Anita Desai' },
          question: { answerCount: 3 },
        },
      },
    });
    expect((await server.db.doctor.findUniqueOrThrow({ where: { id: other.id } })).answerCount).toBe(2);
  });

  it('is UNAUTHENTICATED without a credential, and writes nothing', async ({ server }) => {
    const { question } = await questionWithAnswers(server, 'What is the cost of a root canal?');
    await expectNothingWritten(server, async () => {
      const response = await postAnswer(server, questionGid(question.id), 'An answer nobody signed.', {});
      expect(response.data).toBeNull();
      expect(errorsOf(response)).toEqual([
        {
          message: 'Sign in with a doctor or a staff credential to use Mutation.postAnswer.',
          path: ['postAnswer'],
          extensions: { code: 'UNAUTHENTICATED' },
        },
      ]);
    });
  });

  it('is FORBIDDEN with an asker credential, and writes nothing', async ({ server }) => {
    const { question } = await questionWithAnswers(server, 'Are dental implants painful?');
    const token = await newAskerToken(server);
    await expectNothingWritten(server, async () => {
      const response = await postAnswer(server, questionGid(question.id), 'Answering my own question.', bearer(token));
      expect(response.data).toBeNull();
      expect(errorsOf(response)).toEqual([
        {
          message: 'Your asker credential cannot use Mutation.postAnswer: it needs a doctor or a staff credential.',
          path: ['postAnswer'],
          extensions: { code: 'FORBIDDEN' },
        },
      ]);
    });
  });

  it('fails the whole request with 401 UNAUTHENTICATED for a revoked or unknown token, and writes nothing', async ({
    server,
  }) => {
    const { question } = await questionWithAnswers(server, 'Does minoxidil work for women?');
    const { token } = await newDoctor(server, 'Dr. Revoked Rao');
    expect(await revokeCredential(server.db, token)).toBe(true);
    for (const authorization of [`Bearer ${token}`, `Bearer mqa_${'A'.repeat(43)}`, 'Bearer not-a-token']) {
      await expectNothingWritten(server, async () => {
        const response = await fetch(`${server.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', authorization },
          body: JSON.stringify({
            query: POST_ANSWER,
            variables: { input: { questionId: questionGid(question.id), body: 'Hello.' } },
          }),
        });
        expect(response.status, authorization).toBe(401);
        expect(response.headers.get('www-authenticate')).toBe('Bearer');
        const body = (await response.json()) as GraphQLResponse;
        expect(body.data ?? null).toBeNull();
        expect(body.errors).toEqual([
          { message: 'Invalid or revoked credential.', extensions: { code: 'UNAUTHENTICATED' } },
        ]);
      });
    }
  });
});
