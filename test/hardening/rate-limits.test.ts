import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueCredential } from '../../src/auth/tokens';
import { clientAddress } from '../../src/limits/address';
import { sharedCountersFromConfig } from '../../src/limits/rate-limiter';
import { declaredBucket } from '../../src/limits/field-rate-limit';
import { pubSubFromConfig } from '../../src/pubsub';
import { schema } from '../../src/schema';
import { buildApp, DEMO_QUESTION_SLUG } from '../../src/server';
import { bearer, post, type RawResponse } from '../helpers/http';
import { eventually, subscribe, wsClient } from '../helpers/live';
import { initialisedSocket, rawSocket } from '../helpers/raw-ws';
import { redisUrl } from '../helpers/redis';
import { logger, startInstance, startTestServer, type TestServer } from '../helpers/server';
import type { LimitsOptions } from '../../src/limits';
import { graphql } from '../helpers/graphql';
import { questionIdOf } from '../helpers/world';

let base: TestServer;
let questionId: string;
const tokens: Record<'doctorA' | 'doctorB' | 'staff', string> = { doctorA: '', doctorB: '', staff: '' };
const started: TestServer[] = [];

beforeAll(async () => {
  base = await startTestServer();
  const [a, b] = await base.db.doctor.findMany({ where: { verified: true }, orderBy: { id: 'asc' }, take: 2 });
  const staff = await base.db.staffMember.findFirstOrThrow();
  tokens.doctorA = await issueCredential(base.db, { role: 'doctor', doctorId: a!.id });
  tokens.doctorB = await issueCredential(base.db, { role: 'doctor', doctorId: b!.id });
  tokens.staff = await issueCredential(base.db, { role: 'staff', staffMemberId: staff.id });
  questionId = await questionIdOf(base, DEMO_QUESTION_SLUG);
});
afterAll(async () => {
  for (const server of started.reverse()) await server.stop();
  await base?.stop();
});

/** Another instance on the same database, with its own counters and these limits. */
async function instance(limits: LimitsOptions, options: { redisUrl?: string; prefix?: string } = {}) {
  const server = await startInstance(base.database, { ...options, limits, ownsDatabase: false });
  started.push(server);
  return server;
}

const READ = { query: '{ topics { name } }' };
const ASK = graphql(
  `mutation RateLimitsAskQuestion($input: AskQuestionInput!) { askQuestion(input: $input) { question { id } askerToken } }`,
);
const POST = graphql(
  `mutation RateLimitsPostAnswer($input: PostAnswerInput!) { postAnswer(input: $input) { answer { id } } }`,
);
const ask = (url: string, n: number, headers: Record<string, string> = {}) =>
  post(
    url,
    { query: ASK, variables: { input: { title: `Rate limit question ${n}`, body: 'Will this one be refused?' } } },
    headers,
  );
const answer = (url: string, token: string, body = 'An answer within the limits.') =>
  post(url, { query: POST, variables: { input: { questionId, body } } }, bearer(token));

/** A RATE_LIMITED refusal over HTTP: status 429, Retry-After equal to `extensions.retryAfter`. */
function expectRateLimited(response: RawResponse, message: RegExp, window: number) {
  expect(response.status).toBe(429);
  expect(response.json?.errors).toHaveLength(1);
  const [error] = response.json!.errors!;
  expect(error!.message).toMatch(message);
  expect(error!.extensions).toEqual({ code: 'RATE_LIMITED', retryAfter: expect.any(Number) });
  const retryAfter = error!.extensions!.retryAfter as number;
  expect(retryAfter).toBeGreaterThan(0);
  expect(retryAfter).toBeLessThanOrEqual(window);
  expect(response.headers.get('retry-after')).toBe(String(retryAfter));
  expect(response.json?.data).toBeUndefined(); // nothing ran
  return retryAfter;
}

describe('per operation', () => {
  it('counts every operation per client address; over the limit: 429 with Retry-After', async () => {
    const server = await instance({ rate: { operationsPerMinute: 3 } });
    for (let i = 0; i < 3; i++) expect((await post(server.url, READ)).status).toBe(200);
    expectRateLimited(
      await post(server.url, READ),
      /^Too many requests: the limit is 3 a minute\. Try again in \d+ seconds?\.$/,
      60,
    );
    // A credential has a budget of its own, whatever address it comes from.
    for (let i = 0; i < 3; i++) expect((await post(server.url, READ, bearer(tokens.doctorA))).status).toBe(200);
    expectRateLimited(await post(server.url, READ, bearer(tokens.doctorA)), /^Too many requests/, 60);
    expect((await post(server.url, READ, bearer(tokens.doctorB))).status).toBe(200);
  });

  it('counts over WebSocket too, refusing the operation and keeping the socket', async () => {
    const server = await instance({ rate: { operationsPerMinute: 2 } });
    const client = wsClient(server.url);
    try {
      const feed = 'subscription($q: ID!) { answerUpdated(questionId: $q) { kind } }';
      const first = subscribe(client, feed, { q: questionId });
      const second = subscribe(client, graphql(`query RateLimitsTopics { topics { name } }`), {});
      await second.waitFor(1);
      const third = subscribe(client, feed, { q: questionId });
      await eventually(() => third.errors.length > 0, 5000, 'the refusal');
      expect(third.errors).toEqual([
        expect.objectContaining({
          message: expect.stringMatching(/^Too many requests: the limit is 2 a minute/),
          extensions: { code: 'RATE_LIMITED', retryAfter: expect.any(Number) },
        }),
      ]);
      expect(first.errors).toEqual([]);
      expect(first.completed).toBe(false);
    } finally {
      await client.dispose();
    }
  });
});

describe('per mutation', () => {
  it('limits askQuestion per address, more strictly than reads, and writes nothing when refused', async () => {
    const server = await instance({ rate: { askQuestionPerHour: 2 } });
    const before = await base.db.question.count();
    const first = await ask(server.url, 1);
    expect(first.json?.errors).toBeUndefined();
    expect((await ask(server.url, 2)).json?.errors).toBeUndefined();
    const retryAfter = expectRateLimited(
      await ask(server.url, 3),
      /^Too many questions asked: the limit is 2 an hour\. Try again in \d+ minutes\.$/,
      3600,
    );
    expect(retryAfter).toBeGreaterThan(3500);
    // A credential does not open a new budget: askQuestion mints them.
    expectRateLimited(
      await ask(server.url, 4, bearer(first.json!.data!.askQuestion.askerToken)),
      /^Too many questions asked/,
      3600,
    );
    expect(await base.db.question.count()).toBe(before + 2);
    expect((await post(server.url, READ)).status).toBe(200); // reading goes on
  });

  it('limits postAnswer per credential, counting each aliased call', async () => {
    const server = await instance({ rate: { postAnswerPerHour: 2 } });
    const before = await base.db.answer.count();
    expect((await answer(server.url, tokens.doctorA)).json?.errors).toBeUndefined();
    expect((await answer(server.url, tokens.doctorA)).json?.errors).toBeUndefined();
    expectRateLimited(
      await answer(server.url, tokens.doctorA),
      /^Too many answers posted: the limit is 2 an hour\./,
      3600,
    );
    // Another doctor has a budget of their own: one answer, then two at once is one too many.
    expect((await answer(server.url, tokens.doctorB)).json?.errors).toBeUndefined();
    const twice = `mutation($a: PostAnswerInput!, $b: PostAnswerInput!) {
      a: postAnswer(input: $a) { answer { id } } b: postAnswer(input: $b) { answer { id } } }`;
    const input = { questionId, body: 'Twice at once.' };
    expectRateLimited(
      await post(server.url, { query: twice, variables: { a: input, b: input } }, bearer(tokens.doctorB)),
      /^Too many answers posted/,
      3600,
    );
    expect(await base.db.answer.count()).toBe(before + 3);
  });

  it('limits the other writes together, per credential', async () => {
    const server = await instance({ rate: { editsPerHour: 1 } });
    const answerId = (await answer(server.url, tokens.doctorA, 'To be edited.')).json!.data!.postAnswer.answer.id;
    const edit = 'mutation($input: EditAnswerInput!) { editAnswer(input: $input) { answer { body } } }';
    const hide = 'mutation($input: HideAnswerInput!) { hideAnswer(input: $input) { answerId } }';
    expect(
      (
        await post(
          server.url,
          { query: edit, variables: { input: { answerId, body: 'Edited once.' } } },
          bearer(tokens.staff),
        )
      ).json?.errors,
    ).toBeUndefined();
    expectRateLimited(
      await post(server.url, { query: hide, variables: { input: { answerId } } }, bearer(tokens.staff)),
      /^Too many edits: the limit is 1 an hour\./,
      3600,
    );
    expect(
      await base.db.answer.findUniqueOrThrow({
        where: { id: Number(Buffer.from(answerId, 'base64').toString().split(':')[1]) },
      }),
    ).toMatchObject({
      body: 'Edited once.',
      hiddenAt: null,
    });
  });

  it('finds a rate-limit bucket declared on every Mutation field, beside its auth scopes', () => {
    const declared = Object.fromEntries(
      Object.keys(schema.getMutationType()!.getFields()).map((field) => [field, declaredBucket(schema, field)]),
    );
    // A new mutation without `extensions: rateLimit(…)` shows up here as undefined.
    expect(declared).toEqual({
      askQuestion: 'askQuestion',
      postAnswer: 'postAnswer',
      editAnswer: 'edits',
      editQuestion: 'edits',
      hideAnswer: 'edits',
      markNotificationsRead: 'edits',
      agreeWithAnswer: 'edits',
      withdrawAgreement: 'edits',
      thankAnswer: 'edits',
      followTopic: 'edits',
      unfollowTopic: 'edits',
    });
  });
});

describe('across instances', () => {
  it('shares the counts through Redis: hits on one instance count on the other', async () => {
    const prefix = `ratelimit-${randomBytes(4).toString('hex')}`;
    const limits = { rate: { operationsPerMinute: 4 } };
    const a = await instance(limits, { redisUrl, prefix });
    const b = await instance(limits, { redisUrl, prefix });
    expect((await post(a.url, READ)).status).toBe(200);
    expect((await post(a.url, READ)).status).toBe(200);
    expect((await post(b.url, READ)).status).toBe(200);
    expect((await post(b.url, READ)).status).toBe(200);
    expectRateLimited(await post(a.url, READ), /^Too many requests/, 60);
    expectRateLimited(await post(b.url, READ), /^Too many requests/, 60);

    const redis = new Redis(redisUrl);
    try {
      expect(await redis.keys(`${prefix}:ratelimit:*`)).toEqual([`${prefix}:ratelimit:operations:{address:127.0.0.1}`]);
    } finally {
      redis.disconnect();
    }
    // Another deployment (another prefix) on the same Redis counts apart.
    const other = await instance(limits, { redisUrl, prefix: `${prefix}-other` });
    expect((await post(other.url, READ)).status).toBe(200);
  });

  it('falls back to counting in each process while Redis is unreachable', async () => {
    const shared = sharedCountersFromConfig('redis://127.0.0.1:1', 'nowhere', logger)!;
    const app = buildApp({
      db: base.db,
      pubSub: pubSubFromConfig(null, 'nowhere', logger),
      logger,
      limits: { rate: { operationsPerMinute: 2 } },
      sharedCounters: shared,
    });
    const url = `http://127.0.0.1:${await app.start(0, '127.0.0.1')}`;
    try {
      expect((await post(url, READ)).status).toBe(200);
      expect((await post(url, READ)).status).toBe(200);
      expectRateLimited(await post(url, READ), /^Too many requests/, 60);
    } finally {
      await app.stop(100);
      await shared.close();
    }
  });
});

describe('client address', () => {
  it('ignores X-Forwarded-For unless TRUST_PROXY says how many proxies to trust', async () => {
    const direct = await instance({ rate: { operationsPerMinute: 1 } });
    expect((await post(direct.url, READ, { 'x-forwarded-for': '203.0.113.1' })).status).toBe(200);
    expect((await post(direct.url, READ, { 'x-forwarded-for': '203.0.113.2' })).status).toBe(429);

    const proxied = await instance({ trustProxy: 1, rate: { operationsPerMinute: 1 } });
    expect((await post(proxied.url, READ, { 'x-forwarded-for': '203.0.113.1' })).status).toBe(200);
    expect((await post(proxied.url, READ, { 'x-forwarded-for': '203.0.113.1' })).status).toBe(429);
    // A forged entry on the left does not help: the proxy appended the real address.
    expect((await post(proxied.url, READ, { 'x-forwarded-for': '198.51.100.7, 203.0.113.1' })).status).toBe(429);
    expect((await post(proxied.url, READ, { 'x-forwarded-for': '203.0.113.2' })).status).toBe(200);
  });

  it('reads addresses as limits count them', () => {
    const req = (remoteAddress: string, forwardedFor?: string) =>
      ({
        socket: { remoteAddress },
        headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {},
      }) as unknown as IncomingMessage;
    expect(clientAddress(req('::ffff:192.0.2.5'), 0)).toBe('192.0.2.5');
    // IPv6 counts per /64.
    expect(clientAddress(req('2001:db8:1:2:aaaa::1'), 0)).toBe('2001:db8:1:2::/64');
    expect(clientAddress(req('2001:db8:1:2:bbbb:cccc:dddd:eeee'), 0)).toBe('2001:db8:1:2::/64');
    expect(clientAddress(req('2001:db8::1'), 0)).toBe('2001:db8:0:0::/64');
    expect(clientAddress(req('10.0.0.1', '192.0.2.1, 192.0.2.2, 10.0.0.9'), 2)).toBe('192.0.2.2');
    expect(clientAddress(req('10.0.0.1', '192.0.2.1'), 2)).toBe('192.0.2.1');
    expect(clientAddress(req('10.0.0.1'), 1)).toBe('10.0.0.1');
  });
});

describe('WebSocket bounds', () => {
  it('refuses an operation over the per-connection limit, keeping the others', async () => {
    const server = await instance({ websocket: { maxOperationsPerConnection: 2 } });
    const client = wsClient(server.url);
    try {
      const feed = 'subscription($q: ID!) { answerAdded(questionId: $q) { node { body } } }';
      const first = subscribe(client, feed, { q: questionId });
      const second = subscribe(client, feed, { q: questionId });
      await eventually(() => server.pubSub.listenerCount() === 2, 5000, 'two listeners');
      const third = subscribe(client, feed, { q: questionId });
      await eventually(() => third.errors.length > 0, 5000, 'the refusal');
      expect(third.errors[0]).toEqual([
        expect.objectContaining({
          message:
            'Too many operations on this connection: at most 2 at once. Complete one before starting another, or open another connection.',
          extensions: { code: 'RATE_LIMITED', limit: 2 },
        }),
      ]);
      await answer(server.url, tokens.doctorB, 'Both subscriptions get this.');
      await first.waitFor(1);
      await second.waitFor(1);
      // Once one ends, there is room again.
      first.stop();
      await eventually(() => server.pubSub.listenerCount() === 1, 5000, 'one listener');
      const fourth = subscribe(client, feed, { q: questionId });
      await eventually(() => server.pubSub.listenerCount() === 2, 5000, 'two listeners again');
      expect(fourth.errors).toEqual([]);
    } finally {
      await client.dispose();
    }
  });

  it('closes connections over the per-address limit with 1008 and a reason', async () => {
    const server = await instance({ websocket: { maxConnectionsPerAddress: 2 } });
    const one = await initialisedSocket(server.url);
    const two = await initialisedSocket(server.url);
    const three = await rawSocket(server.url);
    three.send({ type: 'connection_init' });
    expect(await three.closed).toEqual({ code: 1008, reason: 'Too many connections from your address: at most 2.' });
    expect(three.messages).toEqual([]); // never acknowledged
    one.close();
    await one.closed;
    await eventually(
      async () => {
        const again = await rawSocket(server.url);
        again.send({ type: 'connection_init' });
        const acked = await Promise.race([
          again.next((m) => m.type === 'connection_ack', 1000).then(() => true),
          again.closed.then(() => false),
        ]);
        again.close();
        return acked;
      },
      5000,
      'room for a new connection',
    );
    two.close();
  });
});
