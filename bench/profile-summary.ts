/**
 * Where the API's CPU time goes, from a `node --cpu-prof` profile (e.g. BENCH_ONLY=read with
 * BENCH_API_NODE_ARGS='--cpu-prof --cpu-prof-dir=<dir>', bench/run.ts): self time by package, Node's own work (built-ins, native code)
 * charged to the nearest caller that belongs to a package, garbage collection and the event loop
 * on their own lines.
 *
 *   npx tsx bench/profile-summary.ts <file.cpuprofile> [from seconds] [to seconds] [--functions]
 *
 * `from`/`to` keep only the samples taken in that window, in seconds since the profile started
 * (e.g. the question page's load and not start-up). `--functions` also lists the hottest functions.
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** The groups of the summary, by package name. */
const groups: [RegExp, string][] = [
  [
    /^(graphql-yoga|@graphql-yoga\/.*|@whatwg-node\/.*|@envelop\/.*|@graphql-tools\/.*)$/,
    'Yoga / @whatwg-node / envelop',
  ],
  [/^@pothos\/.*$/, 'Pothos'],
  [/^(@prisma\/.*|prisma-client)$/, 'Prisma'],
  [/^(pg|pg-.*|postgres-.*)$/, 'pg'],
  [/^graphql$/, 'graphql-js (parse, validate, execute)'],
  [/^(rate-limiter-flexible|ioredis|@ioredis\/.*|redis-.*|denque|cluster-key-slot)$/, 'rate limiter (Redis)'],
  [/^(pino|pino-.*|sonic-boom|thread-stream|fast-redact|quick-format-unescaped|on-exit-leak-free)$/, 'pino'],
  [/^@escape\.tech\/.*$/, 'graphql-armor'],
  [/^(lru-cache)$/, 'lru-cache'],
];

function packageOf(url: string): string | null {
  const at = url.lastIndexOf('/node_modules/');
  if (at >= 0) {
    const parts = url.slice(at + 14).split('/');
    return parts[0]!.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!;
  }
  if (url.includes('/src/generated/prisma/')) return 'prisma-client';
  if (url.includes('/src/')) return 'own code (src/)';
  return null;
}

function groupOf(pkg: string): string {
  for (const [pattern, group] of groups) if (pattern.test(pkg)) return group;
  return pkg;
}

export function summarize(profile: Profile, fromSeconds = 0, toSeconds = Infinity) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  // The group each node's self time is charged to: its own package, else the nearest ancestor's.
  const charged = new Map<number, string>();
  const chargeOf = (id: number): string => {
    const known = charged.get(id);
    if (known) return known;
    const node = byId.get(id)!;
    const { functionName, url } = node.callFrame;
    let group: string;
    if (functionName === '(garbage collector)') group = 'garbage collection';
    else if (functionName === '(idle)') group = '(idle)';
    else if (functionName === '(program)') group = 'event loop, sockets, native (program)';
    else {
      const pkg = packageOf(url);
      if (pkg) group = groupOf(pkg);
      else {
        const up = parent.get(id);
        const upNode = up === undefined ? undefined : byId.get(up);
        group =
          up === undefined || upNode?.callFrame.functionName === '(root)'
            ? 'event loop, sockets, native (program)'
            : chargeOf(up);
      }
    }
    charged.set(id, group);
    return group;
  };
  const totals = new Map<string, number>();
  const functions = new Map<string, number>();
  let t = 0;
  let total = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i]!;
    const seconds = t / 1e6;
    if (seconds < fromSeconds || seconds > toSeconds) continue;
    const dt = profile.timeDeltas[i + 1] ?? 0; // a sample stands for the interval after it
    const id = profile.samples[i]!;
    const group = chargeOf(id);
    if (group === '(idle)') continue;
    totals.set(group, (totals.get(group) ?? 0) + dt);
    total += dt;
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    const fn = `${functionName || '(anonymous)'} ${url.replace(/^.*node_modules\//, '')}:${lineNumber + 1} [${group}]`;
    functions.set(fn, (functions.get(fn) ?? 0) + dt);
  }
  return { total, totals, functions };
}

if (process.argv[1]?.endsWith('profile-summary.ts')) {
  const [file, from, to] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  if (!file) throw new Error('usage: profile-summary.ts <file.cpuprofile> [from s] [to s] [--functions]');
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const { total, totals, functions } = summarize(profile, Number(from ?? 0), to ? Number(to) : Infinity);
  console.log(`busy CPU in the window: ${(total / 1e6).toFixed(2)} s`);
  for (const [group, us] of [...totals].sort((a, b) => b[1] - a[1])) {
    console.log(`${((100 * us) / total).toFixed(1).padStart(5)}%  ${group}`);
  }
  if (process.argv.includes('--functions')) {
    console.log('\nhottest functions (self time):');
    for (const [fn, us] of [...functions].sort((a, b) => b[1] - a[1]).slice(0, 60)) {
      console.log(`${((100 * us) / total).toFixed(1).padStart(5)}%  ${fn}`);
    }
  }
}
