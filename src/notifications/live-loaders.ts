import DataLoader from 'dataloader';
import type { Db } from '../db/client';

/**
 * Batching for live notifications, as src/answers/live-loaders.ts does for answers: subscribers
 * woken in one tick share one catch-up query (all askers at once) and one notification query per
 * selection. Caching is off: each tick reads fresh rows.
 */
export interface NotificationLoaders {
  /** Ids of the asker's notifications after `afterId`, oldest first. */
  idsAfter: DataLoader<{ askerId: number; afterId: number }, number[], string>;
  /** One notification with the selection a subscriber's query needs. */
  notification: DataLoader<{ id: number; query: object }, unknown, string>;
}

const loaders = new WeakMap<Db, NotificationLoaders>();

export function notificationLoaders(db: Db): NotificationLoaders {
  let existing = loaders.get(db);
  if (!existing) {
    existing = createLoaders(db);
    loaders.set(db, existing);
  }
  return existing;
}

function createLoaders(db: Db): NotificationLoaders {
  const idsAfter = new DataLoader<{ askerId: number; afterId: number }, number[], string>(
    async (keys) => {
      const from = new Map<number, number>();
      for (const k of keys) from.set(k.askerId, Math.min(from.get(k.askerId) ?? k.afterId, k.afterId));
      const rows = await db.notification.findMany({
        where: { OR: [...from].map(([askerId, afterId]) => ({ askerId, id: { gt: afterId } })) },
        orderBy: { id: 'asc' },
        select: { id: true, askerId: true },
      });
      return keys.map((k) =>
        rows.filter((row) => row.askerId === k.askerId && row.id > k.afterId).map((row) => row.id),
      );
    },
    { cache: false, cacheKeyFn: (k) => `${k.askerId}:${k.afterId}` },
  );

  const notification = new DataLoader<{ id: number; query: object }, unknown, string>(
    async (keys) => {
      const found = new Map<string, unknown>();
      const selections = new Map(keys.map((k) => [JSON.stringify(k.query), k.query]));
      for (const [selection, query] of selections) {
        const ids = keys.filter((k) => JSON.stringify(k.query) === selection).map((k) => k.id);
        const q = query as { select?: Record<string, unknown> };
        // The id is needed to match rows to keys, whatever the subscriber selected.
        const withId = q.select ? { select: { ...q.select, id: true } } : query;
        const rows = (await db.notification.findMany({ ...withId, where: { id: { in: ids } } })) as { id: number }[];
        for (const row of rows) found.set(`${row.id}:${selection}`, row);
      }
      return keys.map(
        (k) => found.get(`${k.id}:${JSON.stringify(k.query)}`) ?? new Error(`notification ${k.id} not found`),
      );
    },
    { cache: false, cacheKeyFn: (k) => `${k.id}:${JSON.stringify(k.query)}` },
  );

  return { idsAfter, notification };
}
