import { encodeGlobalID } from '@pothos/plugin-relay';
import { fixtures } from '../helpers/fixtures';
import type { TestServer } from '../helpers/server';
import { expectData, graphql, sourceOf, type ResultOf } from '../helpers/graphql';
import { withFileServer } from '../helpers/world';
import { expectNothingWritten as nothingWritten, rowCounts as countRows } from '../helpers/writes';

/*
 * What the askQuestion / editQuestion tests (ask, asker-token, privacy .test.ts beside this one)
 * share: the file's server, fixtures, the documents, and the check that a refused mutation wrote
 * nothing. setUpQuestions() gets the file's server (the world fixture); `server` and `fx` are set
 * before the first test (live bindings: read them inside tests only).
 */

export let server: TestServer;
export let fx: ReturnType<typeof fixtures>;

/** The file's server, started before its first test and stopped after its last. */
export function setUpQuestions() {
  withFileServer((started) => {
    server = started;
    fx = fixtures(started.db);
  });
}

export const TOKEN = /^mqa_[A-Za-z0-9_-]{43}$/;
export const DEMO_TOPICS = ['cosmetic-procedures', 'dental-care', 'hair-treatments', 'scalp-micropigmentation'];

export const questionGid = (id: number) => encodeGlobalID('Question', id);
export const idOf = (globalId: string) => Number(Buffer.from(globalId, 'base64').toString().split(':')[1]);

export const rowCounts = () => countRows(server.db);

export const questionRows = () =>
  server.db.$queryRaw<Record<string, unknown>[]>`SELECT id, slug, title, body, asker_id FROM question ORDER BY id`;

/** Runs `run` and checks that no row was added anywhere and no question changed. */
export const expectNothingWritten = (run: () => Promise<void>) => nothingWritten(server.db, questionRows, run);

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
