import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import { createPubSub as createYogaPubSub, type PubSub as YogaPubSub } from 'graphql-yoga';
import { Redis } from 'ioredis';
import type { Logger } from '../logger';

/** Typed events: topic name → payload. Filled in by the live-answers work. */
export type PubSubEvents = Record<string, never>;

export type PubSub = YogaPubSub<PubSubEvents>;

export interface PubSubHandle {
  pubSub: PubSub;
  /** "in-process" or the Redis address, for the start-up log. */
  description: string;
  close(): Promise<void>;
}

/**
 * In-process by default; with a Redis URL, events fan out to every instance through Redis
 * pub/sub (two connections: a subscribed connection cannot publish). ioredis 5, because
 * @graphql-yoga/redis-event-target declares ioredis ^5 as its peer.
 */
export function createPubSub(redisUrl: string | null, logger: Logger): PubSubHandle {
  if (!redisUrl) {
    return { pubSub: createYogaPubSub<PubSubEvents>(), description: 'in-process', close: async () => {} };
  }
  // Keep retrying: publishes wait for the connection instead of failing after a few tries.
  const options = { maxRetriesPerRequest: null };
  const publishClient = new Redis(redisUrl, options);
  const subscribeClient = new Redis(redisUrl, options);
  const log = logger.child({ component: 'redis' });
  for (const client of [publishClient, subscribeClient]) {
    client.on('error', (error) => log.warn({ err: error }, 'redis connection error'));
  }
  const eventTarget = createRedisEventTarget({ publishClient, subscribeClient });
  const address = new URL(redisUrl);
  return {
    pubSub: createYogaPubSub<PubSubEvents>({ eventTarget }),
    description: `redis ${address.hostname}:${address.port || 6379}`,
    async close() {
      await Promise.allSettled([publishClient.quit(), subscribeClient.quit()]);
    },
  };
}
