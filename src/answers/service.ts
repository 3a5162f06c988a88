import type { Viewer } from '../auth/viewer';
import type { Context } from '../context';
import { runOnce } from '../db/idempotency';
import { writeTransaction } from '../db/transaction';
import { notFound, userError } from '../errors';
import type { Prisma } from '../generated/prisma/client';
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

interface InsertedAnswer {
  /** The doctor's `verified` (null for staff, or a doctor that does not exist). */
  verified: boolean | null;
  question_found: boolean;
  answer_id: number | null;
  notification_id: number | null;
  asker_id: number | null;
}

/**
 * The answer and the asker's notification, written by one statement, so that no lock is held
 * across a round trip to this process: row locks taken in order (the question, which makes
 * answer ids grow in commit order within it, as the answerAdded feed's catch-up relies on; the
 * author; the asker last, as every writer does: src/notifications/service.ts). Each lock is taken
 * once the CTE before it has produced its row. The counter trigger and foreign-key checks run at
 * the end of the statement, on rows it already holds. Nothing is written unless the question
 * exists and a doctor author is verified. The answer is dated when it is saved, once the
 * question is its (clock_timestamp(), not the statement's start): newest-first lists order by
 * that date, which must grow in saving order.
 */
async function insertAnswer(tx: Prisma.TransactionClient, questionId: number, author: Author, body: string) {
  const doctorId = 'doctorId' in author ? author.doctorId : null;
  const staffMemberId = 'staffMemberId' in author ? author.staffMemberId : null;
  const [row] = await tx.$queryRaw<InsertedAnswer[]>`
    WITH question_row AS MATERIALIZED (
      SELECT id, asker_id FROM question WHERE id = ${questionId}::int FOR NO KEY UPDATE
    ), doctor_row AS MATERIALIZED (
      SELECT d.id FROM doctor d, question_row WHERE d.id = ${doctorId}::int AND d.verified FOR NO KEY UPDATE OF d
    ), staff_row AS MATERIALIZED (
      SELECT s.id FROM staff_member s, question_row WHERE s.id = ${staffMemberId}::int FOR KEY SHARE OF s
    ), answer_row AS (
      INSERT INTO answer (question_id, doctor_id, staff_member_id, body, answered_at)
      SELECT question_row.id, (SELECT id FROM doctor_row), (SELECT id FROM staff_row), ${body}::text, clock_timestamp()
      FROM question_row
      WHERE EXISTS (SELECT 1 FROM doctor_row) OR EXISTS (SELECT 1 FROM staff_row)
      RETURNING id, answered_at
    ), asker_row AS MATERIALIZED (
      SELECT a.id FROM asker a JOIN question_row q ON a.id = q.asker_id, answer_row FOR NO KEY UPDATE OF a
    ), notification_row AS (
      INSERT INTO notification (asker_id, kind, question_id, answer_id, created_at)
      SELECT asker_row.id, 'ANSWER_ADDED'::notification_kind, ${questionId}::int, answer_row.id, answer_row.answered_at
      FROM asker_row, answer_row
      RETURNING id, asker_id
    )
    SELECT (SELECT verified FROM doctor WHERE id = ${doctorId}::int) AS verified,
      EXISTS (SELECT 1 FROM question_row) AS question_found,
      (SELECT id FROM answer_row) AS answer_id,
      (SELECT id FROM notification_row) AS notification_id,
      (SELECT asker_id FROM notification_row) AS asker_id`;
  const { verified, question_found, answer_id, notification_id, asker_id } = row!;
  if (doctorId !== null && !verified)
    throw userError('FORBIDDEN', 'Only verified doctors can answer; this doctor is not verified yet.');
  if (!question_found) throw notFound('No question with that ID.');
  if (answer_id === null || notification_id === null || asker_id === null)
    throw userError('FORBIDDEN', 'Only verified doctors and staff can answer.'); // lost meanwhile
  return { answerId: answer_id, notification: { askerId: asker_id, notificationId: notification_id } };
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
    oneStatement: true,
  };
  const answer = await runOnce(ctx.db, request, async (tx) => {
    const saved = await insertAnswer(tx, questionId, author, body);
    return { id: saved.answerId, notification: saved.notification };
  });
  if (!answer.replayed) {
    // Invalidated first, so that other instances drop cached pages before anyone hears of the
    // answer; the two announcements are independent and go out together.
    await ctx.responseCache.invalidate([{ typename: 'Question', id: questionId }, ...doctorOf(author)]);
    await Promise.all([
      publishAfterCommit(ctx, 'answer:added', questionId, { questionId, answerId: answer.id }),
      publishNotification(ctx, answer.notification),
    ]);
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
