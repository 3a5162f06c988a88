import { z } from 'zod';
import { builder } from '../builder';
import { parseInput, IDEMPOTENCY_KEY_DESCRIPTION, idempotencyKey } from '../schema/validation';
import { setFollow } from './service';
import { rateLimit } from '../limits/field-rate-limit';

const followInput = z.object({
  topic: z.string().min(1, 'must be a topic slug').max(200, 'must be a topic slug'),
  idempotencyKey: idempotencyKey.optional(),
});

for (const [name, follow] of [
  ['followTopic', true],
  ['unfollowTopic', false],
] as const) {
  builder.relayMutationField(
    name,
    {
      inputFields: (t) => ({
        topic: t.string({ required: true, description: 'The slug of the topic.' }),
        idempotencyKey: t.string({ description: IDEMPOTENCY_KEY_DESCRIPTION }),
      }),
    },
    {
      description: follow
        ? 'Follow a topic: its new questions come to your questionAsked feed (doctors; a repeat changes nothing).'
        : 'Stop following a topic (doctors; unfollowing one not followed changes nothing).',
      authScopes: { doctor: true },
      extensions: rateLimit('edits'),
      resolve: async (_root, { input }, ctx) => {
        const parsed = parseInput(followInput, {
          topic: input.topic,
          idempotencyKey: input.idempotencyKey ?? undefined,
        });
        return { topicId: await setFollow(ctx, parsed.topic, follow, parsed.idempotencyKey) };
      },
    },
    {
      outputFields: (t) => ({
        topic: t.prismaField({
          type: 'Topic',
          resolve: (query, { topicId }, _args, ctx) =>
            ctx.db.topic.findUniqueOrThrow({ ...query, where: { id: topicId } }),
        }),
        followedTopics: t.prismaField({
          type: ['Topic'],
          description: 'Every topic you follow now.',
          resolve: (query, _result, _args, ctx) =>
            ctx.db.topic.findMany({
              ...query,
              where: { followers: { some: { id: ctx.viewer?.role === 'doctor' ? ctx.viewer.doctorId : 0 } } },
              orderBy: { name: 'asc' },
            }),
        }),
      }),
    },
  );
}
