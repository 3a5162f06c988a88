import type { Prisma } from '../generated/prisma/client';
import { builder } from '../builder';

export const AnswerOrder = builder.enumType('AnswerOrder', {
  description: 'How to order answers. Ties on time are broken by creation order, so pages never skip or repeat.',
  values: {
    NEWEST_FIRST: { description: 'Most recently answered first (the default).' },
    OLDEST_FIRST: { description: 'First answer first.' },
  } as const,
});

export type AnswerOrderValue = 'NEWEST_FIRST' | 'OLDEST_FIRST';

export function answerOrderBy(order: AnswerOrderValue): Prisma.AnswerOrderByWithRelationInput[] {
  const direction = order === 'OLDEST_FIRST' ? 'asc' : 'desc';
  return [{ answeredAt: direction }, { id: direction }];
}

/** Hidden (moderated) answers are left out of every list. */
export const visibleAnswers = { hiddenAt: null };
