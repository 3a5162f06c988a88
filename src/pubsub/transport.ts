import { Redis } from 'ioredis';
import type { Logger } from '../logger';

/**
 * Moves string messages between processes (Redis) or within one (in-process).
 *
 * Written by hand rather than taken from @graphql-yoga/redis-event-target because that one does
 * not wait for Redis to confirm a SUBSCRIBE: a subscriber that reads the database right after
 * subscribing could miss an event published in between. Here `subscribe` resolves only once the
 * channel is live, so "subscribe, then catch up from the database" leaves no gap.
 */
export interface Transport {
  readonly description: string;
  /** Rejects at once while the transport is down: a publisher never waits for Redis. */
  publish(channel: string, message: string): Promise<void>;
  /**
   * Resolves, once messages on `channel` reach `onMessage`, to the function that stops them.
   * `onMessage(null)` means "messages may have been lost" (Redis was down): catch up.
   */
  subscribe(channel: string, onMessage: (message: string | null) => void): Promise<() => void>;
  /** False while Redis is unreachable (readiness reports it). */
  healthy(): boolean;
  /** Listeners currently registered in this process (a leak shows up here). */
  listenerCount(): number;
  close(): Promise<void>;
}

type Listeners = Map<string, Set<(message: string | null) => void>>;

function countListeners(listeners: Listeners) {
  let count = 0;
  for (const set of listeners.values()) count += set.size;
  return count;
}

export function createInProcessTransport(): Transport {
  const listeners: Listeners = new Map();
  return {
    description: 'in-process',
    async publish(channel, message) {
      // Delivered on a later tick, as Redis would: a publisher never runs subscribers' code.
      for (const listener of listeners.get(channel) ?? []) queueMicrotask(() => listener(message));
    },
    async subscribe(channel, onMessage) {
      const set = listeners.get(channel) ?? new Set();
      listeners.set(channel, set.add(onMessage));
      return () => {
        set.delete(onMessage);
        if (set.size === 0 && listeners.get(channel) === set) listeners.delete(channel);
      };
    },
    listenerCount: () => countListeners(listeners),
    healthy: () => true,
    close: async () => listeners.clear(),
  };
}

/**
 * Redis pub/sub over two connections (a subscribed connection cannot publish). One Redis
 * subscription per channel however many local listeners it has; the last one out unsubscribes.
 * ioredis 5 because graphql-yoga's Redis packages, which we may still want, peer on ioredis ^5.
 */
export function createRedisTransport(url: string, logger: Logger): Transport {
  // Both reconnect forever (ioredis' default), at most one second apart. A publish while Redis
  // is down fails at once (no offline queue); (UN)SUBSCRIBEs wait for the connection.
  const retryStrategy = (attempt: number) => Math.min(attempt * 100, 1_000);
  const publisher = new Redis(url, { retryStrategy, enableOfflineQueue: false, connectionName: 'medqa-publish' });
  const subscriber = new Redis(url, { retryStrategy, maxRetriesPerRequest: null, connectionName: 'medqa-subscribe' });
  const log = logger.child({ component: 'redis' });
  for (const client of [publisher, subscriber]) {
    client.on('error', (error) => log.warn({ err: error.message }, 'redis connection error'));
  }

  const listeners: Listeners = new Map();
  // SUBSCRIBE/UNSUBSCRIBE go out in call order on one connection, so the last call wins.
  subscriber.on('message', (channel: string, message: string) => {
    for (const listener of listeners.get(channel) ?? []) listener(message);
  });
  const confirmed = new Map<string, Promise<unknown>>();

  // Whatever was published while the subscriber was away is lost: after a reconnect (ioredis
  // resubscribes by itself), tell every listener to catch up from the database.
  let connectedBefore = false;
  subscriber.on('ready', () => {
    if (connectedBefore) {
      log.info({ channels: listeners.size }, 'redis back: subscribers catch up');
      for (const set of listeners.values()) for (const listener of set) listener(null);
    }
    connectedBefore = true;
  });

  const address = new URL(url);
  return {
    description: `redis ${address.hostname}:${address.port || 6379}`,
    async publish(channel, message) {
      await publisher.publish(channel, message);
    },
    async subscribe(channel, onMessage) {
      let set = listeners.get(channel);
      if (!set) {
        set = new Set();
        listeners.set(channel, set);
        confirmed.set(channel, subscriber.subscribe(channel));
      }
      set.add(onMessage);
      // While Redis is down, waiting would hang the subscriber; the catch-up on reconnect
      // covers what it would have missed.
      if (subscriber.status === 'ready') await confirmed.get(channel);
      const own = set;
      return () => {
        if (!own.delete(onMessage) || own.size > 0 || listeners.get(channel) !== own) return;
        listeners.delete(channel);
        confirmed.delete(channel);
        subscriber.unsubscribe(channel).catch((error) => log.warn({ err: error, channel }, 'unsubscribe failed'));
      };
    },
    listenerCount: () => countListeners(listeners),
    healthy: () => publisher.status === 'ready' && subscriber.status === 'ready',
    async close() {
      listeners.clear();
      await Promise.allSettled([publisher.quit(), subscriber.quit()]);
    },
  };
}
