import { formatPrismaCursor, parsePrismaCursor } from '@pothos/plugin-prisma';
import { builder } from '../builder';
import { Answer } from '../answers/types';
import { badUserInput } from '../errors';

export const NotificationKind = builder.enumType('NotificationKind', {
  values: {
    ANSWER_ADDED: { description: "A doctor or the site's team answered one of your questions." },
    ANSWER_EDITED: { description: 'An answer you have seen was edited.' },
    ANSWER_HIDDEN: { description: "An answer you have seen was hidden by the site's team." },
  } as const,
});

/**
 * A notification to an asker. It is theirs alone: only reachable through `viewer.notifications`
 * and `notificationAdded` with the asker's own credential, and nothing in it names the asker.
 */
export const Notification = builder.prismaObject('Notification', {
  description: 'Something that happened on one of your questions. Seen only with your asker credential.',
  select: { id: true },
  fields: (t) => ({
    id: t.globalID({ resolve: ({ id }) => ({ type: 'Notification', id }) }),
    kind: t.field({ type: NotificationKind, select: { kind: true }, resolve: (n) => n.kind }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    read: t.boolean({ select: { readAt: true }, resolve: (n) => n.readAt !== null }),
    question: t.relation('question'),
    answer: t.field({
      type: Answer,
      nullable: true,
      description: 'The answer, or null once staff have hidden it.',
      // In the parent's SQL statement, with hiddenAt so that a hidden answer can be left out.
      select: (_args, _ctx, nestedSelection) => {
        const nested = nestedSelection(true) as { select?: Record<string, unknown> };
        return { answer: { ...nested, select: { ...nested.select, id: true, hiddenAt: true } } };
      },
      resolve: (n) => (n.answer.hiddenAt === null ? n.answer : null),
    }),
  }),
});

/** The cursor of a notification, the same in `viewer.notifications` and `notificationAdded`. */
export const notificationCursor = (id: number) => formatPrismaCursor({ id }, 'id');

export function notificationIdOfCursor(cursor: string, field: string): number {
  let value: unknown;
  try {
    value = parsePrismaCursor(cursor);
  } catch {
    value = null;
  }
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    throw badUserInput(`"${cursor}" is not a cursor of Viewer.notifications.`, field);
  }
  return value;
}
