import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, onTestFinished } from 'vitest';
import { REGISTRY_ENV } from '../setup/registry';
import { cleanupIfWeDie } from './redis-server';

/**
 * The one launcher of separate processes in tests (the server as `npm start` runs it, CLIs, the
 * bench's servers). Each process gets a process group of its own and is gone when the test ends,
 * whatever happens:
 * - started inside a test: killed (the whole group) when that test finishes, passed or failed;
 * - started in a hook: killed after the file's last test (test/setup/processes.ts);
 * - if the test worker itself dies, a watchdog kills the group (cleanupIfWeDie);
 * - every launch is written to the run's registry (test/setup/global.ts), whose teardown fails
 *   the run if any launched process is still alive.
 */

const root = new URL('../..', import.meta.url).pathname;

/**
 * Node's arguments for the server as `npm start` runs it: src/main.ts as src/scripts/start.mjs bundles
 * it (test/setup/global.ts builds it once per run), so that no TypeScript is compiled per launch.
 */
export const SERVER = ['--enable-source-maps', 'dist/main.js'];

/** One parsed JSON log line (pino): `msg`, `level`, `component` and whatever the line carries. */
export type LogEntry = Record<string, unknown>;

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface Launched {
  child: ChildProcess;
  pid: number;
  /** Every stdout line that is a JSON object (the server's log lines), in order. */
  logs: LogEntry[];
  /** Every stdout line (with `logFile`: stdout and stderr), read so far. */
  lines: string[];
  stdout(): string;
  stderr(): string;
  exited: Promise<Exit>;
  /** Resolves with what `find` finds in the output (now or later); rejects if the process exits first. */
  waitFor<T>(find: () => T | undefined, what: string, ms?: number): Promise<T>;
  /** Resolves with the first log line (past or future) that matches; rejects if the process exits first. */
  logLine(matches: (entry: LogEntry) => boolean, what: string, ms?: number): Promise<LogEntry>;
  /** SIGKILLs the whole process group, as a machine failure would. */
  crash(): void;
  /** SIGTERM, then SIGKILL to the group if it has not exited within `ms`; resolves with the exit. */
  stop(ms?: number): Promise<Exit>;
}

const live = new Set<Launched>();

function killGroup(pid: number, signal: NodeJS.Signals) {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

/** Starts `node <args>` in the repository (no npm, no tsx CLI: one process, cheap to start). */
export function launch(
  args: string[],
  env: Record<string, string | undefined> = {},
  /** `logFile`: stdout and stderr go to this file instead of pipes (no CPU spent reading them here). */
  { logFile }: { logFile?: string } = {},
): Launched {
  const output = logFile ? openSync(logFile, 'w') : 'pipe';
  const registry = process.env[REGISTRY_ENV];
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, ...env, ...(registry ? { [REGISTRY_ENV]: registry } : {}) },
    stdio: ['ignore', output, output],
    detached: true, // a process group of its own: killing the group takes any grandchild too
  });
  if (typeof output === 'number') closeSync(output);
  const pid = child.pid!;
  const entry = registry ? join(registry, String(pid)) : null;
  if (entry) writeFileSync(entry, args.join(' '));
  const cancelWatchdog = cleanupIfWeDie(`kill -9 -${pid} 2>/dev/null`);

  const logs: LogEntry[] = [];
  const lines: string[] = [];
  const waiting = new Set<() => void>();
  let stdout = '';
  let stderr = '';
  const take = (line: string) => {
    lines.push(line);
    if (line.startsWith('{')) {
      try {
        logs.push(JSON.parse(line));
      } catch {
        // not a log line
      }
    }
    for (const check of waiting) check();
  };
  if (logFile) {
    // Read on demand only (while someone waits for a line), every 50 ms.
    let read = 0;
    const poll = setInterval(() => {
      if (waiting.size === 0) return;
      const text = readFileSync(logFile, 'utf8');
      const complete = text.lastIndexOf('\n') + 1;
      for (const line of text.slice(read, complete).split('\n').slice(0, -1)) take(line);
      read = complete;
    }, 50);
    child.once('exit', () => clearInterval(poll));
  } else {
    child.stderr!.on('data', (chunk) => (stderr += chunk));
    child.stdout!.on('data', (chunk) => (stdout += chunk)); // exactly as written
    createInterface({ input: child.stdout! }).on('line', take);
  }
  let exit: Exit | null = null;
  // Anything the process left behind in its group goes with it (and lets its output close).
  child.once('exit', () => killGroup(pid, 'SIGKILL'));
  // 'close': exited, and all its output read, so `logs` is complete when `exited` resolves.
  const exited = new Promise<Exit>((resolve) =>
    child.once('close', (code, signal) => {
      exit = { code, signal };
      cancelWatchdog();
      if (entry) rmSync(entry, { force: true });
      live.delete(launched);
      for (const check of waiting) check();
      resolve(exit);
    }),
  );

  const launched: Launched = {
    child,
    pid,
    logs,
    lines,
    stdout: () => (logFile ? readFileSync(logFile, 'utf8') : stdout),
    stderr: () => stderr,
    exited,
    logLine(matches, what, ms) {
      return launched.waitFor(() => logs.find(matches), what, ms);
    },
    waitFor(find, what, ms = 60_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = find();
          if (found === undefined && !exit) return;
          waiting.delete(check);
          clearTimeout(timer);
          if (found !== undefined) resolve(found);
          else reject(new Error(`exited (${exit!.code ?? exit!.signal}) before ${what}:\n${stderr}`));
        };
        const timer = setTimeout(() => {
          waiting.delete(check);
          reject(new Error(`no ${what} within ${ms / 1000} s:\n${stderr}`));
        }, ms);
        waiting.add(check);
        queueMicrotask(check);
      });
    },
    crash: () => killGroup(pid, 'SIGKILL'),
    async stop(ms = 15_000) {
      if (exit) return exit;
      child.kill('SIGTERM');
      const timer = setTimeout(() => killGroup(pid, 'SIGKILL'), ms);
      try {
        return await exited;
      } finally {
        clearTimeout(timer);
      }
    },
  };
  live.add(launched);
  try {
    onTestFinished(() => killAndWait(launched)); // inside a test: gone when it ends
  } catch {
    // in a hook or outside vitest: killAllLaunched (after the file) and the watchdog cover it
  }
  return launched;
}

async function killAndWait(launched: Launched) {
  launched.crash();
  await launched.exited;
}

/** Kills every process this worker launched that is still running (after each test file). */
export async function killAllLaunched(): Promise<void> {
  await Promise.all([...live].map(killAndWait));
}

/** Registers killAllLaunched after the file's tests (test/setup/processes.ts, a vitest setup file). */
export const killLaunchedAfterAll = () => afterAll(killAllLaunched);

export interface ServerProcess extends Launched {
  port: number;
  url: string;
  /** Resident memory of the server process, in MiB (Linux /proc). */
  rssMiB(): number;
}

/** `src/main.ts` as `npm start` runs it, given `env` over the test's own, waiting for "ready:". */
export async function startServerProcess(env: Record<string, string | undefined>, ms = 60_000): Promise<ServerProcess> {
  const server = launch(SERVER, { PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env });
  let ready: LogEntry;
  try {
    ready = await server.logLine(
      (entry) => typeof entry.msg === 'string' && entry.msg.startsWith('ready:'),
      '"ready:"',
      ms,
    );
  } catch (error) {
    server.crash();
    throw error;
  }
  const port = ready.port as number;
  return Object.assign(server, {
    port,
    url: `http://127.0.0.1:${port}`,
    rssMiB: () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${server.pid}/status`, 'utf8'))![1]) / 1024,
  });
}
