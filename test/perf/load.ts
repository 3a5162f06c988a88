/**
 * Load held: many subscribers across two server processes, answers posted at a steady rate.
 * A script, not a test: `npm run perf:load [-- --subscribers 200 --rate 50 --seconds 60]`.
 * Loopback only; bounded in count and time; stops by itself.
 *
 * Reports delivered / expected (must be 100%), duplicates (must be 0), the error rate, the
 * post → subscriber latency (p50, p99, max) and each server's resident memory before and after.
 * Uses the test PostgreSQL (TEST_DATABASE_ADMIN_URL; a scratch database, dropped after) and the
 * test Redis (TEST_REDIS_URL).
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { seedDemo } from '../../prisma/seed/demo';
import { issueCredential } from '../../src/auth/tokens';
import { createDb } from '../../src/db/client';
import { migrate } from '../../src/db/migrate';
import { createTestDatabase } from '../helpers/database';
import { subscribe, wsClient, type LiveSubscription } from '../helpers/live';
import { startServerProcess } from '../helpers/process';
import { redisUrl } from '../helpers/redis';
import { logger } from '../helpers/server';
import { graphql, type ResultOf } from '../helpers/graphql';

const { values } = parseArgs({
  options: {
    subscribers: { type: 'string', default: '200' },
    rate: { type: 'string', default: '50' },
    seconds: { type: 'string', default: '60' },
    questions: { type: 'string', default: '10' },
  },
});
const options = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, Number(v)])) as Record<
  keyof typeof values,
  number
>;
for (const [name, value] of Object.entries(options)) {
  if (!Number.isInteger(value) || value < 1 || value > 5000) {
    console.error(`--${name} must be a whole number from 1 to 5000`);
    process.exit(2);
  }
}
const { subscribers, rate, seconds, questions } = options;
const log = (message: string) => console.error(`[load] ${message}`);

const database = await createTestDatabase();
await migrate(database.url, { logger });
const db = createDb(database.url, 2, logger);
await seedDemo(db, logger);
const doctors = await db.doctor.findMany({ take: 4, select: { id: true } });
const tokens = await Promise.all(doctors.map((d) => issueCredential(db, { role: 'doctor', doctorId: d.id })));
const asker = await db.asker.create({ data: {} });
const questionIds: string[] = [];
for (let i = 0; i < questions; i++) {
  const q = await db.question.create({
    data: { slug: `load-${i}`, title: `Load question ${i}`, body: 'Load', askerId: asker.id },
  });
  questionIds.push(Buffer.from(`Question:${q.id}`).toString('base64'));
}
await db.$disconnect();

// Limits are raised so that the load itself is not throttled: this measures delivery.
const env = {
  DATABASE_URL: database.url,
  REDIS_URL: redisUrl,
  PUBSUB_PREFIX: `load-${randomBytes(4).toString('hex')}`,
  RATE_LIMIT_OPERATIONS_PER_MINUTE: '1000000',
  RATE_LIMIT_POST_ANSWER_PER_HOUR: '1000000',
  WS_MAX_CONNECTIONS_PER_ADDRESS: '100000',
};
const servers = await Promise.all([startServerProcess(env), startServerProcess(env)]);
const memoryBefore = servers.map((s) => s.rssMiB());
log(`servers on ${servers.map((s) => s.port).join(', ')}; connecting ${subscribers} subscribers`);

const clients = Array.from({ length: subscribers }, (_, i) => wsClient(servers[i % 2]!.url));
const ANSWER_ADDED = graphql(
  `subscription PerfLoadAnswerAdded($q: ID!) { answerAdded(questionId: $q) { node { body } } }`,
);
const subscriptions: { question: number; live: LiveSubscription<ResultOf<typeof ANSWER_ADDED>> }[] = clients.map(
  (client, i) => ({
    question: i % questions,
    live: subscribe(client, ANSWER_ADDED, {
      q: questionIds[i % questions]!,
    }),
  }),
);

let sequence = 0;
const sentAt = new Map<string, number>();
let mutationErrors = 0;
async function post(question: number, label: string) {
  const body = `${label} ${sequence++}`;
  const server = servers[sequence % 2]!;
  sentAt.set(body, performance.now());
  try {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[sequence % tokens.length]}` },
      body: JSON.stringify({
        query: 'mutation($input: PostAnswerInput!) { postAnswer(input: $input) { answer { id } } }',
        variables: { input: { questionId: questionIds[question], body } },
      }),
    });
    const result = await response.json();
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return body;
  } catch (error) {
    mutationErrors++;
    sentAt.delete(body);
    if (mutationErrors <= 3) log(`mutation failed: ${error}`);
    return null;
  }
}

// Warm-up: answers to each question until every one of its subscribers has had one, which
// proves that all subscriptions are live (a client cannot see that otherwise).
const deadline = Date.now() + 60_000;
for (;;) {
  const waiting = new Set(subscriptions.filter((s) => s.live.received.length === 0).map((s) => s.question));
  if (waiting.size === 0) break;
  if (Date.now() > deadline) throw new Error(`subscribers of ${waiting.size} questions did not start within 60 s`);
  await Promise.all([...waiting].map((q) => post(q, 'warmup')));
  await new Promise((resolve) => setTimeout(resolve, 500));
}
mutationErrors = 0;
for (const { live } of subscriptions) live.received.length = 0;
const receivedAt = new Map<LiveSubscription<ResultOf<typeof ANSWER_ADDED>>, number[]>();
// Timestamps of arrival, per subscription, kept beside the payloads.
for (const { live } of subscriptions) {
  const times: number[] = [];
  receivedAt.set(live, times);
  const push = live.received.push.bind(live.received);
  live.received.push = (...items: ResultOf<typeof ANSWER_ADDED>[]) => {
    for (const _ of items) times.push(performance.now());
    return push(...items);
  };
}

log(`posting ${rate} answers/s for ${seconds} s across ${questions} questions`);
const posted: { body: string; question: number }[] = [];
const started = performance.now();
const inFlight: Promise<void>[] = [];
for (let i = 0; i < rate * seconds; i++) {
  const due = started + (i * 1000) / rate;
  const wait = due - performance.now();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  const question = i % questions;
  inFlight.push(post(question, 'load').then((body) => void (body && posted.push({ body, question }))));
}
await Promise.all(inFlight);
const postingSeconds = (performance.now() - started) / 1000;

const perQuestion = Array.from({ length: questions }, (_, q) => subscriptions.filter((s) => s.question === q).length);
const expected = posted.reduce((sum, p) => sum + perQuestion[p.question]!, 0);
const delivered = () => subscriptions.reduce((sum, s) => sum + s.live.received.length, 0);
const drainUntil = Date.now() + 15_000;
while (delivered() < expected && Date.now() < drainUntil) await new Promise((resolve) => setTimeout(resolve, 100));

let duplicates = 0;
let subscriptionErrors = 0;
const latencies: number[] = [];
for (const { live } of subscriptions) {
  subscriptionErrors += live.errors.length;
  const seen = new Set<string>();
  const times = receivedAt.get(live)!;
  live.received.forEach((event, index) => {
    const body: string = event.answerAdded.node.body;
    if (seen.has(body)) duplicates++;
    seen.add(body);
    const sent = sentAt.get(body);
    if (sent !== undefined) latencies.push(times[index]! - sent);
  });
}
latencies.sort((a, b) => a - b);
const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
const memoryAfter = servers.map((s) => s.rssMiB());

const attempts = rate * seconds;
console.log(
  `load: ${subscribers} subscribers (graphql-ws, ${subscribers / 2} per instance) on ${questions} questions, two server processes, Redis pub/sub, PostgreSQL`,
);
console.log(
  `posted          ${posted.length} answers in ${postingSeconds.toFixed(1)} s (${(posted.length / postingSeconds).toFixed(1)}/s; target ${rate}/s)`,
);
console.log(
  `delivered       ${delivered() - duplicates} / ${expected} expected (${((100 * (delivered() - duplicates)) / expected).toFixed(2)}%)`,
);
console.log(`duplicates      ${duplicates}`);
console.log(
  `errors          ${mutationErrors} of ${attempts} mutations (${((100 * mutationErrors) / attempts).toFixed(2)}%), ${subscriptionErrors} subscription errors`,
);
console.log(
  `latency         p50 ${at(0.5).toFixed(1)} ms, p99 ${at(0.99).toFixed(1)} ms, max ${at(1).toFixed(1)} ms (post sent → event received)`,
);
console.log(
  `memory (RSS)    ${servers.map((_, i) => `instance ${i + 1}: ${memoryBefore[i]!.toFixed(0)} → ${memoryAfter[i]!.toFixed(0)} MiB`).join('; ')}`,
);

await Promise.all(clients.map((client) => client.dispose()));
await Promise.all(servers.map((server) => server.stop()));
await database.drop();
const ok = delivered() - duplicates === expected && duplicates === 0 && mutationErrors === 0;
process.exit(ok ? 0 : 1);
