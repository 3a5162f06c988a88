import type { Context } from '../context';
import { runOnce } from '../db/idempotency';
import { badUserInput, userError } from '../errors';

/** A doctor follows at most this many topics besides their specialty's: the feed's filter stays small. */
export const MAX_FOLLOWED_TOPICS = 50;

/** What a doctors' feed follows: questions with any of these topics, or every question (null). */
export type TopicFilter = number[] | null;

async function topicIdsOfSlugs(ctx: Context, slugs: string[], field: string): Promise<number[]> {
  const topics = await ctx.db.topic.findMany({ where: { slug: { in: slugs } }, select: { id: true, slug: true } });
  const unknown = slugs.filter((slug) => !topics.some((t) => t.slug === slug));
  if (unknown.length)
    throw badUserInput(`Unknown topic${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}.`, field);
  return topics.map((t) => t.id);
}

async function topicIdsOfSpecialty(ctx: Context, slug: string, field: string): Promise<number[]> {
  const specialty = await ctx.db.specialty.findUnique({
    where: { slug },
    select: { topics: { select: { id: true } } },
  });
  if (!specialty) throw badUserInput(`Unknown specialty: ${slug}.`, field);
  return specialty.topics.map((t) => t.id);
}

/**
 * The topics a feed follows. With a filter: its topics and its specialty's topics. Without one:
 * for a doctor, their specialty's topics and the topics they follow; for anyone else, everything.
 */
export async function feedTopics(
  ctx: Context,
  filter: { topics?: string[] | null; specialty?: string | null } | null | undefined,
  field = 'filter',
): Promise<TopicFilter> {
  if (filter && (filter.topics != null || filter.specialty != null)) {
    const ids = new Set([
      ...(filter.topics ? await topicIdsOfSlugs(ctx, filter.topics, `${field}.topics`) : []),
      ...(filter.specialty ? await topicIdsOfSpecialty(ctx, filter.specialty, `${field}.specialty`) : []),
    ]);
    return [...ids].sort((a, b) => a - b);
  }
  if (ctx.viewer?.role !== 'doctor') return null;
  const doctor = await ctx.db.doctor.findUniqueOrThrow({
    where: { id: ctx.viewer.doctorId },
    select: { followedTopics: { select: { id: true } }, specialty: { select: { topics: { select: { id: true } } } } },
  });
  const ids = new Set([...doctor.followedTopics, ...(doctor.specialty?.topics ?? [])].map((t) => t.id));
  return [...ids].sort((a, b) => a - b);
}

/** Follows or unfollows a topic (by slug); both are idempotent, and keyed retries replay. */
export async function setFollow(ctx: Context, slug: string, follow: boolean, idempotencyKey?: string) {
  if (ctx.viewer?.role !== 'doctor') throw userError('FORBIDDEN', 'Only doctors follow topics.');
  const doctorId = ctx.viewer.doctorId;
  const [topicId] = await topicIdsOfSlugs(ctx, [slug], 'topic');
  await runOnce(
    ctx.db,
    {
      operation: follow ? 'followTopic' : 'unfollowTopic',
      scope: `credential:${ctx.viewer.credentialId}`,
      key: idempotencyKey,
      input: { slug },
      row: `doctor:${doctorId}`,
    },
    async (tx) => {
      if (follow) {
        const followed = await tx.doctor.findUniqueOrThrow({
          where: { id: doctorId },
          select: { followedTopics: { where: { id: { not: topicId } }, select: { id: true } } },
        });
        if (followed.followedTopics.length >= MAX_FOLLOWED_TOPICS) {
          throw badUserInput(
            `You follow ${MAX_FOLLOWED_TOPICS} topics already, the most allowed: unfollow one first.`,
            'topic',
          );
        }
      }
      const change = follow ? { connect: { id: topicId } } : { disconnect: { id: topicId } };
      await tx.doctor.update({ where: { id: doctorId }, data: { followedTopics: change }, select: { id: true } });
      return { id: topicId! };
    },
  );
  return topicId!;
}
