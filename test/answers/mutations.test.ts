import { encodeGlobalID } from '@pothos/plugin-relay';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueCredential, revokeCredential } from '../../src/auth/tokens';
import { fixtures } from '../helpers/fixtures';
import { type GraphQLResponse, startTestServer, type TestServer } from '../helpers/server';
import { bearer, errorsOf } from '../helpers/http';
import { eventually } from '../helpers/live';
import { expectData, graphql } from '../helpers/graphql';

let server: TestServer;
let fx: ReturnType<typeof fixtures>;
beforeAll(async () => {
  server = await startTestServer();
  fx = fixtures(server.db);
});
afterAll(() => server?.stop());

const questionGid = (id: number) => encodeGlobalID('Question', id);
const answerGid = (id: number) => encodeGlobalID('Answer', id);

/** Rows of every table a write mutation may touch. */
async function rowCounts() {
  const [row] = await server.db.$queryRaw<Record<string, bigint>[]>`
    SELECT (SELECT count(*) FROM answer) AS answer,
           (SELECT count(*) FROM answer_edit) AS answer_edit,
           (SELECT count(*) FROM question) AS question,
           (SELECT count(*) FROM asker) AS asker,
           (SELECT count(*) FROM credential) AS credential`;
  return Object.fromEntries(Object.entries(row!).map(([table, n]) => [table, Number(n)])) as Record<
    'answer' | 'answer_edit' | 'question' | 'asker' | 'credential',
    number
  >;
}

/** Rows of the answer table, all columns: a failed mutation must leave them exactly as they were. */
const answerRows = () => server.db.$queryRaw<Record<string, unknown>[]>`SELECT * FROM answer ORDER BY id`;

/** Runs `run` and checks that it changed no row count and no answer. */
async function expectNothingWritten(run: () => Promise<void>) {
  const counts = await rowCounts();
  const answers = await answerRows();
  await run();
  expect(await rowCounts()).toEqual(counts);
  expect(await answerRows()).toEqual(answers);
}

/** A fresh doctor (with a specialty) and their credential. */
async function newDoctor(name: string) {
  const specialty = await fx.specialty(`${name}'s specialty`);
  const doctor = await fx.doctor({ name, specialtyId: specialty.id, careerStartYear: 2005 });
  const token = await issueCredential(server.db, { role: 'doctor', doctorId: doctor.id });
  return { doctor, specialty, token };
}

async function newStaff(name: string) {
  const staff = await fx.staffMember(name);
  const token = await issueCredential(server.db, { role: 'staff', staffMemberId: staff.id });
  return { staff, token };
}

async function newAskerToken() {
  const asker = await server.db.asker.create({ data: {} });
  return issueCredential(server.db, { role: 'asker', askerId: asker.id });
}

const POST_ANSWER = graphql(`
  mutation PostAnswer($input: PostAnswerInput!) {
    postAnswer(input: $input) {
      answer {
        id
        body
        answeredAt
        lastEditedAt
        editorial
        author {
          __typename
          ... on Doctor { name specialty { name } }
          ... on StaffMember { name }
        }
        question { answerCount }
      }
    }
  }
`);

const EDIT_ANSWER = graphql(`
  mutation EditAnswer($input: EditAnswerInput!) {
    editAnswer(input: $input) {
      answer { id body answeredAt lastEditedAt editorial author { __typename ... on Doctor { name } ... on StaffMember { name } } }
    }
  }
`);

const HIDE_ANSWER = graphql(`
  mutation HideAnswer($input: HideAnswerInput!) {
    hideAnswer(input: $input) { answerId hiddenAt }
  }
`);

const QUESTION_ANSWERS = graphql(`
  query QuestionAnswers($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {
    question(id: $id) {
      answerCount
      lastAnsweredAt
      answers(first: $first, after: $after, last: $last, before: $before) {
        totalCount
        pageInfo { hasNextPage hasPreviousPage }
        edges { cursor node { id body lastEditedAt } }
      }
    }
  }
`);

const DOCTOR_ANSWERS = graphql(`
  query DoctorAnswers($id: ID!) {
    doctor(id: $id) {
      answerCount
      answers(first: 100) { totalCount edges { cursor node { id body } } }
    }
  }
`);

const postAnswer = (questionId: string, body: string, headers: Record<string, string>) =>
  server.request(POST_ANSWER, { input: { questionId, body } }, headers);

/** A question with two older answers by another doctor, so that a new answer has something to come before. */
async function questionWithAnswers(title: string) {
  const other = await fx.doctor({ name: `Dr. Other of ${title}` });
  const question = await fx.question({ title });
  const older = await fx.answer({
    questionId: question.id,
    doctorId: other.id,
    body: 'The oldest answer.',
    answeredAt: new Date('2024-01-01T00:00:00.000Z'),
  });
  const old = await fx.answer({
    questionId: question.id,
    doctorId: other.id,
    body: 'An older answer.',
    answeredAt: new Date('2024-06-01T00:00:00.000Z'),
  });
  return { question, older, old, other };
}

describe('postAnswer', () => {
  it('lets a doctor answer: exact payload, counts up by one, first in the newest-first list with its cursor', async () => {
    const { doctor, specialty, token } = await newDoctor('Dr. Meera Iyer');
    const { question, older, old } = await questionWithAnswers('Can I swim after a hair transplant?');
    const before = await rowCounts();

    const sentAt = Date.now();
    const body = 'Wait at least two weeks before swimming, and avoid chlorinated pools for a month.';
    const response = await postAnswer(questionGid(question.id), body, bearer(token));
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
    expect(await rowCounts()).toEqual({ ...before, answer: before.answer + 1 });

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

  it('lets staff answer: an editorial answer by the StaffMember, not counted for any doctor', async () => {
    const { staff, token } = await newStaff('Anita Desai');
    const { question, other } = await questionWithAnswers('Is hair loss after COVID permanent?');
    const body = 'Hair shedding after a fever usually stops within six months.';
    const response = expectData(await postAnswer(questionGid(question.id), body, bearer(token)));

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

  it('is UNAUTHENTICATED without a credential, and writes nothing', async () => {
    const { question } = await questionWithAnswers('What is the cost of a root canal?');
    await expectNothingWritten(async () => {
      const response = await postAnswer(questionGid(question.id), 'An answer nobody signed.', {});
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

  it('is FORBIDDEN with an asker credential, and writes nothing', async () => {
    const { question } = await questionWithAnswers('Are dental implants painful?');
    const token = await newAskerToken();
    await expectNothingWritten(async () => {
      const response = await postAnswer(questionGid(question.id), 'Answering my own question.', bearer(token));
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

  it('fails the whole request with 401 UNAUTHENTICATED for a revoked or unknown token, and writes nothing', async () => {
    const { question } = await questionWithAnswers('Does minoxidil work for women?');
    const { token } = await newDoctor('Dr. Revoked Rao');
    expect(await revokeCredential(server.db, token)).toBe(true);
    for (const authorization of [`Bearer ${token}`, `Bearer mqa_${'A'.repeat(43)}`, 'Bearer not-a-token']) {
      await expectNothingWritten(async () => {
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

  describe('refuses bad input with BAD_USER_INPUT naming the field, and writes nothing', () => {
    const cases: { name: string; body: string; message: string }[] = [
      { name: 'an empty body', body: '', message: '"body" must have at least 1 character besides spaces' },
      { name: 'a body of spaces', body: '   ', message: '"body" must have at least 1 character besides spaces' },
      {
        name: 'a body of whitespace',
        body: ' \n\t\r\n ',
        message: '"body" must have at least 1 character besides spaces',
      },
      { name: 'a body with NUL', body: 'Before\u0000after', message: '"body" must not contain NUL characters' },
      // JSON can carry half an emoji ("\ud83d"); stored, it would come back as U+FFFD, not as written.
      {
        name: 'a body with an unpaired surrogate',
        body: 'Half an emoji: \ud83d.',
        message: '"body" must be valid Unicode text (no unpaired surrogates)',
      },
      {
        name: 'a body with a surrogate pair in the wrong order',
        body: 'Backwards: \ude00\ud83d',
        message: '"body" must be valid Unicode text (no unpaired surrogates)',
      },
      {
        name: 'a body of 10,001 characters',
        body: 'a'.repeat(10_001),
        message: '"body" must have at most 10000 characters',
      },
      {
        name: 'a body of 10,001 emoji',
        body: '😀'.repeat(10_001),
        message: '"body" must have at most 10000 characters',
      },
    ];
    for (const { name, body, message } of cases) {
      it(name, async () => {
        const { question } = await questionWithAnswers(`Question for ${name}`);
        const { token } = await newDoctor(`Dr. Validator ${name}`);
        await expectNothingWritten(async () => {
          const response = await postAnswer(questionGid(question.id), body, bearer(token));
          expect(response.data).toBeNull();
          expect(errorsOf(response)).toEqual([
            { message, path: ['postAnswer'], extensions: { code: 'BAD_USER_INPUT', field: 'body' } },
          ]);
        });
      });
    }

    it('a malformed questionId, or the ID of another type', async () => {
      const { question, old } = await questionWithAnswers('Question for bad question IDs');
      const { token } = await newDoctor('Dr. Wrong Id');
      const doctorId = encodeGlobalID('Doctor', 1);
      const cases = [
        { questionId: 'nope', message: '"nope" is not a valid ID.' },
        { questionId: '', message: '"" is not a valid ID.' },
        { questionId: String(question.id), message: `"${question.id}" is not a valid ID.` },
        { questionId: answerGid(old.id), message: `"${answerGid(old.id)}" is the ID of an Answer, not of a Question.` },
        { questionId: doctorId, message: `"${doctorId}" is the ID of a Doctor, not of a Question.` },
        {
          questionId: encodeGlobalID('Question', 'abc'),
          message: `"${encodeGlobalID('Question', 'abc')}" is not a valid Question ID.`,
        },
        {
          questionId: encodeGlobalID('Question', -1),
          message: `"${encodeGlobalID('Question', -1)}" is not a valid Question ID.`,
        },
      ];
      for (const { questionId, message } of cases) {
        await expectNothingWritten(async () => {
          const response = await postAnswer(questionId, 'A perfectly good answer.', bearer(token));
          expect(response.data, questionId).toBeNull();
          expect(errorsOf(response), questionId).toEqual([
            { message, path: ['postAnswer'], extensions: { code: 'BAD_USER_INPUT', field: 'questionId' } },
          ]);
        });
      }
    });

    it('an unknown question: NOT_FOUND', async () => {
      const { token } = await newDoctor('Dr. Nowhere');
      const missing = (await server.db.question.aggregate({ _max: { id: true } }))._max.id! + 1000;
      await expectNothingWritten(async () => {
        const response = await postAnswer(questionGid(missing), 'An answer to nothing.', bearer(token));
        expect(response.data).toBeNull();
        expect(errorsOf(response)).toEqual([
          { message: 'No question with that ID.', path: ['postAnswer'], extensions: { code: 'NOT_FOUND' } },
        ]);
      });
    });
  });

  it('dates the answer when it is saved, after waiting for the question, not when its transaction began', async () => {
    // Answers to one question are saved one at a time (postAnswer locks the question), so ids grow
    // in saving order. Newest-first lists order by answeredAt: it must grow in the same order, or
    // an answer that waited would be listed below one saved before it.
    const { question } = await questionWithAnswers('Question for answer timing');
    const { token } = await newDoctor('Dr. Patient');
    const holder = new pg.Client({ connectionString: server.database.url });
    await holder.connect();
    try {
      await holder.query('BEGIN');
      await holder.query('SELECT id FROM question WHERE id = $1 FOR UPDATE', [question.id]);
      const posting = postAnswer(questionGid(question.id), 'Saved once the question is free.', bearer(token));
      // Wait until postAnswer's transaction has begun and is waiting for the question's lock.
      const deadline = Date.now() + 5000;
      for (let waiting = 0; waiting === 0; ) {
        if (Date.now() > deadline) throw new Error('postAnswer never waited for the question lock');
        await new Promise((resolve) => setTimeout(resolve, 20));
        const { rows } = await holder.query(
          "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'",
        );
        waiting = rows[0].n;
      }
      // Let the waiting transaction age well past the dates' millisecond rounding before releasing.
      await eventually(async () => {
        const { rows } = await holder.query(
          "SELECT bool_or(clock_timestamp() - query_start > interval '100 ms') AS aged FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'",
        );
        return rows[0].aged === true;
      });
      const { rows } = await holder.query('SELECT clock_timestamp() AS released');
      await holder.query('COMMIT');
      const released: Date = rows[0].released;

      const response = expectData(await posting);
      const answeredAt = new Date(response.postAnswer.answer.answeredAt);
      // Milliseconds are kept, so allow the rounding of the released time's microseconds.
      expect(answeredAt.getTime()).toBeGreaterThanOrEqual(released.getTime() - 1);
    } finally {
      await holder.end();
    }
  });

  it('accepts 10,000 emoji: a 4-byte emoji counts as one character', async () => {
    const { question } = await questionWithAnswers('Question for a long answer');
    const { token } = await newDoctor('Dr. Emoji');
    const body = '😀'.repeat(10_000);
    expect(body.length).toBe(20_000); // UTF-16 code units: twice the limit
    const response = expectData(await postAnswer(questionGid(question.id), body, bearer(token)));
    expect(response.postAnswer.answer.body).toBe(body);
    const exactly = expectData(await postAnswer(questionGid(question.id), 'b'.repeat(10_000), bearer(token)));
    expect(exactly.postAnswer.answer.body).toBe('b'.repeat(10_000));
  });

  it('stores and returns bodies byte for byte as written, as plain strings', async () => {
    const { question } = await questionWithAnswers('Question for exact bodies');
    const { token } = await newDoctor('Dr. Exact');
    const bodies = [
      '   leading and trailing spaces   ',
      'First line\nsecond line\r\nthird line\n\n\tindented\n',
      'هل زراعة الشعر دائمة؟ نعم، في أغلب الحالات.',
      'שלום! mixed RTL and LTR: ‏abc‎ 123',
      'Emoji 👩‍⚕️👍🏽🇮🇳 and a ZWJ family 👨‍👩‍👧',
      '<script>alert(1)</script>',
      '&lt;b&gt;not bold&lt;/b&gt; & "quotes" \'single\' \\backslash',
      'Decomposed: e\u0301 vs composed: \u00e9; no-break\u00a0space; zero\u200bwidth',
      'Typos kept: recieve, definately , dont',
    ];
    for (const body of bodies) {
      const response = await postAnswer(questionGid(question.id), body, bearer(token));
      expect(response.errors, body).toBeUndefined();
      const returned: string = response.data!.postAnswer.answer.body;
      expect(Buffer.from(returned, 'utf8').equals(Buffer.from(body, 'utf8')), body).toBe(true);
      const id = Number(Buffer.from(response.data!.postAnswer.answer.id, 'base64').toString().split(':')[1]);
      const [stored] = await server.db.$queryRaw<{ body: string }[]>`SELECT body FROM answer WHERE id = ${id}`;
      expect(Buffer.from(stored!.body, 'utf8').equals(Buffer.from(body, 'utf8')), body).toBe(true);
    }
    // Read back through the question too: the same strings, newest first.
    const page = await server.request(QUESTION_ANSWERS, { id: questionGid(question.id), first: 20 });
    const read = page.data!.question!.answers.edges.map((edge) => edge.node.body).slice(0, bodies.length);
    expect(read).toEqual([...bodies].reverse());

    // Over the wire the text is JSON-escaped only, never HTML-escaped.
    const raw = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: JSON.stringify({ query: QUESTION_ANSWERS, variables: { id: questionGid(question.id), first: 20 } }),
    });
    const text = await raw.text();
    expect(text).toContain('"<script>alert(1)</script>"');
    expect(text).not.toContain('&lt;script');
  });
});

describe('editAnswer', () => {
  const editAnswer = (answerId: string, body: string, headers: Record<string, string>) =>
    server.request(EDIT_ANSWER, { input: { answerId, body } }, headers);
  const editsOf = (answerId: number) =>
    server.db.$queryRaw<Record<string, unknown>[]>`
      SELECT answer_id, doctor_id, staff_member_id, previous_body, edited_at FROM answer_edit WHERE answer_id = ${answerId} ORDER BY id`;

  it("lets the answer's own doctor edit it: new body, lastEditedAt, one edit row with the previous body", async () => {
    const { doctor, token } = await newDoctor('Dr. Editor Own');
    const question = await fx.question({ title: 'How long does PRP take to work?' });
    const answer = await fx.answer({
      questionId: question.id,
      doctorId: doctor.id,
      body: 'Three months, give or take.',
    });
    const before = await rowCounts();

    const body = 'Usually three to six months.\nSome people need a second session.';
    const response = expectData(await editAnswer(answerGid(answer.id), body, bearer(token)));

    const edits = await editsOf(answer.id);
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
    expect(await rowCounts()).toEqual({ ...before, answer_edit: before.answer_edit + 1 });

    // Shown as "last edited" on the question page; the answer keeps its place and its date.
    const page = await server.request(QUESTION_ANSWERS, { id: questionGid(question.id), first: 20 });
    expect(page.data!.question!.answers.edges.map((edge) => edge.node)).toEqual([
      { id: answerGid(answer.id), body, lastEditedAt: editedAt },
    ]);

    // A second edit keeps the body it replaced too.
    const again = expectData(await editAnswer(answerGid(answer.id), 'Third version.', bearer(token)));
    const twice = await editsOf(answer.id);
    expect(twice.map((edit) => edit.previous_body)).toEqual(['Three months, give or take.', body]);
    expect(again.editAnswer.answer.lastEditedAt).toBe((twice[1]!.edited_at as Date).toISOString());
  });

  it('is FORBIDDEN for another doctor, and writes nothing', async () => {
    const { doctor } = await newDoctor('Dr. Author');
    const { token: otherToken } = await newDoctor('Dr. Intruder');
    const question = await fx.question({ title: 'Is laser hair removal safe?' });
    const answer = await fx.answer({ questionId: question.id, doctorId: doctor.id, body: 'Yes, when done properly.' });
    const staffAnswer = await fx.answer({
      questionId: question.id,
      staffMemberId: (await fx.staffMember('Editor')).id,
      body: 'Editorial.',
    });

    for (const target of [answer, staffAnswer]) {
      await expectNothingWritten(async () => {
        const response = await editAnswer(answerGid(target.id), 'Hijacked.', bearer(otherToken));
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

  it('lets staff edit any answer; the edit row names the staff member', async () => {
    const { doctor } = await newDoctor('Dr. Edited By Staff');
    const { staff, token } = await newStaff('Moderator Mina');
    const question = await fx.question({ title: 'Can diabetes cause hair loss?' });
    const answer = await fx.answer({ questionId: question.id, doctorId: doctor.id, body: 'Yes it can, teh sugar.' });

    const response = expectData(await editAnswer(answerGid(answer.id), 'Yes, it can.', bearer(token)));
    const edits = await editsOf(answer.id);
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

  it('is NOT_FOUND for a hidden or unknown answer, and writes nothing', async () => {
    const { doctor, token } = await newDoctor('Dr. Hidden Edit');
    const { token: staffToken } = await newStaff('Staff Hidden Edit');
    const question = await fx.question({ title: 'Does smoking slow healing?' });
    const hidden = await fx.answer({ questionId: question.id, doctorId: doctor.id, body: 'Hidden one.' });
    await server.db.answer.update({ where: { id: hidden.id }, data: { hiddenAt: new Date() } });
    const missing = hidden.id + 100_000;

    for (const [id, headers] of [
      [hidden.id, bearer(token)],
      [hidden.id, bearer(staffToken)],
      [missing, bearer(token)],
      [missing, bearer(staffToken)],
    ] as const) {
      await expectNothingWritten(async () => {
        const response = await editAnswer(answerGid(id), 'New text.', headers);
        expect(response.data).toBeNull();
        expect(errorsOf(response)).toEqual([
          { message: 'No answer with that ID.', path: ['editAnswer'], extensions: { code: 'NOT_FOUND' } },
        ]);
      });
    }
  });

  it('refuses bad input and missing or wrong credentials, writing nothing', async () => {
    const { doctor, token } = await newDoctor('Dr. Bad Edit');
    const question = await fx.question({ title: 'Is hair dye safe in pregnancy?' });
    const answer = await fx.answer({ questionId: question.id, doctorId: doctor.id, body: 'Mostly, yes.' });
    const askerToken = await newAskerToken();
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
      await expectNothingWritten(async () => {
        const response = await server.request(EDIT_ANSWER, { input }, headers);
        expect(response.data).toBeNull();
        expect(errorsOf(response)).toEqual([{ ...error, path: ['editAnswer'] }]);
      });
    }
  });
});

describe('hideAnswer', () => {
  const hideAnswer = (answerId: string, headers: Record<string, string>) =>
    server.request(HIDE_ANSWER, { input: { answerId } }, headers);

  it('lets staff hide an answer: gone from every list, count and node lookup; hiding again is NOT_FOUND', async () => {
    const { doctor } = await newDoctor('Dr. Hidden');
    const { token } = await newStaff('Moderator Hema');
    const { question, old } = await questionWithAnswers('Does biotin help hair growth?');
    const kept = await fx.answer({
      questionId: question.id,
      doctorId: doctor.id,
      body: 'Kept.',
      answeredAt: new Date('2025-01-01T00:00:00.000Z'),
    });
    const target = await fx.answer({
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
    const counts = await rowCounts();

    const response = expectData(await hideAnswer(answerGid(target.id), bearer(token)));
    const row = await server.db.answer.findUniqueOrThrow({ where: { id: target.id } });
    expect(row.hiddenAt).toBeInstanceOf(Date);
    expect(response).toEqual({
      hideAnswer: { answerId: answerGid(target.id), hiddenAt: row.hiddenAt!.toISOString() },
    });
    // Hidden, not deleted: the row is kept.
    expect(await rowCounts()).toEqual(counts);

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

    await expectNothingWritten(async () => {
      const again = await hideAnswer(answerGid(target.id), bearer(token));
      expect(again.data).toBeNull();
      expect(errorsOf(again)).toEqual([
        { message: 'No answer with that ID.', path: ['hideAnswer'], extensions: { code: 'NOT_FOUND' } },
      ]);
    });
    // Its hiding time is the first one.
    expect((await server.db.answer.findUniqueOrThrow({ where: { id: target.id } })).hiddenAt).toEqual(row.hiddenAt);
  });

  it('turns a question with its only answer hidden back into an unanswered one', async () => {
    const { doctor } = await newDoctor('Dr. Only Answer');
    const { token } = await newStaff('Moderator Omar');
    const question = await fx.question({ title: 'Is a hair transplant painful?' });
    const answer = await fx.answer({ questionId: question.id, doctorId: doctor.id, body: 'Only answer.' });
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

    expect((await hideAnswer(answerGid(answer.id), bearer(token))).errors).toBeUndefined();
    expect([await listed(true), await listed(false)]).toEqual([false, true]);
    const page = await server.request(QUESTION_ANSWERS, { id: questionGid(question.id), first: 20 });
    expect(page.data!.question).toEqual({
      answerCount: 0,
      lastAnsweredAt: null,
      answers: { totalCount: 0, pageInfo: { hasNextPage: false, hasPreviousPage: false }, edges: [] },
    });
  });

  it('is for staff only: UNAUTHENTICATED without a credential, FORBIDDEN for a doctor (even its author) or an asker', async () => {
    const { doctor, token: doctorToken } = await newDoctor('Dr. Would Hide');
    const question = await fx.question({ title: 'What is alopecia areata?' });
    const answer = await fx.answer({ questionId: question.id, doctorId: doctor.id, body: 'An autoimmune condition.' });
    const askerToken = await newAskerToken();
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
      await expectNothingWritten(async () => {
        const response = await hideAnswer(answerGid(answer.id), headers);
        expect(response.data).toBeNull();
        expect(errorsOf(response)).toEqual([{ message, path: ['hideAnswer'], extensions: { code } }]);
      });
    }
    expect((await server.db.answer.findUniqueOrThrow({ where: { id: answer.id } })).hiddenAt).toBeNull();
  });

  it('is NOT_FOUND for an unknown answer and BAD_USER_INPUT for a bad ID', async () => {
    const { token } = await newStaff('Moderator Nadia');
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
      await expectNothingWritten(async () => {
        const response = await hideAnswer(answerId, bearer(token));
        expect(response.data).toBeNull();
        expect(errorsOf(response)).toEqual([{ ...error, path: ['hideAnswer'] }]);
      });
    }
  });
});
