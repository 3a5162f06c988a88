import { z } from 'zod';
import { builder } from '../builder';
import { parseGlobalId } from '../schema/lookup';
import { IDEMPOTENCY_KEY_DESCRIPTION, idempotencyKey, parseInput, text } from '../schema/validation';
import { askQuestion, editQuestion } from './service';
import { questionField } from './types';
import { rateLimit } from '../limits/field-rate-limit';

export const TITLE_LIMITS = { min: 10, max: 200 } as const;
export const BODY_LIMITS = { min: 10, max: 5_000 } as const;
export const MAX_TOPICS = 5;

const title = text(TITLE_LIMITS.min, TITLE_LIMITS.max);
const body = text(BODY_LIMITS.min, BODY_LIMITS.max);
const askInput = z.object({
  title,
  body,
  topics: z.array(z.string()).max(MAX_TOPICS, `must list at most ${MAX_TOPICS} topics`).default([]),
  idempotencyKey: idempotencyKey.optional(),
  askerToken: z.string().max(200, 'must be an asker token from an earlier askQuestion').optional(),
});
const editInput = z
  .object({ title: title.optional(), body: body.optional() })
  .refine((input) => input.title !== undefined || input.body !== undefined, {
    message: 'or "body" must be given',
    path: ['title'],
  });

builder.relayMutationField(
  'askQuestion',
  {
    inputFields: (t) => ({
      title: t.string({ required: true, description: `${TITLE_LIMITS.min} to ${TITLE_LIMITS.max} characters.` }),
      body: t.string({
        required: true,
        description: `${BODY_LIMITS.min} to ${BODY_LIMITS.max} characters, plain text.`,
      }),
      topics: t.stringList({ description: `Slugs of up to ${MAX_TOPICS} topics.` }),
      idempotencyKey: t.string({ description: IDEMPOTENCY_KEY_DESCRIPTION }),
      askerToken: t.string({
        description:
          'The asker token of an earlier question, to ask under it: one token then holds every question (see `viewer`).',
      }),
    }),
  },
  {
    description:
      'Ask a question, anonymously. The result holds the asker token: a new one, shown this once, or the `askerToken` given. It lets the asker manage their questions and read their notifications, nothing else.',
    authScopes: { public: true },
    extensions: rateLimit('askQuestion'),
    resolve: (_root, { input }, ctx) => {
      const {
        idempotencyKey: key,
        askerToken,
        ...question
      } = parseInput(askInput, {
        ...input,
        topics: input.topics ?? undefined,
        idempotencyKey: input.idempotencyKey ?? undefined,
        askerToken: input.askerToken ?? undefined,
      });
      return askQuestion(ctx, question, key, askerToken);
    },
  },
  {
    outputFields: (t) => ({
      question: questionField(t),
      askerToken: t.string({
        description: 'Bearer token of the asker. Keep it: it is not stored and cannot be shown again.',
        resolve: ({ askerToken }) => askerToken,
      }),
    }),
  },
);

builder.relayMutationField(
  'editQuestion',
  {
    inputFields: (t) => ({
      questionId: t.id({ required: true }),
      title: t.string(),
      body: t.string(),
    }),
  },
  {
    description: 'Reword a question: its asker (with the asker token), or staff.',
    authScopes: { asker: true, staff: true },
    extensions: rateLimit('edits'),
    resolve: async (_root, { input }, ctx) => {
      const questionId = parseGlobalId(input.questionId, 'Question', 'questionId');
      const changes = parseInput(editInput, { title: input.title ?? undefined, body: input.body ?? undefined });
      await editQuestion(ctx, questionId, changes);
      return { questionId };
    },
  },
  {
    outputFields: (t) => ({
      question: questionField(t),
    }),
  },
);
