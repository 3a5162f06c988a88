import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createConnection } from 'node:net';
import { cleanupIfWeDie, freePort } from './redis-server';

const config = new URL('../../deploy/haproxy.cfg', import.meta.url).pathname;

export interface HaProxy {
  url: string;
  stop(): Promise<void>;
}

const listening = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

/** Debian's haproxy with the repository's own deploy/haproxy.cfg, on a spare port, in front of three instances. */
export async function startHaProxy(instances: [string, string, string]): Promise<HaProxy> {
  const port = await freePort();
  const binary = existsSync('/usr/sbin/haproxy') ? '/usr/sbin/haproxy' : 'haproxy';
  const env = {
    ...process.env,
    MEDQA_BIND: `127.0.0.1:${port}`,
    MEDQA_APP1: instances[0],
    MEDQA_APP2: instances[1],
    MEDQA_APP3: instances[2],
  };
  // -db: stay in the foreground, so that the test owns the process.
  const child = spawn(binary, ['-db', '-f', config], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let output = '';
  child.stderr!.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4096)));
  const cancelCleanup = cleanupIfWeDie(`kill -9 ${child.pid}`);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = Date.now() + 10_000;
  while (!(await listening(port))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`haproxy did not start on ${port}:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return {
    url: `http://127.0.0.1:${port}`,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL');
        await exited;
      }
      cancelCleanup();
    },
  };
}
