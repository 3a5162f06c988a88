import { Repeater } from 'graphql-yoga';
import type { Subscription } from './index';

/**
 * A subscription that closes as soon as the subscriber leaves (`stop`), which also ends a waiting
 * `events.next()`: waiting on the event alone would keep a departed subscriber's channel open
 * until the next event, maybe forever.
 */
export function closedOnStop<T>(live: Subscription<T>, stop: Promise<unknown>): Subscription<T> {
  void stop.then(() => live.close());
  return live;
}

/** Drops the subscription's waiting events (Subscription.drain); true, to go on looping. */
export function drained(live: Subscription<unknown>): true {
  live.drain();
  return true;
}

/**
 * Ids a cursor-resumable subscription delivers, in order, each once: first every row after
 * `afterId` (a reconnecting client's last cursor), then each new one. The same design as
 * answerAdded (src/answers/feed.ts): events only say "something was added"; rows always come
 * from the database after the last one delivered, so a duplicate, late or lost event delivers
 * nothing twice and skips nothing. Writers must make ids grow in commit order within a feed.
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
}) {
  return new Repeater<number>(async (push, stop) => {
    // The starting point is read before listening, so a row committed in between is not lost.
    let last = options.afterId ?? (await options.latestId());
    const live = closedOnStop(await options.listen(), stop);
    try {
      do {
        let page: number[];
        do {
          page = await options.idsAfter(last);
          for (const id of page) {
            last = id;
            await push(id);
          }
        } while (options.pageLimit !== undefined && page.length >= options.pageLimit);
        // One look covers every event that arrived meanwhile (see Subscription.drain).
      } while (!(await live.events.next()).done && drained(live));
    } finally {
      live.close();
    }
  });
}
