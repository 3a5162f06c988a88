import type { LoadFigures } from './http-load';
import { type Metric, metric } from './report';

/** The table's rows for one page: CPU, throughput and latency of the API against PostGraphile and the floor. */
export function httpMetrics(page: string, figures: Record<string, LoadFigures>): Metric[] {
  const {
    api,
    floor,
    'api-cached': cached,
    postgraphile: peer,
  } = figures as Record<'api' | 'floor' | 'api-cached' | 'postgraphile', LoadFigures>;
  return [
    metric(`${page}: server CPU per request (API ÷ PostGraphile)`, 'ms', api.cpuMsPerRequest, peer.cpuMsPerRequest, {
      on: 'ratio',
      op: '<=',
      value: 0.8,
    }),
    metric(`${page}: server CPU per request (API ÷ floor)`, 'ms', api.cpuMsPerRequest, floor.cpuMsPerRequest, {
      on: 'ratio',
      op: '<=',
      value: 3,
    }),
    metric(`${page}: throughput (API ÷ PostGraphile)`, 'req/s', api.rps, peer.rps),
    metric(`${page}: throughput (API ÷ floor)`, 'req/s', api.rps, floor.rps, { on: 'ratio', op: '>=', value: 0.7 }),
    metric(`${page}: p99 latency (API ÷ PostGraphile)`, 'ms', api.p99, peer.p99),
    metric(`${page}: p99 latency (API ÷ floor)`, 'ms', api.p99, floor.p99, { on: 'ratio', op: '<=', value: 1.5 }),
    metric(`${page}: p50 latency (API ÷ floor)`, 'ms', api.p50, floor.p50),
    ...(api.postgresCpuMsPerRequest !== null && floor.postgresCpuMsPerRequest !== null
      ? [
          metric(
            `${page}: PostgreSQL CPU per request`,
            'ms',
            api.postgresCpuMsPerRequest,
            floor.postgresCpuMsPerRequest,
          ),
        ]
      : []),
    // The API as it runs by default, with its response cache: the pages repeat, so nearly every
    // request is a hit. Shown beside the floor, without a target: the floor has no cache.
    metric(`${page}, response cache on: throughput (API ÷ floor)`, 'req/s', cached.rps, floor.rps),
    metric(`${page}, response cache on: p99 latency (API ÷ floor)`, 'ms', cached.p99, floor.p99),
  ];
}
