import { z } from 'zod';
import { builder } from '../builder';
import type { Context } from '../context';
import { answerField } from '../answers/types';
import { parseGlobalId } from '../schema/lookup';
import { IDEMPOTENCY_KEY_DESCRIPTION, idempotencyKey, parseInput } from '../schema/validation';
import { agree, thank, withdraw } from './service';
import { rateLimit } from '../limits/field-rate-limit';

const voteInput = z.object({ idempotencyKey: idempotencyKey.optional() });

/** One mutation per kind of vote: the same input (an answer) and payload (the answer, with its counts). */
function voteMutation(
  name: 'agreeWithAnswer' | 'withdrawAgreement' | 'thankAnswer',
  options: { description: string; authScopes: { doctor: true } | { asker: true } },
  run: (ctx: Context, answerId: number, key: string | undefined) => Promise<void>,
) {
  builder.relayMutationField(
    name,
    {
      inputFields: (t) => ({
        answerId: t.id({ required: true }),
        idempotencyKey: t.string({ description: IDEMPOTENCY_KEY_DESCRIPTION }),
      }),
    },
    {
      ...options,
      extensions: rateLimit('edits'),
      resolve: async (_root, { input }, ctx) => {
        const answerId = parseGlobalId(input.answerId, 'Answer', 'answerId');
        const { idempotencyKey: key } = parseInput(voteInput, { idempotencyKey: input.idempotencyKey ?? undefined });
        await run(ctx, answerId, key);
        return { answerId };
      },
    },
    {
      outputFields: (t) => ({
        answer: answerField(t),
      }),
    },
  );
}

voteMutation(
  'agreeWithAnswer',
  {
    description: "Agree with another doctor's answer (verified doctors; once per answer, a repeat changes nothing).",
    authScopes: { doctor: true },
  },
  agree,
);
voteMutation(
  'withdrawAgreement',
  {
    description: 'Withdraw your agreement with an answer; withdrawing none changes nothing.',
    authScopes: { doctor: true },
  },
  withdraw,
);
voteMutation(
  'thankAnswer',
  { description: 'Thank an answer to your question (asker credential; once per answer).', authScopes: { asker: true } },
  thank,
);
