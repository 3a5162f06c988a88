import { encodeGlobalID } from '@pothos/plugin-relay';
import { expect, it } from 'vitest';
import { issueCredential } from '../../../src/auth/tokens';
import type { Db } from '../../../src/db/client';
import { DEMO_QUESTION_SLUG } from '../../../src/server';
import { send, type RawResponse } from '../../helpers/http';
import { TEST_LIMITS, type TestServer } from '../../helpers/server';
import { expectData, graphql } from '../../helpers/graphql';
import { questionIdOf, withFileServer } from '../../helpers/world';

/*
 * Bad input of every kind, over HTTP, WebSocket and SSE (the *.test.ts files beside this one). Each
 * gets a clear error; the server stays up; and afterwards the database is exactly as it was (every
 * table of the public schema, row for row): each file ends with that check, on its own server and
 * database. Cases that reach mutations carry valid credentials, so that they get past authorization
 * and into validation.
 *
 * setUpBadInput() gets the file's server (the world fixture); `server`, `doctor`, `staff` and
 * `questionId` are set before the first test (live bindings: read them inside tests and lazy case
 * functions only).
 */

export const INIT_TIMEOUT_MS = 300;
export let server: TestServer;
export let doctor: Record<string, string>;
export let staff: Record<string, string>;
export let questionId: string;
let before: Snapshot;

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

/** Has the file's server started with a short WebSocket init timeout; makes the credentials and takes the snapshot. */
export function setUpBadInput() {
  withFileServer(
    async (started) => {
      server = started;
      const [doctorRow] = await server.db.doctor.findMany({ where: { verified: true }, take: 1 });
      const staffRow = await server.db.staffMember.findFirstOrThrow();
      doctor = {
        authorization: `Bearer ${await issueCredential(server.db, { role: 'doctor', doctorId: doctorRow!.id })}`,
      };
      staff = {
        authorization: `Bearer ${await issueCredential(server.db, { role: 'staff', staffMemberId: staffRow.id })}`,
      };
      questionId = await questionIdOf(server, DEMO_QUESTION_SLUG);
      before = await snapshot(server.db);
      expect(Object.keys(before)).toEqual(
        expect.arrayContaining(['question', 'answer', 'answer_edit', 'asker', 'credential']),
      );
    },
    { limits: { ...TEST_LIMITS, websocket: { initTimeoutMs: INIT_TIMEOUT_MS } } },
  );
}

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
  it('leaves the server up and the database exactly as it was', async () => {
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
