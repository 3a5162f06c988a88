import { encodeGlobalID } from '@pothos/plugin-relay';
import { useResponseCache } from '@graphql-yoga/plugin-response-cache';
import type { Plugin } from 'graphql-yoga';
import type { Logger } from '../logger';
import type { PubSub, Subscription } from '../pubsub';
import { createMissGuard } from './coalesce';
import { createResponseStore } from './store';

export interface ResponseCacheOptions {
  /** How long a cached response lives; 0 turns the cache off. */
  ttlMs: number;
  /** For list pages, which a write can reorder without touching any entity they show. */
  listTtlMs: number;
  /** Total size of the cached responses, in bytes of JSON. */
  maxBytes: number;
  /** Largest response kept (bytes of JSON); larger ones are served but not cached. */
  maxEntryBytes: number;
}

/**
 * 32 MiB of JSON (about 80 MiB of heap, measured by test/hardening/soak.test.ts) holds thousands
 * of question pages (5–20 KiB each); one entry of at most 1 MiB fits the largest page a client can
 * ask for (100 answers of 10,000 characters).
 */
export const DEFAULT_RESPONSE_CACHE: ResponseCacheOptions = {
  ttlMs: 60_000,
  listTtlMs: 5_000,
  maxBytes: 32 * 1024 * 1024,
  maxEntryBytes: 1024 * 1024,
};

/** A row whose cached responses are stale, by its GraphQL type and database id. */
export type Entity = { typename: 'Question' | 'Answer' | 'Doctor'; id: number };

export interface ResponseCache {
  /** Yoga plugins, in order (none when the cache is off). */
  plugins: Plugin[];
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
 * In memory rather than in Redis: hits cost no network round trip, and Redis holds no unbounded
 * index sets (as @envelop/response-cache-redis keeps per type). Memory is bounded in bytes
 * (src/cache/store.ts); identical concurrent misses run once, and a response computed across an
 * invalidation is never stored (src/cache/coalesce.ts).
 */
export async function createResponseCache(
  pubSub: PubSub,
  options: ResponseCacheOptions,
  logger: Logger,
): Promise<ResponseCache> {
  if (options.ttlMs <= 0) return { plugins: [], invalidate: async () => {}, close: () => {} };
  const cache = createResponseStore({ maxBytes: options.maxBytes, maxEntryBytes: options.maxEntryBytes });
  // Shared by every anonymous reader; requests with a credential (and WebSocket ones) are never cached.
  const enabled = (request: Request | undefined) => request !== undefined && !request.headers.has('authorization');
  const guard = createMissGuard(cache, (context) => enabled(context.request));
  const drop = (entities: { typename: string; id?: string }[]) => void cache.invalidate(entities);
  const asCached = (entities: Entity[]) =>
    entities.map((e) => ({ typename: e.typename, id: encodeGlobalID(e.typename, e.id) }));

  const live: Subscription<{ entities: Entity[] }> = await pubSub.subscribe('cache:invalidate', 'all');
  void (async () => {
    for await (const event of live.events) {
      drop(event ? asCached(event.entities) : CACHED_TYPES.map((typename) => ({ typename })));
    }
  })();

  const plugin = useResponseCache({
    cache,
    ttl: options.ttlMs,
    ttlPerSchemaCoordinate: {
      'Query.questions': options.listTtlMs,
      'Query.doctors': options.listTtlMs,
      'Query.unansweredQuestions': options.listTtlMs,
    },
    onTtl: ({ ttl, context }) => guard.ttlFor(ttl, context),
    session: () => null,
    enabled: (request) => enabled(request),
    invalidateViaMutation: false,
    includeExtensionMetadata: false,
  });

  return {
    plugins: [guard.plugin, plugin],
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
