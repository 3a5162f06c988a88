import { getOperationAST, type ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { ResponseStore } from './store';

/** What the plugin needs of a request's context to tell whether its response may be cached. */
type CacheableContext = { request?: Request; params?: { query?: string } };

export interface MissGuard {
  /** Placed just before the response-cache plugin, so that it wraps the real execution. */
  plugin: Plugin;
  /**
   * The response cache's `onTtl`: 0 (do not store) when an invalidation happened since this
   * request started, else the TTL shortened by up to a fifth at random.
   */
  ttlFor(ttl: number, context: unknown): number;
}

/**
 * Two guards around cache misses (hand-written: the response-cache plugin has neither):
 *
 * - **No stampede.** Identical anonymous queries that miss at the same time run once: the first
 *   executes, the others wait for its result (each gets its own copy, which the cache plugin then
 *   strips of its bookkeeping fields). A request joins a running execution only if no invalidation
 *   happened since that one started, so nobody who arrives after a write is handed a pre-write
 *   result. TTLs are jittered so that entries cached together do not all expire together.
 * - **Never stale after a write.** A request notes the store's invalidation count when it starts;
 *   if that count has moved by the time its result would be stored, the result may predate the
 *   write (its reads could have run before the commit) and is not stored. Coarse on purpose (any
 *   invalidation, not only of the rows the response shows): cheap, and plainly correct; under
 *   steady writes a few more misses are the price.
 */
export function createMissGuard(store: ResponseStore, cacheable: (context: CacheableContext) => boolean): MissGuard {
  const startedAt = new WeakMap<object, number>();
  const running = new Map<string, { generation: number; result: Promise<unknown> }>();

  const plugin: Plugin = {
    onExecute({ args, executeFn, setExecuteFn }) {
      const context = args.contextValue as CacheableContext;
      if (!cacheable(context) || getOperationAST(args.document, args.operationName)?.operation !== 'query') return;
      const generation = store.generation;
      startedAt.set(context, generation);
      const key = `${args.operationName ?? ''}\u0000${context.params?.query ?? ''}\u0000${JSON.stringify(args.variableValues ?? {})}`;
      setExecuteFn((executeArgs) => {
        const shared = running.get(key);
        if (shared && shared.generation === generation) return shared.result.then(copy);
        const result = Promise.resolve().then(() => executeFn(executeArgs));
        const entry = { generation, result };
        running.set(key, entry);
        const release = () => {
          if (running.get(key) === entry) running.delete(key);
        };
        result.then(release, release);
        return result.then(copy);
      });
    },
  };

  return {
    plugin,
    ttlFor(ttl, context) {
      const started = typeof context === 'object' && context !== null ? startedAt.get(context) : undefined;
      if (started === undefined || started !== store.generation) return 0;
      return Math.max(1, Math.round(ttl * (1 - Math.random() / 5)));
    },
  };
}

/** A result of its own for each waiter (a stream, which this schema never returns, is passed on). */
function copy<T>(result: T): T {
  if (typeof result !== 'object' || result === null || Symbol.asyncIterator in result) return result;
  return { ...(result as ExecutionResult) } as T;
}
