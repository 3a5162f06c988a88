import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { graphql } from './helpers/graphql';
import { requestAt } from './helpers/http';
import { launch, SERVER } from './helpers/process';

const dataDir = mkdtempSync(join(tmpdir(), 'medqa-embedded-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** The process `npm start` runs, with no configuration but a free port and a scratch data folder. */
function start(extraEnv: Record<string, string> = {}) {
  const server = launch(SERVER, {
    DATABASE_URL: undefined,
    REDIS_URL: undefined,
    PORT: '0',
    EMBEDDED_DATA_DIR: dataDir,
    LOG_LEVEL: 'info',
    ...extraEnv,
  });
  const ready = server
    .logLine((entry) => String(entry.msg).startsWith('ready:'), '"ready:"', 120_000)
    .then((entry) => entry.port as number)
    .catch(async (error: Error) => {
      throw new Error(`exited with ${(await server.exited).code} before ready:\n${server.stderr()}`, { cause: error });
    });
  return { child: server.child, logs: server.logs, ready, stderr: server.stderr };
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

describe('npm start with no configuration', () => {
  it('runs on the embedded database with in-process pub/sub, serves the demo page, keeps data across restarts', async () => {
    const first = start();
    const port = await first.ready;
    expect(first.logs.find((l) => String(l.msg).startsWith('ready:'))).toMatchObject({
      database: `embedded PostgreSQL in ${dataDir}`,
      pubsub: 'in-process',
    });
    expect(first.logs.find((l) => l.component === 'seed-demo')).toMatchObject({ created: true });

    const response = await requestAt(
      `http://127.0.0.1:${port}`,
      graphql(
        `query EmbeddedPage { question(slug: "is-scalp-micropigmentation-permanent") { answerCount answers { edges { node { author { ... on Doctor { name } ... on StaffMember { name } } } } } } }`,
      ),
      {},
      { accept: '*/*' },
    );
    const data = response.body.data!;
    expect(data.question!.answerCount).toBe(5);
    expect(data.question!.answers.edges.map((e) => e.node.author.name)).toEqual([
      'Dr. Harish Kumar Kabilan',
      'Dr. Izharul Hasan',
      'Shweta Kumari',
      'Dr. Archit Aggarwal',
      'Dr. Raajshri Gupta',
    ]);

    first.child.kill('SIGTERM');
    expect(await exited(first.child)).toBe(0);
    expect(first.logs.at(-1)).toMatchObject({ msg: 'stopped' });

    // Second start: same data folder; migrations and demo page are already there.
    const second = start();
    await second.ready;
    expect(second.logs.find((l) => l.component === 'seed-demo')).toMatchObject({ created: false });
    expect(second.logs.find((l) => l.component === 'migrate' && 'applied' in l)).toMatchObject({ applied: 0 });
    second.child.kill('SIGTERM');
    expect(await exited(second.child)).toBe(0);
  }, 120_000);

  it('refuses to start on invalid configuration, naming the variable', async () => {
    const bad = start({ PORT: 'eighty', REDIS_URL: 'localhost:6379' });
    await expect(bad.ready).rejects.toThrow(/exited with 1/);
    expect(bad.stderr()).toContain('Invalid configuration:');
    expect(bad.stderr()).toContain('  - PORT: ');
    expect(bad.stderr()).toContain('  - REDIS_URL: must be a redis:// or rediss:// URL');
  }, 30_000);
});
