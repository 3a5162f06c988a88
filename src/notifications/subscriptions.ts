import { builder } from '../builder';
import type { Context } from '../context';
import { cursorFeed } from '../pubsub/cursor-feed';
import { notificationLoaders } from './live-loaders';
import { Notification, notificationCursor, notificationIdOfCursor } from './types';

const NotificationEdge = builder.objectRef<{ notificationId: number }>('NotificationEdge').implement({
  description: 'A new notification, with the same cursor it has in `Viewer.notifications`.',
  fields: (t) => ({
    cursor: t.string({ resolve: ({ notificationId }) => notificationCursor(notificationId) }),
    node: t.prismaField({
      type: Notification,
      resolve: (query, { notificationId }, _args, ctx) =>
        notificationLoaders(ctx.db).notification.load({ id: notificationId, query }) as ReturnType<
          typeof ctx.db.notification.findUniqueOrThrow
        >,
    }),
  }),
});

/** The asker's notifications after `afterId`, then live ones (src/pubsub/cursor-feed.ts). */
function notificationFeed(ctx: Context, askerId: number, afterId: number | null) {
  return cursorFeed({
    afterId,
    latestId: async () =>
      (await ctx.db.notification.findFirst({ where: { askerId }, orderBy: { id: 'desc' }, select: { id: true } }))
        ?.id ?? 0,
    listen: () => ctx.pubSub.subscribe('notification:added', askerId),
    idsAfter: (last) => notificationLoaders(ctx.db).idsAfter.load({ askerId, afterId: last }),
  });
}

builder.subscriptionField('notificationAdded', (t) =>
  t.field({
    description:
      'Your new notifications, as they are written (asker credential only). With `after` (the cursor of the last one seen), first every notification since then, in order, once: a client that was offline misses none.',
    type: NotificationEdge,
    authScopes: { asker: true },
    args: { after: t.arg.string() },
    subscribe: (_root, args, ctx) => {
      const afterId = args.after == null ? null : notificationIdOfCursor(args.after, 'after');
      // The scope check let only askers through.
      const askerId = ctx.viewer?.role === 'asker' ? ctx.viewer.askerId : 0;
      return notificationFeed(ctx, askerId, afterId);
    },
    resolve: (notificationId: number) => ({ notificationId }),
  }),
);
