import { encodeGlobalID } from '@pothos/plugin-relay';
import { createInMemoryCache, useResponseCache } from '@graphql-yoga/plugin-response-cache';
import type { Plugin } from 'graphql-yoga';
import type { Logger } from '../logger';
import type { PubSub, Subscription } from '../pubsub';

export interface ResponseCacheOptions {
  /** How long a cached response lives; 0 turns the cache off. */
  ttlMs: number;
  /** For list pages, which a write can reorder without touching any entity they show. */
  listTtlMs: number;
  maxEntries: number;
}

export const DEFAULT_RESPONSE_CACHE: ResponseCacheOptions = { ttlMs: 60_000, listTtlMs: 5_000, maxEntries: 10_000 };

/** A row whose cached responses are stale, by its GraphQL type and database id. */
export type Entity = { typename: 'Question' | 'Answer' | 'Doctor'; id: number };

export interface ResponseCache {
  plugin: Plugin | null;
  /** Drops every cached response that shows one of these rows, here and on every instance. */
  invalidate(entities: Entity[]): Promise<void>;
  close(): void;
}

// Types whose rows appear in cached responses: flushing all of them empties the cache.
const CACHED_TYPES = ['Question', 'Answer', 'Doctor', 'StaffMember', 'Specialty', 'Topic', 'BlogPost', 'Query'];

/**
 * Whole-response caching of anonymous queries (@graphql-yoga/plugin-response-cache), in each
 * instance's memory, kept fresh by invalidation: writes name the rows they changed, and the
 * cached responses showing those rows (found by their `id` fields) are dropped at once here and,
 * through pub/sub, on every other instance. List pages also expire after `listTtlMs`, since a new
 * question or answer can reorder a list without touching a row it shows. When pub/sub had an
 * outage (the `null` catch-up event), invalidations may have been missed: the cache is emptied.
 *
 * In memory rather than in Redis: hits cost no network round trip, memory stays bounded (LRU),
 * and Redis holds no unbounded index sets (as @envelop/response-cache-redis keeps per type).
 */
export async function createResponseCache(pubSub: PubSub, options: ResponseCacheOptions, logger: Logger): Promise<ResponseCache> {
  if (options.ttlMs <= 0) return { plugin: null, invalidate: async () => {}, close: () => {} };
  const cache = createInMemoryCache({ max: options.maxEntries });
  const drop = (entities: { typename: string; id?: string }[]) => void cache.invalidate(entities);
  const asCached = (entities: Entity[]) => entities.map((e) => ({ typename: e.typename, id: encodeGlobalID(e.typename, e.id) }));

  const live: Subscription<{ entities: Entity[] }> = await pubSub.subscribe('cache:invalidate', 'all');
  void (async () => {
    for await (const event of live.events) {
      drop(event ? asCached(event.entities) : CACHED_TYPES.map((typename) => ({ typename })));
    }
  })();

  const plugin = useResponseCache({
    cache,
    ttl: options.ttlMs,
    ttlPerSchemaCoordinate: { 'Query.questions': options.listTtlMs, 'Query.doctors': options.listTtlMs },
    // Shared by every anonymous reader; requests with a credential are never cached.
    session: () => null,
    enabled: (request) => !request.headers.has('authorization'),
    invalidateViaMutation: false,
    includeExtensionMetadata: false,
  });

  return {
    plugin,
    async invalidate(entities) {
      drop(asCached(entities)); // here first: whoever wrote reads their write at once
      try {
        await pubSub.publish('cache:invalidate', 'all', { entities });
      } catch (error) {
        logger.warn({ err: error }, 'cache invalidation not sent to other instances; their entries expire by TTL');
      }
    },
    close: () => live.close(),
  };
}
