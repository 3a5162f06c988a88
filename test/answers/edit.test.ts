import { describe, expect } from 'vitest';
import { it } from '../helpers/world';
import { fixtures } from '../helpers/fixtures';
import { bearer, errorsOf } from '../helpers/http';
import { expectData } from '../helpers/graphql';
import {
  answerGid,
  EDIT_ANSWER,
  expectNothingWritten,
  newAskerToken,
  newDoctor,
  newStaff,
  QUESTION_ANSWERS,
  questionGid,
  rowCounts,
} from './support';
import type { TestServer } from '../helpers/server';

/* Answer mutations: editAnswer. Shared setup and documents: support.ts. */

describe('editAnswer', () => {
  const editAnswer = (server: TestServer, answerId: string, body: string, headers: Record<string, string>) =>
    server.request(EDIT_ANSWER, { input: { answerId, body } }, headers);
  const editsOf = (server: TestServer, answerId: number) =>
    server.db.$queryRaw<Record<string, unknown>[]>`
      SELECT answer_id, doctor_id, staff_member_id, previous_body, edited_at FROM answer_edit WHERE answer_id = ${answerId} ORDER BY id`;

  it("lets the answer's own doctor edit it: new body, lastEditedAt, one edit row with the previous body", async ({
    server,
  }) => {
    const { doctor, token } = await newDoctor(server, 'Dr. Editor Own');
    const question = await fixtures(server.db).question({ title: 'How long does PRP take to work?' });
    const answer = await fixtures(server.db).answer({
      questionId: question.id,
      doctorId: doctor.id,
      body: 'Three months, give or take.',
    });
    const before = await rowCounts(server);

    const body = 'Usually three to six months.\nSome people need a second session.';
    const response = expectData(await editAnswer(server, answerGid(answer.id), body, bearer(token)));

    const edits = await editsOf(server, answer.id);
    expect(edits).toEqual([
      {
        answer_id: answer.id,
        doctor_id: doctor.id,
        staff_member_id: null,
        previous_body: 'Three months, give or take.',
        edited_at: expect.any(Date),
      },
    ]);
    const editedAt = (edits[0]!.edited_at as Date).toISOString();
    expect(response).toEqual({
      editAnswer: {
        answer: {
          id: answerGid(answer.id),
          body,
          answeredAt: answer.answeredAt.toISOString(),
          lastEditedAt: editedAt,
          editorial: false,
          author: { __typename: 'Doctor', name: 'Dr. Editor Own' },
        },
      },
    });
    expect(await rowCounts(server)).toEqual({ ...before, answer_edit: before.answer_edit + 1 });

    // Shown as "last edited" on the question page; the answer keeps its place and its date.
    const page = await server.request(QUESTION_ANSWERS, { id: questionGid(question.id), first: 20 });
    expect(page.data!.question!.answers.edges.map((edge) => edge.node)).toEqual([
      { id: answerGid(answer.id), body, lastEditedAt: editedAt },
    ]);

    // A second edit keeps the body it replaced too.
    const again = expectData(await editAnswer(server, answerGid(answer.id), 'Third version.', bearer(token)));
    const twice = await editsOf(server, answer.id);
    expect(twice.map((edit) => edit.previous_body)).toEqual(['Three months, give or take.', body]);
    expect(again.editAnswer.answer.lastEditedAt).toBe((twice[1]!.edited_at as Date).toISOString());
  });

  it('is FORBIDDEN for another doctor, and writes nothing', async ({ server }) => {
    const { doctor } = await newDoctor(server, 'Dr. Author');
    const { token: otherToken } = await newDoctor(server, 'Dr. Intruder');
    const question = await fixtures(server.db).question({ title: 'Is laser hair removal safe?' });
    const answer = await fixtures(server.db).answer({
      questionId: question.id,
      doctorId: doctor.id,
      body: 'Yes, when done properly.',
    });
    const staffAnswer = await fixtures(server.db).answer({
      questionId: question.id,
      staffMemberId: (await fixtures(server.db).staffMember('Editor')).id,
      body: 'Editorial.',
    });

    for (const target of [answer, staffAnswer]) {
      await expectNothingWritten(server, async () => {
        const response = await editAnswer(server, answerGid(target.id), 'Hijacked.', bearer(otherToken));
        expect(response.data).toBeNull();
        expect(errorsOf(response)).toEqual([
          {
            message: "Only the answer's own doctor or a staff member can edit it.",
            path: ['editAnswer'],
            extensions: { code: 'FORBIDDEN' },
          },
        ]);
      });
    }
  });

  it('lets staff edit any answer; the edit row names the staff member', async ({ server }) => {
    const { doctor } = await newDoctor(server, 'Dr. Edited By Staff');
    const { staff, token } = await newStaff(server, 'Moderator Mina');
    const question = await fixtures(server.db).question({ title: 'Can diabetes cause hair loss?' });
    const answer = await fixtures(server.db).answer({
      questionId: question.id,
      doctorId: doctor.id,
      body: 'Yes it can, teh sugar.',
    });

    const response = expectData(await editAnswer(server, answerGid(answer.id), 'Yes, it can.', bearer(token)));
    const edits = await editsOf(server, answer.id);
    expect(edits).toEqual([
      {
        answer_id: answer.id,
        doctor_id: null,
        staff_member_id: staff.id,
        previous_body: 'Yes it can, teh sugar.',
        edited_at: expect.any(Date),
      },
    ]);
    // The author stays the doctor; the answer is not editorial because staff edited it.
    expect(response.editAnswer.answer).toEqual({
      id: answerGid(answer.id),
      body: 'Yes, it can.',
      answeredAt: answer.answeredAt.toISOString(),
      lastEditedAt: (edits[0]!.edited_at as Date).toISOString(),
      editorial: false,
      author: { __typename: 'Doctor', name: 'Dr. Edited By Staff' },
    });
    // The doctor's count is untouched by an edit.
    expect((await server.db.doctor.findUniqueOrThrow({ where: { id: doctor.id } })).answerCount).toBe(1);
  });

  it('is NOT_FOUND for a hidden or unknown answer, and writes nothing', async ({ server }) => {
    const { doctor, token } = await newDoctor(server, 'Dr. Hidden Edit');
    const { token: staffToken } = await newStaff(server, 'Staff Hidden Edit');
    const question = await fixtures(server.db).question({ title: 'Does smoking slow healing?' });
    const hidden = await fixtures(server.db).answer({
      questionId: question.id,
      doctorId: doctor.id,
      body: 'Hidden one.',
    });
    await server.db.answer.update({ where: { id: hidden.id }, data: { hiddenAt: new Date() } });
    const missing = hidden.id + 100_000;

    for (const [id, headers] of [
      [hidden.id, bearer(token)],
      [hidden.id, bearer(staffToken)],
      [missing, bearer(token)],
      [missing, bearer(staffToken)],
    ] as const) {
      await expectNothingWritten(server, async () => {
        const response = await editAnswer(server, answerGid(id), 'New text.', headers);
        expect(response.data).toBeNull();
        expect(errorsOf(response)).toEqual([
          { message: 'No answer with that ID.', path: ['editAnswer'], extensions: { code: 'NOT_FOUND' } },
        ]);
      });
    }
  });

  it('refuses bad input and missing or wrong credentials, writing nothing', async ({ server }) => {
    const { doctor, token } = await newDoctor(server, 'Dr. Bad Edit');
    const question = await fixtures(server.db).question({ title: 'Is hair dye safe in pregnancy?' });
    const answer = await fixtures(server.db).answer({
      questionId: question.id,
      doctorId: doctor.id,
      body: 'Mostly, yes.',
    });
    const askerToken = await newAskerToken(server);
    const questionId = questionGid(question.id);

    const cases: {
      input: { answerId: string; body: string };
      headers: Record<string, string>;
      error: Record<string, unknown>;
    }[] = [
      {
        input: { answerId: answerGid(answer.id), body: '  ' },
        headers: bearer(token),
        error: {
          message: '"body" must have at least 1 character besides spaces',
          extensions: { code: 'BAD_USER_INPUT', field: 'body' },
        },
      },
      {
        input: { answerId: answerGid(answer.id), body: 'x'.repeat(10_001) },
        headers: bearer(token),
        error: {
          message: '"body" must have at most 10000 characters',
          extensions: { code: 'BAD_USER_INPUT', field: 'body' },
        },
      },
      {
        input: { answerId: answerGid(answer.id), body: 'nul\u0000' },
        headers: bearer(token),
        error: {
          message: '"body" must not contain NUL characters',
          extensions: { code: 'BAD_USER_INPUT', field: 'body' },
        },
      },
      {
        input: { answerId: questionId, body: 'Fine text.' },
        headers: bearer(token),
        error: {
          message: `"${questionId}" is the ID of a Question, not of an Answer.`,
          extensions: { code: 'BAD_USER_INPUT', field: 'answerId' },
        },
      },
      {
        input: { answerId: 'garbage', body: 'Fine text.' },
        headers: bearer(token),
        error: { message: '"garbage" is not a valid ID.', extensions: { code: 'BAD_USER_INPUT', field: 'answerId' } },
      },
      {
        input: { answerId: answerGid(answer.id), body: 'Fine text.' },
        headers: {},
        error: {
          message: 'Sign in with a doctor or a staff credential to use Mutation.editAnswer.',
          extensions: { code: 'UNAUTHENTICATED' },
        },
      },
      {
        input: { answerId: answerGid(answer.id), body: 'Fine text.' },
        headers: bearer(askerToken),
        error: {
          message: 'Your asker credential cannot use Mutation.editAnswer: it needs a doctor or a staff credential.',
          extensions: { code: 'FORBIDDEN' },
        },
      },
    ];
    for (const { input, headers, error } of cases) {
      await expectNothingWritten(server, async () => {
        const response = await server.request(EDIT_ANSWER, { input }, headers);
        expect(response.data).toBeNull();
        expect(errorsOf(response)).toEqual([{ ...error, path: ['editAnswer'] }]);
      });
    }
  });
});
