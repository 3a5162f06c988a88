import DataLoader from 'dataloader';
import type { Context } from '../context';

const loaders = new WeakMap<Context, DataLoader<number, number>>();

/**
 * Answers on each of the asker's questions that they have not seen: ANSWER_ADDED notifications
 * still unread, for answers still visible. One grouped query for the whole page of questions
 * (per request, hence keyed by the context) rather than one per question.
 */
export function unseenAnswers(ctx: Context, askerId: number): DataLoader<number, number> {
  let loader = loaders.get(ctx);
  if (!loader) {
    loader = new DataLoader<number, number>(async (questionIds) => {
      const rows = await ctx.db.notification.groupBy({
        by: ['questionId'],
        where: {
          askerId,
          questionId: { in: [...questionIds] },
          kind: 'ANSWER_ADDED',
          readAt: null,
          answer: { hiddenAt: null },
        },
        _count: { _all: true },
      });
      return questionIds.map((id) => rows.find((row) => row.questionId === id)?._count._all ?? 0);
    });
    loaders.set(ctx, loader);
  }
  return loader;
}
