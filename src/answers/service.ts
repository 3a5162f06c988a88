import type { Viewer } from '../auth/viewer';
import type { Context } from '../context';
import { runOnce } from '../db/idempotency';
import { writeTransaction } from '../db/transaction';
import { notFound, userError } from '../errors';
import { notifyAsker, publishNotification, seenByAsker } from '../notifications/service';
import type { EventName, PubSubEvents } from '../pubsub';

type Author = { doctorId: number } | { staffMemberId: number };

/** The doctor whose answer count a write changes, as a row for cache invalidation. */
const doctorOf = (author: { doctorId?: number } | Author) =>
  'doctorId' in author && author.doctorId !== undefined ? [{ typename: 'Doctor' as const, id: author.doctorId }] : [];

/** The author columns for an answer or an edit by this viewer (scopes let only these through). */
export function authorColumns(viewer: Viewer | null): Author {
  if (viewer?.role === 'doctor') return { doctorId: viewer.doctorId };
  if (viewer?.role === 'staff') return { staffMemberId: viewer.staffMemberId };
  throw userError('FORBIDDEN', 'Only doctors and staff write answers.');
}

/**
 * Publishes after the write has committed. A failed publish does not undo or fail the write:
 * subscribers catch up from the database on the next event or when they reconnect.
 */
async function publishAfterCommit<E extends EventName>(ctx: Context, event: E, key: number, payload: PubSubEvents[E]) {
  try {
    await ctx.pubSub.publish(event, key, payload);
  } catch (error) {
    ctx.logger.warn({ err: error, event, key }, 'publish failed; subscribers will catch up later');
  }
}

/** Posts an answer once per idempotency key: a retry returns the first answer's id. */
export async function postAnswer(ctx: Context, questionId: number, body: string, idempotencyKey?: string | null) {
  const author = authorColumns(ctx.viewer);
  const request = {
    operation: 'postAnswer' as const,
    scope: `credential:${ctx.viewer!.credentialId}`,
    key: idempotencyKey,
    input: { questionId, body },
    row: `question:${questionId}`,
  };
  const answer = await runOnce(ctx.db, request, async (tx) => {
    if ('doctorId' in author) {
      const doctor = await tx.doctor.findUnique({ where: { id: author.doctorId }, select: { verified: true } });
      if (!doctor?.verified)
        throw userError('FORBIDDEN', 'Only verified doctors can answer; this doctor is not verified yet.');
    }
    // Locking the question makes answer ids grow in commit order within it, which the
    // answerAdded feed's catch-up relies on.
    const [question] = await tx.$queryRaw<
      { id: number }[]
    >`SELECT id FROM question WHERE id = ${questionId} FOR NO KEY UPDATE`;
    if (!question) throw notFound('No question with that ID.');
    const { id } = await tx.answer.create({ data: { questionId, body, ...author }, select: { id: true } });
    // The asker's notification commits with the answer, or neither does.
    return { id, notification: await notifyAsker(tx, { questionId, answerId: id, kind: 'ANSWER_ADDED' }) };
  });
  if (!answer.replayed) {
    await ctx.responseCache.invalidate([{ typename: 'Question', id: questionId }, ...doctorOf(author)]);
    await publishAfterCommit(ctx, 'answer:added', questionId, { questionId, answerId: answer.id });
    await publishNotification(ctx, answer.notification);
  }
  return answer.id;
}

/** The answer's own doctor, or any staff member, may edit it; the old body is kept. */
export async function editAnswer(ctx: Context, answerId: number, body: string) {
  const editor = authorColumns(ctx.viewer);
  const { questionId, notification } = await writeTransaction(
    ctx.db,
    async (tx) => {
      // Locked, so that two edits at once each keep the body they replaced.
      const [answer] = await tx.$queryRaw<{ question_id: number; doctor_id: number | null; body: string }[]>`
      SELECT question_id, doctor_id, body FROM answer WHERE id = ${answerId} AND hidden_at IS NULL FOR UPDATE`;
      if (!answer) throw notFound('No answer with that ID.');
      if ('doctorId' in editor && answer.doctor_id !== editor.doctorId) {
        throw userError('FORBIDDEN', "Only the answer's own doctor or a staff member can edit it.");
      }
      const editedAt = new Date();
      await tx.answerEdit.create({ data: { answerId, previousBody: answer.body, editedAt, ...editor } });
      await tx.answer.update({ where: { id: answerId }, data: { body, lastEditedAt: editedAt } });
      const questionId = answer.question_id;
      // An asker who has not seen the answer yet will see the new text: nothing to tell them.
      const seen = await seenByAsker(tx, answerId);
      return {
        questionId,
        notification: seen ? await notifyAsker(tx, { questionId, answerId, kind: 'ANSWER_EDITED' }) : null,
      };
    },
    { row: `answer:${answerId}` },
  );
  await ctx.responseCache.invalidate([{ typename: 'Answer', id: answerId }]);
  await publishAfterCommit(ctx, 'answer:updated', questionId, { questionId, answerId, kind: 'EDITED' });
  await publishNotification(ctx, notification);
}

/** Staff moderation: the answer disappears from every list, count and subscription. */
export async function hideAnswer(ctx: Context, answerId: number): Promise<Date> {
  const hiddenAt = new Date();
  const { questionId, doctorId, notification } = await writeTransaction(
    ctx.db,
    async (tx) => {
      const [hidden] = await tx.answer.updateManyAndReturn({
        where: { id: answerId, hiddenAt: null },
        data: { hiddenAt },
        select: { questionId: true, doctorId: true },
      });
      if (!hidden) throw notFound('No answer with that ID.');
      // An answer the asker never saw just disappears; one they saw is reported gone.
      const seen = await seenByAsker(tx, answerId);
      const notification = seen
        ? await notifyAsker(tx, { questionId: hidden.questionId, answerId, kind: 'ANSWER_HIDDEN' })
        : null;
      return { ...hidden, notification };
    },
    { row: `answer:${answerId}` },
  );
  await ctx.responseCache.invalidate([
    { typename: 'Answer', id: answerId },
    { typename: 'Question', id: questionId },
    ...doctorOf(doctorId === null ? {} : { doctorId }),
  ]);
  await publishAfterCommit(ctx, 'answer:updated', questionId, { questionId, answerId, kind: 'HIDDEN' });
  await publishNotification(ctx, notification);
  return hiddenAt;
}
