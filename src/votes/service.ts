import type { Context } from '../context';
import { runOnce, type IdempotentOperation } from '../db/idempotency';
import { notFound, userError } from '../errors';
import type { Prisma } from '../generated/prisma/client';

type Tx = Prisma.TransactionClient;
type Vote = { operation: IdempotentOperation; answerId: number; idempotencyKey?: string };

/** The visible answer a vote is about, locked against a concurrent hide. */
async function votedAnswer(tx: Tx, answerId: number) {
  const [answer] = await tx.$queryRaw<{ question_id: number; doctor_id: number | null; asker_id: number }[]>`
    SELECT a.question_id, a.doctor_id, q.asker_id FROM answer a JOIN question q ON q.id = a.question_id
     WHERE a.id = ${answerId} AND a.hidden_at IS NULL FOR KEY SHARE OF a`;
  if (!answer) throw notFound('No answer with that ID.');
  return answer;
}

/**
 * Runs a vote once per idempotency key, in one transaction: the vote row (whose primary key makes
 * it once per voter and answer) and the answer's counter change together. The counter is changed
 * by `agree_count + 1` under the row lock the UPDATE takes, so concurrent votes all count. Votes
 * that change nothing (a second agreement, withdrawing none) do not touch the counter.
 * After a change: cached responses showing the answer are dropped, and answerUpdated subscribers
 * get the new counts (kind VOTED).
 */
async function vote(ctx: Context, request: Vote, write: (tx: Tx) => Promise<boolean>) {
  const result = await runOnce(
    ctx.db,
    {
      operation: request.operation,
      scope: `credential:${ctx.viewer!.credentialId}`,
      key: request.idempotencyKey,
      input: { answerId: request.answerId },
      // Votes on one answer update its row: they queue in-process rather than each holding a connection.
      row: `answer:${request.answerId}`,
    },
    async (tx) => ({ id: request.answerId, changed: await write(tx) }),
  );
  if (result.replayed || !result.changed) return;
  await ctx.responseCache.invalidate([{ typename: 'Answer', id: request.answerId }]);
  const { questionId } = await ctx.db.answer.findUniqueOrThrow({
    where: { id: request.answerId },
    select: { questionId: true },
  });
  try {
    await ctx.pubSub.publish('answer:updated', questionId, { questionId, answerId: request.answerId, kind: 'VOTED' });
  } catch (error) {
    ctx.logger.warn(
      { err: error, event: 'answer:updated' },
      'publish failed; readers see the counts on their next read',
    );
  }
}

async function verifiedDoctor(tx: Tx, doctorId: number) {
  const doctor = await tx.doctor.findUnique({ where: { id: doctorId }, select: { verified: true } });
  if (!doctor?.verified)
    throw userError('FORBIDDEN', 'Only verified doctors can agree with answers; this doctor is not verified yet.');
}

/** The role's id from the credential; the field's scopes let only that role through. */
function doctorIdOf(ctx: Context): number {
  if (ctx.viewer?.role !== 'doctor') throw userError('FORBIDDEN', 'Only doctors agree with answers.');
  return ctx.viewer.doctorId;
}

export function agree(ctx: Context, answerId: number, idempotencyKey?: string) {
  const doctorId = doctorIdOf(ctx);
  return vote(ctx, { operation: 'agreeWithAnswer', answerId, idempotencyKey }, async (tx) => {
    await verifiedDoctor(tx, doctorId);
    const answer = await votedAnswer(tx, answerId);
    if (answer.doctor_id === null)
      throw userError('FORBIDDEN', "Doctors agree with other doctors' answers; this one is editorial.");
    if (answer.doctor_id === doctorId) throw userError('FORBIDDEN', 'You cannot agree with your own answer.');
    const added =
      await tx.$executeRaw`INSERT INTO "_answer_agreement" ("A", "B") VALUES (${answerId}, ${doctorId}) ON CONFLICT DO NOTHING`;
    if (added) await tx.$executeRaw`UPDATE answer SET agree_count = agree_count + 1 WHERE id = ${answerId}`;
    return added > 0;
  });
}

export function withdraw(ctx: Context, answerId: number, idempotencyKey?: string) {
  const doctorId = doctorIdOf(ctx);
  return vote(ctx, { operation: 'withdrawAgreement', answerId, idempotencyKey }, async (tx) => {
    await votedAnswer(tx, answerId);
    const removed = await tx.$executeRaw`DELETE FROM "_answer_agreement" WHERE "A" = ${answerId} AND "B" = ${doctorId}`;
    if (removed) await tx.$executeRaw`UPDATE answer SET agree_count = agree_count - 1 WHERE id = ${answerId}`;
    return removed > 0;
  });
}

export function thank(ctx: Context, answerId: number, idempotencyKey?: string) {
  if (ctx.viewer?.role !== 'asker') throw userError('FORBIDDEN', 'Only askers thank answers.');
  const askerId = ctx.viewer.askerId;
  return vote(ctx, { operation: 'thankAnswer', answerId, idempotencyKey }, async (tx) => {
    const answer = await votedAnswer(tx, answerId);
    if (answer.asker_id !== askerId)
      throw userError('FORBIDDEN', 'Only the asker of the question can thank its answers.');
    const added =
      await tx.$executeRaw`INSERT INTO answer_thanks (answer_id, asker_id) VALUES (${answerId}, ${askerId}) ON CONFLICT DO NOTHING`;
    if (added) await tx.$executeRaw`UPDATE answer SET thank_count = thank_count + 1 WHERE id = ${answerId}`;
    return added > 0;
  });
}
