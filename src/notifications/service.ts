import type { Context } from '../context';
import type { Prisma } from '../generated/prisma/client';

type Tx = Prisma.TransactionClient;
export type NotificationKind = 'ANSWER_ADDED' | 'ANSWER_EDITED' | 'ANSWER_HIDDEN';

/** A notification written by a transaction, to publish once it has committed. */
export interface WrittenNotification {
  askerId: number;
  notificationId: number;
}

/**
 * Writes a notification to the asker of `questionId`, inside the caller's transaction, so that the
 * change and its notification commit together or not at all.
 *
 * The asker row is locked first (FOR NO KEY UPDATE, which foreign-key checks' KEY SHARE locks do
 * not conflict with): a second notification to the same asker waits for this transaction, so
 * notification ids grow in commit order per asker, which `notificationAdded` resuming relies on.
 * Writers always lock the asker after the question, answer and doctor rows, so no cycle forms.
 */
export async function notifyAsker(
  tx: Tx,
  change: { questionId: number; answerId: number; kind: NotificationKind },
): Promise<WrittenNotification> {
  const [asker] = await tx.$queryRaw<{ id: number }[]>`
    SELECT a.id FROM asker a JOIN question q ON q.asker_id = a.id WHERE q.id = ${change.questionId} FOR NO KEY UPDATE OF a`;
  const written = await tx.notification.create({ data: { ...change, askerId: asker!.id }, select: { id: true } });
  return { askerId: asker!.id, notificationId: written.id };
}

/** Whether the asker has seen the answer: they marked its ANSWER_ADDED notification read. */
export async function seenByAsker(tx: Tx, answerId: number): Promise<boolean> {
  const read = await tx.notification.findFirst({
    where: { answerId, kind: 'ANSWER_ADDED', readAt: { not: null } },
    select: { id: true },
  });
  return read !== null;
}

/**
 * Publishes after commit. A failed publish loses nothing (subscribers re-read from the database
 * on the next event or when they reconnect). The log line leaves the asker out on purpose: no
 * line joins a notification to its asker.
 */
export async function publishNotification(ctx: Context, written: WrittenNotification | null | undefined) {
  if (!written) return;
  try {
    await ctx.pubSub.publish('notification:added', written.askerId, { notificationId: written.notificationId });
  } catch (error) {
    ctx.logger.warn({ err: error, event: 'notification:added' }, 'publish failed; subscribers will catch up later');
  }
}

/** Marks the asker's notifications up to `upToId` read; returns how many it marked. */
export async function markRead(db: Pick<Tx, 'notification'>, askerId: number, upToId: number): Promise<number> {
  const { count } = await db.notification.updateMany({
    where: { askerId, id: { lte: upToId }, readAt: null },
    data: { readAt: new Date() },
  });
  return count;
}

/** Unread notifications of the asker. */
export function unreadCount(ctx: Context, askerId: number): Promise<number> {
  return ctx.db.notification.count({ where: { askerId, readAt: null } });
}
