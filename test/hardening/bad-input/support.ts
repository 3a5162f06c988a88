import { encodeGlobalID } from '@pothos/plugin-relay';
import { expect } from 'vitest';
import { issueCredential } from '../../../src/auth/tokens';
import type { Db } from '../../../src/db/client';
import { DEMO_QUESTION_SLUG } from '../../../src/server';
import { bearer, send, type RawResponse } from '../../helpers/http';
import { TEST_LIMITS, type TestServer } from '../../helpers/server';
import { expectData, graphql } from '../../helpers/graphql';
import { questionIdOf, test } from '../../helpers/world';

/*
 * Bad input of every kind, over HTTP, WebSocket and SSE (the *.test.ts files beside this one). Each
 * gets a clear error; the server stays up; and afterwards the database is exactly as it was (every
 * table of the public schema, row for row): each file ends with that check, on its own server and
 * database. Cases that reach mutations carry valid credentials, so that they get past authorization
 * and into validation.
 *
 * `it` here is the world's (test/helpers/world.ts), with the file's server started with a short
 * WebSocket init timeout (`serverOptions`), and file-scoped fixtures of its own: `auth` (a doctor's and a staff
 * member's Authorization headers), `questionId` (the demo question's), and the database snapshot,
 * taken once the credentials exist and before the file's first test runs.
 */

export const INIT_TIMEOUT_MS = 300;

type Snapshot = Record<string, { rows: number; md5: string | null }>;

/** Every table of the public schema: its row count and a digest of its contents. */
async function snapshot(db: Db): Promise<Snapshot> {
  const tables = await db.$queryRaw<{ name: string }[]>`
    SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`;
  const result: Snapshot = {};
  for (const { name } of tables) {
    const [row] = await db.$queryRawUnsafe<{ rows: number; md5: string | null }[]>(
      `SELECT count(*)::int AS rows, md5(string_agg(t::text, '|' ORDER BY t::text)) AS md5 FROM "${name}" t`,
    );
    result[name] = row!;
  }
  return result;
}

/** The Authorization headers the cases that reach mutations carry. */
export interface Auth {
  doctor: Record<string, string>;
  staff: Record<string, string>;
}

/** What a lazy case gets: the test's fixtures. */
export interface BadInputContext {
  server: TestServer;
  auth: Auth;
  questionId: string;
}

/** The file's server options: each file sets them with `it.override({ serverOptions })` before its first test. */
export const serverOptions = { limits: { ...TEST_LIMITS, websocket: { initTimeoutMs: INIT_TIMEOUT_MS } } };

export const it = test.extend<{ auth: Auth; questionId: string; before: Snapshot }>({
  auth: [
    async ({ server }, use) => {
      const [doctorRow] = await server.db.doctor.findMany({ where: { verified: true }, take: 1 });
      const staffRow = await server.db.staffMember.findFirstOrThrow();
      await use({
        doctor: bearer(await issueCredential(server.db, { role: 'doctor', doctorId: doctorRow!.id })),
        staff: bearer(await issueCredential(server.db, { role: 'staff', staffMemberId: staffRow.id })),
      });
    },
    { scope: 'file' },
  ],
  questionId: [async ({ server }, use) => use(await questionIdOf(server, DEMO_QUESTION_SLUG)), { scope: 'file' }],
  // Auto, so taken before the file's first test whichever fixtures it names; it names `auth` and
  // `questionId` so that the credentials exist (and are in the snapshot) before it is taken.
  before: [
    async ({ server, auth: _auth, questionId: _questionId }, use) => {
      const before = await snapshot(server.db);
      expect(Object.keys(before)).toEqual(
        expect.arrayContaining(['question', 'answer', 'answer_edit', 'asker', 'credential']),
      );
      await use(before);
    },
    { scope: 'file', auto: true },
  ],
});

export const ASK = graphql(
  `mutation BadInputAskQuestion($input: AskQuestionInput!) { askQuestion(input: $input) { question { id } } }`,
);
export const POST_ANSWER = graphql(
  `mutation BadInputPostAnswer($input: PostAnswerInput!) { postAnswer(input: $input) { answer { id } } }`,
);
export const EDIT_QUESTION = graphql(
  `mutation BadInputEditQuestion($input: EditQuestionInput!) { editQuestion(input: $input) { question { id } } }`,
);
export const BY_SLUG = graphql(`query BadInputQuestion($s: String) { question(slug: $s) { id } }`);
export const goodQuestion = { title: 'Is this question well formed?', body: 'It is, apart from one field.' };

/** What a case expects: the HTTP status, and the first error's message (or pattern) and extensions. */
export interface Expected {
  status: number;
  message: string | RegExp;
  extensions?: Record<string, unknown>;
}

export function expectError(response: RawResponse, { status, message, extensions }: Expected) {
  expect(response.status).toBe(status);
  const error = response.json?.errors?.[0];
  expect(error, response.text).toBeDefined();
  if (typeof message === 'string') expect(error!.message).toBe(message);
  else expect(error!.message).toMatch(message);
  if (extensions) expect(error!.extensions).toEqual(extensions);
  // Nothing unexpected: no masked error, no stack.
  expect(response.text).not.toContain('INTERNAL_SERVER_ERROR');
  expect(response.text).not.toMatch(/\bat .*\.(ts|js):\d+/);
}

export const bad = (code: string, field?: string) => ({ code, ...(field ? { field } : {}) });
export const gid = (type: string, id: string | number) => encodeGlobalID(type, id);

/** The last test of each file: the server is up, and its database is as it was before the file's cases. */
export function itLeavesEverythingAsItWas() {
  it('leaves the server up and the database exactly as it was', async ({ server, before }) => {
    expect((await send(server.url, { path: '/healthz' })).status).toBe(200);
    const data = expectData(
      await server.request(
        graphql(
          `query BadInputUnchanged($slug: String!) { question(slug: $slug) { title answers(first: 20) { totalCount } } }`,
        ),
        { slug: DEMO_QUESTION_SLUG },
      ),
    );
    expect(data.question).toEqual({ title: 'Is scalp micropigmentation permanent?', answers: { totalCount: 5 } });
    expect(await snapshot(server.db)).toEqual(before);
  });
}
