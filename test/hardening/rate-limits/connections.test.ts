import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { Redis } from 'ioredis';
import { describe, expect } from 'vitest';
import { clientAddress } from '../../../src/limits/address';
import { sharedCountersFromConfig } from '../../../src/limits/rate-limiter';
import { pubSubFromConfig } from '../../../src/pubsub';
import { buildApp } from '../../../src/server';
import { post } from '../../helpers/http';
import { eventually, subscribe, wsClient } from '../../helpers/live';
import { initialisedSocket, rawSocket } from '../../helpers/raw-ws';
import { redisUrl } from '../../helpers/redis';
import { logger } from '../../helpers/server';
import { answer, expectRateLimited, it, READ } from './support';

/* Rate limits across instances, by client address, and on WebSocket connections. Shared setup: support.ts. */

describe('across instances', () => {
  it('shares the counts through Redis: hits on one instance count on the other', async ({ instance }) => {
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

  it('falls back to counting in each process while Redis is unreachable', async ({ server: base }) => {
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
  it('ignores X-Forwarded-For unless TRUST_PROXY says how many proxies to trust', async ({ instance }) => {
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
  it('refuses an operation over the per-connection limit, keeping the others', async ({
    tokens,
    questionId,
    instance,
  }) => {
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
      await answer(server.url, questionId, tokens.doctorB, 'Both subscriptions get this.');
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

  it('closes connections over the per-address limit with 1008 and a reason', async ({ instance }) => {
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
