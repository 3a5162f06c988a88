import { formatPrismaCursor } from '@pothos/plugin-prisma';
import { builder, type BuilderTypes } from '../builder';
import { prismaNodeDefaults } from '../schema/nodes';
import { AnswerOrder, answerOrderBy, visibleAnswers } from '../answers/order';
import { BlogPost } from '../blogs/types';
import { badUserInput } from '../errors';
import { pageSize } from '../schema/pagination';

export const MAX_RELEVANT_BLOGS = 20;

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
    topics: t.relation('topics', { query: { orderBy: { name: 'asc' } } }),
    relevantBlogs: t.prismaField({
      description: `Blog posts that share a topic with the question, newest first (at most ${MAX_RELEVANT_BLOGS}).`,
      type: [BlogPost],
      args: { first: t.arg.int({ defaultValue: 5, required: true }) },
      resolve: (query, question, { first }, ctx) => {
        if (first < 0 || first > MAX_RELEVANT_BLOGS) {
          throw badUserInput(`"first" must be between 0 and ${MAX_RELEVANT_BLOGS}; got ${first}.`, 'first');
        }
        return ctx.db.blogPost.findMany({
          ...query,
          where: { topics: { some: { questions: { some: { id: question.id } } } } },
          orderBy: [{ publishedAt: 'desc' }, { id: 'desc' }],
          take: first,
        });
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
