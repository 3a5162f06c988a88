/**
 * The live parts of the bench, run after the HTTP parts (or alone: BENCH_ONLY=live, see
 * bench/run.ts): live delivery across two instances, memory per idle subscription. Each part is
 * its own file; this one starts the processes each needs and turns their figures into metrics.
 */
import { memory as memoryConfig, apiEnv } from './config';
import { createLiveFixture, type LiveFixture } from './live-fixture';
import { measureLive, type LiveFigures } from './live';
import { measurePlainSockets, measureSubscriptions, type MemoryFigures } from './memory';
import type { ServerProcess } from './processes';
import { metric, type Metric } from './report';

/** The parts BENCH_ONLY may name (comma-separated); empty or unset: every part. */
export const livePartNames = ['live', 'memory'] as const;
export type LivePart = (typeof livePartNames)[number];

export interface LiveRunner {
  start(name: string, env: Record<string, string>, probe?: boolean): Promise<ServerProcess>;
  startFloor(name: string, probe: boolean): Promise<ServerProcess>;
  stop(...servers: ServerProcess[]): Promise<void>;
}

export interface LiveResults {
  metrics: Metric[];
  details: { live?: LiveFigures[]; memory?: Record<'oneSocketEach' | 'shared' | 'plain', MemoryFigures> };
  /** Lines printed under the table. */
  lines: string[];
}

const kB = (bytes: number) => bytes / 1000;
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
const plural = (n: number) => `${n} subscriber${n === 1 ? '' : 's'}`;

function liveMetrics(figures: LiveFigures[]): Metric[] {
  return figures.flatMap((l) => [
    metric(`live delivery p50, ${plural(l.subscribers)} (÷ Redis round trip)`, 'ms', l.p50, l.redis.p50),
    metric(
      `live delivery p99, ${plural(l.subscribers)} (÷ Redis round trip)`,
      'ms',
      l.p99,
      l.redis.p99,
      l.subscribers === 100
        ? { on: 'ratio', op: '<=', value: 5 }
        : l.subscribers === 1000
          ? { on: 'api', op: '<', value: 50 }
          : null,
    ),
  ]);
}

export async function runLiveParts(parts: ReadonlySet<LivePart>, runner: LiveRunner): Promise<LiveResults> {
  const results: LiveResults = { metrics: [], details: {}, lines: [] };
  let fixture: LiveFixture | null = null;
  try {
    fixture = await createLiveFixture();
    if (parts.has('live')) {
      const [a, b] = await Promise.all([runner.start('api-a', apiEnv()), runner.start('api-b', apiEnv())]);
      const figures = await measureLive(a, b, fixture);
      await runner.stop(a, b);
      results.details.live = figures;
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
  return results;
}
