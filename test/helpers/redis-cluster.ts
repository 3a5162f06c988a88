import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { cleanupIfWeDie, freePort } from './redis-server';

const run = promisify(execFile);

export interface RedisClusterNode {
  host: string;
  port: number;
}

export interface PrivateRedisCluster {
  /** The masters, as REDIS_CLUSTER_NODES lists them. */
  nodes: RedisClusterNode[];
  /** `host:port,host:port,…` for REDIS_CLUSTER_NODES. */
  env: string;
  /** SIGKILLs the master on `port` (a crash), waits for it to exit. */
  kill(port: number): Promise<void>;
  /** Starts it again with its nodes.conf: it rejoins with its slots. Resolves once the cluster is ok. */
  start(port: number): Promise<void>;
  destroy(): Promise<void>;
}

async function cli(port: number, ...args: string[]): Promise<string> {
  const { stdout } = await run('redis-cli', ['-h', '127.0.0.1', '-p', String(port), ...args], { timeout: 10_000 });
  return stdout;
}

async function waitFor(check: () => Promise<boolean>, what: string, ms = 30_000) {
  const deadline = Date.now() + ms;
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * A Redis Cluster of the test's own: `masters` redis-servers with `--cluster-enabled yes` on
 * spare ports (their bus on spare ports too, `--cluster-port`), joined by
 * `redis-cli --cluster create … --cluster-replicas 0`. No persistence but nodes.conf, so a
 * restarted master comes back owning its slots, empty.
 */
export async function startRedisCluster(masters = 3): Promise<PrivateRedisCluster> {
  const dir = mkdtempSync(join(tmpdir(), 'medqa-redis-cluster-'));
  const ports = await Promise.all(Array.from({ length: masters }, () => freePort()));
  const busPorts = new Map<number, number>();
  for (const port of ports) busPorts.set(port, await freePort());
  const children = new Map<number, ChildProcess>();
  const cancelCleanup = cleanupIfWeDie(`rm -rf ${dir}`);

  async function start(port: number) {
    const nodeDir = join(dir, `node-${port}`);
    const child = spawn(
      'redis-server',
      [
        '--port',
        String(port),
        '--bind',
        '127.0.0.1',
        '--cluster-enabled',
        'yes',
        '--cluster-port',
        String(busPorts.get(port)),
        '--cluster-config-file',
        join(nodeDir, 'nodes.conf'),
        '--cluster-node-timeout',
        '2000',
        '--dir',
        dir,
        '--save',
        '',
        '--appendonly',
        'no',
        '--loglevel',
        'warning',
        '--daemonize',
        'no',
      ],
      { stdio: 'ignore' },
    );
    // Each server by its own pid, should this process die first.
    const cancel = cleanupIfWeDie(`kill -9 ${child.pid}`);
    child.once('exit', cancel);
    children.set(port, child);
    await waitFor(async () => (await cli(port, 'PING')).trim() === 'PONG', `redis-server on ${port}`);
  }

  const clusterOk = async () => {
    for (const port of ports) {
      if (!(await cli(port, 'CLUSTER', 'INFO')).includes('cluster_state:ok')) return false;
    }
    return true;
  };

  try {
    for (const port of ports) await run('mkdir', ['-p', join(dir, `node-${port}`)]);
    await Promise.all(ports.map((port) => start(port)));
    await run(
      'redis-cli',
      ['--cluster', 'create', ...ports.map((port) => `127.0.0.1:${port}`), '--cluster-replicas', '0', '--cluster-yes'],
      { timeout: 30_000 },
    );
    await waitFor(clusterOk, 'cluster_state:ok on every node');
  } catch (error) {
    for (const child of children.values()) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
    cancelCleanup();
    throw error;
  }

  async function kill(port: number) {
    const child = children.get(port);
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }

  const nodes = ports.map((port) => ({ host: '127.0.0.1', port }));
  return {
    nodes,
    env: nodes.map((node) => `${node.host}:${node.port}`).join(','),
    kill,
    async start(port) {
      await start(port);
      await waitFor(clusterOk, 'the cluster to be ok again');
    },
    async destroy() {
      await Promise.all(ports.map((port) => kill(port)));
      rmSync(dir, { recursive: true, force: true });
      cancelCleanup();
    },
  };
}
