/**
 * `npm run bench`: the API against a floor of hand-written SQL, side by side, in one run.
 *
 *   1. data set: bench/dataset.ts (generated once, reused);
 *   2. the floor's responses are checked to be byte-for-byte the API's, and PostGraphile 5's (the
 *      peer, bench/peer.ts) to carry the same data;
 *   3. SQL statements per request (in-process API, Prisma query events; the floor and the peer count theirs);
 *   4. HTTP load on the question page and the list page, API, floor and peer alternating (autocannon);
 *   5. the live parts (bench/live-run.ts): live delivery across two API instances, against a raw
 *      Redis round trip; memory per idle subscription.
 *
 * Prints the table on stdout (progress on stderr) and writes bench/results/latest.json and
 * latest.svg. Exits 0 whether or not targets are met; non-zero only if the bench itself fails.
 *
 * BENCH_ONLY=live,memory (any of `http` and bench/live-run.ts's parts) runs only those parts, for
 * iterating on one of them: the table is printed, and latest.json is left as it is.
 * BENCH_ONLY=read is a quicker `http` for working on the read path (about 2 minutes): only the API
 * with its cache off, the floor and PostGraphile, no statement counts; CPU per request, p99 and the
 * ratios printed (with BENCH_BASELINE, bench/config.ts, also another checkout's API in the same rounds).
 * BENCH_API_NODE_ARGS='--cpu-prof --cpu-prof-dir=<dir>' profiles the API; bench/profile-summary.ts
 * sums such a profile by package.
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import {
  apiEnv,
  baselineDir,
  databaseUrl,
  http,
  live as liveConfig,
  memory as memoryConfig,
  progress,
  redisUrl,
  root,
} from './config';
import { prepareDataSet } from './dataset';
import { httpMetrics } from './http-metrics';
import { machine } from './machine';
import { compareLoad, type LoadFigures } from './http-load';
import { type LivePart, livePartNames, runLiveParts } from './live-run';
import { checkSameResponses, questionList, questionPage } from './operations';
import { checkPeerData, installPeer, preparePeerDatabase } from './peer';
import { logDirectory, removeLogs, startApi, startFloor, startPeer, type ServerProcess } from './processes';
import { metric, textTable, writeResults, type Metric } from './report';
import { countStatements } from './statements';

const started = performance.now();
const partNames = ['http', 'read', ...livePartNames] as const;
type Part = (typeof partNames)[number];
const only = (process.env.BENCH_ONLY ?? '').split(',').filter(Boolean);
for (const name of only) {
  if (!(partNames as readonly string[]).includes(name))
    throw new Error(`BENCH_ONLY: no part "${name}" (parts: ${partNames.join(', ')})`);
}
const parts = new Set<Part>(only.length ? (only as Part[]) : partNames.filter((p) => p !== 'read'));
const running: ServerProcess[] = [];
const start = async (make: () => Promise<ServerProcess>) => {
  const server = await make();
  running.push(server);
  return server;
};
const stop = async (...servers: ServerProcess[]) => {
  await Promise.all(servers.map((s) => s.stop()));
  for (const s of servers) running.splice(running.indexOf(s), 1);
};

async function measureHttp(data: Awaited<ReturnType<typeof prepareDataSet>>) {
  installPeer();
  await preparePeerDatabase();

  // --- The two servers, and the floor checked against the API. ------------------------------------
  const floorEnv = { DATABASE_URL: databaseUrl, DATABASE_POOL_SIZE: String(http.poolSize) };
  // The API twice: with its response cache off (every request does the work, as the floor's does:
  // the comparison with targets) and as it runs by default (cache on).
  const [api, apiCached, floor, peer] = await Promise.all([
    start(() => startApi('api', apiEnv({ RESPONSE_CACHE_TTL_MS: '0' }))),
    start(() => startApi('api-cached', apiEnv())),
    start(() => startFloor('floor', floorEnv)),
    start(() => startPeer('postgraphile', floorEnv)),
  ]);
  const questionPages = data.questionSlugs.map((slug) => questionPage(slug));
  const listPages = data.topicSlugs.map((topic) => questionList(topic));
  progress(`checking the floor against the API on ${questionPages.length + listPages.length + 7} requests`);
  const checked = [
    questionPage('is-scalp-micropigmentation-permanent'), // doctors without specialty, an edited editorial answer
    ...[1, 20, 100].map((n) => questionPage(data.largeQuestionSlug, n)),
    ...[5, 20, 100].map((n) => questionList(data.topicSlugs[0]!, n)),
    ...questionPages,
    ...listPages,
  ];
  await checkSameResponses(api.url, floor.url, checked);
  await checkSameResponses(apiCached.url, floor.url, checked);
  progress('checking PostGraphile carries the same data');
  await checkPeerData(api.url, peer.url, checked);

  // --- SQL statements per request. -------------------------------------------------------------------
  progress('counting SQL statements per request');
  const statementPages = [
    ...[1, 20, 100].map((n) => ({
      label: `question page, ${n} answer${n === 1 ? '' : 's'}`,
      request: questionPage(data.largeQuestionSlug, n),
    })),
    ...[5, 20, 100].map((n) => ({ label: `list page, ${n} questions`, request: questionList(data.topicSlugs[0]!, n) })),
  ];
  const statements = await countStatements(floor.url, peer.url, statementPages);

  // --- HTTP load. ---------------------------------------------------------------------------------------
  const questionLoad = await compareLoad('question page', [api, floor, apiCached, peer], questionPages);
  const listLoad = await compareLoad('list page', [api, floor, apiCached, peer], listPages);
  await stop(api, apiCached, floor, peer);

  const metrics: Metric[] = [
    ...httpMetrics('question page', questionLoad),
    ...httpMetrics('list page', listLoad),
    ...statements.flatMap((s) => {
      const sameSize = statements.filter((o) => o.label.split(',')[0] === s.label.split(',')[0]);
      const m = metric(`SQL statements: ${s.label}`, 'statements', s.api, s.floor, { on: 'api', op: '<=', value: 3 });
      // "≤ 3 and independent of page size": the same count at every size of the page.
      m.met = m.met! && sameSize.every((o) => o.api === s.api);
      m.target!.text = '≤ 3, same at every size';
      return [m, metric(`SQL statements: ${s.label} (API ÷ PostGraphile)`, 'statements', s.api, s.peer)];
    }),
  ];
  const lines: string[] = [];
  const cpu = (label: string, figures: Record<string, LoadFigures>) => {
    lines.push(
      `${label}: CPU ms per request (server / PostgreSQL / Redis / load generator; other load on the machine):`,
    );
    for (const [name, f] of Object.entries(figures)) {
      const ms = (v: number | null) => (v === null ? '–' : v.toFixed(3));
      lines.push(
        `  ${name.padEnd(10)} ${ms(f.cpuMsPerRequest)} / ${ms(f.postgresCpuMsPerRequest)} / ${ms(f.redisCpuMsPerRequest)} / ` +
          `${ms(f.loadGeneratorCpuMsPerRequest)}; ${(100 * f.otherCores).toFixed(0)}% of a core`,
      );
    }
  };
  cpu('question page', questionLoad);
  cpu('list page', listLoad);
  return { metrics, lines, details: { http: { questionPage: questionLoad, listPage: listLoad }, statements } };
}

/**
 * BENCH_ONLY=read: the HTTP read path alone, quickly (see above); the same checks of the floor and
 * the peer first. Returns the lines to print.
 */
async function measureReadPath(data: Awaited<ReturnType<typeof prepareDataSet>>): Promise<string[]> {
  installPeer();
  await preparePeerDatabase();
  const floorEnv = { DATABASE_URL: databaseUrl, DATABASE_POOL_SIZE: String(http.poolSize) };
  const checkout = baselineDir;
  const servers = await Promise.all([
    start(() => startApi('api', apiEnv({ RESPONSE_CACHE_TTL_MS: '0' }))),
    ...(checkout ? [start(() => startApi('api-base', apiEnv({ RESPONSE_CACHE_TTL_MS: '0' }), false, checkout))] : []),
    start(() => startFloor('floor', floorEnv)),
    start(() => startPeer('postgraphile', floorEnv)),
  ]);
  const byName = Object.fromEntries(servers.map((s) => [s.name, s]));
  const questionPages = data.questionSlugs.map((slug) => questionPage(slug));
  const listPages = data.topicSlugs.map((topic) => questionList(topic));
  progress(`checking the floor against the API, and PostGraphile's data`);
  await checkSameResponses(byName.api!.url, byName.floor!.url, [...questionPages, ...listPages]);
  await checkPeerData(byName.api!.url, byName.postgraphile!.url, [
    ...questionPages.slice(0, 5),
    ...listPages.slice(0, 5),
  ]);
  const load = {
    'question page': await compareLoad('question page', servers, questionPages),
    'list page': await compareLoad('list page', servers, listPages),
  };
  await stop(...servers);
  const lines: string[] = [];
  const ms = (v: number) => v.toFixed(3);
  for (const [page, figures] of Object.entries(load)) {
    const { api: a, floor: f, postgraphile: p } = figures as Record<'api' | 'floor' | 'postgraphile', LoadFigures>;
    lines.push(
      `${page}: CPU ms/request API ${ms(a.cpuMsPerRequest)}, PostGraphile ${ms(p.cpuMsPerRequest)}, floor ${ms(f.cpuMsPerRequest)}; ` +
        `API ÷ PostGraphile ${(a.cpuMsPerRequest / p.cpuMsPerRequest).toFixed(2)}×, ÷ floor ${(a.cpuMsPerRequest / f.cpuMsPerRequest).toFixed(2)}×; ` +
        `p99 ms API ${a.p99.toFixed(2)}, PostGraphile ${p.p99.toFixed(2)}, floor ${f.p99.toFixed(2)} (API ÷ floor ${(a.p99 / f.p99).toFixed(2)}×); ` +
        `req/s API ${a.rps.toFixed(0)}, PostGraphile ${p.rps.toFixed(0)}, floor ${f.rps.toFixed(0)}; ` +
        `other load up to ${(100 * Math.max(a.otherCores, f.otherCores, p.otherCores)).toFixed(0)}% of a core`,
    );
    const b = (figures as Record<string, LoadFigures>)['api-base'];
    if (b) {
      lines.push(
        `  baseline ${checkout}: CPU ms/request ${ms(b.cpuMsPerRequest)}; API ÷ baseline ${(a.cpuMsPerRequest / b.cpuMsPerRequest).toFixed(2)}×; ` +
          `baseline ÷ PostGraphile ${(b.cpuMsPerRequest / p.cpuMsPerRequest).toFixed(2)}×; p99 ${b.p99.toFixed(2)} ms; req/s ${b.rps.toFixed(0)}`,
      );
    }
  }
  lines.push(`load average at the end: ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`);
  return lines;
}

async function main(): Promise<void> {
  progress(
    `npm run bench: ${os.availableParallelism()} CPUs, database ${databaseUrl.replace(/\/\/[^@]*@/, '//')}, Redis ${redisUrl}, ` +
      `parts: ${[...parts].join(', ')}`,
  );
  const data = await prepareDataSet();
  const machineInfo = await machine();
  const httpResults = parts.has('http') ? await measureHttp(data) : null;
  const readLines = parts.has('read') ? await measureReadPath(data) : [];

  const floorEnv = { DATABASE_URL: databaseUrl, DATABASE_POOL_SIZE: String(http.poolSize) };
  const liveResults = await runLiveParts(
    new Set([...parts].filter((p): p is LivePart => p !== 'http' && p !== 'read')),
    {
      start: (name, env, probe = false) => start(() => startApi(name, env, probe)),
      startFloor: (name, probe) => start(() => startFloor(name, floorEnv, probe)),
      stop,
    },
  );

  // --- Report. ---------------------------------------------------------------------------------------
  const metrics: Metric[] = [...(httpResults?.metrics ?? []), ...liveResults.metrics];
  const durationSeconds = (performance.now() - started) / 1000;
  const results = {
    date: new Date().toISOString(),
    durationSeconds: Math.round(durationSeconds),
    machine: machineInfo,
    dataSet: { questions: data.questions, answers: data.answers, doctors: data.doctors },
    metrics,
    details: {
      settings: { http, live: liveConfig, memory: memoryConfig },
      ...httpResults?.details,
      ...liveResults.details,
    },
  };
  const files = only.length ? null : writeResults(results);

  console.log(textTable(metrics));
  console.log('');
  for (const line of [...(httpResults?.lines ?? []), ...readLines, ...liveResults.lines]) console.log(line);
  const unmet = metrics.filter((x) => x.met === false).length;
  const judged = metrics.filter((x) => x.met !== null).length;
  console.log(
    `\n${judged - unmet} of ${judged} targets met; ${durationSeconds.toFixed(0)} s in all. ` +
      (files
        ? `Written: ${files.json.replace(root, '')}, ${files.svg.replace(root, '')}`
        : `Parts ${only.join(', ')} only: latest.json left as it was.`),
  );
}

main().then(
  () => {
    removeLogs();
    process.exit(0);
  },
  async (error: unknown) => {
    console.error(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    await Promise.all(running.map((s) => s.stop().catch(() => undefined)));
    console.error(`server logs: ${logDirectory}`);
    process.exit(1);
  },
);
