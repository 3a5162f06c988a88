import { encodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, expect } from 'vitest';
import { fixtures } from '../helpers/fixtures';
import { startTestServer, type TestServer } from '../helpers/server';
import { expectData, graphql, sourceOf, type ResultOf } from '../helpers/graphql';

/*
 * What the askQuestion / editQuestion tests (ask, asker-token, privacy .test.ts beside this one)
 * share: the file's server, fixtures, the documents, and the check that a refused mutation wrote
 * nothing. setUpQuestions() starts the file's server; `server` and `fx` are set in its beforeAll
 * (live bindings: read them inside tests only).
 */

export let server: TestServer;
export let fx: ReturnType<typeof fixtures>;

/** Starts the file's server, stopped after the file. */
export function setUpQuestions() {
  beforeAll(async () => {
    server = await startTestServer();
    fx = fixtures(server.db);
  });
  afterAll(() => server?.stop());
}

export const TOKEN = /^mqa_[A-Za-z0-9_-]{43}$/;
export const DEMO_TOPICS = ['cosmetic-procedures', 'dental-care', 'hair-treatments', 'scalp-micropigmentation'];

export const questionGid = (id: number) => encodeGlobalID('Question', id);
export const idOf = (globalId: string) => Number(Buffer.from(globalId, 'base64').toString().split(':')[1]);

export async function rowCounts() {
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

export const questionRows = () =>
  server.db.$queryRaw<Record<string, unknown>[]>`SELECT id, slug, title, body, asker_id FROM question ORDER BY id`;

/** Runs `run` and checks that no row was added anywhere and no question changed. */
export async function expectNothingWritten(run: () => Promise<void>) {
  const counts = await rowCounts();
  const questions = await questionRows();
  await run();
  expect(await rowCounts()).toEqual(counts);
  expect(await questionRows()).toEqual(questions);
}

export const ASK = graphql(`
  mutation Ask($input: AskQuestionInput!) {
    askQuestion(input: $input) {
      askerToken
      question { id title body slug askedAt askedAnonymously topics { slug } answerCount lastAnsweredAt answers { totalCount } }
    }
  }
`);

export const EDIT_QUESTION = graphql(`
  mutation EditQuestion($input: EditQuestionInput!) {
    editQuestion(input: $input) { question { id title body slug } }
  }
`);

// Any input, as sent: many cases below send bad ones on purpose. The result is typed.
export const ask = (input: Record<string, unknown>, headers: Record<string, string> = {}) =>
  server.request<ResultOf<typeof ASK>>(sourceOf(ASK), { input }, headers);
export const editQuestion = (input: Record<string, unknown>, headers: Record<string, string>) =>
  server.request<ResultOf<typeof EDIT_QUESTION>>(sourceOf(EDIT_QUESTION), { input }, headers);

/** Asks a question anonymously; returns its row id, global id and the asker token. */
export async function asked(title: string) {
  const response = expectData(await ask({ title, body: `${title} Some more details here.` }));
  const { question, askerToken } = response.askQuestion;
  return {
    id: idOf(question.id),
    gid: question.id as string,
    token: askerToken as string,
    slug: question.slug as string,
  };
}
