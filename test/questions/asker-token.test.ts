import { encodeGlobalID } from '@pothos/plugin-relay';
import { describe, expect } from 'vitest';
import { it } from '../helpers/world';
import { fixtures } from '../helpers/fixtures';
import { issueCredential, revokeCredential } from '../../src/auth/tokens';
import { bearer, errorsOf } from '../helpers/http';
import { expectData, graphql } from '../helpers/graphql';
import { asked, EDIT_QUESTION, editQuestion, expectNothingWritten, questionGid, rowCounts } from './support';

/* The asker token, and editQuestion by staff and others. Shared setup and documents: support.ts. */

describe('the asker token', () => {
  it('lets the asker edit their own question, title and body, as written', async ({ server }) => {
    const mine = await asked(server, 'Why does my scalp itch after SMP?');
    const counts = await rowCounts(server);

    const response = expectData(
      await editQuestion(
        server,
        {
          questionId: mine.gid,
          title: 'Why does my scalp itch after SMP? (2 weeks)',
          body: 'It started on day 3.\nNo redness.  ',
        },
        bearer(mine.token),
      ),
    );
    expect(response).toEqual({
      editQuestion: {
        question: {
          id: mine.gid,
          title: 'Why does my scalp itch after SMP? (2 weeks)',
          body: 'It started on day 3.\nNo redness.  ',
          slug: mine.slug, // the page keeps its address
        },
      },
    });
    // Only the body this time: the title stays.
    const bodyOnly = expectData(
      await editQuestion(server, { questionId: mine.gid, body: 'Only the body changes now.' }, bearer(mine.token)),
    );
    expect(bodyOnly.editQuestion.question).toMatchObject({
      title: 'Why does my scalp itch after SMP? (2 weeks)',
      body: 'Only the body changes now.',
    });
    expect(await rowCounts(server)).toEqual(counts);
  });

  it('is FORBIDDEN on another question, and writes nothing', async ({ server }) => {
    const mine = await asked(server, 'Is minoxidil safe long term?');
    const theirs = await asked(server, 'Is finasteride safe long term?');
    await expectNothingWritten(server, async () => {
      const response = await editQuestion(
        server,
        { questionId: theirs.gid, title: 'Hijacked title here' },
        bearer(mine.token),
      );
      expect(response.data).toBeNull();
      expect(errorsOf(response)).toEqual([
        {
          message: 'An asker credential can only edit its own question.',
          path: ['editQuestion'],
          extensions: { code: 'FORBIDDEN' },
        },
      ]);
    });
    // Nor the demo question.
    const demo = await server.db.question.findUniqueOrThrow({
      where: { slug: 'is-scalp-micropigmentation-permanent' },
    });
    await expectNothingWritten(server, async () => {
      const response = await editQuestion(
        server,
        { questionId: questionGid(demo.id), body: 'Hijacked body here' },
        bearer(mine.token),
      );
      expect(errorsOf(response)?.[0]?.extensions).toEqual({ code: 'FORBIDDEN' });
    });
  });

  it('cannot answer, edit or hide answers: FORBIDDEN, nothing written', async ({ server }) => {
    const mine = await asked(server, 'How long does a hair transplant take?');
    const doctor = await fixtures(server.db).doctor({ name: 'Dr. Answerer' });
    const answer = await fixtures(server.db).answer({ questionId: mine.id, doctorId: doctor.id, body: 'About a day.' });
    const answerId = encodeGlobalID('Answer', answer.id);
    const cases = [
      {
        query:
          'mutation ($questionId: ID!) { postAnswer(input: { questionId: $questionId, body: "I answer myself." }) { answer { id } } }',
        variables: { questionId: mine.gid },
        error: {
          message: 'Your asker credential cannot use Mutation.postAnswer: it needs a doctor or a staff credential.',
          path: ['postAnswer'],
        },
      },
      {
        query:
          'mutation ($answerId: ID!) { editAnswer(input: { answerId: $answerId, body: "Rewritten." }) { answer { id } } }',
        variables: { answerId },
        error: {
          message: 'Your asker credential cannot use Mutation.editAnswer: it needs a doctor or a staff credential.',
          path: ['editAnswer'],
        },
      },
      {
        query: 'mutation ($answerId: ID!) { hideAnswer(input: { answerId: $answerId }) { hiddenAt } }',
        variables: { answerId },
        error: {
          message: 'Your asker credential cannot use Mutation.hideAnswer: it needs a staff credential.',
          path: ['hideAnswer'],
        },
      },
    ];
    for (const { query, variables, error } of cases) {
      await expectNothingWritten(server, async () => {
        const response = await server.request(query, variables, bearer(mine.token));
        expect(response.data).toBeNull();
        expect(errorsOf(response)).toEqual([{ ...error, extensions: { code: 'FORBIDDEN' } }]);
      });
    }
    expect(await server.db.answer.findUniqueOrThrow({ where: { id: answer.id } })).toMatchObject({
      body: 'About a day.',
      hiddenAt: null,
    });
  });

  it('lets the asker read public data like anyone', async ({ server }) => {
    const mine = await asked(server, 'Does PRP hurt a lot?');
    const response = await server.request(
      graphql(`query AskQuestion2($id: ID!) { question(id: $id) { title } }`),
      { id: mine.gid },
      bearer(mine.token),
    );
    expect(response).toEqual({ data: { question: { title: 'Does PRP hurt a lot?' } } });
  });

  it('refuses an edit with neither title nor body, or with a bad one, and writes nothing', async ({ server }) => {
    const mine = await asked(server, 'Can SMP be removed with laser?');
    const cases: { input: Record<string, unknown>; message: string; field: string }[] = [
      { input: { questionId: mine.gid }, message: '"title" or "body" must be given', field: 'title' },
      {
        input: { questionId: mine.gid, title: null, body: null },
        message: '"title" or "body" must be given',
        field: 'title',
      },
      {
        input: { questionId: mine.gid, title: 'Short' },
        message: '"title" must have at least 10 characters besides spaces',
        field: 'title',
      },
      {
        input: { questionId: mine.gid, title: 'T'.repeat(201) },
        message: '"title" must have at most 200 characters',
        field: 'title',
      },
      {
        input: { questionId: mine.gid, body: '   ' },
        message: '"body" must have at least 10 characters besides spaces',
        field: 'body',
      },
      {
        input: { questionId: mine.gid, body: 'b'.repeat(5001) },
        message: '"body" must have at most 5000 characters',
        field: 'body',
      },
      {
        input: { questionId: 'not-an-id', title: 'A long enough title' },
        message: '"not-an-id" is not a valid ID.',
        field: 'questionId',
      },
      {
        input: { questionId: encodeGlobalID('Answer', mine.id), title: 'A long enough title' },
        message: `"${encodeGlobalID('Answer', mine.id)}" is the ID of an Answer, not of a Question.`,
        field: 'questionId',
      },
    ];
    for (const { input, message, field } of cases) {
      await expectNothingWritten(server, async () => {
        const response = await editQuestion(server, input, bearer(mine.token));
        expect(response.data, JSON.stringify(input).slice(0, 80)).toBeNull();
        expect(errorsOf(response)).toEqual([
          { message, path: ['editQuestion'], extensions: { code: 'BAD_USER_INPUT', field } },
        ]);
      });
    }
  });

  it('is refused once revoked: the whole request fails with 401', async ({ server }) => {
    const mine = await asked(server, 'Is scalp micropigmentation safe for women?');
    await revokeCredential(server.db, mine.token);
    await expectNothingWritten(server, async () => {
      const response = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/graphql-response+json',
          ...bearer(mine.token),
        },
        body: JSON.stringify({
          query: EDIT_QUESTION,
          variables: { input: { questionId: mine.gid, title: 'A different title' } },
        }),
      });
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({
        errors: [{ message: 'Invalid or revoked credential.', extensions: { code: 'UNAUTHENTICATED' } }],
      });
    });
  });
});

describe('editQuestion', () => {
  it('lets staff edit any question', async ({ server }) => {
    const theirs = await asked(server, 'Does hair grow back after chemo?');
    const staff = await fixtures(server.db).staffMember('Editor Esha');
    const token = await issueCredential(server.db, { role: 'staff', staffMemberId: staff.id });
    const response = expectData(
      await editQuestion(
        server,
        { questionId: theirs.gid, title: 'Does hair grow back after chemotherapy?' },
        bearer(token),
      ),
    );
    expect(response.editQuestion.question).toEqual({
      id: theirs.gid,
      title: 'Does hair grow back after chemotherapy?',
      body: 'Does hair grow back after chemo? Some more details here.',
      slug: theirs.slug,
    });
  });

  it('is UNAUTHENTICATED without a credential, FORBIDDEN for a doctor, NOT_FOUND for an unknown question; nothing written', async ({
    server,
  }) => {
    const theirs = await asked(server, 'Is PRP better than minoxidil?');
    const doctor = await fixtures(server.db).doctor({ name: 'Dr. Editor Wannabe' });
    const doctorToken = await issueCredential(server.db, { role: 'doctor', doctorId: doctor.id });
    const staff = await fixtures(server.db).staffMember('Editor Ela');
    const staffToken = await issueCredential(server.db, { role: 'staff', staffMemberId: staff.id });
    const missing = questionGid(theirs.id + 100_000);
    const cases = [
      {
        input: { questionId: theirs.gid, title: 'A changed title here' },
        headers: {},
        error: {
          message: 'Sign in with an asker or a staff credential to use Mutation.editQuestion.',
          extensions: { code: 'UNAUTHENTICATED' },
        },
      },
      {
        input: { questionId: theirs.gid, title: 'A changed title here' },
        headers: bearer(doctorToken),
        error: {
          message: 'Your doctor credential cannot use Mutation.editQuestion: it needs an asker or a staff credential.',
          extensions: { code: 'FORBIDDEN' },
        },
      },
      {
        input: { questionId: missing, title: 'A changed title here' },
        headers: bearer(staffToken),
        error: { message: 'No question with that ID.', extensions: { code: 'NOT_FOUND' } },
      },
      {
        input: { questionId: missing, title: 'A changed title here' },
        headers: bearer(theirs.token),
        error: { message: 'No question with that ID.', extensions: { code: 'NOT_FOUND' } },
      },
    ];
    for (const { input, headers, error } of cases) {
      await expectNothingWritten(server, async () => {
        const response = await editQuestion(server, input, headers);
        expect(response.data).toBeNull();
        expect(errorsOf(response)).toEqual([{ ...error, path: ['editQuestion'] }]);
      });
    }
  });
});
