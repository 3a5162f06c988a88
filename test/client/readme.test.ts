import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { formatPrismaCursor } from '@pothos/plugin-prisma';
import { parse, validate } from 'graphql';
import { describe, expect } from 'vitest';
import { issueCredential } from '../../src/auth/tokens';
import { QuestionPageDocument } from '../../src/client/generated/graphql';
import { schema } from '../../src/schema';
import { bearer } from '../helpers/http';
import { eventually } from '../helpers/live';
import { cleanupIfWeDie } from '../helpers/redis-server';
import { expectData } from '../helpers/graphql';
import { it } from '../helpers/world';
import type { TestServer } from '../helpers/server';

// The README's client snippets, run as written against a live server: the blocks marked with
// `<!-- readme-snippet: KIND -->` in its source (KIND: tsx, a program run with tsx from the
// repository root; sh, a shell command; output, what the tsx program prints). The one change
// is the port: the README says 4000, the test server listens on a free one.

const root = new URL('../..', import.meta.url).pathname;
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const snippets = [...readme.matchAll(/<!-- readme-snippet: (\w+) -->\n```\w*\n([\s\S]*?)```/g)].map((match) => ({
  kind: match[1]!,
  code: match[2]!,
}));
const snippet = (kind: string) => snippets.find((s) => s.kind === kind)!.code;
const graphqlBlocks = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((match) => match[1]!);

interface Running {
  child: ChildProcess;
  lines: string[];
  stderr(): string;
  stop(): Promise<void>;
}

/** A command in a process group of its own, so that stopping it stops what it started (tsx's node). */
function run(command: string, args: string[]): Running {
  const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const cancelCleanup = cleanupIfWeDie(`kill -9 -${child.pid} 2>/dev/null`);
  const lines: string[] = [];
  let stderr = '';
  createInterface({ input: child.stdout! }).on('line', (line) => lines.push(line));
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    child,
    lines,
    stderr: () => stderr,
    stop: async () => {
      try {
        process.kill(-child.pid!, 'SIGTERM');
      } catch {
        // already gone
      }
      await exited;
      cancelCleanup();
    },
  };
}

const onOurPort = (server: TestServer, code: string) => code.replaceAll('localhost:4000', new URL(server.url).host);

describe('the README', () => {
  it('marks its client snippets: one program, its output, one curl command; no other JS or TS block', () => {
    expect(snippets.map((s) => s.kind)).toEqual(['tsx', 'output', 'sh']);
    const codeBlocks = [...readme.matchAll(/```(js|ts|javascript|typescript)\n/g)];
    expect(codeBlocks).toHaveLength(1);
  });

  it('has GraphQL blocks that are all valid against the schema', () => {
    expect(graphqlBlocks.length).toBeGreaterThanOrEqual(8);
    for (const block of graphqlBlocks) {
      expect({ block, errors: validate(schema, parse(block)).map((error) => error.message) }).toEqual({
        block,
        errors: [],
      });
    }
  });

  it('runs its one-line curl examples as written: each answers 200 with data and no errors', async ({ server }) => {
    const commands = [...readme.matchAll(/`(curl '[^`]*')`/g)].map((match) => match[1]!);
    expect(commands.length).toBeGreaterThanOrEqual(1);
    for (const command of commands) {
      const curl = run('sh', ['-c', `${onOurPort(server, command)} -s -w '\\n%{http_code}'`]);
      await new Promise((resolve) => curl.child.once('close', resolve));
      const [body, status] = curl.lines;
      expect({ command, status }).toEqual({ command, status: '200' });
      expect(JSON.parse(body!)).toEqual({ data: expect.any(Object) });
      await curl.stop();
    }
  });

  it("runs the follow program and the curl command as written: the page, then the README's answer once", async ({
    server,
  }) => {
    const page = await server.request(QuestionPageDocument, { slug: 'is-scalp-micropigmentation-permanent' });
    const questionId = page.data!.question!.id;
    expect(questionId).toBe('UXVlc3Rpb246MQ=='); // the id the curl command names
    const doctor = await server.db.doctor.findUniqueOrThrow({ where: { slug: 'harish-kumar-kabilan' } });
    const token = await issueCredential(server.db, { role: 'doctor', doctorId: doctor.id });

    const file = join(root, `.readme-snippet-${process.pid}.ts`);
    await writeFile(file, onOurPort(server, snippet('tsx')));
    const expected = snippet('output').trimEnd().split('\n');
    const follow = run(join(root, 'node_modules/.bin/tsx'), [file]);
    const curl = run('sh', ['-c', onOurPort(server, snippet('sh'))]);
    try {
      await eventually(() => follow.lines.length >= 1, 30_000, `the page line (stderr: ${follow.stderr()})`);
      // Both subscriptions listening: the curl one starts from now.
      await eventually(() => server.pubSub.listenerCount() === 2, 30_000, 'two listeners');

      // The README's postAnswer mutation, as written.
      const mutation = graphqlBlocks.find((block) => block.includes('postAnswer('))!;
      const posted = expectData(
        await server.request<{ postAnswer: { answer: { id: string } } }>(mutation, { questionId }, bearer(token)),
      );
      const answerId = Number(Buffer.from(posted.postAnswer.answer.id, 'base64').toString().split(':')[1]);

      await eventually(() => follow.lines.length >= expected.length, 30_000, 'the new answer from the program');
      const data = () => curl.lines.filter((line) => line.startsWith('data:'));
      await eventually(() => data().length >= 1, 30_000, 'the new answer from curl');

      // A sentinel answer: once both have it, nothing else came before it.
      await server.request(
        mutation.replace('Yes, this telogen', 'Sentinel: this telogen'),
        { questionId },
        bearer(token),
      );
      await eventually(() => follow.lines.length > expected.length && data().length > 1, 30_000, 'the sentinel');

      expect(follow.lines.slice(0, expected.length)).toEqual(expected);
      expect(follow.lines.slice(expected.length)).toEqual([
        'new answer by Dr. Harish Kumar Kabilan: Sentinel: this telogen effluvium usually recovers in 6 months.',
      ]);
      expect(follow.stderr()).toBe('');
      expect(JSON.parse(data()[0]!.slice('data:'.length))).toEqual({
        data: {
          answerAdded: {
            cursor: formatPrismaCursor({ id: answerId }, 'id'),
            node: { body: 'Yes, this telogen effluvium usually recovers in 6 months.' },
          },
        },
      });
      expect(data()).toHaveLength(2);
    } finally {
      await Promise.all([follow.stop(), curl.stop()]);
      await unlink(file);
    }
  }, 120_000);
});
