import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { post } from '../helpers/http';
import { startServerProcess, type ServerProcess } from '../helpers/process';
import { graphql } from '../helpers/graphql';

/** SIGKILL of the server in the middle of a stream of writes loses none that were acknowledged. */
const scratch = mkdtempSync(join(tmpdir(), 'medqa-embedded-kill-'));
const env = {
  EMBEDDED_DATA_DIR: join(scratch, 'data'),
  DATABASE_URL: '',
  REDIS_URL: '',
  SEED_DEMO: 'false',
  RATE_LIMIT_OPERATIONS_PER_MINUTE: '100000',
  RATE_LIMIT_ASK_QUESTION_PER_HOUR: '100000',
};
const CSRF = { 'x-graphql-yoga-csrf': '1' };
const ASK = graphql(
  `mutation EmbeddedDurabilityAskQuestion($input: AskQuestionInput!) { askQuestion(input: $input) { question { id } } }`,
);
let running: ServerProcess | null = null;
afterAll(async () => {
  await running?.stop();
  rmSync(scratch, { recursive: true, force: true });
}, 60_000);

/**
 * Asks questions one after another (two streams at once) until the server dies; returns the ids
 * whose creation was acknowledged. `onAck` sees the count as it grows.
 */
async function writeUntilKilled(
  server: ServerProcess,
  round: number,
  onAck: (count: number) => void,
): Promise<string[]> {
  const acknowledged: string[] = [];
  const stream = async (lane: number) => {
    for (let i = 0; ; i++) {
      const variables = { input: { title: `Round ${round} lane ${lane} question ${i}?`, body: 'Durability check.' } };
      let id: string;
      try {
        const response = await post(server.url, { query: ASK, variables }, CSRF);
        id = response.json!.data!.askQuestion.question.id;
      } catch {
        return; // the server is gone: this write was never acknowledged
      }
      acknowledged.push(id);
      onAck(acknowledged.length);
    }
  };
  await Promise.all([stream(1), stream(2)]);
  return acknowledged;
}

const NODES = graphql(`query EmbeddedDurabilityNodes($ids: [ID!]!) { nodes(ids: $ids) { id } }`);

/** The ids of those questions that exist, asked 100 at a time (the `nodes` bound). */
async function present(url: string, ids: string[]): Promise<(string | null)[]> {
  const found: (string | null)[] = [];
  for (let i = 0; i < ids.length; i += 100) {
    const variables = { ids: ids.slice(i, i + 100) };
    const response = await post(url, { query: NODES, variables }, CSRF);
    found.push(...response.json!.data!.nodes.map((node) => node?.id ?? null));
  }
  return found;
}

it('keeps every acknowledged write through SIGKILL, round after round, and reopens cleanly', async () => {
  const all: string[] = [];
  for (let round = 1; round <= 3; round++) {
    const server = await startServerProcess(env, 180_000);
    running = server;
    // Every write acknowledged in earlier rounds is there after the restart.
    expect(await present(server.url, all)).toEqual(all);

    const killed = new Promise<void>((resolve) => server.child.once('exit', () => resolve()));
    const acked = await writeUntilKilled(server, round, (count) => {
      // The server alone (not its process group): PostgreSQL must notice its owner is gone.
      if (count === 40) server.child.kill('SIGKILL'); // with writes in flight on both streams
    });
    await killed;
    running = null;
    expect(acked.length).toBeGreaterThanOrEqual(40);
    all.push(...acked);
  }
  const last = await startServerProcess(env, 180_000);
  running = last;
  expect(await present(last.url, all)).toEqual(all);
  expect(await last.stop()).toEqual({ code: 0, signal: null });
  running = null;
}, 300_000);
