import { describe, expect } from 'vitest';
import { post } from '../../helpers/http';
import { expectData, graphql } from '../../helpers/graphql';
import { it, serverOptions } from './support';

/* Text that looks like markup, emoji, right-to-left and combining characters: stored and returned as written. */

it.override({ serverOptions });

describe('text comes back exactly as written, as text', () => {
  const title = 'Hair loss 😀🧑🏽‍⚕️ after COVID: שלום مرحبا — permanent?';
  const body =
    'Is this <script>alert("xss")</script> inert? <b>bold</b> &amp; 𝄞 \u202Eright-to-left override\u202C, e\u0301.';

  it('stores a question and an answer byte for byte, and returns them as JSON strings', async ({ server, auth }) => {
    const asked = await post(server.url, {
      query: graphql(
        `mutation BadInputAsk($input: AskQuestionInput!) { askQuestion(input: $input) { question { id slug title body } } }`,
      ),
      variables: { input: { title, body } },
    });
    const question = expectData(asked.json!).askQuestion.question;
    expect(question).toMatchObject({ title, body });
    const answerBody = `${body} 👍🏿 תודה`;
    const posted = await post(
      server.url,
      {
        query: 'mutation($input: PostAnswerInput!) { postAnswer(input: $input) { answer { body } } }',
        variables: { input: { questionId: question.id, body: answerBody } },
      },
      auth.doctor,
    );
    expect(posted.json?.data).toEqual({ postAnswer: { answer: { body: answerBody } } });

    // Stored as written.
    const stored = await server.db.question.findUniqueOrThrow({
      where: { slug: question.slug },
      include: { answers: true },
    });
    expect(stored.title).toBe(title);
    expect(stored.body).toBe(body);
    expect(stored.answers.map((a) => a.body)).toEqual([answerBody]);

    // Read back as JSON, where the markup is only characters of a string: never HTML.
    const page = await post(server.url, {
      query: graphql(
        `query BadInputAsWritten($slug: String!) { question(slug: $slug) { title body answers { edges { node { body } } } } }`,
      ),
      variables: { slug: question.slug },
    });
    expect(page.headers.get('content-type')).toBe('application/graphql-response+json; charset=utf-8');
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.json?.data?.question).toEqual({ title, body, answers: { edges: [{ node: { body: answerBody } }] } });
    expect(page.text).toContain(JSON.stringify(body).slice(1, -1));
  });
});
