import { execFileSync, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { seedDemo } from '../../prisma/seed/demo';
import { createDb } from '../../src/db/client';
import { migrate } from '../../src/db/migrate';
import type { Logger } from '../../src/logger';
import type { TestDatabase } from './database';
import { cleanupIfWeDie, freePort } from './redis-server';

/** Where initdb and pg_ctl live: $PG_BIN, else the newest /usr/lib/postgresql/<v>/bin, else $PATH. */
function pgBin(): string {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root)
      .filter((v) => existsSync(join(root, v, 'bin', 'pg_ctl')))
      .sort((a, b) => Number.parseFloat(b) - Number.parseFloat(a));
    if (versions[0]) return join(root, versions[0], 'bin');
  }
  return '';
}

/**
 * PostgreSQL refuses to run as root. As root we run it as the `postgres` user, with a data
 * directory that user owns; as anyone else, as ourselves.
 */
function runAs(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
  return { uid, gid };
}

function run(command: string, args: string[], user: { uid: number; gid: number } | null, cwd: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, LC_ALL: 'C', LANG: 'C' },
      ...(user ?? {}),
    });
    let output = '';
    child.stdout!.on('data', (chunk) => (output += chunk));
    child.stderr!.on('data', (chunk) => (output += chunk));
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve(output) : reject(new Error(`${command} ${args.join(' ')} exited with ${code}:\n${output}`)),
    );
  });
}

export interface PgCluster {
  readonly port: number;
  /** Superuser URL of a database on this cluster (`postgres` by default). */
  url(database?: string): string;
  /** A new empty database, as a TestDatabase (drop() removes it). */
  createDatabase(name?: string): Promise<TestDatabase>;
  /** Migrated (and, with `seed`, holding the demo page) new database. */
  createAppDatabase(logger: Logger, options?: { seed?: boolean; name?: string }): Promise<TestDatabase>;
  running(): boolean;
  /** pg_ctl stop: `fast` (clients are disconnected) by default, `immediate` for a crash. */
  stop(mode?: 'smart' | 'fast' | 'immediate'): Promise<void>;
  /** pg_ctl start on the same port; resolves once it accepts connections. */
  start(): Promise<void>;
  restart(): Promise<void>;
  /**
   * SIGSTOPs the postmaster and every backend: the port still accepts TCP connections (the
   * kernel's backlog), but nothing is ever answered, on a new session or one already open (an
   * instance's idle readiness probe keeps one open). `thaw()` SIGCONTs them all.
   */
  /**
   * SIGKILLs the postmaster and every backend at once (kill -9, as the OOM killer or a crashed
   * host would), and resolves once they are all gone; `start()` then runs crash recovery.
   */
  kill(): Promise<void>;
  freeze(): void;
  thaw(): void;
  /** Stops the cluster and removes its directory; safe to call more than once. */
  destroy(): Promise<void>;
}

/**
 * A PostgreSQL cluster of the test's own (initdb into a temporary directory, trust
 * authentication, pg_ctl on a spare port), so that stopping it harms nothing else. `settings`
 * are passed as `-c name=value` (e.g. a small max_connections).
 */
export async function startPgCluster(options: { settings?: Record<string, string> } = {}): Promise<PgCluster> {
  const settings = Object.entries(options.settings ?? {})
    .map(([name, value]) => ` -c ${name}=${value}`)
    .join('');
  const bin = pgBin();
  const tool = (name: string) => (bin ? join(bin, name) : name);
  const user = runAs();
  const dir = mkdtempSync(join(tmpdir(), 'medqa-pg-'));
  // If this process dies first: stop the postmaster (immediate shutdown) and remove everything.
  const cancelCleanup = cleanupIfWeDie(
    `pid=$(head -1 '${dir}/data/postmaster.pid' 2>/dev/null) && kill -CONT $pid && kill -QUIT $pid; sleep 2; rm -rf '${dir}'`,
  );
  let destroyed = false;
  if (user) chownSync(dir, user.uid, user.gid);
  const data = join(dir, 'data');
  const port = await freePort();
  let running = false;

  const url = (database = 'postgres') => `postgresql://postgres@127.0.0.1:${port}/${database}`;

  async function start() {
    if (running) return;
    // -k: the Unix socket goes into our directory (the system one may not be writable).
    // fsync=off is safe against a crash of PostgreSQL itself (the kernel keeps what was written),
    // not of the machine; synchronous_commit stays on, so a commit acknowledged before an
    // immediate stop is still there after it.
    await run(
      tool('pg_ctl'),
      [
        'start',
        '-w',
        '-t',
        '30',
        '-D',
        data,
        '-l',
        join(dir, 'postgres.log'),
        '-o',
        `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off${settings}`,
      ],
      user,
      dir,
    ).catch((error) => {
      const log = existsSync(join(dir, 'postgres.log')) ? readFileSync(join(dir, 'postgres.log'), 'utf8') : '';
      throw new Error(`${error.message}\n${log}`);
    });
    running = true;
  }

  async function stop(mode: 'smart' | 'fast' | 'immediate' = 'fast') {
    if (!running) return;
    await run(tool('pg_ctl'), ['stop', '-w', '-t', '30', '-m', mode, '-D', data], user, dir);
    running = false;
  }

  async function createDatabase(
    name = `medqa_fault_${Math.random().toString(16).slice(2, 10)}`,
  ): Promise<TestDatabase> {
    const admin = new pg.Client({ connectionString: url() });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE "${name}"`);
    } finally {
      await admin.end();
    }
    return {
      url: url(name),
      name,
      async drop() {
        if (!running) return;
        const client = new pg.Client({ connectionString: url() });
        await client.connect();
        try {
          await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        } finally {
          await client.end();
        }
      },
    };
  }

  const postmasterPid = () => Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
  /** A process's state letter from /proc (T: stopped); null once it is gone. */
  const stateOf = (pid: number) => {
    try {
      return /^\d+ \(.*\) (\S)/.exec(readFileSync(`/proc/${pid}/stat`, 'utf8'))?.[1] ?? null;
    } catch {
      return null;
    }
  };
  /** The postmaster's backends and helpers (their parent is the postmaster), from /proc. */
  const childrenOf = (parent: number) =>
    readdirSync('/proc')
      .filter((entry) => /^\d+$/.test(entry))
      .filter((entry) => {
        try {
          return Number(/^\d+ \(.*\) \S (\d+)/.exec(readFileSync(`/proc/${entry}/stat`, 'utf8'))?.[1]) === parent;
        } catch {
          return false; // gone meanwhile
        }
      })
      .map(Number);

  try {
    await run(
      tool('initdb'),
      ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C', '--no-sync'],
      user,
      dir,
    );
    await start();
  } catch (error) {
    await stop('immediate').catch(() => {});
    rmSync(dir, { recursive: true, force: true });
    cancelCleanup();
    throw error;
  }

  return {
    port,
    url,
    createDatabase,
    async createAppDatabase(logger, { seed = false, name } = {}) {
      const database = await createDatabase(name);
      await migrate(database.url, { logger });
      if (seed) {
        const db = createDb(database.url, 1, logger);
        try {
          await seedDemo(db, logger);
        } finally {
          await db.$disconnect();
        }
      }
      return database;
    },
    running: () => running,
    stop,
    start,
    async restart() {
      await stop();
      await start();
    },
    async kill() {
      const pid = postmasterPid();
      const children = execFileSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' })
        .split('\n')
        .map((line) => Number(line.trim()))
        .filter((child) => child > 0);
      for (const victim of [pid, ...children]) process.kill(victim, 'SIGKILL');
      // Dead once gone or a zombie (whoever reaps orphans here may take its time).
      const alive = (victim: number) => {
        try {
          return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${victim}/stat`, 'utf8'));
        } catch {
          return false;
        }
      };
      while ([pid, ...children].some(alive)) await new Promise((resolve) => setTimeout(resolve, 20));
      // A zombie postmaster's PID still looks alive to the next one's lock-file checks ("another
      // postmaster is running"); it is dead, so its lock files go, as an operator would remove them.
      rmSync(join(data, 'postmaster.pid'), { force: true });
      rmSync(join(dir, `.s.PGSQL.${port}.lock`), { force: true });
      running = false;
    },
    freeze: () => {
      const postmaster = postmasterPid();
      process.kill(postmaster, 'SIGSTOP');
      // The signal lands asynchronously: a backend forked meanwhile would go on answering. Stop
      // children until the postmaster is stopped and a scan finds none still running. A backend
      // that exited just before is a zombie the stopped postmaster cannot reap: it answers
      // nothing, and SIGSTOP cannot change its state, so it counts as frozen (CI once failed here).
      const frozen = (state: string | null) => state === null || 'TtZX'.includes(state);
      for (let scans = 0; scans < 10_000; scans++) {
        const running = childrenOf(postmaster).filter((pid) => !frozen(stateOf(pid)));
        for (const pid of running) process.kill(pid, 'SIGSTOP');
        if (running.length === 0 && stateOf(postmaster) === 'T') return;
      }
      throw new Error('could not freeze the cluster');
    },
    thaw: () => {
      const postmaster = postmasterPid();
      for (const pid of [...childrenOf(postmaster), postmaster]) process.kill(pid, 'SIGCONT');
    },
    async destroy() {
      if (destroyed) return;
      destroyed = true;
      try {
        if (running) process.kill(postmasterPid(), 'SIGCONT');
        await stop('immediate');
      } finally {
        rmSync(dir, { recursive: true, force: true });
        cancelCleanup();
      }
    },
  };
}
