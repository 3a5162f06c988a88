import { formatPrismaCursor } from '@pothos/plugin-prisma';
import { builder, type BuilderTypes } from '../builder';
import { prismaNodeDefaults } from '../schema/nodes';
import { AnswerOrder, answerOrderBy, visibleAnswers } from '../answers/order';
import { BlogPost } from '../blogs/types';
import { badUserInput } from '../errors';
import { pageSize } from '../schema/pagination';

export const MAX_RELEVANT_BLOGS = 20;

/** The `topics` field's query; relevantBlogs selects through the same, so the two share a join. */
const topicOrder = { orderBy: { name: 'asc' } } as const;

type BlogPostKey = { id: number; publishedAt: Date };
const blogOrder = [{ publishedAt: 'desc' }, { id: 'desc' }] as const;

/**
 * A topic's newest posts, with what the client selected plus the keys newestDistinct needs (a
 * planned query without a `select` loads every column, those included).
 */
function relevantBlogQuery(nestedSelection: (selection?: object) => object, first: number) {
  const planned = nestedSelection({ take: Math.min(Math.max(first, 0), MAX_RELEVANT_BLOGS), orderBy: blogOrder }) as {
    select?: Record<string, unknown>;
  };
  return planned.select ? { ...planned, select: { ...planned.select, id: true, publishedAt: true } } : planned;
}

/** The newest `first` of several newest-first lists, each post once (a post may share several topics). */
function newestDistinct(posts: BlogPostKey[], first: number): BlogPostKey[] {
  const byId = new Map(posts.map((post) => [post.id, post]));
  return [...byId.values()]
    .sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime() || b.id - a.id)
    .slice(0, first);
}

export const Question = builder.prismaNode('Question', {
  description: 'A health question asked by a patient. Who asked is never revealed.',
  ...prismaNodeDefaults,
  fields: (t) => ({
    slug: t.exposeString('slug', { description: 'Human-readable, unique; used in page URLs.' }),
    title: t.exposeString('title'),
    body: t.exposeString('body', { description: 'Plain text exactly as written; never HTML.' }),
    askedAt: t.expose('askedAt', { type: 'DateTime' }),
    askedAnonymously: t.boolean({
      description: 'Always true: the API never identifies askers.',
      resolve: () => true,
    }),
    answerCount: t.exposeInt('answerCount', { description: 'Visible answers.' }),
    lastAnsweredAt: t.expose('lastAnsweredAt', {
      type: 'DateTime',
      nullable: true,
      description: 'Time of the newest visible answer; null while unanswered.',
    }),
    latestAnswerCursor: t.string({
      description:
        'Pass this to `answerAdded(after:)` to follow the answers live from what this page shows: every answer saved after this ' +
        'page was read arrives once, in order, and none is missed. It is read in the same statement as `answers`, so an answer ' +
        'saved meanwhile is either on the page or in the subscription, never both. Not the same as `answers.pageInfo.endCursor` ' +
        '(newest first, that is the oldest answer shown) nor always `startCursor` (answers are listed by time, ids follow ' +
        'commit order).',
      // The column is kept by the answer trigger; 0 (no answer yet) resumes from the very first.
      select: { lastAnswerId: true },
      resolve: (question) => formatPrismaCursor({ id: question.lastAnswerId ?? 0 }, 'id'),
    }),
    answers: t.relatedConnection('answers', {
      description: 'Visible answers, newest first unless `order` says otherwise.',
      cursor: 'id',
      ...pageSize,
      totalCount: true,
      args: { order: t.arg({ type: AnswerOrder, defaultValue: 'NEWEST_FIRST', required: true }) },
      query: (args) => ({ where: visibleAnswers, orderBy: answerOrderBy(args.order) }),
    }),
    topics: t.relation('topics', { query: topicOrder }),
    relevantBlogs: t.field({
      description: `Blog posts that share a topic with the question, newest first (at most ${MAX_RELEVANT_BLOGS}).`,
      type: [BlogPost],
      args: { first: t.arg.int({ defaultValue: 5, required: true }) },
      // Read in the question's own statement, through its topics: each topic's newest `first` posts
      // hold the newest `first` of them all, merged below. A statement of its own (blog_post where
      // one of its topics is one of the question's) was a second round trip to PostgreSQL per page,
      // about a sixth of a question page's CPU. The topics' query is the `topics` field's, so the
      // two share one join. An out-of-range `first` is refused in resolve; it is clamped here.
      select: ({ first }, _ctx, nestedSelection) => ({
        topics: {
          ...topicOrder,
          select: { blogPosts: relevantBlogQuery(nestedSelection, first) },
        },
      }),
      resolve: (question, { first }) => {
        if (first < 0 || first > MAX_RELEVANT_BLOGS) {
          throw badUserInput(`"first" must be between 0 and ${MAX_RELEVANT_BLOGS}; got ${first}.`, 'first');
        }
        return newestDistinct(
          question.topics.flatMap((topic) => topic.blogPosts as BlogPostKey[]),
          first,
        );
      },
    }),
  }),
});

/**
 * A field holding the question whose id its parent has (a mutation payload's `question`, a live
 * edge's `node`), loaded with the selection the client asked for.
 */
export const questionField = <Shape extends { questionId: number }>(
  t: PothosSchemaTypes.ObjectFieldBuilder<BuilderTypes, Shape>,
) =>
  t.prismaField({
    type: Question,
    resolve: (query, { questionId }, _args, ctx) =>
      ctx.db.question.findUniqueOrThrow({ ...query, where: { id: questionId } }),
  });
