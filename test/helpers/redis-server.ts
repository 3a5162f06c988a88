import { spawn, type ChildProcess } from 'node:child_process';
import { createConnection, createServer } from 'node:net';

/** A TCP port nobody listens on right now (the kernel's pick), on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/**
 * Runs `cleanup` (a shell command) if this process dies before calling the returned cancel
 * function: a test worker that crashes or is killed (vitest does not run 'exit' handlers in its
 * workers) must not leave servers behind. A detached shell polls this process every half second.
 */
export function cleanupIfWeDie(cleanup: string): () => void {
  const watchdog = spawn('sh', ['-c', `while kill -0 ${process.pid} 2>/dev/null; do sleep 0.5; done; ${cleanup}`], {
    detached: true,
    stdio: 'ignore',
  });
  watchdog.unref();
  return () => {
    try {
      process.kill(watchdog.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
  };
}

/** Resolves when `host:port` answers `PING` with `+PONG`, false on any error or after `ms`. */
function pings(port: number, ms = 500): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    let reply = '';
    const done = (ok: boolean) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(ok);
    };
    const timer = setTimeout(() => done(false), ms);
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      reply += chunk;
      if (reply.includes('\r\n')) done(reply.startsWith('+PONG'));
    });
  });
}

export interface PrivateRedis {
  readonly port: number;
  readonly url: string;
  /** True while our redis-server process runs. */
  running(): boolean;
  /** Kills the server (SIGKILL by default: a crash; SIGTERM: a clean stop) and waits for it to exit. */
  stop(signal?: NodeJS.Signals): Promise<void>;
  /** Starts it again on the same port (empty: no persistence) and waits until it answers PING. */
  start(): Promise<void>;
  restart(): Promise<void>;
  /** SIGSTOPs it: connections stay open, nothing is answered (a hung server). `thaw()` SIGCONTs it. */
  freeze(): void;
  thaw(): void;
  /** Stops it for good; safe to call more than once. */
  destroy(): Promise<void>;
}

/**
 * A redis-server of the test's own on a spare port, with no persistence, so that stopping it
 * harms nothing else. Data does not survive a restart (nor does it need to: pub/sub only).
 */
export async function startPrivateRedis(): Promise<PrivateRedis> {
  const port = await freePort();
  let child: ChildProcess | null = null;
  let output = '';

  async function start() {
    if (child) return;
    output = '';
    const spawned = spawn(
      'redis-server',
      [
        '--port',
        String(port),
        '--bind',
        '127.0.0.1',
        '--save',
        '',
        '--appendonly',
        'no',
        '--daemonize',
        'no',
        '--loglevel',
        'warning',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    spawned.stdout!.on('data', (chunk) => (output += chunk));
    spawned.stderr!.on('data', (chunk) => (output += chunk));
    const cancelCleanup = cleanupIfWeDie(`kill -9 ${spawned.pid}`);
    child = spawned;
    let exited = false;
    spawned.once('exit', () => {
      exited = true;
      cancelCleanup();
      if (child === spawned) child = null;
    });
    const deadline = Date.now() + 10_000;
    while (!(await pings(port))) {
      if (exited || Date.now() > deadline) {
        spawned.kill('SIGKILL');
        throw new Error(`redis-server on port ${port} did not start:\n${output}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  async function stop(signal: NodeJS.Signals = 'SIGKILL') {
    const running = child;
    if (!running) return;
    running.kill('SIGCONT');
    const exited = new Promise<void>((resolve) => running.once('exit', () => resolve()));
    running.kill(signal);
    await exited;
  }

  await start();
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    running: () => child !== null,
    stop,
    start,
    async restart() {
      await stop();
      await start();
    },
    freeze: () => void child?.kill('SIGSTOP'),
    thaw: () => void child?.kill('SIGCONT'),
    destroy: () => stop('SIGKILL'),
  };
}
