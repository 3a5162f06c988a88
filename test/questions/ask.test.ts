import { encodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken, issueCredential, resolveViewer, revokeCredential } from '../../src/auth/tokens';
import { fixtures } from '../helpers/fixtures';
import { startTestServer, type TestServer } from '../helpers/server';
import { bearer, errorsOf } from '../helpers/http';
import { expectData, graphql, sourceOf, type ResultOf } from '../helpers/graphql';

let server: TestServer;
let fx: ReturnType<typeof fixtures>;
beforeAll(async () => {
  server = await startTestServer();
  fx = fixtures(server.db);
});
afterAll(() => server?.stop());

const TOKEN = /^mqa_[A-Za-z0-9_-]{43}$/;
const DEMO_TOPICS = ['cosmetic-procedures', 'dental-care', 'hair-treatments', 'scalp-micropigmentation'];

const questionGid = (id: number) => encodeGlobalID('Question', id);
const idOf = (globalId: string) => Number(Buffer.from(globalId, 'base64').toString().split(':')[1]);

async function rowCounts() {
  const [row] = await server.db.$queryRaw<Record<string, bigint>[]>`
    SELECT (SELECT count(*) FROM answer) AS answer,
           (SELECT count(*) FROM answer_edit) AS answer_edit,
           (SELECT count(*) FROM question) AS question,
           (SELECT count(*) FROM asker) AS asker,
           (SELECT count(*) FROM credential) AS credential,
           (SELECT count(*) FROM "_question_topic") AS question_topic`;
  return Object.fromEntries(Object.entries(row!).map(([table, n]) => [table, Number(n)])) as Record<
    'answer' | 'answer_edit' | 'question' | 'asker' | 'credential' | 'question_topic',
    number
  >;
}

const questionRows = () =>
  server.db.$queryRaw<Record<string, unknown>[]>`SELECT id, slug, title, body, asker_id FROM question ORDER BY id`;

/** Runs `run` and checks that no row was added anywhere and no question changed. */
async function expectNothingWritten(run: () => Promise<void>) {
  const counts = await rowCounts();
  const questions = await questionRows();
  await run();
  expect(await rowCounts()).toEqual(counts);
  expect(await questionRows()).toEqual(questions);
}

const ASK = graphql(`
  mutation Ask($input: AskQuestionInput!) {
    askQuestion(input: $input) {
      askerToken
      question { id title body slug askedAt askedAnonymously topics { slug } answerCount lastAnsweredAt answers { totalCount } }
    }
  }
`);

const EDIT_QUESTION = graphql(`
  mutation EditQuestion($input: EditQuestionInput!) {
    editQuestion(input: $input) { question { id title body slug } }
  }
`);

// Any input, as sent: many cases below send bad ones on purpose. The result is typed.
const ask = (input: Record<string, unknown>, headers: Record<string, string> = {}) =>
  server.request<ResultOf<typeof ASK>>(sourceOf(ASK), { input }, headers);
const editQuestion = (input: Record<string, unknown>, headers: Record<string, string>) =>
  server.request<ResultOf<typeof EDIT_QUESTION>>(sourceOf(EDIT_QUESTION), { input }, headers);

/** Asks a question anonymously; returns its row id, global id and the asker token. */
async function asked(title: string) {
  const response = expectData(await ask({ title, body: `${title} Some more details here.` }));
  const { question, askerToken } = response.askQuestion;
  return {
    id: idOf(question.id),
    gid: question.id as string,
    token: askerToken as string,
    slug: question.slug as string,
  };
}

describe('askQuestion', () => {
  it('lets anyone ask: the question as written, a slug from the title, and an asker token shown once', async () => {
    const before = await rowCounts();
    const sentAt = Date.now();
    const title = 'Can I dye my hair after scalp micropigmentation?';
    const body = '  I had SMP done 3 weeks ago.\nIs it safe to colour my hair now?  ';
    const response = expectData(await ask({ title, body, topics: ['scalp-micropigmentation', 'hair-treatments'] }));
    const { askerToken, question } = response.askQuestion;

    expect(askerToken).toMatch(TOKEN);
    expect(question.slug).toMatch(/^can-i-dye-my-hair-after-scalp-micropigmentation-[0-9a-z]{1,7}$/);
    const row = await server.db.question.findUniqueOrThrow({ where: { id: idOf(question.id) } });
    expect(response).toEqual({
      askQuestion: {
        askerToken,
        question: {
          id: questionGid(row.id),
          title,
          body,
          slug: row.slug,
          askedAt: row.askedAt.toISOString(),
          askedAnonymously: true,
          topics: [{ slug: 'hair-treatments' }, { slug: 'scalp-micropigmentation' }],
          answerCount: 0,
          lastAnsweredAt: null,
          answers: { totalCount: 0 },
        },
      },
    });
    expect(row.askedAt.getTime()).toBeGreaterThanOrEqual(sentAt - 1000);
    expect(row.askedAt.getTime()).toBeLessThanOrEqual(Date.now() + 1000);
    // One new asker, one question with its two topics, one credential.
    expect(await rowCounts()).toEqual({
      ...before,
      asker: before.asker + 1,
      question: before.question + 1,
      credential: before.credential + 1,
      question_topic: before.question_topic + 2,
    });

    // The token is stored only as its sha256, as a credential of the question's asker.
    const credentials = await server.db.$queryRaw<Record<string, unknown>[]>`SELECT * FROM credential`;
    const credential = credentials.find((c) => c.token_hash === hashToken(askerToken));
    expect(credential).toMatchObject({
      role: 'ASKER',
      asker_id: row.askerId,
      doctor_id: null,
      staff_member_id: null,
      revoked_at: null,
    });
    expect(JSON.stringify(credentials)).not.toContain(askerToken.slice(4));
    expect(await resolveViewer(server.db, `Bearer ${askerToken}`)).toEqual({
      role: 'asker',
      askerId: row.askerId,
      credentialId: credential!.id,
    });

    // The page can be found by its slug.
    const page = await server.request(
      graphql(`query AskQuestion($slug: String!) { question(slug: $slug) { id title } }`),
      {
        slug: row.slug,
      },
    );
    expect(page).toEqual({ data: { question: { id: questionGid(row.id), title } } });
  });

  it('derives the slug from the title: accents dropped, punctuation collapsed, a random suffix keeps it unique', async () => {
    const cases = [
      { title: 'Crème brûlée — safe after DENTAL implants??', words: 'creme-brulee-safe-after-dental-implants' },
      { title: '  What   does "FUE" mean?!  ', words: 'what-does-fue-mean' },
      { title: 'क्या स्कैल्प माइक्रोपिग्मेंटेशन स्थायी है?', words: 'question' },
    ];
    for (const { title, words } of cases) {
      const first = await ask({ title, body: 'Some details about it.' });
      const second = await ask({ title, body: 'Some details about it.' });
      expect(first.errors, title).toBeUndefined();
      expect(second.errors, title).toBeUndefined();
      const a = first.data!.askQuestion.question;
      const b = second.data!.askQuestion.question;
      expect(a.slug).toMatch(new RegExp(`^${words}-[0-9a-z]{1,7}$`));
      expect(b.slug).toMatch(new RegExp(`^${words}-[0-9a-z]{1,7}$`));
      expect(a.slug).not.toBe(b.slug);
      // The title itself is kept as written.
      expect(a.title).toBe(title);
    }
  });

  it('accepts the limits exactly: 10 and 200 characters of title (emoji count one each), 5 topics, no topics', async () => {
    const ok = [
      { title: 'Ten chars!', body: 'Body of ten', topics: [] },
      { title: 'T'.repeat(200), body: 'b'.repeat(5000), topics: DEMO_TOPICS },
      { title: '🦷'.repeat(200), body: '🦷'.repeat(5000) },
      { title: '🦷'.repeat(10), body: '🦷'.repeat(10), topics: null },
    ];
    const extra = await fx.topic('Extra topic');
    ok[1]!.topics = [...DEMO_TOPICS, extra.slug];
    for (const input of ok) {
      const response = await ask(input);
      expect(response.errors, input.title).toBeUndefined();
      expect(response.data!.askQuestion.question.title).toBe(input.title);
      expect(response.data!.askQuestion.question.body).toBe(input.body);
      expect(response.data!.askQuestion.question.topics).toHaveLength(input.topics?.length ?? 0);
    }
  });

  it('lists a topic given twice once', async () => {
    const response = expectData(
      await ask({
        title: 'Is SMP the same as a tattoo?',
        body: 'It looks like one to me.',
        topics: ['scalp-micropigmentation', 'scalp-micropigmentation'],
      }),
    );
    expect(response.askQuestion.question.topics).toEqual([{ slug: 'scalp-micropigmentation' }]);
  });

  it('works the same with a credential: a doctor may ask too, and still gets a new asker token', async () => {
    const doctor = await fx.doctor({ name: 'Dr. Curious' });
    const token = await issueCredential(server.db, { role: 'doctor', doctorId: doctor.id });
    const response = expectData(
      await ask({ title: 'A question from a doctor', body: 'Doctors have questions too.' }, bearer(token)),
    );
    expect(response.askQuestion.askerToken).toMatch(TOKEN);
    expect(response.askQuestion.askerToken).not.toBe(token);
  });

  describe('refuses bad input with BAD_USER_INPUT naming the field, and writes nothing', () => {
    const good = { title: 'Is hair transplant permanent?', body: 'I am 32 and losing hair at the crown.' };
    const cases: { name: string; input: Record<string, unknown>; message: string; field: string }[] = [
      {
        name: 'a title of 9 characters',
        input: { ...good, title: 'Too short' },
        message: '"title" must have at least 10 characters besides spaces',
        field: 'title',
      },
      {
        name: 'a title of 9 characters padded with spaces',
        input: { ...good, title: '    Too short     ' },
        message: '"title" must have at least 10 characters besides spaces',
        field: 'title',
      },
      {
        name: 'a title of 9 emoji',
        input: { ...good, title: '🦷'.repeat(9) },
        message: '"title" must have at least 10 characters besides spaces',
        field: 'title',
      },
      {
        name: 'an empty title',
        input: { ...good, title: '' },
        message: '"title" must have at least 10 characters besides spaces',
        field: 'title',
      },
      {
        name: 'a title of 201 characters',
        input: { ...good, title: 'T'.repeat(201) },
        message: '"title" must have at most 200 characters',
        field: 'title',
      },
      {
        name: 'a title of 201 emoji',
        input: { ...good, title: '🦷'.repeat(201) },
        message: '"title" must have at most 200 characters',
        field: 'title',
      },
      {
        name: 'a title with NUL',
        input: { ...good, title: 'Is it \u0000 permanent?' },
        message: '"title" must not contain NUL characters',
        field: 'title',
      },
      {
        name: 'a title with an unpaired surrogate',
        input: { ...good, title: 'Is it permanent? \udc00' },
        message: '"title" must be valid Unicode text (no unpaired surrogates)',
        field: 'title',
      },
      {
        name: 'a body of 9 characters',
        input: { ...good, body: 'Help me!!' },
        message: '"body" must have at least 10 characters besides spaces',
        field: 'body',
      },
      {
        name: 'a body of spaces',
        input: { ...good, body: ' '.repeat(50) },
        message: '"body" must have at least 10 characters besides spaces',
        field: 'body',
      },
      {
        name: 'a body of 5001 characters',
        input: { ...good, body: 'b'.repeat(5001) },
        message: '"body" must have at most 5000 characters',
        field: 'body',
      },
      {
        name: 'a body with NUL',
        input: { ...good, body: 'Some text\u0000 here' },
        message: '"body" must not contain NUL characters',
        field: 'body',
      },
      {
        name: 'an unknown topic',
        input: { ...good, topics: ['hair-treatments', 'no-such-topic'] },
        message: 'Unknown topic: no-such-topic.',
        field: 'topics',
      },
      {
        name: 'two unknown topics',
        input: { ...good, topics: ['nope', 'hair-treatments', 'nada'] },
        message: 'Unknown topics: nope, nada.',
        field: 'topics',
      },
      {
        name: 'six topics',
        input: { ...good, topics: [...DEMO_TOPICS, 'extra-topic-1', 'extra-topic-2'] },
        message: '"topics" must list at most 5 topics',
        field: 'topics',
      },
    ];
    beforeAll(async () => {
      // Six topics that all exist, so that only their number is wrong.
      for (const slug of ['extra-topic-1', 'extra-topic-2'])
        await server.db.topic.create({ data: { slug, name: slug } });
    });
    for (const { name, input, message, field } of cases) {
      it(name, async () => {
        await expectNothingWritten(async () => {
          const response = await ask(input);
          expect(response.data).toBeNull();
          expect(errorsOf(response)).toEqual([
            { message, path: ['askQuestion'], extensions: { code: 'BAD_USER_INPUT', field } },
          ]);
        });
      });
    }
  });
});

describe('the asker token', () => {
  it('lets the asker edit their own question, title and body, as written', async () => {
    const mine = await asked('Why does my scalp itch after SMP?');
    const counts = await rowCounts();

    const response = expectData(
      await editQuestion(
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
      await editQuestion({ questionId: mine.gid, body: 'Only the body changes now.' }, bearer(mine.token)),
    );
    expect(bodyOnly.editQuestion.question).toMatchObject({
      title: 'Why does my scalp itch after SMP? (2 weeks)',
      body: 'Only the body changes now.',
    });
    expect(await rowCounts()).toEqual(counts);
  });

  it('is FORBIDDEN on another question, and writes nothing', async () => {
    const mine = await asked('Is minoxidil safe long term?');
    const theirs = await asked('Is finasteride safe long term?');
    await expectNothingWritten(async () => {
      const response = await editQuestion({ questionId: theirs.gid, title: 'Hijacked title here' }, bearer(mine.token));
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
    await expectNothingWritten(async () => {
      const response = await editQuestion(
        { questionId: questionGid(demo.id), body: 'Hijacked body here' },
        bearer(mine.token),
      );
      expect(errorsOf(response)?.[0]?.extensions).toEqual({ code: 'FORBIDDEN' });
    });
  });

  it('cannot answer, edit or hide answers: FORBIDDEN, nothing written', async () => {
    const mine = await asked('How long does a hair transplant take?');
    const doctor = await fx.doctor({ name: 'Dr. Answerer' });
    const answer = await fx.answer({ questionId: mine.id, doctorId: doctor.id, body: 'About a day.' });
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
      await expectNothingWritten(async () => {
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

  it('lets the asker read public data like anyone', async () => {
    const mine = await asked('Does PRP hurt a lot?');
    const response = await server.request(
      graphql(`query AskQuestion2($id: ID!) { question(id: $id) { title } }`),
      { id: mine.gid },
      bearer(mine.token),
    );
    expect(response).toEqual({ data: { question: { title: 'Does PRP hurt a lot?' } } });
  });

  it('refuses an edit with neither title nor body, or with a bad one, and writes nothing', async () => {
    const mine = await asked('Can SMP be removed with laser?');
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
      await expectNothingWritten(async () => {
        const response = await editQuestion(input, bearer(mine.token));
        expect(response.data, JSON.stringify(input).slice(0, 80)).toBeNull();
        expect(errorsOf(response)).toEqual([
          { message, path: ['editQuestion'], extensions: { code: 'BAD_USER_INPUT', field } },
        ]);
      });
    }
  });

  it('is refused once revoked: the whole request fails with 401', async () => {
    const mine = await asked('Is scalp micropigmentation safe for women?');
    await revokeCredential(server.db, mine.token);
    await expectNothingWritten(async () => {
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
  it('lets staff edit any question', async () => {
    const theirs = await asked('Does hair grow back after chemo?');
    const staff = await fx.staffMember('Editor Esha');
    const token = await issueCredential(server.db, { role: 'staff', staffMemberId: staff.id });
    const response = expectData(
      await editQuestion({ questionId: theirs.gid, title: 'Does hair grow back after chemotherapy?' }, bearer(token)),
    );
    expect(response.editQuestion.question).toEqual({
      id: theirs.gid,
      title: 'Does hair grow back after chemotherapy?',
      body: 'Does hair grow back after chemo? Some more details here.',
      slug: theirs.slug,
    });
  });

  it('is UNAUTHENTICATED without a credential, FORBIDDEN for a doctor, NOT_FOUND for an unknown question; nothing written', async () => {
    const theirs = await asked('Is PRP better than minoxidil?');
    const doctor = await fx.doctor({ name: 'Dr. Editor Wannabe' });
    const doctorToken = await issueCredential(server.db, { role: 'doctor', doctorId: doctor.id });
    const staff = await fx.staffMember('Editor Ela');
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
      await expectNothingWritten(async () => {
        const response = await editQuestion(input, headers);
        expect(response.data).toBeNull();
        expect(errorsOf(response)).toEqual([{ ...error, path: ['editQuestion'] }]);
      });
    }
  });
});

describe('privacy of askers', () => {
  it('no field of Question exposes the asker', async () => {
    const data = expectData(
      await server.request(
        graphql(`query AskType {
      __type(name: "Question") { fields(includeDeprecated: true) { name args { name } } }
    }`),
      ),
    );
    expect(data.__type!.fields!.map((field: { name: string }) => field.name).sort()).toEqual([
      'answerCount',
      'answers',
      'askedAnonymously',
      'askedAt',
      'body',
      'id',
      'lastAnsweredAt',
      'latestAnswerCursor',
      'relevantBlogs',
      'slug',
      'title',
      'topics',
    ]);
  });

  it('no type, field or argument of the schema names the asker, except the asker token of askQuestion (given and returned)', async () => {
    const data = expectData(
      await server.request(
        graphql(`query AskSchema {
      __schema {
        types {
          name
          fields(includeDeprecated: true) { name args { name } }
          inputFields { name }
        }
      }
    }`),
      ),
    );
    const names: string[] = [];
    for (const type of data.__schema.types) {
      names.push(type.name!);
      for (const field of type.fields ?? []) {
        names.push(`${type.name}.${field.name}`);
        for (const arg of field.args) names.push(`${type.name}.${field.name}(${arg.name})`);
      }
      for (const field of type.inputFields ?? []) names.push(`${type.name}.${field.name}`);
    }
    // The token an asker passes back to ask again under it (issue 11), and the one they get.
    expect(names.filter((name) => /asker/i.test(name)).sort()).toEqual([
      'AskQuestionInput.askerToken',
      'AskQuestionPayload.askerToken',
    ]);
  });

  it("no error message names an asker's id", async () => {
    const mine = await asked('Can stress cause grey hair?');
    const theirs = await asked('Can stress cause hair fall?');
    const askerIds = (
      await server.db.question.findMany({ where: { id: { in: [mine.id, theirs.id] } }, select: { askerId: true } })
    ).map((q) => q.askerId);
    const responses = [
      await editQuestion({ questionId: theirs.gid, title: 'Someone else’s question' }, bearer(mine.token)),
      await editQuestion({ questionId: theirs.gid }, bearer(mine.token)),
      await editQuestion(
        { questionId: questionGid(theirs.id + 100_000), title: 'A missing question' },
        bearer(mine.token),
      ),
      await server.request(
        graphql(
          `mutation AskPostAnswer($q: ID!) { postAnswer(input: { questionId: $q, body: "x" }) { answer { id } } }`,
        ),
        { q: theirs.gid },
        bearer(mine.token),
      ),
      await server.request(graphql(`query AskNode($id: ID!) { node(id: $id) { id } }`), {
        id: encodeGlobalID('Asker', askerIds[0]!),
      }),
    ];
    for (const response of responses) {
      expect(response.errors?.length).toBeGreaterThan(0);
      for (const error of response.errors!) {
        for (const askerId of askerIds) expect(error.message).not.toMatch(new RegExp(`\\b${askerId}\\b`));
        expect(JSON.stringify(error)).not.toMatch(/asker_?id/i);
      }
    }
  });
});
