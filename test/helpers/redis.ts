import { Redis } from 'ioredis';

/** The Redis server tests use (each test picks its own channel prefix). */
export const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Channels with at least one subscriber whose name starts with `prefix`, as Redis sees them. */
export async function redisChannels(prefix: string): Promise<string[]> {
  const redis = new Redis(redisUrl);
  try {
    return ((await redis.pubsub('CHANNELS', `${prefix}:*`)) as string[]).sort();
  } finally {
    redis.disconnect();
  }
}
