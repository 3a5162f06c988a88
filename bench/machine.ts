import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { Redis } from 'ioredis';
import pg from 'pg';
import { databaseUrl, redisUrl, root } from './config';

/** The machine a run was measured on, recorded in latest.json beside its figures. */
export async function machine(): Promise<Record<string, string | number>> {
  const cpu =
    /model name\s*:\s*(.*)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? os.cpus()[0]?.model ?? 'unknown';
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const postgres = (await client.query<{ server_version: string }>('SHOW server_version')).rows[0]!.server_version;
  await client.end();
  const redis = new Redis(redisUrl);
  const redisVersion = /redis_version:(\S+)/.exec(await redis.info('server'))?.[1] ?? 'unknown';
  redis.disconnect();
  const pkg = (name: string) => JSON.parse(readFileSync(`${root}/node_modules/${name}/package.json`, 'utf8')).version;
  return {
    cpus: os.availableParallelism(),
    cpuModel: cpu,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    kernel: `${os.type()} ${os.release()}`,
    node: process.version,
    postgresql: postgres,
    redis: redisVersion,
    autocannon: pkg('autocannon'),
    clockTicksPerSecond: Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()),
  };
}
