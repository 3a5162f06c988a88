import { encodeGlobalID } from '@pothos/plugin-relay';
import pg from 'pg';
import { describe, expect } from 'vitest';
import { it } from '../helpers/world';
import { bearer, errorsOf } from '../helpers/http';
import { eventually } from '../helpers/live';
import { expectData } from '../helpers/graphql';
import {
  answerGid,
  expectNothingWritten,
  newDoctor,
  postAnswer,
  QUESTION_ANSWERS,
  questionGid,
  questionWithAnswers,
} from './support';

/* Answer mutations: postAnswer's input: refused, dated, and stored as written. Shared setup and documents: support.ts. */

describe('postAnswer', () => {
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
      it(name, async ({ server }) => {
        const { question } = await questionWithAnswers(server, `Question for ${name}`);
        const { token } = await newDoctor(server, `Dr. Validator ${name}`);
        await expectNothingWritten(server, async () => {
          const response = await postAnswer(server, questionGid(question.id), body, bearer(token));
          expect(response.data).toBeNull();
          expect(errorsOf(response)).toEqual([
            { message, path: ['postAnswer'], extensions: { code: 'BAD_USER_INPUT', field: 'body' } },
          ]);
        });
      });
    }

    it('a malformed questionId, or the ID of another type', async ({ server }) => {
      const { question, old } = await questionWithAnswers(server, 'Question for bad question IDs');
      const { token } = await newDoctor(server, 'Dr. Wrong Id');
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
        await expectNothingWritten(server, async () => {
          const response = await postAnswer(server, questionId, 'A perfectly good answer.', bearer(token));
          expect(response.data, questionId).toBeNull();
          expect(errorsOf(response), questionId).toEqual([
            { message, path: ['postAnswer'], extensions: { code: 'BAD_USER_INPUT', field: 'questionId' } },
          ]);
        });
      }
    });

    it('an unknown question: NOT_FOUND', async ({ server }) => {
      const { token } = await newDoctor(server, 'Dr. Nowhere');
      const missing = (await server.db.question.aggregate({ _max: { id: true } }))._max.id! + 1000;
      await expectNothingWritten(server, async () => {
        const response = await postAnswer(server, questionGid(missing), 'An answer to nothing.', bearer(token));
        expect(response.data).toBeNull();
        expect(errorsOf(response)).toEqual([
          { message: 'No question with that ID.', path: ['postAnswer'], extensions: { code: 'NOT_FOUND' } },
        ]);
      });
    });
  });

  it('dates the answer when it is saved, after waiting for the question, not when its transaction began', async ({
    server,
  }) => {
    // Answers to one question are saved one at a time (postAnswer locks the question), so ids grow
    // in saving order. Newest-first lists order by answeredAt: it must grow in the same order, or
    // an answer that waited would be listed below one saved before it.
    const { question } = await questionWithAnswers(server, 'Question for answer timing');
    const { token } = await newDoctor(server, 'Dr. Patient');
    const holder = new pg.Client({ connectionString: server.database.url });
    await holder.connect();
    try {
      await holder.query('BEGIN');
      await holder.query('SELECT id FROM question WHERE id = $1 FOR UPDATE', [question.id]);
      const posting = postAnswer(server, questionGid(question.id), 'Saved once the question is free.', bearer(token));
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

  it('accepts 10,000 emoji: a 4-byte emoji counts as one character', async ({ server }) => {
    const { question } = await questionWithAnswers(server, 'Question for a long answer');
    const { token } = await newDoctor(server, 'Dr. Emoji');
    const body = '😀'.repeat(10_000);
    expect(body.length).toBe(20_000); // UTF-16 code units: twice the limit
    const response = expectData(await postAnswer(server, questionGid(question.id), body, bearer(token)));
    expect(response.postAnswer.answer.body).toBe(body);
    const exactly = expectData(await postAnswer(server, questionGid(question.id), 'b'.repeat(10_000), bearer(token)));
    expect(exactly.postAnswer.answer.body).toBe('b'.repeat(10_000));
  });

  it('stores and returns bodies byte for byte as written, as plain strings', async ({ server }) => {
    const { question } = await questionWithAnswers(server, 'Question for exact bodies');
    const { token } = await newDoctor(server, 'Dr. Exact');
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
      const response = await postAnswer(server, questionGid(question.id), body, bearer(token));
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
