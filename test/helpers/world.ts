import { test as base } from 'vitest';
import { issueCredential } from '../../src/auth/tokens';
import { fixtures } from './fixtures';
import { expectData, graphql } from './graphql';
import { bearer } from './http';
import { startTestServer, type TestServer, type TestServerOptions } from './server';

const QUESTION_ID = graphql(`query WorldQuestionId($slug: String!) { question(slug: $slug) { id } }`);
const ASK = graphql(
  `mutation WorldAsk($input: AskQuestionInput!) { askQuestion(input: $input) { askerToken question { id slug title } } }`,
);
const POST_ANSWER = graphql(
  `mutation WorldPostAnswer($input: PostAnswerInput!) { postAnswer(input: $input) { answer { id body } } }`,
);

/** The global ID of the question with this slug, looked up through the API (fails if there is none). */
export async function questionIdOf(server: Pick<TestServer, 'request'>, slug: string): Promise<string> {
  const { question } = expectData(await server.request(QUESTION_ID, { slug }));
  if (!question) throw new Error(`no question ${slug}`);
  return question.id;
}

/** A verified doctor (with a specialty) and a bearer token of theirs. */
export interface WorldDoctor {
  id: number;
  name: string;
  token: string;
  /** The Authorization header of the token. */
  headers: Record<string, string>;
}

/** A question asked anonymously through the API, with the asker's token. */
export interface WorldQuestion {
  id: string;
  slug: string;
  title: string;
  askerToken: string;
}

/** An answer posted through the API by the `doctor` fixture to the `question` fixture. */
export interface WorldAnswer {
  id: string;
  body: string;
}

let n = 0;
const unique = (what: string) => `${what} ${process.pid}-${++n}`;

/** Makes a doctor (database row, as an admin would) and issues their credential. */
export async function newDoctor(server: TestServer, name = unique('Dr.')): Promise<WorldDoctor> {
  const make = fixtures(server.db);
  const specialty = await make.specialty(`${name}'s specialty`);
  const doctor = await make.doctor({ name, specialtyId: specialty.id });
  const token = await issueCredential(server.db, { role: 'doctor', doctorId: doctor.id });
  return { id: doctor.id, name, token, headers: bearer(token) };
}

/** Asks a question through the API, anonymously. */
export async function askQuestion(server: TestServer, title = unique('Is this a question')): Promise<WorldQuestion> {
  const { askQuestion } = expectData(
    await server.request(ASK, { input: { title, body: `${title}? Asked by a test.` } }),
  );
  return { ...askQuestion.question, askerToken: askQuestion.askerToken };
}

/** Posts an answer through the API as `doctor`. */
export async function postAnswer(
  server: TestServer,
  doctor: WorldDoctor,
  questionId: string,
  body = unique('An answer'),
): Promise<WorldAnswer> {
  const data = expectData(await server.request(POST_ANSWER, { input: { questionId, body } }, doctor.headers));
  return data.postAnswer.answer;
}

export interface World {
  /**
   * How the file's server is started: the defaults unless the file says otherwise, before its
   * first test, with `test.override({ serverOptions: { … } })`.
   */
  serverOptions: TestServerOptions;
  /** A server of the test file's own (on its own database, with the demo page), stopped after the file. */
  server: TestServer;
  /** A fresh doctor with a token, per test. */
  doctor: WorldDoctor;
  /** A fresh question, asked through the API, per test. */
  question: WorldQuestion;
  /** An answer by `doctor` to `question`, posted through the API, per test. */
  answer: WorldAnswer;
}

/**
 * `it`/`test` with the world built on demand: `server` once per file; `doctor`, `question` and
 * `answer` per test that names them (an answer implies its doctor and question):
 *
 *   it('…', async ({ server, doctor, question }) => { … })
 */
export const test = base.extend<World>({
  serverOptions: [{}, { scope: 'file' }],
  server: [
    async ({ serverOptions }, use) => {
      const server = await startTestServer(serverOptions);
      try {
        await use(server);
      } finally {
        await server.stop();
      }
    },
    { scope: 'file' },
  ],
  doctor: async ({ server }, use) => use(await newDoctor(server)),
  question: async ({ server }, use) => use(await askQuestion(server)),
  answer: async ({ server, doctor, question }, use) => use(await postAnswer(server, doctor, question.id)),
});

export const it = test;
