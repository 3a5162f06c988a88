import { encodeGlobalID } from '@pothos/plugin-relay';
import type { TestServer } from '../helpers/server';
import { expectData, graphql, sourceOf, type ResultOf } from '../helpers/graphql';
import { expectNothingWritten as nothingWritten, rowCounts as countRows } from '../helpers/writes';

/*
 * What the askQuestion / editQuestion tests (ask, asker-token, privacy .test.ts beside this one)
 * share: the documents, their helpers and the check that a refused mutation wrote nothing. The
 * file's server is the world fixture's (test/helpers/world.ts): tests take it as a parameter and
 * hand it to the helpers here.
 */

export const TOKEN = /^mqa_[A-Za-z0-9_-]{43}$/;
export const DEMO_TOPICS = ['cosmetic-procedures', 'dental-care', 'hair-treatments', 'scalp-micropigmentation'];

export const questionGid = (id: number) => encodeGlobalID('Question', id);
export const idOf = (globalId: string) => Number(Buffer.from(globalId, 'base64').toString().split(':')[1]);

export const rowCounts = (server: TestServer) => countRows(server.db);

export const questionRows = (server: TestServer) =>
  server.db.$queryRaw<Record<string, unknown>[]>`SELECT id, slug, title, body, asker_id FROM question ORDER BY id`;

/** Runs `run` and checks that no row was added anywhere and no question changed. */
export const expectNothingWritten = (server: TestServer, run: () => Promise<void>) =>
  nothingWritten(server.db, () => questionRows(server), run);

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
export const ask = (server: TestServer, input: Record<string, unknown>, headers: Record<string, string> = {}) =>
  server.request<ResultOf<typeof ASK>>(sourceOf(ASK), { input }, headers);
export const editQuestion = (server: TestServer, input: Record<string, unknown>, headers: Record<string, string>) =>
  server.request<ResultOf<typeof EDIT_QUESTION>>(sourceOf(EDIT_QUESTION), { input }, headers);

/** Asks a question anonymously; returns its row id, global id and the asker token. */
export async function asked(server: TestServer, title: string) {
  const response = expectData(await ask(server, { title, body: `${title} Some more details here.` }));
  const { question, askerToken } = response.askQuestion;
  return {
    id: idOf(question.id),
    gid: question.id as string,
    token: askerToken as string,
    slug: question.slug as string,
  };
}
