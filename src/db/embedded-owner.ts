import { readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * Who serves a data folder. PostgreSQL's own lock file (`postmaster.pid`) guarantees that one
 * server at most runs on a folder and says where it listens; the owning Node process is passed
 * to PostgreSQL on its command line (`-c medqa.owner_pid=…`) and read back from /proc.
 */
export interface RunningServer {
  pid: number;
  port: number;
  /** `starting`, `ready`, `stopping`… (PostgreSQL's own word, line 8 of postmaster.pid). */
  status: string;
}

export const OWNER_SETTING = 'medqa.owner_pid';

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  // A zombie answers kill(0) but has exited: a PostgreSQL whose owner was killed is re-parented,
  // and where nothing reaps it (a container's init) it stays one.
  return !isZombie(pid);
}

function isZombie(pid: number): boolean {
  return /^\d+ \(.*\) Z /.test(readProc(pid, 'stat') ?? '');
}

function readProc(pid: number, file: string): string | null {
  try {
    return readFileSync(`/proc/${pid}/${file}`, 'utf8');
  } catch {
    return null;
  }
}

function commandLine(pid: number): string[] | null {
  return readProc(pid, 'cmdline')?.split('\0').filter(Boolean) ?? null;
}

/** The live PostgreSQL server of `dataDir`, if one runs (a stale lock file counts as none). */
export function runningServer(dataDir: string): RunningServer | null {
  let lines: string[];
  try {
    lines = readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n');
  } catch {
    return null;
  }
  const pid = Number(lines[0]);
  if (Number.isSafeInteger(pid) && pid > 0 && isZombie(pid)) {
    // PostgreSQL would take the zombie's pid for a live server and refuse the folder: the lock
    // file is stale, so it goes.
    rmSync(join(dataDir, 'postmaster.pid'), { force: true });
    return null;
  }
  if (!Number.isSafeInteger(pid) || pid <= 0 || !isAlive(pid)) return null;
  // After a reboot the recorded pid may belong to an unrelated process: only a postgres serving
  // this very folder counts (where /proc exists to tell).
  const argv = commandLine(pid);
  if (
    process.platform === 'linux' &&
    !(argv?.includes(resolve(dataDir)) && argv.some((a) => a.endsWith('/postgres')))
  ) {
    return null;
  }
  return { pid, port: Number(lines[3]), status: (lines[7] ?? '').trim() };
}

/**
 * The live Node process that started this PostgreSQL server, or null when that process is gone
 * (the server is then shutting down, or was left behind where no parent-death signal exists).
 * Where /proc does not exist, every running server counts as owned by itself.
 */
export function liveOwner(server: RunningServer): number | null {
  if (process.platform !== 'linux') return server.pid;
  const argv = commandLine(server.pid) ?? [];
  const setting = argv.find((arg) => arg.startsWith(`${OWNER_SETTING}=`));
  const owner = Number(setting?.slice(OWNER_SETTING.length + 1));
  // The owner is still its parent: pids are not reused while the owner lives.
  const parent = Number(/^\d+ \(.*\) \S (\d+)/.exec(readProc(server.pid, 'stat') ?? '')?.[1]);
  return Number.isSafeInteger(owner) && owner === parent && isAlive(owner) ? owner : null;
}

/** "node --import tsx src/main.ts" for a message naming a process. */
export function describeProcess(pid: number): string {
  const argv = commandLine(pid);
  return argv ? `process ${pid}: ${argv.join(' ').slice(0, 120)}` : `process ${pid}`;
}
