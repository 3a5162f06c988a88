import { formatPrismaCursor, parsePrismaCursor } from '@pothos/plugin-prisma';
import { builder } from '../builder';
import type { Context } from '../context';
import { badUserInput, notFound } from '../errors';
import { shareExecution } from '../plugins/shared-subscriptions';
import { MAX_ROW_ID, parseGlobalId } from '../schema/lookup';
import { type AddedAnswer, answerAddedFeed, answerUpdatedFeed } from './feed';
import { liveLoaders } from './live-loaders';
import { Answer } from './types';

const AnswerEdge = builder.objectRef<{ answerId: number }>('AnswerEdge').implement({
  description: 'A new answer, with the same cursor it has in `Question.answers`.',
  fields: (t) => ({
    cursor: t.string({ resolve: ({ answerId }) => formatPrismaCursor({ id: answerId }, 'id') }),
    node: t.prismaField({
      type: Answer,
      // Every subscriber of the question wakes for the same answer: load it once per selection.
      resolve: (query, { answerId }, _args, ctx) =>
        liveLoaders(ctx.db).answer.load({ id: answerId, query }) as ReturnType<typeof ctx.db.answer.findUniqueOrThrow>,
    }),
  }),
});

const AnswerUpdateKind = builder.enumType('AnswerUpdateKind', {
  values: {
    EDITED: { description: 'The body changed; `answer` has the new one.' },
    HIDDEN: { description: 'Staff hid the answer: remove it; `answer` is null.' },
    VOTED: { description: 'Its agreeCount or thankCount changed; `answer` has the new counts.' },
  } as const,
});

const AnswerUpdate = builder
  .objectRef<{ answerId: number; kind: 'EDITED' | 'HIDDEN' | 'VOTED' }>('AnswerUpdate')
  .implement({
    fields: (t) => ({
      kind: t.field({ type: AnswerUpdateKind, resolve: (update) => update.kind }),
      answerId: t.globalID({ resolve: ({ answerId }) => ({ type: 'Answer', id: answerId }) }),
      answer: t.prismaField({
        type: Answer,
        nullable: true,
        resolve: (query, { answerId }, _args, ctx) =>
          ctx.db.answer.findFirst({ ...query, where: { id: answerId, hiddenAt: null } }),
      }),
    }),
  });

/** The question a subscription is about: it must exist, so a typo fails at once. */
async function questionIdOf(ctx: Context, globalId: string): Promise<number> {
  const id = parseGlobalId(globalId, 'Question', 'questionId');
  if (!(await liveLoaders(ctx.db).questionExists.load(id))) {
    throw notFound(`No question with ID "${globalId}".`);
  }
  return id;
}

function answerIdOfCursor(cursor: string): number {
  let value: unknown;
  try {
    value = parsePrismaCursor(cursor);
  } catch {
    value = null;
  }
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > MAX_ROW_ID) {
    throw badUserInput(`"${cursor}" is not a cursor of Question.answers.`, 'after');
  }
  return value;
}

builder.subscriptionFields((t) => ({
  answerAdded: t.field({
    description:
      'Each new visible answer to a question, as it is saved. With `after`, first every answer saved since then, in order, then ' +
      'the live ones: pass `Question.latestAnswerCursor` from the page you show, and on a reconnect the `cursor` of the last ' +
      'answer received (src/client/live-answers.ts does this), so that nothing is missed or repeated. Without `after`, from now.',
    type: AnswerEdge,
    authScopes: { public: true },
    args: { questionId: t.arg.id({ required: true }), after: t.arg.string() },
    // Subscribers with the same selection share each answer's execution; `after` only says where
    // their stream starts (src/plugins/shared-subscriptions.ts).
    extensions: shareExecution(['after']),
    subscribe: async (_root, args, ctx) => {
      const afterId = args.after == null ? null : answerIdOfCursor(args.after);
      return answerAddedFeed(ctx, await questionIdOf(ctx, args.questionId), afterId);
    },
    resolve: ({ answerId }: AddedAnswer) => ({ answerId }),
  }),
  answerUpdated: t.field({
    description: "Edits, hides and new agreement or thanks counts of a question's answers, as they happen.",
    type: AnswerUpdate,
    authScopes: { public: true },
    args: { questionId: t.arg.id({ required: true }) },
    extensions: shareExecution([]),
    subscribe: async (_root, args, ctx) => answerUpdatedFeed(ctx, await questionIdOf(ctx, args.questionId)),
    resolve: (update) => update,
  }),
}));
