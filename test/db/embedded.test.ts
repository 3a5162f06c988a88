import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { joinEmbeddedPostgres } from '../../src/db/embedded';
import type { CliMain } from '../../src/scripts/cli';
import { main as credential } from '../../src/scripts/credential';
import { main as migrate } from '../../src/scripts/migrate';
import { main as seed } from '../../src/scripts/seed';
import { runCli } from '../helpers/cli';
import { bearer, post } from '../helpers/http';
import { launch, startServerProcess, type ServerProcess } from '../helpers/process';
import { logger } from '../helpers/server';
import { graphql } from '../helpers/graphql';

/**
 * The embedded default (no DATABASE_URL) as `npm start` runs it: a real PostgreSQL owned by the
 * server process, joined by the CLIs, one owner per data folder, durable across SIGKILL.
 */
const scratch = mkdtempSync(join(tmpdir(), 'medqa-embedded-db-'));
const dataDir = join(scratch, 'data');
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const env = {
  EMBEDDED_DATA_DIR: dataDir,
  DATABASE_URL: '', // empty means unset: the embedded default
  REDIS_URL: '',
  RATE_LIMIT_OPERATIONS_PER_MINUTE: '100000',
  RATE_LIMIT_ASK_QUESTION_PER_HOUR: '100000',
  RATE_LIMIT_POST_ANSWER_PER_HOUR: '100000',
};

const SLUG = 'is-scalp-micropigmentation-permanent';
const PAGE = graphql(`query EmbeddedQuestion($slug: String!) { question(slug: $slug) { id answerCount } }`);
const ASK = graphql(
  `mutation EmbeddedAskQuestion($input: AskQuestionInput!) { askQuestion(input: $input) { question { id } } }`,
);
const POST = graphql(
  `mutation EmbeddedPostAnswer($input: PostAnswerInput!) { postAnswer(input: $input) { answer { id } } }`,
);
const CSRF = { 'x-graphql-yoga-csrf': '1' };

const clis: Record<string, CliMain> = { credential, migrate, seed };

/** A CLI's main, called in this process as a person runs the CLI beside the server: its stdout, stderr and exit code. */
function cli(script: string, ...args: string[]) {
  return runCli(clis[script]!, args, { ...env, LOG_LEVEL: 'warn' });
}

/** Waits for a condition, polling; the bound is generous for a busy machine. */
async function until<T>(probe: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`condition not met in ${timeoutMs} ms (last: ${JSON.stringify(value)})`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

let server: ServerProcess;
let observer: pg.Client;
beforeAll(async () => {
  server = await startServerProcess(env, 180_000);
  // Joined exactly as the CLIs join the running server's database.
  const joined = await joinEmbeddedPostgres(dataDir, logger);
  expect(joined.owner).toBe(false);
  observer = new pg.Client(joined.url);
  await observer.connect();
}, 180_000);
afterAll(async () => {
  await observer?.end();
  if (server) expect(await server.stop()).toEqual({ code: 0, signal: null });
}, 60_000);

const ask = (url: string, i: number) =>
  post(
    url,
    {
      query: ASK,
      variables: { input: { title: `Embedded question ${i}?`, body: `The body of concurrent question ${i}.` } },
    },
    CSRF,
  );

describe('the embedded database behaves like a database server', () => {
  it('keeps answering after the pool has closed its idle connections', async () => {
    // The server's sessions as PostgreSQL sees them (the observer's own left out).
    const sessions = async () =>
      (
        await observer.query(
          `SELECT pid FROM pg_stat_activity WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()`,
        )
      ).rows.map((row) => row.pid as number);
    // Twenty different documents at once (no response-cache hit), the same SQL: several pool
    // connections, each with the same named statements prepared.
    const burst = (alias: string) =>
      Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          post(
            server.url,
            {
              query: `query($slug: String!) { ${alias}${i}: question(slug: $slug) { answerCount } }`,
              variables: { slug: SLUG },
            },
            CSRF,
          ),
        ),
      );
    const first = await burst('before');
    expect(first.map((r) => r.json)).toEqual(
      Array.from({ length: 20 }, (_, i) => ({ data: { [`before${i}`]: { answerCount: 5 } } })),
    );
    const used = await sessions();
    // The pool's own idle timeout closes them; the readiness probe may keep one open.
    await until(sessions, (now) => now.length <= 1 && now.filter((pid) => used.includes(pid)).length <= 1);
    // New connections prepare the same statements again.
    const second = await burst('after');
    expect(second.map((r) => r.json)).toEqual(
      Array.from({ length: 20 }, (_, i) => ({ data: { [`after${i}`]: { answerCount: 5 } } })),
    );
  }, 120_000);

  it('takes a credential minted by the CLI at once, and 50 concurrent requests with writes among them', async () => {
    const minted = await cli('credential', 'doctor', 'archit-aggarwal');
    expect(minted).toMatchObject({ code: 0, stderr: '' });
    const token = minted.stdout.trim();
    const page = await post(server.url, { query: PAGE, variables: { slug: SLUG } }, CSRF);
    const questionId = page.json!.data!.question!.id as string;
    const countBefore = page.json!.data!.question!.answerCount as number;

    const requests = Array.from({ length: 50 }, (_, i) => {
      if (i % 10 === 0)
        return post(
          server.url,
          { query: POST, variables: { input: { questionId, body: `Concurrent answer ${i}.` } } },
          { ...CSRF, ...bearer(token) },
        );
      if (i % 10 === 5) return ask(server.url, i);
      return post(server.url, { query: PAGE, variables: { slug: SLUG } }, CSRF);
    });
    const responses = await Promise.all(requests);
    expect(responses.filter((r) => r.status !== 200 || r.json?.errors)).toEqual([]);
    const after = await post(server.url, { query: PAGE, variables: { slug: SLUG } }, CSRF);
    expect(after.json!.data!.question!.answerCount).toBe(countBefore + 5);

    // Revoked through the CLI: refused by the server at once.
    expect(await cli('credential', 'revoke', token)).toMatchObject({ code: 0, stdout: '' });
    const refused = await post(
      server.url,
      { query: POST, variables: { input: { questionId, body: 'After revocation.' } } },
      { ...CSRF, ...bearer(token) },
    );
    expect(refused.json?.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  }, 120_000);

  it('migrates and seeds through the running server', async () => {
    expect(await cli('migrate')).toMatchObject({ code: 0 });
    expect(await cli('seed')).toMatchObject({ code: 0 });
    expect((await post(server.url, { query: PAGE, variables: { slug: SLUG } }, CSRF)).status).toBe(200);
  }, 120_000);

  it('refuses a second server on the same folder in one line naming the running one', async () => {
    const second = launch(['--import', 'tsx', 'src/main.ts'], {
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      ...env,
    });
    expect(await second.exited).toEqual({ code: 1, signal: null });
    const stderr = second.stderr();
    expect(stderr).toMatch(
      new RegExp(
        `^The embedded database in ${dataDir} is in use by process ${server.child.pid}: .+ \\(PostgreSQL on 127\\.0\\.0\\.1:\\d+\\): stop it, or set EMBEDDED_DATA_DIR to another folder\\.\\n$`,
      ),
    );
    // The first one still serves the same data.
    expect((await post(server.url, { query: PAGE, variables: { slug: SLUG } }, CSRF)).status).toBe(200);
  }, 120_000);
});
