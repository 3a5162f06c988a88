import { formatPrismaCursor, parsePrismaCursor } from '@pothos/plugin-prisma';
import { builder } from '../builder';
import { badUserInput } from '../errors';
import { questionField } from '../questions/types';
import { cursorFeed } from '../pubsub/cursor-feed';
import { pageSize } from '../schema/pagination';
import { FEED_PAGE, questionIdsAfter } from './live-loaders';
import { feedTopics } from './service';

export const MAX_FILTER_TOPICS = 20;

export const QuestionFeedFilter = builder.inputType('QuestionFeedFilter', {
  description: 'Questions with any of these topics, or any topic of the specialty. Both may be given.',
  fields: (t) => ({
    topics: t.stringList({ description: `Topic slugs, at most ${MAX_FILTER_TOPICS}.` }),
    specialty: t.string({ description: 'A specialty slug: the topics its doctors answer.' }),
  }),
});

type Filter = { topics?: string[] | null; specialty?: string | null } | null | undefined;

function checkFilter(filter: Filter, field: string) {
  if (filter?.topics && filter.topics.length > MAX_FILTER_TOPICS) {
    throw badUserInput(`"${field}.topics" must list at most ${MAX_FILTER_TOPICS} topics.`, `${field}.topics`);
  }
}

function questionIdOfCursor(cursor: string, field: string): number {
  let value: unknown;
  try {
    value = parsePrismaCursor(cursor);
  } catch {
    value = null;
  }
  if (typeof value !== 'number' || !Number.isSafeInteger(value))
    throw badUserInput(`"${cursor}" is not a question cursor.`, field);
  return value;
}

const QuestionEdge = builder.objectRef<{ questionId: number }>('QuestionAskedEdge').implement({
  description: 'A new question, with the same cursor it has in `unansweredQuestions`.',
  fields: (t) => ({
    cursor: t.string({ resolve: ({ questionId }) => formatPrismaCursor({ id: questionId }, 'id') }),
    node: questionField(t),
  }),
});

builder.subscriptionField('questionAsked', (t) =>
  t.field({
    description:
      "Each new question that matches the filter (doctors and staff). Without a filter, a doctor follows their specialty's topics and the topics they follow; staff get every question. With `after` (the cursor of the last question seen), first every matching question since then, in order, once.",
    type: QuestionEdge,
    authScopes: { doctor: true, staff: true },
    args: { filter: t.arg({ type: QuestionFeedFilter }), after: t.arg.string() },
    subscribe: async (_root, args, ctx) => {
      checkFilter(args.filter, 'filter');
      const afterId = args.after == null ? null : questionIdOfCursor(args.after, 'after');
      const topics = await feedTopics(ctx, args.filter);
      return cursorFeed({
        afterId,
        latestId: async () =>
          (await ctx.db.question.findFirst({ orderBy: { id: 'desc' }, select: { id: true } }))?.id ?? 0,
        listen: () => ctx.pubSub.subscribe('question:asked', 'all'),
        idsAfter: (last) => questionIdsAfter(ctx.db).load({ afterId: last, topics }),
        pageLimit: FEED_PAGE,
      });
    },
    resolve: (questionId: number) => ({ questionId }),
  }),
);

builder.queryField('unansweredQuestions', (t) =>
  t.prismaConnection({
    type: 'Question',
    description:
      "Questions with no visible answer yet, longest waiting first. Filtered like questionAsked: by default a doctor sees their specialty's topics and the topics they follow; anyone else, every question.",
    authScopes: { public: true },
    cursor: 'id',
    ...pageSize,
    args: { filter: t.arg({ type: QuestionFeedFilter }) },
    resolve: async (query, _root, args, ctx) => {
      checkFilter(args.filter, 'filter');
      const topics = await feedTopics(ctx, args.filter);
      return ctx.db.question.findMany({
        ...query,
        where: { answerCount: 0, ...(topics === null ? {} : { topics: { some: { id: { in: topics } } } }) },
        orderBy: { id: 'asc' },
      });
    },
  }),
);
