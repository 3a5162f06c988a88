import { describe, expect } from 'vitest';
import { it } from '../helpers/world';
import { fixtures } from '../helpers/fixtures';
import { hashToken, issueCredential, resolveViewer } from '../../src/auth/tokens';
import { bearer, errorsOf } from '../helpers/http';
import { expectData, graphql } from '../helpers/graphql';
import { ask, DEMO_TOPICS, expectNothingWritten, idOf, questionGid, rowCounts, TOKEN } from './support';

/* askQuestion: anyone may ask; bad input is refused. Shared setup and documents: support.ts. */

describe('askQuestion', () => {
  it('lets anyone ask: the question as written, a slug from the title, and an asker token shown once', async ({
    server,
  }) => {
    const before = await rowCounts(server);
    const sentAt = Date.now();
    const title = 'Can I dye my hair after scalp micropigmentation?';
    const body = '  I had SMP done 3 weeks ago.\nIs it safe to colour my hair now?  ';
    const response = expectData(
      await ask(server, { title, body, topics: ['scalp-micropigmentation', 'hair-treatments'] }),
    );
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
    expect(await rowCounts(server)).toEqual({
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

  it('derives the slug from the title: accents dropped, punctuation collapsed, a random suffix keeps it unique', async ({
    server,
  }) => {
    const cases = [
      { title: 'Crème brûlée — safe after DENTAL implants??', words: 'creme-brulee-safe-after-dental-implants' },
      { title: '  What   does "FUE" mean?!  ', words: 'what-does-fue-mean' },
      { title: 'क्या स्कैल्प माइक्रोपिग्मेंटेशन स्थायी है?', words: 'question' },
    ];
    for (const { title, words } of cases) {
      const first = await ask(server, { title, body: 'Some details about it.' });
      const second = await ask(server, { title, body: 'Some details about it.' });
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

  it('accepts the limits exactly: 10 and 200 characters of title (emoji count one each), 5 topics, no topics', async ({
    server,
  }) => {
    const ok = [
      { title: 'Ten chars!', body: 'Body of ten', topics: [] },
      { title: 'T'.repeat(200), body: 'b'.repeat(5000), topics: DEMO_TOPICS },
      { title: '🦷'.repeat(200), body: '🦷'.repeat(5000) },
      { title: '🦷'.repeat(10), body: '🦷'.repeat(10), topics: null },
    ];
    const extra = await fixtures(server.db).topic('Extra topic');
    ok[1]!.topics = [...DEMO_TOPICS, extra.slug];
    for (const input of ok) {
      const response = await ask(server, input);
      expect(response.errors, input.title).toBeUndefined();
      expect(response.data!.askQuestion.question.title).toBe(input.title);
      expect(response.data!.askQuestion.question.body).toBe(input.body);
      expect(response.data!.askQuestion.question.topics).toHaveLength(input.topics?.length ?? 0);
    }
  });

  it('lists a topic given twice once', async ({ server }) => {
    const response = expectData(
      await ask(server, {
        title: 'Is SMP the same as a tattoo?',
        body: 'It looks like one to me.',
        topics: ['scalp-micropigmentation', 'scalp-micropigmentation'],
      }),
    );
    expect(response.askQuestion.question.topics).toEqual([{ slug: 'scalp-micropigmentation' }]);
  });

  it('works the same with a credential: a doctor may ask too, and still gets a new asker token', async ({ server }) => {
    const doctor = await fixtures(server.db).doctor({ name: 'Dr. Curious' });
    const token = await issueCredential(server.db, { role: 'doctor', doctorId: doctor.id });
    const response = expectData(
      await ask(server, { title: 'A question from a doctor', body: 'Doctors have questions too.' }, bearer(token)),
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
    it.beforeAll(async ({ server }) => {
      // Six topics that all exist, so that only their number is wrong.
      for (const slug of ['extra-topic-1', 'extra-topic-2'])
        await server.db.topic.create({ data: { slug, name: slug } });
    });
    for (const { name, input, message, field } of cases) {
      it(name, async ({ server }) => {
        await expectNothingWritten(server, async () => {
          const response = await ask(server, input);
          expect(response.data).toBeNull();
          expect(errorsOf(response)).toEqual([
            { message, path: ['askQuestion'], extensions: { code: 'BAD_USER_INPUT', field } },
          ]);
        });
      });
    }
  });
});
