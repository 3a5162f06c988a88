import { randomBytes } from 'node:crypto';
import { issueCredential, resolveViewer } from '../auth/tokens';
import type { Context } from '../context';
import { runOnce } from '../db/idempotency';
import { writeTransaction } from '../db/transaction';
import { badUserInput, notFound, userError } from '../errors';

/** 32 hex digits hold 128 bits; a shorter key cannot (see askQuestion). */
const ANONYMOUS_KEY_MIN_LENGTH = 32;

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
  if (unknown.length)
    throw badUserInput(`Unknown topic${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}.`, 'topics');
  return topics.map((topic) => topic.id);
}

/** Tells doctors' feeds after commit; a lost event is made good by the next one or a reconnect. */
async function publishQuestionAsked(ctx: Context, questionId: number) {
  try {
    await ctx.pubSub.publish('question:asked', 'all', { questionId });
  } catch (error) {
    ctx.logger.warn({ err: error, event: 'question:asked' }, 'publish failed; feeds will catch up later');
  }
}

/** The asker of an existing asker token, which must be valid and an asker's. */
async function existingAsker(ctx: Context, token: string) {
  const owner = await resolveViewer(ctx.db, token);
  if (owner?.role !== 'asker')
    throw badUserInput('"askerToken" must be the asker token of an earlier question.', 'askerToken');
  return owner;
}

/**
 * A question, in one transaction with, for a new anonymous asker, the asker and their private
 * token: the token is shown once, in the result, and only its hash is kept. With `askerToken`,
 * the question joins that asker's, and the same token comes back.
 *
 * With an idempotency key, a retry returns the same question and the same asker token: the token
 * is kept encrypted with a key derived from the idempotency key (src/db/idempotency.ts), so only
 * whoever holds that key gets it back. Keys are scoped per credential; without one they must be
 * secrets of 128 bits at least.
 */
export async function askQuestion(
  ctx: Context,
  input: { title: string; body: string; topics: string[] },
  idempotencyKey?: string | null,
  askerToken?: string,
) {
  const topics = await topicIds(ctx, input.topics);
  const owner = askerToken ? await existingAsker(ctx, askerToken) : null;
  const request = {
    operation: 'askQuestion' as const,
    scope: owner
      ? `credential:${owner.credentialId}`
      : ctx.viewer
        ? `credential:${ctx.viewer.credentialId}`
        : 'anonymous',
    key: idempotencyKey,
    input,
  };
  // Without a credential the key is all that ties a retry to the first request: the retry gets
  // the asker token back, so the key must be as hard to guess as a token.
  if (request.scope === 'anonymous' && idempotencyKey && idempotencyKey.length < ANONYMOUS_KEY_MIN_LENGTH) {
    throw badUserInput(
      `Without a credential, the idempotencyKey is the secret that gives the asker token back on a retry: it must have at least ${ANONYMOUS_KEY_MIN_LENGTH} characters and 128 random bits (e.g. 16 random bytes in hex).`,
      'idempotencyKey',
    );
  }
  const result = await runOnce(ctx.db, request, async (tx) => {
    const asker = owner ? { id: owner.askerId } : await tx.asker.create({ data: {}, select: { id: true } });
    // One question at a time takes an id: ids then grow in commit order, which questionAsked's
    // cursor resume relies on (see src/pubsub/cursor-feed.ts). Held only to the commit.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('question:asked'))`;
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
    if (askerToken) return { id: question.id, askerToken };
    // A new token is the secret runOnce keeps (encrypted) for a retry.
    const secret = await issueCredential(tx, { role: 'asker', askerId: asker.id });
    return { id: question.id, askerToken: secret, secret };
  });
  if (!result.replayed) {
    await publishQuestionAsked(ctx, result.id);
    return { questionId: result.id, askerToken: result.askerToken };
  }
  const token = askerToken ?? result.secret;
  if (!token) throw new Error(`askQuestion replay of question ${result.id} has no asker token`); // cannot happen
  return { questionId: result.id, askerToken: token };
}

/** The asker may reword their own question; staff may edit any. */
export async function editQuestion(ctx: Context, questionId: number, changes: { title?: string; body?: string }) {
  const question = await ctx.db.question.findUnique({ where: { id: questionId }, select: { askerId: true } });
  if (!question) throw notFound('No question with that ID.');
  if (ctx.viewer?.role === 'asker' && ctx.viewer.askerId !== question.askerId) {
    throw userError('FORBIDDEN', 'An asker credential can only edit its own question.');
  }
  // In a write transaction for its lock and statement timeouts and its share of the pool.
  await writeTransaction(ctx.db, (tx) => tx.question.update({ where: { id: questionId }, data: changes }), {
    row: `question:${questionId}`,
  });
  await ctx.responseCache.invalidate([{ typename: 'Question', id: questionId }]);
}
