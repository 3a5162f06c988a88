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
  publish(channel: string, message: string): Promise<void>;
  /** Resolves, once messages on `channel` reach `onMessage`, to the function that stops them. */
  subscribe(channel: string, onMessage: (message: string) => void): Promise<() => void>;
  /** Listeners currently registered in this process (a leak shows up here). */
  listenerCount(): number;
  close(): Promise<void>;
}

type Listeners = Map<string, Set<(message: string) => void>>;

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
    close: async () => listeners.clear(),
  };
}

/**
 * Redis pub/sub over two connections (a subscribed connection cannot publish). One Redis
 * subscription per channel however many local listeners it has; the last one out unsubscribes.
 * ioredis 5 because graphql-yoga's Redis packages, which we may still want, peer on ioredis ^5.
 */
export function createRedisTransport(url: string, logger: Logger): Transport {
  // Commands wait for the connection instead of failing after a few retries.
  const options = { maxRetriesPerRequest: null };
  const publisher = new Redis(url, { ...options, connectionName: 'medqa-publish' });
  const subscriber = new Redis(url, { ...options, connectionName: 'medqa-subscribe' });
  const log = logger.child({ component: 'redis' });
  for (const client of [publisher, subscriber]) {
    client.on('error', (error) => log.warn({ err: error }, 'redis connection error'));
  }

  const listeners: Listeners = new Map();
  // SUBSCRIBE/UNSUBSCRIBE go out in call order on one connection, so the last call wins.
  subscriber.on('message', (channel: string, message: string) => {
    for (const listener of listeners.get(channel) ?? []) listener(message);
  });
  const confirmed = new Map<string, Promise<unknown>>();

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
      await confirmed.get(channel);
      const own = set;
      return () => {
        if (!own.delete(onMessage) || own.size > 0 || listeners.get(channel) !== own) return;
        listeners.delete(channel);
        confirmed.delete(channel);
        subscriber.unsubscribe(channel).catch((error) => log.warn({ err: error, channel }, 'unsubscribe failed'));
      };
    },
    listenerCount: () => countListeners(listeners),
    async close() {
      listeners.clear();
      await Promise.allSettled([publisher.quit(), subscriber.quit()]);
    },
  };
}
