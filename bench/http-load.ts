/**
 * HTTP load on the API and on the floor, with autocannon: the same connections and duration for
 * both, warmed up first, in rounds that alternate which server goes first, so that drift in the
 * machine's state (caches, other load) falls on both. Latency percentiles are over every response
 * of every measured round (autocannon's own timing of each response, in ms, kept unrounded).
 * CPU per request is the server process's user + system time over the measured rounds (/proc),
 * divided by the responses; the same for PostgreSQL (the backends serving the bench database) and
 * Redis. Whatever else
 * used CPU meanwhile (the machine's total less all of these and this process) is reported too, as a
 * share of one core: other work on the machine skews a run, and this says so.
 */
import autocannon from 'autocannon';
import { databaseUrl, http, progress } from './config';
import type { PageRequest } from './operations';
import { cpuByPid, cpuGrowth, machineBusyMs, type ServerProcess } from './processes';

export interface LoadFigures {
  requests: number;
  seconds: number;
  rps: number;
  p50: number;
  p99: number;
  cpuMsPerRequest: number;
  postgresCpuMsPerRequest: number | null;
  redisCpuMsPerRequest: number | null;
  loadGeneratorCpuMsPerRequest: number;
  /** CPU used by other processes during the measured runs, in cores (0.1 = 10% of one core). */
  otherCores: number;
}

interface Tally {
  latencies: number[];
  seconds: number;
  cpuMs: number;
  postgresMs: number | null;
  redisMs: number | null;
  benchMs: number;
  otherMs: number;
}

async function run(
  server: ServerProcess,
  requests: PageRequest[],
  seconds: number,
  tally: Tally | null,
): Promise<void> {
  const instance = autocannon({
    url: `${server.url}/graphql`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    connections: http.connections,
    duration: seconds,
    requests: requests.map((request) => ({ body: JSON.stringify(server.translate?.(request) ?? request) })),
  });
  const latencies: number[] = [];
  instance.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
    if (status === 200) latencies.push(ms);
  });
  const cpu = server.cpuMs();
  const postgres = cpuByPid('postgres', ` ${database} `);
  const redis = cpuByPid('redis-server');
  const bench = process.cpuUsage();
  const busy = machineBusyMs();
  const started = performance.now();
  const result = await instance;
  const elapsed = (performance.now() - started) / 1000;
  if (result.errors || result.timeouts || result.non2xx) {
    throw new Error(
      `${server.name}: ${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx responses`,
    );
  }
  if (!tally) return;
  const busyMs = machineBusyMs() - busy;
  const benchUsage = process.cpuUsage(bench);
  const serverMs = server.cpuMs() - cpu;
  const pg = cpuGrowth(postgres, cpuByPid('postgres', ` ${database} `));
  const rd = cpuGrowth(redis, cpuByPid('redis-server'));
  const benchMs = (benchUsage.user + benchUsage.system) / 1000;
  const otherMs = Math.max(0, busyMs - serverMs - (pg ?? 0) - (rd ?? 0) - benchMs);
  if (otherMs / (elapsed * 1000) > 0.1) {
    progress(
      `  warning: other processes used ${((100 * otherMs) / (elapsed * 1000)).toFixed(0)}% of a core during this run`,
    );
  }
  tally.latencies.push(...latencies);
  tally.seconds += elapsed;
  tally.cpuMs += serverMs;
  tally.postgresMs = pg === null ? null : (tally.postgresMs ?? 0) + pg;
  tally.redisMs = rd === null ? null : (tally.redisMs ?? 0) + rd;
  tally.benchMs += benchMs;
  tally.otherMs += otherMs;
}

/** PostgreSQL backends show their database in their command line ("postgres: … user database host …"). */
const database = decodeURIComponent(new URL(databaseUrl).pathname.slice(1));

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;

function figures(tally: Tally): LoadFigures {
  const sorted = tally.latencies.sort((a, b) => a - b);
  const n = sorted.length;
  return {
    requests: n,
    seconds: tally.seconds,
    rps: n / tally.seconds,
    p50: quantile(sorted, 0.5),
    p99: quantile(sorted, 0.99),
    cpuMsPerRequest: tally.cpuMs / n,
    postgresCpuMsPerRequest: tally.postgresMs === null ? null : tally.postgresMs / n,
    redisCpuMsPerRequest: tally.redisMs === null ? null : tally.redisMs / n,
    loadGeneratorCpuMsPerRequest: tally.benchMs / n,
    otherCores: tally.otherMs / (tally.seconds * 1000),
  };
}

/**
 * Warm-up of each server, then `http.rounds` measured runs of each, in an order reversed every
 * round (A B C, C B A, …).
 */
export async function compareLoad(
  label: string,
  servers: ServerProcess[],
  requests: PageRequest[],
): Promise<Record<string, LoadFigures>> {
  const tallies = new Map<ServerProcess, Tally>(
    servers.map((s) => [
      s,
      { latencies: [], seconds: 0, cpuMs: 0, postgresMs: null, redisMs: null, benchMs: 0, otherMs: 0 },
    ]),
  );
  progress(`${label}: warm-up (${http.warmupSeconds} s each)`);
  for (const server of servers) await run(server, requests, http.warmupSeconds, null);
  const seconds = http.seconds / http.rounds;
  for (let round = 0; round < http.rounds; round++) {
    for (const server of round % 2 === 0 ? servers : [...servers].reverse()) {
      progress(
        `${label}: ${server.name}, ${seconds} s, ${http.connections} connections (round ${round + 1}/${http.rounds})`,
      );
      await run(server, requests, seconds, tallies.get(server)!);
    }
  }
  return Object.fromEntries(servers.map((s) => [s.name, figures(tallies.get(s)!)]));
}
