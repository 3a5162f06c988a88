import { describe } from 'vitest';
import { DEMO_QUESTION_SLUG } from '../../../src/server';
import { post, send } from '../../helpers/http';
import {
  ASK,
  bad,
  BY_SLUG,
  EDIT_QUESTION,
  type BadInputContext,
  type Expected,
  expectError,
  gid,
  goodQuestion,
  it,
  itLeavesEverythingAsItWas,
  serverOptions,
  POST_ANSWER,
} from './support';

/* Bad input over HTTP: bad values, and invalid global IDs and cursors (support.ts says what each file checks). */

/** A case: the request's body and headers, made from the test's fixtures, and the error it gets. */
interface BodyCase {
  name: string;
  body: (context: BadInputContext) => unknown;
  headers?: (context: BadInputContext) => Record<string, string>;
  expected: Expected;
}

it.override({ serverOptions });

describe('bad input', () => {
  describe('over HTTP: bad values', () => {
    const tooLong = (n: number) => 'a'.repeat(n);
    it.for<BodyCase>([
      {
        name: 'an oversized question body',
        body: () => ({ query: ASK, variables: { input: { ...goodQuestion, body: tooLong(5001) } } }),
        expected: {
          status: 200,
          message: '"body" must have at most 5000 characters',
          extensions: bad('BAD_USER_INPUT', 'body'),
        },
      },
      {
        name: 'an oversized title',
        body: () => ({ query: ASK, variables: { input: { ...goodQuestion, title: tooLong(201) } } }),
        expected: {
          status: 200,
          message: '"title" must have at most 200 characters',
          extensions: bad('BAD_USER_INPUT', 'title'),
        },
      },
      {
        name: 'an oversized answer',
        body: ({ questionId }) => ({ query: POST_ANSWER, variables: { input: { questionId, body: tooLong(10_001) } } }),
        headers: ({ auth }) => auth.doctor,
        expected: {
          status: 200,
          message: '"body" must have at most 10000 characters',
          extensions: bad('BAD_USER_INPUT', 'body'),
        },
      },
      {
        name: 'an oversized search',
        body: () => ({
          query: 'query($s: String) { questions(filter: { search: $s }) { totalCount } }',
          variables: { s: tooLong(201) },
        }),
        expected: {
          status: 200,
          message: '"search" must have between 1 and 200 characters.',
          extensions: bad('BAD_USER_INPUT', 'search'),
        },
      },
      {
        name: 'an oversized slug',
        body: () => ({ query: BY_SLUG, variables: { s: tooLong(100_000) } }),
        expected: { status: 200, message: /^No question with slug "a+"\.$/, extensions: bad('NOT_FOUND') },
      },
      {
        name: 'NUL in a title',
        body: () => ({ query: ASK, variables: { input: { ...goodQuestion, title: 'Is it \u0000 permanent?' } } }),
        expected: {
          status: 200,
          message: '"title" must not contain NUL characters',
          extensions: bad('BAD_USER_INPUT', 'title'),
        },
      },
      {
        name: 'NUL in an answer',
        body: ({ questionId }) => ({ query: POST_ANSWER, variables: { input: { questionId, body: 'Yes.\u0000' } } }),
        headers: ({ auth }) => auth.doctor,
        expected: {
          status: 200,
          message: '"body" must not contain NUL characters',
          extensions: bad('BAD_USER_INPUT', 'body'),
        },
      },
      {
        name: 'NUL in a topic slug',
        body: () => ({ query: ASK, variables: { input: { ...goodQuestion, topics: ['hair\u0000treatments'] } } }),
        expected: {
          status: 200,
          message: 'Text arguments must not contain NUL characters (U+0000).',
          extensions: bad('BAD_USER_INPUT'),
        },
      },
      {
        name: 'NUL in a slug lookup',
        body: () => ({ query: BY_SLUG, variables: { s: 'is-\u0000' } }),
        expected: {
          status: 200,
          message: 'Text arguments must not contain NUL characters (U+0000).',
          extensions: bad('BAD_USER_INPUT'),
        },
      },
      {
        name: 'NUL in a filter',
        body: () => ({ query: '{ doctors(filter: { country: "In\\u0000dia" }) { totalCount } }' }),
        expected: {
          status: 200,
          message: 'Text arguments must not contain NUL characters (U+0000).',
          extensions: bad('BAD_USER_INPUT'),
        },
      },
      {
        name: 'NUL in a search',
        body: () => ({
          query: 'query($s: String) { questions(filter: { search: $s }) { totalCount } }',
          variables: { s: 'hair\u0000' },
        }),
        expected: {
          status: 200,
          message: 'Text arguments must not contain NUL characters (U+0000).',
          extensions: bad('BAD_USER_INPUT'),
        },
      },
      {
        name: 'a lone surrogate in a question body',
        body: () => ({
          query: ASK,
          variables: { input: { ...goodQuestion, body: 'Half an emoji: \ud83d, and more.' } },
        }),
        expected: {
          status: 200,
          message: '"body" must be valid Unicode text (no unpaired surrogates)',
          extensions: bad('BAD_USER_INPUT', 'body'),
        },
      },
      {
        name: 'a lone surrogate in an answer',
        body: ({ questionId }) => ({
          query: POST_ANSWER,
          variables: { input: { questionId, body: '\udc00 backwards \ud83d' } },
        }),
        headers: ({ auth }) => auth.doctor,
        expected: {
          status: 200,
          message: '"body" must be valid Unicode text (no unpaired surrogates)',
          extensions: bad('BAD_USER_INPUT', 'body'),
        },
      },
      {
        // No slug can have one, so the lookup finds nothing; it is not an error of the server.
        name: 'a lone surrogate in a slug lookup',
        body: () => ({ query: BY_SLUG, variables: { s: 'is-\ud800' } }),
        expected: { status: 200, message: 'No question with slug "is-\ud800".', extensions: bad('NOT_FOUND') },
      },
      {
        name: 'emoji and right-to-left text in a slug lookup',
        body: () => ({ query: BY_SLUG, variables: { s: '🧑‍⚕️-שלום-مرحبا' } }),
        expected: { status: 200, message: 'No question with slug "🧑‍⚕️-שלום-مرحبا".', extensions: bad('NOT_FOUND') },
      },
      {
        name: 'an editQuestion with neither title nor body',
        body: ({ questionId }) => ({ query: EDIT_QUESTION, variables: { input: { questionId } } }),
        headers: ({ auth }) => auth.staff,
        expected: {
          status: 200,
          message: /^"title" or "body" must be given/,
          extensions: bad('BAD_USER_INPUT', 'title'),
        },
      },
    ])('$name', async ({ body, headers, expected }, { server, auth, questionId }) => {
      const context = { server, auth, questionId };
      expectError(await post(server.url, body(context), headers?.(context)), expected);
    });

    it('invalid UTF-8 bytes in the body become U+FFFD, and a lookup finds nothing', async ({ server }) => {
      const body = Buffer.concat([
        Buffer.from('{"query":"{ question(slug: \\"is-'),
        Buffer.from([0xff, 0xfe]),
        Buffer.from('\\") { id } }"}'),
      ]);
      const response = await send(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      expectError(response, {
        status: 200,
        message: 'No question with slug "is-\ufffd\ufffd".',
        extensions: bad('NOT_FOUND'),
      });
    });
  });

  describe('over HTTP: invalid global IDs and cursors', () => {
    it.for<BodyCase>([
      {
        name: 'node(id:) with garbage',
        body: () => ({ query: '{ node(id: "garbage") { id } }' }),
        expected: { status: 200, message: 'Invalid global ID: garbage', extensions: bad('BAD_USER_INPUT') },
      },
      {
        name: 'nodes(ids:) with garbage',
        body: () => ({ query: '{ nodes(ids: ["x"]) { id } }' }),
        expected: { status: 200, message: 'Invalid global ID: x', extensions: bad('BAD_USER_INPUT') },
      },
      {
        name: 'question(id:) with the ID of a doctor',
        body: () => ({ query: `{ question(id: "${gid('Doctor', 1)}") { id } }` }),
        expected: {
          status: 200,
          message: `"${gid('Doctor', 1)}" is the ID of a Doctor, not of a Question.`,
          extensions: bad('BAD_USER_INPUT', 'id'),
        },
      },
      {
        name: 'question(id:) with a non-numeric id',
        body: () => ({ query: `{ question(id: "${gid('Question', 'abc')}") { id } }` }),
        expected: {
          status: 200,
          message: `"${gid('Question', 'abc')}" is not a valid Question ID.`,
          extensions: bad('BAD_USER_INPUT', 'id'),
        },
      },
      {
        name: 'question(id:) with a huge id',
        body: () => ({ query: `{ question(id: "${gid('Question', '99999999999999999999')}") { id } }` }),
        expected: {
          status: 200,
          message: `"${gid('Question', '99999999999999999999')}" is not a valid Question ID.`,
          extensions: bad('BAD_USER_INPUT', 'id'),
        },
      },
      {
        name: 'question(id:) that does not exist',
        body: () => ({ query: `{ question(id: "${gid('Question', 999999)}") { id } }` }),
        expected: {
          status: 200,
          message: `No question with ID "${gid('Question', 999999)}".`,
          extensions: bad('NOT_FOUND'),
        },
      },
      {
        name: 'postAnswer to a garbage question ID',
        body: () => ({ query: POST_ANSWER, variables: { input: { questionId: 'not-an-id', body: 'An answer.' } } }),
        headers: ({ auth }) => auth.doctor,
        expected: {
          status: 200,
          message: '"not-an-id" is not a valid ID.',
          extensions: bad('BAD_USER_INPUT', 'questionId'),
        },
      },
      {
        name: 'postAnswer to the ID of an answer',
        body: () => ({
          query: POST_ANSWER,
          variables: { input: { questionId: gid('Answer', 1), body: 'An answer.' } },
        }),
        headers: ({ auth }) => auth.doctor,
        expected: {
          status: 200,
          message: `"${gid('Answer', 1)}" is the ID of an Answer, not of a Question.`,
          extensions: bad('BAD_USER_INPUT', 'questionId'),
        },
      },
      {
        name: 'a garbage cursor',
        body: () => ({ query: '{ questions(after: "garbage") { totalCount } }' }),
        expected: { status: 200, message: 'Invalid cursor: garbage', extensions: bad('BAD_USER_INPUT') },
      },
      {
        name: 'a cursor of another shape',
        body: () => ({
          query: `{ question(slug: "${DEMO_QUESTION_SLUG}") { answers(before: "${Buffer.from('OffsetConnection:3').toString('base64')}") { totalCount } } }`,
        }),
        expected: { status: 200, message: /^Invalid cursor/, extensions: bad('BAD_USER_INPUT') },
      },
    ])('$name', async ({ body, headers, expected }, { server, auth, questionId }) => {
      const context = { server, auth, questionId };
      expectError(await post(server.url, body(context), headers?.(context)), expected);
    });
  });

  itLeavesEverythingAsItWas();
});
