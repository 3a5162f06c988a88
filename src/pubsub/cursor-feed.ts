import type { Subscription } from './index';
import { finished, type Pulled, pulled } from './iterator';

/**
 * Ids a cursor-resumable subscription delivers, in order, each once: first every row after
 * `afterId` (a reconnecting client's last cursor), then each new one. The same design as
 * answerAdded (src/answers/feed.ts): events only say "something was added"; rows always come
 * from the database after the last one delivered, so a duplicate, late or lost event delivers
 * nothing twice and skips nothing. Writers must make ids grow in commit order within a feed.
 *
 * Pulled (src/pubsub/iterator.ts): each next() reads on only as far as its one id needs, and
 * return() closes the subscription, which also ends a waiting `events.next()`: waiting on the
 * event alone would keep a departed subscriber's channel open until the next event, maybe forever.
 */
export function cursorFeed(options: {
  afterId: number | null;
  /** The newest id now, the starting point without a cursor. */
  latestId: () => Promise<number>;
  listen: () => Promise<Subscription<unknown>>;
  /** Ids after `last`, oldest first (batched per tick by the caller's loader). */
  idsAfter: (last: number) => Promise<number[]>;
  /** When `idsAfter` returns at most this many, a full page means more may follow at once. */
  pageLimit?: number;
}): Pulled<number> {
  let last = 0;
  let live: Subscription<unknown> | null = null;
  let stopped = false;
  let page: number[] = [];
  // Whether the last page was full: then the next is read at once, without waiting for an event.
  let more = false;
  return pulled(
    async () => {
      if (live === null) {
        // The starting point is read before listening, so a row committed in between is not lost.
        last = options.afterId ?? (await options.latestId());
        live = await options.listen();
        if (stopped) live.close(); // stopped while listening: its events.next() below ends at once
        more = true;
      }
      while (page.length === 0) {
        if (!more) {
          if ((await live.events.next()).done) return finished;
          // One look covers every event that arrived meanwhile (see Subscription.drain).
          live.drain();
        }
        page = await options.idsAfter(last);
        more = options.pageLimit !== undefined && page.length >= options.pageLimit;
        if (stopped) return finished;
      }
      const id = page.shift() as number;
      last = id;
      return { done: false, value: id };
    },
    () => {
      stopped = true;
      live?.close();
    },
  );
}
