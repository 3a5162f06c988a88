import { builder } from '../builder';
import type { Db } from '../db/client';
import type { Prisma } from '../generated/prisma/client';
import { badUserInput } from '../errors';
import { lookupNotFound, slugOrIdWhere } from '../schema/lookup';
import { pageSize } from '../schema/pagination';
import { MAX_SEARCH_MATCHES, searchQuestionIds } from './search';
import { Question } from './types';

const QuestionOrder = builder.enumType('QuestionOrder', {
  values: {
    NEWEST: { description: 'Most recently asked first (the default).' },
    RECENTLY_ANSWERED: { description: 'Most recently answered first; lists answered questions only.' },
    MOST_ANSWERED: { description: 'Most answers first.' },
  } as const,
});

const QuestionFilter = builder.inputType('QuestionFilter', {
  fields: (t) => ({
    topic: t.string({ description: 'Slug of a topic the questions must have.' }),
    answered: t.boolean({ description: 'true: only answered questions; false: only unanswered ones.' }),
    search: t.string({
      description: `Words to find in title or body (web-search syntax: "quoted phrase", -exclude, or). At most the ${MAX_SEARCH_MATCHES} best matches.`,
    }),
  }),
});

type Order = 'NEWEST' | 'RECENTLY_ANSWERED' | 'MOST_ANSWERED';
type Filter = { topic?: string | null; answered?: boolean | null; search?: string | null };

// Every order ends on the id, so that equal values page in a stable order.
const orderBy: Record<Order, Prisma.QuestionOrderByWithRelationInput[]> = {
  NEWEST: [{ askedAt: 'desc' }, { id: 'desc' }],
  RECENTLY_ANSWERED: [{ lastAnsweredAt: 'desc' }, { id: 'desc' }],
  MOST_ANSWERED: [{ answerCount: 'desc' }, { id: 'desc' }],
};

async function questionWhere(db: Db, filter: Filter | null | undefined, order: Order) {
  const where: Prisma.QuestionWhereInput = {};
  if (filter?.topic != null) where.topics = { some: { slug: filter.topic } };
  if (order === 'RECENTLY_ANSWERED') {
    if (filter?.answered === false) {
      throw badUserInput(
        'RECENTLY_ANSWERED lists answered questions; it cannot be combined with answered: false.',
        'answered',
      );
    }
    where.answerCount = { gt: 0 };
  } else if (filter?.answered != null) {
    where.answerCount = filter.answered ? { gt: 0 } : 0;
  }
  if (filter?.search != null) {
    const text = filter.search.trim();
    if (text.length === 0 || text.length > 200) {
      throw badUserInput('"search" must have between 1 and 200 characters.', 'search');
    }
    where.id = { in: await searchQuestionIds(db, text) };
  }
  return where;
}

builder.queryFields((t) => ({
  question: t.prismaField({
    description: 'One question, by slug or by ID. NOT_FOUND when there is none.',
    authScopes: { public: true },
    type: Question,
    nullable: true,
    args: { slug: t.arg.string(), id: t.arg.id() },
    resolve: async (query, _root, args, ctx) => {
      // findFirst, not findUnique: see slugOrIdWhere (src/schema/lookup.ts).
      const question = await ctx.db.question.findFirst({ ...query, where: slugOrIdWhere('Question', args) });
      if (!question) throw lookupNotFound('question', args);
      return question;
    },
  }),
  questions: t.prismaConnection({
    description: 'Questions, filtered and ordered; newest first by default.',
    authScopes: { public: true },
    type: Question,
    cursor: 'id',
    ...pageSize,
    args: {
      filter: t.arg({ type: QuestionFilter }),
      orderBy: t.arg({ type: QuestionOrder, defaultValue: 'NEWEST', required: true }),
    },
    resolve: async (query, _root, args, ctx) =>
      ctx.db.question.findMany({
        ...query,
        where: await questionWhere(ctx.db, args.filter, args.orderBy),
        orderBy: orderBy[args.orderBy],
      }),
    totalCount: async (_root, args, ctx) =>
      ctx.db.question.count({ where: await questionWhere(ctx.db, args.filter, args.orderBy) }),
  }),
}));
