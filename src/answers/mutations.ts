import { z } from 'zod';
import { builder } from '../builder';
import { parseGlobalId } from '../schema/lookup';
import { IDEMPOTENCY_KEY_DESCRIPTION, idempotencyKey, parseInput, text } from '../schema/validation';
import { editAnswer, hideAnswer, postAnswer } from './service';
import { answerField } from './types';
import { rateLimit } from '../limits/field-rate-limit';

export const ANSWER_BODY_MAX = 10_000;
const answerBody = z.object({ body: text(1, ANSWER_BODY_MAX) });
const postInput = answerBody.extend({ idempotencyKey: idempotencyKey.optional() });

builder.relayMutationField(
  'postAnswer',
  {
    inputFields: (t) => ({
      questionId: t.id({ required: true }),
      body: t.string({ required: true, description: `Plain text, 1 to ${ANSWER_BODY_MAX} characters.` }),
      idempotencyKey: t.string({ description: IDEMPOTENCY_KEY_DESCRIPTION }),
    }),
  },
  {
    description: 'Answer a question: doctors, or staff for an editorial answer. Subscribers get it once it is saved.',
    authScopes: { doctor: true, staff: true },
    extensions: rateLimit('postAnswer'),
    resolve: async (_root, { input }, ctx) => {
      const questionId = parseGlobalId(input.questionId, 'Question', 'questionId');
      const { body, idempotencyKey } = parseInput(postInput, {
        body: input.body,
        idempotencyKey: input.idempotencyKey ?? undefined,
      });
      return { answerId: await postAnswer(ctx, questionId, body, idempotencyKey) };
    },
  },
  {
    outputFields: (t) => ({
      answer: answerField(t),
    }),
  },
);

builder.relayMutationField(
  'editAnswer',
  {
    inputFields: (t) => ({
      answerId: t.id({ required: true }),
      body: t.string({ required: true, description: `The new text, 1 to ${ANSWER_BODY_MAX} characters.` }),
    }),
  },
  {
    description: "Change an answer's text: its own doctor, or staff. The previous text and the editor are kept.",
    authScopes: { doctor: true, staff: true },
    extensions: rateLimit('edits'),
    resolve: async (_root, { input }, ctx) => {
      const answerId = parseGlobalId(input.answerId, 'Answer', 'answerId');
      const { body } = parseInput(answerBody, { body: input.body });
      await editAnswer(ctx, answerId, body);
      return { answerId };
    },
  },
  {
    outputFields: (t) => ({
      answer: answerField(t),
    }),
  },
);

builder.relayMutationField(
  'hideAnswer',
  { inputFields: (t) => ({ answerId: t.id({ required: true }) }) },
  {
    description: 'Staff moderation: the answer vanishes from every list, count and subscription.',
    authScopes: { staff: true },
    extensions: rateLimit('edits'),
    resolve: async (_root, { input }, ctx) => {
      const answerId = parseGlobalId(input.answerId, 'Answer', 'answerId');
      return { answerId, hiddenAt: await hideAnswer(ctx, answerId) };
    },
  },
  {
    outputFields: (t) => ({
      answerId: t.globalID({ resolve: ({ answerId }) => ({ type: 'Answer', id: answerId }) }),
      hiddenAt: t.field({ type: 'DateTime', resolve: ({ hiddenAt }) => hiddenAt }),
    }),
  },
);
