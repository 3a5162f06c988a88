import type { Cache } from '@graphql-yoga/plugin-response-cache';
import type { ExecutionResult } from 'graphql';
import { LRUCache } from 'lru-cache';

type EntityRecord = { typename: string; id?: number | string };

/** What one cached response holds: the result, the entities it shows, and what it weighs. */
interface Entry {
  result: ExecutionResult;
  entities: string[];
  bytes: number;
}

export interface StoreOptions {
  /** Total weight of the cached responses (JSON bytes; see `weigh`). */
  maxBytes: number;
  /** A response heavier than this is served but not kept. */
  maxEntryBytes: number;
}

/** Bytes per entity link (two Map/Set slots and the key string): the index counts too. */
const BYTES_PER_ENTITY = 64;

export interface ResponseStore extends Cache {
  /**
   * Counts invalidations. A response computed while this moved may show rows as they were before
   * a write: it must not be stored (src/cache/coalesce.ts checks it before each store).
   */
  readonly generation: number;
  /** Bytes held now (for tests and logs). */
  readonly bytes: number;
}

/**
 * The response cache's storage, in memory: an LRU bounded in bytes (lru-cache's size accounting),
 * with an index from each entity (`Question:UXVl…`, or a bare typename) to the responses showing
 * it, so that a write drops exactly those. It replaces @envelop/response-cache's in-memory cache,
 * which is bounded by entry count only (10,000 entries of 786 KiB each would be 7.5 GiB) and never
 * frees the index entries of evicted responses.
 */
export function createResponseStore({ maxBytes, maxEntryBytes }: StoreOptions): ResponseStore {
  let generation = 0;
  const byEntity = new Map<string, Set<string>>();
  const responses = new LRUCache<string, Entry>({
    maxSize: maxBytes,
    maxEntrySize: maxEntryBytes,
    sizeCalculation: (entry) => entry.bytes,
    // Whenever an entry leaves (evicted, expired, replaced, invalidated), so do its index links.
    dispose: (entry, key) => unlink(key, entry.entities),
  });

  function unlink(key: string, entities: string[]) {
    for (const entity of entities) {
      const keys = byEntity.get(entity);
      if (!keys) continue;
      keys.delete(key);
      if (keys.size === 0) byEntity.delete(entity);
    }
  }

  return {
    get generation() {
      return generation;
    },
    get bytes() {
      return responses.calculatedSize;
    },
    get: (key) => responses.get(key)?.result,
    set(key, result, records, ttl) {
      // Linked by row and by type: a flush of every type (after a pub/sub outage) reaches them all.
      const entities = [
        ...new Set([...records].flatMap((r) => (r.id == null ? [r.typename] : [r.typename, entityKey(r)]))),
      ];
      const bytes = weigh(result) + key.length + entities.length * BYTES_PER_ENTITY;
      if (bytes > maxEntryBytes) return; // too big to keep: served this once, computed again next time
      responses.set(key, { result, entities, bytes }, { ttl });
      // lru-cache may have refused it (or evicted it at once): link only what it holds.
      if (!responses.has(key)) return;
      for (const entity of entities) {
        const keys = byEntity.get(entity);
        if (keys) keys.add(key);
        else byEntity.set(entity, new Set([key]));
      }
    },
    invalidate(records) {
      generation += 1;
      for (const record of records) {
        for (const key of [...(byEntity.get(entityKey(record)) ?? [])]) responses.delete(key);
      }
    },
  };
}

const entityKey = ({ typename, id }: EntityRecord) => (id == null ? typename : `${typename}:${id}`);

/**
 * A response's weight: its JSON size in bytes (UTF-16 code units; close enough for ASCII-heavy
 * text). The objects themselves take roughly two to three times that in V8's heap; the README's
 * configuration table says so next to RESPONSE_CACHE_MAX_BYTES.
 */
function weigh(result: ExecutionResult): number {
  return JSON.stringify(result).length;
}
