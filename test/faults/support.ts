import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { issueCredential } from '../../src/auth/tokens';
import type { Db } from '../../src/db/client';
import { cleanupIfWeDie } from '../helpers/redis-server';

// What the fault tests that run real server processes share (not a test file itself).

const root = new URL('../..', import.meta.url).pathname;

export interface ServerProcess {
  child: ChildProcess;
  port: number;
  url: string;
  /** Every JSON log line so far. */
  logs: Record<string, any>[];
  stderr(): string;
  /** Resolves with the exit code (null when killed by a signal) and the signal. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGKILLs the whole instance: tsx and the node process it runs the server in. */
  crash(): void;
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals) {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    // already gone
  }
}

/**
 * `tsx src/main.ts` as `npm start` runs it, on any free port (the port is read from the
 * "ready:" log line). In a process group of its own, so that `crash()` kills tsx and the
 * server process it spawns together, as a machine failure would.
 */
export function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const { DATABASE_URL, REDIS_URL, ...inherited } = process.env;
  const child = spawn(join(root, 'node_modules/.bin/tsx'), ['src/main.ts'], {
    cwd: root,
    env: { ...inherited, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', SEED_DEMO: 'false', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  // If the test process dies first, the whole instance goes with it.
  const cancelCleanup = cleanupIfWeDie(`kill -9 -${child.pid} 2>/dev/null`);
  const logs: Record<string, any>[] = [];
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => {
      cancelCleanup();
      resolve({ code, signal });
    }),
  );
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      killGroup(child, 'SIGKILL');
      reject(new Error(`no "ready:" within 30 s:\n${stderr}`));
    }, 30_000);
    createInterface({ input: child.stdout! }).on('line', (line) => {
      let entry: Record<string, any>;
      try {
        entry = JSON.parse(line);
      } catch {
        return; // not a log line
      }
      logs.push(entry);
      if (typeof entry.msg === 'string' && entry.msg.startsWith('ready:')) {
        clearTimeout(timer);
        const port = entry.port as number;
        resolve({
          child,
          port,
          url: `http://127.0.0.1:${port}`,
          logs,
          stderr: () => stderr,
          exited,
          crash: () => killGroup(child, 'SIGKILL'),
        });
      }
    });
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`exited (${code ?? signal}) before ready:\n${stderr}`));
    });
  });
}

export async function graphql(url: string, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as { data?: any; errors?: any[] } };
}

/**
 * Bearer tokens of one doctor, a new credential every `perCredential` uses: fault tests post
 * more answers than one credential may in an hour (RATE_LIMIT_POST_ANSWER_PER_HOUR), and what
 * they test is delivery, not the limit.
 */
export function doctorTokens(db: Db, doctorId: number, perCredential = 20) {
  let current: Promise<string> | null = null;
  let uses = 0;
  return async (): Promise<string> => {
    if (!current || uses >= perCredential) {
      current = issueCredential(db, { role: 'doctor', doctorId });
      uses = 0;
    }
    uses++;
    return current;
  };
}
