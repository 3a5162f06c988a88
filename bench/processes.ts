/**
 * Server processes for the bench: the API (src/main.ts, as `npm start` runs it, via bench/api.ts) and the floor
 * (bench/floor.ts), each in its own Node process, with its CPU time and memory read from /proc.
 *
 * Started by the tests' launcher (test/helpers/process.ts), with stdout in a file instead of a pipe: the API
 * logs one line per request, and reading those lines here would cost CPU on the cores the
 * servers are being measured on. The ready line is found in the file, and a server's warnings
 * and errors are copied to stderr when it stops. The files are removed after a successful run.
 */
import { execFileSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch } from '../test/helpers/process';
import { root } from './config';
import type { GraphQLRequest, PageRequest } from './operations';
import { toPeer } from './peer';

const CLOCK_TICKS = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
const logDir = mkdtempSync(join(tmpdir(), 'medqa-bench-'));
let started = 0;

/** Where the servers' logs are, for a failed run; `removeLogs()` after a successful one. */
export const logDirectory = logDir;
/** BENCH_KEEP_LOGS=1 keeps them after a successful run too (e.g. to read why sockets closed). */
export const removeLogs = () => {
  if (process.env.BENCH_KEEP_LOGS) process.stderr.write(`server logs kept: ${logDir}\n`);
  else rmSync(logDir, { recursive: true, force: true });
};

/** Lines of level warn (40) and above in a pino log; the floor's stderr lines as they are. */
function reportProblems(name: string, logFile: string): void {
  const lines = readFileSync(logFile, 'utf8').split('\n');
  const problems = lines.filter(
    (l) => /"level":(4|5|6)\d/.test(l) || (l && !l.startsWith('{') && !l.startsWith('ready port=')),
  );
  for (const line of problems.slice(0, 5)) process.stderr.write(`[${name}] ${line.slice(0, 500)}\n`);
  if (problems.length > 5) process.stderr.write(`[${name}] … ${problems.length - 5} more in ${logFile}\n`);
}

export interface MemoryProbe {
  rss: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
}

export interface ServerProcess {
  name: string;
  child: ChildProcess;
  pid: number;
  port: number;
  url: string;
  logFile: string;
  /** User + system CPU time of the process so far, in ms (/proc/<pid>/stat; CLK_TCK resolution). */
  cpuMs(): number;
  rssBytes(): number;
  /** The request body this server is sent for a page (the peer speaks its own schema). */
  translate?: (request: PageRequest) => GraphQLRequest;
  /** With `probe: true` only: forces two full GCs in the process, then reads process.memoryUsage(). */
  probeMemory(): Promise<MemoryProbe>;
  stop(): Promise<number | null>;
}

export function cpuMsOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces): state is field 3, utime 14, stime 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
}

/** CPU ms used on this machine so far, all cores and processes (/proc/stat: user + nice + system + irq + softirq). */
export function machineBusyMs(): number {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const [user, nice, system, , , irq, softirq] = fields as number[];
  return ((user! + nice! + system! + irq! + softirq!) * 1000) / CLOCK_TICKS;
}

/** CPU ms so far of each process whose command name is `comm` and whose command line includes `needle`. */
export function cpuByPid(comm: string, needle = ''): Map<number, number> {
  const found = new Map<number, number>();
  for (const entry of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() !== comm) continue;
      if (needle && !readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(needle)) continue;
      found.set(Number(entry), cpuMsOf(Number(entry)));
    } catch {
      // gone meanwhile
    }
  }
  return found;
}

/**
 * CPU used between two `cpuByPid` readings: each process's growth (a process that started
 * meanwhile counts in full; one that ended meanwhile, e.g. an idle pooled connection, is left out).
 * null when there was no such process.
 */
export function cpuGrowth(before: Map<number, number>, after: Map<number, number>): number | null {
  if (before.size === 0 && after.size === 0) return null;
  let total = 0;
  for (const [pid, ms] of after) total += ms - (before.get(pid) ?? 0);
  return total;
}

/**
 * The Node flags `npm start` runs the server with (package.json's start script, e.g. the young
 * generation's size), so that the bench's API runs as it does in production; for a BENCH_BASELINE
 * checkout, that checkout's own.
 */
function startNodeFlags(checkout: string): string[] {
  const start = JSON.parse(readFileSync(join(checkout, 'package.json'), 'utf8')).scripts.start as string;
  return (/^node\s+(.*?)\s*\S*start\.mjs/.exec(start)?.[1] ?? '').split(/\s+/).filter(Boolean);
}

interface StartOptions {
  name: string;
  script: string;
  env: Record<string, string>;
  /** Preloads bench/probe.ts: SIGUSR2 makes the process GC and write its memory use to a file. */
  probe?: boolean;
}

async function startProcess({ name, script, env, probe = false }: StartOptions): Promise<ServerProcess> {
  const id = ++started;
  const logFile = join(logDir, `${id}-${name}.log`);
  const probeFile = join(logDir, `${id}-${name}.memory.json`);
  // e.g. BENCH_API_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof' profiles the API (not a BENCH_BASELINE one).
  const extra = [
    ...(script.endsWith('bench/api.ts')
      ? startNodeFlags(script === 'bench/api.ts' ? root : join(script, '../..'))
      : []),
    ...(script === 'bench/api.ts' ? (process.env.BENCH_API_NODE_ARGS?.split(' ').filter(Boolean) ?? []) : []),
  ];
  const args = [...extra, '--import', 'tsx'];
  if (probe) args.push('--expose-gc', '--import', './bench/probe.ts');
  // The tests' launcher: a process group of its own, killed with the bench if the bench dies.
  const server = launch(
    [...args, script],
    { PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', BENCH_PROBE_FILE: probeFile, ...env },
    { logFile },
  );
  const { child } = server;
  let exitCode: number | null | undefined;
  const exited = server.exited.then(({ code }) => {
    exitCode = code;
    reportProblems(name, logFile);
    return code;
  });
  // The API logs `"msg":"ready: http://…"` with `"port":N`; the floor prints `ready port=N`.
  const readyPort = (line: string) =>
    line.includes('"ready: ')
      ? (JSON.parse(line).port as number)
      : line.startsWith('ready port=')
        ? Number(line.slice(11))
        : 0;
  const port = await server
    .waitFor(() => server.lines.map(readyPort).find(Boolean), `${name} ready`, 60_000)
    .catch((error: Error) => {
      server.crash();
      throw new Error(`${error.message}\n${readFileSync(logFile, 'utf8')}`);
    });

  const pid = child.pid!;
  return {
    name,
    child,
    pid,
    port,
    url: `http://127.0.0.1:${port}`,
    logFile,
    cpuMs: () => cpuMsOf(pid),
    rssBytes: () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) * 1024,
    async probeMemory() {
      if (!probe) throw new Error(`${name} was started without the memory probe`);
      const before = existsSync(probeFile) ? readFileSync(probeFile, 'utf8') : '';
      child.kill('SIGUSR2');
      const until = Date.now() + 10_000;
      for (;;) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        const text = existsSync(probeFile) ? readFileSync(probeFile, 'utf8') : '';
        if (text && text !== before) return JSON.parse(text) as MemoryProbe & { at: number };
        if (Date.now() > until) throw new Error(`${name}: no memory probe answer`);
      }
    },
    stop() {
      if (exitCode !== undefined) return Promise.resolve(exitCode);
      return server.stop(15_000).then(() => exited);
    },
  };
}

export const startApi = (
  name: string,
  env: Record<string, string>,
  probe = false,
  /** Another checkout of the project to run instead of this one (BENCH_BASELINE). */
  checkout?: string,
) => startProcess({ name, script: checkout ? join(checkout, 'bench/api.ts') : 'bench/api.ts', env, probe });

export const startFloor = (name: string, env: Record<string, string>, probe = false) =>
  startProcess({ name, script: 'bench/floor.ts', env, probe });

/** PostGraphile 5 (bench/peer.ts installs it and prepares the database first). */
export const startPeer = async (name: string, env: Record<string, string>) => ({
  ...(await startProcess({ name, script: 'bench/peer/server.mjs', env: { GRAPHILE_ENV: 'production', ...env } })),
  translate: toPeer,
});
