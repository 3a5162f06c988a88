import { randomBytes } from 'node:crypto';
import { issueCredential } from '../auth/tokens';
import type { Context } from '../context';
import { runOnce } from '../db/idempotency';
import { badUserInput, notFound, userError } from '../errors';

/** "Is scalp micropigmentation permanent?" → "is-scalp-micropigmentation-permanent-k3x9q2". */
export function slugFor(title: string): string {
  const words = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  // A random suffix keeps slugs unique without a read before the write.
  return `${words || 'question'}-${randomBytes(4).readUInt32BE().toString(36)}`;
}

async function topicIds(ctx: Context, slugs: string[]): Promise<number[]> {
  const topics = await ctx.db.topic.findMany({ where: { slug: { in: slugs } }, select: { id: true, slug: true } });
  const unknown = slugs.filter((slug) => !topics.some((topic) => topic.slug === slug));
  if (unknown.length) throw badUserInput(`Unknown topic${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}.`, 'topics');
  return topics.map((topic) => topic.id);
}

/**
 * A new anonymous asker, their question and the asker's private token, in one transaction:
 * the token is shown once, in the result, and only its hash is kept.
 *
 * With an idempotency key, a retry returns the same question. Its first token cannot be shown
 * again (only the hash exists), so the retry gets a new token for the same asker; both work.
 */
export async function askQuestion(
  ctx: Context,
  input: { title: string; body: string; topics: string[] },
  idempotencyKey?: string | null,
) {
  const topics = await topicIds(ctx, input.topics);
  const request = {
    operation: 'askQuestion' as const,
    scope: ctx.viewer ? `credential:${ctx.viewer.credentialId}` : 'anonymous',
    key: idempotencyKey,
    input,
  };
  const result = await runOnce(ctx.db, request, async (tx) => {
    const asker = await tx.asker.create({ data: {}, select: { id: true } });
    const question = await tx.question.create({
      data: {
        slug: slugFor(input.title),
        title: input.title,
        body: input.body,
        askerId: asker.id,
        topics: { connect: topics.map((id) => ({ id })) },
      },
      select: { id: true },
    });
    const askerToken = await issueCredential(tx, { role: 'asker', askerId: asker.id });
    return { id: question.id, askerToken };
  });
  if (!result.replayed) return { questionId: result.id, askerToken: result.askerToken };
  const { askerId } = await ctx.db.question.findUniqueOrThrow({ where: { id: result.id }, select: { askerId: true } });
  return { questionId: result.id, askerToken: await issueCredential(ctx.db, { role: 'asker', askerId }) };
}

/** The asker may reword their own question; staff may edit any. */
export async function editQuestion(ctx: Context, questionId: number, changes: { title?: string; body?: string }) {
  const question = await ctx.db.question.findUnique({ where: { id: questionId }, select: { askerId: true } });
  if (!question) throw notFound('No question with that ID.');
  if (ctx.viewer?.role === 'asker' && ctx.viewer.askerId !== question.askerId) {
    throw userError('FORBIDDEN', 'An asker credential can only edit its own question.');
  }
  await ctx.db.question.update({ where: { id: questionId }, data: changes });
  await ctx.responseCache.invalidate([{ typename: 'Question', id: questionId }]);
}
