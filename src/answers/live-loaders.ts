import DataLoader from 'dataloader';
import type { Db } from '../db/client';
import { visibleAnswers } from './order';

/**
 * Batching for live answers. When an answer is posted, every subscriber to its question on this
 * instance wakes in the same tick; without batching each would run its own catch-up query and
 * its own query for the answer, so the work per answer grew with the number of subscribers.
 * DataLoader gathers the calls of one tick: one catch-up query per question, one answer query
 * per distinct selection. Caching is off: each tick reads fresh rows (edits, hides).
 */
export interface LiveLoaders {
  /** Ids of visible answers of `questionId` after `afterId`, oldest first. */
  answerIdsAfter: DataLoader<{ questionId: number; afterId: number }, number[], string>;
  /** One answer with the selection a subscriber's query needs (a Prisma `select`/`include`). */
  answer: DataLoader<{ id: number; query: object }, unknown, string>;
  /**
   * Whether a question exists, checked as each subscription starts: when thousands of clients
   * reconnect at once, one query per tick rather than one pool connection each.
   */
  questionExists: DataLoader<number, boolean>;
}

const loaders = new WeakMap<Db, LiveLoaders>();

/**
 * The loaders of this turn of the event loop. They are forgotten at its end (a batch never spans
 * turns anyway: DataLoader dispatches within the tick): a DataLoader keeps its last batch (every
 * caller's key, callback and result) until its next load, and after a delivery to 1,000 idle
 * subscribers that was about 450 bytes each, held until the question's next answer.
 */
export function liveLoaders(db: Db): LiveLoaders {
  let existing = loaders.get(db);
  if (!existing) {
    existing = createLiveLoaders(db);
    loaders.set(db, existing);
    setImmediate(() => loaders.delete(db));
  }
  return existing;
}

function groupBy<K, T>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

function createLiveLoaders(db: Db): LiveLoaders {
  const answerIdsAfter = new DataLoader<{ questionId: number; afterId: number }, number[], string>(
    async (keys) => {
      const rowsByQuestion = new Map<number, number[]>();
      for (const [questionId, group] of groupBy(keys, (k) => k.questionId)) {
        const from = Math.min(...group.map((k) => k.afterId));
        const rows = await db.answer.findMany({
          where: { questionId, id: { gt: from }, ...visibleAnswers },
          orderBy: { id: 'asc' },
          select: { id: true },
        });
        rowsByQuestion.set(
          questionId,
          rows.map((row) => row.id),
        );
      }
      return keys.map((k) => rowsByQuestion.get(k.questionId)!.filter((id) => id > k.afterId));
    },
    { cache: false, cacheKeyFn: (k) => `${k.questionId}:${k.afterId}` },
  );

  const answer = new DataLoader<{ id: number; query: object }, unknown, string>(
    async (keys) => {
      const found = new Map<string, unknown>();
      for (const [selection, group] of groupBy(keys, (k) => JSON.stringify(k.query))) {
        const query = group[0]!.query as { select?: Record<string, unknown>; include?: Record<string, unknown> };
        // The id is needed to match rows to keys, whatever the subscriber selected.
        const withId = query.select ? { select: { ...query.select, id: true } } : query;
        const rows = (await db.answer.findMany({ ...withId, where: { id: { in: group.map((k) => k.id) } } })) as {
          id: number;
        }[];
        for (const row of rows) found.set(`${row.id}:${selection}`, row);
      }
      return keys.map((k) => found.get(`${k.id}:${JSON.stringify(k.query)}`) ?? new Error(`answer ${k.id} not found`));
    },
    { cache: false, cacheKeyFn: (k) => `${k.id}:${JSON.stringify(k.query)}` },
  );

  const questionExists = new DataLoader<number, boolean>(
    async (ids) => {
      const found = new Set(
        (await db.question.findMany({ where: { id: { in: [...ids] } }, select: { id: true } })).map((row) => row.id),
      );
      return ids.map((id) => found.has(id));
    },
    { cache: false },
  );

  return { answerIdsAfter, answer, questionExists };
}
