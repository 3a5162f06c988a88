/**
 * Post → subscriber latency of answerAdded, on one instance and across two (Redis between them).
 * A script, not a test: `npm run perf:live [-- --answers 100]`. Loopback only, bounded in count.
 *
 * It creates a scratch database on the test PostgreSQL (TEST_DATABASE_ADMIN_URL) and uses the
 * test Redis (TEST_REDIS_URL), starts two instances in this process, subscribes over graphql-ws
 * on the first, then posts answers one at a time through the first (one instance) and through
 * the second (two instances), timing from sending the mutation to receiving the event.
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { issueCredential } from '../../src/auth/tokens';
import { subscribe, wsClient } from '../helpers/live';
import { redisUrl } from '../helpers/redis';
import { startInstance, startTestServer } from '../helpers/server';

const { values } = parseArgs({ options: { answers: { type: 'string', default: '100' } } });
const count = Number(values.answers);
if (!Number.isInteger(count) || count < 1 || count > 10_000) {
  console.error('--answers must be a whole number from 1 to 10000');
  process.exit(2);
}

const seeded = await startTestServer();
await seeded.app.stop(100);
await seeded.pubSub.close();
await seeded.db.$disconnect();
const prefix = `latency-${randomBytes(4).toString('hex')}`;
const a = await startInstance(seeded.database, { redisUrl, prefix });
const b = await startInstance(seeded.database, { redisUrl, prefix, ownsDatabase: false });

try {
  const doctor = await a.db.doctor.findFirstOrThrow();
  const token = await issueCredential(a.db, { role: 'doctor', doctorId: doctor.id });
  const { data } = await a.request('{ question(slug: "is-scalp-micropigmentation-permanent") { id } }');
  const questionId: string = data.question.id;
  const client = wsClient(a.url);
  const live = subscribe(client, 'subscription($q: ID!) { answerAdded(questionId: $q) { node { body } } }', { q: questionId });
  while (a.pubSub.listenerCount() < 1) await new Promise((resolve) => setTimeout(resolve, 10));

  async function measure(label: string, via: typeof a): Promise<void> {
    const samples: number[] = [];
    for (let i = 0; i < count; i++) {
      const expected = live.received.length + 1;
      const started = performance.now();
      await via.request(
        'mutation($input: PostAnswerInput!) { postAnswer(input: $input) { answer { id } } }',
        { input: { questionId, body: `${label} ${i}` } },
        { authorization: `Bearer ${token}` },
      );
      await live.waitFor(expected);
      samples.push(performance.now() - started);
    }
    samples.sort((x, y) => x - y);
    const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!.toFixed(1);
    console.log(`${label.padEnd(14)} n=${count}  median ${at(0.5)} ms  p90 ${at(0.9)} ms  worst ${at(1)} ms`);
  }

  console.log(`post → subscriber latency of answerAdded (graphql-ws; Redis pub/sub; PostgreSQL)`);
  await measure('one instance', a);
  await measure('two instances', b);
  const duplicates = live.received.length - new Set(live.received.map((e) => e.answerAdded.node.body)).size;
  console.log(`events received: ${live.received.length} of ${2 * count} posted; duplicates: ${duplicates}`);
  await client.dispose();
} finally {
  await b.stop();
  await a.stop();
}
