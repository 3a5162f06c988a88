import { createServer, type Server } from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApplication } from '../src/application';
import { loadConfig } from '../src/config';
import { StartupError } from '../src/startup';
import { adminUrl, createTestDatabase, type TestDatabase } from './helpers/database';
import { launch, SERVER } from './helpers/process';
import { freePort } from './helpers/redis-server';
import { logger } from './helpers/server';

// Mistakes a person starting the server can make: each ends the start before anything is
// changed, with one line saying what to do (src/startup.ts), and `npm start` exits with 1.

let database: TestDatabase;
let taken: Server;
let takenPort: number;
beforeAll(async () => {
  database = await createTestDatabase(); // empty: a migration would show as _prisma_migrations
  taken = createServer();
  await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
  takenPort = (taken.address() as { port: number }).port;
});
afterAll(async () => {
  taken?.close();
  await database?.drop();
});

const missingDatabaseUrl = () => {
  const url = new URL(adminUrl);
  url.pathname = '/medqa_no_such_database';
  return url.toString();
};
const { hostname: pgHost, port: pgPort } = new URL(adminUrl);

/** Starts the application in process with this environment; resolves with the error it reports. */
async function startFailure(env: Record<string, string>): Promise<unknown> {
  const application = createApplication(
    loadConfig({ HOST: '127.0.0.1', PORT: '0', DATABASE_URL: database.url, ...env }),
    { logger },
  );
  try {
    await application.start();
    return null;
  } catch (error) {
    return error;
  } finally {
    await application.stop();
  }
}

async function migrated(): Promise<boolean> {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT to_regclass('"_prisma_migrations"') IS NOT NULL AS present`);
    return rows[0].present;
  } finally {
    await client.end();
  }
}

describe('start-up refuses, in one line, before migrating', () => {
  it('a port in use', async () => {
    expect(await startFailure({ PORT: String(takenPort) })).toEqual(
      new StartupError(
        `port ${takenPort} is already in use (another server?): stop it, or start with PORT=<a free port>`,
      ),
    );
    expect(await migrated()).toBe(false);
  });

  it('a database that does not exist, with the createdb command', async () => {
    expect(await startFailure({ DATABASE_URL: missingDatabaseUrl() })).toEqual(
      new StartupError(
        `database "medqa_no_such_database" does not exist on PostgreSQL at ${pgHost}:${pgPort || 5432}: ` +
          `create it with \`createdb -h ${pgHost} -p ${pgPort || 5432} -U postgres medqa_no_such_database\``,
      ),
    );
  });

  it('a PostgreSQL that nothing answers for, or whose host does not resolve', async () => {
    const port = await freePort();
    expect(await startFailure({ DATABASE_URL: `postgresql://postgres@127.0.0.1:${port}/medqa` })).toEqual(
      new StartupError(
        `PostgreSQL at 127.0.0.1:${port} refused the connection (nothing listens there): start it, or fix DATABASE_URL`,
      ),
    );
    expect(await startFailure({ DATABASE_URL: 'postgresql://postgres@db.invalid:5432/medqa' })).toEqual(
      new StartupError('PostgreSQL at db.invalid:5432: the host name "db.invalid" does not resolve: fix DATABASE_URL'),
    );
  });

  it('a Redis that nothing answers for', async () => {
    const port = await freePort();
    expect(await startFailure({ REDIS_URL: `redis://127.0.0.1:${port}` })).toEqual(
      new StartupError(
        `Redis at 127.0.0.1:${port} refused the connection (nothing listens there): ` +
          'start it (redis-server), fix REDIS_URL, or unset REDIS_URL to use in-process pub/sub',
      ),
    );
    expect(await migrated()).toBe(false);
  });
});

describe('npm start, on such a mistake', () => {
  /** src/main.ts in a process of its own, as `npm start` runs it. */
  async function run(env: Record<string, string | undefined>) {
    const server = launch(SERVER, { HOST: '127.0.0.1', LOG_LEVEL: 'info', REDIS_URL: undefined, ...env });
    const exit = await server.exited;
    return { exit, stderr: server.stderr(), messages: server.logs.map((line) => line.msg) };
  }

  it('prints the one line alone on stderr, changes nothing, and exits with 1', async () => {
    const [portInUse, missing, badConfig] = await Promise.all([
      run({ PORT: String(takenPort), DATABASE_URL: database.url }),
      run({ PORT: '0', DATABASE_URL: missingDatabaseUrl() }),
      run({ PORT: '0', REDIS_URL: 'localhost:6379' }),
    ]);
    expect(portInUse).toEqual({
      exit: { code: 1, signal: null },
      stderr: `port ${takenPort} is already in use (another server?): stop it, or start with PORT=<a free port>\n`,
      messages: ['stopped'],
    });
    expect(missing.exit).toEqual({ code: 1, signal: null });
    expect(missing.stderr).toMatch(
      /^database "medqa_no_such_database" does not exist on .*: create it with `createdb .*`\n$/,
    );
    expect(missing.messages).toEqual(['stopped']);
    // A bad variable: named, with what it must be (src/config.ts), before anything starts.
    expect(badConfig).toEqual({
      exit: { code: 1, signal: null },
      stderr: 'Invalid configuration:\n  - REDIS_URL: must be a redis:// or rediss:// URL\n',
      messages: [],
    });
    expect(await migrated()).toBe(false);
  }, 120_000);
});
