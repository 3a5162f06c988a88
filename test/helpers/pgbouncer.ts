import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { adminUrl } from './database';
import { cleanupIfWeDie, freePort } from './redis-server';

export interface PgBouncer {
  port: number;
  /** The URL of `database` through this PgBouncer, marked as a pooler as operators would. */
  urlOf(database: string): string;
  stop(): Promise<void>;
}

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/**
 * Debian's pgbouncer on a spare port in transaction mode, in front of the tests' PostgreSQL, with
 * a generated ini: every database name passes through (`* =`), trust authentication as the test
 * server has, and `serverPoolSize` server connections per database, so that clients share them
 * as they do in production. PgBouncer refuses to run as root: then it switches to `postgres`.
 */
export async function startPgBouncer(options: { serverPoolSize?: number } = {}): Promise<PgBouncer> {
  const port = await freePort();
  const target = new URL(adminUrl);
  const dir = mkdtempSync(join(tmpdir(), 'medqa-pgbouncer-'));
  chmodSync(dir, 0o777);
  const userlist = join(dir, 'userlist.txt');
  writeFileSync(userlist, `"${decodeURIComponent(target.username)}" ""\n`);
  const ini = join(dir, 'pgbouncer.ini');
  writeFileSync(
    ini,
    [
      '[databases]',
      `* = host=${target.hostname} port=${target.port || 5432}`,
      '[pgbouncer]',
      'listen_addr = 127.0.0.1',
      `listen_port = ${port}`,
      'unix_socket_dir =',
      'auth_type = trust',
      `auth_file = ${userlist}`,
      'pool_mode = transaction',
      `default_pool_size = ${options.serverPoolSize ?? 4}`,
      'max_client_conn = 500',
      // node-postgres sends none of these, but psql and some drivers do.
      'ignore_startup_parameters = extra_float_digits,options',
      'log_connections = 0',
      'log_disconnections = 0',
    ].join('\n'),
  );
  for (const file of [userlist, ini]) chmodSync(file, 0o644);
  const asRoot = process.getuid?.() === 0;
  // Debian installs it in /usr/sbin, which is not on every user's PATH.
  const binary = existsSync('/usr/sbin/pgbouncer') ? '/usr/sbin/pgbouncer' : 'pgbouncer';
  const child: ChildProcess = spawn(binary, [...(asRoot ? ['-u', 'postgres'] : []), ini], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = ''; // the last few KB, for the error if it does not start
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4096));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const cancelCleanup = cleanupIfWeDie(`kill -9 ${child.pid}; rm -rf ${dir}`);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = Date.now() + 10_000;
  while (!(await listening(port))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`pgbouncer did not start on port ${port}:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return {
    port,
    urlOf(database) {
      const url = new URL(adminUrl);
      url.port = String(port);
      url.pathname = `/${database}`;
      url.searchParams.set('pgbouncer', 'true');
      return url.toString();
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
      cancelCleanup();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
