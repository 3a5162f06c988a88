import { randomBytes } from 'node:crypto';
import { describe, expect } from 'vitest';
import { Redis } from 'ioredis';
import { createRedisTransport, reconnectDelay } from '../../../src/pubsub/transport';
import { eventually } from '../../helpers/live';
import { freePort } from '../../helpers/redis-server';
import { logger } from '../../helpers/server';
import { type Faults, it } from './support';

/* The Redis transport across an outage. Shared setup (two instances of one deployment on a Redis of the file's own): support.ts. */

describe('the Redis transport across an outage', () => {
  /**
   * Our connections to the private Redis, by name, as Redis sees them; with `all`, every
   * connection but the one asking, named or not yet ('').
   */
  async function connectionNames({ redis, cleanups }: Faults, { all = false } = {}): Promise<string[]> {
    const admin = new Redis(redis.url, { lazyConnect: true, retryStrategy: () => null, connectionName: 'test-admin' });
    cleanups.push(() => admin.disconnect());
    await admin.connect();
    const list = (await admin.client('LIST')) as string;
    admin.disconnect();
    return [...list.matchAll(/ name=(\S*)/g)]
      .map((match) => match[1]!)
      .filter((name) => (all ? name !== 'test-admin' : name.startsWith('medqa-')))
      .sort();
  }

  /**
   * Resolves once any reconnection our clients had pending when it was called has begun: a
   * witness reconnecting with their own strategy (to a port nobody listens on) waits until it has
   * made an attempt scheduled later than the strategy's longest delay. Node fires timers in the
   * order they fall due, so by then every earlier-due reconnect timer has fired and its TCP
   * connection has been opened (Redis accepts them in order, before a later client's).
   */
  async function afterAnyPendingReconnect({ cleanups }: Faults) {
    const longest = reconnectDelay(Number.MAX_SAFE_INTEGER);
    const witness = new Redis(await freePort(), '127.0.0.1', { lazyConnect: true, retryStrategy: reconnectDelay });
    cleanups.push(() => witness.disconnect());
    witness.on('error', () => {}); // refused, every time: that is its job
    let scheduled = 0;
    await new Promise<void>((resolve) => {
      // 'reconnecting' comes as the next attempt is scheduled, so after the previous one failed.
      witness.on('reconnecting', (delay: number) => {
        if (scheduled > longest) resolve();
        scheduled += delay;
      });
      witness.connect().catch(() => {});
    });
    witness.disconnect();
  }

  it('signals "catch up" only once the channel is live again, so nothing published after it is lost', async ({
    faults,
  }) => {
    const { redis, cleanups } = faults;
    const transport = createRedisTransport(redis.url, logger);
    cleanups.push(() => transport.close());
    const channel = `catch-up-${randomBytes(3).toString('hex')}`;
    let received: (string | null)[] = [];
    let publisher: Redis | null = null;
    let caughtUp = false;
    const publishAfterCatchUp = () => void publisher?.publish(channel, 'published after the catch-up signal');
    await transport.subscribe(channel, (message) => {
      received.push(message);
      // What a subscription does on "catch up": read the database; anything committed and
      // published from then on must still arrive as an event.
      if (message === null) {
        caughtUp = true;
        publishAfterCatchUp();
      }
    });
    await eventually(() => transport.healthy(), 5000, 'the transport to connect');

    await redis.stop();
    await eventually(() => !transport.healthy(), 5000, 'the transport to see Redis go');
    received = [];
    caughtUp = false;
    await redis.start();
    publisher = new Redis(redis.url, { connectionName: 'test-publisher' });
    cleanups.push(() => publisher?.disconnect());
    // The transport may have resubscribed and signalled before this publisher existed: then publish
    // now, which is still after the signal.
    if (caughtUp) publishAfterCatchUp();
    await eventually(() => transport.healthy(), 5000, 'the transport to reconnect');
    await eventually(
      () => received.some((message) => message !== null),
      5000,
      `the event published after "catch up" (got ${JSON.stringify(received)})`,
    );
    // On a busy machine the subscriber may reconnect twice (CI saw [null, null] first): each
    // reconnection signals "catch up" again, as it must, and each signal publishes once more. What
    // must hold: a signal comes first, and nothing but the events published after one arrives.
    expect(received[0]).toBeNull();
    expect(new Set(received.filter((message) => message !== null))).toEqual(
      new Set(['published after the catch-up signal']),
    );
  });

  it('fails a publish within about a second while Redis hangs, instead of holding the mutation forever', async ({
    faults,
  }) => {
    const { redis, cleanups } = faults;
    const transport = createRedisTransport(redis.url, logger);
    cleanups.push(() => transport.close());
    await eventually(() => transport.healthy(), 5000, 'the transport to connect');
    redis.freeze(); // connections stay open; nothing is answered
    // Bounded by the transport's own command timeout: it rejects saying so instead of hanging.
    await expect(transport.publish('hung', 'lost')).rejects.toThrow(/timed out/i);
    // Readiness asks Redis, so it sees the hang although the connections look fine.
    expect(transport.healthy()).toBe(true);
    expect(await transport.check()).toBe(false);
    redis.thaw();
    expect(await transport.check()).toBe(true);
    await expect(transport.publish('hung', 'delivered')).resolves.toBeUndefined();
  });

  it('closes promptly while Redis is down, even with a subscription made during the outage, and stays closed', async ({
    faults,
  }) => {
    const { redis } = faults;
    // The two instances' connections: publish, subscribe and rate-limit counters each (a client
    // still reconnecting after the previous test's outage would show up later and look like a leak).
    await eventually(async () => (await connectionNames(faults)).length === 6, 10_000, "both instances' 6 connections");
    const before = await connectionNames(faults);
    const transport = createRedisTransport(redis.url, logger);
    await transport.subscribe(`before-${randomBytes(3).toString('hex')}`, () => {});
    await eventually(
      async () => (await connectionNames(faults)).length === before.length + 2,
      5000,
      'its two connections',
    );

    await redis.stop();
    await eventually(() => !transport.healthy(), 5000, 'the transport to see Redis go');
    // A subscriber arriving during the outage: its SUBSCRIBE waits for Redis.
    const stopLate = await transport.subscribe(`during-${randomBytes(3).toString('hex')}`, () => {});
    stopLate();
    await transport.subscribe(`during-${randomBytes(3).toString('hex')}`, () => {});
    // close() returns although Redis is down (a QUIT would wait for it forever).
    await transport.close();

    // Once Redis is back the instances reconnect; the closed transport does not.
    await redis.start();
    await eventually(async () => (await connectionNames(faults)).join() === before.join(), 5000, 'the instances back');
    // Redis restarted, so every connection it has is a reconnection: the instances' 6, nothing else.
    await afterAnyPendingReconnect(faults);
    expect(await connectionNames(faults, { all: true })).toEqual(before);
    expect(await connectionNames(faults)).toEqual(before);
  });
});
