import { createServer } from 'node:net';
import { Redis } from 'ioredis';
import pg from 'pg';
import type { Config } from './config';

/**
 * A situation the person starting the server can fix, found before anything is changed (no
 * migration has run): its message is one line saying what to do. src/main.ts prints it alone,
 * with no stack trace, and exits with 1.
 */
export class StartupError extends Error {
  override name = 'StartupError';
}

/** How long an unreachable PostgreSQL or Redis may take to say so. */
const CONNECT_TIMEOUT_MS = 5_000;

/** Checks, all at once, that the port is free and the database and Redis can be reached. */
export async function checkBeforeStart(config: Config): Promise<void> {
  await Promise.all([
    checkPort(config.host, config.port),
    config.database.kind === 'postgres' ? checkPostgres(config.database.url) : null,
    config.redisUrl ? checkRedis(config.redisUrl) : null,
  ]);
}

/** The one-line message for a failed listen, also when the port is taken between check and listen. */
export function listenError(error: unknown, host: string, port: number): unknown {
  switch ((error as NodeJS.ErrnoException).code) {
    case 'EADDRINUSE':
      return new StartupError(
        `port ${port} is already in use (another server?): stop it, or start with PORT=<a free port>`,
      );
    case 'EACCES':
      return new StartupError(`not allowed to listen on port ${port}: use a port above 1023, e.g. PORT=4000`);
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
      return new StartupError(
        `HOST=${host} is not an address of this machine: use HOST=0.0.0.0 (all) or HOST=127.0.0.1`,
      );
    default:
      return error;
  }
}

function checkPort(host: string, port: number): Promise<void> {
  if (port === 0) return Promise.resolve(); // any free port: nothing can be in the way
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error) => reject(listenError(error, host, port)));
    probe.listen({ host, port, exclusive: true }, () => probe.close(() => resolve()));
  });
}

async function checkPostgres(url: string): Promise<void> {
  const parsed = new URL(url);
  const { hostname, username, pathname } = parsed;
  const port = parsed.port || '5432';
  const where = `PostgreSQL at ${hostname}:${port}`;
  const database = decodeURIComponent(pathname.slice(1)) || username || 'postgres';
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  client.on('error', () => {}); // a connection lost after the check is not this check's concern
  try {
    await client.connect();
  } catch (error) {
    const { code } = error as NodeJS.ErrnoException;
    const user = decodeURIComponent(username) || 'postgres';
    if (code === '3D000') {
      const createdb = `createdb -h ${hostname} -p ${port} -U ${user} ${database}`;
      throw new StartupError(`database "${database}" does not exist on ${where}: create it with \`${createdb}\``);
    }
    if (code === '28P01' || code === '28000') {
      throw new StartupError(`${where} refused user "${user}": fix the user or password in DATABASE_URL`);
    }
    throw new StartupError(unreachable(where, 'DATABASE_URL', hostname, error as NodeJS.ErrnoException));
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function checkRedis(url: string): Promise<void> {
  const { hostname, port } = new URL(url);
  const where = `Redis at ${hostname}:${port || 6379}`;
  const redis = new Redis(url, {
    lazyConnect: true,
    connectTimeout: CONNECT_TIMEOUT_MS,
    retryStrategy: () => null, // one attempt: the answer is wanted now
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
  });
  // connect() rejects with a bare "Connection is closed."; the cause comes as an 'error' event.
  let cause: Error | null = null;
  redis.on('error', (error: Error) => (cause ??= error));
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    const reason = (cause ?? error) as NodeJS.ErrnoException;
    if (/NOAUTH|WRONGPASS/.test(reason.message)) {
      throw new StartupError(`${where} refused the credentials: fix the user or password in REDIS_URL`);
    }
    throw new StartupError(unreachable(where, 'REDIS_URL', hostname, reason));
  } finally {
    redis.disconnect();
  }
}

/** What to do about an unreachable server, by the variable that points to it. */
const START_IT = {
  DATABASE_URL: 'start it, or fix DATABASE_URL',
  REDIS_URL: 'start it (redis-server), fix REDIS_URL, or unset REDIS_URL to use in-process pub/sub',
};

/** One line for a server that could not be reached. */
function unreachable(
  where: string,
  variable: keyof typeof START_IT,
  host: string,
  error: NodeJS.ErrnoException,
): string {
  const todo = START_IT[variable];
  switch (error.code) {
    case 'ECONNREFUSED':
      return `${where} refused the connection (nothing listens there): ${todo}`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `${where}: the host name "${host}" does not resolve: fix ${variable}`;
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return `${where} is unreachable (no route to the host): fix ${variable}, or the network`;
    default:
      if (error.code === 'ETIMEDOUT' || /timeout/i.test(error.message)) {
        return `${where} did not answer within ${CONNECT_TIMEOUT_MS / 1000} s: ${todo}`;
      }
      return `${where} could not be reached (${error.message.split('\n')[0]}): ${todo}`;
  }
}
