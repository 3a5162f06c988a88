import { z } from 'zod';
import { builder } from '../builder';
import { runOnce } from '../db/idempotency';
import { IDEMPOTENCY_KEY_DESCRIPTION, idempotencyKey, parseInput } from '../schema/validation';
import { markRead, unreadCount } from './service';
import { notificationIdOfCursor } from './types';
import { rateLimit } from '../limits/field-rate-limit';

const markInput = z.object({
  upTo: z.string().max(200, 'must be a cursor of Viewer.notifications'),
  idempotencyKey: idempotencyKey.optional(),
});

builder.relayMutationField(
  'markNotificationsRead',
  {
    inputFields: (t) => ({
      upTo: t.string({
        required: true,
        description: 'Cursor of the newest notification read: it and every older one become read.',
      }),
      idempotencyKey: t.string({ description: IDEMPOTENCY_KEY_DESCRIPTION }),
    }),
  },
  {
    description: 'Mark your notifications read up to a cursor (asker credential only). Marking again changes nothing.',
    authScopes: { asker: true },
    extensions: rateLimit('edits'),
    resolve: async (_root, { input }, ctx) => {
      const parsed = parseInput(markInput, { upTo: input.upTo, idempotencyKey: input.idempotencyKey ?? undefined });
      const upToId = notificationIdOfCursor(parsed.upTo, 'upTo');
      // The scope check let only askers through.
      const askerId = ctx.viewer?.role === 'asker' ? ctx.viewer.askerId : 0;
      const request = {
        operation: 'markNotificationsRead' as const,
        scope: `credential:${ctx.viewer!.credentialId}`,
        key: parsed.idempotencyKey,
        input: { upToId },
      };
      const result = await runOnce(ctx.db, request, async (tx) => ({
        id: upToId,
        marked: await markRead(tx, askerId, upToId),
      }));
      return { marked: result.replayed ? 0 : result.marked, unreadCount: await unreadCount(ctx, askerId) };
    },
  },
  {
    outputFields: (t) => ({
      marked: t.int({
        description: 'Notifications this request marked read (0 for a retry).',
        resolve: (r) => r.marked,
      }),
      unreadCount: t.int({ description: 'Your unread notifications now.', resolve: (r) => r.unreadCount }),
    }),
  },
);
