import DataLoader from 'dataloader';
import type { Db } from '../db/client';
import type { TopicFilter } from './service';

/** New questions read per catch-up query; a subscriber far behind gets them page by page. */
export const FEED_PAGE = 200;

type Key = { afterId: number; topics: TopicFilter };
const loaders = new WeakMap<Db, DataLoader<Key, number[], string>>();
const filterKey = (topics: TopicFilter) => topics?.join(',') ?? '*';

/**
 * Questions after a cursor that match a feed's topics, oldest first, at most FEED_PAGE. Every
 * doctors' feed wakes on every new question; subscribers woken in one tick with the same filter
 * and cursor (DataLoader dedupes equal keys) share one query.
 */
export function questionIdsAfter(db: Db) {
  let loader = loaders.get(db);
  if (!loader) {
    loader = new DataLoader<Key, number[], string>(
      // One query per distinct (filter, cursor): subscribers of one specialty that are up to
      // date share theirs. Not one query from the smallest cursor: a subscriber far behind would
      // fill the page, and the others would miss what lies beyond it.
      (keys) =>
        Promise.all(
          keys.map(async (k) => {
            const rows = await db.question.findMany({
              where: {
                id: { gt: k.afterId },
                ...(k.topics === null ? {} : { topics: { some: { id: { in: k.topics } } } }),
              },
              orderBy: { id: 'asc' },
              take: FEED_PAGE,
              select: { id: true },
            });
            return rows.map((row) => row.id);
          }),
        ),
      { cache: false, cacheKeyFn: (k) => `${k.afterId}:${filterKey(k.topics)}` },
    );
    loaders.set(db, loader);
  }
  return loader;
}
