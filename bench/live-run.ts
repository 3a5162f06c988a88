/**
 * The live parts of the bench, run after the HTTP parts (or alone: BENCH_ONLY=live,storm, see
 * bench/run.ts): live delivery across two instances (bench/live.ts), the same at scale
 * (bench/live-scale.ts), the write path (bench/write-path.ts), the reconnect storm
 * (bench/storm.ts), memory per idle subscription (bench/memory.ts). Each part is its own file;
 * this one starts the processes each needs and turns their figures into metrics.
 */
import { apiEnv, memory as memoryConfig, progress, scale } from './config';
import { measureLive, type LiveFigures } from './live';
import { createLiveFixture, type LiveFixture } from './live-fixture';
import { measureScale } from './live-scale';
import { measurePlainSockets, measureSubscriptions, type MemoryFigures } from './memory';
import type { ServerProcess } from './processes';
import { metric, type Metric } from './report';
import { measureStorm, type StormFigures } from './storm';
import { measureWritePath, type WriteFigures } from './write-path';

/** The parts BENCH_ONLY may name (comma-separated); empty or unset: every part. */
export const livePartNames = ['live', 'write', 'scale', 'storm', 'memory'] as const;
export type LivePart = (typeof livePartNames)[number];

export interface LiveRunner {
  start(name: string, env: Record<string, string>, probe?: boolean): Promise<ServerProcess>;
  startFloor(name: string, probe: boolean): Promise<ServerProcess>;
  stop(...servers: ServerProcess[]): Promise<void>;
}

export interface LiveResults {
  metrics: Metric[];
  details: {
    live?: LiveFigures[];
    scale?: LiveFigures;
    storm?: StormFigures;
    writePath?: WriteFigures[];
    memory?: Record<'oneSocketEach' | 'shared' | 'plain', MemoryFigures>;
  };
  /** Lines printed under the table. */
  lines: string[];
}

const kB = (bytes: number) => bytes / 1000;
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
const plural = (n: number) => `${n} subscriber${n === 1 ? '' : 's'}`;

function liveMetrics(figures: LiveFigures[]): Metric[] {
  return figures.flatMap((l) => {
    const label =
      l.subscribers === scale.subscribers
        ? `${plural(l.subscribers)} over ${scale.questions} questions`
        : plural(l.subscribers);
    return [
      metric(`live delivery p50, ${label} (÷ Redis round trip)`, 'ms', l.p50, l.redis.p50),
      metric(
        `live delivery p99, ${label} (÷ Redis round trip)`,
        'ms',
        l.p99,
        l.redis.p99,
        l.subscribers === 100
          ? { on: 'ratio', op: '<=', value: 5 }
          : l.subscribers === 1000
            ? { on: 'api', op: '<', value: 50 }
            : l.subscribers === scale.subscribers
              ? { on: 'api', op: '<', value: 100 }
              : null,
      ),
    ];
  });
}

function writeMetrics(w: WriteFigures): Metric[] {
  const name = (what: string) => `write path ${w.spread}, ${w.subscribers} subscribers: ${what}`;
  return [
    metric(name('postAnswer throughput (API ÷ raw SQL)'), 'req/s', w.api.rps, w.floor.rps, {
      on: 'ratio',
      op: '>=',
      value: 0.5,
    }),
    metric(name('p50 (API ÷ raw SQL)'), 'ms', w.api.p50, w.floor.p50),
    metric(name('p99 (API ÷ raw SQL)'), 'ms', w.api.p99, w.floor.p99),
    metric(name('failures on a time limit'), 'requests', w.api.timeLimitFailures, null, {
      on: 'api',
      op: '<=',
      value: 0,
    }),
  ];
}

function stormMetrics(s: StormFigures): Metric[] {
  const name = (what: string) => `reconnect storm, ${s.subscribers} subscribers: ${what}`;
  return [
    metric(name('all resumed after'), 'ms', s.allResumedMs, null),
    metric(name('postAnswer during it, new connection'), 'ms', s.postDuringStormMs, null, {
      on: 'api',
      op: '<',
      value: 1000,
    }),
    metric(name('postAnswer during it, open connection'), 'ms', s.postOnOpenConnectionMs, null, {
      on: 'api',
      op: '<',
      value: 1000,
    }),
    metric(name('subscribers missing or repeating an answer'), 'subscribers', s.wrong, null, {
      on: 'api',
      op: '<=',
      value: 0,
    }),
    metric(name('errors and closed sockets'), 'events', s.problems, null, { on: 'api', op: '<=', value: 0 }),
  ];
}

/**
 * A part that overwhelms this machine (10,000 sockets, 5,000 arriving at once) reports why in
 * the table instead of ending the whole bench.
 */
async function survive<T>(part: string, measuring: Promise<T>): Promise<T | undefined> {
  try {
    return await measuring;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    progress(`  ${part} failed: ${message.slice(0, 500)}`);
    failures.push(`${part} failed: ${message.slice(0, 300)}`);
    return undefined;
  }
}
const failures: string[] = [];

export async function runLiveParts(parts: ReadonlySet<LivePart>, runner: LiveRunner): Promise<LiveResults> {
  const results: LiveResults = { metrics: [], details: {}, lines: [] };
  let fixture: LiveFixture | null = null;
  try {
    fixture = await createLiveFixture(scale.questions);
    const pair = (suffix: string) =>
      Promise.all([runner.start(`api-a${suffix}`, apiEnv()), runner.start(`api-b${suffix}`, apiEnv())]);
    if (parts.has('live') || parts.has('write')) {
      const [a, b] = await pair('');
      if (parts.has('live')) results.details.live = await measureLive(a, b, fixture);
      if (parts.has('write')) results.details.writePath = await survive('write path', measureWritePath(a, b, fixture));
      await runner.stop(a, b);
    }
    if (parts.has('scale') || parts.has('storm')) {
      const [a, b] = await pair('-scale');
      if (parts.has('scale')) results.details.scale = await survive('scale', measureScale(a, b, fixture));
      if (parts.has('storm')) results.details.storm = await survive('storm', measureStorm(a, b, fixture));
      await runner.stop(a, b);
    }
    const figures = [...(results.details.live ?? []), ...(results.details.scale ? [results.details.scale] : [])];
    if (figures.length) {
      results.metrics.push(...liveMetrics(figures));
      results.lines.push(
        "live delivery (two instances): posts, deliveries, missed; this process's CPU per delivery (the client side):",
        ...figures.map(
          (l) =>
            `  ${String(l.subscribers).padStart(5)} subscribers: ${l.posts} posts, ${l.deliveries} deliveries, ${l.missed} missed; ` +
            `${l.clientCpuMsPerDelivery.toFixed(3)} ms; max ${l.max.toFixed(1)} ms; Redis round trips: ${l.redis.samples}`,
        ),
      );
    }
    if (results.details.writePath) {
      results.metrics.push(...results.details.writePath.flatMap(writeMetrics));
      results.lines.push(
        'write path (postAnswer; API through both instances ÷ the same transaction in raw SQL):',
        ...results.details.writePath.map(
          (w) =>
            `  ${w.spread}: ${w.api.requests} vs ${w.floor.requests} answers; failures ${w.api.failures} / ${w.floor.failures}; ` +
            `subscriber problems ${w.subscriberProblems}${w.examples.length ? `; e.g. ${w.examples[0]}` : ''}`,
        ),
      );
    }
    const storm = results.details.storm;
    if (storm) {
      results.metrics.push(...stormMetrics(storm));
      results.lines.push(
        `reconnect storm: ${storm.subscribers} arrived in ${storm.arrivalMs.toFixed(0)} ms; per subscriber resumed p50 ` +
          `${storm.resume.p50.toFixed(0)} ms, p99 ${storm.resume.p99.toFixed(0)} ms, max ${storm.resume.max.toFixed(0)} ms` +
          (storm.examples.length ? `; e.g. ${storm.examples[0]}` : ''),
      );
    }
    if (parts.has('memory')) {
      const probed = (name: string) => () => runner.start(name, apiEnv(), true);
      const m = {
        oneSocketEach: await measureSubscriptions(probed('api-memory-1'), fixture, 1),
        shared: await measureSubscriptions(probed('api-memory-2'), fixture, memoryConfig.perSocket),
        plain: await measurePlainSockets(() => runner.startFloor('floor-memory', true)),
      };
      results.details.memory = m;
      // Heap + external after forced GCs: what the process holds for each subscription. RSS moves
      // with V8's and the allocator's reuse of pages freed since start-up (it can even fall), so it
      // is only printed below and kept in latest.json.
      results.metrics.push(
        metric(
          'idle subscription memory, one socket each (÷ plain WebSocket)',
          'kB',
          kB(m.oneSocketEach.heapBytesPer),
          kB(m.plain.heapBytesPer),
          { on: 'api', op: '<=', value: 20 },
        ),
        metric(
          `idle subscription memory, ${memoryConfig.perSocket} per socket`,
          'kB',
          kB(m.shared.heapBytesPer),
          null,
          {
            on: 'api',
            op: '<=',
            value: 20,
          },
        ),
      );
      results.lines.push(
        'memory (after forced GC), heap + external / RSS, before → after opening them:',
        ...[m.oneSocketEach, m.shared, m.plain].map(
          (f) =>
            `  ${f.layout.padEnd(16)} ${mb(f.before.heapUsed + f.before.external)} → ${mb(f.after.heapUsed + f.after.external)} / ` +
            `${mb(f.before.rss)} → ${mb(f.after.rss)}`,
        ),
      );
    }
  } finally {
    await fixture?.remove();
  }
  results.lines.push(...failures);
  if (failures.length)
    results.metrics.push(
      metric('live parts that failed to run', 'parts', failures.length, null, { on: 'api', op: '<=', value: 0 }),
    );
  return results;
}
